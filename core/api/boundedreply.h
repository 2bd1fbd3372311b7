// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace Typebot {

// Reads a reply's body as it arrives, keeping at most `maxBytes`, and puts a deadline on
// the whole exchange. A server that answers forever, or drips a byte a second (which
// restarts Qt's transfer timeout each time), cannot hold the client or fill its memory:
// the reply is aborted and the reason kept. Shared by every API and upload call.
class BoundedReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoundedReply)

public:
    enum class Limit { None, TooLarge, HeadersTooLarge, DeadlineExpired };

    // Real API and storage answers carry a few hundred bytes of headers; far more is a
    // broken or hostile server, refused before its body is read.
    static constexpr qint64 MaxHeaderBytes = Q_INT64_C(64) * 1024;

    // Takes no ownership of `reply`. `deadlineMs` <= 0: no deadline. With keepBytes below
    // maxBytes, bytes past keepBytes are read and dropped (an error body only needs its
    // start) until maxBytes, where the reply is aborted.
    BoundedReply(QNetworkReply *reply, qint64 maxBytes, int deadlineMs, QObject *parent = nullptr,
                 qint64 keepBytes = -1);

    QByteArray body() const { return m_body; }
    qint64 bytesReceived() const { return m_received; }
    Limit limit() const { return m_limit; }
    qint64 maxBytes() const { return m_maxBytes; }
    int deadlineMs() const { return m_deadlineMs; }
    // Starts (or restarts) the deadline, e.g. once an upload's body is sent.
    void startDeadline(int deadlineMs);
    void stopDeadline();
    // Reads what is left in the reply's buffer (call before looking at body() when the
    // reply has finished).
    void drain();
    // What to report when a limit stopped the reply (kind Timeout or InvalidResponse).
    ApiError limitError() const;

private:
    void handleReadyRead();
    void handleMetaData();
    bool checkHeaders(); // false: too many header bytes, the reply is stopped
    void handleDeadline();
    void stop(Limit limit);

    QPointer<QNetworkReply> m_reply;
    const qint64 m_maxBytes;
    const qint64 m_keepBytes;
    int m_deadlineMs;
    QByteArray m_body;
    qint64 m_received = 0;
    qint64 m_headerBytes = 0;
    bool m_headersChecked = false;
    Limit m_limit = Limit::None;
    QTimer m_deadline;
};

} // namespace Typebot
