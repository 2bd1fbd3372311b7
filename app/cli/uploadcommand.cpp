// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadcommand.h"

#include "jsonlinewriter.h"

#include "api/chatsession.h"
#include "api/choicereply.h"
#include "api/filetyperules.h"
#include "diagnostics/curlcommand.h"
#include "diagnostics/httpexchangetext.h"
#include "diagnostics/humanformat.h"
#include "diagnostics/redactor.h"
#include "engine/failurewording.h"
#include "engine/folderscanner.h"
#include "engine/uploadengine.h"
#include "engine/uploadjob.h"
#include "sandboxserver.h"
#include "storage/datapaths.h"
#include "storage/jobdatabase.h"
#include "storage/serverknowledgestore.h"
#include "system/nativefileinfo.h"
#include "system/nativepath.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace TypebotCli {

using namespace Typebot;

namespace {

QString durationText(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("?");
    if (ms < 10000)
        return QString::number(double(ms) / 1000.0, 'f', 1) + QStringLiteral(" s");
    return HumanFormat::duration(ms / 1000);
}

bool sameEntry(const TimelineEntry &a, const TimelineEntry &b)
{
    return a.time == b.time && a.kind == b.kind && a.attempt == b.attempt && a.message == b.message
            && a.httpStatus == b.httpStatus;
}

} // namespace

