// SPDX-License-Identifier: GPL-3.0-or-later
// How long the queue table takes to take in 10,000 files at once, and to apply a round
// of progress updates to all of them: the GUI must stay responsive at that size.
// Run by hand: build/bench/bench_queuemodel (QBENCHMARK; add -iterations N as wanted).

#include "queuemodel.h"

#include <QTest>

using namespace Typebot;

namespace {
QList<JobSnapshot> makeJobs(int count, JobState::Value state, qint64 sent)
{
    QList<JobSnapshot> jobs;
    jobs.reserve(count);
    for (int i = 0; i < count; ++i) {
        JobSnapshot job;
        job.id = quint64(i + 1);
        job.filePath = QStringLiteral("/data/file-%1.bin").arg(i);
        job.displayName = QStringLiteral("file-%1.bin").arg(i);
        job.mimeType = QStringLiteral("application/octet-stream");
        job.size = 1000000;
        job.bytesSent = sent;
        job.state = state;
        job.maxAttempts = 5;
        jobs << job;
    }
    return jobs;
}
} // namespace

class BenchQueueModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addTenThousandRows()
    {
        const QList<JobSnapshot> jobs = makeJobs(10000, JobState::Value::Queued, 0);
        QBENCHMARK {
            QueueModel model;
            model.addJobs(jobs);
        }
    }

    void updateTenThousandRows()
    {
        QueueModel model;
        model.addJobs(makeJobs(10000, JobState::Value::Queued, 0));
        const QList<JobSnapshot> progress = makeJobs(10000, JobState::Value::Uploading, 500000);
        QBENCHMARK {
            model.updateJobs(progress);
            model.flush();
        }
    }
};

QTEST_MAIN(BenchQueueModel)
#include "benchqueuemodel.moc"
