// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpconnection.h"
#include "httpmessage.h"
#include "requesthandler.h"

namespace Sandbox {

// Answers a fixed response once the request body is read: unknown routes, refused peers.
class StaticResponseHandler final : public RequestHandler
{
public:
    StaticResponseHandler(HttpConnection *connection, const HttpRequest &request,
                          RequestRecord *record, HttpResponse response)
        : RequestHandler(connection, request, record),
          m_response(std::move(response))
    {
    }

    void bodyData(QByteArrayView) override { }
    void bodyFinished() override
    {
        if (m_request.method == "HEAD")
            m_response.headOnly = true;
        m_connection->respond(m_response);
    }

private:
    HttpResponse m_response;
};

} // namespace Sandbox
