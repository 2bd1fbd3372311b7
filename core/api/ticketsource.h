// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/oneshotoperation.h"
#include "ticketresult.h"

#include <QString>

#include <functional>

namespace Typebot {

// Where a job gets an upload slot (step 1), handed to it the way the upload transport
// is: the API request in the engine, a scripted fake in the job's own tests. start()
// schedules; finished() comes exactly once, cancellation included.
class TicketSource : public OneShotOperation
{
    Q_OBJECT

public:
    struct Input
    {
        QString fileName;
        QString fileType;
        qint64 fileSize = -1;
        QString blockId; // the file-input block the session waits on; empty: unknown
    };

    // Schedules the request; does nothing when already started.
    void start(const Input &input)
    {
        if (isStarted())
            return;
        m_input = input;
        schedule();
    }

Q_SIGNALS:
    void finished(const Typebot::TicketResult &result);

protected:
    using OneShotOperation::OneShotOperation;

    const Input &input() const { return m_input; }

private:
    Input m_input;
};

// Makes one ticket source per attempt, owned by `parent`.
using TicketSourceFactory = std::function<TicketSource *(QObject *parent)>;

} // namespace Typebot
