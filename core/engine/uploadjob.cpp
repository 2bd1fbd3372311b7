// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadjob.h"

#include "api/postpolicy.h"
#include "api/preflight.h"
#include "api/routememory.h"
#include "api/ticketrequest.h"
#include "api/tlsconfiguration.h"
#include "diagnostics/humanformat.h"
#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"
#include "diagnostics/timelinenotes.h"
#include "errorclassifier.h"
#include "failureinfo.h"
#include "failurewording.h"
#include "system/localfile.h"
#include "system/nativefileinfo.h"
#include "system/nativepath.h"
#include "uploadnames.h"

#include <QFile>
#include <QMetaEnum>

namespace Typebot {

namespace {

// A ticket is reused for a retry only while it has this much life left; otherwise a
// fresh one is signed, as Typebot's expiry is short (10 minutes).
constexpr qint64 TicketReuseMarginSecs = 120;

QString networkErrorName(QNetworkReply::NetworkError error)
{
    const char *key = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error);
    return key ? QString::fromLatin1(key) : QString::number(int(error));
}

} // namespace

UploadJob::UploadJob(quint64 id, const QString &filePath, const JobEnvironment *environment,
                     QObject *parent)
    : QObject(parent),
      m_id(id),
      m_filePath(filePath),
      m_displayName(NativePath::displayName(filePath)),
      m_env(environment),
      m_retryTimer(this) // parented so it follows the job into the engine's thread
{
    // By the path's bytes: a name that is not UTF-8 is still this file's (NativePath).
    const NativeFileInfo info(filePath);
    if (info.isFile())
        m_size = info.size();
    m_mimeType = LocalFile::mimeType(filePath);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &UploadJob::beginAttempt);
}

UploadJob::~UploadJob() = default;

QDateTime UploadJob::now() const
{
    return m_env->clock ? m_env->clock() : QDateTime::currentDateTimeUtc();
}

QDateTime UploadJob::serverNow() const
{
    return now().addMSecs(m_clockSkewMs);
}

JobSnapshot UploadJob::snapshot() const
{
    JobSnapshot s;
    s.id = m_id;
    s.filePath = m_filePath;
    s.displayName = m_displayName;
    s.mimeType = m_mimeType;
    s.size = m_size;
    s.state = m_state;
    s.bytesSent = m_bytesSent;
    s.speed = m_state == State::Uploading ? m_speed : 0.0;
    if (s.speed > 1.0 && m_size > 0)
        s.etaSeconds = qint64(double(m_size - m_bytesSent) / s.speed);
    s.attempt = m_attempt;
    s.maxAttempts = m_env->config->retry.maxAttempts;
    s.nextRetryAt = m_nextRetryAt;
    s.waitingForServer = m_state == State::WaitingToRetry && m_waitingForServer;
    s.fileUrl = m_fileUrl;
    s.failure = m_failure;
    s.timeline = m_timeline;
    if (m_ticket)
        s.ticket = *m_ticket;
    s.ticketRoute = m_ticketRoute;
    s.uploadName = m_uploadName.isEmpty() ? m_displayName : m_uploadName;
    const bool waiting = m_state == State::Queued || m_state == State::WaitingToRetry;
    if (waiting || (m_destinationProfile.isEmpty() && !JobState::isFinal(m_state))) {
        s.destinationProfile = m_env->config->profileName;
        s.destinationHost = m_env->config->endpoint.apiBase.host();
    } else {
        s.destinationProfile = m_destinationProfile;
        s.destinationHost = m_destinationHost;
    }
    s.exchanges = m_ticketExchanges;
    if (m_uploadExchange)
        s.exchanges.append(*m_uploadExchange);
    return s;
}

void UploadJob::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcEngine) << "job" << m_id << JobState::name(m_state) << "->" << JobState::name(state);
    m_state = state;
    // A stored file keeps its name in the session; one that was not stored frees it.
    if (m_env->names && !m_uploadName.isEmpty()) {
        if (state == State::Done)
            m_env->names->keep(m_id);
        else if (state == State::Failed || state == State::Canceled)
            m_env->names->release(m_id);
    }
    Q_EMIT stateChanged(state);
    if (JobState::isFinal(state))
        Q_EMIT finished();
}

