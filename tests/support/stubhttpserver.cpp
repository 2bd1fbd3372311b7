// SPDX-License-Identifier: GPL-3.0-or-later
#include "stubhttpserver.h"

#include <QTcpSocket>

StubHttpServer::StubHttpServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, &StubHttpServer::handleConnection);
    listen(QHostAddress::LocalHost, 0);
}

void StubHttpServer::setResponse(int status, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_default = Canned{ status, body, headers };
}

void StubHttpServer::setResponseFor(const QByteArray &path, int status, const QByteArray &body,
                                    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_byPath.insert(path, Canned{ status, body, headers });
}

QUrl StubHttpServer::loopbackUrl(quint16 port, const QString &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(path);
    return url;
}

QUrl StubHttpServer::url(const QString &path) const
{
    return loopbackUrl(serverPort(), path);
}

void StubHttpServer::handleConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            qint64 length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                request.headers.insert(name, value);
                if (name == "content-length")
                    length = value.toLongLong();
            }
            if (buffer->size() < headerEnd + 4 + length)
                return;
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->remove(0, headerEnd + 4 + length);
            m_requests << request;

            const QByteArray path = request.path.split('?').constFirst();
            const Canned canned = m_byPath.value(path, m_default);
            QByteArray response = "HTTP/1.1 " + QByteArray::number(canned.status) + " Stub\r\n";
            for (const auto &[name, value] : std::as_const(canned.headers))
                response += name + ": " + value + "\r\n";
            response += "Content-Length: " + QByteArray::number(canned.body.size())
                    + "\r\nConnection: close\r\n\r\n" + canned.body;
            socket->write(response);
            socket->disconnectFromHost();
        });
    }
}
