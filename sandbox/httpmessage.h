// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Sandbox {

// The head of one parsed HTTP/1.x request; the body streams separately.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent, percent-encoding intact
    QByteArray rawPath; // target without the query
    QString path; // percent-decoded UTF-8
    QString query; // raw query, without '?'
    QByteArray version; // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // lower-case names, in order
    qint64 contentLength = 0;
    bool expectContinue = false;
    bool keepAlive = true;

    QByteArray header(const QByteArray &lowerName) const;
};

// One response. A body is either in memory or a file streamed from disk.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString bodyFile; // streamed when set; Content-Length is its size
    bool headOnly = false; // HEAD: headers as for GET, no body
    bool closeConnection = false;

    void setHeader(const QByteArray &name, const QByteArray &value);
    static QByteArray reasonPhrase(int status);
};

inline QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

inline void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

} // namespace Sandbox
