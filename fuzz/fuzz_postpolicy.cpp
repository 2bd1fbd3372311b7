// SPDX-License-Identifier: GPL-3.0-or-later
// The POST policy in a ticket: PostPolicy::decode. The first byte chooses whether the
// rest is the policy text as sent (base64, fuzzing the decoding) or the JSON inside it
// (encoded here, so that the fuzzer reaches the conditions).

#include "fuzzcheck.h"

#include "api/postpolicy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > Fuzz::MaxInputBytes)
        return -1;
    const QByteArray rest = Fuzz::bytes(data + 1, size - 1);
    const QString text =
            (data[0] & 1) ? QString::fromLatin1(rest) : QString::fromLatin1(rest.toBase64());
    QString error;
    const auto policy = Typebot::PostPolicy::decode(text, &error);
    if (!policy) {
        FUZZ_CHECK(!error.isEmpty(), "a refused policy says why");
        return 0;
    }
    FUZZ_CHECK(!policy->expiration.isValid() || policy->expiration.timeSpec() == Qt::UTC,
               "the expiration is in UTC");
    return 0;
}
