// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpointsettings.h"
#include "ticketresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Typebot {

// Step 1: asks POST {api}/v2/generate-upload-url for an upload slot. The token, if any,
// goes to the API host only; redirects to another origin are refused so it cannot follow.
class TicketRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketRequest)

public:
    struct Input
    {
        QString fileName;
        QString fileType;
        qint64 fileSize = -1;
    };

    TicketRequest(QNetworkAccessManager *nam, EndpointSettings settings, QObject *parent = nullptr);
    ~TicketRequest() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }

    void start(const Input &input);
    void cancel();

    static QByteArray requestBody(const QString &sessionId, const Input &input);

Q_SIGNALS:
    void finished(const Typebot::TicketResult &result);

private:
    void doStart();
    void handleFinished();
    void finish(TicketResult result);

    QNetworkAccessManager *m_nam;
    EndpointSettings m_settings;
    Input m_input;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_elapsed;
    QByteArray m_userAgent;
    int m_timeoutMs = 30000;
    bool m_canceled = false;
    bool m_finished = false;
};

} // namespace Typebot
