// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirequest.h"

#include "endpointsettings.h"
#include "tlsconfiguration.h"

namespace Typebot {

std::optional<QNetworkRequest> ApiRequest::jsonPost(const QUrl &url,
                                                    const EndpointSettings &settings, Token token,
                                                    const QByteArray &userAgent, int timeoutMs,
                                                    QString *error)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!userAgent.isEmpty())
        request.setHeader(QNetworkRequest::UserAgentHeader, userAgent);
    if (token == Token::Send && !settings.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + settings.token.toUtf8());
    // Same-origin only: Qt copies every header, Authorization included, to a new host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(timeoutMs);
    if (!settings.caFile.isEmpty()) {
        const auto ssl = TlsConfiguration::withCaFile(settings.caFile, error);
        if (!ssl)
            return std::nullopt;
        request.setSslConfiguration(*ssl);
    }
    return request;
}

} // namespace Typebot
