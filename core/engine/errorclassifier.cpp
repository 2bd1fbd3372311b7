// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorclassifier.h"

namespace Typebot {

bool ErrorClassifier::isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout, not the user
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProtocolFailure:
        return true;
    default:
        // TLS handshake and certificate errors, refused redirects, unknown schemes: the
        // same request would fail the same way.
        return false;
    }
}

bool ErrorClassifier::isOutage(const FailureInfo &failure)
{
    if (failure.stalled)
        return true;
    if (failure.httpStatus == 0)
        return !failure.invalidResponse && isTransientNetworkError(failure.networkError);
    return failure.httpStatus == 408 || failure.httpStatus == 429 || failure.httpStatus >= 500;
}

ErrorClassifier::Action ErrorClassifier::classify(const FailureInfo &failure)
{
    if (failure.stalled)
        return Action::Retry;
    if (failure.invalidResponse)
        return Action::Retry; // a proxy or a restarting server; the budget bounds it
    if (failure.httpStatus == 0)
        return isTransientNetworkError(failure.networkError) ? Action::Retry : Action::Fail;

    if (failure.step == FailureInfo::Step::Upload && !failure.s3Code.isEmpty()) {
        const QString &code = failure.s3Code;
        if (code == u"AccessDenied"
            && (failure.s3Message.contains(u"Policy expired", Qt::CaseInsensitive)
                || failure.s3Message.contains(u"Request has expired", Qt::CaseInsensitive)))
            return Action::RenewTicketAndRetry;
        if (code == u"ExpiredToken" || code == u"TokenRefreshRequired")
            return Action::RenewTicketAndRetry;
        if (code == u"RequestTimeout" || code == u"SlowDown" || code == u"InternalError"
            || code == u"ServiceUnavailable")
            return Action::Retry;
    }

    // The upload proxy (3.17+): "Upload URL has expired" wants a fresh slot; "Invalid
    // upload URL" (403), "File size limit exceeded" (413) and "Missing upload body" (400)
    // cannot be fixed by sending again; "Could not upload file" (500) can.
    if (failure.step == FailureInfo::Step::Upload && failure.httpStatus == 403
        && failure.serverMessage.contains(u"expired", Qt::CaseInsensitive))
        return Action::RenewTicketAndRetry;

    switch (failure.httpStatus) {
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return Action::Retry;
    default:
        return Action::Fail;
    }
}

} // namespace Typebot
