// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

// FUZZ_CHECK(condition, what): a property every input must keep. A broken one is a
// finding like a crash: libFuzzer saves the input and the run fails.
#define FUZZ_CHECK(condition, what)                                                         \
    do {                                                                                    \
        if (!(condition)) {                                                                 \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s) at %s:%d\n", what, #condition, \
                         __FILE__, __LINE__);                                               \
            std::abort();                                                                   \
        }                                                                                   \
    } while (false)

namespace Fuzz {

// The input as Qt bytes. A copy, '\0'-terminated like every QByteArray the app reads
// from a socket or file (QByteArray::fromRawData would not be).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Inputs past this are skipped: no parser here is meant for larger texts, and the time
// is better spent on variety.
constexpr size_t MaxInputBytes = 64 * 1024;

} // namespace Fuzz
