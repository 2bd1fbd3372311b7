// SPDX-License-Identifier: GPL-3.0-or-later
#include "oneshotoperation.h"

namespace Typebot {

OneShotOperation::OneShotOperation(QObject *parent) : QObject(parent) { }

OneShotOperation::~OneShotOperation() = default;

void OneShotOperation::cancel()
{
    if (m_finished || m_canceled)
        return;
    m_canceled = true;
    if (!abortInFlight())
        reportCanceled();
}

bool OneShotOperation::schedule()
{
    if (m_scheduled)
        return false;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &OneShotOperation::runScheduled, Qt::QueuedConnection);
    return true;
}

void OneShotOperation::runScheduled()
{
    if (m_finished || m_canceled)
        return;
    m_elapsed.start();
    run();
}

bool OneShotOperation::beginFinish()
{
    if (m_finished)
        return false;
    m_finished = true;
    m_finishedAfterMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    return true;
}

qint64 OneShotOperation::elapsedMs() const
{
    if (m_finishedAfterMs >= 0)
        return m_finishedAfterMs;
    return m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
}

} // namespace Typebot
