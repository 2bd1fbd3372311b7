// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawhttpclient.h"

#include <QHostAddress>

QByteArray RawHttpClient::Response::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

RawHttpClient::RawHttpClient(quint16 port, QObject *parent)
    : RawHttpClient(QHostAddress(QHostAddress::LocalHost), port, parent)
{
}

RawHttpClient::RawHttpClient(const QHostAddress &host, quint16 port, QObject *parent)
    : QObject(parent),
      m_host(host),
      m_port(port)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawHttpClient::handleReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &RawHttpClient::handleClosed);
    connect(&m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) {
                m_error = error;
                if (error != QAbstractSocket::RemoteHostClosedError)
                    handleClosed();
            });
}

QByteArray RawHttpClient::request(const QByteArray &method, const QByteArray &target,
                                  const QList<QPair<QByteArray, QByteArray>> &headers,
                                  const QByteArray &body, quint16 port)
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1";
    if (port)
        raw += ':' + QByteArray::number(port);
    raw += "\r\n";
    bool haveLength = false;
    for (const auto &[name, value] : headers) {
        raw += name + ": " + value + "\r\n";
        haveLength = haveLength || name.compare("content-length", Qt::CaseInsensitive) == 0;
    }
    if (!haveLength && (!body.isEmpty() || method == "POST" || method == "PUT"))
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return raw + "\r\n" + body;
}

void RawHttpClient::send(const QByteArray &rawRequest, bool headRequest)
{
    m_headRequest = headRequest;
    m_finished = false;
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        m_socket.connectToHost(m_host, m_port);
    m_socket.write(rawRequest);
}

void RawHttpClient::next()
{
    if (gotResponse())
        ++m_consumed;
    m_finished = gotResponse();
}

void RawHttpClient::handleReadyRead()
{
    m_buffer += m_socket.readAll();
    while (parseOne()) { }
}

bool RawHttpClient::parseOne()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    Response response;
    const QList<QByteArray> statusParts = lines.first().trimmed().split(' ');
    response.status = statusParts.value(1).toInt();
    qint64 length = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        response.headers.append({ name, value });
        if (name == "content-length")
            length = value.toLongLong();
    }
    if (response.status >= 100 && response.status < 200) {
        m_buffer.remove(0, headEnd + 4); // interim (100 Continue)
        return true;
    }
    const bool noBody = m_headRequest || response.status == 204 || response.status == 304;
    if (noBody)
        length = 0;
    if (length < 0) {
        if (!m_closed)
            return false; // body runs to the close
        length = m_buffer.size() - headEnd - 4;
    }
    if (m_buffer.size() - headEnd - 4 < length)
        return false;
    response.body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, headEnd + 4 + length);
    m_responses.append(response);
    if (!m_finished && gotResponse()) {
        m_finished = true;
        Q_EMIT finished();
    }
    return true;
}

void RawHttpClient::handleClosed()
{
    if (m_closed)
        return;
    if (m_socket.isOpen())
        m_buffer += m_socket.readAll();
    m_closed = true;
    while (parseOne()) { }
    if (!m_finished) {
        m_finished = true;
        Q_EMIT finished();
    }
}