void UploadJob::addEntry(TimelineEntry entry)
{
    entry.time = now();
    entry.attempt = m_attempt;
    entry.message = Redactor::text(entry.message);
    for (QString &value : entry.noteArgs)
        value = Redactor::text(value);
    m_timeline.append(entry);
    // A job that retries for hours must not grow without bound.
    if (m_timeline.size() > 200)
        m_timeline.remove(1, m_timeline.size() - 200);
}

void UploadJob::refuse(const QString &message, const QString &code)
{
    // The folder scanner's problems: a folder that cannot be listed, a link to a folder.
    JobFailure failure = fileFailure(JobFailure::Kind::FileUnreadable, message);
    failure.code = code;
    fail(failure);
}

JobFailure UploadJob::fileFailure(JobFailure::Kind kind, const QString &detail)
{
    JobFailure failure;
    failure.kind = kind;
    failure.step = JobFailure::Step::File;
    failure.code = QStringLiteral("LocalFile");
    failure.detail = detail;
    return failure;
}

bool UploadJob::checkFile()
{
    FileStamp stamp;
    if (const auto problem = checkReadable(&stamp)) {
        fail(*problem);
        return false;
    }
    m_size = stamp.size;
    return true;
}

void UploadJob::start()
{
    if (m_state != State::Queued)
        return;
    m_attempt = 0;
    m_firstFailureAt = QDateTime();
    m_ticket.reset();
    setState(State::RequestingTicket);
    QMetaObject::invokeMethod(this, &UploadJob::beginAttempt, Qt::QueuedConnection);
}

void UploadJob::cancel()
{
    if (JobState::isFinal(m_state))
        return;
    m_retryTimer.stop();
    if (m_ticketRequest) {
        m_ticketRequest->disconnect(this);
        m_ticketRequest->cancel();
        m_ticketRequest->deleteLater();
    }
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->cancel();
        m_transport->deleteLater();
    }
    m_nextRetryAt = QDateTime();
    m_failure = JobFailure();
    m_failure.kind = JobFailure::Kind::Canceled;
    m_failure.attempts = m_attempt;
    m_failure.at = now();
    TimelineEntry entry;
    entry.kind = TimelineEntry::Kind::Note;
    addEntry(TimelineNotes::make(entry, TimelineNotes::Note::Canceled));
    setState(State::Canceled);
}

void UploadJob::retryNow()
{
    if (m_state != State::WaitingToRetry)
        return;
    m_retryTimer.stop();
    QMetaObject::invokeMethod(this, &UploadJob::beginAttempt, Qt::QueuedConnection);
}

bool UploadJob::requeue()
{
    if (m_state != State::Failed && m_state != State::Canceled)
        return false;
    m_failure = JobFailure();
    m_fileUrl.clear();
    m_bytesSent = 0;
    m_attempt = 0;
    m_nextRetryAt = QDateTime();
    m_ticket.reset();
    m_uploadName.clear();
    setState(State::Queued);
    return true;
}

void UploadJob::restoreOutcome(State state, const QString &fileUrl, const JobFailure &failure,
                               const QList<TimelineEntry> &timeline, int attempts,
                               const QString &profile)
{
    m_destinationProfile = profile;
    Q_ASSERT(JobState::isFinal(state));
    m_state = state;
    m_fileUrl = fileUrl;
    m_failure = failure;
    m_timeline = timeline; // the last attempts, as the journal kept them
    m_attempt = attempts;
    if (state == State::Done)
        m_bytesSent = std::max<qint64>(m_size, 0);
    TimelineEntry entry;
    entry.kind = TimelineEntry::Kind::Note;
    addEntry(TimelineNotes::make(entry, TimelineNotes::Note::Restored));
}

UploadJob::FileStamp UploadJob::stampOf(const QString &path)
{
    const NativeFileInfo info(path);
    FileStamp stamp;
    stamp.exists = info.exists();
    if (stamp.exists) {
        stamp.size = info.size();
        stamp.modified = info.lastModified();
    }
    return stamp;
}

