// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverknowledgestore.h"

#include "diagnostics/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Typebot {

ServerKnowledgeStore::ServerKnowledgeStore(QString path) : m_path(std::move(path)) { }

QString ServerKnowledgeStore::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("servers.json"));
}

QString ServerKnowledgeStore::keyFor(const QUrl &apiBase)
{
    QUrl url = apiBase.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    return url.toString(QUrl::FullyEncoded);
}

QJsonObject ServerKnowledgeStore::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > MaxFileBytes) {
        qCWarning(lcStorage).noquote() << m_path << "is too large; ignoring it";
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.read(MaxFileBytes));
    return document.object().value(u"servers").toObject();
}

ServerKnowledge ServerKnowledgeStore::find(const QUrl &apiBase) const
{
    return ServerKnowledge::fromJson(load().value(keyFor(apiBase)).toObject());
}

bool ServerKnowledgeStore::save(const QUrl &apiBase, const ServerKnowledge &knowledge,
                                QString *error)
{
    QJsonObject servers = load();
    servers.insert(keyFor(apiBase), knowledge.toJson());
    // Bounded: forget the oldest lessons first.
    while (servers.size() > MaxEntries) {
        QString oldestKey;
        QDateTime oldest;
        for (auto it = servers.constBegin(); it != servers.constEnd(); ++it) {
            const QDateTime at = ServerKnowledge::fromJson(it.value().toObject()).learnedAt;
            if (oldestKey.isEmpty() || at < oldest) {
                oldestKey = it.key();
                oldest = at;
            }
        }
        servers.remove(oldestKey);
    }
    return write(servers, error);
}

bool ServerKnowledgeStore::forget(const QUrl &apiBase, QString *error)
{
    QJsonObject servers = load();
    if (!servers.contains(keyFor(apiBase)))
        return true;
    servers.remove(keyFor(apiBase));
    return write(servers, error);
}

bool ServerKnowledgeStore::write(const QJsonObject &servers, QString *error)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ServerKnowledgeStore", text);
    };
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = tr("cannot create %1").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject root{ { QStringLiteral("version"), 1 },
                            { QStringLiteral("servers"), servers } };
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Typebot
