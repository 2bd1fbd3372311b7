// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/uploadticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Typebot {

// One HTTP request as it went out and what came back: the single record that `-vv`,
// `--print-curl` and the app's "copy as curl" all read, so what they show is what was
// sent (the name really sent, the Content-Type really sent), never a reconstruction.
//
// The API token is never stored here (its header value is replaced when recorded); the
// upload slot's URL and form fields are kept as sent, because a runnable command needs
// them, and every rendering redacts them unless the user asks for secrets.
struct HttpExchange
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    enum class Step { Ticket, Chat, Upload };

    Step step = Step::Ticket;
    int attempt = 0; // the job's attempt (0 outside jobs)
    QDateTime startedAt; // UTC
    qint64 durationMs = -1;

    QByteArray method; // "POST", "PUT"
    QUrl url;
    Headers requestHeaders; // in the order sent; Authorization holds Redactor::Mask
    QByteArray requestBody; // a JSON request's body; empty for file uploads

    // File uploads: the multipart fields in order, then the file part; or the PUT body.
    QList<FormField> formFields;
    QString filePath; // the file read
    QString fileName; // the name sent (filename= of the file part)
    QString fileContentType; // the file part's or the PUT body's Content-Type
    qint64 fileSize = -1;

    // The answer. httpStatus 0: none came, `error` says why.
    int httpStatus = 0;
    Headers responseHeaders;
    QString error;

    bool isFileUpload() const { return step == Step::Upload; }
    bool isMultipart() const { return isFileUpload() && method == "POST"; }
    QByteArray requestHeader(const QByteArray &name) const;
    QByteArray responseHeader(const QByteArray &name) const;

    // Replaces the value of an `Authorization` header by Redactor::Mask: records are
    // copied across threads and into views, the token must not travel with them.
    static Headers withoutToken(const Headers &headers);
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::HttpExchange)
