// SPDX-License-Identifier: GPL-3.0-or-later
// PostPolicy::decode: the base64 policy of a presigned POST, read for its expiry, size range
// and exact-match conditions.
#include "api/postpolicy.h"

#include <QTest>

using Typebot::PostPolicy;

namespace {

QString encode(const QByteArray &json)
{
    return QString::fromLatin1(json.toBase64());
}

// What Typebot's server signs (see shared/docs/typebot-api.md).
const QByteArray typebotPolicy = R"({"expiration":"2024-01-01T12:10:00.000Z","conditions":[)"
                                 R"(["content-length-range",0,10485760],)"
                                 R"({"bucket":"typebot"},)"
                                 R"(["eq","$key","public/sessions/s1/photo.png"],)"
                                 R"(["eq","$Cache-Control","public, max-age=86400"],)"
                                 R"(["eq","$Content-Type","image/png"],)"
                                 R"({"X-Amz-Date":"20240101T120000Z"},)"
                                 R"({"x-amz-algorithm":"AWS4-HMAC-SHA256"},)"
                                 R"(["starts-with","$x-amz-meta-tag",""]]})";

} // namespace

class TestPostPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typebotPolicyIsRead();
    void sizeRange_data();
    void sizeRange();
    void expiration_data();
    void expiration();
    void invalid_data();
    void invalid();
};

void TestPostPolicy::typebotPolicyIsRead()
{
    QString error;
    const std::optional<PostPolicy> policy = PostPolicy::decode(encode(typebotPolicy), &error);
    QVERIFY2(policy, qPrintable(error));
    QCOMPARE(policy->expiration, QDateTime(QDate(2024, 1, 1), QTime(12, 10), Qt::UTC));
    QCOMPARE(policy->expiration.timeSpec(), Qt::UTC);
    QCOMPARE(policy->minSize, std::optional<qint64>(0));
    QCOMPARE(policy->maxSize, std::optional<qint64>(10485760));
    QCOMPARE(policy->exact.value(QStringLiteral("bucket")), QStringLiteral("typebot"));
    QCOMPARE(policy->exact.value(QStringLiteral("key")),
             QStringLiteral("public/sessions/s1/photo.png"));
    QCOMPARE(policy->exact.value(QStringLiteral("cache-control")),
             QStringLiteral("public, max-age=86400"));
    QCOMPARE(policy->exact.value(QStringLiteral("content-type")), QStringLiteral("image/png"));
    QCOMPARE(policy->exact.value(QStringLiteral("x-amz-date")), QStringLiteral("20240101T120000Z"));
    QCOMPARE(policy->exact.value(QStringLiteral("x-amz-algorithm")),
             QStringLiteral("AWS4-HMAC-SHA256"));
    QCOMPARE(policy->exact.size(), 6);
    QCOMPARE(policy->startsWith.size(), 1);
    QVERIFY(policy->startsWith.contains(QStringLiteral("x-amz-meta-tag")));
    QCOMPARE(policy->startsWith.value(QStringLiteral("x-amz-meta-tag")), QString());

    // Surrounding whitespace (a copied policy) is tolerated.
    QVERIFY(PostPolicy::decode(QStringLiteral("  ") + encode(typebotPolicy) + QStringLiteral("\n"),
                               &error));
}

void TestPostPolicy::sizeRange_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<std::optional<qint64>>("minSize");
    QTest::addColumn<std::optional<qint64>>("maxSize");

    using Size = std::optional<qint64>;
    QTest::newRow("numbers") << QByteArray(R"(["content-length-range",0,10485760])") << Size(0)
                             << Size(10485760);
    QTest::newRow("strings") << QByteArray(R"(["content-length-range","1","10485760"])") << Size(1)
                             << Size(10485760);
    QTest::newRow("upper-case operator")
            << QByteArray(R"(["Content-Length-Range",10,20])") << Size(10) << Size(20);
    QTest::newRow("a size past any file means no limit (fuzzer find: the cast was undefined)")
            << QByteArray(R"(["content-length-range",0,1e19])") << Size(0) << Size();
    QTest::newRow("above 32 bits") << QByteArray(R"(["content-length-range",0,5368709120])")
                                   << Size(0) << Size(Q_INT64_C(5368709120));
    QTest::newRow("unreadable strings give no limit")
            << QByteArray(R"(["content-length-range","zero","ten MB"])") << Size() << Size();
    QTest::newRow("wrong arity is ignored")
            << QByteArray(R"(["content-length-range",10485760])") << Size() << Size();
    QTest::newRow("no range at all") << QByteArray(R"(["eq","$key","k"])") << Size() << Size();
}

