// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

Typebot::EndpointSettings Profile::endpoint() const
{
    Typebot::EndpointSettings settings;
    QUrl url;
    QString error;
    if (Typebot::EndpointSettings::parseApiBase(apiBase, &url, &error))
        settings.apiBase = url;
    else
        settings.apiBase = QUrl(apiBase.trimmed());
    settings.sessionId = sessionId.trimmed();
    settings.token = token;
    settings.caFile = caFile;
    settings.allowInsecureHttp = allowInsecureHttp;
    return settings;
}
