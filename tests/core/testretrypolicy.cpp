// SPDX-License-Identifier: GPL-3.0-or-later
// RetryPolicy: exponential backoff with full jitter (random source injected), Retry-After
// in both forms, clamping and the attempt budget.
#include "engine/retrypolicy.h"

#include <QScopeGuard>
#include <QTest>

#include <ctime>
#include <limits>

using Typebot::RetryPolicy;
using Ms = RetryPolicy::Milliseconds;
using OptMs = std::optional<RetryPolicy::Milliseconds>;

namespace {

RetryPolicy policyWithRandom(double r)
{
    RetryPolicy policy; // base 1 s, cap 30 s
    policy.random = [r] { return r; };
    return policy;
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void backoffCeiling_data();
    void backoffCeiling();
    void jitter_data();
    void jitter();
    void defaultRandomStaysUnderTheCeiling();
    void retryAfterReplacesJitter_data();
    void retryAfterReplacesJitter();
    void parseRetryAfter_data();
    void parseRetryAfter();
    void parseRetryAfterIgnoresLocalDaylightSaving();
    void mayRetry_data();
    void mayRetry();
};

void TestRetryPolicy::defaults()
{
    const RetryPolicy policy;
    QCOMPARE(policy.base, Ms(1000));
    QCOMPARE(policy.cap, Ms(30000));
    QCOMPARE(policy.maxRetryAfter, Ms(300000));
    QCOMPARE(policy.maxAttempts, 5);
}

void TestRetryPolicy::backoffCeiling_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("ceilingMs");

    QTest::newRow("after 1 failure: 1 s") << 1 << qint64(1000);
    QTest::newRow("after 2 failures: 2 s") << 2 << qint64(2000);
    QTest::newRow("after 3 failures: 4 s") << 3 << qint64(4000);
    QTest::newRow("after 4 failures: 8 s") << 4 << qint64(8000);
    QTest::newRow("after 5 failures: 16 s") << 5 << qint64(16000);
    QTest::newRow("after 6 failures: capped at 30 s") << 6 << qint64(30000);
    QTest::newRow("after 7 failures: still 30 s") << 7 << qint64(30000);
    QTest::newRow("after 64 failures: no overflow, 30 s") << 64 << qint64(30000);
    QTest::newRow("after INT_MAX failures: 30 s")
            << std::numeric_limits<int>::max() << qint64(30000);
    QTest::newRow("0 failures counts as the first") << 0 << qint64(1000);
    QTest::newRow("negative failures count as the first") << -3 << qint64(1000);
}

void TestRetryPolicy::backoffCeiling()
{
    QFETCH(int, failures);
    QFETCH(qint64, ceilingMs);

    const RetryPolicy policy;
    QCOMPARE(policy.backoffCeiling(failures), Ms(ceilingMs));
}

void TestRetryPolicy::jitter_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("delayMs");

    QTest::newRow("random 0 gives no wait") << 0.0 << 3 << qint64(0);
    QTest::newRow("random 0.5 gives half the 4 s ceiling") << 0.5 << 3 << qint64(2000);
    QTest::newRow("random 0.999 stays under the 4 s ceiling") << 0.999 << 3 << qint64(3996);
    QTest::newRow("random 0.5 after the first failure") << 0.5 << 1 << qint64(500);
    QTest::newRow("random 0.999 after the first failure") << 0.999 << 1 << qint64(999);
    QTest::newRow("random 0 at the cap") << 0.0 << 7 << qint64(0);
    QTest::newRow("random 0.5 at the cap") << 0.5 << 7 << qint64(15000);
    QTest::newRow("random 0.999 at the cap") << 0.999 << 7 << qint64(29970);
    QTest::newRow("a source above 1 is clamped to the ceiling") << 1.7 << 2 << qint64(2000);
    QTest::newRow("a negative source is clamped to 0") << -0.3 << 2 << qint64(0);
}

void TestRetryPolicy::jitter()
{
    QFETCH(double, random);
    QFETCH(int, failures);
    QFETCH(qint64, delayMs);

    QCOMPARE(policyWithRandom(random).delayAfter(failures), Ms(delayMs));
}

void TestRetryPolicy::defaultRandomStaysUnderTheCeiling()
{
    const RetryPolicy policy; // no injected source: QRandomGenerator
    for (int i = 0; i < 200; ++i) {
        const Ms delay = policy.delayAfter(4);
        QVERIFY(delay >= Ms(0));
        QVERIFY(delay <= Ms(8000));
    }
}

void TestRetryPolicy::retryAfterReplacesJitter_data()
{
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<qint64>("delayMs");

    QTest::newRow("120 s is honoured") << qint64(120000) << qint64(120000);
    QTest::newRow("longer than the backoff cap is still honoured")
            << qint64(45000) << qint64(45000);
    QTest::newRow("0 means now") << qint64(0) << qint64(0);
    QTest::newRow("clamped to maxRetryAfter") << qint64(3600000) << qint64(300000);
    QTest::newRow("negative clamped to 0") << qint64(-5000) << qint64(0);
}

