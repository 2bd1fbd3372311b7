// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadengine.h"

#include "api/ticketrequest.h"
#include "diagnostics/logging.h"
#include "system/nativefileinfo.h"
#include "system/nativepath.h"
#include "transfer/bandwidthlimiter.h"
#include "transfer/curluploadtransport.h"
#include "transfer/qnamuploadtransport.h"

#include <QNetworkAccessManager>
#include <QNetworkInformation>

#include <algorithm>

namespace Typebot {

UploadEngine::UploadEngine(QObject *parent)
    : QObject(parent),
      m_nam(new QNetworkAccessManager(this)),
      m_routes(new RouteMemory(this)),
      m_flushTimer(this)
{
    m_env.nam = m_nam;
    m_env.routes = m_routes;
    m_env.names = &m_names;
    connect(m_routes, &RouteMemory::knowledgeChanged, this,
            [this](const ServerKnowledge &knowledge) {
                Q_EMIT serverLearned(m_config.endpoint.apiBase, knowledge);
            });
    m_env.config = &m_config;
    m_env.ticketSourceFactory = [this](QObject *owner) -> TicketSource * {
        auto *request = new TicketRequest(m_nam, m_config.endpoint, m_routes, owner);
        request->setTimeoutMs(m_config.ticketTimeoutMs);
        request->setUserAgent(m_config.userAgent);
        return request;
    };
    m_limiter = std::make_shared<BandwidthLimiter>();
    m_curlFactory = CurlUploadTransport::lazyFactory(m_limiter);
    chooseTransport();
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &UploadEngine::flush);
    m_clock.start();
    watchReachability();
}

void UploadEngine::watchReachability()
{
    // QNAM ignores network changes. Where the platform reports reachability, a return to
    // online drops dead pooled connections and ends every retry wait at once.
    if (!QNetworkInformation::instance()
        && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability != QNetworkInformation::Reachability::Online)
                    return;
                qCInfo(lcEngine) << "network reachable again; retrying waiting uploads now";
                m_nam->clearConnectionCache();
                for (const quint64 id : std::as_const(m_active))
                    m_jobs.at(id)->retryNow();
            });
}

UploadEngine::~UploadEngine()
{
    for (auto &[id, job] : m_jobs) {
        job->disconnect(this);
        job->cancel();
    }
}

void UploadEngine::setJournal(JobJournal *journal)
{
    m_journal = journal;
    resetUploadNames();
}

void UploadEngine::resetUploadNames()
{
    // Names of this session's stored objects, from earlier runs too.
    m_names.reset(m_journal ? m_journal->storedNames(m_config.endpoint.sessionId) : QStringList());
}

void UploadEngine::setConfig(const EngineConfig &config)
{
    // What was learned belongs to one API base and is persisted by the front end, which
    // passes it back here: a new base, or a forgotten lesson, starts from what it says.
    if (config.endpoint.apiBase != m_config.endpoint.apiBase
        || config.knownServer != m_routes->knowledge())
        m_routes->reset(config.knownServer);
    const bool newSession = config.endpoint.sessionId != m_config.endpoint.sessionId
            || config.endpoint.apiBase != m_config.endpoint.apiBase;
    const bool newTransport = config.transport != m_config.transport;
    const bool newDestination = newSession || config.profileName != m_config.profileName;
    m_config = config;
    if (newDestination)
        recordWaitingDestination();
    if (newSession)
        resetUploadNames();
    if (newTransport)
        chooseTransport(); // attempts that run keep theirs; the next ones use the new kind
    m_limiter->setRate(m_config.maxUploadBytesPerSecond);
    m_config.concurrency = std::max(1, m_config.concurrency);
    schedule();
}

void UploadEngine::recordWaitingDestination()
{
    if (!m_journal)
        return;
    QList<quint64> waiting;
    for (const auto &[id, job] : m_jobs) {
        if (job->state() == JobState::Value::Queued
            || job->state() == JobState::Value::WaitingToRetry)
            waiting << id;
    }
    if (!waiting.isEmpty())
        m_journal->recordDestination(waiting, m_config.profileName, m_config.endpoint.sessionId);
    for (const quint64 id : std::as_const(waiting))
        markDirty(id); // their rows show the new destination
}

