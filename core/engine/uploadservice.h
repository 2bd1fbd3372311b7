// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engineconfig.h"
#include "jobsnapshot.h"
#include "storage/historyentry.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QThread>

namespace Typebot {

class JobDatabase;
class UploadEngine;

// The thread-safe face of the engine for the GUI. The engine, its network access manager
// and every job live in a worker thread, because QNAM reads upload data in its own
// thread and a busy GUI must not slow uploads. Calls are queued; results come back as
// immutable snapshots through queued signals.
class UploadService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadService)

public:
    explicit UploadService(QObject *parent = nullptr);
    ~UploadService() override;

    void setConfig(const EngineConfig &config);
    // Opens the durable queue in the worker thread and restores what it holds; answers
    // with journalOpened(). An empty path means JobDatabase::defaultPath().
    void openJournal(const QString &path = QString());
    // History of stored files (newest first); answered by historyLoaded().
    void requestHistory(const QString &filter = QString(), int limit = 1000);
    void removeHistory(const QList<quint64> &ids);
    // A file another engine stored (the bot tester's): into History like the queue's own.
    void recordStoredElsewhere(const JobSnapshot &job, const QString &profileName,
                               const QString &sessionId);
    // Forgets history entries stored more than `days` ago (0: keep all); historyChanged()
    // follows when any were removed.
    void applyHistoryRetention(int days);
    void addPaths(const QStringList &paths, bool recursive = true);
    void pause();
    void resume();
    void cancel(const QList<quint64> &ids);
    void cancelAll();
    void retry(const QList<quint64> &ids); // waiting ones retry now, see UploadEngine::retry
    void retryAllFailed();
    void remove(const QList<quint64> &ids);
    void clearFinished();

    // For tests and diagnostics: the engine object living in the worker thread.
    UploadEngine *engineForTesting() const { return m_engine; }
    QThread *workerThread() { return &m_thread; }

Q_SIGNALS:
    void jobsAdded(const QList<Typebot::JobSnapshot> &jobs);
    void jobsChanged(const QList<Typebot::JobSnapshot> &jobs);
    void jobsRemoved(const QList<quint64> &ids);
    void statsChanged(const Typebot::QueueStats &stats);
    void jobFinished(const Typebot::JobSnapshot &job);
    void idle();
    void serverLearned(const QUrl &apiBase, const Typebot::ServerKnowledge &knowledge);
    // persistent false: the file could not be used and `problem` says why; the queue then
    // lives in memory for this run.
    void journalOpened(bool persistent, const QString &problem, int restoredJobs);
    // The journal stopped taking writes (a full disk); outcomes wait in memory until it does.
    void journalWriteFailed(const QString &problem);
    void historyLoaded(const QList<Typebot::HistoryEntry> &entries);
    void historyChanged(); // a file was stored or entries were removed

private:
    template<typename F>
    void post(F &&function);

    QThread m_thread;
    UploadEngine *m_engine;
    JobDatabase *m_database = nullptr; // created, used and deleted in the worker thread
};

} // namespace Typebot
