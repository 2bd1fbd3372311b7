// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requesthandler.h"

#include <QByteArray>
#include <QJsonObject>

namespace Sandbox {

class SandboxServer;
struct HttpResponse;

// The Typebot viewer API: POST /api/v2/generate-upload-url validated like the real
// server (auth, body schema, session, size) and answered with a signed ticket.
class TypebotApiHandler final : public RequestHandler
{
public:
    static constexpr qint64 MaxBodyBytes = Q_INT64_C(1024) * 1024;

    TypebotApiHandler(SandboxServer *server, HttpConnection *connection, const HttpRequest &request,
                      RequestRecord *record);

    void begin() override;
    void bodyData(QByteArrayView data) override;
    void bodyFinished() override;

    static HttpResponse jsonError(int status, const QString &message, const QString &code,
                                  const QStringList &issues = {});
    static QString codeForStatus(int status);

private:
    void generateUploadUrl();

    SandboxServer *m_server;
    QByteArray m_body;
};

} // namespace Sandbox