void UploadEngine::setTransportFactory(UploadTransportFactory factory)
{
    m_testFactory = std::move(factory);
    chooseTransport();
}

void UploadEngine::chooseTransport()
{
    UploadTransportFactory base = m_testFactory;
    if (!base && m_config.transport == EngineConfig::Transport::Curl)
        base = m_curlFactory;
    if (!base)
        base = [](QNetworkAccessManager *nam, QObject *owner) -> UploadTransport * {
            return new QnamUploadTransport(nam, owner);
        };
    m_env.transportFactory = std::move(base);
}

void UploadEngine::setClock(std::function<QDateTime()> clock)
{
    m_env.clock = std::move(clock);
}

QList<FolderScanner::Found> UploadEngine::expand(const QStringList &paths, bool recursive)
{
    QList<FolderScanner::Found> files;
    for (const QString &path : paths) {
        // Paths in NativePath's form: QFileInfo would stat (and absolutize) another name.
        if (!recursive || !NativeFileInfo(path).isDir()) {
            files.append({ path.startsWith(u'/') ? path : NativePath::absolute(path), {}, {} });
            continue;
        }
        // Every entry is reported: unreadable folders and links to folders as failures.
        files << FolderScanner::scan(NativePath::absolute(path));
    }
    return files;
}

UploadJob *UploadEngine::createJob(quint64 id, const QString &path)
{
    auto *job = new UploadJob(id, path, &m_env, this);
    m_jobs.emplace(id, job);
    m_nextId = std::max(m_nextId, id + 1);
    connect(job, &UploadJob::stateChanged, this,
            [this, job](JobState::Value state) { handleStateChanged(job, state); });
    connect(job, &UploadJob::progressChanged, this, [this, id] { markDirty(id); });
    connect(job, &UploadJob::finished, this, [this, job] { handleJobFinished(job); });
    connect(job, &UploadJob::exchangeRecorded, this,
            [this, id](const HttpExchange &exchange) { Q_EMIT exchangeRecorded(id, exchange); });
    return job;
}

bool UploadEngine::checkNewJob(UploadJob *job)
{
    // Quietly: a file refused on arrival is announced after jobsAdded, not before.
    const QSignalBlocker blocker(job);
    if (job->checkFile())
        return true;
    if (m_journal)
        m_journal->recordState(job->snapshot());
    return false;
}

void UploadEngine::handleStateChanged(UploadJob *job, JobState::Value state)
{
    markDirty(job->id());
    // A retry asks wherever the engine points now, which may have changed while the
    // earlier attempt ran: History must name where the file really went.
    if (m_journal && state == JobState::Value::RequestingTicket && job->attempt() > 1)
        m_journal->recordDestination({ job->id() }, m_config.profileName,
                                     m_config.endpoint.sessionId);
    // Uploading means a ticket was obtained; the rest are the outcomes and a requeue.
    if (m_journal && state != JobState::Value::RequestingTicket
        && state != JobState::Value::Finishing && state != JobState::Value::WaitingToRetry)
        m_journal->recordState(job->snapshot());
}

QList<quint64> UploadEngine::addPaths(const QStringList &paths, bool recursive)
{
    const QList<FolderScanner::Found> files = expand(paths, recursive);
    if (files.isEmpty())
        return {};
    QList<quint64> ids;
    if (m_journal) {
        QList<JobJournal::QueuedFile> queued;
        queued.reserve(files.size());
        for (const FolderScanner::Found &file : files) {
            const NativeFileInfo info(file.path);
            queued.append({ file.path, file.isFile() && info.isFile() ? info.size() : -1 });
        }
        ids = m_journal->recordQueued(queued, m_config.profileName, m_config.endpoint.sessionId);
    }
    if (ids.size() != files.size()) { // no journal, or it failed: in memory only
        ids.clear();
        for (qsizetype i = 0; i < files.size(); ++i)
            ids << m_nextId++;
    }
    QList<JobSnapshot> added;
    QList<JobSnapshot> refused; // missing, folders, unreadable: finished as soon as added
    added.reserve(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        UploadJob *job = createJob(ids.at(i), files.at(i).path);
        if (!files.at(i).isFile()) {
            const QSignalBlocker blocker(job);
            job->refuse(files.at(i).problem, files.at(i).code);
            if (m_journal)
                m_journal->recordState(job->snapshot());
            refused << job->snapshot();
        } else if (checkNewJob(job)) {
            m_queued.insert(job->id());
        } else {
            refused << job->snapshot();
        }
        added << job->snapshot();
    }
    qCInfo(lcEngine) << "queued" << ids.size() << "files";
    announceAdded(added, refused);
    return ids;
}

