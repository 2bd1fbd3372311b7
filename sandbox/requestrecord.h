// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace Sandbox {

// What the sandbox saw of one request and how it answered; tests assert on these and
// the control endpoint lists them.
struct RequestRecord
{
    QDateTime started;
    QByteArray method;
    QString path; // decoded, no query
    QString query;
    QString route; // "api", "upload", "get", "control", "other"
    QHash<QByteArray, QByteArray> headers; // lower-case names, raw values (tests need them)
    int status = 0;
    qint64 bodyBytes = 0;
    qint64 durationMs = 0;
    QString s3ErrorCode; // for upload/get errors
    QStringList formFieldNames; // upload POST: names of all parts in order, incl. "file"
    QString fileName; // upload POST: filename= of the file part, as sent (raw)
    QString fileContentType; // Content-Type of the file part (or of the PUT)
    bool aborted = false; // connection reset / client went away before a response

    // For the control endpoint; secrets in headers and the query are redacted.
    QJsonObject toJson() const;
    // The path without credentials in it (the token of an upload proxy URL).
    QString redactedPath() const;
};

} // namespace Sandbox

Q_DECLARE_METATYPE(Sandbox::RequestRecord)
