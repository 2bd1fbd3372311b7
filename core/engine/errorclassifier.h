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
};

} // namespace Typebot
