// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Typebot {

// The states of one file's upload; see UploadJob for the transitions.
class JobState final
{
    Q_GADGET

public:
    enum class Value {
        Queued,
        RequestingTicket,
        Uploading,
        Finishing, // every byte sent, waiting for the storage's answer
        WaitingToRetry, // see JobSnapshot::nextRetryAt
        Done,
        Failed,
        Canceled,
    };
    Q_ENUM(Value)

    static bool isFinal(Value state)
    {
        return state == Value::Done || state == Value::Failed || state == Value::Canceled;
    }
    static bool isActive(Value state) { return !isFinal(state) && state != Value::Queued; }
    static QString name(Value state); // stable, for JSON and logs
};

} // namespace Typebot
