// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorclassifier.h"

#include "diagnostics/redactor.h"

#include <QMetaEnum>
#include <QRegularExpression>

namespace Typebot {

namespace {

using Kind = JobFailure::Kind;

// Typebot's own refusals of a slot (shared/docs/typebot-api.md, "Errors from the API"):
// fixed English sentences, so matching their words is reliable.
Kind ticketRefusalKind(int status, const QString &said)
{
    const auto says = [&said](const char16_t *words) {
        return said.contains(QStringView(words), Qt::CaseInsensitive);
    };
    if (status == 500 && says(u"not properly configured"))
        return Kind::StorageNotConfigured;
    if (status == 401)
        return Kind::TokenNeeded;
    if (status == 403)
        return Kind::TokenRefused;
    if (says(u"find session") || says(u"session expired") || says(u"session not found"))
        return Kind::SessionGone;
    if (says(u"find typebot") || says(u"typebot not found"))
        return Kind::BotNotFound;
    if (says(u"currentBlockId") || says(u"does not expect file"))
        return Kind::NotWaitingForFile;
    if (says(u"file type") && says(u"not allowed"))
        return Kind::TypeRefused;
    if (says(u"file size exceeds"))
        return Kind::TooLarge;
    return Kind::None;
}

// "File size exceeds the 10MB limit" → 10 MiB, as the server computes it.
qint64 limitFromMessage(const QString &said)
{
    static const QRegularExpression limit(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*MB"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = limit.match(said);
    return match.hasMatch() ? qint64(match.captured(1).toDouble() * 1024.0 * 1024.0) : -1;
}

Kind networkKind(FailureInfo::Step step, QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout, not the user
    case QNetworkReply::ProxyTimeoutError:
        return Kind::TimedOut;
    case QNetworkReply::RemoteHostClosedError:
        return Kind::ConnectionLost;
    case QNetworkReply::UnknownNetworkError:
        // While the body is written Qt reports an early answer as a closed connection.
        return step == FailureInfo::Step::Upload ? Kind::ConnectionLost : Kind::Unreachable;
    case QNetworkReply::SslHandshakeFailedError:
        return Kind::SecureConnectionFailed;
    default:
        break;
    }
    return ErrorClassifier::isTransientNetworkError(error) ? Kind::Unreachable : Kind::Other;
}

Kind uploadKind(const FailureInfo &failure)
{
    const QString &code = failure.s3Code;
    const int status = failure.httpStatus;
    if (!code.isEmpty()) {
        if (code == u"EntityTooLarge")
            return Kind::TooLarge;
        if (code == u"EntityTooSmall")
            return Kind::TooSmall;
        if (code == u"SlowDown" || code == u"ServiceUnavailable")
            return Kind::ServerBusy;
        if (code == u"RequestTimeout")
            return Kind::TimedOut;
        if (code == u"InternalError")
            return Kind::StorageError;
    }
    if (ErrorClassifier::classify(failure) == ErrorClassifier::Action::RenewTicketAndRetry)
        return Kind::SlotExpired;
    if (status == 413)
        return Kind::TooLarge;
    if (status == 429 || status == 503)
        return Kind::ServerBusy;
    if (status == 408)
        return Kind::TimedOut;
    if (status >= 500)
        return Kind::StorageError;
    // The upload proxy's "Missing upload body": the bytes did not arrive.
    if (status == 400 && failure.serverMessage.contains(u"body", Qt::CaseInsensitive))
        return Kind::ConnectionLost;
    // Signature, policy, bucket, a refused link, a redirect: the server's storage setup.
    return Kind::StorageRefused;
}

Kind ticketKind(const FailureInfo &failure)
{
    const int status = failure.httpStatus;
    if (failure.noUploadRoute)
        return Kind::NoUploadRoute;
    const Kind refusal = ticketRefusalKind(status, failure.serverMessage);
    if (refusal != Kind::None)
        return refusal;
    if (status == 429 || status == 503)
        return Kind::ServerBusy;
    if (status == 408)
        return Kind::TimedOut;
    if (status >= 500)
        return Kind::ServerError;
    return Kind::RequestRefused;
}

} // namespace

QString ErrorClassifier::networkErrorName(QNetworkReply::NetworkError error)
{
    const char *key = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error);
    return key ? QString::fromLatin1(key) : QString::number(int(error));
}

JobFailure ErrorClassifier::describe(const FailureInfo &failure)
{
    JobFailure result;
    const bool upload = failure.step == FailureInfo::Step::Upload;
    result.step = upload ? JobFailure::Step::Upload : JobFailure::Step::Ticket;
    result.httpStatus = failure.httpStatus;
    result.serverMessage = Redactor::text(
            upload && !failure.s3Message.isEmpty() ? failure.s3Message : failure.serverMessage);
    result.code = upload ? failure.s3Code : failure.apiCode;
    result.detail = Redactor::text(failure.detail);
    result.limitBytes = failure.sizeLimit;

    if (failure.stalled) {
        result.kind = Kind::Stalled;
        result.code = QStringLiteral("Stalled");
    } else if (failure.invalidResponse) {
        result.kind = Kind::BadServerAnswer;
        result.code = QStringLiteral("InvalidResponse");
    } else if (failure.httpStatus == 0 && !failure.noUploadRoute) {
        result.kind = networkKind(failure.step, failure.networkError);
        result.code = networkErrorName(failure.networkError);
    } else {
        result.kind = upload ? uploadKind(failure) : ticketKind(failure);
    }
    if (result.kind == Kind::TooLarge && result.limitBytes < 0 && !upload)
        result.limitBytes = limitFromMessage(failure.serverMessage);
    return result;
}

JobFailure ErrorClassifier::describe(const Preflight::Failure &problem)
{
    JobFailure result;
    result.step = JobFailure::Step::Ticket;
    result.detail = Redactor::text(problem.message);
    result.limitBytes = problem.limit;
    switch (problem.problem) {
    case Preflight::Problem::TooLarge:
    case Preflight::Problem::OverS3Limit:
        result.kind = Kind::TooLarge;
        result.code = QStringLiteral("EntityTooLarge");
        break;
    case Preflight::Problem::TooSmall:
        result.kind = Kind::TooSmall;
        result.code = QStringLiteral("EntityTooSmall");
        break;
    case Preflight::Problem::Expired:
        result.kind = Kind::SlotExpired;
        result.code = QStringLiteral("PolicyExpired");
        break;
    case Preflight::Problem::BadPolicy:
        result.kind = Kind::BadServerAnswer;
        result.code = QStringLiteral("InvalidPolicy");
        break;
    }
    return result;
}

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
