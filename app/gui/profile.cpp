// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include "appsettings.h"

#include <QCoreApplication>

QString Profile::recordedName() const
{
    return isSandbox() ? SandboxRecordedName : name;
}

QString Profile::displayNameOfRecorded(const QString &recorded)
{
    // Before the identities, entries recorded the English or the Portuguese name.
    static const QStringList oldSandboxNames = { QStringLiteral("Local sandbox"),
                                                 QStringLiteral("Sandbox local") };
    static const QStringList oldBotTestNames = { QStringLiteral("Bot test"),
                                                 QStringLiteral("Teste de bot") };
    if (recorded == SandboxRecordedName || oldSandboxNames.contains(recorded))
        return AppSettings::sandboxProfile().name;
    if (recorded == BotTestRecordedName || oldBotTestNames.contains(recorded))
        return QCoreApplication::translate("BotTesterWindow", "Bot test");
    return recorded;
}

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
