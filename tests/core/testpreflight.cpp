// SPDX-License-Identifier: GPL-3.0-or-later
// Preflight::check: a file the bucket will refuse, or a slot already expired, is reported in
// plain words before a byte is sent.
#include "api/preflight.h"
#include "api/uploadticket.h"

#include <QLocale>
#include <QScopeGuard>
#include <QTest>

#include <ctime>

using Typebot::FormField;
using Typebot::Preflight;
using Typebot::UploadTicket;

namespace {

const QDateTime signedAt(QDate(2024, 1, 1), QTime(12, 0), Qt::UTC);
const QDateTime expiresAt = signedAt.addSecs(600);

UploadTicket postTicket(const QByteArray &policyJson)
{
    UploadTicket ticket;
    ticket.presignedUrl = QUrl(QStringLiteral("https://s3.example.com/typebot"));
    ticket.fileUrl = QStringLiteral("https://s3.example.com/typebot/k");
    ticket.formFields = { FormField{ QStringLiteral("key"), QStringLiteral("k") },
                          FormField{ QStringLiteral("Policy"),
                                     QString::fromLatin1(policyJson.toBase64()) },
                          FormField{ QStringLiteral("x-amz-signature"), QStringLiteral("abc") } };
    return ticket;
}

UploadTicket postTicketWithRawPolicy(const QString &policy)
{
    UploadTicket ticket = postTicket(QByteArray());
    ticket.formFields[1].value = policy;
    return ticket;
}

UploadTicket putTicket(const QString &url)
{
    UploadTicket ticket;
    ticket.presignedUrl = QUrl(url);
    ticket.fileUrl = QStringLiteral("https://s3.example.com/typebot/k");
    return ticket;
}

const QByteArray limited = R"({"expiration":"2024-01-01T12:10:00.000Z","conditions":[)"
                           R"(["content-length-range",0,10485760],["eq","$key","k"]]})";

} // namespace

class TestPreflight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void check_data();
    void check();
    void putExpiryIgnoresLocalDaylightSaving();
};

