// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace Typebot {

// The lifecycle every request object here shares (KJob's contract): starting schedules
// the work on the event loop, so callers can connect first; cancel() works at any point;
// the result is reported exactly once, cancellation included. The ticket request, the
// chat request and both upload transports derive from it instead of each guarding its
// own flags.
class OneShotOperation : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneShotOperation)

public:
    ~OneShotOperation() override;

    bool isStarted() const { return m_scheduled; }
    bool isFinished() const { return m_finished; }
    bool isCanceled() const { return m_canceled; }

    // Ends the operation: work in flight is aborted and reports its cancellation through
    // the usual path; otherwise cancellation is reported at once. Nothing after finishing.
    void cancel();

protected:
    explicit OneShotOperation(QObject *parent = nullptr);

    // Calls run() from the event loop, once per object. False when already scheduled.
    bool schedule();
    // The work itself; not called when canceled before the event loop got to it.
    virtual void run() = 0;
    // Stops the work in flight so that it finishes as canceled; false when none is in
    // flight, and then reportCanceled() follows.
    virtual bool abortInFlight() = 0;
    // Emits the subclass's own canceled result (through beginFinish()).
    virtual void reportCanceled() = 0;

    // True exactly once: the caller then emits its result. Stops the clock.
    bool beginFinish();
    // Milliseconds since run() began (0 before).
    qint64 elapsedMs() const;

private:
    void runScheduled();

    QElapsedTimer m_elapsed;
    qint64 m_finishedAfterMs = -1;
    bool m_scheduled = false;
    bool m_finished = false;
    bool m_canceled = false;
};

} // namespace Typebot
