// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"

#include <QList>
#include <QString>

// The user's choices: profiles and engine tuning, loaded from and saved to QSettings.
// Tokens are not among them: ProfileTokens keeps those in the system keychain.
class AppSettings final
{
public:
    QList<Profile> profiles; // the sandbox profile is always first
    QString currentProfileId = Profile::SandboxId;
    int concurrency = 3;
    int maxAttempts = 5;
    int stallTimeoutSeconds = 60;
    int outageWaitHours = 6; // how long an outage is waited out before a file fails
    bool useQnamTransport = false; // false: libcurl, the fast default
    int uploadLimitKiBps = 0; // all uploads together; 0: no limit
    bool notifications = true;
    QString language; // empty: the system's; else a locale name such as "pt_BR" or "en"
    int historyRetentionDays = 0; // 0: keep the history forever
    // Opt-in: without a keychain, keep tokens in an owner-only unencrypted file.
    bool tokensInFile = false;

    static Profile sandboxProfile();
    static AppSettings load();
    void save() const;
    // True when nothing but the built-in sandbox has been configured yet.
    bool isFirstRun() const;

    Profile currentProfile() const;
    int indexOfProfile(const QString &id) const;
    // Copies in-memory tokens from `other` for profiles that still exist.
    void keepTokensFrom(const AppSettings &other);
    // After an edit that started from `before`: the id of an endpoint profile added in
    // it, complete enough to upload to, that is not the one in use (the last such one);
    // empty when there is none. Saving a new endpoint then offers to switch to it, so
    // files do not keep going to the old destination unnoticed.
    QString newProfileToOffer(const AppSettings &before) const;
};
