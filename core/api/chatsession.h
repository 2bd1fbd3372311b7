// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "botaddress.h"
#include "chatanswer.h"
#include "chatresult.h"
#include "endpointsettings.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;

namespace Typebot {

class ChatRequest;

// One conversation with a bot, for the GUI and the CLI: start it, answer what it asks,
// hand its session to the upload engine at the file block, then submit the links. One
// call at a time; each ends in responseReceived() or failed().
class ChatSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)

public:
    enum class State {
        Idle, // not started
        Busy, // a call is under way
        WaitingForUser, // the bot waits for currentInput()
        Finished, // the bot ended the conversation
        Failed, // the last call failed; lastResult() says why
    };
    Q_ENUM(State)

    // `nam` is not owned and must outlive this session.
    explicit ChatSession(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ChatSession() override;

    // apiBase, token (preview only), caFile, allowInsecureHttp; the session id is ignored.
    void setEndpoint(const EndpointSettings &endpoint) { m_endpoint = endpoint; }
    EndpointSettings endpoint() const { return m_endpoint; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // A bot link's API replaces the endpoint's apiBase. Schedules; false (and nothing
    // scheduled) when a call is already under way.
    bool start(const BotAddress &bot);
    bool startPreview(const QString &typebotId); // needs the endpoint's token
    bool answer(const ChatAnswer &answer);
    void cancel();

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Busy; }
    QString sessionId() const { return m_sessionId; }
    QString botId() const { return m_botId; }
    std::optional<ChatInput> currentInput() const { return m_input; }
    bool isWaitingForFiles() const;
    ChatResult lastResult() const { return m_lastResult; }
    // What the upload engine needs: this API and this session (valid once started).
    EndpointSettings uploadEndpoint() const;

Q_SIGNALS:
    void stateChanged(Typebot::ChatSession::State state);
    // The user's side of the transcript, when the answer is sent.
    void answerSent(const Typebot::ChatAnswer &answer);
    // The bot's bubbles and new input; `answerRejected`: the bot asked the same input again
    // (its retry message), i.e. it refused the last answer, e.g. files of the wrong type.
    void responseReceived(const Typebot::ChatResponse &response, bool answerRejected);
    void failed(const Typebot::ChatResult &result, const QString &message);
    // Each chat request as sent, with its answer (before the signals above): for -vv.
    void exchangeRecorded(const Typebot::HttpExchange &exchange);

private:
    bool send(ChatResult::Call call, const QString &id, const ChatAnswer &answer);
    void handleFinished(const Typebot::ChatResult &result);
    void setState(State state);

    QNetworkAccessManager *m_nam;
    EndpointSettings m_endpoint;
    QByteArray m_userAgent = QByteArray("TypebotUploader/" TBU_VERSION);
    int m_timeoutMs = 30000;
    QPointer<ChatRequest> m_request;
    State m_state = State::Idle;
    QString m_sessionId;
    QString m_botId;
    std::optional<ChatInput> m_input;
    std::optional<ChatInput> m_answeredInput;
    ChatResult m_lastResult;
};

} // namespace Typebot
