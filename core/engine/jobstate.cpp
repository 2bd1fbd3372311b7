// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobstate.h"

namespace Typebot {

QString JobState::name(Value state)
{
    switch (state) {
    case Value::Queued:
        return QStringLiteral("queued");
    case Value::RequestingTicket:
        return QStringLiteral("requesting-ticket");
    case Value::Uploading:
        return QStringLiteral("uploading");
    case Value::Finishing:
        return QStringLiteral("finishing");
    case Value::WaitingToRetry:
        return QStringLiteral("waiting-to-retry");
    case Value::Done:
        return QStringLiteral("done");
    case Value::Failed:
        return QStringLiteral("failed");
    case Value::Canceled:
        return QStringLiteral("canceled");
    }
    return QString();
}

} // namespace Typebot
