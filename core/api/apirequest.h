// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkRequest>

#include <optional>

class QUrl;

namespace Typebot {

class EndpointSettings;

// The one way a JSON call to the Typebot API is built, so every call gets the same
// safety: the token only when asked for and only to this origin, same-origin redirects,
// a transfer timeout, no cache, and the user's CA file.
class ApiRequest final
{
public:
    enum class Token { Send, Omit };

    // nullopt when the CA file cannot be used; `error` says why.
    static std::optional<QNetworkRequest> jsonPost(const QUrl &url,
                                                   const EndpointSettings &settings, Token token,
                                                   const QByteArray &userAgent, int timeoutMs,
                                                   QString *error);
};

} // namespace Typebot
