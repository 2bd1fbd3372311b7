// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatrequest.h"

namespace Typebot {

namespace {
constexpr qint64 MaxResponseBytes = Q_INT64_C(4) * 1024 * 1024;
} // namespace

ChatRequest::ChatRequest(QNetworkAccessManager *nam, EndpointSettings settings, QObject *parent)
    : OneShotOperation(parent),
      m_nam(nam),
      m_settings(std::move(settings))
{
}

ChatRequest::~ChatRequest() = default;

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
    if (isStarted())
        return; // one call per request object, like a job
    m_call = call;
    m_pathId = pathId;
    m_url = url;
    m_body = body;
    OneShotOperation::schedule();
}

bool ChatRequest::abortInFlight()
{
    if (!m_exchange || !m_exchange->isRunning())
        return false;
    m_exchange->abort(); // handleAnswer reports the cancellation
    return true;
}

void ChatRequest::reportCanceled()
{
    ChatResult result;
    result.call = m_call;
    result.canceled = true;
    finish(result);
}

void ChatRequest::run()
{
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
    auto *exchange = new ApiExchange(m_nam, HttpExchange::Step::Chat, this);
    m_exchange = exchange;
    connect(exchange, &ApiExchange::finished, this, &ChatRequest::handleAnswer);
    ApiExchange::Limits limits;
    limits.maxResponseBytes = MaxResponseBytes;
    limits.deadlineMs = m_timeoutMs;
    QString tlsError;
    if (!exchange->post(m_url, m_settings, token, m_userAgent, limits, m_body, &tlsError)) {
        failure.error.message = tlsError;
        finish(failure);
    }
}

void ChatRequest::handleAnswer(const ApiExchange::Answer &answer)
{
    if (m_exchange)
        m_exchange->deleteLater();
    ChatResult result;
    result.call = m_call;
    result.botId = m_pathId;
    result.exchange = answer.record;
    const int status = answer.status;
    if (isCanceled()) {
        result.canceled = true;
    } else if (answer.failure) {
        result.error = *answer.failure;
    } else if (status >= 200 && status < 300) {
        QString parseError;
        if (auto response = ChatResponse::fromJson(answer.body, &parseError)) {
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
            result.error.bodyExcerpt = ApiError::sanitizedExcerpt(answer.body);
        }
    } else {
        result.error = ApiError::fromHttpResponse(status, answer.body);
    }
    result.error.httpStatus = status;
    finish(result);
}

void ChatRequest::finish(ChatResult result)
{
    if (!beginFinish())
        return;
    result.durationMs = elapsedMs();
    Q_EMIT finished(result);
}

} // namespace Typebot
