// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatsession.h"

#include "chatrequest.h"
#include "diagnostics/logging.h"

#include <QCoreApplication>

namespace Typebot {

ChatSession::ChatSession(QNetworkAccessManager *nam, QObject *parent) : QObject(parent), m_nam(nam)
{
    qRegisterMetaType<Typebot::ChatResponse>();
    qRegisterMetaType<Typebot::ChatResult>();
    qRegisterMetaType<Typebot::ChatAnswer>();
}

ChatSession::~ChatSession()
{
    delete m_request; // aborts a running reply without emitting
}

bool ChatSession::start(const BotAddress &bot)
{
    if (isBusy())
        return false;
    if (!bot.apiBase.isEmpty())
        m_endpoint.apiBase = bot.apiBase;
    m_sessionId.clear();
    m_input.reset();
    m_botId = bot.publicId;
    return send(ChatResult::Call::StartChat, bot.publicId, ChatAnswer::skipped());
}

bool ChatSession::startPreview(const QString &typebotId)
{
    if (isBusy())
        return false;
    m_sessionId.clear();
    m_input.reset();
    m_botId = typebotId;
    return send(ChatResult::Call::StartPreviewChat, typebotId, ChatAnswer::skipped());
}

bool ChatSession::answer(const ChatAnswer &answer)
{
    if (isBusy() || m_sessionId.isEmpty())
        return false;
    m_answeredInput = m_input;
    if (!send(ChatResult::Call::ContinueChat, m_sessionId, answer))
        return false;
    Q_EMIT answerSent(answer);
    return true;
}

bool ChatSession::send(ChatResult::Call call, const QString &id, const ChatAnswer &answer)
{
    auto *request = new ChatRequest(m_nam, m_endpoint, this);
    request->setTimeoutMs(m_timeoutMs);
    request->setUserAgent(m_userAgent);
    m_request = request;
    connect(request, &ChatRequest::finished, this, &ChatSession::handleFinished);
    switch (call) {
    case ChatResult::Call::StartChat:
        request->startChat(id);
        break;
    case ChatResult::Call::StartPreviewChat:
        request->startPreviewChat(id);
        break;
    case ChatResult::Call::ContinueChat:
        request->continueChat(id, answer);
        break;
    }
    setState(State::Busy);
    return true;
}

void ChatSession::cancel()
{
    if (m_request)
        m_request->cancel(); // finishes synchronously, as canceled
}

bool ChatSession::isWaitingForFiles() const
{
    return m_state == State::WaitingForUser && m_input && m_input->kind == ChatInput::Kind::File;
}

EndpointSettings ChatSession::uploadEndpoint() const
{
    EndpointSettings settings = m_endpoint;
    settings.sessionId = m_sessionId;
    return settings;
}

void ChatSession::handleFinished(const ChatResult &result)
{
    if (sender() != m_request)
        return;
    m_request->deleteLater();
    m_request = nullptr;
    m_lastResult = result;
    if (!result.exchange.method.isEmpty())
        Q_EMIT exchangeRecorded(result.exchange);
    if (!result.ok) {
        setState(State::Failed);
        qCInfo(lcApi).noquote() << "chat call failed:" << result.errorString();
        Q_EMIT failed(result, result.errorString());
        return;
    }
    if (result.call != ChatResult::Call::ContinueChat)
        m_sessionId = result.response.sessionId;
    m_input = result.response.input;
    // Typebot answers a refused reply with its retry message and the same block again.
    const bool rejected = result.call == ChatResult::Call::ContinueChat && m_answeredInput
            && m_input && !m_input->id.isEmpty() && m_input->id == m_answeredInput->id;
    m_answeredInput.reset();
    setState(m_input ? State::WaitingForUser : State::Finished);
    Q_EMIT responseReceived(result.response, rejected);
}

void ChatSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Typebot
