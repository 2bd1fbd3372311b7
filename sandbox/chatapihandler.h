// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requesthandler.h"

#include <QByteArray>

namespace Sandbox {

class DemoBot;
class FaultInjector;
struct SandboxConfig;

// The chat routes of the viewer API, served by the demo bot:
// POST /api/v1/typebots/{publicId}/startChat, .../{typebotId}/preview/startChat (bearer
// token) and /api/v1/sessions/{sessionId}/continueChat.
class ChatApiHandler final : public RequestHandler
{
public:
    static constexpr qint64 MaxBodyBytes = Q_INT64_C(1024) * 1024;

    // The part of the server this handler works with.
    struct Context
    {
        const SandboxConfig &config;
        DemoBot &demoBot;
        FaultInjector &faults;
    };

    ChatApiHandler(Context context, HttpConnection *connection, const HttpRequest &request,
                   RequestRecord *record);

    static bool isChatPath(const QString &path);

    void begin() override;
    void bodyData(QByteArrayView data) override;
    void bodyFinished() override;

private:
    void respondError(int status, const QString &message);

    Context m_context;
    QByteArray m_body;
};

} // namespace Sandbox
