// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Typebot {

// One line of a job's history: a request it made, a check it ran or a retry it waited
// for. Built only from redacted values, so a timeline can be pasted into a support ticket.
struct TimelineEntry
{
    enum class Kind { Ticket, Upload, Preflight, Retry, Verify, Note };

    QDateTime time;
    Kind kind = Kind::Note;
    int attempt = 0;
    QString method; // "POST", "PUT"
    QString host;
    int httpStatus = 0;
    qint64 durationMs = -1;
    qint64 bytes = -1;
    QString errorCode; // S3 code, API code or network error name
    QString requestId;
    QString message; // in the language it was recorded in; see `note`
    // For the engine's own notes: which one and its values, so a view can say it again in
    // today's language (TimelineNotes::text); empty for answers quoted from a server.
    QString note;
    QStringList noteArgs;

    static QString kindName(Kind kind);
    // "21:05:03.120  #2 upload  POST s3.example.com  503 SlowDown  1.2 s  id=ABC  message"
    QString toText() const;
    static QString toText(const QList<TimelineEntry> &entries);
};

} // namespace Typebot