UploadCommand::UploadCommand(CliOptions options, QObject *parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_console(!m_options.quiet)
{
}

UploadCommand::~UploadCommand()
{
    // Deleted first: the engine cancels its jobs, which still report to this object.
    delete m_engine;
    m_engine = nullptr;
}

bool UploadCommand::prepare()
{
    for (const QString &warning : std::as_const(m_options.warnings))
        m_console.printErr(QStringLiteral("typebot-upload: warning: ") + warning);

    EndpointSettings &endpoint = m_options.engine.endpoint;
    if (m_options.sandbox) {
        Sandbox::SandboxConfig config;
        config.token = endpoint.token; // a token given with --sandbox is then required
        m_sandbox = std::make_unique<Sandbox::SandboxServer>(config);
        QString error;
        if (!m_sandbox->start(&error)) {
            m_console.printErr(QStringLiteral("typebot-upload: cannot start the sandbox: ")
                               + error);
            return false;
        }
        endpoint.apiBase = m_sandbox->apiBaseUrl();
        endpoint.sessionId = m_sandbox->defaultSessionId();
        if (!m_options.quiet && !m_options.json)
            m_console.printErr(QStringLiteral("typebot-upload: using the built-in sandbox at ")
                               + m_sandbox->apiBaseUrl().toString());
        if (const QString problem = endpoint.validate(); !problem.isEmpty()) {
            m_console.printErr(QStringLiteral("typebot-upload: ") + problem);
            return false;
        }
    }
    Redactor::addSecret(endpoint.token);

    // What earlier runs learned of this server: its upload route, so no request is wasted.
    m_servers =
            std::make_unique<ServerKnowledgeStore>(dataFilePath(QStringLiteral("servers.json")));
    if (m_options.forgetServer) {
        QString error;
        if (!m_servers->forget(endpoint.apiBase, &error))
            m_console.printErr(QStringLiteral("typebot-upload: warning: cannot forget the server: ")
                               + error);
    }
    m_options.engine.knownServer = m_servers->find(endpoint.apiBase);

    m_engine = new UploadEngine(this);
    m_engine->setConfig(m_options.engine);
    connect(m_engine, &UploadEngine::serverLearned, this,
            [this](const QUrl &apiBase, const ServerKnowledge &knowledge) {
                m_options.engine.knownServer = knowledge;
                if (m_options.sandbox)
                    return; // a new port each run: nothing worth keeping
                QString error;
                if (!m_servers->save(apiBase, knowledge, &error) && !m_serverSaveWarned) {
                    m_serverSaveWarned = true;
                    m_console.printErr(QStringLiteral("typebot-upload: warning: cannot remember "
                                                      "the server's upload route: %1")
                                               .arg(error));
                }
            });
    connect(m_engine, &UploadEngine::exchangeRecorded, this,
            [this](quint64 id, const HttpExchange &exchange) {
                printExchange(m_jobs.value(id).name, exchange);
            });
    if (!m_options.noHistory)
        if (!openJournal())
            return false;
    connect(m_engine, &UploadEngine::jobsAdded, this, &UploadCommand::handleJobsAdded);
    connect(m_engine, &UploadEngine::jobsChanged, this, &UploadCommand::handleJobsChanged);
    connect(m_engine, &UploadEngine::jobFinished, this, &UploadCommand::handleJobFinished);
    connect(m_engine, &UploadEngine::statsChanged, this, &UploadCommand::handleStats);
    connect(m_engine, &UploadEngine::idle, this, &UploadCommand::handleIdle);
    return true;
}

bool UploadCommand::checkResumeSession()
{
    // The interrupted files belong to the session they were queued for; sending them to
    // another one without a word would put them where nobody looks.
    QStringList others;
    int count = 0;
    const QString session = m_options.engine.endpoint.sessionId.trimmed();
    for (const JobJournal::Entry &entry : m_journal->entries()) {
        if (JobState::isFinal(entry.state) || entry.session.isEmpty() || entry.session == session)
            continue;
        ++count;
        if (!others.contains(entry.session))
            others << entry.session;
    }
    if (count == 0)
        return true;
    m_console.printErr(
            QStringLiteral("typebot-upload: the interrupted run's %1 file(s) were queued "
                           "for session %2, not %3; resume with --session %2, or "
                           "upload them to this session anew without --resume")
                    .arg(count)
                    .arg(others.join(QStringLiteral(", ")), session));
    return false;
}

QString UploadCommand::dataFilePath(const QString &fileName) const
{
    if (!m_options.dataDir.isEmpty())
        return QDir(m_options.dataDir).filePath(fileName);
    // The folder the desktop app shares, so its History lists these uploads too; what an
    // older version kept in its own folder moves there before the first file is opened.
    static const bool migrated = !DataPaths::migrateOldData().isEmpty();
    Q_UNUSED(migrated)
    return QDir(DataPaths::dataDir()).filePath(fileName);
}

bool UploadCommand::openJournal()
{
    // The journal holds one session's files; with --bot each run has its own session.
    const QString path = dataFilePath(QStringLiteral("typebot-upload.sqlite"));
    m_journal = std::make_unique<JobDatabase>();
    if (!m_journal->open(path))
        m_console.printErr(QStringLiteral("typebot-upload: warning: %1; this run keeps no "
                                          "journal and cannot be resumed")
                                   .arg(m_journal->problem()));
    m_journal->setWriteProblemHandler([this](const QString &problem) {
        m_console.printErr(QStringLiteral("typebot-upload: warning: the journal cannot be written "
                                          "(%1); outcomes are kept in memory and written as soon "
                                          "as it can be")
                                   .arg(problem));
    });
    m_engine->setJournal(m_journal.get());
    if (m_options.resume)
        return checkResumeSession();
    // A new run: forget how earlier runs' files ended (the history keeps their links), and
    // point at any that an interrupted run left.
    QList<quint64> finished;
    int unfinished = 0;
    const auto entries = m_journal->entries();
    for (const JobJournal::Entry &entry : entries) {
        if (JobState::isFinal(entry.state))
            finished << entry.id;
        else
            ++unfinished;
    }
    m_journal->recordRemoved(finished);
    if (unfinished > 0 && !m_options.json)
        m_console.printErr(QStringLiteral("typebot-upload: %1 file(s) from an interrupted run "
                                          "are not stored yet; --resume finishes them")
                                   .arg(unfinished));
    return true;
}

void UploadCommand::start()
{
    QMetaObject::invokeMethod(this, &UploadCommand::doStart, Qt::QueuedConnection);
}

void UploadCommand::doStart()
{
    m_elapsed.start();
    if (m_options.bot) {
        startChat();
        return;
    }
    startUploads();
}

void UploadCommand::startUploads()
{
    // An empty folder gives the engine nothing to report; say so here.
    QStringList paths;
    for (const QString &path : std::as_const(m_options.paths)) {
        if (m_options.recursive && NativeFileInfo(path).isDir()
            && FolderScanner::scan(path).isEmpty()) {
            ++m_failed;
            const QString message = QStringLiteral("%1: folder has no files to upload")
                                            .arg(NativePath::readable(path));
            if (m_options.json)
                JsonLineWriter::write(QStringLiteral("failed"),
                                      { { QStringLiteral("id"), 0 },
                                        { QStringLiteral("path"), path },
                                        { QStringLiteral("size"), -1 },
                                        { QStringLiteral("code"), QStringLiteral("EmptyFolder") },
                                        { QStringLiteral("message"), message },
                                        { QStringLiteral("attempts"), 0 } });
            else
                m_console.printErr(QStringLiteral("typebot-upload: ") + message);
            continue;
        }
        paths << path;
    }
    QList<quint64> ids;
    if (m_options.resume && m_journal)
        ids = m_engine->restore(UploadEngine::RestoreScope::UnfinishedOnly);
    if (m_options.resume && ids.isEmpty() && !m_options.quiet && !m_options.json)
        m_console.printErr(QStringLiteral("typebot-upload: nothing to resume"));
    if (!paths.isEmpty())
        ids << m_engine->addPaths(paths, m_options.recursive);
    m_jobOrder = ids;
    if (ids.isEmpty())
        handleIdle(); // the engine only signals idle after it had work
}

void UploadCommand::interrupt()
{
    if (m_finished)
        return;
    if (m_interrupted) { // a second Ctrl+C: stop waiting
        finish(Interrupted);
        return;
    }
    m_interrupted = true;
    if (!m_options.json)
        m_console.printErr(QStringLiteral("typebot-upload: interrupted; aborting the uploads"));
    if (m_engine) {
        // The journal keeps these files queued, so --resume can finish them later.
        m_engine->detachJournal();
        m_engine->cancelAll(); // synchronous: every job ends Canceled, then idle()
    }
    if (!m_finished)
        handleIdle();
}

UploadCommand::JobInfo &UploadCommand::announce(const JobSnapshot &job)
{
    JobInfo &info = m_jobs[job.id];
    if (info.announced)
        return info;
    info.announced = true;
    info.path = job.filePath;
    info.name = job.displayName;
    info.size = job.size;
    if (m_options.json)
        JsonLineWriter::write(QStringLiteral("queued"),
                              { { QStringLiteral("id"), double(job.id) },
                                { QStringLiteral("path"), job.filePath },
                                { QStringLiteral("name"), job.displayName },
                                { QStringLiteral("size"), double(job.size) },
                                { QStringLiteral("mimeType"), job.mimeType } });
    return info;
}

void UploadCommand::handleJobsAdded(const QList<JobSnapshot> &jobs)
{
    for (const JobSnapshot &job : jobs)
        announce(job);
}

void UploadCommand::handleJobsChanged(const QList<JobSnapshot> &jobs)
{
    for (const JobSnapshot &job : jobs) {
        JobInfo &info = announce(job);
        if (info.finished)
            continue;
        processTimeline(job);
        const bool sending =
                job.state == JobState::Value::Uploading || job.state == JobState::Value::Finishing;
        if (m_options.json && sending && job.bytesSent != info.lastProgress) {
            info.lastProgress = job.bytesSent;
            JsonLineWriter::write(QStringLiteral("progress"),
                                  { { QStringLiteral("id"), double(job.id) },
                                    { QStringLiteral("bytesSent"), double(job.bytesSent) },
                                    { QStringLiteral("size"), double(job.size) },
                                    { QStringLiteral("speed"), qRound64(job.speed) },
                                    { QStringLiteral("etaSeconds"), double(job.etaSeconds) },
                                    { QStringLiteral("attempt"), job.attempt } });
        }
    }
}

void UploadCommand::processTimeline(const JobSnapshot &job)
{
    JobInfo &info = m_jobs[job.id];
    const QList<TimelineEntry> &timeline = job.timeline;
    qsizetype first = 0;
    if (info.lastEntry) {
        // The engine trims long timelines from the front, so find the last entry we saw.
        qsizetype found = -1;
        for (qsizetype i = timeline.size() - 1; i >= 0; --i) {
            if (sameEntry(timeline.at(i), *info.lastEntry)) {
                found = i;
                break;
            }
        }
        first = found >= 0 ? found + 1 : std::min<qsizetype>(info.seenEntries, timeline.size());
    }
    for (qsizetype i = first; i < timeline.size(); ++i) {
        const TimelineEntry &entry = timeline.at(i);
        if (m_options.verbosity >= 1)
            verbose(info.name, entry.toText());
        if (!m_options.json)
            continue;
        // A slot handed out and usable; a 2xx the client could not use is no ticket.
        if (entry.kind == TimelineEntry::Kind::Ticket && entry.httpStatus >= 200
            && entry.httpStatus < 300 && entry.errorCode.isEmpty()) {
            JsonLineWriter::write(
                    QStringLiteral("ticket"),
                    { { QStringLiteral("id"), double(job.id) },
                      { QStringLiteral("path"), job.filePath },
                      { QStringLiteral("attempt"), entry.attempt },
                      { QStringLiteral("host"), entry.host },
                      { QStringLiteral("status"), entry.httpStatus },
                      { QStringLiteral("durationMs"), double(entry.durationMs) },
                      { QStringLiteral("route"), ServerKnowledge::routeName(job.ticketRoute) },
                      { QStringLiteral("style"),
                        ServerKnowledge::styleKey(job.ticket.sendStyle()) } });
        } else if (entry.kind == TimelineEntry::Kind::Retry) {
            // The latest retry waits out the snapshot's failure; an earlier one (several
            // in one batch) has only the failed request before it to tell.
            const bool latest = std::none_of(
                    timeline.cbegin() + i + 1, timeline.cend(),
                    [](const TimelineEntry &e) { return e.kind == TimelineEntry::Kind::Retry; });
            JobFailure failure;
            QString reason;
            if (latest && !job.failure.isNull()) {
                failure = job.failure;
                reason = FailureWording::explanation(failure, FailureWording::Outlook::Retrying,
                                                     job.size);
            } else if (i > 0 && timeline.at(i - 1).kind != TimelineEntry::Kind::Retry) {
                failure.httpStatus = timeline.at(i - 1).httpStatus;
                failure.code = timeline.at(i - 1).errorCode;
                reason = Redactor::text(timeline.at(i - 1).message);
            }
            QJsonObject fields = JsonLineWriter::failureFields(failure);
            fields.insert(QStringLiteral("id"), double(job.id));
            fields.insert(QStringLiteral("path"), job.filePath);
            fields.insert(QStringLiteral("attempt"), entry.attempt + 1);
            fields.insert(QStringLiteral("delayMs"), double(entry.durationMs));
            fields.insert(QStringLiteral("reason"), reason);
            JsonLineWriter::write(QStringLiteral("retry"), fields);
        }
    }
    info.seenEntries = int(timeline.size());
    if (!timeline.isEmpty())
        info.lastEntry = timeline.constLast();
}

void UploadCommand::handleJobFinished(const JobSnapshot &job)
{
    JobInfo &info = announce(job);
    if (info.finished)
        return;
    processTimeline(job);
    info.finished = true;
    info.fileUrl = job.fileUrl;
    reportFinished(job);
}

QString UploadCommand::failureText(const JobSnapshot &job) const
{
    return ConsoleOutput::failureText(job, m_options.recursive);
}

qint64 UploadCommand::jobDurationMs(const JobSnapshot &job) const
{
    // From the start of the first ticket request to the last thing the job did.
    for (const TimelineEntry &entry : job.timeline) {
        if (entry.kind != TimelineEntry::Kind::Ticket)
            continue;
        const QDateTime started = entry.time.addMSecs(-std::max<qint64>(entry.durationMs, 0));
        return started.msecsTo(job.timeline.constLast().time);
    }
    return 0;
}

void UploadCommand::reportFinished(const JobSnapshot &job)
{
    const QString size = job.size >= 0 ? HumanFormat::bytes(job.size) : QStringLiteral("-");
    switch (job.state) {
    case JobState::Value::Done: {
        ++m_stored;
        m_bytesStored += std::max<qint64>(job.size, 0);
        const QString fileUrl = Redactor::text(job.fileUrl);
        const qint64 durationMs = jobDurationMs(job);
        if (m_options.json)
            JsonLineWriter::write(QStringLiteral("done"),
                                  { { QStringLiteral("id"), double(job.id) },
                                    { QStringLiteral("path"), job.filePath },
                                    { QStringLiteral("size"), double(job.size) },
                                    { QStringLiteral("fileUrl"), fileUrl },
                                    { QStringLiteral("attempts"), job.attempt },
                                    { QStringLiteral("durationMs"), double(durationMs) },
                                    { QStringLiteral("uploadName"), job.uploadName } });
        else if (m_options.quiet)
            m_console.printOut(fileUrl);
        else
            m_console.printOut(
                    QStringLiteral("stored  %1  %2  %3  %4")
                            .arg(job.displayName, size, durationText(durationMs), fileUrl));
        // Said, never silent: the server keeps the first file under the plain name.
        if (job.uploadName != job.displayName && !m_options.json)
            m_console.printErr(QStringLiteral("typebot-upload: %1 was sent as \u201c%2\u201d: this "
                                              "session already has a file named \u201c%3\u201d")
                                       .arg(job.filePath, job.uploadName, job.displayName));
        break;
    }
    case JobState::Value::Failed: {
        ++m_failed;
        const QString message = failureText(job);
        if (m_options.json) {
            QJsonObject fields = JsonLineWriter::failureFields(job.failure);
            fields.insert(QStringLiteral("id"), double(job.id));
            fields.insert(QStringLiteral("path"), job.filePath);
            fields.insert(QStringLiteral("size"), double(job.size));
            fields.insert(QStringLiteral("message"), message);
            fields.insert(QStringLiteral("attempts"), job.attempt);
            JsonLineWriter::write(QStringLiteral("failed"), fields);
        } else if (m_options.quiet)
            m_console.printErr(QStringLiteral("typebot-upload: %1: %2").arg(job.filePath, message));
        else
            m_console.printOut(
                    QStringLiteral("failed  %1  %2  %3").arg(job.displayName, size, message));
        // The codes, the status and the server's own words are for -v and --json.
        if (m_options.verbosity >= 1 && !m_options.json)
            verbose(job.displayName, FailureWording::technical(job.failure));
        break;
    }
    case JobState::Value::Canceled:
        ++m_canceled;
        if (m_options.json)
            JsonLineWriter::write(QStringLiteral("canceled"),
                                  { { QStringLiteral("id"), double(job.id) },
                                    { QStringLiteral("path"), job.filePath },
                                    { QStringLiteral("size"), double(job.size) } });
        else if (!m_options.quiet)
            m_console.printOut(QStringLiteral("canceled  %1  %2").arg(job.displayName, size));
        break;
    default:
        break;
    }
    if (m_options.printCurl)
        printCurl(job);
}

void UploadCommand::printCurl(const JobSnapshot &job)
{
    // The requests the engine recorded: the slot request that gave the last slot, and the
    // last upload attempt. A file that failed before any request has nothing to reproduce.
    const HttpExchange *ticket = nullptr;
    const HttpExchange *upload = nullptr;
    for (const HttpExchange &exchange : job.exchanges) {
        if (exchange.step == HttpExchange::Step::Ticket)
            ticket = &exchange;
        else if (exchange.step == HttpExchange::Step::Upload)
            upload = &exchange;
    }
    if (!ticket && !upload)
        return;
    CurlCommand::Options curl;
    curl.secrets =
            m_options.showSecrets ? CurlCommand::Secrets::Show : CurlCommand::Secrets::Redact;
    curl.caFile = m_options.engine.endpoint.caFile;
    curl.token = m_options.engine.endpoint.token;
    const auto command = [&](const HttpExchange *exchange) {
        if (!exchange)
            return QString();
        const QString text = CurlCommand::fromExchange(*exchange, curl);
        return m_options.showSecrets ? text : Redactor::text(text);
    };
    const QString ticketCommand = command(ticket);
    const QString uploadCommand = command(upload);
    if (m_options.json) {
        JsonLineWriter::write(QStringLiteral("curl"),
                              { { QStringLiteral("id"), double(job.id) },
                                { QStringLiteral("path"), job.filePath },
                                { QStringLiteral("ticket"), ticketCommand },
                                { QStringLiteral("upload"), uploadCommand } });
        return;
    }
    if (ticket) {
        m_console.printOut(
                QStringLiteral("# %1: step 1, ask for an upload slot").arg(job.displayName));
        m_console.printOut(ticketCommand);
    }
    if (upload) {
        m_console.printOut(QStringLiteral("# %1: step 2, send the file (%2)")
                                   .arg(job.displayName,
                                        upload->isMultipart() ? QStringLiteral("multipart POST")
                                                              : QStringLiteral("PUT")));
        m_console.printOut(uploadCommand);
    }
}

void UploadCommand::printExchange(const QString &name, const HttpExchange &exchange)
{
    if (m_options.verbosity < 2)
        return;
    for (const QString &line : HttpExchangeText::lines(exchange))
        verbose(name, line);
}

void UploadCommand::verbose(const QString &name, const QString &text)
{
    m_console.printErr(name.isEmpty() ? Redactor::text(text)
                                      : u'[' + name + QStringLiteral("] ") + Redactor::text(text));
}

void UploadCommand::handleStats(const QueueStats &stats)
{
    if (!m_console.hasStatusLine() || m_finished)
        return;
    const int ended = stats.done + stats.failed + stats.canceled;
    QString line =
            QStringLiteral("[%1/%2] %3 / %4")
                    .arg(ended)
                    .arg(stats.total)
                    .arg(HumanFormat::bytes(stats.bytesDone), HumanFormat::bytes(stats.bytesTotal));
    if (stats.active > 0 && stats.speed >= 1.0) {
        line += QStringLiteral("  ") + HumanFormat::speed(stats.speed);
        if (stats.etaSeconds >= 0)
            line += QStringLiteral("  ETA ") + HumanFormat::duration(stats.etaSeconds);
    }
    m_console.setStatus(line);
}

void UploadCommand::handleIdle()
{
    if (m_finished)
        return;
    if (m_chatPhase == ChatPhase::Uploading && !m_interrupted) {
        m_chatPhase = ChatPhase::Done;
        if (m_failed == 0 && m_canceled == 0 && m_stored > 0 && !m_options.noSubmit) {
            submitFiles();
            return;
        }
        if (m_options.noSubmit && !m_options.quiet && !m_options.json)
            m_console.printErr(QStringLiteral("typebot-upload: --no-submit: the links were not "
                                              "sent; session %1 still waits on the file block")
                                       .arg(m_chat->sessionId()));
    }
    const qint64 durationMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    m_console.clearStatus();
    if (m_options.json) {
        JsonLineWriter::write(QStringLiteral("summary"),
                              { { QStringLiteral("stored"), m_stored },
                                { QStringLiteral("failed"), m_failed },
                                { QStringLiteral("canceled"), m_canceled },
                                { QStringLiteral("bytes"), double(m_bytesStored) },
                                { QStringLiteral("durationMs"), double(durationMs) },
                                { QStringLiteral("interrupted"), m_interrupted } });
    } else if (!m_options.quiet) {
        QString line = QStringLiteral("%1 stored (%2), %3 failed")
                               .arg(m_stored)
                               .arg(HumanFormat::bytes(m_bytesStored))
                               .arg(m_failed);
        if (m_canceled > 0)
            line += QStringLiteral(", %1 canceled").arg(m_canceled);
        line += QStringLiteral(" in ") + durationText(durationMs);
        m_console.printErr(line);
    }
    if (m_interrupted)
        finish(Interrupted);
    else if (m_failed > 0 || m_canceled > 0 || m_chatFailed)
        finish(SomeFailed);
    else
        finish(AllStored);
}

void UploadCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_console.clearStatus();
    // Last chance for outcomes a full disk held back: a stored file the journal does not
    // know would be uploaded again by --resume.
    if (m_journal && !m_journal->flushPending()) {
        int stored = 0;
        for (const JobSnapshot &job : m_journal->unsavedOutcomes())
            stored += job.state == JobState::Value::Done ? 1 : 0;
        m_console.printErr(QStringLiteral("typebot-upload: warning: the journal could not be "
                                          "written (%1); %2 stored file(s) are not recorded in "
                                          "it, so --resume would upload them again")
                                   .arg(m_journal->problem())
                                   .arg(stored));
    }
    QCoreApplication::exit(exitCode);
}

