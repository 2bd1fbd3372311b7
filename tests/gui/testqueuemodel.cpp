// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspane.h"
#include "engine/uploadengine.h"
#include "localization.h"
#include "profile.h"
#include "queuemodel.h"
#include "storage/jobdatabase.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using Typebot::JobDatabase;
using Typebot::JobFailure;
using Typebot::JobSnapshot;
using Typebot::JobState;
using Typebot::TimelineEntry;
using Kind = JobFailure::Kind;
using Step = JobFailure::Step;

namespace {

JobSnapshot makeJob(quint64 id, JobState::Value state = JobState::Value::Queued)
{
    JobSnapshot job;
    job.id = id;
    job.filePath = QStringLiteral("/tmp/file-%1.txt").arg(id);
    job.displayName = QStringLiteral("file-%1.txt").arg(id);
    job.mimeType = QStringLiteral("text/plain");
    job.size = 1000;
    job.state = state;
    job.maxAttempts = 5;
    return job;
}

QList<JobSnapshot> makeJobs(quint64 first, int count)
{
    QList<JobSnapshot> jobs;
    for (int i = 0; i < count; ++i)
        jobs << makeJob(first + quint64(i));
    return jobs;
}

const QDateTime Now = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

JobFailure failureOf(Kind kind, Step step, int status, const QString &code,
                     const QString &said = QString())
{
    JobFailure failure;
    failure.kind = kind;
    failure.step = step;
    failure.httpStatus = status;
    failure.code = code;
    failure.serverMessage = said;
    failure.attempts = 1;
    failure.at = Now;
    return failure;
}

} // namespace

// The queue table: structure checked by QAbstractItemModelTester, the words of each
// state, and how changes are announced.
class TestQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelTesterWithBatches();
    void statusText_data();
    void statusText();
    void destinationText_data();
    void destinationText();
    void waitingToRetryDrawsNoBar();
    void toolTipSaysWhatToDo_data();
    void toolTipSaysWhatToDo();
    void restoredFailureReadsInTodaysLanguage();
    void dataChangedOnlyForChangedColumns();
    void dataChangedFullRangeWhenMostRowsChange();
    void tenThousandRowsInOneBatch();
    void scatteredRemovalStaysConsistent();
};

void TestQueueModel::initTestCase()
{
    Localization::install(QStringLiteral("en")); // English plural forms come from a .qm
}

void TestQueueModel::modelTesterWithBatches()
{
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addJobs(makeJobs(1, 20));
    model.addJobs(makeJobs(21, 5));
    model.addJobs(makeJobs(1, 3)); // already there: ignored
    QCOMPARE(model.rowCount(), 25);

    QList<JobSnapshot> changed;
    for (quint64 id : { 2u, 3u, 10u, 25u }) {
        JobSnapshot job = makeJob(id, JobState::Value::Uploading);
        job.bytesSent = 500;
        changed << job;
    }
    model.updateJobs(changed);
    model.flush();
    QCOMPARE(model.data(model.index(model.rowOfJob(10), QueueModel::StatusColumn)).toString(),
             QStringLiteral("Uploading 50%"));

    model.removeJobs({ 1, 2, 3, 7, 25, 999 });
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.rowOfJob(4), 0);
    QCOMPARE(model.rowOfJob(24), 19);
    QCOMPARE(model.jobAt(model.rowOfJob(10)).id, quint64(10));

    QList<quint64> all;
    for (int row = 0; row < model.rowCount(); ++row)
        all << model.jobAt(row).id;
    model.removeJobs(all);
    QCOMPARE(model.rowCount(), 0);
}

