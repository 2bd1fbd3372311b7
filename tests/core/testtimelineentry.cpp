// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineEntry::toText: every field a support person needs, and nothing secret.
#include "diagnostics/redactor.h"
#include "diagnostics/timelineentry.h"

#include <QLocale>
#include <QTest>

using Typebot::Redactor;
using Typebot::TimelineEntry;

namespace {

// Local time, so the text does not depend on the machine's zone.
const QDateTime at(QDate(2024, 1, 1), QTime(21, 5, 3, 120));

TimelineEntry uploadEntry()
{
    TimelineEntry entry;
    entry.time = at;
    entry.kind = TimelineEntry::Kind::Upload;
    entry.attempt = 2;
    entry.method = QStringLiteral("POST");
    entry.host = QStringLiteral("s3.example.com");
    entry.httpStatus = 503;
    entry.durationMs = 1200;
    entry.bytes = 13002342;
    entry.errorCode = QStringLiteral("SlowDown");
    entry.requestId = QStringLiteral("4442587FB7D0A2F9");
    entry.message = QStringLiteral("Please reduce your request rate.");
    return entry;
}

} // namespace

class TestTimelineEntry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void kindName_data();
    void kindName();
    void fullEntry();
    void minimalEntry();
    void zeroValuesAreShown();
    void secretsNeverAppear_data();
    void secretsNeverAppear();
    void listIsOneLinePerEntry();
};

void TestTimelineEntry::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestTimelineEntry::cleanup()
{
    Redactor::clearSecrets();
}

void TestTimelineEntry::kindName_data()
{
    QTest::addColumn<TimelineEntry::Kind>("kind");
    QTest::addColumn<QString>("name");

    QTest::newRow("ticket") << TimelineEntry::Kind::Ticket << QStringLiteral("ticket");
    QTest::newRow("upload") << TimelineEntry::Kind::Upload << QStringLiteral("upload");
    QTest::newRow("preflight") << TimelineEntry::Kind::Preflight << QStringLiteral("preflight");
    QTest::newRow("retry") << TimelineEntry::Kind::Retry << QStringLiteral("retry");
    QTest::newRow("verify") << TimelineEntry::Kind::Verify << QStringLiteral("verify");
    QTest::newRow("note") << TimelineEntry::Kind::Note << QStringLiteral("note");
}

void TestTimelineEntry::kindName()
{
    QFETCH(TimelineEntry::Kind, kind);
    QFETCH(QString, name);

    QCOMPARE(TimelineEntry::kindName(kind), name);
}

void TestTimelineEntry::fullEntry()
{
    const QString text = uploadEntry().toText();
    QCOMPARE(text,
             QStringLiteral("21:05:03.120  #2  upload  POST s3.example.com  503  SlowDown  "
                            "1.200 s  13 MB  request-id=4442587FB7D0A2F9  "
                            "Please reduce your request rate."));
    QVERIFY(!text.contains(u'\n'));
}

void TestTimelineEntry::minimalEntry()
{
    TimelineEntry entry;
    entry.time = at;
    entry.message = QStringLiteral("queued");
    QCOMPARE(entry.toText(), QStringLiteral("21:05:03.120  note  queued"));
}

void TestTimelineEntry::zeroValuesAreShown()
{
    // A zero-byte body and an instant answer are facts, not missing values.
    TimelineEntry entry;
    entry.time = at;
    entry.kind = TimelineEntry::Kind::Verify;
    entry.durationMs = 0;
    entry.bytes = 0;
    QCOMPARE(entry.toText(), QStringLiteral("21:05:03.120  verify  0.000 s  0 bytes"));
}

void TestTimelineEntry::secretsNeverAppear_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("secret");

    QTest::newRow("signature in a URL")
            << QStringLiteral("PUT https://s3.example.com/b/k?X-Amz-Credential=AKIAEXAMPLE"
                              "&X-Amz-Signature=5ec12e7deadbeef")
            << QStringLiteral("5ec12e7deadbeef");
    QTest::newRow("credential in a URL")
            << QStringLiteral("PUT https://s3.example.com/b/k?X-Amz-Credential=AKIAEXAMPLE")
            << QStringLiteral("AKIAEXAMPLE");
    QTest::newRow("bearer token") << QStringLiteral("sent Authorization: Bearer tok_abcdef123456")
                                  << QStringLiteral("tok_abcdef123456");
    QTest::newRow("policy in a JSON body")
            << QStringLiteral(R"(ticket {"formData":{"policy":"eyJleHBpcmF0aW9uIjoi"}})")
            << QStringLiteral("eyJleHBpcmF0aW9uIjoi");
    QTest::newRow("registered token") << QStringLiteral("token tbu_secret_55aa66bb was refused")
                                      << QStringLiteral("tbu_secret_55aa66bb");
}

void TestTimelineEntry::secretsNeverAppear()
{
    QFETCH(QString, message);
    QFETCH(QString, secret);

    Redactor::addSecret(QStringLiteral("tbu_secret_55aa66bb"));
    TimelineEntry entry = uploadEntry();
    entry.message = message;
    const QString text = entry.toText();
    QVERIFY2(!text.contains(secret), qPrintable(text));
    QVERIFY(text.contains(u"[redacted]"));
    QVERIFY(text.contains(u"request-id=4442587FB7D0A2F9")); // the rest survives

    // The token also goes when it lands in another field.
    entry.message.clear();
    entry.host = QStringLiteral("tbu_secret_55aa66bb.example.com");
    QVERIFY(!entry.toText().contains(u"tbu_secret_55aa66bb"));
}

void TestTimelineEntry::listIsOneLinePerEntry()
{
    TimelineEntry ticket;
    ticket.time = at;
    ticket.kind = TimelineEntry::Kind::Ticket;
    ticket.attempt = 1;
    ticket.method = QStringLiteral("POST");
    ticket.host = QStringLiteral("typebot.io");
    ticket.httpStatus = 200;
    ticket.durationMs = 85;

    TimelineEntry retry;
    retry.time = at.addMSecs(1500);
    retry.kind = TimelineEntry::Kind::Retry;
    retry.message = QStringLiteral("next try in 2 s");

    QCOMPARE(TimelineEntry::toText({ ticket, retry }),
             QStringLiteral("21:05:03.120  #1  ticket  POST typebot.io  200  0.085 s\n"
                            "21:05:04.620  retry  next try in 2 s"));
    QCOMPARE(TimelineEntry::toText(QList<TimelineEntry>()), QString());
}

QTEST_GUILESS_MAIN(TestTimelineEntry)
#include "testtimelineentry.moc"
