// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>

namespace Sandbox {

namespace {

const QString ObjectsDir = QStringLiteral("objects");
const QString IncomingDir = QStringLiteral(".incoming");
const QString SidecarSuffix = QStringLiteral(".meta.json");

} // namespace

ObjectStore::ObjectStore(const QString &rootDir) : m_root(rootDir) { }

bool ObjectStore::open(const QString &rootDir, QString *error)
{
    m_root = rootDir;
    m_objects.clear();
    QDir root(rootDir);
    if (!root.mkpath(ObjectsDir) || !root.mkpath(IncomingDir)) {
        *error = QStringLiteral("cannot create storage directories under %1").arg(rootDir);
        return false;
    }
    // Leftovers of uploads that were cut by a previous crash.
    QDir incoming(root.filePath(IncomingDir));
    const QStringList stale = incoming.entryList(QDir::Files);
    for (const QString &name : stale)
        incoming.remove(name);

    // Objects of a previous run stay served when the same directory is reused.
    QDir objects(root.filePath(ObjectsDir));
    const QStringList sidecars = objects.entryList({ u'*' + SidecarSuffix }, QDir::Files);
    for (const QString &name : sidecars) {
        QFile file(objects.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        Object object;
        object.key = json.value(QStringLiteral("key")).toString();
        object.path = pathForKey(object.key);
        object.contentType = json.value(QStringLiteral("contentType")).toString();
        object.etag = json.value(QStringLiteral("etag")).toString().toLatin1();
        object.lastModified = QDateTime::fromString(
                json.value(QStringLiteral("lastModified")).toString(), Qt::ISODateWithMs);
        const QFileInfo info(object.path);
        if (object.key.isEmpty() || !info.exists())
            continue;
        object.size = info.size();
        m_objects.insert(object.key, object);
    }
    return true;
}

QString ObjectStore::newTemporaryPath() const
{
    return QDir(m_root).filePath(IncomingDir + u'/'
                                 + QString::number(QRandomGenerator::global()->generate64(), 16)
                                 + QStringLiteral(".part"));
}

QString ObjectStore::pathForKey(const QString &key) const
{
    const QByteArray hash =
            QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(m_root).filePath(ObjectsDir + u'/' + QString::fromLatin1(hash));
}

bool ObjectStore::commit(const QString &temporaryPath, Object object, QString *error)
{
    object.path = pathForKey(object.key);
    QSaveFile sidecar(object.path + SidecarSuffix);
    const QJsonObject json{
        { QStringLiteral("key"), object.key },
        { QStringLiteral("contentType"), object.contentType },
        { QStringLiteral("etag"), QString::fromLatin1(object.etag) },
        { QStringLiteral("size"), object.size },
        { QStringLiteral("lastModified"), object.lastModified.toString(Qt::ISODateWithMs) },
    };
    if (!sidecar.open(QIODevice::WriteOnly) || sidecar.write(QJsonDocument(json).toJson()) < 0
        || !sidecar.commit()) {
        *error = QStringLiteral("cannot write object metadata: %1").arg(sidecar.errorString());
        return false;
    }
    // rename(2) replaces the target atomically; QFile::rename refuses to overwrite.
    if (std::rename(QFile::encodeName(temporaryPath).constData(),
                    QFile::encodeName(object.path).constData())
        != 0) {
        *error = QStringLiteral("cannot move the upload into place");
        return false;
    }
    m_objects.insert(object.key, object);
    return true;
}

std::optional<ObjectStore::Object> ObjectStore::find(const QString &key) const
{
    const auto it = m_objects.constFind(key);
    if (it == m_objects.cend())
        return std::nullopt;
    return *it;
}

QStringList ObjectStore::keys() const
{
    QStringList result = m_objects.keys();
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace Sandbox