void TestQueueModel::statusText_data()
{
    QTest::addColumn<JobSnapshot>("job");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a new file is waiting") << makeJob(1) << QStringLiteral("Waiting");

    JobSnapshot ticket = makeJob(1, JobState::Value::RequestingTicket);
    ticket.attempt = 1;
    QTest::newRow("first attempt asks for a slot")
            << ticket << QStringLiteral("Getting upload slot");

    JobSnapshot uploading = makeJob(1, JobState::Value::Uploading);
    uploading.bytesSent = 437;
    QTest::newRow("uploading shows whole percent, rounded down")
            << uploading << QStringLiteral("Uploading 43%");

    JobSnapshot retry = makeJob(1, JobState::Value::WaitingToRetry);
    retry.attempt = 1;
    retry.nextRetryAt = Now.addMSecs(3200);
    QTest::newRow("a retry counts down in whole seconds")
            << retry << QStringLiteral("Retrying in 4 s (attempt 2 of 5).");

    JobSnapshot overdue = retry;
    overdue.nextRetryAt = Now.addSecs(-2);
    QTest::newRow("an overdue retry never shows negative seconds")
            << overdue << QStringLiteral("Retrying in 0 s (attempt 2 of 5).");

    JobSnapshot busy = retry;
    busy.failure = failureOf(Kind::ServerBusy, Step::Upload, 503, QStringLiteral("SlowDown"));
    busy.waitingForServer = true;
    busy.nextRetryAt = Now.addMSecs(23200);
    QTest::newRow("a busy server is waited out, and the row says why")
            << busy
            << QStringLiteral("The server is not accepting files right now (it answered 503). "
                              "Retrying in 24 s.");

    JobSnapshot unusable = retry;
    unusable.failure =
            failureOf(Kind::BadServerAnswer, Step::Ticket, 200, QStringLiteral("InvalidResponse"));
    QTest::newRow("a counted retry says why and which attempt comes")
            << unusable
            << QStringLiteral("The server sent an answer this app cannot use. Retrying in 4 s "
                              "(attempt 2 of 5).");

    JobSnapshot expired = retry;
    expired.failure =
            failureOf(Kind::SlotExpired, Step::Upload, 403, QStringLiteral("AccessDenied"));
    expired.nextRetryAt = Now;
    QTest::newRow("an expired link is renewed at once")
            << expired
            << QStringLiteral("The link to upload this file expired before it could be used. It "
                              "will get a new one and try again.");

    JobSnapshot done = makeJob(1, JobState::Value::Done);
    done.fileUrl = QStringLiteral("https://s3.example.com/typebot/file-1.txt");
    QTest::newRow("stored") << done << QStringLiteral("Stored");

    JobSnapshot tooLarge = makeJob(1, JobState::Value::Failed);
    tooLarge.size = 12'000'000;
    tooLarge.failure = failureOf(Kind::TooLarge, Step::Ticket, 400, QStringLiteral("BAD_REQUEST"),
                                 QStringLiteral("File size exceeds the 10MB limit"));
    tooLarge.failure.limitBytes = 10 * 1024 * 1024;
    QTest::newRow("too large says both sizes, not the server's sentence")
            << tooLarge
            << QStringLiteral("Failed: The file is too large for this bot: it is 12 MB and the bot "
                              "accepts at most 10 MiB (10.5 MB).");

    JobSnapshot session = makeJob(1, JobState::Value::Failed);
    session.failure = failureOf(Kind::SessionGone, Step::Ticket, 400, QStringLiteral("BAD_REQUEST"),
                                QStringLiteral("Can't find session"));
    QTest::newRow("an API refusal in plain words, without (API 400)")
            << session
            << QStringLiteral("Failed: The chat this file was meant for has ended or cannot be "
                              "found.");

    JobSnapshot gaveUp = makeJob(1, JobState::Value::Failed);
    gaveUp.attempt = 5;
    gaveUp.failure =
            failureOf(Kind::StorageError, Step::Upload, 500, QStringLiteral("InternalError"),
                      QStringLiteral("We encountered an internal error."));
    gaveUp.failure.attempts = 5;
    QTest::newRow("a storage failure after the last retry, without its code")
            << gaveUp
            << QStringLiteral("Failed: The file storage had a problem and could not keep the file "
                              "(it answered 500).");

    JobSnapshot token = makeJob(1, JobState::Value::Failed);
    token.failure = failureOf(Kind::TokenNeeded, Step::Ticket, 401, QStringLiteral("UNAUTHORIZED"));
    QTest::newRow("a missing token")
            << token << QStringLiteral("Failed: The Typebot server asks for an API token.");

    QTest::newRow("a failure with nothing recorded")
            << makeJob(1, JobState::Value::Failed) << QStringLiteral("Failed");

    QTest::newRow("canceled") << makeJob(1, JobState::Value::Canceled)
                              << QStringLiteral("Canceled");
}

void TestQueueModel::statusText()
{
    QFETCH(JobSnapshot, job);
    QFETCH(QString, expected);
    QCOMPARE(QueueModel::statusText(job, Now), expected);

    QueueModel model;
    model.setClock([] { return Now; });
    model.addJobs({ job });
    QCOMPARE(model.data(model.index(0, QueueModel::StatusColumn)).toString(), expected);
}

