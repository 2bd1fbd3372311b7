// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Typebot {

// Where tickets come from: the API base URL, the chat session and an optional token.
// validate() is the single gate every front end uses, so a bad value is reported the
// same way in the GUI and on the command line.
class EndpointSettings final
{
public:
    static inline const QString DefaultApiBase = QStringLiteral("https://typebot.io/api");

    QUrl apiBase = QUrl(DefaultApiBase);
    QString sessionId;
    QString token; // optional; sent only to the API host
    QString caFile; // optional PEM bundle for private CAs
    bool allowInsecureHttp = false;

    // Accepts "https://host/api", "https://host/api/" and tolerates surrounding spaces.
    // Returns false and a user-facing message on anything else.
    static bool parseApiBase(const QString &text, QUrl *result, QString *error);

    // Empty when usable; otherwise the first problem, in words a user understands.
    QString validate() const;

    QUrl generateUploadUrlEndpoint() const;
    QUrl endpoint(const QString &relativePath) const;

    static bool isLoopbackHost(const QString &host);
};

} // namespace Typebot
