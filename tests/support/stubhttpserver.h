// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

// A tiny HTTP/1.1 server for tests that need answers the sandbox does not give on
// purpose (other error shapes, redirects to another host). It answers every request
// with the canned response and records what arrived.
class StubHttpServer final : public QTcpServer
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    explicit StubHttpServer(QObject *parent = nullptr);

    // Full response text after the status line's "HTTP/1.1 " (e.g. "400 Bad Request").
    void setResponse(int status, const QByteArray &body,
                     const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // A different answer for requests to this path (without query); others get the default.
    void setResponseFor(const QByteArray &path, int status, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QUrl url(const QString &path = QString()) const;
    // http://127.0.0.1:PORT/PATH, for every test server here.
    static QUrl loopbackUrl(quint16 port, const QString &path);
    QList<Request> requests() const { return m_requests; }

private:
    void handleConnection();

    struct Canned
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    Canned m_default;
    QHash<QByteArray, Canned> m_byPath;
    QList<Request> m_requests;
};
