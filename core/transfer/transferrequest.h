// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/uploadticket.h"
#include "diagnostics/httpexchange.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Typebot {

// Everything one upload attempt needs. Deliberately no token: the presigned URL belongs to
// another party, and an attempt cannot leak what it is never given.
struct TransferRequest
{
    // Sent with every PUT, as Typebot's web widget does.
    static constexpr const char CacheControl[] = "public, max-age=86400";

    UploadTicket ticket;
    QString filePath;
    QString uploadName; // the name sent as filename=, usually the file's own name
    QString contentType; // the file part's / PUT body's Content-Type
    qint64 expectedSize = 0;
    int stallTimeoutMs = 60000;
    QList<QSslCertificate> extraCaCertificates;
    QByteArray userAgent;

    // The request side of this attempt's record: method, URL, fields and file part (the
    // transport adds the headers it sent).
    HttpExchange exchange() const;
};

} // namespace Typebot
