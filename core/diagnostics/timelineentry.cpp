// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineentry.h"

#include "humanformat.h"
#include "redactor.h"

namespace Typebot {

QString TimelineEntry::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Ticket:
        return QStringLiteral("ticket");
    case Kind::Upload:
        return QStringLiteral("upload");
    case Kind::Preflight:
        return QStringLiteral("preflight");
    case Kind::Retry:
        return QStringLiteral("retry");
    case Kind::Verify:
        return QStringLiteral("verify");
    case Kind::Note:
        break;
    }
    return QStringLiteral("note");
}

QString TimelineEntry::toText() const
{
    QStringList parts;
    parts << time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    if (attempt > 0)
        parts << u'#' + QString::number(attempt);
    parts << kindName(kind);
    if (!method.isEmpty())
        parts << method + u' ' + host;
    if (httpStatus > 0)
        parts << QString::number(httpStatus);
    if (!errorCode.isEmpty())
        parts << errorCode;
    if (durationMs >= 0)
        parts << QString::number(double(durationMs) / 1000.0, 'f', 3) + QStringLiteral(" s");
    if (bytes >= 0)
        parts << HumanFormat::bytes(bytes);
    if (!requestId.isEmpty())
        parts << QStringLiteral("request-id=") + requestId;
    if (!message.isEmpty())
        parts << message;
    return Redactor::text(parts.join(QStringLiteral("  ")));
}

QString TimelineEntry::toText(const QList<TimelineEntry> &entries)
{
    QStringList lines;
    lines.reserve(entries.size());
    for (const TimelineEntry &entry : entries)
        lines << entry.toText();
    return lines.join(u'\n');
}

} // namespace Typebot
