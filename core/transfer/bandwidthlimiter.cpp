// SPDX-License-Identifier: GPL-3.0-or-later
#include "bandwidthlimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace Typebot {

namespace {

// Below this a transfer waits instead of taking crumbs: fewer, larger writes.
constexpr qint64 Quantum = Q_INT64_C(16) * 1024;

BandwidthLimiter::Clock steadyClock()
{
    return [] {
        static const QElapsedTimer start = [] {
            QElapsedTimer timer;
            timer.start();
            return timer;
        }();
        return start.elapsed();
    };
}

} // namespace

BandwidthLimiter::BandwidthLimiter(qint64 bytesPerSecond, Clock clock)
    : m_clock(clock ? std::move(clock) : steadyClock())
{
    setRate(bytesPerSecond);
}

qint64 BandwidthLimiter::burstFor(qint64 bytesPerSecond)
{
    return std::max<qint64>(bytesPerSecond / 10, 1024);
}

void BandwidthLimiter::setRate(qint64 bytesPerSecond)
{
    const qint64 rate = std::max<qint64>(0, bytesPerSecond);
    QMutexLocker lock(&m_mutex);
    const qint64 old = m_rate.exchange(rate, std::memory_order_relaxed);
    if (old <= 0 && rate > 0) {
        // From unlimited: start with a full bucket rather than a stale one.
        m_tokens = double(burstFor(rate));
        m_lastRefillMs = m_clock();
    } else if (rate > 0) {
        m_tokens = std::min(m_tokens, double(burstFor(rate)));
    }
}

void BandwidthLimiter::refillLocked(qint64 rate, qint64 now)
{
    if (m_lastRefillMs < 0)
        m_lastRefillMs = now;
    const qint64 elapsed = now - m_lastRefillMs;
    if (elapsed > 0) {
        m_tokens = std::min(double(burstFor(rate)),
                            m_tokens + double(rate) * double(elapsed) / 1000.0);
        m_lastRefillMs = now;
    }
}

qint64 BandwidthLimiter::acquire(qint64 wanted, int sharers)
{
    const qint64 rate = this->rate();
    if (rate <= 0 || wanted <= 0)
        return std::max<qint64>(0, wanted);
    QMutexLocker lock(&m_mutex);
    refillLocked(rate, m_clock());
    const qint64 burst = burstFor(rate);
    const qint64 quantum = std::min(Quantum, burst);
    const auto available = qint64(std::floor(m_tokens));
    if (available < std::min(quantum, wanted)) {
        m_waits.fetch_add(1, std::memory_order_relaxed);
        return 0;
    }
    // Several transfers resumed together each get a fair slice of the bucket.
    const qint64 share = sharers > 1 ? std::max(quantum, burst / sharers) : burst;
    const qint64 granted = std::min({ wanted, available, share });
    m_tokens -= double(granted);
    return granted;
}

int BandwidthLimiter::msUntilAvailable() const
{
    const qint64 rate = this->rate();
    if (rate <= 0)
        return 1;
    QMutexLocker lock(&m_mutex);
    const double needed = double(std::min(Quantum, burstFor(rate))) - m_tokens;
    if (needed <= 0)
        return 1;
    // Tokens accrue from the last refill, which may lie a little in the past already.
    const qint64 since = m_lastRefillMs < 0 ? 0 : m_clock() - m_lastRefillMs;
    const double ms = needed * 1000.0 / double(rate) - double(since);
    return std::clamp(int(std::ceil(ms)), 1, 100);
}

} // namespace Typebot
