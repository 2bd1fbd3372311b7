// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/jobjournal.h"
#include "historyentry.h"

#include <QHash>
#include <QLockFile>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace Typebot {

// The durable queue and the upload history in one SQLite file (WAL mode, schema version
// in user_version, migrations in order). When the file cannot be used (another instance
// holds it, it is corrupt, the disk is full) it says why and keeps working in memory, so
// uploads never stop because of bookkeeping. Use from one thread: the one that opened it.
class JobDatabase final : public JobJournal
{
public:
    static constexpr int SchemaVersion = 2;

    JobDatabase();
    ~JobDatabase() override;
    Q_DISABLE_COPY_MOVE(JobDatabase)

    // The app's default file under QStandardPaths::AppDataLocation.
    static QString defaultPath(const QString &fileName = QStringLiteral("queue.sqlite"));

    // False when the file could not be used; the database then lives in memory and
    // problem() says why in words for the user.
    bool open(const QString &path);
    bool isPersistent() const { return m_persistent; }
    QString problem() const { return m_problem; }
    QString path() const { return m_path; }

    // JobJournal
    QList<quint64> recordQueued(const QList<QueuedFile> &files, const QString &profile,
                                const QString &sessionId) override;
    void recordState(const JobSnapshot &job) override;
    void recordRemoved(const QList<quint64> &ids) override;
    void recordDestination(const QList<quint64> &ids, const QString &profile,
                           const QString &sessionId) override;
    QList<Entry> entries() override;
    QStringList storedNames(const QString &session) override;

    // When an outcome cannot be written (a full disk), it is kept here and written with the
    // next write that works, so a stored file is never uploaded again by --resume. The
    // callback hears of each streak of failures once, with the reason.
    void setWriteProblemHandler(std::function<void(const QString &problem)> handler);
    bool flushPending(); // true when nothing is left unwritten
    QList<JobSnapshot> unsavedOutcomes() const { return m_pending.values(); }
    // For tests: caps the file at its current size, as a full disk would (0: no cap).
    void limitGrowthForTesting(bool limit);

    // History
    QList<HistoryEntry> history(const QString &filter = QString(), int limit = -1) const;
    bool removeHistory(const QList<quint64> &ids);
    int applyRetention(int keepDays); // 0: keep all. Returns rows removed.

private:
    bool openAt(const QString &path);
    bool migrate();
    bool exec(const QString &sql);
    void reportWriteError(const QString &what, const QString &error);
    // Runs `sql` once per id in one transaction, binding `values` and then the id.
    void updateEach(const QList<quint64> &ids, const QString &sql, const QVariantList &values,
                    const QString &what);
    bool writeState(const JobSnapshot &job);

    QString m_connection;
    QString m_path;
    QString m_problem;
    std::unique_ptr<QLockFile> m_lock;
    bool m_persistent = false;
    QHash<quint64, JobSnapshot> m_pending; // outcomes not written yet, latest per job
    bool m_failing = false; // in a streak of failed writes (reported once)
    std::function<void(const QString &)> m_onWriteProblem;
};

} // namespace Typebot
