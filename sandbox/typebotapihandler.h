// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postpolicy.h"
#include "requesthandler.h"
#include "serverversion.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

class DemoBot;
class FaultInjector;
class SessionList;
struct SandboxConfig;

// The Typebot viewer API's generate-upload-url, as the configured server version answers
// it: which of /api/v2 and /api/v3 exist, validation and error shapes, session, type and
// size checks, and a ticket for a presigned POST, a presigned PUT or the upload proxy.
class TypebotApiHandler final : public RequestHandler
{
public:
    static constexpr qint64 MaxBodyBytes = Q_INT64_C(1024) * 1024;
    static inline const QString V2Path = QStringLiteral("/api/v2/generate-upload-url");
    static inline const QString V3Path = QStringLiteral("/api/v3/generate-upload-url");

    // The part of the server this handler works with.
    struct Context
    {
        const SandboxConfig &config;
        const SessionList &sessions;
        const DemoBot &demoBot;
        FaultInjector &faults;
        const PostPolicy::Credentials &credentials;
        const QByteArray &uploadProxySecret;
        QString origin; // scheme://host:port, of the viewer and the bucket alike
    };

    TypebotApiHandler(Context context, HttpConnection *connection, const HttpRequest &request,
                      RequestRecord *record);

    void begin() override;
    void bodyData(QByteArrayView data) override;
    void bodyFinished() override;

private:
    enum class Route { V2, V3 };

    // Where the session stands, as the server reads it from its state.
    struct SessionFacts
    {
        QString botId;
        QString resultId;
        QString currentBlockId;
        QStringList allowedTypes; // the file block's restriction; empty: any type
    };

    void generateUploadUrl(Route route);
    bool checkAuthorization();
    std::optional<QJsonObject> validatedBody(Route route);
    std::optional<SessionFacts> sessionFacts(const QString &sessionId);
    void respondError(int status, const QString &message);

    Context m_context;
    ServerVersion m_version;
    QByteArray m_body;
};

} // namespace Sandbox