void TestPreflight::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestPreflight::check_data()
{
    QTest::addColumn<UploadTicket>("ticket");
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<Preflight::Problem>("problem");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("limit");

    using P = Preflight::Problem;
    const QDateTime fiveBefore = signedAt.addSecs(300);
    const QString fiveMinutesLate =
            QStringLiteral("the upload slot expired 5 min 0 s before it could be used (valid "
                           "until 2024-01-01 12:10:00 UTC); the server's clock may be wrong");
    const QString justLate =
            QStringLiteral("the upload slot expired 0 s before it could be used (valid "
                           "until 2024-01-01 12:10:00 UTC); the server's clock may be wrong");
    const QString put =
            QStringLiteral("https://s3.example.com/typebot/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                           "&X-Amz-Credential=AKIA%2F20240101%2Fus-east-1%2Fs3%2Faws4_request"
                           "&X-Amz-Date=20240101T120000Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host"
                           "&X-Amz-Signature=abc");
    const qint64 sixGiB = Q_INT64_C(6) * 1024 * 1024 * 1024;
    UploadTicket noPolicy = postTicket(limited);
    noPolicy.formFields.removeAt(1);

    QTest::newRow("1 MiB under a 10 MiB limit")
            << postTicket(limited) << qint64(1048576) << fiveBefore << false << P::TooLarge
            << QString() << qint64(-1);
    QTest::newRow("exactly at the limit") << postTicket(limited) << qint64(10485760) << fiveBefore
                                          << false << P::TooLarge << QString() << qint64(-1);
    QTest::newRow("13 MB against a 10 MiB limit, stated in MiB")
            << postTicket(limited) << qint64(13002342) << fiveBefore << true << P::TooLarge
            << QStringLiteral("13 MB; this bot accepts at most 10 MiB (10.5 MB)")
            << qint64(10485760);
    QTest::newRow("one byte over the limit")
            << postTicket(limited) << qint64(10485761) << fiveBefore << true << P::TooLarge
            << QStringLiteral("10485761 bytes; this bot accepts at most 10485760 bytes")
            << qint64(10485760);
    QTest::newRow("limit given as strings")
            << postTicket(R"({"expiration":"2024-01-01T12:10:00Z","conditions":[)"
                          R"(["content-length-range","0","1048576"]]})")
            << qint64(1572864) << fiveBefore << true << P::TooLarge
            << QStringLiteral("1.6 MB; this bot accepts at most 1 MiB (1 MB)") << qint64(1048576);
    QTest::newRow("empty file when at least one byte is wanted")
            << postTicket(R"({"expiration":"2024-01-01T12:10:00Z","conditions":[)"
                          R"(["content-length-range",1,1048576]]})")
            << qint64(0) << fiveBefore << true << P::TooSmall
            << QStringLiteral("0 bytes; this bot wants at least 1 byte") << qint64(1);
    QTest::newRow("policy expired 5 minutes ago")
            << postTicket(limited) << qint64(1000) << expiresAt.addSecs(300) << true << P::Expired
            << fiveMinutesLate << qint64(-1);
    QTest::newRow("policy expiring this very second")
            << postTicket(limited) << qint64(1000) << expiresAt << true << P::Expired << justLate
            << qint64(-1);
    QTest::newRow("one second before the policy expires")
            << postTicket(limited) << qint64(1000) << expiresAt.addSecs(-1) << false << P::Expired
            << QString() << qint64(-1);
    QTest::newRow("now given with a UTC offset")
            << postTicket(limited) << qint64(1000)
            << QDateTime(QDate(2024, 1, 1), QTime(14, 15), Qt::OffsetFromUTC, 7200) << true
            << P::Expired << fiveMinutesLate << qint64(-1);
    QTest::newRow("expired two and a half hours ago")
            << postTicket(limited) << qint64(1000) << expiresAt.addSecs(9000) << true << P::Expired
            << QStringLiteral("the upload slot expired 2 h 30 min before it could be used "
                              "(valid until 2024-01-01 12:10:00 UTC); the server's clock may be "
                              "wrong")
            << qint64(-1);
    QTest::newRow("size is reported before expiry")
            << postTicket(limited) << qint64(13002342) << expiresAt.addSecs(300) << true
            << P::TooLarge << QStringLiteral("13 MB; this bot accepts at most 10 MiB (10.5 MB)")
            << qint64(10485760);
    QTest::newRow("policy without expiry or range")
            << postTicket(R"({"conditions":[["eq","$key","k"]]})") << qint64(4000000000)
            << expiresAt.addDays(30) << false << P::TooLarge << QString() << qint64(-1);
    QTest::newRow("no policy field: nothing to check")
            << noPolicy << qint64(4000000000) << expiresAt.addDays(30) << false << P::TooLarge
            << QString() << qint64(-1);
    QTest::newRow("over 5 GiB with a POST ticket")
            << postTicket(R"({"expiration":"2024-01-01T12:10:00Z","conditions":[]})") << sixGiB
            << fiveBefore << true << P::OverS3Limit
            << QStringLiteral("6.4 GB; S3 uploads of a single object are limited to 5 GiB (5.4 GB)")
            << Preflight::MaxObjectSize;
    QTest::newRow("over 5 GiB with a PUT ticket")
            << putTicket(put) << sixGiB << fiveBefore << true << P::OverS3Limit
            << QStringLiteral("6.4 GB; S3 uploads of a single object are limited to 5 GiB (5.4 GB)")
            << Preflight::MaxObjectSize;
    QTest::newRow("exactly 5 GiB is allowed")
            << putTicket(put) << Preflight::MaxObjectSize << fiveBefore << false << P::TooLarge
            << QString() << qint64(-1);
    QTest::newRow("policy is not base64")
            << postTicketWithRawPolicy(QStringLiteral("%%% not base64 %%%")) << qint64(1000)
            << fiveBefore << true << P::BadPolicy
            << QStringLiteral("the upload slot's policy cannot be read: the policy is not "
                              "valid base64")
            << qint64(-1);
    QTest::newRow("policy is base64 of something else")
            << postTicketWithRawPolicy(QString::fromLatin1(QByteArray("hello").toBase64()))
            << qint64(1000) << fiveBefore << true << P::BadPolicy
            << QStringLiteral("the upload slot's policy cannot be read: the policy is not a "
                              "JSON object")
            << qint64(-1);
    const auto proxyTicket = [](double maxFileSizeMb) {
        UploadTicket ticket;
        ticket.presignedUrl = QUrl(QStringLiteral("https://viewer.example.com/api/uploads/t.s"));
        ticket.fileUrl = QStringLiteral("https://s3.example.com/typebot/c1.png");
        ticket.maxFileSizeMb = maxFileSizeMb;
        return ticket;
    };
    QTest::newRow("maxFileSize 10 (MB): 12.4 MB refused before a byte is sent")
            << proxyTicket(10) << qint64(13000000) << fiveBefore << true << P::TooLarge
            << QStringLiteral("13 MB; this bot accepts at most 10 MiB (10.5 MB)")
            << qint64(10485760);
    QTest::newRow("maxFileSize 10: exactly 10 MiB passes, as the server compares")
            << proxyTicket(10) << qint64(10485760) << fiveBefore << false << P::TooLarge
            << QString() << qint64(-1);
    QTest::newRow("maxFileSize 10: one byte over shows exact bytes")
            << proxyTicket(10) << qint64(10485761) << fiveBefore << true << P::TooLarge
            << QStringLiteral("10485761 bytes; this bot accepts at most 10485760 bytes")
            << qint64(10485760);
    QTest::newRow("no maxFileSize: the proxy has nothing to check")
            << proxyTicket(-1) << qint64(4000000000) << fiveBefore << false << P::TooLarge
            << QString() << qint64(-1);
    QTest::newRow("PUT URL still valid") << putTicket(put) << qint64(1000) << expiresAt.addSecs(-1)
                                         << false << P::Expired << QString() << qint64(-1);
    QTest::newRow("PUT URL expired 5 minutes ago")
            << putTicket(put) << qint64(1000) << expiresAt.addSecs(300) << true << P::Expired
            << fiveMinutesLate << qint64(-1);
    QTest::newRow("PUT URL expiring this very second")
            << putTicket(put) << qint64(1000) << expiresAt << true << P::Expired << justLate
            << qint64(-1);
    QTest::newRow("PUT URL with lower-case query keys")
            << putTicket(QStringLiteral("https://s3.example.com/typebot/k?x-amz-date="
                                        "20240101T120000Z&x-amz-expires=600"))
            << qint64(1000) << expiresAt.addSecs(300) << true << P::Expired << fiveMinutesLate
            << qint64(-1);
    QTest::newRow("PUT URL without X-Amz-Expires")
            << putTicket(QStringLiteral("https://s3.example.com/typebot/k?X-Amz-Date="
                                        "20240101T120000Z"))
            << qint64(1000) << expiresAt.addDays(1) << false << P::Expired << QString()
            << qint64(-1);
    QTest::newRow("PUT URL with a garbled date")
            << putTicket(QStringLiteral("https://s3.example.com/typebot/k?X-Amz-Date="
                                        "2024-01-01&X-Amz-Expires=600"))
            << qint64(1000) << expiresAt.addDays(1) << false << P::Expired << QString()
            << qint64(-1);
    QTest::newRow("PUT URL without a query")
            << putTicket(QStringLiteral("https://s3.example.com/typebot/k")) << qint64(1000)
            << expiresAt.addDays(1) << false << P::Expired << QString() << qint64(-1);
}

