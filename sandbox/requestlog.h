// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestrecord.h"

#include <QList>

namespace Sandbox {

// The records of the requests served, oldest first, bounded so a long-running sandbox
// does not grow without end.
class RequestLog final
{
public:
    static constexpr qsizetype MaxRecords = 10000;

    void append(const RequestRecord &record);
    void clear() { m_records.clear(); }
    QList<RequestRecord> records() const { return m_records; }

private:
    QList<RequestRecord> m_records;
};

} // namespace Sandbox
