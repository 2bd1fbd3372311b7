// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace Typebot {

// API tokens live in the system keychain (QtKeychain: Secret Service, KWallet, macOS
// Keychain, Windows Credential Store), never in a plain settings file. Without a keychain
// a token is kept for this session only, unless the user explicitly opts in to a file
// fallback that is written with owner-only permissions.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Status {
        Ok,
        NotFound,
        SessionOnly, // no keychain: kept in memory for this session
        InsecureFile, // no keychain: kept in the opted-in owner-only file
        Error,
    };
    Q_ENUM(Status)

    explicit SecretStore(const QString &service = QStringLiteral("typebot-uploader"),
                         QObject *parent = nullptr);
    ~SecretStore() override;

    static QString tokenKey(const QString &profileName);

    // Opt-in: where tokens go when no keychain answers. Empty (the default) keeps them in
    // memory for the session only.
    void setInsecureFallbackFile(const QString &path) { m_fallbackFile = path; }
    QString insecureFallbackFile() const { return m_fallbackFile; }

    void read(const QString &key);
    void write(const QString &key, const QString &secret);
    void remove(const QString &key);

Q_SIGNALS:
    void readFinished(const QString &key, const QString &secret,
                      Typebot::SecretStore::Status status, const QString &message);
    void writeFinished(const QString &key, Typebot::SecretStore::Status status,
                       const QString &message);
    void removeFinished(const QString &key, Typebot::SecretStore::Status status,
                        const QString &message);

private:
    enum class Fallback { Read, Write, Remove };
    // Runs when the keychain itself is missing; returns the status it ended with.
    Status fallback(Fallback operation, const QString &key, QString *secret, QString *message);
    bool readFallbackFile(QHash<QString, QString> *secrets, QString *message) const;
    bool writeFallbackFile(const QHash<QString, QString> &secrets, QString *message) const;

    QString m_service;
    QString m_fallbackFile;
    QHash<QString, QString> m_sessionSecrets;
};

} // namespace Typebot
