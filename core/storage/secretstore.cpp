// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include "diagnostics/logging.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Typebot {

namespace {

bool keychainMissing(QKeychain::Error error)
{
    // Without a Secret Service on D-Bus, QtKeychain reports one of these.
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
            || error == QKeychain::OtherError;
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent),
      m_service(service)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::tokenKey(const QString &profileName)
{
    return QStringLiteral("profile/") + profileName + QStringLiteral("/token");
}

void SecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        QString secret;
        QString message;
        Status status = Status::Ok;
        if (job->error() == QKeychain::NoError) {
            secret = job->textData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            status = Status::NotFound;
        } else if (keychainMissing(job->error())) {
            qCInfo(lcStorage).noquote() << "keychain unavailable:" << job->errorString();
            status = fallback(Fallback::Read, key, &secret, &message);
        } else {
            status = Status::Error;
            message = tr("The keychain refused to give the token: %1").arg(job->errorString());
        }
        Q_EMIT readFinished(key, secret, status, message);
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, secret] {
        QString message;
        Status status = Status::Ok;
        if (job->error() == QKeychain::NoError) {
            m_sessionSecrets.remove(key);
        } else if (keychainMissing(job->error())) {
            qCInfo(lcStorage).noquote() << "keychain unavailable:" << job->errorString();
            QString copy = secret;
            status = fallback(Fallback::Write, key, &copy, &message);
        } else {
            status = Status::Error;
            message = tr("The keychain refused to store the token: %1").arg(job->errorString());
        }
        Q_EMIT writeFinished(key, status, message);
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        QString message;
        Status status = Status::Ok;
        // Whatever the keychain says, forget the copies outside it too.
        QString unused;
        const Status fallbackStatus = fallback(Fallback::Remove, key, &unused, &message);
        if (job->error() == QKeychain::EntryNotFound)
            status = Status::NotFound;
        else if (keychainMissing(job->error()))
            status = fallbackStatus;
        else if (job->error() != QKeychain::NoError) {
            status = Status::Error;
            message = tr("The keychain refused to delete the token: %1").arg(job->errorString());
        }
        Q_EMIT removeFinished(key, status, message);
    });
    job->start();
}

SecretStore::Status SecretStore::fallback(Fallback operation, const QString &key, QString *secret,
                                          QString *message)
{
    if (m_fallbackFile.isEmpty()) {
        switch (operation) {
        case Fallback::Read:
            if (!m_sessionSecrets.contains(key))
                return Status::NotFound;
            *secret = m_sessionSecrets.value(key);
            break;
        case Fallback::Write:
            m_sessionSecrets.insert(key, *secret);
            break;
        case Fallback::Remove:
            m_sessionSecrets.remove(key);
            break;
        }
        *message = tr("No keychain service is running, so the token is kept for this session "
                      "only.");
        return Status::SessionOnly;
    }

    QHash<QString, QString> secrets;
    if (!readFallbackFile(&secrets, message))
        return Status::Error;
    switch (operation) {
    case Fallback::Read:
        if (!secrets.contains(key))
            return Status::NotFound;
        *secret = secrets.value(key);
        break;
    case Fallback::Write:
        secrets.insert(key, *secret);
        if (!writeFallbackFile(secrets, message))
            return Status::Error;
        break;
    case Fallback::Remove:
        if (secrets.remove(key) && !writeFallbackFile(secrets, message))
            return Status::Error;
        break;
    }
    *message = tr("No keychain service is running; the token is stored unencrypted in %1 "
                  "(readable by your user only).")
                       .arg(m_fallbackFile);
    return Status::InsecureFile;
}

bool SecretStore::readFallbackFile(QHash<QString, QString> *secrets, QString *message) const
{
    QFile file(m_fallbackFile);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *message = tr("Cannot read %1: %2").arg(m_fallbackFile, file.errorString());
        return false;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        secrets->insert(it.key(), it.value().toString());
    return true;
}

bool SecretStore::writeFallbackFile(const QHash<QString, QString> &secrets, QString *message) const
{
    QDir().mkpath(QFileInfo(m_fallbackFile).absolutePath());
    QJsonObject object;
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        object.insert(it.key(), it.value());
    QSaveFile file(m_fallbackFile);
    // Owner-only before a single byte is written.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit()) {
        *message = tr("Cannot write %1: %2").arg(m_fallbackFile, file.errorString());
        return false;
    }
    return true;
}

} // namespace Typebot
