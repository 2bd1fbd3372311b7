// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiexchange.h"
#include "chatanswer.h"
#include "chatresult.h"
#include "endpointsettings.h"
#include "system/oneshotoperation.h"

#include <QPointer>

class QNetworkAccessManager;

namespace Typebot {

// One call to Typebot's chat API (startChat, the preview startChat or continueChat):
// the public chat needs no token, the preview one sends it to the API host only. The
// answer is bounded in size and time like every API answer, and recorded.
class ChatRequest final : public OneShotOperation
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatRequest)

public:
    // `settings`: apiBase, token, caFile; its sessionId is not used.
    ChatRequest(QNetworkAccessManager *nam, EndpointSettings settings, QObject *parent = nullptr);
    ~ChatRequest() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }

    // Each schedules the call; finished() follows exactly once.
    void startChat(const QString &publicId);
    void startPreviewChat(const QString &typebotId);
    void continueChat(const QString &sessionId, const ChatAnswer &answer);

    QUrl url() const { return m_url; }

Q_SIGNALS:
    void finished(const Typebot::ChatResult &result);

private:
    void schedule(ChatResult::Call call, const QString &pathId, const QUrl &url,
                  const QByteArray &body);
    void run() override;
    bool abortInFlight() override;
    void reportCanceled() override;
    void handleAnswer(const ApiExchange::Answer &answer);
    void finish(ChatResult result);

    QNetworkAccessManager *m_nam;
    EndpointSettings m_settings;
    ChatResult::Call m_call = ChatResult::Call::StartChat;
    QString m_pathId;
    QUrl m_url;
    QByteArray m_body;
    QPointer<ApiExchange> m_exchange;
    QByteArray m_userAgent;
    int m_timeoutMs = 30000;
};

} // namespace Typebot
