// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadcounter.h"

#include <QtGlobal>

namespace Sandbox {

void UploadCounter::begin()
{
    ++m_inFlight;
    m_maximum = qMax(m_maximum, m_inFlight);
}

void UploadCounter::end()
{
    if (m_inFlight > 0)
        --m_inFlight;
}

void UploadCounter::reset()
{
    m_inFlight = 0;
}

void UploadCounter::resetMaximum()
{
    m_maximum = m_inFlight;
}

} // namespace Sandbox
