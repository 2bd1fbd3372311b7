// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultspec.h"
#include "trafficshaper.h"

#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <memory>

namespace Sandbox {

class FaultInjector;

// The stall, throttle, reset-after and delay faults taken for one request, applied to
// its connection through the TrafficShaper hooks.
class TransportFaults final : public TrafficShaper
{
public:
    // Takes at most one fault of each transport action for `route`; null when none fired.
    // `resumeBody` lets the connection read again after a stall or a throttle pause.
    static std::unique_ptr<TransportFaults> take(FaultInjector &faults, FaultSpec::Route route,
                                                 std::function<void()> resumeBody);

    explicit TransportFaults(std::function<void()> resumeBody);

    void stall(qint64 milliseconds);
    void throttle(qint64 bytesPerSecond);
    void resetAfter(qint64 bytes);
    void delay(qint64 milliseconds);

    qint64 bodyAllowance(qint64 wanted, qint64 bodyRead) override;
    void bodyConsumed(qint64 bytes) override;
    bool resetsAt(qint64 bodyRead, bool bodyComplete) const override;
    qint64 responseDelayMs() const override { return m_delayMs; }

private:
    void refillThrottle();

    std::function<void()> m_resumeBody;
    bool m_stalled = false;
    QTimer m_stallTimer;
    qint64 m_throttleRate = 0;
    qint64 m_throttleAllowance = 0;
    QElapsedTimer m_throttleClock;
    QTimer m_throttleTimer;
    qint64 m_resetAfter = -1;
    qint64 m_delayMs = 0;
};

} // namespace Sandbox
