// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/endpointsettings.h"

#include <QString>

// One place to upload to: a Typebot API, a chat session and how to reach it. The built-in
// "Local sandbox" profile is filled in at run time from the embedded sandbox server.
struct Profile
{
    static inline const QString SandboxId = QStringLiteral("sandbox");

    QString id; // stable key in the settings; SandboxId for the built-in one
    QString name;
    QString apiBase;
    QString sessionId;
    QString token; // kept in the keychain by ProfileTokens, never in QSettings
    QString caFile;
    // The file-input block the session waits on, sent as v3's blockId; optional (servers
    // from 3.17 ignore it; older ones are then asked on v2).
    QString blockId;
    bool allowInsecureHttp = false;

    bool isSandbox() const { return id == SandboxId; }
    // The name recorded with each upload in the history. Built-in profiles record an
    // identity, not their translated name, so History can show them in today's language.
    QString recordedName() const;
    static inline const QString SandboxRecordedName = QStringLiteral("@sandbox");
    static inline const QString BotTestRecordedName = QStringLiteral("@bot-test");
    // How History shows a recorded profile name: built-in ones translated now (older
    // entries recorded the name translated then: "Local sandbox", "Sandbox local").
    static QString displayNameOfRecorded(const QString &recorded);
    // The engine's view of this profile; apiBase is parsed leniently (validate() reports).
    Typebot::EndpointSettings endpoint() const;
};