std::optional<JobFailure> UploadJob::checkReadable(FileStamp *stamp)
{
    const QString shown = NativePath::readable(m_filePath);
    const NativeFileInfo info(m_filePath);
    if (!info.exists())
        return fileFailure(JobFailure::Kind::FileMissing, tr("File not found: %1").arg(shown));
    if (info.isDir())
        return fileFailure(JobFailure::Kind::IsFolder, tr("%1 is a folder, not a file").arg(shown));
    if (!info.isFile())
        return fileFailure(JobFailure::Kind::NotAFile, tr("%1 is not a regular file").arg(shown));
    QFile probe;
    QString error;
    if (!LocalFile::openForReading(&probe, m_filePath, QIODevice::ReadOnly, &error))
        return fileFailure(JobFailure::Kind::FileUnreadable,
                           tr("Cannot read %1: %2").arg(shown, error));
    *stamp = stampOf(m_filePath);
    return std::nullopt;
}

bool UploadJob::ticketStillFresh() const
{
    return m_ticket && m_ticketExpiry.isValid()
            && serverNow().secsTo(m_ticketExpiry) > TicketReuseMarginSecs;
}

void UploadJob::beginAttempt()
{
    if (JobState::isFinal(m_state))
        return;
    ++m_attempt;
    m_nextRetryAt = QDateTime();
    m_bytesSent = 0;
    Q_EMIT progressChanged(0);

    // Each attempt sends the file from byte 0 with a Content-Length fixed at send time, so
    // each attempt takes its own snapshot and checks it again afterwards.
    FileStamp stamp;
    if (const auto problem = checkReadable(&stamp)) {
        fail(*problem);
        return;
    }
    m_stamp = stamp;
    m_size = stamp.size;

    if (ticketStillFresh())
        startUpload();
    else
        requestTicket();
}

void UploadJob::claimUploadName()
{
    // Servers from 3.17 name objects at random: any name is safe there.
    const bool randomNames = m_env->routes
            && m_env->routes->knowledge().style == ServerKnowledge::SendStyle::UploadProxy;
    m_uploadName =
            randomNames || !m_env->names ? m_displayName : m_env->names->claim(m_id, m_displayName);
    if (m_uploadName == m_displayName)
        return;
    TimelineEntry note;
    note.kind = TimelineEntry::Kind::Note;
    addEntry(TimelineNotes::make(note, TimelineNotes::Note::SentAs,
                                 { m_uploadName, m_displayName }));
}

void UploadJob::requestTicket()
{
    setState(State::RequestingTicket);
    m_destinationProfile = m_env->config->profileName;
    m_destinationHost = m_env->config->endpoint.apiBase.host();
    TicketSource *request = m_env->ticketSourceFactory(this);
    m_ticketRequest = request;
    connect(request, &TicketSource::finished, this, &UploadJob::handleTicket);
    if (m_uploadName.isEmpty())
        claimUploadName();
    request->start({ m_uploadName, m_mimeType, m_size, m_env->config->blockId });
}