void UploadCommand::startChat()
{
    m_chatPhase = ChatPhase::Walking;
    m_answersLeft = m_options.answers;
    m_chatNam = new QNetworkAccessManager(this);
    m_chat = new ChatSession(m_chatNam, this);
    m_chat->setEndpoint(m_options.engine.endpoint);
    m_chat->setUserAgent(m_options.engine.userAgent);
    m_chat->setTimeoutMs(m_options.engine.ticketTimeoutMs);
    connect(m_chat, &ChatSession::responseReceived, this, &UploadCommand::handleChatResponse);
    connect(m_chat, &ChatSession::answerSent, this, &UploadCommand::handleChatAnswerSent);
    connect(m_chat, &ChatSession::failed, this, &UploadCommand::handleChatFailed);
    connect(m_chat, &ChatSession::exchangeRecorded, this,
            [this](const HttpExchange &exchange) { printExchange(QString(), exchange); });
    if (m_options.verbosity >= 1)
        verbose(QString(),
                QStringLiteral("starting a chat with bot %1").arg(m_options.bot->publicId));
    if (m_options.previewBot)
        m_chat->startPreview(m_options.bot->publicId);
    else
        m_chat->start(*m_options.bot);
}

namespace {

QJsonObject inputJson(const ChatInput &input)
{
    QJsonObject object{ { QStringLiteral("type"), input.type } };
    if (!input.placeholder.isEmpty())
        object.insert(QStringLiteral("placeholder"), input.placeholder);
    if (input.kind == ChatInput::Kind::Choice) {
        QJsonArray items;
        for (const ChatChoice &item : input.items)
            items.append(item.content);
        object.insert(QStringLiteral("items"), items);
        // What is sent for each item, where it differs from what is shown.
        QJsonObject values;
        for (const ChatChoice &item : input.items) {
            if (item.replyText() != item.content)
                values.insert(item.content, item.replyText());
        }
        if (!values.isEmpty())
            object.insert(QStringLiteral("values"), values);
        if (input.isMultipleChoice)
            object.insert(QStringLiteral("isMultipleChoice"), true);
    } else if (input.kind == ChatInput::Kind::File) {
        object.insert(QStringLiteral("isMultipleAllowed"), input.file.isMultipleAllowed);
        object.insert(QStringLiteral("isRequired"), input.file.isRequired);
        if (input.file.typesRestricted)
            object.insert(QStringLiteral("allowedFileTypes"),
                          QJsonArray::fromStringList(input.file.allowedTypes));
    }
    return object;
}

// How the choices of an input are listed in a message: "Basic (sent as plan-basic), Pro".
QString choicesText(const ChatInput &input)
{
    QStringList shown;
    for (const ChatChoice &item : input.items) {
        QString text = u'"' + item.content + u'"';
        if (item.replyText() != item.content)
            text += QStringLiteral(" (sent as \"%1\")").arg(item.replyText());
        for (const ChatCardButton &button : item.buttons)
            text += QStringLiteral(" [button \"%1\"]").arg(button.text);
        shown << text;
    }
    return shown.join(QStringLiteral(", "));
}

} // namespace

