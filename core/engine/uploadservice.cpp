// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadservice.h"

#include "storage/jobdatabase.h"
#include "uploadengine.h"

namespace Typebot {

UploadService::UploadService(QObject *parent) : QObject(parent), m_engine(new UploadEngine)
{
    m_thread.setObjectName(QStringLiteral("UploadEngine"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    // Cross-thread, so these are queued: snapshots arrive in the receiver's thread.
    connect(m_engine, &UploadEngine::jobsAdded, this, &UploadService::jobsAdded);
    connect(m_engine, &UploadEngine::jobsChanged, this, &UploadService::jobsChanged);
    connect(m_engine, &UploadEngine::jobsRemoved, this, &UploadService::jobsRemoved);
    connect(m_engine, &UploadEngine::statsChanged, this, &UploadService::statsChanged);
    connect(m_engine, &UploadEngine::jobFinished, this, &UploadService::jobFinished);
    connect(m_engine, &UploadEngine::idle, this, &UploadService::idle);
    connect(m_engine, &UploadEngine::serverLearned, this, &UploadService::serverLearned);
    connect(m_engine, &UploadEngine::jobFinished, this, [this](const JobSnapshot &job) {
        if (job.state == JobState::Value::Done && m_database)
            Q_EMIT historyChanged();
    });
    m_thread.start();
}

UploadService::~UploadService()
{
    // Running uploads are aborted by the engine's destructor, in its own thread; the
    // database closes after it there, as it was opened there. Blocking: quit() ends the
    // worker's loop at once, and a cleanup merely queued before it might never run.
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(
                m_engine,
                [engine = m_engine, database = m_database] {
                    engine->setJournal(nullptr);
                    delete database;
                },
                Qt::BlockingQueuedConnection);
    else
        delete m_database;
    m_thread.quit();
    m_thread.wait();
}

template<typename F>
void UploadService::post(F &&function)
{
    QMetaObject::invokeMethod(m_engine, std::forward<F>(function), Qt::QueuedConnection);
}

void UploadService::setConfig(const EngineConfig &config)
{
    post([engine = m_engine, config] { engine->setConfig(config); });
}

void UploadService::openJournal(const QString &path)
{
    auto *database = new JobDatabase;
    m_database = database;
    post([this, engine = m_engine, database, path] {
        const bool persistent = database->open(path.isEmpty() ? JobDatabase::defaultPath() : path);
        // A full disk mid-run: said once, outcomes kept and written when space returns.
        database->setWriteProblemHandler(
                [this](const QString &problem) { Q_EMIT journalWriteFailed(problem); });
        engine->setJournal(database);
        const int restored = int(engine->restore().size());
        Q_EMIT journalOpened(persistent, database->problem(), restored);
    });
}

void UploadService::requestHistory(const QString &filter, int limit)
{
    post([this, database = m_database, filter, limit] {
        Q_EMIT historyLoaded(database ? database->history(filter, limit) : QList<HistoryEntry>());
    });
}

void UploadService::recordStoredElsewhere(const JobSnapshot &job, const QString &profileName,
                                          const QString &sessionId)
{
    post([this, database = m_database, job, profileName, sessionId] {
        if (!database || job.state != JobState::Value::Done)
            return;
        // A row of its own (the other engine's ids mean nothing here), stored at once, and
        // out of the queue again: only History keeps it.
        const QList<quint64> ids =
                database->recordQueued({ { job.filePath, job.size } }, profileName, sessionId);
        if (ids.size() != 1)
            return;
        JobSnapshot copy = job;
        copy.id = ids.first();
        database->recordState(copy);
        database->recordRemoved(ids);
        Q_EMIT historyChanged();
    });
}

void UploadService::removeHistory(const QList<quint64> &ids)
{
    post([this, database = m_database, ids] {
        if (database && database->removeHistory(ids))
            Q_EMIT historyChanged();
    });
}

void UploadService::applyHistoryRetention(int days)
{
    if (days <= 0)
        return;
    post([this, database = m_database, days] {
        if (database && database->applyRetention(days) > 0)
            Q_EMIT historyChanged();
    });
}

void UploadService::addPaths(const QStringList &paths, bool recursive)
{
    post([engine = m_engine, paths, recursive] { engine->addPaths(paths, recursive); });
}

void UploadService::pause()
{
    post([engine = m_engine] { engine->pause(); });
}

void UploadService::resume()
{
    post([engine = m_engine] { engine->resume(); });
}

void UploadService::cancel(const QList<quint64> &ids)
{
    post([engine = m_engine, ids] { engine->cancel(ids); });
}

void UploadService::cancelAll()
{
    post([engine = m_engine] { engine->cancelAll(); });
}

void UploadService::retry(const QList<quint64> &ids)
{
    post([engine = m_engine, ids] { engine->retry(ids); });
}

void UploadService::retryAllFailed()
{
    post([engine = m_engine] { engine->retryAllFailed(); });
}

void UploadService::remove(const QList<quint64> &ids)
{
    post([engine = m_engine, ids] { engine->remove(ids); });
}

void UploadService::clearFinished()
{
    post([engine = m_engine] { engine->clearFinished(); });
}

} // namespace Typebot
