// SPDX-License-Identifier: GPL-3.0-or-later
// FailureWording: every kind of failure in words a person can act on, with the codes, the
// statuses and the server's raw words kept for technical() (the details pane, -v, --json).
#include "engine/failurewording.h"

#include <QLocale>
#include <QMetaEnum>
#include <QTest>

using Typebot::FailureWording;
using Typebot::JobFailure;
using Kind = JobFailure::Kind;
using Step = JobFailure::Step;
using Outlook = FailureWording::Outlook;

namespace {

JobFailure failure(Kind kind, Step step, int status = 0, const QString &code = QString(),
                   const QString &said = QString())
{
    JobFailure f;
    f.kind = kind;
    f.step = step;
    f.httpStatus = status;
    f.code = code;
    f.serverMessage = said;
    f.attempts = 1;
    return f;
}

} // namespace

class TestFailureWording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explanation_data();
    void explanation();
    void everyKindIsWordedWithoutCodes_data();
    void everyKindIsWordedWithoutCodes();
    void technicalKeepsTheFacts();
};

void TestFailureWording::explanation_data()
{
    QTest::addColumn<JobFailure>("failure");
    QTest::addColumn<Outlook>("outlook");
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<QString>("expected");

    QTest::newRow("an expired link is renewed")
            << failure(Kind::SlotExpired, Step::Upload, 403, QStringLiteral("AccessDenied"),
                       QStringLiteral("Invalid according to Policy: Policy expired."))
            << Outlook::Retrying << qint64(-1)
            << QStringLiteral("The link to upload this file expired before it could be used. It "
                              "will get a new one and try again.");
    QTest::newRow("a link already expired on arrival points at the clock")
            << failure(Kind::SlotExpired, Step::Ticket, 0, QStringLiteral("PolicyExpired"))
            << Outlook::Final << qint64(-1)
            << QStringLiteral("The link to upload this file expired before it could be used. The "
                              "server's clock may be wrong. Try again later, or tell the bot's "
                              "owner.");
    QTest::newRow("a busy server says its status and that it will retry")
            << failure(Kind::ServerBusy, Step::Upload, 503, QStringLiteral("SlowDown"))
            << Outlook::Retrying << qint64(-1)
            << QStringLiteral("The server is not accepting files right now (it answered 503). It "
                              "will try again.");
    JobFailure gaveUp = failure(Kind::StorageError, Step::Upload, 500,
                                QStringLiteral("InternalError"), QStringLiteral("We failed"));
    gaveUp.attempts = 5;
    QTest::newRow("a storage error after the last attempt says how often it tried")
            << gaveUp << Outlook::Final << qint64(-1)
            << QStringLiteral("The file storage had a problem and could not keep the file (it "
                              "answered 500). Tried 5 times. Check your connection and try "
                              "again later.");
    JobFailure tooLarge = failure(Kind::TooLarge, Step::Ticket, 400, QStringLiteral("BAD_REQUEST"),
                                  QStringLiteral("File size exceeds the 10MB limit"));
    tooLarge.limitBytes = 10 * 1024 * 1024;
    QTest::newRow("too large names both sizes")
            << tooLarge << Outlook::Final << qint64(12'000'000)
            << QStringLiteral("The file is too large for this bot: it is 12 MB and the bot accepts "
                              "at most 10 MiB (10.5 MB). Send a smaller file, or ask the bot's "
                              "owner to raise the limit.");
    QTest::newRow("just over the limit: exact bytes, not two equal roundings")
            << tooLarge << Outlook::Final << qint64(10 * 1024 * 1024 + 1)
            << QStringLiteral("The file is too large for this bot: it is %1 bytes and the bot "
                              "accepts at most %2 bytes (10 MiB). Send a smaller file, or ask "
                              "the bot's owner to raise the limit.")
                       .arg(QLocale().toString(10 * 1024 * 1024 + 1),
                            QLocale().toString(10 * 1024 * 1024));
    QTest::newRow("a session that ended")
            << failure(Kind::SessionGone, Step::Ticket, 400, QStringLiteral("BAD_REQUEST"),
                       QStringLiteral("Can't find session"))
            << Outlook::Final << qint64(-1)
            << QStringLiteral("The chat this file was meant for has ended or cannot be found. "
                              "Start a new chat with the bot and send the file there.");
    QTest::newRow("a missing token")
            << failure(Kind::TokenNeeded, Step::Ticket, 401, QStringLiteral("UNAUTHORIZED"))
            << Outlook::Final << qint64(-1)
            << QStringLiteral("The Typebot server asks for an API token. Add the API token to the "
                              "profile in the settings.");
    QTest::newRow("the storage refuses the server's signature")
            << failure(Kind::StorageRefused, Step::Upload, 403,
                       QStringLiteral("SignatureDoesNotMatch"))
            << Outlook::Final << qint64(-1)
            << QStringLiteral("The file storage did not accept the upload link the Typebot server "
                              "gave (it answered 403). This is a problem with the server's storage "
                              "settings; ask the bot's owner to fix it.");
    QTest::newRow("the API is unreachable")
            << failure(Kind::Unreachable, Step::Ticket, 0, QStringLiteral("ConnectionRefusedError"))
            << Outlook::Final << qint64(-1)
            << QStringLiteral("The Typebot server could not be reached. Check your connection and "
                              "try again later.");
    JobFailure legacy = failure(Kind::Other, Step::None);
    legacy.detail = QStringLiteral("Something from an older version");
    QTest::newRow("a failure recorded before kinds existed keeps its words")
            << legacy << Outlook::Final << qint64(-1)
            << QStringLiteral("The upload failed: Something from an older version Try again; if "
                              "it fails again, copy the report for the bot's owner.");
    QTest::newRow("a cancel needs no advice")
            << failure(Kind::Canceled, Step::None) << Outlook::Final << qint64(-1)
            << QStringLiteral("The upload was canceled.");
}

