// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "diagnostics/httpexchange.h"
#include "diagnostics/timelineentry.h"
#include "serverknowledge.h"
#include "uploadticket.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
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
    qint64 durationMs = 0; // of the last request (the one this result describes)
    ServerKnowledge::Route route = ServerKnowledge::Route::Unknown; // the route answered
    // Requests made before the last one (a route absent, a block id refused): for the
    // timeline, never shown as failures.
    QList<TimelineEntry> notes;
    // Every request made, in order (the last one is the one this result describes).
    QList<HttpExchange> exchanges;
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::TicketResult)
