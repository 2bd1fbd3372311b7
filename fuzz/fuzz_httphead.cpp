// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's HTTP request head: framing (empty lines, the blank line that ends it) and
// parsing, as HttpConnection does them on the bytes a client sends.

#include "fuzzcheck.h"

#include "httpconnection.h"
#include "httpheadparser.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    QByteArray buffer = Fuzz::bytes(data, size);
    Sandbox::HttpHeadParser::skipLeadingEmptyLines(&buffer);
    FUZZ_CHECK(!buffer.startsWith('\n') && !buffer.startsWith("\r\n"), "empty lines are gone");

    qsizetype terminatorLength = 0;
    const qsizetype end = Sandbox::HttpHeadParser::findEnd(buffer, &terminatorLength);
    FUZZ_CHECK(end < 0
                       || ((terminatorLength == 2 || terminatorLength == 4)
                           && end + terminatorLength <= buffer.size()),
               "the head ends inside the buffer");
    // Without a blank line the whole input stands in for a head, to reach the parser anyway.
    const QByteArray head = end >= 0 ? buffer.left(end) : buffer;
    if (head.size() > Sandbox::HttpConnection::MaxHeadBytes)
        return 0;

    Sandbox::HttpRequest request;
    const int status = Sandbox::HttpHeadParser::parse(head, &request);
    FUZZ_CHECK(status == 0 || status == 400 || status == 411 || status == 417 || status == 505,
               "a refusal is one of the documented statuses");
    if (status != 0)
        return 0;
    FUZZ_CHECK(!request.method.isEmpty(), "an accepted request has a method");
    FUZZ_CHECK(request.version == "HTTP/1.1" || request.version == "HTTP/1.0",
               "an accepted request is HTTP/1.x");
    FUZZ_CHECK(request.target.startsWith('/'), "the target is origin-form");
    FUZZ_CHECK(request.target.startsWith(request.rawPath), "the path is the target's start");
    FUZZ_CHECK(request.contentLength >= 0, "the length is not negative");
    for (const auto &[name, value] : std::as_const(request.headers)) {
        FUZZ_CHECK(!name.isEmpty() && name == name.toLower(), "header names are lower case");
        FUZZ_CHECK(!value.contains('\n'), "a header value is one line");
    }
    (void)request.header("host");
    return 0;
}
