// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatapihandler.h"

#include "apierrorresponse.h"
#include "demobot.h"
#include "faultinjector.h"
#include "httpconnection.h"
#include "sandboxconfig.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Sandbox {

namespace {
const QString Prefix = QStringLiteral("/api/v1/");
} // namespace

ChatApiHandler::ChatApiHandler(Context context, HttpConnection *connection,
                               const HttpRequest &request, RequestRecord *record)
    : RequestHandler(connection, request, record),
      m_context(context)
{
}

void ChatApiHandler::respondError(int status, const QString &message)
{
    m_connection->respond(ApiErrorResponse::make(m_context.config.serverVersion, status, message));
}

bool ChatApiHandler::isChatPath(const QString &path)
{
    return path.startsWith(Prefix)
            && (path.endsWith(QLatin1String("/startChat"))
                || path.endsWith(QLatin1String("/continueChat")));
}

void ChatApiHandler::begin()
{
    if (m_request.contentLength > MaxBodyBytes)
        respondError(413, QStringLiteral("Request body too large"));
}

void ChatApiHandler::bodyData(QByteArrayView data)
{
    m_body.append(data.data(), data.size());
}

void ChatApiHandler::bodyFinished()
{
    const ServerVersion version = m_context.config.serverVersion;
    if (const auto fault =
                m_context.faults.take(FaultSpec::Route::Chat, FaultSpec::Action::Status)) {
        const int status = int(fault->value);
        HttpResponse response = ApiErrorResponse::make(
                version, status, QStringLiteral("Injected fault: status %1").arg(status));
        if (fault->retryAfterSeconds >= 0)
            response.setHeader("Retry-After", QByteArray::number(fault->retryAfterSeconds));
        m_connection->respond(response);
        return;
    }
    if (m_request.method != "POST") {
        HttpResponse response =
                ApiErrorResponse::make(version, 405, QStringLiteral("Method not supported"));
        response.setHeader("Allow", "POST");
        m_connection->respond(response);
        return;
    }
    QJsonObject body;
    if (!m_body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            m_connection->respond(
                    ApiErrorResponse::make(version, 400, QStringLiteral("Input validation failed"),
                                           { { {}, QStringLiteral("Expected object") } }));
            return;
        }
        body = document.object();
    }
    const QStringList segments = m_request.path.mid(Prefix.size()).split(u'/');
    DemoBot &bot = m_context.demoBot;
    // typebots/{id}/startChat
    if (segments.size() == 3 && segments.at(0) == u"typebots" && segments.at(2) == u"startChat") {
        m_connection->respond(bot.startChat(segments.at(1), body));
        return;
    }
    // typebots/{id}/preview/startChat: the builder's route, behind the API token.
    if (segments.size() == 4 && segments.at(0) == u"typebots" && segments.at(2) == u"preview") {
        const QByteArray authorization = m_request.header("authorization");
        const QString token = m_context.config.token;
        if (!authorization.startsWith("Bearer ") || authorization.size() <= 7) {
            respondError(401,
                         QStringLiteral("You need to be authenticated to perform this action"));
            return;
        }
        if (!token.isEmpty() && authorization != "Bearer " + token.toUtf8()) {
            respondError(403, QStringLiteral("Insufficient access"));
            return;
        }
        m_connection->respond(bot.startPreviewChat(segments.at(1), body));
        return;
    }
    if (segments.size() == 3 && segments.at(0) == u"sessions"
        && segments.at(2) == u"continueChat") {
        m_connection->respond(bot.continueChat(segments.at(1), body));
        return;
    }
    m_connection->respond(ApiErrorResponse::notFound(version));
}

} // namespace Sandbox
