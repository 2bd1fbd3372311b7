// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuemodel.h"

#include "diagnostics/humanformat.h"
#include "engine/failurewording.h"
#include "localsandbox.h"
#include "mimeicons.h"
#include "system/nativepath.h"
#include "themecolors.h"

#include <QColor>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <optional>

using Typebot::FailureWording;
using Typebot::HumanFormat;
using Typebot::JobFailure;
using Typebot::JobSnapshot;
using Typebot::JobState;

namespace {

constexpr quint32 bit(int column)
{
    return 1u << column;
}

} // namespace

QueueModel::QueueModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &QueueModel::flush);
    // "Retrying in 4 s" counts down between engine updates.
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &QueueModel::refreshCountdowns);
    m_countdownTimer.start();
}

QueueModel::~QueueModel() = default;

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime QueueModel::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

double QueueModel::progressOf(const JobSnapshot &job)
{
    switch (job.state) {
    case JobState::Value::Done:
    case JobState::Value::Finishing:
        return 1.0;
    case JobState::Value::Failed:
    case JobState::Value::Canceled:
    // The next attempt sends the whole file again: a full bar beside "Retrying in 20 s"
    // would claim what is not there.
    case JobState::Value::WaitingToRetry:
        return -1.0;
    default:
        break;
    }
    if (job.size <= 0)
        return 0.0;
    return std::clamp(double(job.bytesSent) / double(job.size), 0.0, 1.0);
}

QString QueueModel::statusText(const JobSnapshot &job, const QDateTime &nowUtc)
{
    switch (job.state) {
    case JobState::Value::Queued:
        return tr("Waiting");
    case JobState::Value::RequestingTicket:
        if (job.attempt > 1)
            return tr("Getting upload slot (attempt %1 of %2)")
                    .arg(job.attempt)
                    .arg(job.maxAttempts);
        return tr("Getting upload slot");
    case JobState::Value::Uploading:
        return tr("Uploading %1%").arg(int(std::floor(progressOf(job) * 100.0)));
    case JobState::Value::Finishing:
        return tr("Finishing…");
    case JobState::Value::WaitingToRetry:
        return retryText(job, nowUtc);
    case JobState::Value::Done:
        return tr("Stored");
    case JobState::Value::Failed:
        return failureText(job);
    case JobState::Value::Canceled:
        return tr("Canceled");
    }
    return QString();
}

QString QueueModel::retryText(const JobSnapshot &job, const QDateTime &nowUtc)
{
    const int next = job.attempt + 1;
    QString when;
    if (!job.nextRetryAt.isValid()) {
        when = tr("Retrying (attempt %1 of %2).").arg(next).arg(job.maxAttempts);
    } else {
        const qint64 ms = std::max<qint64>(0, nowUtc.msecsTo(job.nextRetryAt));
        const qint64 seconds = (ms + 999) / 1000;
        // An outage is waited out, not counted down to a failure.
        if (job.waitingForServer)
            when = seconds >= 120 ? tr("Retrying in %1 min.").arg((seconds + 59) / 60)
                                  : tr("Retrying in %1 s.").arg(seconds);
        else
            when = tr("Retrying in %1 s (attempt %2 of %3).")
                           .arg(seconds)
                           .arg(next)
                           .arg(job.maxAttempts);
    }
    if (job.failure.isNull())
        return when;
    // Why it waits first: the column is narrow, and the reason is what a person needs.
    const QString why = FailureWording::whatHappened(job.failure, job.size);
    // A fresh link is asked for at once: there is no wait to count down.
    if (job.failure.kind == JobFailure::Kind::SlotExpired)
        return why + u' '
                + FailureWording::whatToDo(job.failure, FailureWording::Outlook::Retrying);
    return why + u' ' + when;
}

QString QueueModel::failureText(const JobSnapshot &job)
{
    if (job.failure.isNull())
        return tr("Failed");
    return tr("Failed: %1").arg(FailureWording::whatHappened(job.failure, job.size));
}

