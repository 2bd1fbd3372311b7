// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/routememory.h"
#include "engineconfig.h"
#include "folderscanner.h"
#include "jobjournal.h"
#include "jobsnapshot.h"
#include "speedmeter.h"
#include "transfer/uploadtransport.h"
#include "uploadjob.h"
#include "uploadnames.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <map>
#include <memory>
#include <set>

class QNetworkAccessManager;

namespace Typebot {
class BandwidthLimiter;
}

namespace Typebot {

// The queue: owns the jobs, starts up to `concurrency` of them in order, and publishes
// batched snapshots a few times per second. It lives in one thread (the engine thread
// behind UploadService in the GUI; the main thread in the CLI and tests).
class UploadEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadEngine)

public:
    static constexpr int FlushIntervalMs = 250;

    explicit UploadEngine(QObject *parent = nullptr);
    ~UploadEngine() override;

    void setConfig(const EngineConfig &config);
    EngineConfig config() const { return m_config; }
    // For tests: a fake transport, a fixed clock.
    void setTransportFactory(UploadTransportFactory factory);
    void setClock(std::function<QDateTime()> clock);
    // Not owned; lives in this engine's thread. Every file is written to it before any
    // network request, and each state change that matters as it happens.
    void setJournal(JobJournal *journal);
    enum class RestoreScope { Everything, UnfinishedOnly };
    // Reloads the journal's queue: finished files as they ended (unless UnfinishedOnly),
    // the rest requeued with a fresh ticket (tickets expire), vanished files failed with
    // that reason.
    QList<quint64> restore(RestoreScope scope = RestoreScope::Everything);
    // Stops writing to the journal without touching it, so that what is aborted now (an
    // interrupted command line run) stays queued there for a later restore.
    void detachJournal() { m_journal = nullptr; }

    // Files and folders (expanded recursively when `recursive`; else a folder fails with
    // a reason). Returns the new jobs' ids in order.
    QList<quint64> addPaths(const QStringList &paths, bool recursive = true);

    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    void cancel(const QList<quint64> &ids);
    void cancelAll();
    // Failed and canceled jobs are queued again; jobs waiting to retry try again now.
    void retry(const QList<quint64> &ids);
    void retryAllFailed();
    void remove(const QList<quint64> &ids); // running jobs are canceled first
    void clearFinished(); // removes Done and Canceled jobs

    QList<JobSnapshot> snapshots() const;
    JobSnapshot snapshot(quint64 id) const;
    QueueStats stats() const;
    int count() const { return int(m_jobs.size()); }

    // Sends pending batched changes now (tests and shutdown).
    void flush();

Q_SIGNALS:
    void jobsAdded(const QList<Typebot::JobSnapshot> &jobs);
    void jobsChanged(const QList<Typebot::JobSnapshot> &jobs); // batched
    void jobsRemoved(const QList<quint64> &ids);
    void statsChanged(const Typebot::QueueStats &stats);
    void jobFinished(const Typebot::JobSnapshot &job); // immediate, once per run
    void idle(); // nothing queued or running any more
    // The API base's route or sending style was learned or changed: worth persisting.
    void serverLearned(const QUrl &apiBase, const Typebot::ServerKnowledge &knowledge);
    // A request a job made (its ticket's, its upload's), as sent, with the answer: what
    // -vv prints. Secrets in it are redacted by whoever shows it.
    void exchangeRecorded(quint64 id, const Typebot::HttpExchange &exchange);

private:
    void schedule();
    void markDirty(quint64 id);
    void handleJobFinished(UploadJob *job);
    void sampleSpeeds();
    void checkIdle();
    void watchReachability();
    void resetUploadNames();
    // Files still waiting go where the config points now: the journal says so.
    void recordWaitingDestination();
    void chooseTransport();
    UploadJob *createJob(quint64 id, const QString &path);
    bool checkNewJob(UploadJob *job);
    // jobsAdded, then jobFinished for the refused ones, then scheduling.
    void announceAdded(const QList<JobSnapshot> &added, const QList<JobSnapshot> &refused);
    void handleStateChanged(UploadJob *job, JobState::Value state);
    static QList<FolderScanner::Found> expand(const QStringList &paths, bool recursive);

    EngineConfig m_config;
    JobEnvironment m_env;
    JobJournal *m_journal = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    RouteMemory *m_routes = nullptr;
    UploadNames m_names;
    std::shared_ptr<BandwidthLimiter> m_limiter; // shared by every upload of this engine
    UploadTransportFactory m_curlFactory; // one CurlMulti in the engine's thread
    UploadTransportFactory m_testFactory; // replaces the configured kind when set
    std::map<quint64, UploadJob *> m_jobs; // ordered by id: the queue order
    QHash<quint64, SpeedMeter> m_speeds;
    double m_lastTotalSpeed = 0.0;
    QSet<quint64> m_dirty;
    std::set<quint64> m_queued; // waiting for a slot, in queue order
    QSet<quint64> m_active;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
    bool m_paused = false;
    bool m_statsDirty = false;
    bool m_wasIdle = true;
};

} // namespace Typebot
