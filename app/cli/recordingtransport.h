// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/uploadtransport.h"

#include <functional>

namespace TypebotCli {

// Wraps the engine's real transport to see what each upload attempt sent and got back:
// the ticket (for --print-curl) and the response headers (for -vv), which the engine's
// snapshots do not carry. Forwards everything else unchanged.
class RecordingTransport final : public Typebot::UploadTransport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingTransport)

public:
    struct Observer
    {
        std::function<void(quint64 jobId, const Typebot::TransferRequest &)> started;
        std::function<void(quint64 jobId, const Typebot::TransferResult &)> finished;
    };

    // Takes ownership of `inner`. `jobId` is 0 when the owner is not an UploadJob.
    RecordingTransport(Typebot::UploadTransport *inner, quint64 jobId, const Observer *observer,
                       QObject *parent = nullptr);
    ~RecordingTransport() override;

    void start(const Typebot::TransferRequest &request) override;
    void cancel() override;

private:
    void handleFinished(const Typebot::TransferResult &result);

    Typebot::UploadTransport *m_inner;
    quint64 m_jobId;
    const Observer *m_observer;
};

} // namespace TypebotCli