void TestQueueModel::toolTipSaysWhatToDo_data()
{
    QTest::addColumn<JobSnapshot>("job");
    QTest::addColumn<QString>("expected");

    JobSnapshot gaveUp = makeJob(1, JobState::Value::Failed);
    gaveUp.failure = failureOf(Kind::StorageError, Step::Upload, 500,
                               QStringLiteral("InternalError"), QStringLiteral("We failed."));
    gaveUp.failure.attempts = 5;
    QTest::newRow("a failed row says what to try")
            << gaveUp
            << QStringLiteral("The file storage had a problem and could not keep the file (it "
                              "answered 500). Tried 5 times. Check your connection and try "
                              "again later.");

    JobSnapshot busy = makeJob(1, JobState::Value::WaitingToRetry);
    busy.failure = failureOf(Kind::ServerBusy, Step::Ticket, 503, QString());
    QTest::newRow("a waiting row says what comes next")
            << busy
            << QStringLiteral("The server is not accepting files right now (it answered 503). It "
                              "will try again.");

    QTest::newRow("an uploading row has no tooltip")
            << makeJob(1, JobState::Value::Uploading) << QString();
}

void TestQueueModel::toolTipSaysWhatToDo()
{
    QFETCH(JobSnapshot, job);
    QFETCH(QString, expected);
    QueueModel model;
    model.addJobs({ job });
    const QVariant tip = model.data(model.index(0, QueueModel::StatusColumn), Qt::ToolTipRole);
    QCOMPARE(tip.toString(), expected);
    QCOMPARE(tip.isValid(), !expected.isEmpty());
}

void TestQueueModel::restoredFailureReadsInTodaysLanguage()
{
    // A run that failed a file for good...
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("q.sqlite"));
    const QString file = dir.filePath(QStringLiteral("big.bin"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(2000, 'x'));
    }
    {
        JobDatabase db;
        QVERIFY(db.open(path));
        const quint64 id = db.recordQueued({ { file, 2000 } }, QString(), QString()).value(0);
        JobSnapshot failed = makeJob(id, JobState::Value::Failed);
        failed.attempt = 1;
        failed.failure =
                failureOf(Kind::TooLarge, Step::Upload, 400, QStringLiteral("EntityTooLarge"),
                          QStringLiteral("Your proposed upload exceeds the maximum"));
        failed.failure.limitBytes = 1000;
        TimelineEntry upload;
        upload.time = Now;
        upload.kind = TimelineEntry::Kind::Upload;
        upload.attempt = 1;
        upload.httpStatus = 400;
        upload.errorCode = QStringLiteral("EntityTooLarge");
        failed.timeline = { upload };
        db.recordState(failed);
    }
    // ...is shown after a restart with its reason, not "restored from the previous session".
    JobDatabase db;
    QVERIFY(db.open(path));
    Typebot::UploadEngine engine;
    engine.setJournal(&db);
    engine.pause();
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&engine, &Typebot::UploadEngine::jobsAdded, &model, &QueueModel::addJobs);
    QCOMPARE(engine.restore().size(), 1);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex status = model.index(0, QueueModel::StatusColumn);
    const QString english = QStringLiteral(
            "Failed: The file is too large for this bot: it is 2 kB and the bot accepts at most "
            "1 kB.");
    QCOMPARE(model.data(status).toString(), english);
    QCOMPARE(model.jobAt(0).timeline.constFirst().errorCode, QStringLiteral("EntityTooLarge"));
    // The details keep what engineers need: kind, status, code and the server's words.
    const QString report = DetailsPane::reportText(model.jobAt(0));
    QVERIFY2(report.contains(QStringLiteral("Error kind: TooLarge")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("HTTP 400 \u00b7 EntityTooLarge \u00b7 \u201cYour "
                                            "proposed upload exceeds the maximum\u201d")),
             qPrintable(report));

    // The words follow the language of today's run, not the one it failed in.
    QTranslator portuguese;
    QVERIFY(portuguese.load(QStringLiteral(":/i18n/typebot-uploader_pt_BR.qm")));
    QVERIFY(QCoreApplication::installTranslator(&portuguese));
    const QString translated = model.data(status).toString();
    const QString tip = model.data(status, Qt::ToolTipRole).toString();
    QCoreApplication::removeTranslator(&portuguese);
    QVERIFY2(translated.startsWith(QStringLiteral("Falhou: O arquivo é grande demais")),
             qPrintable(translated));
    QVERIFY2(tip.contains(QStringLiteral("arquivo menor")), qPrintable(tip));
    QCOMPARE(model.data(status).toString(), english);
}

void TestQueueModel::waitingToRetryDrawsNoBar()
{
    // Every byte went out, then the server answered 503: the retry sends them all again.
    JobSnapshot job = makeJob(1, JobState::Value::WaitingToRetry);
    job.bytesSent = job.size;
    job.attempt = 1;
    QCOMPARE(QueueModel::progressOf(job), -1.0);
    job.state = JobState::Value::Uploading;
    QCOMPARE(QueueModel::progressOf(job), 1.0);
}

