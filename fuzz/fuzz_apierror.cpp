// SPDX-License-Identifier: GPL-3.0-or-later
// API error bodies in every shape (the spec's JSON, oRPC, tRPC, plain text, HTML pages):
// ApiError::fromHttpResponse and the excerpt it falls back to.

#include "fuzzcheck.h"

#include "api/apierror.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > Fuzz::MaxInputBytes)
        return -1;
    // Two bytes pick the status (400-599) and the excerpt length; the rest is the body.
    const int status = 400 + data[0] % 200;
    const int maxChars = 1 + data[1] % 250;
    const QByteArray body = Fuzz::bytes(data + 2, size - 2);

    const Typebot::ApiError error = Typebot::ApiError::fromHttpResponse(status, body);
    FUZZ_CHECK(error.httpStatus == status, "the status is kept");
    FUZZ_CHECK(!error.toString().isEmpty(), "an error always has words");
    FUZZ_CHECK(error.bodyExcerpt.size() <= 200, "the body excerpt is short");

    const QString excerpt = Typebot::ApiError::sanitizedExcerpt(body, maxChars);
    FUZZ_CHECK(excerpt.size() <= maxChars, "an excerpt keeps its length");
    for (const QChar c : excerpt)
        FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7f,
                   "an excerpt has no control characters");
    return 0;
}