void UploadEngine::announceAdded(const QList<JobSnapshot> &added, const QList<JobSnapshot> &refused)
{
    if (!added.isEmpty()) {
        m_wasIdle = false;
        Q_EMIT jobsAdded(added);
        // Listeners learn of a job before they hear how it ended.
        for (const JobSnapshot &job : refused)
            Q_EMIT jobFinished(job);
        m_statsDirty = true;
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    }
    schedule();
    checkIdle();
}

QList<quint64> UploadEngine::restore(RestoreScope scope)
{
    if (!m_journal)
        return {};
    const QList<JobJournal::Entry> entries = m_journal->entries();
    QList<quint64> ids;
    QList<JobSnapshot> added;
    QList<JobSnapshot> refused;
    for (const JobJournal::Entry &entry : entries) {
        if (m_jobs.count(entry.id)
            || (scope == RestoreScope::UnfinishedOnly && JobState::isFinal(entry.state)))
            continue;
        UploadJob *job = createJob(entry.id, entry.path);
        if (JobState::isFinal(entry.state)) {
            job->restoreOutcome(entry.state, entry.fileUrl, entry.failure, entry.timeline,
                                entry.attempts, entry.profile);
        } else if (checkNewJob(job)) {
            m_queued.insert(entry.id); // a fresh ticket: the old one has expired by now
            m_journal->recordState(job->snapshot());
        } else {
            refused << job->snapshot(); // vanished since the last run
        }
        ids << entry.id;
        added << job->snapshot();
    }
    qCInfo(lcEngine) << "restored" << ids.size() << "files," << m_queued.size() << "to upload";
    recordWaitingDestination(); // they go where the engine points now
    announceAdded(added, refused);
    return ids;
}

void UploadEngine::schedule()
{
    if (m_paused)
        return;
    while (int(m_active.size()) < m_config.concurrency && !m_queued.empty()) {
        const quint64 id = *m_queued.begin();
        m_queued.erase(m_queued.begin());
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end() || it->second->state() != JobState::Value::Queued)
            continue;
        m_active.insert(id);
        m_speeds[id].reset();
        it->second->start();
    }
}

