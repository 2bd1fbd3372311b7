// SPDX-License-Identifier: GPL-3.0-or-later
#include "misbehavingserver.h"

#include "stubhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

MisbehavingServer::MisbehavingServer(Mode mode, int status, int intervalMs, QObject *parent)
    : QTcpServer(parent),
      m_mode(mode),
      m_status(status),
      m_intervalMs(intervalMs)
{
    connect(this, &QTcpServer::newConnection, this, &MisbehavingServer::handleConnection);
    listen(QHostAddress::LocalHost, 0);
}

QUrl MisbehavingServer::url(const QString &path) const
{
    return StubHttpServer::loopbackUrl(serverPort(), path);
}

void MisbehavingServer::handleConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto started = std::make_shared<bool>(false);
        auto head = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, started, head] {
            head->append(socket->readAll());
            // Answer once the request head is in; the body (if any) is ignored.
            if (*started || !head->contains("\r\n\r\n"))
                return;
            *started = true;
            ++m_requests;
            const QByteArray status = QByteArray::number(m_status) + " Whatever";
            if (m_mode == Mode::Drip) {
                socket->write(
                        "HTTP/1.1 " + status
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
                auto *timer = new QTimer(socket);
                connect(timer, &QTimer::timeout, socket, [this, socket] {
                    socket->write("{");
                    ++m_bytesSent;
                });
                timer->start(m_intervalMs);
            } else if (m_mode == Mode::HugeHeaders) {
                QByteArray headers;
                // Few long lines: Qt 6.4 silently drops a response's headers past 100 fields.
                for (int i = 0; i < 4; ++i)
                    headers += "X-Padding-" + QByteArray::number(i) + ": "
                            + QByteArray(20 * 1024, 'p') + "\r\n";
                const QByteArray body = R"({"presignedUrl":"http://127.0.0.1:9/b",)"
                                        R"("formData":{},"fileUrl":"http://127.0.0.1:9/b/a.txt"})";
                socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\n"
                              + headers + "Content-Length: " + QByteArray::number(body.size())
                              + "\r\n\r\n" + body);
                m_bytesSent += headers.size() + body.size();
            } else {
                socket->write("HTTP/1.1 " + status
                              + "\r\nContent-Type: application/xml\r\nTransfer-Encoding: "
                                "chunked\r\n\r\n");
                const QByteArray chunk = QByteArray::number(64 * 1024, 16) + "\r\n"
                        + QByteArray(64 * 1024, '<') + "\r\n";
                const auto pump = [this, socket, chunk] {
                    while (socket->state() == QAbstractSocket::ConnectedState
                           && socket->bytesToWrite() < 256 * 1024) {
                        socket->write(chunk);
                        m_bytesSent += 64 * 1024;
                    }
                };
                connect(socket, &QTcpSocket::bytesWritten, socket, pump);
                pump();
            }
        });
    }
}
