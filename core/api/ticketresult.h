// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "uploadticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>

namespace Typebot {

// The outcome of one generate-upload-url call.
struct TicketResult
{
    bool ok = false;
    bool canceled = false;
    UploadTicket ticket;
    ApiError error;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QDateTime serverDate; // the API's Date header: lets pre-flight allow for clock skew
    QByteArray retryAfter;
    QString host;
    qint64 durationMs = 0;
};

} // namespace Typebot