void TestRetryPolicy::retryAfterReplacesJitter()
{
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, delayMs);

    const RetryPolicy policy = policyWithRandom(0.5);
    QCOMPARE(policy.delayAfter(2, Ms(retryAfterMs)), Ms(delayMs));
    QCOMPARE(policy.delayAfter(2, std::nullopt), Ms(1000)); // and without one, jitter
}

void TestRetryPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<OptMs>("expected");
    QTest::addColumn<OptMs>("clampedDelay"); // delayAfter with the default maxRetryAfter

    QTest::newRow("120 seconds") << QByteArray("120") << OptMs(Ms(120000)) << OptMs(Ms(120000));
    QTest::newRow("0 seconds") << QByteArray("0") << OptMs(Ms(0)) << OptMs(Ms(0));
    QTest::newRow("seconds with spaces")
            << QByteArray("  5 \t") << OptMs(Ms(5000)) << OptMs(Ms(5000));
    QTest::newRow("a day of seconds is clamped when used")
            << QByteArray("86400") << OptMs(Ms(86400000)) << OptMs(Ms(300000));
    QTest::newRow("absurdly many seconds are clamped, not wrapped")
            << QByteArray("9223372036854776") << std::optional(Ms::max()) << OptMs(Ms(300000));
    QTest::newRow("negative seconds") << QByteArray("-5") << OptMs() << OptMs();
    QTest::newRow("fractional seconds") << QByteArray("1.5") << OptMs() << OptMs();
    QTest::newRow("garbage") << QByteArray("soon") << OptMs() << OptMs();
    QTest::newRow("empty") << QByteArray() << OptMs() << OptMs();
    QTest::newRow("blank") << QByteArray("   ") << OptMs() << OptMs();
    QTest::newRow("HTTP-date 60 s in the future")
            << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << OptMs(Ms(60000)) << OptMs(Ms(60000));
    QTest::newRow("HTTP-date in the past means now")
            << QByteArray("Wed, 21 Oct 2015 07:26:00 GMT") << OptMs(Ms(0)) << OptMs(Ms(0));
    QTest::newRow("HTTP-date equal to now")
            << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << OptMs(Ms(0)) << OptMs(Ms(0));
    QTest::newRow("HTTP-date a day ahead is clamped when used")
            << QByteArray("Thu, 22 Oct 2015 07:27:00 GMT") << OptMs(Ms(86400000))
            << OptMs(Ms(300000));
    QTest::newRow("HTTP-date without GMT")
            << QByteArray("Wed, 21 Oct 2015 07:28:00") << OptMs() << OptMs();
    QTest::newRow("HTTP-date with a bad month")
            << QByteArray("Wed, 21 Foo 2015 07:28:00 GMT") << OptMs() << OptMs();
    QTest::newRow("HTTP-date without a time")
            << QByteArray("Wed, 21 Oct 2015 GMT") << OptMs() << OptMs();
    QTest::newRow("just GMT") << QByteArray("GMT") << OptMs() << OptMs();
    QTest::newRow("ISO date is not an HTTP-date")
            << QByteArray("2015-10-21T07:28:00Z") << OptMs() << OptMs();
}

void TestRetryPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(OptMs, expected);
    QFETCH(OptMs, clampedDelay);

    const QDateTime now(QDate(2015, 10, 21), QTime(7, 27), Qt::UTC);
    const OptMs parsed = RetryPolicy::parseRetryAfter(value, now);
    QCOMPARE(parsed.has_value(), expected.has_value());
    if (!parsed)
        return;
    QCOMPARE(parsed->count(), expected->count());
    QCOMPARE(policyWithRandom(0.5).delayAfter(1, parsed).count(), clampedDelay->count());
}

// An HTTP-date is GMT. In a zone with daylight saving, a date inside the local
// spring-forward gap must still be read as the GMT time it says.
void TestRetryPolicy::parseRetryAfterIgnoresLocalDaylightSaving()
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

    const QDateTime now(QDate(2024, 3, 31), QTime(2, 29), Qt::UTC);
    const OptMs parsed = RetryPolicy::parseRetryAfter("Sun, 31 Mar 2024 02:30:00 GMT", now);
    QVERIFY(parsed);
    QCOMPARE(parsed->count(), qint64(60000));
}

void TestRetryPolicy::mayRetry_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<int>("attemptsMade");
    QTest::addColumn<bool>("mayRetry");

    QTest::newRow("nothing tried yet") << 5 << 0 << true;
    QTest::newRow("first attempt failed") << 5 << 1 << true;
    QTest::newRow("four of five made") << 5 << 4 << true;
    QTest::newRow("all five made") << 5 << 5 << false;
    QTest::newRow("more than the budget (Qt's silent resends)") << 5 << 7 << false;
    QTest::newRow("a budget of one never retries") << 1 << 1 << false;
}

void TestRetryPolicy::mayRetry()
{
    QFETCH(int, maxAttempts);
    QFETCH(int, attemptsMade);
    QFETCH(bool, mayRetry);

    RetryPolicy policy;
    policy.maxAttempts = maxAttempts;
    QCOMPARE(policy.mayRetry(attemptsMade), mayRetry);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "testretrypolicy.moc"
