// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketrequest.h"

#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"
#include "diagnostics/timelinenotes.h"
#include "routememory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Typebot {

namespace {
constexpr qint64 MaxResponseBytes = Q_INT64_C(1024) * 1024;

QDateTime parseHttpDate(const QByteArray &value)
{
    // RFC 7231 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()).left(25),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (date.isValid())
        date.setTimeSpec(Qt::UTC);
    return date;
}

// Servers 3.2 to 3.16 look the block up by the id sent on v3; a placeholder is refused
// with a 400 about the block. v2 needs no block id, so such a server is asked on v2.
bool isBlockIdRefusal(int status, const ApiError &error)
{
    if (status != 400 && status != 404)
        return false;
    const QString text = error.message + u' ' + error.issues.join(u' ');
    // "Current block does not expect file upload" is about the session, not the id: v2
    // would say the same.
    if (text.contains(u"does not expect file upload", Qt::CaseInsensitive))
        return false;
    return text.contains(u"block", Qt::CaseInsensitive);
}
} // namespace

TicketRequest::TicketRequest(QNetworkAccessManager *nam, EndpointSettings settings,
                             RouteMemory *routes, QObject *parent)
    : TicketSource(parent),
      m_nam(nam),
      m_settings(std::move(settings)),
      m_routes(routes)
{
}

TicketRequest::~TicketRequest()
{
    releaseProbe();
}

