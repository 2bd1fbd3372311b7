// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingtransport.h"

namespace TypebotCli {

using namespace Typebot;

RecordingTransport::RecordingTransport(UploadTransport *inner, quint64 jobId,
                                       const Observer *observer, QObject *parent)
    : UploadTransport(parent),
      m_inner(inner),
      m_jobId(jobId),
      m_observer(observer)
{
    m_inner->setParent(this);
    connect(m_inner, &UploadTransport::progressChanged, this, &UploadTransport::progressChanged);
    connect(m_inner, &UploadTransport::finished, this, &RecordingTransport::handleFinished);
}

RecordingTransport::~RecordingTransport() = default;

void RecordingTransport::start(const TransferRequest &request)
{
    if (m_observer && m_observer->started)
        m_observer->started(m_jobId, request);
    m_inner->start(request);
}

void RecordingTransport::cancel()
{
    m_inner->cancel();
}

void RecordingTransport::handleFinished(const TransferResult &result)
{
    if (m_observer && m_observer->finished)
        m_observer->finished(m_jobId, result);
    Q_EMIT finished(result);
}

} // namespace TypebotCli
