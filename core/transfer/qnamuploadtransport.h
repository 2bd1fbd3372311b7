// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "uploadtransport.h"

#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Typebot {

class BoundedReply;
class UploadBodyFile;

// The QNetworkAccessManager transport: a multipart POST (fields in order, file last, from
// disk) or a raw PUT, with its own stall timer because QNAM reports a transfer timeout
// with the same error as a user cancel.
class QnamUploadTransport final : public UploadTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamUploadTransport)

public:
    explicit QnamUploadTransport(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~QnamUploadTransport() override;

private:
    void run() override;
    bool abortInFlight() override;
    void reportCanceled() override;
    void handleUploadProgress(qint64 sent, qint64 total);
    void handleReplyFinished();
    void handleStall();
    QNetworkReply *sendMultipart();
    QNetworkReply *sendPut();
    // A fresh body for this attempt; nullptr (and a LocalError result) when unreadable.
    UploadBodyFile *openBody(QObject *parent);

    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_reply;
    BoundedReply *m_bounded = nullptr; // child of m_reply
    QPointer<UploadBodyFile> m_body; // owned by the request's multipart or the reply
    QTimer m_stallTimer;
    qint64 m_lastSent = 0;
    qint64 m_maxSent = 0;
    int m_silentResends = 0;
    bool m_stalled = false;
};

} // namespace Typebot
