// SPDX-License-Identifier: GPL-3.0-or-later
#include "nativepath.h"

#include <QDir>
#include <QUrl>
#include <QVariant>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace Typebot {

namespace {

constexpr char16_t EscapeBase = 0xDC00;

// Length of the well-formed UTF-8 sequence starting at `p`, or 0 when the byte there
// starts none. Unicode's table of well-formed sequences (3.9, table 3-7): no overlong
// forms, no encoded surrogates (ED B3 A9 would decode to U+DCE9, the escape of 0xE9, and
// two names would become one path), nothing above U+10FFFF.
int wellFormedLength(const uchar *p, qsizetype left)
{
    const uchar lead = p[0];
    const auto continues = [p, left](qsizetype k, uchar low = 0x80, uchar high = 0xBF) {
        return k < left && p[k] >= low && p[k] <= high;
    };
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return continues(1) ? 2 : 0;
    if (lead == 0xE0)
        return continues(1, 0xA0) && continues(2) ? 3 : 0;
    if (lead == 0xED) // ED A0..BF would be a surrogate
        return continues(1, 0x80, 0x9F) && continues(2) ? 3 : 0;
    if (lead >= 0xE1 && lead <= 0xEF)
        return continues(1) && continues(2) ? 3 : 0;
    if (lead == 0xF0)
        return continues(1, 0x90) && continues(2) && continues(3) ? 4 : 0;
    if (lead >= 0xF1 && lead <= 0xF3)
        return continues(1) && continues(2) && continues(3) ? 4 : 0;
    if (lead == 0xF4) // F4 90.. would be above U+10FFFF
        return continues(1, 0x80, 0x8F) && continues(2) && continues(3) ? 4 : 0;
    return 0;
}

bool isEscape(char16_t unit)
{
    return unit >= EscapeBase + 0x80 && unit <= EscapeBase + 0xFF;
}

// Walks `path` and calls `text(run)` for each stretch of ordinary text (surrogate pairs
// included) and `escaped(byte)` for each escaped byte; `stray(unit)` gets any other lone
// surrogate, which fromNative() never makes.
template<typename Text, typename Escaped, typename Stray>
void walk(QStringView path, Text text, Escaped escaped, Stray stray)
{
    qsizetype runStart = 0;
    qsizetype i = 0;
    const auto flush = [&](qsizetype end) {
        if (end > runStart)
            text(path.sliced(runStart, end - runStart));
    };
    while (i < path.size()) {
        const char16_t unit = path.at(i).unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < path.size()
            && QChar::isLowSurrogate(path.at(i + 1).unicode())) {
            i += 2; // a character outside the BMP: text, even when its low half looks escaped
            continue;
        }
        if (QChar::isSurrogate(unit)) {
            flush(i);
            if (isEscape(unit))
                escaped(uchar(unit - EscapeBase));
            else
                stray(unit);
            runStart = ++i;
            continue;
        }
        ++i;
    }
    flush(i);
}

// The WHATWG "windows-1252" index for 0x80..0x9F; the rest of the bytes are Latin-1. The
// five bytes Windows leaves undefined map to the C1 controls, as browsers do.
constexpr char16_t Windows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

char16_t windows1252(uchar byte)
{
    return byte >= 0x80 && byte <= 0x9F ? Windows1252High[byte - 0x80] : char16_t(byte);
}

} // namespace

QString NativePath::fromNative(QByteArrayView bytes)
{
    // Decoded by hand: QString::fromUtf8 replaces a stray byte instead of keeping it, and
    // drops a leading byte order mark, which a name may well start with.
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    QString path;
    path.reserve(bytes.size());
    qsizetype i = 0;
    while (i < bytes.size()) {
        const int length = wellFormedLength(data + i, bytes.size() - i);
        if (length == 0) {
            path += QChar(char16_t(EscapeBase + data[i]));
            ++i;
            continue;
        }
        static constexpr uchar LeadMask[5] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
        char32_t code = data[i] & LeadMask[length];
        for (int k = 1; k < length; ++k)
            code = (code << 6) | (data[i + k] & 0x3F);
        if (QChar::requiresSurrogates(code)) {
            path += QChar(QChar::highSurrogate(code));
            path += QChar(QChar::lowSurrogate(code));
        } else {
            path += QChar(char16_t(code));
        }
        i += length;
    }
    return path;
}

QByteArray NativePath::toNative(QStringView path)
{
    QByteArray bytes;
    bytes.reserve(path.size());
    walk(
            path, [&bytes](QStringView text) { bytes += text.toUtf8(); },
            [&bytes](uchar byte) { bytes += char(byte); },
            [&bytes](char16_t unit) { bytes += QStringView(&unit, 1).toUtf8(); });
    return bytes;
}

bool NativePath::hasEscapedBytes(QStringView path)
{
    bool found = false;
    walk(
            path, [](QStringView) {}, [&found](uchar) { found = true; }, [](char16_t) {});
    return found;
}

int NativePath::escapedByteAt(QStringView path, qsizetype index)
{
    const char16_t unit = path.at(index).unicode();
    // The low half of a pair is text, even in the escape range (U+10080 is D800 DC80).
    if (!isEscape(unit) || (index > 0 && path.at(index - 1).isHighSurrogate()))
        return -1;
    return int(unit - EscapeBase);
}

QString NativePath::fromFileUrl(const QUrl &url)
{
    if (!url.isLocalFile())
        return QString();
    if (!url.host().isEmpty())
        return url.toLocalFile(); // "//server/share/...": a name for Qt, not for open(2)
    return fromNative(QByteArray::fromPercentEncoding(url.path(QUrl::FullyEncoded).toLatin1()));
}

QUrl NativePath::toFileUrl(const QString &path)
{
    if (!hasEscapedBytes(path))
        return QUrl::fromLocalFile(path);
    // Each byte percent-escaped, as file managers write such names in text/uri-list.
    return QUrl::fromEncoded("file://" + toNative(path).toPercentEncoding("/"), QUrl::StrictMode);
}

QString NativePath::absolute(const QString &path)
{
    if (path.isEmpty())
        return path; // as QFileInfo has it: no path, no absolute one
    if (path.startsWith(u'/'))
        return QDir::cleanPath(path);
    QByteArray folder(256, Qt::Uninitialized);
    while (!::getcwd(folder.data(), size_t(folder.size()))) {
        if (errno != ERANGE)
            return QDir::cleanPath(QDir::currentPath() + u'/' + path); // as Qt would guess
        folder.resize(folder.size() * 2);
    }
    folder.truncate(qsizetype(std::strlen(folder.constData())));
    return QDir::cleanPath(fromNative(folder) + u'/' + path);
}

QString NativePath::readable(QStringView path)
{
    QString shown;
    shown.reserve(path.size());
    walk(
            path, [&shown](QStringView text) { shown += text; },
            [&shown](uchar byte) { shown += QChar(windows1252(byte)); },
            // Not from a file name; nothing faithful to show but the replacement character.
            [&shown](char16_t) { shown += QChar(QChar::ReplacementCharacter); });
    return shown;
}

QString NativePath::displayName(QStringView path)
{
    return readable(path.sliced(path.lastIndexOf(u'/') + 1));
}

QVariant NativePath::toStorable(const QString &path)
{
    if (hasEscapedBytes(path))
        return QVariant(toNative(path));
    return QVariant(path);
}

QString NativePath::fromStored(const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray)
        return fromNative(value.toByteArray());
    return value.toString();
}

} // namespace Typebot
