// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlist.h"

#include "cuid.h"

namespace Sandbox {

void SessionList::add(const QString &id)
{
    if (id.isEmpty() || m_resultIds.contains(id))
        return;
    m_ids << id;
    m_resultIds.insert(id, Cuid::generate());
}

} // namespace Sandbox