void UploadJob::handleTicket(const TicketResult &result)
{
    if (m_ticketRequest)
        m_ticketRequest->deleteLater();
    m_ticketRequest = nullptr;
    if (result.canceled || JobState::isFinal(m_state))
        return;
    m_ticketExchanges = result.exchanges;
    for (HttpExchange &exchange : m_ticketExchanges) {
        exchange.attempt = m_attempt;
        Q_EMIT exchangeRecorded(exchange);
    }

    // Requests that found the server's route first: part of the story, never failures.
    for (const TimelineEntry &note : result.notes)
        addEntry(note);
    TimelineEntry entry;
    entry.kind = TimelineEntry::Kind::Ticket;
    entry.method = QStringLiteral("POST");
    entry.host = result.host;
    entry.httpStatus = result.error.httpStatus;
    entry.durationMs = result.durationMs;
    entry.message = ServerKnowledge::routePath(result.route);
    if (result.serverDate.isValid())
        m_clockSkewMs = now().msecsTo(result.serverDate);

    if (!result.ok) {
        entry.errorCode = result.error.kind == ApiError::Kind::InvalidResponse
                ? QStringLiteral("InvalidResponse")
                : result.error.code.isEmpty() && result.error.httpStatus == 0
                ? networkErrorName(result.networkError)
                : result.error.code;
        entry.message += QStringLiteral(": ") + result.error.toString();
        addEntry(entry);
        FailureInfo failure;
        failure.step = FailureInfo::Step::Ticket;
        failure.networkError = result.networkError;
        failure.httpStatus = result.error.kind == ApiError::Kind::Http
                        || result.error.kind == ApiError::Kind::NoUploadRoute
                ? result.error.httpStatus
                : 0;
        failure.invalidResponse = result.error.kind == ApiError::Kind::InvalidResponse;
        failure.noUploadRoute = result.error.kind == ApiError::Kind::NoUploadRoute;
        if (result.error.kind == ApiError::Kind::Timeout)
            failure.networkError = QNetworkReply::TimeoutError;
        failure.apiCode = result.error.code;
        if (result.error.kind == ApiError::Kind::Http
            || result.error.kind == ApiError::Kind::NoUploadRoute) {
            // The server's words: its message and per-field issues, else an excerpt.
            QStringList said;
            if (!result.error.message.isEmpty())
                said << result.error.message;
            said << result.error.issues;
            failure.serverMessage =
                    said.isEmpty() ? result.error.bodyExcerpt : said.join(QStringLiteral("; "));
        } else {
            failure.detail = result.error.message; // ours: Qt's error, the parse problem
        }
        handleFailure(failure, result.retryAfter);
        return;
    }
    entry.message +=
            QStringLiteral(" \u2192 ") + ServerKnowledge::styleName(result.ticket.sendStyle());
    addEntry(entry);
    m_ticket = result.ticket;
    m_ticketRoute = result.route;

    // Pre-flight: refuse what the bucket would refuse, before sending a byte.
    m_ticketExpiry = QDateTime();
    if (!m_ticket->isPutVariant()) {
        QString error;
        if (const auto policy =
                    PostPolicy::decode(m_ticket->field(QStringLiteral("policy")), &error))
            m_ticketExpiry = policy->expiration;
    }
    if (const auto problem = Preflight::check(*m_ticket, m_size, serverNow())) {
        TimelineEntry check;
        check.kind = TimelineEntry::Kind::Preflight;
        check.message = problem->message;
        addEntry(check);
        fail(ErrorClassifier::describe(*problem));
        return;
    }
    startUpload();
}

void UploadJob::startUpload()
{
    setState(State::Uploading);
    const EngineConfig &config = *m_env->config;
    TransferRequest request;
    request.ticket = *m_ticket;
    request.filePath = m_filePath;
    request.uploadName = m_uploadName.isEmpty() ? m_displayName : m_uploadName;
    // The type the server signed or expects: the policy's field, the slot's fileType
    // (3.16+), else ours.
    request.contentType = m_ticket->field(QStringLiteral("Content-Type"));
    if (request.contentType.isEmpty())
        request.contentType = m_ticket->fileType;
    if (request.contentType.isEmpty())
        request.contentType = m_mimeType;
    request.expectedSize = m_size;
    request.stallTimeoutMs = config.stallTimeoutMs;
    request.userAgent = config.userAgent;
    if (!config.endpoint.caFile.isEmpty()) {
        QString error;
        if (const auto certificates = TlsConfiguration::loadCaFile(config.endpoint.caFile, &error))
            request.extraCaCertificates = *certificates;
    }
    UploadTransport *transport = m_env->transportFactory(m_env->nam, this);
    m_transport = transport;
    connect(transport, &UploadTransport::progressChanged, this, &UploadJob::handleTransferProgress);
    connect(transport, &UploadTransport::finished, this, &UploadJob::handleTransferFinished);
    transport->start(request);
}