QByteArray TicketRequest::requestBody(ServerKnowledge::Route route, const QString &sessionId,
                                      const Input &input)
{
    QJsonObject body{ { QStringLiteral("sessionId"), sessionId.trimmed() },
                      { QStringLiteral("fileName"), input.fileName } };
    if (route == ServerKnowledge::Route::V3)
        body.insert(QStringLiteral("blockId"),
                    input.blockId.trimmed().isEmpty() ? PlaceholderBlockId
                                                      : input.blockId.trimmed());
    if (!input.fileType.isEmpty())
        body.insert(QStringLiteral("fileType"), input.fileType);
    // Newer servers check the size against the bot's limit up front; older ones ignore it.
    if (input.fileSize >= 0)
        body.insert(QStringLiteral("fileSize"), double(input.fileSize));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

bool TicketRequest::abortInFlight()
{
    if (!m_exchange || !m_exchange->isRunning())
        return false;
    m_exchange->abort(); // handleAnswer reports the cancellation
    return true;
}

void TicketRequest::reportCanceled()
{
    TicketResult result;
    result.canceled = true;
    finish(result);
}

void TicketRequest::run()
{
    waitForRoute();
}

void TicketRequest::waitForRoute()
{
    if (isFinished() || isCanceled())
        return;
    if (m_routes) {
        if (!m_routes->tryBeginProbe(this)) {
            // Another request is finding out which route this server has; its answer
            // decides ours.
            if (!m_waiting) {
                m_waiting = true;
                connect(m_routes, &RouteMemory::settled, this, &TicketRequest::waitForRoute);
            }
            return;
        }
        if (m_waiting) {
            m_waiting = false;
            disconnect(m_routes, &RouteMemory::settled, this, &TicketRequest::waitForRoute);
        }
        m_route = m_routes->routeToTry(!input().blockId.trimmed().isEmpty());
    } else {
        m_route = ServerKnowledge::Route::V3;
    }
    send();
}

void TicketRequest::send()
{
    m_attemptElapsed.start();
    const QUrl url = m_settings.endpoint(ServerKnowledge::routePath(m_route));
    if (m_exchange)
        m_exchange->deleteLater();
    auto *exchange = new ApiExchange(m_nam, HttpExchange::Step::Ticket, this);
    m_exchange = exchange;
    connect(exchange, &ApiExchange::finished, this, &TicketRequest::handleAnswer);
    ApiExchange::Limits limits;
    limits.maxResponseBytes = MaxResponseBytes;
    limits.deadlineMs = m_timeoutMs;
    QString tlsError;
    if (!exchange->post(url, m_settings, ApiRequest::Token::Send, m_userAgent, limits,
                        requestBody(m_route, m_settings.sessionId, input()), &tlsError)) {
        TicketResult result;
        result.error.kind = ApiError::Kind::Network;
        result.error.message = tlsError;
        releaseProbe();
        finish(result);
    }
}

bool TicketRequest::switchRouteAfter(int status, const ApiError &error)
{
    if (m_switched || isCanceled())
        return false;
    const bool absent = status == 404;
    const bool blockRefused = m_route == ServerKnowledge::Route::V3
            && input().blockId.trimmed().isEmpty() && isBlockIdRefusal(status, error);
    if (!absent && !blockRefused)
        return false;

    const ServerKnowledge::Route next = ServerKnowledge::otherRoute(m_route);
    TimelineEntry note;
    note.kind = TimelineEntry::Kind::Note;
    note.method = QStringLiteral("POST");
    note.host = m_settings.apiBase.host();
    note.httpStatus = status;
    note.durationMs = m_attemptElapsed.elapsed();
    const QString said = error.message.isEmpty() ? error.bodyExcerpt : error.message;
    note = TimelineNotes::make(
            note, absent ? TimelineNotes::Note::RouteAbsent : TimelineNotes::Note::BlockIdWanted,
            { ServerKnowledge::routePath(m_route), Redactor::text(said),
              ServerKnowledge::routePath(next) });
    note.message = Redactor::text(note.message);
    m_notes.append(note);
    qCInfo(lcApi).noquote() << note.message;
    if (m_routes && absent)
        m_routes->learnAbsent(m_route);
    if (m_routes)
        m_routes->tryBeginProbe(this); // the route is open again while we find out
    m_switched = true;
    m_route = next;
    send();
    return true;
}

bool TicketRequest::switchFromPlaceholderSlot(const UploadTicket &ticket)
{
    const ServerKnowledge::SendStyle style = ticket.sendStyle();
    if (m_switched || isCanceled() || m_route != ServerKnowledge::Route::V3
        || !input().blockId.trimmed().isEmpty() || !ServerKnowledge::usesBlockIdInPath(style))
        return false;
    // A server older than 3.17 took the placeholder block id into the object's path. The
    // unused slot costs nothing; v2 files the upload under the session's real block.
    TimelineEntry note;
    note.kind = TimelineEntry::Kind::Note;
    note.method = QStringLiteral("POST");
    note.host = m_settings.apiBase.host();
    note.httpStatus = 200;
    note.durationMs = m_attemptElapsed.elapsed();
    note = TimelineNotes::make(note, TimelineNotes::Note::PlaceholderSlot,
                               { ServerKnowledge::routePath(m_route),
                                 ServerKnowledge::routePath(ServerKnowledge::Route::V2) });
    m_notes.append(note);
    qCInfo(lcApi).noquote() << note.message;
    if (m_routes) {
        m_routes->learnStyle(style);
        m_routes->learnRoute(ServerKnowledge::Route::V3);
        m_routes->tryBeginProbe(this);
    }
    m_switched = true;
    m_route = ServerKnowledge::Route::V2;
    send();
    return true;
}

void TicketRequest::handleAnswer(const ApiExchange::Answer &answer)
{
    if (isFinished())
        return;
    m_exchanges.append(answer.record);

    TicketResult result;
    result.host = answer.record.url.host();
    result.networkError = answer.networkError;
    result.serverDate = parseHttpDate(answer.header("Date"));
    result.retryAfter = answer.header("Retry-After");
    result.route = m_route;
    const int status = answer.status;
    const QByteArray &body = answer.body;

    if (isCanceled()) {
        result.canceled = true;
    } else if (answer.failure) {
        result.error = *answer.failure;
    } else if (status >= 200 && status < 300) {
        QString parseError;
        if (auto ticket = UploadTicket::fromJson(body, &parseError)) {
            if (switchFromPlaceholderSlot(*ticket))
                return;
            result.ok = true;
            result.ticket = *ticket;
        } else {
            result.error.kind = ApiError::Kind::InvalidResponse;
            result.error.httpStatus = status;
            result.error.message = parseError;
            result.error.bodyExcerpt = ApiError::sanitizedExcerpt(body);
        }
    } else {
        result.error = ApiError::fromHttpResponse(status, body);
        if (switchRouteAfter(status, result.error))
            return;
        if (status == 404) {
            // Both routes answered 404: this address has no Typebot upload API at all.
            result.error.kind = ApiError::Kind::NoUploadRoute;
            if (m_routes)
                m_routes->learnAbsent(m_route);
        }
    }
    result.error.httpStatus = status;

    if (m_routes && !isCanceled()) {
        // The route's own answers (a slot, or a 4xx about the request) prove it exists;
        // network errors and 5xx may come from anything in front of it.
        if (result.ok)
            m_routes->learnStyle(result.ticket.sendStyle());
        if (status >= 200 && status < 500 && status != 404 && !result.canceled && !answer.failure
            && result.error.kind != ApiError::Kind::InvalidResponse)
            m_routes->learnRoute(m_route);
    }
    releaseProbe();
    result.notes = m_notes;
    finish(result);
}

void TicketRequest::releaseProbe()
{
    if (m_routes) {
        if (m_waiting)
            disconnect(m_routes, &RouteMemory::settled, this, &TicketRequest::waitForRoute);
        m_waiting = false;
        m_routes->endProbe(this);
    }
}

void TicketRequest::finish(TicketResult result)
{
    if (!beginFinish())
        return;
    releaseProbe();
    result.durationMs = m_attemptElapsed.isValid() ? m_attemptElapsed.elapsed() : 0;
    result.exchanges = m_exchanges;
    Q_EMIT finished(result);
}

} // namespace Typebot
