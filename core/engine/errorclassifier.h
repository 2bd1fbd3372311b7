// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/preflight.h"
#include "failureinfo.h"
#include "jobfailure.h"

#include <QMetaType>

namespace Typebot {

// The one pure function that decides what a failure means (Nextcloud's classifyError
// idea), following shared/docs/pitfalls.md: transient faults retry, an expired policy
// gets a fresh ticket, everything the user or the server's setup must fix fails now.
class ErrorClassifier final
{
    Q_GADGET

public:
    enum class Action { Retry, RenewTicketAndRetry, Fail };
    Q_ENUM(Action)

    static Action classify(const FailureInfo &failure);
    static bool isTransientNetworkError(QNetworkReply::NetworkError error);
    // The server or the network is away (no answer, 5xx, 429, 408, a stall): worth waiting
    // out, unlike an answer that says the request itself is wrong.
    static bool isOutage(const FailureInfo &failure);

    // What the failure was, as the views word it: the kind, the step, the status, the
    // server's words and code. The one place that turns network facts into a JobFailure.
    static JobFailure describe(const FailureInfo &failure);
    // A ticket refused before a byte was sent (too large, expired, a policy not understood).
    static JobFailure describe(const Preflight::Failure &problem);
    static QString networkErrorName(QNetworkReply::NetworkError error);
};

} // namespace Typebot
