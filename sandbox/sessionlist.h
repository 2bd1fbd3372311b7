// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Sandbox {

// The sessions given by configuration or the control endpoint. They always wait on the
// server's file block; each has a result id, as a published bot's session has.
class SessionList final
{
public:
    void add(const QString &id); // ignores empty and known ids
    bool contains(const QString &id) const { return m_resultIds.contains(id); }
    QStringList ids() const { return m_ids; }
    QString first() const { return m_ids.value(0); }
    QString resultId(const QString &id) const { return m_resultIds.value(id); }

private:
    QStringList m_ids; // in the order they were added
    QHash<QString, QString> m_resultIds;
};

} // namespace Sandbox
