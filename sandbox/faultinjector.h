// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultspec.h"

#include <QList>
#include <QObject>

#include <optional>

namespace Sandbox {

// The list of armed faults. Each request takes at most one fault per action from it;
// every firing is counted so tests can assert how often a fault hit.
class FaultInjector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultInjector)

public:
    struct Entry
    {
        int id = 0;
        FaultSpec spec;
        int remaining = 0; // -1: unlimited (count=0)
        int fired = 0;
    };

    explicit FaultInjector(QObject *parent = nullptr);

    int add(const FaultSpec &spec);
    // Parses and adds; returns 0 and sets `error` when the spec is invalid.
    int add(const QString &spec, QString *error);
    bool remove(int id);
    void clear();

    int firedCount(int id) const;
    int totalFired() const;
    QList<Entry> entries() const;

    // Fires the first armed fault for `route` with `action`, if any.
    std::optional<FaultSpec> take(FaultSpec::Route route, FaultSpec::Action action);

Q_SIGNALS:
    void faultFired(int id, const QString &spec);

private:
    QList<Entry> m_entries;
    int m_nextId = 1;
    int m_totalFired = 0;
};

} // namespace Sandbox
