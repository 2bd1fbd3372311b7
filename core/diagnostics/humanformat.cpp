// SPDX-License-Identifier: GPL-3.0-or-later
#include "humanformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace Typebot {

QString HumanFormat::bytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("?");
    // No English translation is shipped, so "%n byte(s)" would show as written.
    if (bytes == 1)
        return QCoreApplication::translate("HumanFormat", "1 byte");
    if (bytes < 1024)
        return QCoreApplication::translate("HumanFormat", "%1 bytes").arg(bytes);
    static const char *const units[] = { QT_TRANSLATE_NOOP("HumanFormat", "KB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "MB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "GB"),
                                         QT_TRANSLATE_NOOP("HumanFormat", "TB") };
    auto value = double(bytes);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    // One decimal below 100, none above; drop a trailing ".0" so limits read "10 MB".
    const double rounded = value < 100.0 ? std::round(value * 10.0) / 10.0 : std::round(value);
    const bool whole = std::fabs(rounded - std::round(rounded)) < 1e-9;
    const QString number = QLocale().toString(rounded, 'f', whole ? 0 : 1);
    return number + u' ' + QCoreApplication::translate("HumanFormat", units[unit]);
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

} // namespace Typebot
