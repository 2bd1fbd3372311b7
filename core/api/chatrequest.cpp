// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatrequest.h"

#include "apirequest.h"
#include "boundedreply.h"
#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Typebot {

namespace {
constexpr qint64 MaxResponseBytes = Q_INT64_C(4) * 1024 * 1024;
} // namespace

ChatRequest::ChatRequest(QNetworkAccessManager *nam, EndpointSettings settings, QObject *parent)
    : QObject(parent),
      m_nam(nam),
      m_settings(std::move(settings))
{
}

ChatRequest::~ChatRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ChatRequest::startChat(const QString &publicId)
{
    schedule(ChatResult::Call::StartChat, publicId,
             m_settings.endpoint(QStringLiteral("v1/typebots/%1/startChat").arg(publicId)),
             QByteArray("{}"));
}

void ChatRequest::startPreviewChat(const QString &typebotId)
{
    schedule(ChatResult::Call::StartPreviewChat, typebotId,
             m_settings.endpoint(QStringLiteral("v1/typebots/%1/preview/startChat").arg(typebotId)),
             QByteArray("{}"));
}

void ChatRequest::continueChat(const QString &sessionId, const ChatAnswer &answer)
{
    schedule(ChatResult::Call::ContinueChat, sessionId,
             m_settings.endpoint(QStringLiteral("v1/sessions/%1/continueChat").arg(sessionId)),
             answer.requestBody());
}

void ChatRequest::schedule(ChatResult::Call call, const QString &pathId, const QUrl &url,
                           const QByteArray &body)
{
    if (m_started)
        return; // one call per request object, like a job
    m_started = true;
    m_call = call;
    m_pathId = pathId;
    m_url = url;
    m_body = body;
    QMetaObject::invokeMethod(this, &ChatRequest::doStart, Qt::QueuedConnection);
}

void ChatRequest::cancel()
{
    if (m_finished)
        return;
    m_canceled = true;
    if (m_reply) {
        m_reply->abort();
    } else {
        ChatResult result;
        result.call = m_call;
        result.canceled = true;
        finish(result);
    }
}

void ChatRequest::doStart()
{
    if (m_finished)
        return;
    m_elapsed.start();
    ChatResult failure;
    failure.call = m_call;
    failure.botId = m_pathId;
    failure.error.kind = ApiError::Kind::Network;
    // The id becomes a path segment: one that is not a plain id would change the route.
    if (m_pathId.isEmpty() || m_pathId.contains(u'/') || m_pathId.contains(u'?')
        || m_pathId.contains(u'#') || !m_url.isValid()) {
        failure.error.kind = ApiError::Kind::InvalidResponse;
        failure.error.message = tr("\"%1\" is not a usable id").arg(m_pathId);
        finish(failure);
        return;
    }
    // Public chats need no token; only the preview call sends it.
    const auto token = m_call == ChatResult::Call::StartPreviewChat ? ApiRequest::Token::Send
                                                                    : ApiRequest::Token::Omit;
    QString tlsError;
    const auto request =
            ApiRequest::jsonPost(m_url, m_settings, token, m_userAgent, m_timeoutMs, &tlsError);
    if (!request) {
        failure.error.message = tlsError;
        finish(failure);
        return;
    }
    qCDebug(lcApi) << "POST" << Redactor::url(m_url);
    m_reply = m_nam->post(*request, m_body);
    m_bounded = new BoundedReply(m_reply, MaxResponseBytes, m_timeoutMs, m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &ChatRequest::handleFinished);
}

void ChatRequest::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    ChatResult result;
    result.call = m_call;
    result.botId = m_pathId;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_bounded->drain();
    const QByteArray body = m_bounded->body();
    if (m_canceled) {
        result.canceled = true;
    } else if (m_bounded->limit() != BoundedReply::Limit::None) {
        result.error = m_bounded->limitError();
    } else if (status == 0) {
        result.error.kind = reply->error() == QNetworkReply::OperationCanceledError
                ? ApiError::Kind::Timeout
                : ApiError::Kind::Network;
        result.error.message = Redactor::text(reply->errorString());
        if (reply->error() == QNetworkReply::InsecureRedirectError)
            result.error.message =
                    tr("the API redirected to another host (%1); not followed")
                            .arg(Redactor::url(QUrl::fromEncoded(reply->rawHeader("Location"))));
    } else if (status >= 200 && status < 300) {
        QString parseError;
        if (auto response = ChatResponse::fromJson(body, &parseError)) {
            const bool isStart = m_call != ChatResult::Call::ContinueChat;
            if (isStart && response->sessionId.isEmpty()) {
                result.error.kind = ApiError::Kind::InvalidResponse;
                result.error.message = tr("the chat started without a sessionId");
            } else {
                result.ok = true;
                result.response = *response;
            }
        } else {
            result.error.kind = ApiError::Kind::InvalidResponse;
            result.error.message = parseError;
            result.error.bodyExcerpt = ApiError::sanitizedExcerpt(body);
        }
    } else {
        result.error = ApiError::fromHttpResponse(status, body);
    }
    result.error.httpStatus = status;
    finish(result);
}

void ChatRequest::finish(ChatResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.durationMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    Q_EMIT finished(result);
}

} // namespace Typebot
