// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's fault grammar (--fault and POST /__sandbox/faults): FaultSpec::parse, and
// the round trip through toString() that the control endpoint lists faults with.

#include "fuzzcheck.h"

#include "faultspec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return -1;
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    QString error;
    const auto spec = Sandbox::FaultSpec::parse(text, &error);
    if (!spec) {
        FUZZ_CHECK(!error.isEmpty(), "a refused spec says why");
        return 0;
    }
    FUZZ_CHECK(spec->count >= 0, "the count is not negative");
    const QString written = spec->toString();
    QString again;
    const auto reparsed = Sandbox::FaultSpec::parse(written, &again);
    FUZZ_CHECK(reparsed.has_value(), "what toString() writes parses again");
    FUZZ_CHECK(reparsed->toString() == written, "and reads back the same");
    FUZZ_CHECK(reparsed->route == spec->route && reparsed->action == spec->action
                       && reparsed->value == spec->value && reparsed->field == spec->field
                       && reparsed->count == spec->count
                       && reparsed->retryAfterSeconds == spec->retryAfterSeconds,
               "the same fault");
    (void)Sandbox::FaultSpec::routeMatches(spec->route, Sandbox::FaultSpec::Route::Upload);
    return 0;
}
