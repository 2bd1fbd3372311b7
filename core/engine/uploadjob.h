// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/ticketsource.h"
#include "engineconfig.h"
#include "jobsnapshot.h"
#include "transfer/transferresult.h"
#include "transfer/uploadtransport.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Typebot {

class RouteMemory;
class UploadNames;
struct FailureInfo;

// What jobs share, owned by the engine.
struct JobEnvironment
{
    QNetworkAccessManager *nam = nullptr;
    const EngineConfig *config = nullptr;
    RouteMemory *routes = nullptr; // which generate-upload-url route the API base has
    UploadNames *names = nullptr; // the names files are sent under in this session
    TicketSourceFactory ticketSourceFactory;
    UploadTransportFactory transportFactory;
    std::function<QDateTime()> clock; // UTC
};

// One file's upload as an explicit state machine (KJob's contract: start() schedules,
// finished() comes exactly once per run). A run asks for a ticket right before each
// upload, checks it, uploads, classifies failures, and verifies the file did not change.
class UploadJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadJob)

public:
    using State = JobState::Value;

    UploadJob(quint64 id, const QString &filePath, const JobEnvironment *environment,
              QObject *parent = nullptr);
    ~UploadJob() override;

    quint64 id() const { return m_id; }
    State state() const { return m_state; }
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 size() const { return m_size; }
    int attempt() const { return m_attempt; }
    QString filePath() const { return m_filePath; }
    JobSnapshot snapshot() const;

    void setSmoothedSpeed(double bytesPerSecond) { m_speed = bytesPerSecond; }

    // Fails the job at once when the file is missing, a folder or unreadable, so such
    // files show their problem as soon as they are added. True when the file is usable.
    bool checkFile();
    // Fails the job at once for a reason found before it was created (a folder that cannot
    // be read, a name that cannot be opened), without emitting: nothing ran.
    void refuse(const QString &message, const QString &code);
    void start(); // Queued → running; does nothing in any other state
    void cancel(); // any running or queued state → Canceled
    void retryNow(); // WaitingToRetry: skip the rest of the delay (the network is back)
    bool requeue(); // Failed or Canceled → Queued with a fresh attempt budget
    // Puts a job read back from the journal into the final state it ended in, without
    // emitting anything: nothing happened in this run.
    void restoreOutcome(State state, const QString &fileUrl, const JobFailure &failure,
                        const QList<TimelineEntry> &timeline, int attempts,
                        const QString &profile = QString());

Q_SIGNALS:
    void stateChanged(Typebot::JobState::Value state);
    void progressChanged(qint64 bytesSent);
    void finished(); // reached Done, Failed or Canceled
    // A request this job made (the ticket's, the upload's), as sent, with its answer.
    void exchangeRecorded(const Typebot::HttpExchange &exchange);

private:
    struct FileStamp
    {
        bool exists = false;
        qint64 size = -1;
        QDateTime modified;
        bool operator==(const FileStamp &other) const
        {
            return exists == other.exists && size == other.size && modified == other.modified;
        }
    };

    void setState(State state);
    void beginAttempt();
    void claimUploadName();
    void requestTicket();
    void handleTicket(const Typebot::TicketResult &result);
    void startUpload();
    void handleTransferProgress(qint64 sent, qint64 total);
    void handleTransferFinished(const Typebot::TransferResult &result);
    void handleFailure(const FailureInfo &failure, const QByteArray &retryAfter);
    void fail(const JobFailure &failure);
    static JobFailure fileFailure(JobFailure::Kind kind, const QString &detail);
    void addEntry(TimelineEntry entry);
    bool ticketStillFresh() const;
    QDateTime now() const;
    QDateTime serverNow() const;
    static FileStamp stampOf(const QString &path);
    std::optional<JobFailure> checkReadable(FileStamp *stamp);
    QString uploadErrorText(const TransferResult &result) const;

    const quint64 m_id;
    const QString m_filePath;
    const QString m_displayName;
    QString m_mimeType;
    const JobEnvironment *m_env;

    State m_state = State::Queued;
    qint64 m_size = -1;
    qint64 m_bytesSent = 0;
    double m_speed = 0.0;
    int m_attempt = 0;
    QDateTime m_nextRetryAt;
    bool m_waitingForServer = false; // the last failure was an outage
    QDateTime m_firstFailureAt; // of this run: outages are waited out from here
    QString m_fileUrl;
    JobFailure m_failure; // see JobSnapshot::failure
    QList<TimelineEntry> m_timeline;

    FileStamp m_stamp;
    std::optional<UploadTicket> m_ticket;
    ServerKnowledge::Route m_ticketRoute = ServerKnowledge::Route::Unknown;
    QString m_uploadName; // the name sent (distinct within the session), once claimed
    // Where its last ticket was asked for; a waiting job goes wherever the engine points.
    QString m_destinationProfile;
    QString m_destinationHost;
    QDateTime m_ticketExpiry;
    qint64 m_clockSkewMs = 0; // server clock minus ours, from the API's Date header
    QPointer<TicketSource> m_ticketRequest;
    QList<HttpExchange> m_ticketExchanges; // of the latest slot asked for
    std::optional<HttpExchange> m_uploadExchange; // the latest upload attempt
    QPointer<UploadTransport> m_transport;
    QTimer m_retryTimer;
};

} // namespace Typebot
