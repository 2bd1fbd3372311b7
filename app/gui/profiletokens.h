// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"
#include "storage/secretstore.h"

#include <QHash>
#include <QList>
#include <QObject>

// Keeps each profile's API token in the system keychain through SecretStore, never in the
// settings file: reads them at start, writes what Settings changed, forgets deleted
// profiles. Keys use the profile's stable id, so renaming a profile keeps its token.
class ProfileTokens final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileTokens)

public:
    // `fallbackFile`: where tokens go if the user opts in to a file (no keychain running).
    explicit ProfileTokens(const QString &fallbackFile, QObject *parent = nullptr);

    static QString keyFor(const Profile &profile);

    QString fallbackFile() const { return m_fallbackFile; }
    // The user's explicit opt-in to an owner-only unencrypted file when no keychain runs.
    void setFileFallbackEnabled(bool enabled);
    bool isFileFallbackEnabled() const { return !m_store->insecureFallbackFile().isEmpty(); }

    // Reads the token of every profile but the sandbox; tokenLoaded() answers each.
    void load(const QList<Profile> &profiles);
    bool isPending(const QString &profileId) const;
    // Writes tokens that changed between `before` and `after`, removes those of profiles
    // that are gone or whose token was cleared.
    void save(const QList<Profile> &before, const QList<Profile> &after);
    // Writes every non-empty token again (after the storage place changed).
    void writeAll(const QList<Profile> &profiles);

    // True when no keychain answers: tokens live for this session only, or in the opted-in
    // file. Before any answer, a guess from the session bus.
    bool isKeychainMissing() const;
    Typebot::SecretStore::Status lastStatus() const { return m_lastStatus; }

    Typebot::SecretStore *store() const { return m_store; }

Q_SIGNALS:
    // The read for this profile answered; `token` is empty when none is stored.
    void tokenLoaded(const QString &profileId, const QString &token,
                     Typebot::SecretStore::Status status, const QString &message);
    void tokenSaved(const QString &profileId, Typebot::SecretStore::Status status,
                    const QString &message);
    void tokenRemoved(const QString &profileId, Typebot::SecretStore::Status status,
                      const QString &message);

private:
    void handleReadFinished(const QString &key, const QString &secret,
                            Typebot::SecretStore::Status status, const QString &message);
    void noteStatus(Typebot::SecretStore::Status status);

    Typebot::SecretStore *m_store;
    QString m_fallbackFile;
    QHash<QString, QString> m_pendingReads; // key -> profile id
    QHash<QString, QString> m_profileOfKey; // key -> profile id, for writes and removals
    Typebot::SecretStore::Status m_lastStatus = Typebot::SecretStore::Status::NotFound;
    bool m_answered = false;
};
