// SPDX-License-Identifier: GPL-3.0-or-later
// How the command line tells a failure: the line for people (ConsoleOutput::failureText) in
// plain words without codes, and the --json fields that carry the codes for scripts.
#include "consoleoutput.h"
#include "jsonlinewriter.h"

#include <QJsonObject>
#include <QTest>

using Typebot::JobFailure;
using Typebot::JobSnapshot;
using Typebot::JobState;
using TypebotCli::ConsoleOutput;
using TypebotCli::JsonLineWriter;
using Kind = JobFailure::Kind;
using Step = JobFailure::Step;

namespace {

JobSnapshot failedJob(Kind kind, Step step, int status, const QString &code,
                      const QString &said = QString(), const QString &detail = QString())
{
    JobSnapshot job;
    job.id = 7;
    job.filePath = QStringLiteral("/home/ana/scan.pdf");
    job.displayName = QStringLiteral("scan.pdf");
    job.size = 2'000'000;
    job.state = JobState::Value::Failed;
    job.failure.kind = kind;
    job.failure.step = step;
    job.failure.httpStatus = status;
    job.failure.code = code;
    job.failure.serverMessage = said;
    job.failure.detail = detail;
    job.failure.attempts = 1;
    return job;
}

} // namespace

class TestCliFailureText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void line_data();
    void line();
    void jsonFields_data();
    void jsonFields();
};

void TestCliFailureText::line_data()
{
    QTest::addColumn<JobSnapshot>("job");
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("code"); // must not be in the line

    JobSnapshot gaveUp = failedJob(Kind::StorageError, Step::Upload, 500,
                                   QStringLiteral("InternalError"), QStringLiteral("We failed."));
    gaveUp.failure.attempts = 5;
    QTest::newRow("a storage error after five attempts, without [InternalError]")
            << gaveUp << false
            << QStringLiteral("The file storage had a problem and could not keep the file (it "
                              "answered 500). Tried 5 times. Check your connection and try "
                              "again later.")
            << QStringLiteral("InternalError");
    QTest::newRow("an expired link, without [PolicyExpired]")
            << failedJob(Kind::SlotExpired, Step::Ticket, 0, QStringLiteral("PolicyExpired"),
                         QString(), QStringLiteral("the upload slot expired 49 min 59 s ago"))
            << false
            << QStringLiteral("The link to upload this file expired before it could be used. The "
                              "server's clock may be wrong. Try again later, or tell the bot's "
                              "owner.")
            << QStringLiteral("PolicyExpired");
    QTest::newRow("an API refusal, without (API 400)")
            << failedJob(Kind::TypeRefused, Step::Ticket, 400, QStringLiteral("BAD_REQUEST"),
                         QStringLiteral("File type application/pdf not allowed"))
            << false
            << QStringLiteral("This bot does not accept this type of file. Check which types of "
                              "file the bot asks for, or save the file in another format.")
            << QStringLiteral("API 400");
    QTest::newRow("a folder without -r gets the hint")
            << failedJob(Kind::IsFolder, Step::File, 0, QStringLiteral("LocalFile"), QString(),
                         QStringLiteral("/home/ana is a folder, not a file"))
            << false
            << QStringLiteral("This is a folder, not a file. Pass -r to upload the files inside "
                              "it.")
            << QStringLiteral("LocalFile");
    QTest::newRow("an unreadable file keeps the system's words")
            << failedJob(Kind::FileUnreadable, Step::File, 0, QStringLiteral("LocalFile"),
                         QString(),
                         QStringLiteral("Cannot read /home/ana/scan.pdf: Permission denied"))
            << false
            << QStringLiteral("The file could not be opened for reading. Check that it exists and "
                              "that you are allowed to read it. (Cannot read /home/ana/scan.pdf: "
                              "Permission denied)")
            << QStringLiteral("LocalFile");
}

void TestCliFailureText::line()
{
    QFETCH(JobSnapshot, job);
    QFETCH(bool, recursive);
    QFETCH(QString, expected);
    QFETCH(QString, code);
    const QString line = ConsoleOutput::failureText(job, recursive);
    QCOMPARE(line, expected);
    QVERIFY2(!line.contains(code), qPrintable(line));
    QVERIFY2(!line.contains(u'['), qPrintable(line));
}

void TestCliFailureText::jsonFields_data()
{
    QTest::addColumn<JobFailure>("failure");
    QTest::addColumn<QJsonObject>("expected");

    const JobSnapshot busy =
            failedJob(Kind::ServerBusy, Step::Upload, 503, QStringLiteral("SlowDown"),
                      QStringLiteral("Please reduce your request rate."));
    QTest::newRow("a storage answer keeps its status, code and words")
            << busy.failure
            << QJsonObject{ { QStringLiteral("kind"), QStringLiteral("ServerBusy") },
                            { QStringLiteral("step"), QStringLiteral("upload") },
                            { QStringLiteral("status"), 503 },
                            { QStringLiteral("code"), QStringLiteral("SlowDown") },
                            { QStringLiteral("serverMessage"),
                              QStringLiteral("Please reduce your request rate.") } };
    const JobSnapshot refused =
            failedJob(Kind::Unreachable, Step::Ticket, 0, QStringLiteral("ConnectionRefusedError"));
    QTest::newRow("no answer has status 0")
            << refused.failure
            << QJsonObject{ { QStringLiteral("kind"), QStringLiteral("Unreachable") },
                            { QStringLiteral("step"), QStringLiteral("ticket") },
                            { QStringLiteral("status"), 0 },
                            { QStringLiteral("code"), QStringLiteral("ConnectionRefusedError") },
                            { QStringLiteral("serverMessage"), QString() } };
    QTest::newRow("no failure has the same keys, empty")
            << JobFailure()
            << QJsonObject{ { QStringLiteral("kind"), QString() },
                            { QStringLiteral("step"), QString() },
                            { QStringLiteral("status"), 0 },
                            { QStringLiteral("code"), QString() },
                            { QStringLiteral("serverMessage"), QString() } };
}

void TestCliFailureText::jsonFields()
{
    QFETCH(JobFailure, failure);
    QFETCH(QJsonObject, expected);
    QCOMPARE(JsonLineWriter::failureFields(failure), expected);
}

QTEST_GUILESS_MAIN(TestCliFailureText)
#include "testclifailuretext.moc"
