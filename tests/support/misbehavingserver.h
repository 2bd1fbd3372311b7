// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QUrl>

// A server that answers the way a broken or hostile one does, for tests of the client's
// limits: a status line and headers, then a body that drips a byte at a time or never
// ends. Each request gets the same behaviour.
class MisbehavingServer final : public QTcpServer
{
    Q_OBJECT

public:
    enum class Mode {
        Drip, // Content-Length promised, then one byte every `intervalMs`
        Endless, // chunked, 64 KiB chunks as fast as the client reads, forever
        HugeHeaders, // 80 KiB of header lines, then a short valid ticket answer
    };

    MisbehavingServer(Mode mode, int status = 200, int intervalMs = 200, QObject *parent = nullptr);
    QUrl url(const QString &path = QString()) const;
    qint64 bytesSent() const { return m_bytesSent; }
    int requestsSeen() const { return m_requests; }

private:
    void handleConnection();

    Mode m_mode;
    int m_status;
    int m_intervalMs;
    qint64 m_bytesSent = 0;
    int m_requests = 0;
};