void UploadJob::handleTransferProgress(qint64 sent, qint64 total)
{
    if (m_state != State::Uploading && m_state != State::Finishing)
        return;
    // The body also holds the form fields; report file bytes so bars add up.
    const qint64 overhead = std::max<qint64>(0, total - m_size);
    m_bytesSent = std::clamp<qint64>(sent - overhead, 0, std::max<qint64>(m_size, 0));
    Q_EMIT progressChanged(m_bytesSent);
    if (total > 0 && sent >= total)
        setState(State::Finishing); // bytes are in the socket; the server has not answered
    else if (m_state == State::Finishing)
        setState(State::Uploading); // Qt rewound the body to resend it
}

QString UploadJob::uploadErrorText(const TransferResult &result) const
{
    // The facts for the timeline, as the storage gave them; FailureWording says what they
    // mean, in the user's language.
    if (result.s3Error)
        return result.s3Error->toString();
    if (!result.serverMessage.isEmpty())
        return u'"' + result.serverMessage + u'"';
    return result.errorString;
}

void UploadJob::handleTransferFinished(const TransferResult &result)
{
    if (m_transport)
        m_transport->deleteLater();
    m_transport = nullptr;
    if (JobState::isFinal(m_state) || result.outcome == TransferResult::Outcome::Canceled)
        return;
    m_uploadExchange = result.exchange;
    m_uploadExchange->attempt = m_attempt;
    Q_EMIT exchangeRecorded(*m_uploadExchange);

    // Qt's own silent resends count toward the budget.
    m_attempt += result.silentResends;

    TimelineEntry entry;
    entry.kind = TimelineEntry::Kind::Upload;
    entry.method = m_ticket->isPutVariant() ? QStringLiteral("PUT") : QStringLiteral("POST");
    entry.host = m_ticket->presignedUrl.host();
    entry.httpStatus = result.httpStatus;
    entry.durationMs = result.durationMs;
    entry.bytes = result.bytesSent;
    entry.requestId = result.requestId();
    entry.message = ServerKnowledge::styleName(m_ticket->sendStyle());
    if (result.s3Error)
        entry.errorCode = result.s3Error->code;
    else if (result.outcome == TransferResult::Outcome::Stalled)
        entry.errorCode = QStringLiteral("Stalled");
    else if (result.httpStatus == 0 && result.outcome != TransferResult::Outcome::LocalError)
        entry.errorCode = networkErrorName(result.networkError);

    if (result.outcome == TransferResult::Outcome::LocalError) {
        entry.message = result.errorString;
        addEntry(entry);
        fail(fileFailure(JobFailure::Kind::FileUnreadable, result.errorString));
        return;
    }
    if (result.ok()) {
        if (result.silentResends > 0)
            entry.message += QStringLiteral("; ")
                    + tr("Qt re-sent the body %n time(s)", nullptr, result.silentResends);
        addEntry(entry);
        TimelineEntry verify;
        verify.kind = TimelineEntry::Kind::Verify;
        const FileStamp after = stampOf(m_filePath);
        if (!(after == m_stamp)) {
            verify.message = after.exists ? tr("file changed during the upload")
                                          : tr("file deleted during the upload");
            addEntry(verify);
            JobFailure changed = fileFailure(
                    after.exists ? JobFailure::Kind::FileChanged : JobFailure::Kind::FileMissing,
                    NativePath::readable(m_filePath) + QStringLiteral(": ") + verify.message);
            changed.code = QStringLiteral("FileChanged");
            fail(changed);
            return;
        }
        addEntry(TimelineNotes::make(verify, TimelineNotes::Note::Unchanged,
                                     { HumanFormat::bytes(m_size) }));
        m_bytesSent = m_size;
        m_fileUrl = m_ticket->fileUrl;
        m_failure = JobFailure();
        setState(State::Done);
        return;
    }

    const QString message = uploadErrorText(result);
    entry.message += QStringLiteral(": ") + message;
    addEntry(entry);
    // A file that changed under the upload explains the failure better than whatever
    // the server made of the mangled body, and retrying the old snapshot is pointless.
    if (!(stampOf(m_filePath) == m_stamp)) {
        JobFailure changed = fileFailure(JobFailure::Kind::FileChanged,
                                         NativePath::readable(m_filePath) + QStringLiteral(": ")
                                                 + tr("file changed during the upload"));
        changed.code = QStringLiteral("FileChanged");
        fail(changed);
        return;
    }
    FailureInfo failure;
    failure.step = FailureInfo::Step::Upload;
    failure.networkError = result.networkError;
    failure.httpStatus = result.httpStatus;
    failure.stalled = result.outcome == TransferResult::Outcome::Stalled;
    if (result.s3Error) {
        failure.s3Code = result.s3Error->code;
        failure.s3Message = result.s3Error->message;
    }
    failure.serverMessage = result.serverMessage;
    if (result.s3Error)
        failure.sizeLimit =
                result.s3Error->extra.value(QStringLiteral("MaxSizeAllowed"), QStringLiteral("-1"))
                        .toLongLong();
    if (failure.sizeLimit <= 0)
        failure.sizeLimit = m_ticket->maxFileSizeBytes();
    if (result.httpStatus == 0)
        failure.detail = result.errorString;
    handleFailure(failure, result.header("Retry-After"));
}

