// SPDX-License-Identifier: GPL-3.0-or-later
#include "transportfaults.h"

#include "faultinjector.h"

#include <limits>

namespace Sandbox {

namespace {
constexpr int ThrottleTickMs = 20;
} // namespace

std::unique_ptr<TransportFaults> TransportFaults::take(FaultInjector &faults,
                                                       FaultSpec::Route route,
                                                       std::function<void()> resumeBody)
{
    auto result = std::make_unique<TransportFaults>(std::move(resumeBody));
    bool any = false;
    if (const auto fault = faults.take(route, FaultSpec::Action::Stall)) {
        result->stall(fault->value * 1000);
        any = true;
    }
    if (const auto fault = faults.take(route, FaultSpec::Action::Throttle)) {
        result->throttle(fault->value);
        any = true;
    }
    if (const auto fault = faults.take(route, FaultSpec::Action::ResetAfter)) {
        result->resetAfter(fault->value);
        any = true;
    }
    if (const auto fault = faults.take(route, FaultSpec::Action::Delay)) {
        result->delay(fault->value);
        any = true;
    }
    return any ? std::move(result) : nullptr;
}

TransportFaults::TransportFaults(std::function<void()> resumeBody)
    : m_resumeBody(std::move(resumeBody))
{
    m_stallTimer.setSingleShot(true);
    QObject::connect(&m_stallTimer, &QTimer::timeout, &m_stallTimer, [this] {
        m_stalled = false;
        m_resumeBody();
    });
    m_throttleTimer.setInterval(ThrottleTickMs);
    QObject::connect(&m_throttleTimer, &QTimer::timeout, &m_throttleTimer,
                     [this] { refillThrottle(); });
}

void TransportFaults::stall(qint64 milliseconds)
{
    m_stalled = true;
    m_stallTimer.start(int(qMin<qint64>(milliseconds, std::numeric_limits<int>::max())));
}

void TransportFaults::throttle(qint64 bytesPerSecond)
{
    m_throttleRate = bytesPerSecond;
    m_throttleAllowance = qMax<qint64>(1, bytesPerSecond * ThrottleTickMs / 1000);
    m_throttleClock.start();
    m_throttleTimer.start();
}

void TransportFaults::resetAfter(qint64 bytes)
{
    m_resetAfter = bytes;
}

void TransportFaults::delay(qint64 milliseconds)
{
    m_delayMs = milliseconds;
}

qint64 TransportFaults::bodyAllowance(qint64 wanted, qint64 bodyRead)
{
    if (m_stalled)
        return -1;
    qint64 allowed = wanted;
    if (m_throttleRate > 0 && allowed > 0) {
        allowed = qMin(allowed, m_throttleAllowance);
        if (allowed <= 0)
            return -1;
    }
    // Never read past the reset point, so the reset comes exactly there.
    if (m_resetAfter >= 0)
        allowed = qMax<qint64>(0, qMin(allowed, m_resetAfter - bodyRead));
    return allowed;
}

void TransportFaults::bodyConsumed(qint64 bytes)
{
    if (m_throttleRate > 0)
        m_throttleAllowance -= bytes;
}

bool TransportFaults::resetsAt(qint64 bodyRead, bool bodyComplete) const
{
    // At that many bytes, or at the end of a shorter body, so that it always fires once armed.
    return m_resetAfter >= 0 && (bodyRead >= m_resetAfter || bodyComplete);
}

void TransportFaults::refillThrottle()
{
    const qint64 elapsed = m_throttleClock.restart();
    const qint64 cap = qMax<qint64>(1, m_throttleRate / 10);
    m_throttleAllowance = qMin(cap, m_throttleAllowance + m_throttleRate * elapsed / 1000);
    if (m_throttleAllowance > 0)
        m_resumeBody();
}

} // namespace Sandbox