void TestPreflight::check()
{
    QFETCH(UploadTicket, ticket);
    QFETCH(qint64, fileSize);
    QFETCH(QDateTime, now);
    QFETCH(bool, fails);
    QFETCH(Preflight::Problem, problem);
    QFETCH(QString, message);
    QFETCH(qint64, limit);

    const std::optional<Preflight::Failure> failure = Preflight::check(ticket, fileSize, now);
    QCOMPARE(bool(failure), fails);
    if (!failure)
        return;
    QCOMPARE(failure->problem, problem);
    QCOMPARE(failure->message, message);
    QCOMPARE(failure->limit, limit);
}

// X-Amz-Date is UTC. On a machine in a zone with daylight saving, a signing time that falls
// into the local spring-forward gap must still be read as the UTC time it says.
void TestPreflight::putExpiryIgnoresLocalDaylightSaving()
{
    const QByteArray oldTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    const auto restore = qScopeGuard([&] {
        if (hadTz)
            qputenv("TZ", oldTz);
        else
            qunsetenv("TZ");
        tzset();
    });
    if (QDateTime(QDate(2024, 7, 1), QTime(12, 0)).offsetFromUtc() != 7200)
        QSKIP("cannot switch the local time zone to Europe/Berlin here");

    // 02:30 on 31 March 2024 does not exist in Berlin local time.
    const UploadTicket ticket = putTicket(QStringLiteral(
            "https://s3.example.com/typebot/k?X-Amz-Date=20240331T023000Z&X-Amz-Expires=600"));
    const QDateTime expiry(QDate(2024, 3, 31), QTime(2, 40), Qt::UTC);

    QVERIFY(!Preflight::check(ticket, 1000, expiry.addSecs(-1)));
    const auto failure = Preflight::check(ticket, 1000, expiry.addSecs(300));
    QVERIFY(failure);
    QCOMPARE(failure->problem, Preflight::Problem::Expired);
    QCOMPARE(failure->message,
             QStringLiteral("the upload slot expired 5 min 0 s before it could be used (valid "
                            "until 2024-03-31 02:40:00 UTC); the server's clock may be wrong"));
}

QTEST_GUILESS_MAIN(TestPreflight)
#include "testpreflight.moc"
