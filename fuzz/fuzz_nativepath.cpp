// SPDX-License-Identifier: GPL-3.0-or-later
// File names from disk, argv and file:// URLs: NativePath's lossless decoding and its
// readable rendering, for any bytes.

#include "fuzzcheck.h"

#include "system/nativepath.h"

#include <QStringDecoder>
#include <QVariant>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    const QByteArray bytes = Fuzz::bytes(data, size);
    const QString path = Typebot::NativePath::fromNative(bytes);
    FUZZ_CHECK(Typebot::NativePath::toNative(path) == bytes, "every byte string round-trips");
    FUZZ_CHECK(Typebot::NativePath::hasEscapedBytes(path) == !QUtf8StringView(bytes).isValidUtf8()
                       || bytes.startsWith("\xEF\xBB\xBF"),
               "escapes appear exactly when the bytes are not UTF-8");
    const QString readable = Typebot::NativePath::readable(path);
    // What is sent and shown must be valid UTF-16 (so valid UTF-8 once encoded): no lone
    // surrogate may escape into a request or a terminal.
    for (qsizetype i = 0; i < readable.size(); ++i) {
        const QChar c = readable.at(i);
        if (c.isHighSurrogate()) {
            FUZZ_CHECK(i + 1 < readable.size() && readable.at(i + 1).isLowSurrogate(),
                       "a high surrogate is followed by a low one");
            ++i;
        } else {
            FUZZ_CHECK(!c.isLowSurrogate(), "no lone low surrogate");
        }
    }
    FUZZ_CHECK(!readable.contains(QChar::ReplacementCharacter)
                       || path.contains(QChar::ReplacementCharacter),
               "no U+FFFD unless the name has one");
    const QVariant stored = Typebot::NativePath::toStorable(path);
    FUZZ_CHECK(Typebot::NativePath::fromStored(stored) == path, "the journal keeps the path");
    return 0;
}