void UploadEngine::markDirty(quint64 id)
{
    m_dirty.insert(id);
    m_statsDirty = true;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void UploadEngine::handleJobFinished(UploadJob *job)
{
    const quint64 id = job->id();
    m_active.remove(id);
    m_speeds.remove(id);
    markDirty(id);
    Q_EMIT jobFinished(job->snapshot());
    schedule();
    checkIdle();
}

void UploadEngine::checkIdle()
{
    if (!m_queued.empty() || !m_active.isEmpty() || m_wasIdle)
        return;
    m_wasIdle = true;
    flush();
    Q_EMIT idle();
}

void UploadEngine::sampleSpeeds()
{
    // The overall speed is the sum of the smoothed per-file speeds, so it does not dip
    // each time one file finishes and the next starts from zero.
    const qint64 elapsed = m_clock.elapsed();
    double total = 0.0;
    for (const quint64 id : std::as_const(m_active)) {
        UploadJob *job = m_jobs.at(id);
        SpeedMeter &meter = m_speeds[id];
        meter.addSample(elapsed, job->bytesSent());
        job->setSmoothedSpeed(meter.bytesPerSecond());
        total += meter.bytesPerSecond();
    }
    m_lastTotalSpeed = total;
}

void UploadEngine::flush()
{
    sampleSpeeds();
    if (!m_dirty.isEmpty()) {
        QList<JobSnapshot> changed;
        changed.reserve(m_dirty.size());
        QList<quint64> ids(m_dirty.begin(), m_dirty.end());
        std::sort(ids.begin(), ids.end());
        for (const quint64 id : std::as_const(ids)) {
            const auto it = m_jobs.find(id);
            if (it != m_jobs.end())
                changed << it->second->snapshot();
        }
        m_dirty.clear();
        if (!changed.isEmpty())
            Q_EMIT jobsChanged(changed);
    }
    if (m_statsDirty || !m_active.isEmpty()) {
        m_statsDirty = false;
        Q_EMIT statsChanged(stats());
    }
    if (m_active.isEmpty() && m_dirty.isEmpty())
        m_flushTimer.stop();
}

QueueStats UploadEngine::stats() const
{
    QueueStats s;
    s.paused = m_paused;
    for (const auto &[id, job] : m_jobs) {
        ++s.total;
        const qint64 size = std::max<qint64>(job->size(), 0);
        switch (job->state()) {
        case JobState::Value::Queued:
            ++s.queued;
            s.bytesTotal += size;
            break;
        case JobState::Value::Done:
            ++s.done;
            s.bytesTotal += size;
            s.bytesDone += size;
            break;
        case JobState::Value::Failed:
            // Still part of the batch: a failed file keeps the total from reading 100%.
            ++s.failed;
            s.bytesTotal += size;
            break;
        case JobState::Value::Canceled:
            ++s.canceled;
            break;
        case JobState::Value::WaitingToRetry:
            // What the last attempt sent is not stored: the next one starts from zero.
            ++s.active;
            ++s.waiting;
            s.bytesTotal += size;
            break;
        default:
            ++s.active;
            s.bytesTotal += size;
            s.bytesDone += job->bytesSent();
        }
    }
    s.speed = m_lastTotalSpeed;
    if (s.speed > 1.0)
        s.etaSeconds = qint64(double(s.bytesTotal - s.bytesDone) / s.speed);
    return s;
}

void UploadEngine::pause()
{
    m_paused = true;
    m_statsDirty = true;
    flush();
}

void UploadEngine::resume()
{
    m_paused = false;
    m_statsDirty = true;
    schedule();
    flush();
}

void UploadEngine::cancel(const QList<quint64> &ids)
{
    for (const quint64 id : ids) {
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        m_queued.erase(id);
        it->second->cancel();
        markDirty(id);
    }
    schedule();
    checkIdle();
}

void UploadEngine::cancelAll()
{
    QList<quint64> ids;
    for (const auto &[id, job] : m_jobs) {
        if (!JobState::isFinal(job->state()))
            ids << id;
    }
    cancel(ids);
}

void UploadEngine::retry(const QList<quint64> &ids)
{
    for (const quint64 id : ids) {
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        // A job waiting out a backoff or an outage is retried now rather than requeued.
        if (it->second->state() == JobState::Value::WaitingToRetry) {
            it->second->retryNow();
            continue;
        }
        if (!it->second->requeue())
            continue;
        if (it->second->checkFile())
            m_queued.insert(id);
        m_wasIdle = false;
        markDirty(id);
    }
    schedule();
    checkIdle();
}

void UploadEngine::retryAllFailed()
{
    QList<quint64> ids;
    for (const auto &[id, job] : m_jobs) {
        if (job->state() == JobState::Value::Failed)
            ids << id;
    }
    retry(ids);
}

void UploadEngine::remove(const QList<quint64> &ids)
{
    QList<quint64> removed;
    for (const quint64 id : ids) {
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        UploadJob *job = it->second;
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
        m_jobs.erase(it);
        m_queued.erase(id);
        m_active.remove(id);
        m_dirty.remove(id);
        m_speeds.remove(id);
        removed << id;
    }
    if (!removed.isEmpty()) {
        if (m_journal)
            m_journal->recordRemoved(removed);
        Q_EMIT jobsRemoved(removed);
        m_statsDirty = true;
        flush();
    }
    schedule();
    checkIdle();
}

void UploadEngine::clearFinished()
{
    QList<quint64> ids;
    for (const auto &[id, job] : m_jobs) {
        if (job->state() == JobState::Value::Done || job->state() == JobState::Value::Canceled)
            ids << id;
    }
    remove(ids);
}

QList<JobSnapshot> UploadEngine::snapshots() const
{
    QList<JobSnapshot> list;
    list.reserve(int(m_jobs.size()));
    for (const auto &[id, job] : m_jobs)
        list << job->snapshot();
    return list;
}

JobSnapshot UploadEngine::snapshot(quint64 id) const
{
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? JobSnapshot() : it->second->snapshot();
}

} // namespace Typebot
