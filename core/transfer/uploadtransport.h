// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transferrequest.h"
#include "transferresult.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace Typebot {

// Step 2 behind a narrow interface: one object per attempt. start() schedules, progress
// is reported as bytes reach the socket, finished() comes exactly once (cancel included).
// Keeping it this small lets a faster transport replace QNAM without touching jobs.
class UploadTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~UploadTransport() override = default;

    virtual void start(const TransferRequest &request) = 0;
    virtual void cancel() = 0;

Q_SIGNALS:
    void progressChanged(qint64 bytesSent, qint64 bytesTotal);
    void finished(const Typebot::TransferResult &result);
};

// Makes one transport per attempt, on the engine's network access manager (one
// connection pool for the whole queue), owned by `parent`.
using UploadTransportFactory =
        std::function<UploadTransport *(QNetworkAccessManager *nam, QObject *parent)>;

} // namespace Typebot