void UploadCommand::printChat(const QString &role, const QString &text, const ChatInput *input,
                              const QJsonObject &extra)
{
    if (m_options.json) {
        QJsonObject fields{ { QStringLiteral("role"), role },
                            { QStringLiteral("text"), Redactor::text(text) } };
        if (input)
            fields.insert(QStringLiteral("input"), inputJson(*input));
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            fields.insert(it.key(), it.value());
        JsonLineWriter::write(QStringLiteral("chat"), fields);
        return;
    }
    if (m_options.quiet)
        return;
    // Continuation lines line up under the first one.
    const QString prefix = role == u"bot" ? QStringLiteral("bot  ") : QStringLiteral("you  ");
    QStringList lines = Redactor::text(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        m_console.printOut((i == 0 ? prefix : QStringLiteral("     ")) + lines.at(i));
}

void UploadCommand::handleChatAnswerSent(const ChatAnswer &answer)
{
    printChat(QStringLiteral("user"), answer.displayText(), nullptr);
}

void UploadCommand::handleChatResponse(const ChatResponse &response, bool answerRejected)
{
    if (m_finished)
        return;
    // The server's reading of the answer, when it differs from what was sent (the first
    // link of a single-file block, a normalised email, date or choice).
    if (response.lastMessageNewFormat) {
        if (m_options.json)
            printChat(QStringLiteral("user"), *response.lastMessageNewFormat, nullptr,
                      { { QStringLiteral("normalized"), true } });
        else if (!m_options.quiet)
            m_console.printOut(QStringLiteral("     (the bot recorded: %1)")
                                       .arg(Redactor::text(*response.lastMessageNewFormat)));
    }
    const std::optional<ChatInput> &input = response.input;
    QJsonObject extra;
    if (response.progress)
        extra.insert(QStringLiteral("progress"), *response.progress);
    if (!response.logs.isEmpty())
        extra.insert(QStringLiteral("logs"), QJsonArray::fromStringList(response.logs));
    if (!response.clientSideActionTypes.isEmpty())
        extra.insert(QStringLiteral("clientSideActions"),
                     QJsonArray::fromStringList(response.clientSideActionTypes));
    for (qsizetype i = 0; i < response.messages.size(); ++i) {
        const bool last = i == response.messages.size() - 1;
        printChat(QStringLiteral("bot"), response.messages.at(i).displayText(),
                  last && input ? &*input : nullptr, last ? extra : QJsonObject());
    }
    if (response.messages.isEmpty() && (input || !extra.isEmpty()))
        printChat(QStringLiteral("bot"), QString(), input ? &*input : nullptr, extra);
    if (!m_options.json && !m_options.quiet) {
        if (response.progress)
            m_console.printOut(
                    QStringLiteral("     (progress %1%)").arg(qRound(*response.progress)));
        for (const QString &log : response.logs)
            m_console.printOut(QStringLiteral("     (log: %1)").arg(Redactor::text(log)));
        if (!response.clientSideActionTypes.isEmpty())
            m_console.printOut(
                    QStringLiteral("     (actions for a browser, not run here: %1)")
                            .arg(response.clientSideActionTypes.join(QStringLiteral(", "))));
    }
    const QString botText = response.text();

    if (m_chatPhase == ChatPhase::Submitting) {
        m_chatPhase = ChatPhase::Done;
        if (answerRejected) {
            m_chatFailed = true;
            const QString message =
                    QStringLiteral("the bot refused the files: %1")
                            .arg(botText.isEmpty() ? QStringLiteral("it asked for them again")
                                                   : botText);
            if (m_options.json)
                JsonLineWriter::write(QStringLiteral("failed"),
                                      { { QStringLiteral("id"), 0 },
                                        { QStringLiteral("path"), QString() },
                                        { QStringLiteral("size"), -1 },
                                        { QStringLiteral("code"), QStringLiteral("FilesRejected") },
                                        { QStringLiteral("message"), message },
                                        { QStringLiteral("attempts"), 0 } });
            else
                m_console.printErr(QStringLiteral("typebot-upload: ") + message);
        }
        handleIdle();
        return;
    }
    if (m_chatPhase != ChatPhase::Walking)
        return;
    if (!botText.isEmpty() && !answerRejected)
        m_lastBotText = response.messages.constLast().text;
    if (answerRejected) {
        failChat(QStringLiteral("AnswerRejected"),
                 QStringLiteral("the bot refused the answer to \"%1\": %2")
                         .arg(m_lastBotText, botText),
                 SomeFailed);
        return;
    }
    if (!input) {
        failChat(QStringLiteral("NoFileBlock"),
                 QStringLiteral("the bot ended the conversation without asking for files"),
                 SomeFailed);
        return;
    }
    answerPrompt(*input);
}

void UploadCommand::answerPrompt(const ChatInput &input)
{
    if (input.kind == ChatInput::Kind::File) {
        if (!checkFilesForBot(input))
            return;
        m_options.engine.endpoint.sessionId = m_chat->sessionId();
        // The block the chat waits on: v3 wants its id (servers before 3.17 file the
        // upload under it). An explicit --block wins.
        if (m_options.engine.blockId.isEmpty())
            m_options.engine.blockId = input.id;
        m_engine->setConfig(m_options.engine);
        if (!m_options.quiet && !m_options.json)
            m_console.printErr(
                    QStringLiteral("typebot-upload: the bot waits for files in session %1")
                            .arg(m_chat->sessionId()));
        m_chatPhase = ChatPhase::Uploading;
        startUploads();
        return;
    }
    const QString prompt = m_lastBotText.isEmpty()
            ? input.describe()
            : QStringLiteral("\"%1\" (%2)").arg(m_lastBotText, input.type);
    if (input.kind == ChatInput::Kind::Payment) {
        failChat(QStringLiteral("NeedsBrowser"),
                 QStringLiteral("the bot asks %1: a payment is made in the payment provider's "
                                "form, which only a browser can show; pay in the bot's web page, "
                                "then upload there or with --session")
                         .arg(prompt),
                 UsageError);
        return;
    }
    if (m_answersLeft.isEmpty()) {
        failChat(QStringLiteral("NoAnswerLeft"),
                 QStringLiteral("the bot asks %1 before the file block, but no --answer is left "
                                "for it; add --answer TEXT")
                         .arg(prompt),
                 UsageError);
        return;
    }
    if (input.kind == ChatInput::Kind::Choice) {
        const ChoiceReply::Match match = ChoiceReply::match(input, m_answersLeft);
        if (!match.isValid()) {
            failChat(QStringLiteral("NoSuchChoice"),
                     QStringLiteral("the bot asks %1 with the choices %2; --answer \"%3\" matches "
                                    "none of them")
                             .arg(prompt, choicesText(input), match.unmatched),
                     UsageError);
            return;
        }
        m_answersLeft.remove(0, match.answersUsed);
        m_chat->answer(ChoiceReply::answer(input, match.choices));
        return;
    }
    // Text, number, email, URL, phone, date, time, rating and types this tool does not
    // know: the server parses the text and says when it does not take it.
    m_chat->answer(ChatAnswer::fromText(m_answersLeft.takeFirst()));
}

void UploadCommand::refuseFileBefore(const QString &path, const QString &code,
                                     const QString &message)
{
    ++m_failed;
    const NativeFileInfo info(path);
    if (m_options.json)
        JsonLineWriter::write(
                QStringLiteral("failed"),
                { { QStringLiteral("id"), 0 },
                  { QStringLiteral("path"), NativePath::absolute(path) },
                  { QStringLiteral("size"), info.isFile() ? double(info.size()) : -1.0 },
                  { QStringLiteral("code"), code },
                  { QStringLiteral("message"), message },
                  { QStringLiteral("attempts"), 0 } });
    else
        m_console.printErr(QStringLiteral("typebot-upload: %1: %2").arg(path, message));
}

bool UploadCommand::checkFilesForBot(const ChatInput &input)
{
    // Checked here, before a byte is sent, by the server's own rules: the server would only
    // tell after the upload. The bot takes the files of one reply together or not at all,
    // so one refused file stops the whole batch, and every file says why.
    struct Refusal
    {
        QString path;
        QString code;
        QString reason;
    };
    QStringList files;
    QList<Refusal> refusals;
    for (const QString &path : std::as_const(m_options.paths)) {
        const NativeFileInfo info(path);
        if (info.isDir() && m_options.recursive) {
            for (const FolderScanner::Found &found : FolderScanner::scan(path)) {
                if (found.isFile())
                    files << found.path;
                else
                    refusals << Refusal{ found.path, found.code, found.problem };
            }
        } else if (info.isDir()) {
            refusals << Refusal{ path, QStringLiteral("LocalFile"),
                                 QStringLiteral("is a folder (pass -r to upload the files "
                                                "inside it)") };
        } else if (!info.exists()) {
            refusals << Refusal{ path, QStringLiteral("LocalFile"),
                                 QStringLiteral("no such file") };
        } else {
            files << path;
        }
    }
    const qsizetype given = files.size() + refusals.size();
    const FileInputOptions &options = input.file;
    const FileTypeRules rules = options.rules();
    const FileTypeRules::Naming naming = FileTypeRules::namingFor(m_options.engine.knownServer);
    QStringList accepted;
    for (const QString &path : std::as_const(files)) {
        const FileTypeRules::Check check =
                rules.check(path, FileTypeRules::mimeTypeForFile(path), naming);
        if (check.isAllowed())
            accepted << path;
        else
            refusals << Refusal{ path, QStringLiteral("FileTypeNotAllowed"),
                                 QStringLiteral("refused before upload: ") + check.reason };
    }
    if (!options.isMultipleAllowed && given > 1) {
        // Every file is refused: which one was meant is for the person to say.
        for (const QString &path : std::as_const(accepted))
            refusals << Refusal{ path, QStringLiteral("TooManyFiles"),
                                 QStringLiteral("refused before upload: the bot's file block "
                                                "takes one file; %1 were given")
                                         .arg(given) };
        accepted.clear();
    }
    if (refusals.isEmpty())
        return true;
    for (const Refusal &refusal : std::as_const(refusals))
        refuseFileBefore(refusal.path, refusal.code, refusal.reason);
    for (const QString &path : std::as_const(accepted))
        refuseFileBefore(path, QStringLiteral("BatchRefused"),
                         QStringLiteral("not uploaded: %1 other file(s) of this batch are "
                                        "refused, and the bot takes the files of one reply "
                                        "together or not at all")
                                 .arg(refusals.size()));
    m_chatPhase = ChatPhase::Done;
    handleIdle();
    return false;
}

void UploadCommand::submitFiles()
{
    QStringList urls;
    for (const quint64 id : std::as_const(m_jobOrder)) {
        const QString url = m_jobs.value(id).fileUrl;
        if (!url.isEmpty())
            urls << url;
    }
    m_chatPhase = ChatPhase::Submitting;
    // As the web widget: the text with each name percent-encoded, the raw links attached.
    m_chat->answer(ChatAnswer::fromFiles(urls));
}

void UploadCommand::handleChatFailed(const ChatResult &result, const QString &message)
{
    Q_UNUSED(result)
    if (m_finished)
        return;
    if (m_chatPhase == ChatPhase::Submitting) {
        m_chatPhase = ChatPhase::Done;
        m_chatFailed = true;
        m_console.printErr(QStringLiteral("typebot-upload: the files are stored but could not be "
                                          "submitted to the bot: ")
                           + Redactor::text(message));
        handleIdle();
        return;
    }
    failChat(QStringLiteral("ChatFailed"), message, SomeFailed);
}

void UploadCommand::failChat(const QString &code, const QString &message, int exitCode)
{
    m_chatPhase = ChatPhase::Done;
    const QString text = Redactor::text(message);
    if (m_options.json)
        JsonLineWriter::write(QStringLiteral("failed"),
                              { { QStringLiteral("id"), 0 },
                                { QStringLiteral("path"), QString() },
                                { QStringLiteral("size"), -1 },
                                { QStringLiteral("code"), code },
                                { QStringLiteral("message"), text },
                                { QStringLiteral("attempts"), 0 } });
    else
        m_console.printErr(QStringLiteral("typebot-upload: ") + text);
    finish(exitCode);
}

} // namespace TypebotCli