void UploadJob::handleFailure(const FailureInfo &failure, const QByteArray &retryAfter)
{
    const RetryPolicy &policy = m_env->config->retry;
    const auto action = ErrorClassifier::classify(failure);
    JobFailure described = ErrorClassifier::describe(failure);
    described.attempts = m_attempt;
    described.at = now();
    if (action == ErrorClassifier::Action::Fail) {
        fail(described);
        return;
    }
    // Outages are waited out for a long while; other retryable failures have a budget.
    const bool outage = ErrorClassifier::isOutage(failure);
    if (!m_firstFailureAt.isValid())
        m_firstFailureAt = now();
    const bool waitingOut = outage && policy.outageDeadline.count() > 0
            && m_firstFailureAt.secsTo(now()) < policy.outageDeadline.count();
    if (!policy.mayRetry(m_attempt) && !waitingOut) {
        fail(described); // its attempts say how often it was tried
        return;
    }
    RetryPolicy::Milliseconds delay(0);
    if (action == ErrorClassifier::Action::RenewTicketAndRetry) {
        m_ticket.reset(); // signed too long ago; a fresh one right away
    } else {
        delay = policy.delayAfter(m_attempt, RetryPolicy::parseRetryAfter(retryAfter, now()),
                                  waitingOut);
        if (failure.step == FailureInfo::Step::Upload && !ticketStillFresh())
            m_ticket.reset();
    }
    m_failure = described; // what the row says it waits out
    m_waitingForServer = outage;
    m_nextRetryAt = now().addMSecs(delay.count());
    TimelineEntry entry;
    entry.kind = TimelineEntry::Kind::Retry;
    entry.durationMs = delay.count();
    if (action == ErrorClassifier::Action::RenewTicketAndRetry)
        entry = TimelineNotes::make(entry, TimelineNotes::Note::FreshSlot);
    else if (retryAfter.isEmpty())
        entry = TimelineNotes::make(
                entry, TimelineNotes::Note::WaitingBeforeAttempt,
                { QString::number(m_attempt + 1), QString::number(policy.maxAttempts) });
    else
        entry = TimelineNotes::make(entry, TimelineNotes::Note::ServerAskedToWait,
                                    { QString::fromLatin1(retryAfter) });
    addEntry(entry);
    qCInfo(lcEngine).noquote() << "job" << m_id << "retrying in" << delay.count()
                               << "ms:" << JobFailure::kindName(described.kind)
                               << FailureWording::technical(described);
    setState(State::WaitingToRetry);
    m_retryTimer.start(int(delay.count()));
}

void UploadJob::fail(const JobFailure &failure)
{
    m_retryTimer.stop();
    m_nextRetryAt = QDateTime();
    m_failure = failure;
    m_failure.serverMessage = Redactor::text(m_failure.serverMessage);
    m_failure.detail = Redactor::text(m_failure.detail);
    if (m_failure.attempts == 0)
        m_failure.attempts = m_attempt;
    if (!m_failure.at.isValid())
        m_failure.at = now();
    qCInfo(lcEngine).noquote() << "job" << m_id << "failed:" << JobFailure::kindName(m_failure.kind)
                               << FailureWording::technical(m_failure);
    setState(State::Failed);
}

} // namespace Typebot