void TestFailureWording::explanation()
{
    QFETCH(JobFailure, failure);
    QFETCH(Outlook, outlook);
    QFETCH(qint64, fileSize);
    QFETCH(QString, expected);
    QCOMPARE(FailureWording::explanation(failure, outlook, fileSize), expected);
}

void TestFailureWording::everyKindIsWordedWithoutCodes_data()
{
    QTest::addColumn<JobFailure::Kind>("kind");
    const QMetaEnum kinds = QMetaEnum::fromType<Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        if (Kind(kinds.value(i)) != Kind::None)
            QTest::newRow(kinds.key(i)) << Kind(kinds.value(i));
    }
}

void TestFailureWording::everyKindIsWordedWithoutCodes()
{
    QFETCH(JobFailure::Kind, kind);
    for (const Step step : { Step::File, Step::Ticket, Step::Upload }) {
        JobFailure f = failure(kind, step, 418, QStringLiteral("PolicyExpired"),
                               QStringLiteral("raw words from the server"));
        f.attempts = 3;
        for (const Outlook outlook : { Outlook::Final, Outlook::Retrying }) {
            const QString text = FailureWording::explanation(f, outlook, 1000);
            QVERIFY2(text.size() > 20, qPrintable(text));
            QVERIFY2(text.endsWith(u'.'), qPrintable(text));
            // What engineers read stays out of the sentence a person reads.
            for (const QString &engineering :
                 { QStringLiteral("PolicyExpired"), QStringLiteral("raw words"),
                   QStringLiteral("["), QStringLiteral("API 4"), QStringLiteral("Qt "),
                   QStringLiteral("HTTP") })
                QVERIFY2(!text.contains(engineering), qPrintable(text));
            if (outlook == Outlook::Final && kind != Kind::Canceled)
                QVERIFY2(!FailureWording::whatToDo(f, outlook).isEmpty(), qPrintable(text));
        }
    }
}

void TestFailureWording::technicalKeepsTheFacts()
{
    JobFailure f = failure(Kind::ServerBusy, Step::Upload, 503, QStringLiteral("SlowDown"),
                           QStringLiteral("Please reduce your request rate."));
    f.attempts = 5;
    QCOMPARE(FailureWording::technical(f),
             QStringLiteral("HTTP 503 \u00b7 SlowDown \u00b7 \u201cPlease reduce your request "
                            "rate.\u201d \u00b7 sending the file \u00b7 attempts: 5"));
    QVERIFY(FailureWording::technical(JobFailure()).isEmpty());
}

QTEST_GUILESS_MAIN(TestFailureWording)
#include "testfailurewording.moc"
