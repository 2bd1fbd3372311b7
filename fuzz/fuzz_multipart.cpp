// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's streaming multipart/form-data parser. The input's first line is the
// Content-Type (the boundary comes from it, as in the bucket handler), then a byte that
// seeds the chunk sizes, then the body. The body is parsed twice, whole and in chunks:
// the parts seen and the outcome must not depend on how the bytes arrived.

#include "fuzzcheck.h"

#include "multipartstreamparser.h"

#include <QList>

namespace {

struct Outcome
{
    bool fed = true;
    bool finished = false;
    QList<QByteArray> events; // "begin name filename type", data concatenated, "end"

    bool operator==(const Outcome &other) const
    {
        return fed == other.fed && finished == other.finished && events == other.events;
    }
};

Outcome parse(const QByteArray &boundary, const QByteArray &body, uint8_t seed)
{
    Sandbox::MultipartStreamParser parser(boundary);
    Outcome outcome;
    QByteArray data;
    parser.partBegin = [&](const Sandbox::MultipartStreamParser::Part &part) {
        outcome.events << "begin " + part.name + ' ' + part.fileName + ' ' + part.contentType;
        data.clear();
        return true;
    };
    parser.partData = [&](QByteArrayView chunk) {
        data += chunk.toByteArray();
        return true;
    };
    parser.partEnd = [&] {
        outcome.events << data << "end";
        return true;
    };
    if (seed == 0) {
        outcome.fed = parser.feed(body);
    } else {
        // Chunks of 1 to 16 bytes, the sizes drawn from a tiny generator seeded by the input.
        uint32_t state = seed;
        for (qsizetype at = 0; at < body.size() && outcome.fed;) {
            state = state * 1103515245u + 12345u;
            const qsizetype length = qMin<qsizetype>(1 + (state >> 16) % 16, body.size() - at);
            outcome.fed = parser.feed(QByteArrayView(body).sliced(at, length));
            at += length;
        }
    }
    if (outcome.fed)
        outcome.finished = parser.finish();
    FUZZ_CHECK(!outcome.finished || parser.isComplete(), "finished means complete");
    FUZZ_CHECK(outcome.fed || parser.hasError(), "a refused feed leaves an error");
    (void)parser.errorString();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0 || newline + 1 >= input.size())
        return 0;
    const QByteArray contentType = input.left(newline);
    const uint8_t seed = uint8_t(input.at(newline + 1));
    const QByteArray body = input.mid(newline + 2);

    QByteArray mainValue;
    (void)Sandbox::MultipartStreamParser::headerParameters(contentType, &mainValue);
    const QByteArray boundary =
            Sandbox::MultipartStreamParser::boundaryFromContentType(contentType);
    if (boundary.isEmpty())
        return 0;
    const Outcome whole = parse(boundary, body, 0);
    const Outcome chunked = parse(boundary, body, seed == 0 ? 1 : seed);
    if (whole.fed && chunked.fed)
        FUZZ_CHECK(whole == chunked, "the same parts whether the body came whole or in chunks");
    else
        FUZZ_CHECK(whole.fed == chunked.fed, "the same verdict whether whole or in chunks");
    return 0;
}
