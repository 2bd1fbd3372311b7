// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiletokens.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>

using Typebot::SecretStore;

namespace {

// What QtKeychain talks to on Linux. Only a first guess: the stores' own answers win.
bool keychainServiceOnBus()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QStringList services = { QStringLiteral("org.freedesktop.secrets"),
                                   QStringLiteral("org.kde.kwalletd5"),
                                   QStringLiteral("org.kde.kwalletd6") };
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const QString &service : services) {
        if (bus.interface()->isServiceRegistered(service).value() || activatable.contains(service))
            return true;
    }
    return false;
}

} // namespace

ProfileTokens::ProfileTokens(const QString &fallbackFile, QObject *parent)
    : QObject(parent),
      m_store(new SecretStore(QStringLiteral("typebot-uploader"), this)),
      m_fallbackFile(fallbackFile)
{
    connect(m_store, &SecretStore::readFinished, this, &ProfileTokens::handleReadFinished);
    connect(m_store, &SecretStore::writeFinished, this,
            [this](const QString &key, SecretStore::Status status, const QString &message) {
                noteStatus(status);
                Q_EMIT tokenSaved(m_profileOfKey.value(key), status, message);
            });
    connect(m_store, &SecretStore::removeFinished, this,
            [this](const QString &key, SecretStore::Status status, const QString &message) {
                if (status != SecretStore::Status::NotFound)
                    noteStatus(status);
                Q_EMIT tokenRemoved(m_profileOfKey.value(key), status, message);
            });
}

QString ProfileTokens::keyFor(const Profile &profile)
{
    return SecretStore::tokenKey(profile.id);
}

void ProfileTokens::setFileFallbackEnabled(bool enabled)
{
    if (enabled == isFileFallbackEnabled())
        return;
    if (!enabled) {
        // Opting out takes the unencrypted copies away, not only future writes.
        QFile::remove(m_fallbackFile);
    }
    m_store->setInsecureFallbackFile(enabled ? m_fallbackFile : QString());
}

void ProfileTokens::load(const QList<Profile> &profiles)
{
    for (const Profile &profile : profiles) {
        if (profile.isSandbox() || profile.id.isEmpty())
            continue;
        const QString key = keyFor(profile);
        m_profileOfKey.insert(key, profile.id);
        if (m_pendingReads.contains(key))
            continue;
        m_pendingReads.insert(key, profile.id);
        m_store->read(key);
    }
}

bool ProfileTokens::isPending(const QString &profileId) const
{
    for (auto it = m_pendingReads.cbegin(); it != m_pendingReads.cend(); ++it) {
        if (it.value() == profileId)
            return true;
    }
    return false;
}

void ProfileTokens::handleReadFinished(const QString &key, const QString &secret,
                                       SecretStore::Status status, const QString &message)
{
    const QString profileId = m_pendingReads.take(key);
    if (profileId.isEmpty())
        return;
    if (status != SecretStore::Status::NotFound)
        noteStatus(status);
    Q_EMIT tokenLoaded(profileId, secret, status, message);
}

void ProfileTokens::save(const QList<Profile> &before, const QList<Profile> &after)
{
    QHash<QString, QString> oldTokens;
    for (const Profile &profile : before) {
        if (!profile.isSandbox())
            oldTokens.insert(profile.id, profile.token);
    }
    for (const Profile &profile : after) {
        if (profile.isSandbox())
            continue;
        const QString key = keyFor(profile);
        m_profileOfKey.insert(key, profile.id);
        const auto old = oldTokens.constFind(profile.id);
        const bool known = old != oldTokens.cend();
        if (known && old.value() == profile.token)
            continue;
        if (!profile.token.isEmpty())
            m_store->write(key, profile.token);
        else if (known)
            m_store->remove(key);
    }
    for (auto it = oldTokens.cbegin(); it != oldTokens.cend(); ++it) {
        bool kept = false;
        for (const Profile &profile : after)
            kept = kept || profile.id == it.key();
        if (!kept) {
            const QString key = SecretStore::tokenKey(it.key());
            m_profileOfKey.insert(key, it.key());
            m_store->remove(key);
        }
    }
}

void ProfileTokens::writeAll(const QList<Profile> &profiles)
{
    for (const Profile &profile : profiles) {
        if (profile.isSandbox() || profile.token.isEmpty())
            continue;
        const QString key = keyFor(profile);
        m_profileOfKey.insert(key, profile.id);
        m_store->write(key, profile.token);
    }
}

bool ProfileTokens::isKeychainMissing() const
{
    if (m_answered)
        return m_lastStatus == SecretStore::Status::SessionOnly
                || m_lastStatus == SecretStore::Status::InsecureFile;
    return !keychainServiceOnBus();
}

void ProfileTokens::noteStatus(SecretStore::Status status)
{
    if (status == SecretStore::Status::Error)
        return; // says nothing about whether a keychain runs
    m_lastStatus = status;
    m_answered = true;
}
