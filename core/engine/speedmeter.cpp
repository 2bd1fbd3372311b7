// SPDX-License-Identifier: GPL-3.0-or-later
#include "speedmeter.h"

#include <cmath>

namespace Typebot {

void SpeedMeter::addSample(qint64 elapsedMs, qint64 bytes)
{
    if (m_lastMs < 0 || bytes < m_lastBytes || elapsedMs < m_lastMs) {
        if (m_lastMs >= 0)
            m_rate = 0.0; // the count went backwards: an upload restarted from byte 0
        m_lastMs = elapsedMs;
        m_lastBytes = bytes;
        return;
    }
    const qint64 dtMs = elapsedMs - m_lastMs;
    if (dtMs < 100)
        return; // too short to say anything; wait for the next sample
    const double instant = double(bytes - m_lastBytes) * 1000.0 / double(dtMs);
    const double weight = 1.0 - std::pow(0.5, (double(dtMs) / 1000.0) / m_halfLife);
    m_rate = m_rate <= 0.0 ? instant : m_rate + weight * (instant - m_rate);
    m_lastMs = elapsedMs;
    m_lastBytes = bytes;
}

void SpeedMeter::reset()
{
    m_rate = 0.0;
    m_lastMs = -1;
    m_lastBytes = 0;
}

qint64 SpeedMeter::etaSeconds(qint64 remaining) const
{
    if (m_rate < 1.0 || remaining < 0)
        return -1;
    return qint64(std::ceil(double(remaining) / m_rate));
}

} // namespace Typebot
