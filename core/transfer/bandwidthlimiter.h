// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QtGlobal>

#include <atomic>
#include <functional>

namespace Typebot {

// One upload bandwidth limit shared by every transfer that asks it: a token bucket that
// refills at the rate and holds about a tenth of a second's worth. The rate may change at
// any time from any thread (a settings dialog, a command-line option); transfers see the
// new rate at their next read. 0 means unlimited.
class BandwidthLimiter final
{
    Q_DISABLE_COPY_MOVE(BandwidthLimiter)

public:
    // Monotonic milliseconds; injectable so tests never sleep.
    using Clock = std::function<qint64()>;

    explicit BandwidthLimiter(qint64 bytesPerSecond = 0, Clock clock = {});

    void setRate(qint64 bytesPerSecond); // thread-safe; 0 or less: unlimited
    qint64 rate() const { return m_rate.load(std::memory_order_relaxed); }
    bool isLimited() const { return rate() > 0; }

    // Grants up to `wanted` bytes to one of `sharers` transfers sending at the same time;
    // 0 means wait (see msUntilAvailable()). Unlimited: grants everything.
    qint64 acquire(qint64 wanted, int sharers = 1);
    // How long until a waiting transfer should ask again, in milliseconds (1..100).
    int msUntilAvailable() const;

    // Times acquire() made a transfer wait: tests and diagnostics see the limit at work.
    quint64 waits() const { return m_waits.load(std::memory_order_relaxed); }

    // The bucket's size for `rate`: the most a transfer may send in one go.
    static qint64 burstFor(qint64 bytesPerSecond);

private:
    void refillLocked(qint64 rate, qint64 now);

    Clock m_clock;
    std::atomic<qint64> m_rate{ 0 };
    std::atomic<quint64> m_waits{ 0 };
    mutable QMutex m_mutex;
    double m_tokens = 0; // guarded by m_mutex, as is m_lastRefillMs
    qint64 m_lastRefillMs = -1;
};

} // namespace Typebot