void TestPostPolicy::sizeRange()
{
    QFETCH(QByteArray, condition);
    QFETCH(std::optional<qint64>, minSize);
    QFETCH(std::optional<qint64>, maxSize);

    QString error;
    const auto policy = PostPolicy::decode(
            encode(R"({"expiration":"2024-01-01T12:10:00Z","conditions":[)" + condition + "]}"),
            &error);
    QVERIFY2(policy, qPrintable(error));
    QCOMPARE(policy->minSize, minSize);
    QCOMPARE(policy->maxSize, maxSize);
}

void TestPostPolicy::expiration_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QDateTime>("expiration");

    const QDateTime tenPast = QDateTime(QDate(2024, 1, 1), QTime(12, 10), Qt::UTC);
    QTest::newRow("with milliseconds")
            << QByteArray(R"({"expiration":"2024-01-01T12:10:00.000Z","conditions":[]})")
            << tenPast;
    QTest::newRow("without milliseconds")
            << QByteArray(R"({"expiration":"2024-01-01T12:10:00Z","conditions":[]})") << tenPast;
    QTest::newRow("with an offset, converted to UTC")
            << QByteArray(R"({"expiration":"2024-01-01T14:10:00+02:00","conditions":[]})")
            << tenPast;
    QTest::newRow("odd milliseconds are kept")
            << QByteArray(R"({"expiration":"2024-01-01T12:10:00.250Z"})")
            << QDateTime(QDate(2024, 1, 1), QTime(12, 10, 0, 250), Qt::UTC);
    QTest::newRow("no expiration") << QByteArray(R"({"conditions":[]})") << QDateTime();
}

void TestPostPolicy::expiration()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expiration);

    QString error;
    const auto policy = PostPolicy::decode(encode(json), &error);
    QVERIFY2(policy, qPrintable(error));
    QCOMPARE(policy->expiration.isValid(), expiration.isValid());
    if (expiration.isValid()) {
        QCOMPARE(policy->expiration, expiration);
        QCOMPARE(policy->expiration.timeSpec(), Qt::UTC);
    }
}

void TestPostPolicy::invalid_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("error");

    const QString badBase64 = QStringLiteral("the policy is not valid base64");
    const QString notObject = QStringLiteral("the policy is not a JSON object");
    QTest::newRow("empty") << QString() << badBase64;
    QTest::newRow("characters outside the alphabet")
            << QStringLiteral("eyJleHBpcmF0aW9uIjo*!!") << badBase64;
    QTest::newRow("base64 of plain text") << encode("expiration: tomorrow") << notObject;
    QTest::newRow("base64 of a JSON array") << encode(R"(["expiration"])") << notObject;
    QTest::newRow("base64 of truncated JSON")
            << encode(R"({"expiration":"2024-01-01T12:10:00Z")") << notObject;
    QTest::newRow("expiration is not a date")
            << encode(R"({"expiration":"in ten minutes","conditions":[]})")
            << QStringLiteral("the policy's expiration \"in ten minutes\" is not a date");
}

void TestPostPolicy::invalid()
{
    QFETCH(QString, policy);
    QFETCH(QString, error);

    QString actual;
    QVERIFY(!PostPolicy::decode(policy, &actual));
    QCOMPARE(actual, error);
}

QTEST_GUILESS_MAIN(TestPostPolicy)
#include "testpostpolicy.moc"
