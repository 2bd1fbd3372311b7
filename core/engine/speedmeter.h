// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Typebot {

// A smoothed transfer rate: an exponential moving average over samples of a growing byte
// count, so the speed and time-left figures do not jump with every progress event.
class SpeedMeter final
{
public:
    explicit SpeedMeter(double halfLifeSeconds = 2.0) : m_halfLife(halfLifeSeconds) { }

    // `bytes` is the running total; a smaller value than before (a restart) resets.
    void addSample(qint64 elapsedMs, qint64 bytes);
    void reset();
    double bytesPerSecond() const { return m_rate; }
    // Seconds to transfer `remaining` at the current rate; -1 when unknown.
    qint64 etaSeconds(qint64 remaining) const;

private:
    double m_halfLife;
    double m_rate = 0.0;
    qint64 m_lastMs = -1;
    qint64 m_lastBytes = 0;
};

} // namespace Typebot
