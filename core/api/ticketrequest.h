// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiexchange.h"
#include "endpointsettings.h"
#include "serverknowledge.h"
#include "ticketsource.h"

#include <QElapsedTimer>
#include <QPointer>

class QNetworkAccessManager;

namespace Typebot {

class RouteMemory;

// Step 1: asks the API for an upload slot, on whichever generate-upload-url route the
// server has (v3 on current servers, v2 on old ones; see shared/docs/typebot-api.md).
// A 404 means the route is absent: the request switches to the other route once and
// tells the shared RouteMemory, so later requests go straight to the right one. The
// token, if any, goes to the API host only; redirects to another origin are refused.
// Every request made is recorded in the result.
class TicketRequest final : public TicketSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketRequest)

public:
    // Sent as v3's blockId when the file block's id is unknown. Servers from 3.17 ignore
    // it; older ones refuse it, and the request then falls back to v2.
    static inline const QString PlaceholderBlockId = QStringLiteral("typebot-uploader");

    // `routes` may be null: then each request learns on its own (tests, one-off calls).
    TicketRequest(QNetworkAccessManager *nam, EndpointSettings settings, RouteMemory *routes,
                  QObject *parent = nullptr);
    ~TicketRequest() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }

    static QByteArray requestBody(ServerKnowledge::Route route, const QString &sessionId,
                                  const Input &input);

private:
    void run() override;
    bool abortInFlight() override;
    void reportCanceled() override;
    void waitForRoute();
    void send();
    void handleAnswer(const ApiExchange::Answer &answer);
    // A 404 on generate-upload-url: that route is not on this server.
    bool switchRouteAfter(int status, const ApiError &error);
    // A slot from v3 of a server before 3.17 sent with a placeholder block id.
    bool switchFromPlaceholderSlot(const UploadTicket &ticket);
    void releaseProbe();
    void finish(TicketResult result);

    QNetworkAccessManager *m_nam;
    EndpointSettings m_settings;
    QPointer<RouteMemory> m_routes;
    ServerKnowledge::Route m_route = ServerKnowledge::Route::Unknown;
    bool m_switched = false; // tried the other route already
    bool m_waiting = false; // for another request's probe
    QList<TimelineEntry> m_notes;
    QList<HttpExchange> m_exchanges;
    QPointer<ApiExchange> m_exchange;
    QElapsedTimer m_attemptElapsed;
    QByteArray m_userAgent;
    int m_timeoutMs = 30000;
};

} // namespace Typebot
