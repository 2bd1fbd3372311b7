// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultinjector.h"

namespace Sandbox {

FaultInjector::FaultInjector(QObject *parent) : QObject(parent) { }

int FaultInjector::add(const FaultSpec &spec)
{
    Entry entry;
    entry.id = m_nextId++;
    entry.spec = spec;
    entry.remaining = spec.count == 0 ? -1 : spec.count;
    m_entries.append(entry);
    return entry.id;
}

int FaultInjector::add(const QString &spec, QString *error)
{
    const auto parsed = FaultSpec::parse(spec, error);
    return parsed ? add(*parsed) : 0;
}

bool FaultInjector::remove(int id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id) {
            m_entries.removeAt(i);
            return true;
        }
    }
    return false;
}

void FaultInjector::clear()
{
    // Totals survive a clear on purpose: a test clears faults, then asserts on what fired.
    m_entries.clear();
}

int FaultInjector::firedCount(int id) const
{
    for (const Entry &entry : m_entries) {
        if (entry.id == id)
            return entry.fired;
    }
    return 0;
}

int FaultInjector::totalFired() const
{
    return m_totalFired;
}

QList<FaultInjector::Entry> FaultInjector::entries() const
{
    return m_entries;
}

std::optional<FaultSpec> FaultInjector::take(FaultSpec::Route route, FaultSpec::Action action)
{
    for (Entry &entry : m_entries) {
        if (entry.remaining == 0 || entry.spec.action != action
            || !FaultSpec::routeMatches(entry.spec.route, route))
            continue;
        if (entry.remaining > 0)
            --entry.remaining;
        ++entry.fired;
        ++m_totalFired;
        Q_EMIT faultFired(entry.id, entry.spec.toString());
        return entry.spec;
    }
    return std::nullopt;
}

} // namespace Sandbox
