// SPDX-License-Identifier: GPL-3.0-or-later
// FaultSpec::parse: the grammar shared by --fault and the control endpoint.

#include "faultinjector.h"
#include "faultspec.h"

#include <QTest>

using Sandbox::FaultInjector;
using Sandbox::FaultSpec;

class TestFaultSpec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidSpecs_data();
    void parsesValidSpecs();
    void rejectsBadSpecs_data();
    void rejectsBadSpecs();
    void injectorCountsFirings();
    void injectorMatchesRoutes();
};

void TestFaultSpec::parsesValidSpecs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("action");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("canonical");

    using R = FaultSpec::Route;
    using A = FaultSpec::Action;
    QTest::newRow("503 on uploads twice with Retry-After")
            << "upload:status=503,count=2,retry-after=1" << int(R::Upload) << int(A::Status)
            << qint64(503) << QString() << 2 << 1 << "upload:status=503,count=2,retry-after=1";
    QTest::newRow("status on the api defaults to once")
            << "api:status=500" << int(R::Api) << int(A::Status) << qint64(500) << QString() << 1
            << -1 << "api:status=500";
    QTest::newRow("reset after a megabyte")
            << "upload:reset-after=1048576" << int(R::Upload) << int(A::ResetAfter)
            << qint64(1048576) << QString() << 1 << -1 << "upload:reset-after=1048576";
    QTest::newRow("reset at once is allowed")
            << "upload:reset-after=0" << int(R::Upload) << int(A::ResetAfter) << qint64(0)
            << QString() << 1 << -1 << "upload:reset-after=0";
    QTest::newRow("stall for two seconds") << "upload:stall=2" << int(R::Upload) << int(A::Stall)
                                           << qint64(2) << QString() << 1 << -1 << "upload:stall=2";
    QTest::newRow("throttle until cleared")
            << "upload:throttle=65536,count=0" << int(R::Upload) << int(A::Throttle)
            << qint64(65536) << QString() << 0 << -1 << "upload:throttle=65536,count=0";
    QTest::newRow("delay on any route") << "any:delay=250" << int(R::Any) << int(A::Delay)
                                        << qint64(250) << QString() << 1 << -1 << "any:delay=250";
    QTest::newRow("malformed json takes no value")
            << "api:malformed-json" << int(R::Api) << int(A::MalformedJson) << qint64(0)
            << QString() << 1 << -1 << "api:malformed-json";
    QTest::newRow("missing field names the field")
            << "api:missing-field=fileUrl,count=3" << int(R::Api) << int(A::MissingField)
            << qint64(0) << "fileUrl" << 3 << -1 << "api:missing-field=fileUrl,count=3";
    QTest::newRow("expired policy") << "api:expired-policy" << int(R::Api) << int(A::ExpiredPolicy)
                                    << qint64(0) << QString() << 1 << -1 << "api:expired-policy";
    QTest::newRow("clock shifted backwards")
            << "api:clock-shift=-900" << int(R::Api) << int(A::ClockShift) << qint64(-900)
            << QString() << 1 << -1 << "api:clock-shift=-900";
    QTest::newRow("get route with spaces around parts")
            << "  get : status = 404 , count = 2 " << int(R::Get) << int(A::Status) << qint64(404)
            << QString() << 2 << -1 << "get:status=404,count=2";
    QTest::newRow("chat route is reserved but parses")
            << "chat:delay=10" << int(R::Chat) << int(A::Delay) << qint64(10) << QString() << 1
            << -1 << "chat:delay=10";
    QTest::newRow("upper-case route and action")
            << "UPLOAD:STATUS=500" << int(R::Upload) << int(A::Status) << qint64(500) << QString()
            << 1 << -1 << "upload:status=500";
}

