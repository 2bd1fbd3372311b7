// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <QCoreApplication>
#include <QSettings>

Profile AppSettings::sandboxProfile()
{
    Profile profile;
    profile.id = Profile::SandboxId;
    profile.name = QCoreApplication::translate("AppSettings", "Local sandbox");
    return profile;
}

AppSettings AppSettings::load()
{
    AppSettings result;
    QSettings settings;
    result.profiles << sandboxProfile();
    const int count = settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Profile profile;
        profile.id = settings.value(QStringLiteral("id")).toString();
        if (profile.id.isEmpty() || profile.isSandbox())
            continue;
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.apiBase = settings.value(QStringLiteral("apiBase")).toString();
        profile.sessionId = settings.value(QStringLiteral("sessionId")).toString();
        profile.caFile = settings.value(QStringLiteral("caFile")).toString();
        profile.blockId = settings.value(QStringLiteral("blockId")).toString();
        profile.allowInsecureHttp = settings.value(QStringLiteral("allowInsecureHttp")).toBool();
        result.profiles << profile;
    }
    settings.endArray();
    result.currentProfileId =
            settings.value(QStringLiteral("currentProfile"), Profile::SandboxId).toString();
    if (result.indexOfProfile(result.currentProfileId) < 0)
        result.currentProfileId = Profile::SandboxId;
    result.concurrency =
            qBound(1, settings.value(QStringLiteral("engine/concurrency"), 3).toInt(), 16);
    result.maxAttempts =
            qBound(1, settings.value(QStringLiteral("engine/maxAttempts"), 5).toInt(), 20);
    result.stallTimeoutSeconds = qBound(
            5, settings.value(QStringLiteral("engine/stallTimeoutSeconds"), 60).toInt(), 3600);
    result.useQnamTransport =
            settings.value(QStringLiteral("engine/transport")).toString() == u"qnam";
    result.uploadLimitKiBps = qBound(
            0, settings.value(QStringLiteral("engine/uploadLimitKiBps"), 0).toInt(), 10000000);
    result.outageWaitHours =
            qBound(0, settings.value(QStringLiteral("engine/outageWaitHours"), 6).toInt(), 168);
    result.notifications = settings.value(QStringLiteral("ui/notifications"), true).toBool();
    result.language = settings.value(QStringLiteral("ui/language")).toString();
    result.historyRetentionDays =
            qMax(0, settings.value(QStringLiteral("history/retentionDays"), 0).toInt());
    result.tokensInFile = settings.value(QStringLiteral("secrets/tokensInFile"), false).toBool();
    return result;
}

void AppSettings::save() const
{
    QSettings settings;
    settings.remove(QStringLiteral("profiles"));
    settings.beginWriteArray(QStringLiteral("profiles"));
    int index = 0;
    for (const Profile &profile : profiles) {
        if (profile.isSandbox())
            continue;
        settings.setArrayIndex(index++);
        settings.setValue(QStringLiteral("id"), profile.id);
        settings.setValue(QStringLiteral("name"), profile.name);
        settings.setValue(QStringLiteral("apiBase"), profile.apiBase);
        settings.setValue(QStringLiteral("sessionId"), profile.sessionId);
        settings.setValue(QStringLiteral("caFile"), profile.caFile);
        settings.setValue(QStringLiteral("blockId"), profile.blockId);
        settings.setValue(QStringLiteral("allowInsecureHttp"), profile.allowInsecureHttp);
        // profile.token is deliberately not written: it goes to the keychain (ProfileTokens).
    }
    settings.endArray();
    settings.setValue(QStringLiteral("currentProfile"), currentProfileId);
    settings.setValue(QStringLiteral("engine/concurrency"), concurrency);
    settings.setValue(QStringLiteral("engine/maxAttempts"), maxAttempts);
    settings.setValue(QStringLiteral("engine/stallTimeoutSeconds"), stallTimeoutSeconds);
    settings.setValue(QStringLiteral("engine/transport"),
                      useQnamTransport ? QStringLiteral("qnam") : QStringLiteral("curl"));
    settings.setValue(QStringLiteral("engine/uploadLimitKiBps"), uploadLimitKiBps);
    settings.setValue(QStringLiteral("engine/outageWaitHours"), outageWaitHours);
    settings.setValue(QStringLiteral("ui/notifications"), notifications);
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.setValue(QStringLiteral("history/retentionDays"), historyRetentionDays);
    settings.setValue(QStringLiteral("secrets/tokensInFile"), tokensInFile);
}

bool AppSettings::isFirstRun() const
{
    return profiles.size() <= 1;
}

Profile AppSettings::currentProfile() const
{
    const int index = indexOfProfile(currentProfileId);
    return index >= 0 ? profiles.at(index) : sandboxProfile();
}

int AppSettings::indexOfProfile(const QString &id) const
{
    for (int i = 0; i < profiles.size(); ++i) {
        if (profiles.at(i).id == id)
            return i;
    }
    return -1;
}

void AppSettings::keepTokensFrom(const AppSettings &other)
{
    for (Profile &profile : profiles) {
        const int index = other.indexOfProfile(profile.id);
        if (index >= 0 && profile.token.isEmpty())
            profile.token = other.profiles.at(index).token;
    }
}

QString AppSettings::newProfileToOffer(const AppSettings &before) const
{
    QString offer;
    for (const Profile &profile : profiles) {
        if (profile.isSandbox() || profile.id == currentProfileId
            || before.indexOfProfile(profile.id) >= 0)
            continue;
        // The token may still be on its way to the keychain; the rest must be usable.
        if (profile.endpoint().validate().isEmpty())
            offer = profile.id;
    }
    return offer;
}
