// SPDX-License-Identifier: GPL-3.0-or-later
#include "localization.h"
#include "queuemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Typebot::JobSnapshot;
using Typebot::JobState;

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
    void waitingToRetryDrawsNoBar();
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
    QTest::newRow("503 once, retry counts down in whole seconds")
            << retry << QStringLiteral("Retrying in 4 s (attempt 2 of 5)");

    JobSnapshot overdue = retry;
    overdue.nextRetryAt = Now.addSecs(-2);
    QTest::newRow("an overdue retry never shows negative seconds")
            << overdue << QStringLiteral("Retrying in 0 s (attempt 2 of 5)");

    JobSnapshot done = makeJob(1, JobState::Value::Done);
    done.fileUrl = QStringLiteral("https://s3.example.com/typebot/file-1.txt");
    QTest::newRow("stored") << done << QStringLiteral("Stored");

    JobSnapshot failed = makeJob(1, JobState::Value::Failed);
    failed.errorMessage = QStringLiteral("file is 12 MB, this bot accepts 10 MB");
    QTest::newRow("a failure says why")
            << failed << QStringLiteral("Failed: file is 12 MB, this bot accepts 10 MB");

    JobSnapshot refused = makeJob(1, JobState::Value::Failed);
    refused.attempt = 1;
    refused.errorMessage = QStringLiteral(
            "The Typebot API refused the request (400): File size exceeds the 10MB limit");
    QTest::newRow("an API refusal shows the server's words first")
            << refused << QStringLiteral("Failed: File size exceeds the 10MB limit (API 400)");

    JobSnapshot gaveUp = makeJob(1, JobState::Value::Failed);
    gaveUp.attempt = 5;
    gaveUp.errorMessage = QStringLiteral(
            "The Typebot API failed (503): Service Unavailable (gave up after 5 attempts)");
    QTest::newRow("an API failure after the last retry says how many attempts")
            << gaveUp << QStringLiteral("Failed after 5 attempts: Service Unavailable (API 503)");

    JobSnapshot token = makeJob(1, JobState::Value::Failed);
    token.errorMessage = QStringLiteral("The Typebot API wants an API token (401): Unauthorized");
    QTest::newRow("a missing token keeps the whole sentence, which says what to do")
            << token
            << QStringLiteral("Failed: The Typebot API wants an API token (401): Unauthorized");

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

QTEST_MAIN(TestQueueModel)
#include "testqueuemodel.moc"