void TestFaultSpec::parsesValidSpecs()
{
    QFETCH(QString, text);
    QFETCH(int, route);
    QFETCH(int, action);
    QFETCH(qint64, value);
    QFETCH(QString, field);
    QFETCH(int, count);
    QFETCH(int, retryAfter);
    QFETCH(QString, canonical);

    QString error = QStringLiteral("stale");
    const auto spec = FaultSpec::parse(text, &error);
    QVERIFY2(spec, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(int(spec->route), route);
    QCOMPARE(int(spec->action), action);
    QCOMPARE(spec->value, value);
    QCOMPARE(spec->field, field);
    QCOMPARE(spec->count, count);
    QCOMPARE(spec->retryAfterSeconds, retryAfter);
    QCOMPARE(spec->toString(), canonical);
    // The canonical text parses back to the same spec.
    const auto again = FaultSpec::parse(spec->toString(), nullptr);
    QVERIFY(again);
    QCOMPARE(again->toString(), canonical);
}

void TestFaultSpec::rejectsBadSpecs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("empty text") << ""
                                << "missing ':'";
    QTest::newRow("no colon") << "upload"
                              << "missing ':'";
    QTest::newRow("unknown route") << "bucket:status=500"
                                   << "unknown route \"bucket\"";
    QTest::newRow("no action") << "upload:"
                               << "missing action";
    QTest::newRow("unknown action") << "upload:explode"
                                    << "unknown action \"explode\"";
    QTest::newRow("status without a code") << "upload:status"
                                           << "needs a value";
    QTest::newRow("status with an empty code") << "upload:status="
                                               << "needs a value";
    QTest::newRow("status not a number") << "upload:status=abc"
                                         << "not an integer";
    QTest::newRow("status out of range") << "upload:status=999"
                                         << "between 100 and 599";
    QTest::newRow("negative reset") << "upload:reset-after=-1"
                                    << "must not be negative";
    QTest::newRow("zero stall") << "upload:stall=0"
                                << "greater than 0";
    QTest::newRow("zero throttle") << "upload:throttle=0"
                                   << "greater than 0";
    QTest::newRow("value on a flag action") << "api:malformed-json=1"
                                            << "takes no value";
    QTest::newRow("missing field without a name") << "api:missing-field"
                                                  << "needs a value";
    QTest::newRow("negative count") << "upload:status=500,count=-1"
                                    << "count must be";
    QTest::newRow("count not a number") << "upload:status=500,count=many"
                                        << "count must be";
    QTest::newRow("count given twice") << "upload:status=500,count=1,count=2"
                                       << "count given twice";
    QTest::newRow("retry-after on a reset") << "upload:reset-after=10,retry-after=1"
                                            << "only applies to the status";
    QTest::newRow("negative retry-after") << "upload:status=503,retry-after=-2"
                                          << "retry-after must be";
    QTest::newRow("unknown option") << "upload:status=503,times=2"
                                    << "unknown option \"times=2\"";
}

void TestFaultSpec::rejectsBadSpecs()
{
    QFETCH(QString, text);
    QFETCH(QString, errorPart);
    QString error;
    const auto spec = FaultSpec::parse(text, &error);
    QVERIFY(!spec);
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void TestFaultSpec::injectorCountsFirings()
{
    FaultInjector injector;
    QString error;
    const int twice = injector.add(QStringLiteral("upload:status=503,count=2"), &error);
    const int forever = injector.add(QStringLiteral("api:delay=5,count=0"), &error);
    QVERIFY(twice > 0 && forever > 0);
    QCOMPARE(injector.add(QStringLiteral("nonsense"), &error), 0);
    QVERIFY(!error.isEmpty());

    for (int i = 0; i < 3; ++i)
        injector.take(FaultSpec::Route::Upload, FaultSpec::Action::Status);
    for (int i = 0; i < 5; ++i)
        QVERIFY(injector.take(FaultSpec::Route::Api, FaultSpec::Action::Delay));
    QCOMPARE(injector.firedCount(twice), 2);
    QCOMPARE(injector.firedCount(forever), 5);
    QCOMPARE(injector.totalFired(), 7);
    QCOMPARE(injector.entries().at(0).remaining, 0);
    QCOMPARE(injector.entries().at(1).remaining, -1);
    injector.clear();
    QVERIFY(!injector.take(FaultSpec::Route::Api, FaultSpec::Action::Delay));
}

void TestFaultSpec::injectorMatchesRoutes()
{
    FaultInjector injector;
    injector.add(*FaultSpec::parse(QStringLiteral("any:status=500,count=0"), nullptr));
    QVERIFY(injector.take(FaultSpec::Route::Get, FaultSpec::Action::Status));
    QVERIFY(injector.take(FaultSpec::Route::Api, FaultSpec::Action::Status));
    QVERIFY(!injector.take(FaultSpec::Route::Api, FaultSpec::Action::Delay));
    FaultInjector uploadsOnly;
    uploadsOnly.add(*FaultSpec::parse(QStringLiteral("upload:status=500"), nullptr));
    QVERIFY(!uploadsOnly.take(FaultSpec::Route::Api, FaultSpec::Action::Status));
    QVERIFY(uploadsOnly.take(FaultSpec::Route::Upload, FaultSpec::Action::Status));
}

QTEST_GUILESS_MAIN(TestFaultSpec)
#include "testfaultspec.moc"
