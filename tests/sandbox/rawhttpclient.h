// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpSocket>

// A deliberately dumb HTTP/1.1 client for tests: writes exactly the bytes it is given
// and parses what comes back, so tests control every byte on the wire (malformed
// requests, odd part orders) and see resets as resets.
class RawHttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpClient)

public:
    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers; // lower-case names
        QByteArray body;
        QByteArray header(const QByteArray &lowerName) const;
    };

    explicit RawHttpClient(quint16 port, QObject *parent = nullptr);
    RawHttpClient(const QHostAddress &host, quint16 port, QObject *parent = nullptr);

    // Connects if needed and writes the bytes. `headRequest`: the response has no body.
    void send(const QByteArray &rawRequest, bool headRequest = false);
    static QByteArray request(const QByteArray &method, const QByteArray &target,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {},
                              const QByteArray &body = {}, quint16 port = 0);

    // One response arrived, or the connection ended without one.
    bool isFinished() const { return m_finished; }
    bool gotResponse() const { return m_responses.size() > m_consumed; }
    Response response() const { return m_responses.value(m_consumed); }
    QList<Response> responses() const { return m_responses; }
    bool wasClosed() const { return m_closed; }
    QAbstractSocket::SocketError socketError() const { return m_error; }
    qint64 bytesToWrite() const { return m_socket.bytesToWrite(); }
    // Ready for the next exchange on the same connection.
    void next();

Q_SIGNALS:
    void finished();

private:
    void handleReadyRead();
    void handleClosed();
    bool parseOne();

    QHostAddress m_host;
    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<Response> m_responses;
    qsizetype m_consumed = 0;
    bool m_headRequest = false;
    bool m_finished = false;
    bool m_closed = false;
    QAbstractSocket::SocketError m_error = QAbstractSocket::UnknownSocketError;
};
