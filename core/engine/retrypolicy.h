// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <functional>
#include <optional>

namespace Typebot {

// When to try again: exponential backoff with full jitter, and the server's Retry-After
// honoured but clamped. A value type with an injectable random source, so tests can pin
// every delay instead of sleeping.
class RetryPolicy final
{
public:
    using Milliseconds = std::chrono::milliseconds;
    using RandomSource = std::function<double()>; // uniform in [0, 1)

    Milliseconds base{ 1000 };
    Milliseconds cap{ 30000 };
    Milliseconds maxRetryAfter{ 300000 };
    int maxAttempts = 5; // tries in all, the first included
    // Outages (no answer at all, 5xx, 429, a stall) are waited out this long from a file's
    // first failure, whatever maxAttempts says, with the backoff growing to outageCap, as
    // desktop sync clients do. 0: maxAttempts alone decides.
    std::chrono::seconds outageDeadline{ 0 };
    Milliseconds outageCap{ 300000 };
    RandomSource random; // empty: QRandomGenerator::global()

    // The ceiling before jitter after `failures` failed attempts: min(cap, base * 2^(n-1)).
    Milliseconds backoffCeiling(int failures, bool outage = false) const;
    // Full jitter: uniform in [0, ceiling]. A Retry-After, clamped to [0, maxRetryAfter],
    // replaces the jitter when it is given.
    Milliseconds delayAfter(int failures, std::optional<Milliseconds> retryAfter = {},
                            bool outage = false) const;
    bool mayRetry(int attemptsMade) const { return attemptsMade < maxAttempts; }

    // "120" or an HTTP-date; nullopt when absent or unreadable. Dates in the past give 0.
    static std::optional<Milliseconds> parseRetryAfter(const QByteArray &value,
                                                       const QDateTime &now);
};

} // namespace Typebot
