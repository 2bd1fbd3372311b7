// SPDX-License-Identifier: GPL-3.0-or-later
// S3 error documents: S3Error::fromXml.

#include "fuzzcheck.h"

#include "diagnostics/redactor.h"
#include "transfer/s3error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    const auto error = Typebot::S3Error::fromXml(Fuzz::bytes(data, size));
    if (!error)
        return 0;
    FUZZ_CHECK(!error->code.isEmpty(), "an S3 error has a code");
    FUZZ_CHECK(error->toString().startsWith(error->code), "its text starts with the code");
    for (auto it = error->extra.cbegin(); it != error->extra.cend(); ++it) {
        if (it.key().contains(u"Signature", Qt::CaseInsensitive))
            FUZZ_CHECK(it.value() == Typebot::Redactor::Mask, "signatures are masked");
    }
    (void)error->isPolicyExpired();
    return 0;
}
