// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

// The bucket's contents on disk. Objects live under hashed names (keys may hold "..",
// slashes or any byte) with a JSON sidecar; a new object appears by an atomic rename,
// so readers never see a partial file.
class ObjectStore final
{
public:
    struct Object
    {
        QString key;
        QString path;
        QString contentType;
        qint64 size = 0;
        QByteArray etag; // hex MD5, without quotes
        QDateTime lastModified;
    };

    explicit ObjectStore(const QString &rootDir = {});

    bool open(const QString &rootDir, QString *error);
    QString rootDir() const { return m_root; }
    // Benchmarks: bodies are checked and counted but not written, so the receiver is not
    // the disk's speed. Objects are then recorded empty (GET returns no bytes).
    void setDiscardBodies(bool discard) { m_discardBodies = discard; }
    bool discardsBodies() const { return m_discardBodies; }
    // A fresh path for an upload in progress, on the same filesystem as the objects.
    QString newTemporaryPath() const;
    QString pathForKey(const QString &key) const;
    bool commit(const QString &temporaryPath, Object object, QString *error);

    std::optional<Object> find(const QString &key) const;
    QStringList keys() const;
    int count() const { return int(m_objects.size()); }

private:
    QString m_root;
    QHash<QString, Object> m_objects;
    bool m_discardBodies = false;
};

} // namespace Sandbox
