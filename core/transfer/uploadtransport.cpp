// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadtransport.h"

namespace Typebot {

void UploadTransport::start(const TransferRequest &request)
{
    if (isStarted())
        return;
    m_request = request;
    m_startedAt = QDateTime::currentDateTimeUtc();
    schedule();
}

void UploadTransport::recordSentHeaders(const HttpExchange::Headers &headers)
{
    m_sentHeaders = HttpExchange::withoutToken(headers);
}

TransferResult UploadTransport::canceledResult() const
{
    TransferResult result;
    result.outcome = TransferResult::Outcome::Canceled;
    result.networkError = QNetworkReply::OperationCanceledError;
    result.errorString = tr("Canceled");
    return result;
}

void UploadTransport::finishWith(TransferResult result)
{
    if (!beginFinish())
        return;
    if (result.durationMs <= 0)
        result.durationMs = elapsedMs();
    HttpExchange exchange = m_request.exchange();
    exchange.startedAt = m_startedAt;
    exchange.requestHeaders = m_sentHeaders;
    result.recordIn(&exchange);
    result.exchange = exchange;
    Q_EMIT finished(result);
}

} // namespace Typebot
