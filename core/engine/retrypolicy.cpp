// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>

namespace Typebot {

RetryPolicy::Milliseconds RetryPolicy::backoffCeiling(int failures, bool outage) const
{
    const int exponent = std::clamp(failures - 1, 0, 30);
    const double ceiling = double(base.count()) * double(qint64(1) << exponent);
    const Milliseconds limit = outage ? std::max(cap, outageCap) : cap;
    return Milliseconds(qint64(std::min(ceiling, double(limit.count()))));
}

RetryPolicy::Milliseconds
RetryPolicy::delayAfter(int failures, std::optional<Milliseconds> retryAfter, bool outage) const
{
    if (retryAfter)
        return std::clamp(*retryAfter, Milliseconds(0), maxRetryAfter);
    const double r = random ? random() : QRandomGenerator::global()->generateDouble();
    const double jittered =
            std::clamp(r, 0.0, 1.0) * double(backoffCeiling(failures, outage).count());
    return Milliseconds(qint64(jittered));
}

std::optional<RetryPolicy::Milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &value,
                                                                      const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok) {
        if (seconds < 0)
            return std::nullopt;
        if (seconds > std::numeric_limits<qint64>::max() / 1000) // clamped later; never wrap
            return Milliseconds::max();
        return Milliseconds(seconds * 1000);
    }
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    const QString text = QString::fromLatin1(trimmed);
    if (!text.endsWith(u" GMT"))
        return std::nullopt;
    // Date and time apart: parsed as one, they would be local time, which has gaps.
    const QString stamp = text.chopped(4); // "Wed, 21 Oct 2015 07:28:00"
    if (stamp.size() < 9 || stamp.at(stamp.size() - 9) != u' ')
        return std::nullopt;
    const QDate day = QLocale::c().toDate(stamp.chopped(9), QStringLiteral("ddd, dd MMM yyyy"));
    const QTime time = QLocale::c().toTime(stamp.right(8), QStringLiteral("HH:mm:ss"));
    const QDateTime date(day, time, Qt::UTC);
    if (!date.isValid())
        return std::nullopt;
    return Milliseconds(std::max<qint64>(0, now.msecsTo(date)));
}

} // namespace Typebot
