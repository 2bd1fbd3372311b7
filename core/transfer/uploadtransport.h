// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/httpexchange.h"
#include "system/oneshotoperation.h"
#include "transferrequest.h"
#include "transferresult.h"

#include <QDateTime>

#include <functional>

class QNetworkAccessManager;

namespace Typebot {

// Step 2 behind a narrow interface: one object per attempt. start() schedules, progress
// is reported as bytes reach the socket, finished() comes exactly once (cancel included)
// and carries the record of the request as sent. Keeping it this small lets a faster
// transport replace QNAM without touching jobs.
class UploadTransport : public OneShotOperation
{
    Q_OBJECT

public:
    ~UploadTransport() override = default;

    // Schedules the attempt; does nothing when already started.
    void start(const TransferRequest &request);

Q_SIGNALS:
    void progressChanged(qint64 bytesSent, qint64 bytesTotal);
    void finished(const Typebot::TransferResult &result);

protected:
    explicit UploadTransport(QObject *parent = nullptr) : OneShotOperation(parent) { }

    const TransferRequest &request() const { return m_request; }
    // The request headers as they went out (the transport knows them best); the
    // Authorization header, should one ever appear, is masked.
    void recordSentHeaders(const HttpExchange::Headers &headers);
    // Reports the result once, with the exchange recorded from the request and it.
    void finishWith(TransferResult result);
    // A canceled result, for reportCanceled().
    TransferResult canceledResult() const;

private:
    TransferRequest m_request;
    HttpExchange::Headers m_sentHeaders;
    QDateTime m_startedAt;
};

// Makes one transport per attempt, on the engine's network access manager (one
// connection pool for the whole queue), owned by `parent`.
using UploadTransportFactory =
        std::function<UploadTransport *(QNetworkAccessManager *nam, QObject *parent)>;

} // namespace Typebot
