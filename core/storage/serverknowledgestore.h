// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/serverknowledge.h"

#include <QString>
#include <QUrl>

class QJsonObject;

namespace Typebot {

// Remembers, per API base, what was learned of the server (its upload route and sending
// style) in a small JSON file in the data folder, so that the next run's first file goes
// straight to the right route. Owner-only, like everything we write.
class ServerKnowledgeStore final
{
public:
    static constexpr qint64 MaxFileBytes = Q_INT64_C(1024) * 1024;
    static constexpr int MaxEntries = 200;

    explicit ServerKnowledgeStore(QString path);
    // servers.json in the application's data folder.
    static QString defaultPath();
    QString path() const { return m_path; }

    // Unknown knowledge when nothing was learned (or the file is unreadable).
    ServerKnowledge find(const QUrl &apiBase) const;
    bool save(const QUrl &apiBase, const ServerKnowledge &knowledge, QString *error = nullptr);
    bool forget(const QUrl &apiBase, QString *error = nullptr);

    // "https://host:port/path", without a trailing slash, query or credentials.
    static QString keyFor(const QUrl &apiBase);

private:
    QJsonObject load() const;
    bool write(const QJsonObject &servers, QString *error);

    QString m_path;
};

} // namespace Typebot
