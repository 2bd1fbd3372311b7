// SPDX-License-Identifier: GPL-3.0-or-later
// The journal's timeline column: what encode() wrote comes back, and whatever else a
// damaged database holds is read without undefined conversions (see fuzz_timelinecodec).

#include "storage/timelinecodec.h"

#include <QTest>

using namespace Typebot;

class TestTimelineCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void keepsTheLastEntries();
    void damagedColumns_data();
    void damagedColumns();
};

void TestTimelineCodec::roundTrip()
{
    TimelineEntry entry;
    entry.time = QDateTime(QDate(2026, 11, 30), QTime(3, 7, 34, 347), Qt::UTC);
    entry.kind = TimelineEntry::Kind::Ticket;
    entry.attempt = 2;
    entry.method = QStringLiteral("POST");
    entry.host = QStringLiteral("bot.example.com");
    entry.httpStatus = 400;
    entry.durationMs = 12;
    entry.errorCode = QStringLiteral("BAD_REQUEST");
    entry.message = QStringLiteral("v3/generate-upload-url: refused");
    entry.note = QStringLiteral("routeAbsent");
    entry.noteArgs = { QStringLiteral("v3/generate-upload-url"), QStringLiteral("Not found"),
                       QStringLiteral("v2/generate-upload-url") };
    const QList<TimelineEntry> back = TimelineCodec::decode(TimelineCodec::encode({ entry }));
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().time, entry.time);
    QCOMPARE(back.first().kind, entry.kind);
    QCOMPARE(back.first().attempt, 2);
    QCOMPARE(back.first().httpStatus, 400);
    QCOMPARE(back.first().durationMs, qint64(12));
    QCOMPARE(back.first().bytes, qint64(-1)); // not recorded stays not recorded
    QCOMPARE(back.first().errorCode, entry.errorCode);
    QCOMPARE(back.first().message, entry.message);
    QCOMPARE(back.first().note, entry.note); // worded again in the language of the next run
    QCOMPARE(back.first().noteArgs, entry.noteArgs);
}

void TestTimelineCodec::keepsTheLastEntries()
{
    QList<TimelineEntry> timeline;
    for (int i = 0; i < 100; ++i) {
        TimelineEntry entry;
        entry.attempt = i;
        timeline << entry;
    }
    const QList<TimelineEntry> back = TimelineCodec::decode(TimelineCodec::encode(timeline, 60));
    QCOMPARE(back.size(), 60);
    QCOMPARE(back.first().attempt, 40);
    QCOMPARE(back.last().attempt, 99);
}

void TestTimelineCodec::damagedColumns_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("entries");
    QTest::addColumn<qint64>("durationMs");
    QTest::newRow("not JSON") << QByteArray("{{{") << 0 << qint64(-1);
    QTest::newRow("not a list") << QByteArray(R"({"kind":"ticket"})") << 0 << qint64(-1);
    QTest::newRow("no objects") << QByteArray("[1, \"x\", null]") << 0 << qint64(-1);
    QTest::newRow("a duration far past qint64")
            << QByteArray(R"([{"kind":"retry","durationMs":1e300}])") << 1 << qint64(-1);
    QTest::newRow("a negative duration")
            << QByteArray(R"([{"kind":"retry","durationMs":-5}])") << 1 << qint64(-1);
    QTest::newRow("a fine one") << QByteArray(R"([{"kind":"retry","durationMs":1500}])") << 1
                                << qint64(1500);
}

void TestTimelineCodec::damagedColumns()
{
    QFETCH(QByteArray, json);
    QFETCH(int, entries);
    QFETCH(qint64, durationMs);
    const QList<TimelineEntry> back = TimelineCodec::decode(json);
    QCOMPARE(back.size(), entries);
    if (entries > 0)
        QCOMPARE(back.first().durationMs, durationMs);
}

QTEST_GUILESS_MAIN(TestTimelineCodec)
#include "testtimelinecodec.moc"
