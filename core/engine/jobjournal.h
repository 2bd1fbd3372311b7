// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobsnapshot.h"

#include <QList>
#include <QString>

namespace Typebot {

// Where the engine writes down what must survive a crash: every file before any network
// request, and each state change that matters. An interface so the engine stays
// testable without a database; JobDatabase is the real one.
class JobJournal
{
public:
    struct QueuedFile
    {
        QString path;
        qint64 size = -1;
    };

    struct Entry
    {
        quint64 id = 0;
        QString path;
        qint64 size = -1;
        JobState::Value state = JobState::Value::Queued;
        QString fileUrl;
        JobFailure failure; // of a failed or canceled file
        QList<TimelineEntry> timeline; // its last attempts, oldest first
        int attempts = 0;
        QString session; // the chat session the file was queued for
        QString profile; // the profile (recorded name) it was queued for
    };

    virtual ~JobJournal() = default;

    // One id per file, in order, written in one transaction. Empty on failure: the engine
    // then carries on with ids of its own (in memory only).
    virtual QList<quint64> recordQueued(const QList<QueuedFile> &files, const QString &profile,
                                        const QString &sessionId) = 0;
    virtual void recordState(const JobSnapshot &job) = 0;
    virtual void recordRemoved(const QList<quint64> &ids) = 0;
    // Files still waiting that now go elsewhere (the user switched profile or session):
    // History must name where they were really stored.
    virtual void recordDestination(const QList<quint64> &ids, const QString &profile,
                                   const QString &sessionId) = 0;
    // Every file still in the queue when the last run ended, in queue order: finished ones
    // as they ended, the others in the state they were caught in.
    virtual QList<Entry> entries() = 0;
    // The names of the objects already stored in `session` (the last segment of each
    // stored file's link), so a new file is not sent under a name that would overwrite one.
    virtual QStringList storedNames(const QString &session) = 0;
};

} // namespace Typebot
