// SPDX-License-Identifier: GPL-3.0-or-later
// ErrorClassifier::classify against every row of the retry table in shared/docs/pitfalls.md,
// and ErrorClassifier::describe: each failure the engine meets mapped to the kind the views word.
#include "engine/errorclassifier.h"

#include <QTest>

using Typebot::ErrorClassifier;
using Typebot::FailureInfo;
using Typebot::JobFailure;
using Typebot::Preflight;
using Action = ErrorClassifier::Action;
using Step = FailureInfo::Step;
using Kind = JobFailure::Kind;

Q_DECLARE_METATYPE(Typebot::FailureInfo)

class TestErrorClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void isOutage_data();
    void isOutage();
    void describe_data();
    void describe();
    void describePreflight_data();
    void describePreflight();
};

void TestErrorClassifier::classify_data()
{
    QTest::addColumn<FailureInfo::Step>("step");
    QTest::addColumn<QNetworkReply::NetworkError>("networkError");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("s3Code");
    QTest::addColumn<QString>("s3Message");
    QTest::addColumn<bool>("stalled");
    QTest::addColumn<bool>("invalidResponse");
    QTest::addColumn<ErrorClassifier::Action>("action");

    const auto net = [](const char *name, Step step, QNetworkReply::NetworkError error,
                        Action action) {
        QTest::newRow(name) << step << error << 0 << QString() << QString() << false << false
                            << action;
    };
    const auto http = [](const char *name, Step step, int status, Action action) {
        QTest::newRow(name) << step << QNetworkReply::UnknownContentError << status << QString()
                            << QString() << false << false << action;
    };
    const auto s3 = [](const char *name, int status, const char *code, const char *message,
                       Action action) {
        QTest::newRow(name) << Step::Upload << QNetworkReply::UnknownContentError << status
                            << QString::fromLatin1(code) << QString::fromLatin1(message) << false
                            << false << action;
    };

    // No HTTP answer at all.
    net("connection refused", Step::Upload, QNetworkReply::ConnectionRefusedError, Action::Retry);
    net("connection reset or closed during upload", Step::Upload,
        QNetworkReply::RemoteHostClosedError, Action::Retry);
    net("DNS failure", Step::Ticket, QNetworkReply::HostNotFoundError, Action::Retry);
    net("socket timeout", Step::Upload, QNetworkReply::TimeoutError, Action::Retry);
    net("transfer timeout reported as canceled", Step::Upload,
        QNetworkReply::OperationCanceledError, Action::Retry);
    net("temporary network failure", Step::Upload, QNetworkReply::TemporaryNetworkFailureError,
        Action::Retry);
    net("network session failed", Step::Ticket, QNetworkReply::NetworkSessionFailedError,
        Action::Retry);
    net("unknown network error (early S3 close)", Step::Upload, QNetworkReply::UnknownNetworkError,
        Action::Retry);
    net("proxy refused", Step::Ticket, QNetworkReply::ProxyConnectionRefusedError, Action::Retry);
    net("proxy closed", Step::Upload, QNetworkReply::ProxyConnectionClosedError, Action::Retry);
    net("proxy timeout", Step::Upload, QNetworkReply::ProxyTimeoutError, Action::Retry);
    net("protocol failure", Step::Upload, QNetworkReply::ProtocolFailure, Action::Retry);
    net("TLS handshake failed", Step::Upload, QNetworkReply::SslHandshakeFailedError, Action::Fail);
    net("TLS handshake failed on the ticket step", Step::Ticket,
        QNetworkReply::SslHandshakeFailedError, Action::Fail);
    net("unknown scheme", Step::Upload, QNetworkReply::ProtocolUnknownError, Action::Fail);
    net("too many redirects", Step::Ticket, QNetworkReply::TooManyRedirectsError, Action::Fail);
    net("insecure redirect", Step::Ticket, QNetworkReply::InsecureRedirectError, Action::Fail);
    net("proxy authentication required", Step::Ticket,
        QNetworkReply::ProxyAuthenticationRequiredError, Action::Fail);

    // HTTP status without an S3 code, on both steps.
    for (const Step step : { Step::Ticket, Step::Upload }) {
        const QByteArray prefix = step == Step::Ticket ? "ticket " : "upload ";
        const auto name = [&prefix](const char *what) -> QByteArray { return prefix + what; };
        http(name("408 retries").constData(), step, 408, Action::Retry);
        http(name("429 retries").constData(), step, 429, Action::Retry);
        http(name("500 retries").constData(), step, 500, Action::Retry);
        http(name("502 retries").constData(), step, 502, Action::Retry);
        http(name("503 retries").constData(), step, 503, Action::Retry);
        http(name("504 retries").constData(), step, 504, Action::Retry);
        http(name("400 fails").constData(), step, 400, Action::Fail);
        http(name("401 fails").constData(), step, 401, Action::Fail);
        http(name("403 fails").constData(), step, 403, Action::Fail);
        http(name("404 fails").constData(), step, 404, Action::Fail);
        http(name("413 fails").constData(), step, 413, Action::Fail);
        http(name("412 fails").constData(), step, 412, Action::Fail);
        http(name("501 fails").constData(), step, 501, Action::Fail);
        http(name("301 fails").constData(), step, 301, Action::Fail);
    }

    // S3 codes on the upload step.
    s3("S3 RequestTimeout retries", 400, "RequestTimeout",
       "Your socket connection to the server was not read from or written to within the "
       "timeout period.",
       Action::Retry);
    s3("S3 SlowDown retries", 503, "SlowDown", "Please reduce your request rate.", Action::Retry);
    s3("S3 InternalError retries", 500, "InternalError",
       "We encountered an internal error. Please try again.", Action::Retry);
    s3("S3 ServiceUnavailable retries", 503, "ServiceUnavailable", "Reduce your request rate.",
       Action::Retry);
    s3("S3 AccessDenied, AWS policy expired, renews", 403, "AccessDenied",
       "Invalid according to Policy: Policy expired.", Action::RenewTicketAndRetry);
    s3("S3 AccessDenied, MinIO policy expired, renews", 403, "AccessDenied",
       "Invalid according to Policy: Policy expired", Action::RenewTicketAndRetry);
    s3("S3 ExpiredToken renews", 400, "ExpiredToken", "The provided token has expired.",
       Action::RenewTicketAndRetry);
    s3("S3 AccessDenied, extra input fields, fails", 403, "AccessDenied",
       "Invalid according to Policy: Extra input fields: x-amz-meta-foo", Action::Fail);
    s3("S3 AccessDenied, policy condition failed, fails", 403, "AccessDenied",
       "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$Content-Type\", "
       "\"image/png\"]",
       Action::Fail);
    s3("S3 AccessDenied, plain, fails", 403, "AccessDenied", "Access Denied", Action::Fail);
    s3("S3 SignatureDoesNotMatch fails", 403, "SignatureDoesNotMatch",
       "The request signature we calculated does not match the signature you provided.",
       Action::Fail);
    s3("S3 InvalidPolicyDocument fails", 400, "InvalidPolicyDocument",
       "Invalid Policy: Invalid JSON.", Action::Fail);
    s3("S3 InvalidArgument fails", 400, "InvalidArgument",
       "Bucket POST must contain a field "
       "named 'key'.",
       Action::Fail);
    s3("S3 EntityTooLarge fails", 400, "EntityTooLarge",
       "Your proposed upload exceeds the maximum allowed size", Action::Fail);
    s3("S3 EntityTooSmall fails", 400, "EntityTooSmall",
       "Your proposed upload is smaller than the minimum allowed size", Action::Fail);
    s3("S3 PreconditionFailed fails", 412, "PreconditionFailed",
       "At least one of the pre-conditions you specified did not hold", Action::Fail);
    s3("S3 NoSuchBucket fails", 404, "NoSuchBucket", "The specified bucket does not exist",
       Action::Fail);
    s3("unknown S3 code on a 503 still retries", 503, "SomethingNew", "", Action::Retry);

    // The S3 code only counts on the upload step.
    QTest::newRow("ticket 400 with an S3-looking code fails")
            << Step::Ticket << QNetworkReply::ContentNotFoundError << 400
            << QStringLiteral("RequestTimeout") << QString() << false << false << Action::Fail;
    QTest::newRow("ticket 403 with policy expired text fails")
            << Step::Ticket << QNetworkReply::ContentAccessDenied << 403
            << QStringLiteral("AccessDenied") << QStringLiteral("Policy expired") << false << false
            << Action::Fail;

    // Our own findings.
    QTest::newRow("stall retries") << Step::Upload << QNetworkReply::OperationCanceledError << 0
                                   << QString() << QString() << true << false << Action::Retry;
    QTest::newRow("stall wins over a non-transient error")
            << Step::Upload << QNetworkReply::SslHandshakeFailedError << 0 << QString() << QString()
            << true << false << Action::Retry;
    QTest::newRow("unusable 2xx ticket retries")
            << Step::Ticket << QNetworkReply::NoError << 200 << QString() << QString() << false
            << true << Action::Retry;
}