void TestQueueModel::dataChangedOnlyForChangedColumns()
{
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addJobs(makeJobs(1, 10));
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);

    JobSnapshot job = makeJob(4, JobState::Value::Done);
    job.fileUrl = QStringLiteral("https://s3.example.com/typebot/file-4.txt");
    model.updateJobs({ job });
    QCOMPARE(spy.count(), 0); // throttled: nothing before the flush

    // A second change to the same row within the interval is merged.
    JobSnapshot renamed = job;
    model.updateJobs({ renamed });
    QVERIFY(spy.wait(QueueModel::FlushIntervalMs * 4));

    QSet<int> columns;
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        const auto topLeft = arguments.at(0).value<QModelIndex>();
        const auto bottomRight = arguments.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 3);
        QCOMPARE(bottomRight.row(), 3);
        for (int column = topLeft.column(); column <= bottomRight.column(); ++column)
            columns.insert(column);
    }
    // State and URL changed: status, progress, speed, time left and link; not name or size.
    QVERIFY(!columns.contains(QueueModel::NameColumn));
    QVERIFY(!columns.contains(QueueModel::SizeColumn));
    QVERIFY(columns.contains(QueueModel::StatusColumn));
    QVERIFY(columns.contains(QueueModel::ProgressColumn));
    QVERIFY(columns.contains(QueueModel::UrlColumn));

    // Only the bytes changed: status and progress.
    spy.clear();
    JobSnapshot progress = makeJob(2, JobState::Value::Queued);
    model.updateJobs({ progress }); // identical: no signal at all
    model.flush();
    QCOMPARE(spy.count(), 0);
    progress.bytesSent = 100;
    model.updateJobs({ progress });
    model.flush();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QModelIndex>().column(), int(QueueModel::StatusColumn));
    QCOMPARE(spy.at(0).at(1).value<QModelIndex>().column(), int(QueueModel::ProgressColumn));
}

void TestQueueModel::dataChangedFullRangeWhenMostRowsChange()
{
    QueueModel model;
    model.addJobs(makeJobs(1, 10));
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    QList<JobSnapshot> changed;
    for (quint64 id = 1; id <= 6; ++id) {
        JobSnapshot job = makeJob(id, JobState::Value::Uploading);
        job.bytesSent = qint64(id) * 10;
        changed << job;
    }
    model.updateJobs(changed);
    model.flush();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
    QCOMPARE(spy.at(0).at(1).value<QModelIndex>(), model.index(9, QueueModel::ColumnCount - 1));
}

void TestQueueModel::tenThousandRowsInOneBatch()
{
    QueueModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QList<JobSnapshot> jobs = makeJobs(1, 10000);
    model.addJobs(jobs);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9999);
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(model.rowOfJob(10000), 9999);
    // How long it takes is measured by bench/bench_queuemodel, not asserted here.
}

void TestQueueModel::scatteredRemovalStaysConsistent()
{
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addJobs(makeJobs(1, 1000));
    QList<quint64> odd;
    for (quint64 id = 1; id <= 1000; id += 2)
        odd << id; // 500 separate runs: handled as one reset
    model.removeJobs(odd);
    QCOMPARE(model.rowCount(), 500);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOfJob(model.jobAt(row).id), row);
    QCOMPARE(model.jobAt(0).id, quint64(2));
}

void TestQueueModel::destinationText_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("text");
    QTest::newRow("the built-in sandbox, by its language-neutral name")
            << Profile::SandboxRecordedName << QStringLiteral("127.0.0.1")
            << QStringLiteral("Local sandbox (127.0.0.1)");
    QTest::newRow("a profile and its API host")
            << QStringLiteral("Production") << QStringLiteral("bot.example.com")
            << QStringLiteral("Production (bot.example.com)");
    QTest::newRow("restored from an older run: no host")
            << QStringLiteral("Production") << QString() << QStringLiteral("Production");
    QTest::newRow("unknown") << QString() << QString() << QString();
}

void TestQueueModel::destinationText()
{
    QFETCH(QString, profile);
    QFETCH(QString, host);
    QFETCH(QString, text);
    JobSnapshot job;
    job.destinationProfile = profile;
    job.destinationHost = host;
    QCOMPARE(DetailsPane::destinationText(job), text);
}

QTEST_MAIN(TestQueueModel)
#include "testqueuemodel.moc"
