// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Sandbox {

// HttpConnection's flow-control hooks for one request: it asks before it reads body
// bytes and before it answers, and knows nothing of why (faults live elsewhere).
class TrafficShaper
{
public:
    TrafficShaper() = default;
    virtual ~TrafficShaper() = default;
    TrafficShaper(const TrafficShaper &) = delete;
    TrafficShaper &operator=(const TrafficShaper &) = delete;

    // How many body bytes may be read now, at most `wanted` (0 when the body is empty or
    // all read). Negative: hold the body back until HttpConnection::resumeBody().
    virtual qint64 bodyAllowance(qint64 wanted, qint64 bodyRead) = 0;
    virtual void bodyConsumed(qint64 bytes) = 0;
    // Whether to reset the connection now, `bodyRead` bytes in.
    virtual bool resetsAt(qint64 bodyRead, bool bodyComplete) const = 0;
    virtual qint64 responseDelayMs() const = 0;
};

} // namespace Sandbox
