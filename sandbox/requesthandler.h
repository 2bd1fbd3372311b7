// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace Sandbox {

class HttpConnection;
struct HttpRequest;
struct RequestRecord;

// Serves one request on a connection: gets the body as it streams in and answers
// through HttpConnection::respond(), at any time (early errors included).
class RequestHandler
{
public:
    RequestHandler(HttpConnection *connection, const HttpRequest &request, RequestRecord *record)
        : m_connection(connection),
          m_request(request),
          m_record(record)
    {
    }
    virtual ~RequestHandler() = default;
    RequestHandler(const RequestHandler &) = delete;
    RequestHandler &operator=(const RequestHandler &) = delete;

    // Called once after the head; may respond at once.
    virtual void begin() { }
    // Body bytes, only until a response was given.
    virtual void bodyData(QByteArrayView data) = 0;
    // The whole body arrived (also for an empty body) and no response was given yet.
    virtual void bodyFinished() = 0;
    // The client went away or the connection was reset before the request finished.
    virtual void aborted() { }

protected:
    HttpConnection *m_connection;
    const HttpRequest &m_request;
    RequestRecord *m_record;
};

} // namespace Sandbox
