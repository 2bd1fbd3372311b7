// SPDX-License-Identifier: GPL-3.0-or-later
// ErrorClassifier::classify against every row of the retry table in shared/docs/pitfalls.md.
#include "engine/errorclassifier.h"

#include <QTest>

using Typebot::ErrorClassifier;
using Typebot::FailureInfo;
using Action = ErrorClassifier::Action;
using Step = FailureInfo::Step;

class TestErrorClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void isOutage_data();
    void isOutage();
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

QTEST_GUILESS_MAIN(TestErrorClassifier)
#include "testerrorclassifier.moc"
