// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatanswer.h"
#include "chatresult.h"
#include "endpointsettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Typebot {
class BoundedReply;
}

namespace Typebot {

// One chat call: startChat (public bot, no auth), preview startChat (bearer token) or
// continueChat. Same rules as TicketRequest: the token goes to the API host only and only
// where needed, redirects stay on the same origin, a timeout always applies.
class ChatRequest final : public QObject
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
    void cancel();

    QUrl url() const { return m_url; }

Q_SIGNALS:
    void finished(const Typebot::ChatResult &result);

private:
    void schedule(ChatResult::Call call, const QString &pathId, const QUrl &url,
                  const QByteArray &body);
    void doStart();
    void handleFinished();
    void finish(ChatResult result);

    QNetworkAccessManager *m_nam;
    EndpointSettings m_settings;
    ChatResult::Call m_call = ChatResult::Call::StartChat;
    QString m_pathId;
    QUrl m_url;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    BoundedReply *m_bounded = nullptr; // child of m_reply
    QElapsedTimer m_elapsed;
    QByteArray m_userAgent;
    int m_timeoutMs = 30000;
    bool m_started = false;
    bool m_canceled = false;
    bool m_finished = false;
};

} // namespace Typebot