void TestErrorClassifier::classify()
{
    FailureInfo failure;
    QFETCH(FailureInfo::Step, step);
    QFETCH(QNetworkReply::NetworkError, networkError);
    QFETCH(int, httpStatus);
    QFETCH(QString, s3Code);
    QFETCH(QString, s3Message);
    QFETCH(bool, stalled);
    QFETCH(bool, invalidResponse);
    QFETCH(ErrorClassifier::Action, action);

    failure.step = step;
    failure.networkError = networkError;
    failure.httpStatus = httpStatus;
    failure.s3Code = s3Code;
    failure.s3Message = s3Message;
    failure.stalled = stalled;
    failure.invalidResponse = invalidResponse;
    QCOMPARE(ErrorClassifier::classify(failure), action);
    if (httpStatus == 0 && !stalled)
        QCOMPARE(ErrorClassifier::isTransientNetworkError(networkError), action == Action::Retry);
}

void TestErrorClassifier::isOutage_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QNetworkReply::NetworkError>("networkError");
    QTest::addColumn<bool>("stalled");
    QTest::addColumn<bool>("invalidResponse");
    QTest::addColumn<bool>("outage");
    const auto none = QNetworkReply::NoError;
    QTest::newRow("connection refused")
            << 0 << QNetworkReply::ConnectionRefusedError << false << false << true;
    QTest::newRow("no DNS answer")
            << 0 << QNetworkReply::HostNotFoundError << false << false << true;
    QTest::newRow("a stall") << 0 << none << true << false << true;
    QTest::newRow("503") << 503 << none << false << false << true;
    QTest::newRow("429") << 429 << none << false << false << true;
    QTest::newRow("an unusable 200 is no outage") << 200 << none << false << true << false;
    QTest::newRow("400 is an answer") << 400 << none << false << false << false;
    QTest::newRow("TLS refused is no outage")
            << 0 << QNetworkReply::SslHandshakeFailedError << false << false << false;
}