QString QueueModel::statusToolTip(const JobSnapshot &job)
{
    if (job.failure.isNull())
        return QString();
    switch (job.state) {
    case JobState::Value::Failed:
        return FailureWording::explanation(job.failure, FailureWording::Outlook::Final, job.size);
    case JobState::Value::WaitingToRetry:
        return FailureWording::explanation(job.failure, FailureWording::Outlook::Retrying,
                                           job.size);
    default:
        return QString();
    }
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobSnapshot &job = m_jobs.at(index.row());
    const int column = index.column();
    const bool uploading = job.state == JobState::Value::Uploading;

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return job.displayName;
        case SizeColumn:
            return job.size >= 0 ? HumanFormat::bytes(job.size) : QString();
        case StatusColumn:
            if (isLinkUnavailable(job))
                return tr("Stored, but the link no longer works");
            return statusText(job, now());
        case ProgressColumn:
            return {};
        case SpeedColumn:
            return uploading && job.speed > 0.0 ? HumanFormat::speed(job.speed) : QString();
        case TimeLeftColumn:
            return uploading && job.etaSeconds >= 0 ? HumanFormat::duration(job.etaSeconds)
                                                    : QString();
        case UrlColumn:
            return job.fileUrl;
        }
        break;
    case Qt::DecorationRole:
        if (column == NameColumn)
            return MimeIcons::icon(job.mimeType);
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn:
            return Typebot::NativePath::readable(job.filePath); // a name may not be UTF-8
        case StatusColumn: {
            if (isLinkUnavailable(job))
                return LocalSandbox::unavailableLinkText();
            const QString tip = statusToolTip(job);
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        case UrlColumn:
            return job.fileUrl.isEmpty() ? QVariant() : job.fileUrl;
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == SpeedColumn || column == TimeLeftColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // From the application palette, so it reads in a dark theme too.
        if (column == StatusColumn && job.state == JobState::Value::Failed)
            return ThemeColors::text(ThemeColors::Tone::Error, QGuiApplication::palette());
        if (column == StatusColumn && isLinkUnavailable(job))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (column == StatusColumn && job.state == JobState::Value::Done)
            return ThemeColors::text(ThemeColors::Tone::Success, QGuiApplication::palette());
        break;
    case Qt::AccessibleTextRole:
        if (column == ProgressColumn)
            return tr("%1%").arg(int(std::floor(std::max(0.0, progressOf(job)) * 100.0)));
        break;
    case JobIdRole:
        return job.id;
    case ProgressRole:
        return progressOf(job);
    case StateRole:
        return int(job.state);
    case FilePathRole:
        return job.filePath;
    case FileUrlRole:
        return job.fileUrl;
    case SortRole:
        switch (column) {
        case NameColumn:
            return job.displayName.toLower();
        case SizeColumn:
            return job.size;
        case StatusColumn:
            return int(job.state) * 2000 + int(std::max(0.0, progressOf(job)) * 1000.0);
        case ProgressColumn:
            return progressOf(job);
        case SpeedColumn:
            return uploading ? job.speed : 0.0;
        case TimeLeftColumn:
            return uploading ? job.etaSeconds : qint64(-1);
        case UrlColumn:
            return job.fileUrl;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case SizeColumn:
            return tr("Size");
        case StatusColumn:
            return tr("Status");
        case ProgressColumn:
            return tr("Progress");
        case SpeedColumn:
            return tr("Speed");
        case TimeLeftColumn:
            return tr("Time left");
        case UrlColumn:
            return tr("Link");
        default:
            break;
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (section == SizeColumn || section == SpeedColumn || section == TimeLeftColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

void QueueModel::addJobs(const QList<JobSnapshot> &jobs)
{
    QList<JobSnapshot> fresh;
    fresh.reserve(jobs.size());
    for (const JobSnapshot &job : jobs) {
        if (!m_rows.contains(job.id))
            fresh << job;
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_jobs.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_jobs.reserve(m_jobs.size() + fresh.size());
    for (const JobSnapshot &job : std::as_const(fresh)) {
        m_rows.insert(job.id, int(m_jobs.size()));
        m_jobs << job;
    }
    endInsertRows();
}

quint32 QueueModel::changedColumns(const JobSnapshot &before, const JobSnapshot &after)
{
    quint32 mask = 0;
    if (before.displayName != after.displayName || before.mimeType != after.mimeType)
        mask |= bit(NameColumn);
    if (before.size != after.size)
        mask |= bit(SizeColumn);
    if (before.state != after.state || before.bytesSent != after.bytesSent
        || before.attempt != after.attempt || before.maxAttempts != after.maxAttempts
        || before.nextRetryAt != after.nextRetryAt || before.failure != after.failure)
        mask |= bit(StatusColumn);
    if (before.state != after.state || before.bytesSent != after.bytesSent
        || before.size != after.size)
        mask |= bit(ProgressColumn);
    if (before.state != after.state || before.speed != after.speed)
        mask |= bit(SpeedColumn);
    if (before.state != after.state || before.etaSeconds != after.etaSeconds)
        mask |= bit(TimeLeftColumn);
    if (before.fileUrl != after.fileUrl)
        mask |= bit(UrlColumn);
    return mask;
}

void QueueModel::updateJobs(const QList<JobSnapshot> &jobs)
{
    for (const JobSnapshot &job : jobs) {
        const auto it = m_rows.constFind(job.id);
        if (it == m_rows.cend())
            continue;
        JobSnapshot &stored = m_jobs[it.value()];
        const quint32 mask = changedColumns(stored, job);
        stored = job; // the timeline may change without a visible column changing
        if (mask)
            m_pendingMasks[job.id] |= mask;
    }
    if (!m_pendingMasks.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void QueueModel::flush()
{
    m_flushTimer.stop();
    if (m_pendingMasks.isEmpty())
        return;
    const QHash<quint64, quint32> pending = std::exchange(m_pendingMasks, {});
    if (pending.size() * 2 > m_jobs.size()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
        return;
    }
    QList<std::pair<int, quint32>> rows;
    rows.reserve(pending.size());
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const int row = m_rows.value(it.key(), -1);
        if (row >= 0)
            rows.append({ row, it.value() });
    }
    std::sort(rows.begin(), rows.end());
    // Neighbouring rows with the same changed columns share one signal.
    int i = 0;
    while (i < rows.size()) {
        int j = i;
        while (j + 1 < rows.size() && rows.at(j + 1).first == rows.at(j).first + 1
               && rows.at(j + 1).second == rows.at(i).second)
            ++j;
        const quint32 mask = rows.at(i).second;
        int column = 0;
        while (column < ColumnCount) {
            if (!(mask & bit(column))) {
                ++column;
                continue;
            }
            int last = column;
            while (last + 1 < ColumnCount && (mask & bit(last + 1)))
                ++last;
            Q_EMIT dataChanged(index(rows.at(i).first, column), index(rows.at(j).first, last));
            column = last + 1;
        }
        i = j + 1;
    }
}

void QueueModel::removeJobs(const QList<quint64> &ids)
{
    QList<int> rows;
    rows.reserve(ids.size());
    for (quint64 id : ids) {
        const int row = m_rows.value(id, -1);
        if (row >= 0)
            rows << row;
        m_pendingMasks.remove(id);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int runs = 1;
    for (int i = 1; i < rows.size(); ++i) {
        if (rows.at(i) != rows.at(i - 1) + 1)
            ++runs;
    }
    // Many scattered rows (clearing thousands of finished files) would cost one signal and
    // one shift of the list per run; a reset is cheaper then.
    if (rows.size() == m_jobs.size() || runs > MaxRemovalRuns) {
        beginResetModel();
        QList<JobSnapshot> kept;
        kept.reserve(m_jobs.size() - rows.size());
        int next = 0;
        for (int row = 0; row < m_jobs.size(); ++row) {
            if (next < rows.size() && rows.at(next) == row) {
                ++next;
                continue;
            }
            kept << std::move(m_jobs[row]);
        }
        m_jobs = std::move(kept);
        m_rows.clear();
        rebuildRowIndex();
        endResetModel();
        return;
    }
    // From the bottom up, one signal per contiguous run of rows.
    int end = int(rows.size()) - 1;
    while (end >= 0) {
        int start = end;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        const int firstRow = rows.at(start);
        const int lastRow = rows.at(end);
        beginRemoveRows({}, firstRow, lastRow);
        for (int row = firstRow; row <= lastRow; ++row)
            m_rows.remove(m_jobs.at(row).id);
        m_jobs.remove(firstRow, lastRow - firstRow + 1);
        endRemoveRows();
        end = start - 1;
    }
    rebuildRowIndex(rows.constFirst());
}

void QueueModel::rebuildRowIndex(int fromRow)
{
    for (int row = fromRow; row < m_jobs.size(); ++row)
        m_rows.insert(m_jobs.at(row).id, row);
}

int QueueModel::rowOfJob(quint64 id) const
{
    return m_rows.value(id, -1);
}

JobSnapshot QueueModel::job(quint64 id) const
{
    const int row = rowOfJob(id);
    return row >= 0 ? m_jobs.at(row) : JobSnapshot();
}

void QueueModel::refreshCountdowns()
{
    bool any = false;
    for (const JobSnapshot &job : std::as_const(m_jobs)) {
        if (job.state == JobState::Value::WaitingToRetry) {
            m_pendingMasks[job.id] |= bit(StatusColumn);
            any = true;
        }
    }
    if (any && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void QueueModel::addUnavailableLinks(const QSet<QString> &links)
{
    if (links.isEmpty())
        return;
    m_unavailableLinks.unite(links);
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (links.contains(m_jobs.at(row).fileUrl))
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

bool QueueModel::isLinkUnavailable(const JobSnapshot &job) const
{
    return job.state == JobState::Value::Done && !job.fileUrl.isEmpty()
            && m_unavailableLinks.contains(job.fileUrl);
}
