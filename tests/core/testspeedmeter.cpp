// SPDX-License-Identifier: GPL-3.0-or-later
// SpeedMeter: a smoothed rate that settles on a steady transfer, restarts cleanly when Qt
// re-sends a body from byte 0, and admits when it does not know.
#include "engine/speedmeter.h"

#include <QTest>

using Typebot::SpeedMeter;

class TestSpeedMeter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noRateBeforeTwoSamples();
    void steadyRateIsExact();
    void rateConvergesAfterAChange_data();
    void rateConvergesAfterAChange();
    void halfLifeWeighting();
    void shortIntervalsAreIgnored();
    void restartFromZeroResets();
    void clockGoingBackwardsResets();
    void resetForgetsEverything();
    void eta_data();
    void eta();
};

void TestSpeedMeter::noRateBeforeTwoSamples()
{
    SpeedMeter meter;
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    QCOMPARE(meter.etaSeconds(1000), qint64(-1));
    meter.addSample(0, 0);
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    QCOMPARE(meter.etaSeconds(1000), qint64(-1));
}

void TestSpeedMeter::steadyRateIsExact()
{
    SpeedMeter meter;
    for (qint64 ms = 0; ms <= 10000; ms += 250)
        meter.addSample(ms, ms * 1000); // 1 000 000 bytes/s
    QCOMPARE(meter.bytesPerSecond(), 1000000.0);
    QCOMPARE(meter.etaSeconds(2500000), qint64(3)); // 2.5 s rounds up
}

void TestSpeedMeter::rateConvergesAfterAChange_data()
{
    QTest::addColumn<double>("before");
    QTest::addColumn<double>("after");

    QTest::newRow("slows from 4 MB/s to 1 MB/s") << 4000000.0 << 1000000.0;
    QTest::newRow("speeds up from 100 KB/s to 2 MB/s") << 100000.0 << 2000000.0;
}

void TestSpeedMeter::rateConvergesAfterAChange()
{
    QFETCH(double, before);
    QFETCH(double, after);

    SpeedMeter meter(2.0);
    qint64 bytes = 0;
    qint64 ms = 0;
    meter.addSample(ms, bytes);
    for (int i = 0; i < 20; ++i) { // 10 s at the first rate
        ms += 500;
        bytes += qint64(before / 2);
        meter.addSample(ms, bytes);
    }
    QVERIFY(qAbs(meter.bytesPerSecond() - before) < before * 0.001);

    for (int i = 0; i < 4; ++i) { // 2 s = one half-life at the new rate
        ms += 500;
        bytes += qint64(after / 2);
        meter.addSample(ms, bytes);
    }
    // Half-way there after one half-life: smoothed, not jumping.
    QVERIFY2(qAbs(meter.bytesPerSecond() - (before + after) / 2) < qAbs(before - after) * 0.01,
             qPrintable(QString::number(meter.bytesPerSecond())));

    for (int i = 0; i < 36; ++i) { // 18 s more: ten half-lives in all
        ms += 500;
        bytes += qint64(after / 2);
        meter.addSample(ms, bytes);
    }
    QVERIFY2(qAbs(meter.bytesPerSecond() - after) < qAbs(before - after) * 0.002,
             qPrintable(QString::number(meter.bytesPerSecond())));
}

void TestSpeedMeter::halfLifeWeighting()
{
    SpeedMeter meter(2.0);
    meter.addSample(0, 0);
    meter.addSample(1000, 1000); // 1000 B/s: the first measured rate is taken as is
    QCOMPARE(meter.bytesPerSecond(), 1000.0);
    meter.addSample(3000, 7000); // 3000 B/s over exactly one half-life: half-way
    QCOMPARE(meter.bytesPerSecond(), 2000.0);
}

void TestSpeedMeter::shortIntervalsAreIgnored()
{
    SpeedMeter meter;
    meter.addSample(0, 0);
    meter.addSample(50, 1000000); // 50 ms is too short to say anything
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    meter.addSample(99, 1000000);
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    meter.addSample(100, 1000000); // measured from the last accepted sample, t = 0
    QCOMPARE(meter.bytesPerSecond(), 10000000.0);
}

void TestSpeedMeter::restartFromZeroResets()
{
    SpeedMeter meter;
    meter.addSample(0, 0);
    meter.addSample(1000, 5000000);
    QCOMPARE(meter.bytesPerSecond(), 5000000.0);

    meter.addSample(1500, 0); // Qt re-sent the body from byte 0
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    QCOMPARE(meter.etaSeconds(1000), qint64(-1));

    meter.addSample(2500, 2000000); // the new attempt is measured on its own
    QCOMPARE(meter.bytesPerSecond(), 2000000.0);
}

void TestSpeedMeter::clockGoingBackwardsResets()
{
    SpeedMeter meter;
    meter.addSample(5000, 0);
    meter.addSample(6000, 1000000);
    QCOMPARE(meter.bytesPerSecond(), 1000000.0);
    meter.addSample(100, 1200000); // a new elapsed timer
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    meter.addSample(1100, 1700000);
    QCOMPARE(meter.bytesPerSecond(), 500000.0);
}

void TestSpeedMeter::resetForgetsEverything()
{
    SpeedMeter meter;
    meter.addSample(0, 0);
    meter.addSample(1000, 1000000);
    meter.reset();
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    QCOMPARE(meter.etaSeconds(10), qint64(-1));
    meter.addSample(2000, 0); // a baseline again, not a rate
    QCOMPARE(meter.bytesPerSecond(), 0.0);
    meter.addSample(3000, 300000);
    QCOMPARE(meter.bytesPerSecond(), 300000.0);
}

void TestSpeedMeter::eta_data()
{
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<qint64>("eta");

    // At 1 MB/s (1 048 576 bytes per second).
    QTest::newRow("nothing left") << qint64(0) << qint64(0);
    QTest::newRow("one byte left rounds up to a second") << qint64(1) << qint64(1);
    QTest::newRow("exactly 10 s") << qint64(10485760) << qint64(10);
    QTest::newRow("a byte over 10 s") << qint64(10485761) << qint64(11);
    QTest::newRow("an hour") << qint64(3600) * 1048576 << qint64(3600);
    QTest::newRow("negative remaining is unknown") << qint64(-1) << qint64(-1);
}

void TestSpeedMeter::eta()
{
    QFETCH(qint64, remaining);
    QFETCH(qint64, eta);

    SpeedMeter meter;
    meter.addSample(0, 0);
    meter.addSample(1000, 1048576);
    QCOMPARE(meter.etaSeconds(remaining), eta);
}

QTEST_GUILESS_MAIN(TestSpeedMeter)
#include "testspeedmeter.moc"
