// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlog.h"

namespace Sandbox {

void RequestLog::append(const RequestRecord &record)
{
    m_records.append(record);
    if (m_records.size() > MaxRecords)
        m_records.removeFirst();
}

} // namespace Sandbox