void TestErrorClassifier::isOutage()
{
    QFETCH(int, status);
    QFETCH(QNetworkReply::NetworkError, networkError);
    QFETCH(bool, stalled);
    QFETCH(bool, invalidResponse);
    QFETCH(bool, outage);
    FailureInfo failure;
    failure.httpStatus = status;
    failure.networkError = networkError;
    failure.stalled = stalled;
    failure.invalidResponse = invalidResponse;
    QCOMPARE(ErrorClassifier::isOutage(failure), outage);
}

void TestErrorClassifier::describe_data()
{
    QTest::addColumn<FailureInfo>("failure");
    QTest::addColumn<JobFailure::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("serverMessage");
    QTest::addColumn<qint64>("limit");

    const auto network = [](Step step, QNetworkReply::NetworkError error) {
        FailureInfo f;
        f.step = step;
        f.networkError = error;
        f.detail = QStringLiteral("Qt says so");
        return f;
    };
    const auto api = [](int status, const char *code, const char *message) {
        FailureInfo f;
        f.step = Step::Ticket;
        f.httpStatus = status;
        f.apiCode = QString::fromLatin1(code);
        f.serverMessage = QString::fromLatin1(message);
        return f;
    };
    const auto s3 = [](int status, const char *code, const char *message) {
        FailureInfo f;
        f.step = Step::Upload;
        f.httpStatus = status;
        f.s3Code = QString::fromLatin1(code);
        f.s3Message = QString::fromLatin1(message);
        return f;
    };
    const auto proxy = [](int status, const char *said) {
        FailureInfo f;
        f.step = Step::Upload;
        f.httpStatus = status;
        f.serverMessage = QString::fromLatin1(said);
        return f;
    };
    const qint64 none = -1;

    // No answer at all.
    QTest::newRow("API refused the connection")
            << network(Step::Ticket, QNetworkReply::ConnectionRefusedError) << Kind::Unreachable
            << 0 << QStringLiteral("ConnectionRefusedError") << QString() << none;
    QTest::newRow("storage name not found")
            << network(Step::Upload, QNetworkReply::HostNotFoundError) << Kind::Unreachable << 0
            << QStringLiteral("HostNotFoundError") << QString() << none;
    QTest::newRow("connection closed while sending")
            << network(Step::Upload, QNetworkReply::RemoteHostClosedError) << Kind::ConnectionLost
            << 0 << QStringLiteral("RemoteHostClosedError") << QString() << none;
    QTest::newRow("early S3 answer while sending surfaces as an unknown network error")
            << network(Step::Upload, QNetworkReply::UnknownNetworkError) << Kind::ConnectionLost
            << 0 << QStringLiteral("UnknownNetworkError") << QString() << none;
    QTest::newRow("API took too long")
            << network(Step::Ticket, QNetworkReply::TimeoutError) << Kind::TimedOut << 0
            << QStringLiteral("TimeoutError") << QString() << none;
    QTest::newRow("transfer timeout reported as canceled")
            << network(Step::Upload, QNetworkReply::OperationCanceledError) << Kind::TimedOut << 0
            << QStringLiteral("OperationCanceledError") << QString() << none;
    QTest::newRow("TLS handshake failed")
            << network(Step::Upload, QNetworkReply::SslHandshakeFailedError)
            << Kind::SecureConnectionFailed << 0 << QStringLiteral("SslHandshakeFailedError")
            << QString() << none;
    FailureInfo stalled = network(Step::Upload, QNetworkReply::OperationCanceledError);
    stalled.stalled = true;
    QTest::newRow("no progress for the stall timeout")
            << stalled << Kind::Stalled << 0 << QStringLiteral("Stalled") << QString() << none;
    FailureInfo unusable = api(200, "", "");
    unusable.invalidResponse = true;
    QTest::newRow("a 200 without a usable slot")
            << unusable << Kind::BadServerAnswer << 200 << QStringLiteral("InvalidResponse")
            << QString() << none;

    // The Typebot API's own refusals (shared/docs/typebot-api.md).
    QTest::newRow("unknown session")
            << api(400, "BAD_REQUEST", "Can't find session") << Kind::SessionGone << 400
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Can't find session") << none;
    QTest::newRow("session not at a block")
            << api(400, "BAD_REQUEST", "Can't find currentBlockId in session state")
            << Kind::NotWaitingForFile << 400 << QStringLiteral("BAD_REQUEST")
            << QStringLiteral("Can't find currentBlockId in session state") << none;
    QTest::newRow("block is not a file input")
            << api(400, "BAD_REQUEST", "Current block does not expect file upload")
            << Kind::NotWaitingForFile << 400 << QStringLiteral("BAD_REQUEST")
            << QStringLiteral("Current block does not expect file upload") << none;
    QTest::newRow("bot not found")
            << api(400, "BAD_REQUEST", "Can't find typebot") << Kind::BotNotFound << 400
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Can't find typebot") << none;
    QTest::newRow("type not allowed") << api(400, "BAD_REQUEST", "File type image/jpeg not allowed")
                                      << Kind::TypeRefused << 400 << QStringLiteral("BAD_REQUEST")
                                      << QStringLiteral("File type image/jpeg not allowed") << none;
    QTest::newRow("size over the limit, which the message states in MiB")
            << api(400, "BAD_REQUEST", "File size exceeds the 10MB limit") << Kind::TooLarge << 400
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("File size exceeds the 10MB limit")
            << qint64(10 * 1024 * 1024);
    QTest::newRow("token missing") << api(401, "UNAUTHORIZED", "You must be authenticated")
                                   << Kind::TokenNeeded << 401 << QStringLiteral("UNAUTHORIZED")
                                   << QStringLiteral("You must be authenticated") << none;
    QTest::newRow("token refused")
            << api(403, "FORBIDDEN", "Forbidden") << Kind::TokenRefused << 403
            << QStringLiteral("FORBIDDEN") << QStringLiteral("Forbidden") << none;
    QTest::newRow("storage not set up on the server")
            << api(500, "INTERNAL_SERVER_ERROR",
                   "S3 not properly configured. Missing one of those variables: S3_ENDPOINT")
            << Kind::StorageNotConfigured << 500 << QStringLiteral("INTERNAL_SERVER_ERROR")
            << QStringLiteral(
                       "S3 not properly configured. Missing one of those variables: S3_ENDPOINT")
            << none;
    QTest::newRow("API failed") << api(500, "", "Internal Server Error") << Kind::ServerError << 500
                                << QString() << QStringLiteral("Internal Server Error") << none;
    QTest::newRow("API busy") << api(503, "", "Service Unavailable") << Kind::ServerBusy << 503
                              << QString() << QStringLiteral("Service Unavailable") << none;
    QTest::newRow("API rate limit")
            << api(429, "", "") << Kind::ServerBusy << 429 << QString() << QString() << none;
    QTest::newRow("any other API refusal")
            << api(400, "BAD_REQUEST", "Invalid input") << Kind::RequestRefused << 400
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Invalid input") << none;
    FailureInfo noRoute = api(404, "NOT_FOUND", "Not found");
    noRoute.noUploadRoute = true;
    QTest::newRow("no upload route at this address")
            << noRoute << Kind::NoUploadRoute << 404 << QStringLiteral("NOT_FOUND")
            << QStringLiteral("Not found") << none;

    // The storage (S3 XML).
    QTest::newRow("policy expired")
            << s3(403, "AccessDenied",
                  "Invalid according to Policy: "
                  "Policy expired.")
            << Kind::SlotExpired << 403 << QStringLiteral("AccessDenied")
            << QStringLiteral("Invalid according to Policy: Policy expired.") << none;
    FailureInfo tooLarge = s3(400, "EntityTooLarge", "Your proposed upload exceeds the maximum");
    tooLarge.sizeLimit = 1048576;
    QTest::newRow("S3 entity too large, with the storage's limit")
            << tooLarge << Kind::TooLarge << 400 << QStringLiteral("EntityTooLarge")
            << QStringLiteral("Your proposed upload exceeds the maximum") << qint64(1048576);
    QTest::newRow("S3 entity too small")
            << s3(400, "EntityTooSmall", "too small") << Kind::TooSmall << 400
            << QStringLiteral("EntityTooSmall") << QStringLiteral("too small") << none;
    QTest::newRow("S3 slow down") << s3(503, "SlowDown", "Please reduce your request rate.")
                                  << Kind::ServerBusy << 503 << QStringLiteral("SlowDown")
                                  << QStringLiteral("Please reduce your request rate.") << none;
    QTest::newRow("S3 internal error, after five attempts")
            << s3(500, "InternalError", "We encountered an internal error.") << Kind::StorageError
            << 500 << QStringLiteral("InternalError")
            << QStringLiteral("We encountered an internal error.") << none;
    QTest::newRow("S3 request timeout")
            << s3(400, "RequestTimeout", "idle") << Kind::TimedOut << 400
            << QStringLiteral("RequestTimeout") << QStringLiteral("idle") << none;
    QTest::newRow("S3 signature mismatch is the server's setup")
            << s3(403, "SignatureDoesNotMatch",
                  "The request signature we calculated does not match")
            << Kind::StorageRefused << 403 << QStringLiteral("SignatureDoesNotMatch")
            << QStringLiteral("The request signature we calculated does not match") << none;
    QTest::newRow("S3 no such bucket")
            << s3(404, "NoSuchBucket", "The specified bucket does not exist")
            << Kind::StorageRefused << 404 << QStringLiteral("NoSuchBucket")
            << QStringLiteral("The specified bucket does not exist") << none;
    QTest::newRow("a redirect from the storage")
            << proxy(301, "") << Kind::StorageRefused << 301 << QString() << QString() << none;

    // The 3.17+ upload proxy's plain text.
    QTest::newRow("proxy link expired")
            << proxy(403, "Upload URL has expired") << Kind::SlotExpired << 403 << QString()
            << QStringLiteral("Upload URL has expired") << none;
    QTest::newRow("proxy refuses its own link")
            << proxy(403, "Invalid upload URL") << Kind::StorageRefused << 403 << QString()
            << QStringLiteral("Invalid upload URL") << none;
    FailureInfo proxyTooLarge = proxy(413, "File size limit exceeded");
    proxyTooLarge.sizeLimit = 10 * 1024 * 1024;
    QTest::newRow("proxy size limit, with the slot's limit")
            << proxyTooLarge << Kind::TooLarge << 413 << QString()
            << QStringLiteral("File size limit exceeded") << qint64(10 * 1024 * 1024);
    QTest::newRow("proxy got no body")
            << proxy(400, "Missing upload body") << Kind::ConnectionLost << 400 << QString()
            << QStringLiteral("Missing upload body") << none;
    QTest::newRow("proxy could not store")
            << proxy(500, "Could not upload file") << Kind::StorageError << 500 << QString()
            << QStringLiteral("Could not upload file") << none;
    QTest::newRow("proxy busy") << proxy(503, "") << Kind::ServerBusy << 503 << QString()
                                << QString() << none;
}

