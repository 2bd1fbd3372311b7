// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failureinfo.h"

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
};

} // namespace Typebot
