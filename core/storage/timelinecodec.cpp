// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Typebot {

namespace {

// A count read back from the database; anything that is not one (negative, huge garbage)
// is "not recorded" rather than an undefined conversion.
qint64 wholeNumber(const QJsonValue &value)
{
    const double number = value.toDouble(-1);
    return number >= 0 && number <= 9007199254740992.0 ? qint64(number) : -1;
}

TimelineEntry::Kind kindFromName(const QString &name)
{
    for (const auto kind :
         { TimelineEntry::Kind::Ticket, TimelineEntry::Kind::Upload, TimelineEntry::Kind::Preflight,
           TimelineEntry::Kind::Retry, TimelineEntry::Kind::Verify }) {
        if (TimelineEntry::kindName(kind) == name)
            return kind;
    }
    return TimelineEntry::Kind::Note;
}

} // namespace

QByteArray TimelineCodec::encode(const QList<TimelineEntry> &timeline, int keep)
{
    QJsonArray array;
    const qsizetype first = std::max<qsizetype>(0, timeline.size() - keep);
    for (qsizetype i = first; i < timeline.size(); ++i) {
        const TimelineEntry &entry = timeline.at(i);
        // Short keys and only what is set: a failed job's row stays small.
        QJsonObject object{ { QStringLiteral("time"), entry.time.toString(Qt::ISODateWithMs) },
                            { QStringLiteral("kind"), TimelineEntry::kindName(entry.kind) } };
        const auto put = [&object](const char *key, const QJsonValue &value, bool isSet) {
            if (isSet)
                object.insert(QLatin1String(key), value);
        };
        put("attempt", entry.attempt, entry.attempt != 0);
        put("method", entry.method, !entry.method.isEmpty());
        put("host", entry.host, !entry.host.isEmpty());
        put("status", entry.httpStatus, entry.httpStatus != 0);
        put("durationMs", double(entry.durationMs), entry.durationMs >= 0);
        put("bytes", double(entry.bytes), entry.bytes >= 0);
        put("code", entry.errorCode, !entry.errorCode.isEmpty());
        put("requestId", entry.requestId, !entry.requestId.isEmpty());
        put("message", entry.message, !entry.message.isEmpty());
        put("note", entry.note, !entry.note.isEmpty());
        put("args", QJsonArray::fromStringList(entry.noteArgs), !entry.noteArgs.isEmpty());
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<TimelineEntry> TimelineCodec::decode(const QByteArray &json)
{
    QList<TimelineEntry> timeline;
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isArray())
        return timeline;
    const QJsonArray array = document.array();
    for (const QJsonValue value : array) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            continue;
        TimelineEntry entry;
        entry.time = QDateTime::fromString(object.value(u"time").toString(), Qt::ISODateWithMs);
        entry.kind = kindFromName(object.value(u"kind").toString());
        entry.attempt = object.value(u"attempt").toInt();
        entry.method = object.value(u"method").toString();
        entry.host = object.value(u"host").toString();
        entry.httpStatus = object.value(u"status").toInt();
        entry.durationMs = wholeNumber(object.value(u"durationMs"));
        entry.bytes = wholeNumber(object.value(u"bytes"));
        entry.errorCode = object.value(u"code").toString();
        entry.requestId = object.value(u"requestId").toString();
        entry.message = object.value(u"message").toString();
        entry.note = object.value(u"note").toString();
        for (const QJsonValue arg : object.value(u"args").toArray())
            entry.noteArgs << arg.toString();
        timeline << entry;
    }
    return timeline;
}

} // namespace Typebot