void TestErrorClassifier::describe()
{
    QFETCH(FailureInfo, failure);
    QFETCH(JobFailure::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, serverMessage);
    QFETCH(qint64, limit);
    const JobFailure described = ErrorClassifier::describe(failure);
    QCOMPARE(described.kind, kind);
    QCOMPARE(described.step,
             failure.step == Step::Ticket ? JobFailure::Step::Ticket : JobFailure::Step::Upload);
    QCOMPARE(described.httpStatus, status);
    QCOMPARE(described.code, code);
    QCOMPARE(described.serverMessage, serverMessage);
    QCOMPARE(described.limitBytes, limit);
    QCOMPARE(described.detail, failure.detail);
}

void TestErrorClassifier::describePreflight_data()
{
    QTest::addColumn<Preflight::Problem>("problem");
    QTest::addColumn<JobFailure::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("over the policy's size")
            << Preflight::Problem::TooLarge << Kind::TooLarge << QStringLiteral("EntityTooLarge");
    QTest::newRow("over S3's 5 GiB") << Preflight::Problem::OverS3Limit << Kind::TooLarge
                                     << QStringLiteral("EntityTooLarge");
    QTest::newRow("under the policy's size")
            << Preflight::Problem::TooSmall << Kind::TooSmall << QStringLiteral("EntityTooSmall");
    QTest::newRow("slot expired on arrival")
            << Preflight::Problem::Expired << Kind::SlotExpired << QStringLiteral("PolicyExpired");
    QTest::newRow("a policy that cannot be read")
            << Preflight::Problem::BadPolicy << Kind::BadServerAnswer
            << QStringLiteral("InvalidPolicy");
}

void TestErrorClassifier::describePreflight()
{
    QFETCH(Preflight::Problem, problem);
    QFETCH(JobFailure::Kind, kind);
    QFETCH(QString, code);
    const JobFailure described =
            ErrorClassifier::describe(Preflight::Failure{ problem, QStringLiteral("why"), 4096 });
    QCOMPARE(described.kind, kind);
    QCOMPARE(described.code, code);
    QCOMPARE(described.step, JobFailure::Step::Ticket);
    QCOMPARE(described.detail, QStringLiteral("why"));
    QCOMPARE(described.limitBytes, qint64(4096));
}

QTEST_GUILESS_MAIN(TestErrorClassifier)
#include "testerrorclassifier.moc"
