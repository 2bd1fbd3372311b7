// SPDX-License-Identifier: GPL-3.0-or-later
#include "humanformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Typebot {

namespace {

// "12.4 MB": one decimal below 100, none above; a trailing ".0" is dropped so limits read
// "10 MB". `units` are the four labels from the kilo step up.
QString scaled(qint64 bytes, double step, const char *const (&units)[4])
{
    auto value = double(bytes);
    int unit = -1;
    while (value >= step && unit < 3) {
        value /= step;
        ++unit;
    }
    const double rounded = value < 100.0 ? std::round(value * 10.0) / 10.0 : std::round(value);
    // 999.95 kB rounds to "1000 kB": say "1 MB" instead.
    if (rounded >= step && unit < 3)
        return scaled(qint64(std::ceil(double(bytes) / step) * step), step, units);
    const bool whole = std::fabs(rounded - std::round(rounded)) < 1e-9;
    const QString number = QLocale().toString(rounded, 'f', whole ? 0 : 1);
    return number + u' ' + QCoreApplication::translate("HumanFormat", units[unit]);
}

QString smallBytes(qint64 bytes)
{
    // No English translation is shipped, so "%n byte(s)" would show as written.
    if (bytes == 1)
        return QCoreApplication::translate("HumanFormat", "1 byte");
    return QCoreApplication::translate("HumanFormat", "%1 bytes").arg(bytes);
}

} // namespace

QString HumanFormat::bytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("?");
    if (bytes < 1000)
        return smallBytes(bytes);
    static const char *const units[] = { QT_TRANSLATE_NOOP("HumanFormat", "kB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "MB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "GB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "TB") };
    return scaled(bytes, 1000.0, units);
}

QString HumanFormat::binaryBytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("?");
    if (bytes < 1024)
        return smallBytes(bytes);
    static const char *const units[] = { QT_TRANSLATE_NOOP("HumanFormat", "KiB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "MiB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "GiB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "TiB") };
    return scaled(bytes, 1024.0, units);
}

QString HumanFormat::sizeLimit(qint64 bytes)
{
    // Only a size that 1024-based units state exactly (to the one decimal shown) is taken
    // for a 1024-based limit; 1000 or 1,500,000 bytes are not, nor is 1025 KiB.
    qint64 unitSize = 1024;
    while (unitSize <= Q_INT64_C(1024) * 1024 * 1024 && bytes >= unitSize * 1024)
        unitSize *= 1024;
    if (bytes < 1024 || (bytes % unitSize) * 10 % unitSize != 0)
        return HumanFormat::bytes(bytes);
    return QCoreApplication::translate("HumanFormat", "%1 (%2)", "a size limit: 10 MiB (10.5 MB)")
            .arg(binaryBytes(bytes), HumanFormat::bytes(bytes));
}

QString HumanFormat::speed(double bytesPerSecond)
{
    if (!(bytesPerSecond > 0.0))
        return QString();
    return QCoreApplication::translate("HumanFormat", "%1/s").arg(bytes(qint64(bytesPerSecond)));
}

QString HumanFormat::duration(qint64 seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 60)
        return QCoreApplication::translate("HumanFormat", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("HumanFormat", "%1 min %2 s")
                .arg(seconds / 60)
                .arg(seconds % 60);
    return QCoreApplication::translate("HumanFormat", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60);
}

std::optional<qint64> HumanFormat::parseRate(const QString &text)
{
    // As curl's --limit-rate: a number with an optional K, M or G suffix, 1024-based as in
    // curl (so not the decimal units bytes() shows; --help says so).
    QString number = text.trimmed();
    qint64 unit = 1;
    if (!number.isEmpty()) {
        switch (number.back().toUpper().unicode()) {
        case u'K':
            unit = Q_INT64_C(1024);
            break;
        case u'M':
            unit = Q_INT64_C(1024) * 1024;
            break;
        case u'G':
            unit = Q_INT64_C(1024) * 1024 * 1024;
            break;
        default:
            break;
        }
        if (unit > 1)
            number.chop(1);
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || value <= 0 || value * double(unit) > 1e15)
        return std::nullopt;
    return qint64(value * double(unit));
}

QString HumanFormat::printable(const QString &text)
{
    const auto isUnsafe = [](char32_t c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    };
    bool clean = true;
    for (const QChar c : text) {
        if (isUnsafe(c.unicode())) {
            clean = false;
            break;
        }
    }
    if (clean)
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char32_t u = c.unicode();
        if (!isUnsafe(u)) {
            out += c;
        } else if (u == u'\n') {
            out += QStringLiteral("\\n");
        } else if (u == u'\r') {
            out += QStringLiteral("\\r");
        } else if (u == u'\t') {
            out += QStringLiteral("\\t");
        } else if (u < 0x100) {
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\u{%1}").arg(uint(u), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace Typebot
