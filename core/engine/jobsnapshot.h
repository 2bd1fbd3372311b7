// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/uploadticket.h"
#include "diagnostics/httpexchange.h"
#include "diagnostics/timelineentry.h"
#include "jobfailure.h"
#include "jobstate.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Typebot {

// An immutable copy of a job's state, handed across threads to the GUI model and the CLI.
struct JobSnapshot
{
    quint64 id = 0;
    QString filePath;
    QString displayName;
    QString mimeType;
    qint64 size = -1;
    JobState::Value state = JobState::Value::Queued;
    qint64 bytesSent = 0;
    double speed = 0.0; // bytes per second, smoothed
    qint64 etaSeconds = -1; // -1: unknown
    int attempt = 0;
    int maxAttempts = 0;
    QDateTime nextRetryAt; // UTC, when waiting to retry
    bool waitingForServer = false; // retrying after an outage (no answer, 5xx, 429)
    QString fileUrl;
    // Failed or Canceled: why. WaitingToRetry: the failure it waits out. Null otherwise.
    // Views word it (FailureWording); nothing reads a sentence back.
    JobFailure failure;
    QList<TimelineEntry> timeline;
    // The upload slot of the latest attempt (empty before one was obtained), for "copy as
    // curl". It holds the policy and signature: redact before showing it.
    UploadTicket ticket;
    ServerKnowledge::Route ticketRoute = ServerKnowledge::Route::Unknown; // that slot's route
    // The requests of the latest slot and upload attempt, as sent (redact when showing):
    // what "copy as curl" and --print-curl reproduce.
    QList<HttpExchange> exchanges;
    QString uploadName; // the name the file was sent under (distinct within its session)
    // Where it goes (waiting) or went: the profile's recorded name and the API's host
    // (empty when restored from an older run).
    QString destinationProfile;
    QString destinationHost;
};

// Totals over the whole queue.
struct QueueStats
{
    int total = 0;
    int queued = 0;
    int active = 0;
    int waiting = 0; // of the active ones: waiting to retry
    int done = 0;
    int failed = 0;
    int canceled = 0;
    qint64 bytesTotal = 0; // of files not canceled
    qint64 bytesDone = 0; // stored files plus bytes sent by active uploads
    double speed = 0.0;
    qint64 etaSeconds = -1;
    bool paused = false;

    bool isIdle() const { return queued == 0 && active == 0; }
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::JobSnapshot)
Q_DECLARE_METATYPE(Typebot::QueueStats)
