// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/jobsnapshot.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <functional>

// The upload queue as a table: one row per file, fed by the engine's snapshots. Changes are
// collected and flushed every FlushIntervalMs, as dataChanged for the changed columns only
// (or one full-range signal when most rows changed), so 10,000 rows stay cheap to show.
class QueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueModel)

public:
    enum Column {
        NameColumn,
        SizeColumn,
        StatusColumn,
        ProgressColumn,
        SpeedColumn,
        TimeLeftColumn,
        UrlColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        JobIdRole = Qt::UserRole,
        SortRole,
        ProgressRole, // double 0..1, or -1 when no bar should be drawn
        StateRole, // Typebot::JobState::Value as int
        FilePathRole,
        FileUrlRole,
    };
    Q_ENUM(Role)

    static constexpr int FlushIntervalMs = 250;
    static constexpr int MaxRemovalRuns = 64;

    explicit QueueModel(QObject *parent = nullptr);
    ~QueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // New jobs are appended in one beginInsertRows batch.
    void addJobs(const QList<Typebot::JobSnapshot> &jobs);
    // Stored now, announced at the next flush.
    void updateJobs(const QList<Typebot::JobSnapshot> &jobs);
    void removeJobs(const QList<quint64> &ids);
    void flush(); // announces pending changes now

    int rowOfJob(quint64 id) const;
    bool hasJob(quint64 id) const { return m_rows.contains(id); }
    const Typebot::JobSnapshot &jobAt(int row) const { return m_jobs.at(row); }
    Typebot::JobSnapshot job(quint64 id) const;

    // The words in the Status column; `now` decides the retry countdown.
    static QString statusText(const Typebot::JobSnapshot &job, const QDateTime &nowUtc);
    // A failed job's status: what happened, in words (FailureWording), in today's language.
    static QString failureText(const Typebot::JobSnapshot &job);
    // Waiting to retry: why, then when ("The server is not accepting files right now (it
    // answered 503). Retrying in 24 s.").
    static QString retryText(const Typebot::JobSnapshot &job, const QDateTime &nowUtc);
    // The status cell's tooltip: what happened and what the user can do or what comes next.
    static QString statusToolTip(const Typebot::JobSnapshot &job);
    static double progressOf(const Typebot::JobSnapshot &job);

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Links known not to work any more (the built-in sandbox's, after its storage or address
    // changed): their rows say so instead of a plain "Stored".
    void addUnavailableLinks(const QSet<QString> &links);
    bool isLinkUnavailable(const Typebot::JobSnapshot &job) const;

private:
    QDateTime now() const;
    void rebuildRowIndex(int fromRow = 0);
    void refreshCountdowns();
    static quint32 changedColumns(const Typebot::JobSnapshot &before,
                                  const Typebot::JobSnapshot &after);

    QList<Typebot::JobSnapshot> m_jobs;
    QHash<quint64, int> m_rows; // job id → row
    QHash<quint64, quint32> m_pendingMasks; // job id → changed-column bits since last flush
    QTimer m_flushTimer;
    QTimer m_countdownTimer;
    std::function<QDateTime()> m_clock;
    QSet<QString> m_unavailableLinks;
};
