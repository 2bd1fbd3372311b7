// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobdatabase.h"

#include "datapaths.h"
#include "diagnostics/logging.h"
#include "system/nativepath.h"
#include "timelinecodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace Typebot {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobDatabase", text);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Turns SQLite's words into a sentence a user can act on.
QString explain(const QString &path, const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    const QString text = error.text();
    if (native == u"13" || text.contains(u"full", Qt::CaseInsensitive))
        return tr("The disk holding %1 is full").arg(path);
    if (native == u"26" || native == u"11" || text.contains(u"not a database")
        || text.contains(u"malformed"))
        return tr("%1 is damaged and cannot be read (%2)").arg(path, text);
    if (native == u"5" || native == u"6" || text.contains(u"locked"))
        return tr("%1 is locked by another program").arg(path);
    if (native == u"14" || native == u"8")
        return tr("%1 cannot be opened for writing (%2)").arg(path, text);
    return tr("%1: %2").arg(path, text);
}

JobState::Value stateFromName(const QString &name)
{
    for (int i = 0; i <= int(JobState::Value::Canceled); ++i) {
        const auto state = JobState::Value(i);
        if (JobState::name(state) == name)
            return state;
    }
    return JobState::Value::Queued;
}

} // namespace

JobDatabase::JobDatabase()
    : m_connection(QStringLiteral("typebot-jobs-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

JobDatabase::~JobDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString JobDatabase::defaultPath(const QString &fileName)
{
    // The data folder the app and the command line share, whatever the program is called.
    return QDir(DataPaths::dataDir()).filePath(fileName);
}

bool JobDatabase::open(const QString &path)
{
    m_path = path;
    if (openAt(path)) {
        m_persistent = true;
        return true;
    }
    qCWarning(lcStorage).noquote() << m_problem << "- keeping the queue in memory";
    m_lock.reset();
    openAt(QStringLiteral(":memory:"));
    m_persistent = false;
    return false;
}

bool JobDatabase::openAt(const QString &path)
{
    {
        QSqlDatabase old = QSqlDatabase::database(m_connection, false);
        if (old.isValid())
            old.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (path != u":memory:") {
        const QFileInfo info(path);
        const bool folderExisted = QFileInfo::exists(info.absolutePath());
        if (!QDir().mkpath(info.absolutePath())) {
            m_problem = tr("Cannot create the folder %1").arg(info.absolutePath());
            return false;
        }
        // The queue and history hold paths, session ids and links: owner-only, the folder
        // (when we made it) as well as the files.
        if (!folderExisted)
            QFile::setPermissions(info.absolutePath(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        // One process at a time: a second instance hands its files to the first (GUI)
        // or works in memory (CLI), instead of two queues fighting over one file.
        m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
        m_lock->setStaleLockTime(0);
        if (!m_lock->tryLock(100)) {
            qint64 pid = 0;
            QString host, app;
            if (m_lock->error() != QLockFile::LockFailedError) {
                // Not another process: the folder cannot be written (read-only, full).
                m_problem = tr("Cannot write in the folder %1 (it may be read-only or full)")
                                    .arg(info.absolutePath());
            } else if (m_lock->getLockInfo(&pid, &host, &app) && pid > 0) {
                m_problem = tr("%1 is in use by another Typebot Uploader (process %2)")
                                    .arg(path)
                                    .arg(pid);
            } else {
                m_problem = tr("%1 is in use by another Typebot Uploader").arg(path);
            }
            return false;
        }
        // SQLite gives its -wal and -shm files the database file's permissions.
        if (!QFileInfo::exists(path)) {
            QFile create(path);
            if (create.open(QIODevice::WriteOnly | QIODevice::NewOnly))
                create.close();
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open()) {
        m_problem = explain(path, db.lastError());
        return false;
    }
    // Reading the schema version is the first real read: a file that is not a
    // database fails here rather than at open().
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("PRAGMA user_version"))) {
        m_problem = explain(path, probe.lastError());
        return false;
    }
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (!migrate()) {
        if (m_problem.isEmpty())
            m_problem = explain(path, db.lastError());
        return false;
    }
    return true;
}

bool JobDatabase::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (query.exec(sql))
        return true;
    m_problem = explain(m_path, query.lastError());
    return false;
}

bool JobDatabase::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return false;
    const int version = query.value(0).toInt();
    if (version > SchemaVersion) {
        m_problem = tr("%1 was written by a newer version of Typebot Uploader (schema %2)")
                            .arg(m_path)
                            .arg(version);
        return false;
    }
    // Each step takes the schema from version i to i + 1.
    const QList<QStringList> steps = {
        {
                QStringLiteral("CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "path TEXT NOT NULL, size INTEGER, state TEXT NOT NULL, "
                               "profile TEXT, session TEXT, file_url TEXT, error TEXT, "
                               "error_code TEXT, attempts INTEGER NOT NULL DEFAULT 0, "
                               "added_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "job_id INTEGER UNIQUE, name TEXT NOT NULL, path TEXT, "
                               "size INTEGER, profile TEXT, session TEXT, "
                               "file_url TEXT NOT NULL, stored_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX history_stored_at ON history(stored_at)"),
        },
        // 2: the failure as facts (error keeps the technical detail, error_code the code)
        // and the last attempts' timeline, so a restart shows the same reason and story.
        {
                QStringLiteral("ALTER TABLE jobs ADD COLUMN failure_kind TEXT"),
                QStringLiteral("ALTER TABLE jobs ADD COLUMN failure_step TEXT"),
                QStringLiteral("ALTER TABLE jobs ADD COLUMN http_status INTEGER"),
                QStringLiteral("ALTER TABLE jobs ADD COLUMN server_message TEXT"),
                QStringLiteral("ALTER TABLE jobs ADD COLUMN size_limit INTEGER"),
                QStringLiteral("ALTER TABLE jobs ADD COLUMN failed_at TEXT"),
                QStringLiteral("ALTER TABLE jobs ADD COLUMN timeline TEXT"),
                // Version 1 kept only a sentence: it becomes the detail of an unknown kind.
                QStringLiteral("UPDATE jobs SET failure_kind = CASE state WHEN 'canceled' THEN "
                               "'Canceled' ELSE 'Other' END WHERE state IN ('failed', "
                               "'canceled')"),
        },
    };
    for (int v = version; v < SchemaVersion; ++v) {
        if (!db.transaction())
            return false;
        for (const QString &sql : steps.at(v)) {
            if (!exec(sql)) {
                db.rollback();
                return false;
            }
        }
        if (!exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)) || !db.commit()) {
            db.rollback();
            return false;
        }
    }
    return true;
}

void JobDatabase::reportWriteError(const QString &what, const QString &error)
{
    m_problem = error;
    // Once per streak: a full disk fails every write until space returns.
    if (m_failing)
        qCDebug(lcStorage).noquote() << "cannot record" << what << ":" << error;
    else
        qCWarning(lcStorage).noquote() << "cannot record" << what << ":" << error;
}

QList<quint64> JobDatabase::recordQueued(const QList<QueuedFile> &files, const QString &profile,
                                         const QString &sessionId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QList<quint64> ids;
    ids.reserve(files.size());
    if (!db.transaction())
        return {};
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
            "INSERT INTO jobs (path, size, state, profile, session, added_at, updated_at) "
            "VALUES (?, ?, 'queued', ?, ?, ?, ?)"));
    const QString now = nowText();
    for (const QueuedFile &file : files) {
        // A name that is not UTF-8 goes in as its bytes: text would lose them.
        insert.addBindValue(NativePath::toStorable(file.path));
        insert.addBindValue(file.size);
        insert.addBindValue(profile);
        insert.addBindValue(sessionId);
        insert.addBindValue(now);
        insert.addBindValue(now);
        if (!insert.exec()) {
            reportWriteError(QStringLiteral("queued files"), explain(m_path, insert.lastError()));
            db.rollback();
            return {};
        }
        ids << insert.lastInsertId().toULongLong();
    }
    if (!db.commit()) {
        reportWriteError(QStringLiteral("queued files"), explain(m_path, db.lastError()));
        db.rollback();
        return {};
    }
    return ids;
}

void JobDatabase::setWriteProblemHandler(std::function<void(const QString &)> handler)
{
    m_onWriteProblem = std::move(handler);
}

void JobDatabase::recordState(const JobSnapshot &job)
{
    // Older unwritten outcomes first, so the journal never goes back in time.
    m_pending.remove(job.id);
    flushPending();
    if (writeState(job)) {
        if (m_pending.isEmpty())
            m_failing = false;
        return;
    }
    m_pending.insert(job.id, job);
    if (!m_failing) {
        m_failing = true;
        if (m_onWriteProblem)
            m_onWriteProblem(m_problem);
    }
}

bool JobDatabase::flushPending()
{
    if (m_pending.isEmpty())
        return true;
    QList<quint64> ids = m_pending.keys();
    std::sort(ids.begin(), ids.end());
    for (const quint64 id : std::as_const(ids)) {
        if (!writeState(m_pending.value(id)))
            return false;
        m_pending.remove(id);
    }
    m_failing = false;
    qCInfo(lcStorage) << "wrote the outcomes kept while the journal could not be written";
    return true;
}

void JobDatabase::limitGrowthForTesting(bool limit)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    query.exec(QStringLiteral("PRAGMA page_count"));
    const qint64 pages = query.next() ? query.value(0).toLongLong() : 0;
    query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(limit ? pages : 1073741823));
}

bool JobDatabase::writeState(const JobSnapshot &job)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
            "UPDATE jobs SET state = ?, size = ?, file_url = ?, error = ?, error_code = ?, "
            "attempts = ?, updated_at = ?, failure_kind = ?, failure_step = ?, http_status = ?, "
            "server_message = ?, size_limit = ?, failed_at = ?, timeline = ? WHERE id = ?"));
    // Only an outcome keeps its failure and story; a requeued job starts clean.
    const bool ended =
            job.state == JobState::Value::Failed || job.state == JobState::Value::Canceled;
    const JobFailure failure = ended ? job.failure : JobFailure();
    const auto textOrNull = [](const QString &text) {
        return text.isEmpty() ? QVariant() : QVariant(text);
    };
    update.addBindValue(JobState::name(job.state));
    update.addBindValue(job.size);
    update.addBindValue(job.fileUrl);
    update.addBindValue(textOrNull(failure.detail));
    update.addBindValue(textOrNull(failure.code));
    update.addBindValue(job.attempt);
    update.addBindValue(nowText());
    update.addBindValue(failure.isNull() ? QVariant()
                                         : QVariant(JobFailure::kindName(failure.kind)));
    update.addBindValue(textOrNull(JobFailure::stepName(failure.step)));
    update.addBindValue(failure.httpStatus > 0 ? QVariant(failure.httpStatus) : QVariant());
    update.addBindValue(textOrNull(failure.serverMessage));
    update.addBindValue(failure.limitBytes > 0 ? QVariant(failure.limitBytes) : QVariant());
    update.addBindValue(failure.at.isValid() ? QVariant(failure.at.toString(Qt::ISODateWithMs))
                                             : QVariant());
    update.addBindValue(ended ? QVariant(QString::fromUtf8(TimelineCodec::encode(job.timeline)))
                              : QVariant());
    update.addBindValue(job.id);
    bool ok = update.exec();
    if (ok && job.state == JobState::Value::Done && !job.fileUrl.isEmpty()) {
        QSqlQuery history(db);
        history.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO history (job_id, name, path, size, profile, session, "
                "file_url, stored_at) SELECT id, ?, path, size, profile, session, file_url, ? "
                "FROM jobs WHERE id = ?"));
        history.addBindValue(job.displayName);
        history.addBindValue(nowText());
        history.addBindValue(job.id);
        ok = history.exec();
        if (!ok)
            reportWriteError(QStringLiteral("history"), explain(m_path, history.lastError()));
    } else if (!ok) {
        reportWriteError(QStringLiteral("job state"), explain(m_path, update.lastError()));
    }
    if (ok && !db.commit()) {
        reportWriteError(QStringLiteral("job state"), explain(m_path, db.lastError()));
        ok = false;
    }
    if (!ok)
        db.rollback();
    return ok;
}

void JobDatabase::recordRemoved(const QList<quint64> &ids)
{
    updateEach(ids, QStringLiteral("DELETE FROM jobs WHERE id = ?"), {}, QStringLiteral("removal"));
}

void JobDatabase::recordDestination(const QList<quint64> &ids, const QString &profile,
                                    const QString &sessionId)
{
    updateEach(ids, QStringLiteral("UPDATE jobs SET profile = ?, session = ? WHERE id = ?"),
               { profile, sessionId }, QStringLiteral("destination"));
}

void JobDatabase::updateEach(const QList<quint64> &ids, const QString &sql,
                             const QVariantList &values, const QString &what)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(sql);
    for (const quint64 id : ids) {
        for (const QVariant &value : values)
            query.addBindValue(value);
        query.addBindValue(id);
        if (!query.exec()) {
            reportWriteError(what, explain(m_path, query.lastError()));
            db.rollback();
            return;
        }
    }
    db.commit();
}

QList<JobJournal::Entry> JobDatabase::entries()
{
    QList<Entry> list;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT id, path, size, state, file_url, error, error_code, "
                                   "attempts, session, failure_kind, failure_step, http_status, "
                                   "server_message, size_limit, failed_at, timeline, profile "
                                   "FROM jobs ORDER BY id")))
        return list;
    while (query.next()) {
        Entry entry;
        entry.id = query.value(0).toULongLong();
        entry.path = NativePath::fromStored(query.value(1));
        entry.size = query.value(2).isNull() ? -1 : query.value(2).toLongLong();
        entry.state = stateFromName(query.value(3).toString());
        entry.fileUrl = query.value(4).toString();
        entry.attempts = query.value(7).toInt();
        entry.session = query.value(8).toString();
        entry.profile = query.value(16).toString();
        JobFailure &failure = entry.failure;
        failure.kind = JobFailure::kindFromName(query.value(9).toString());
        if (!failure.isNull()) {
            failure.detail = query.value(5).toString();
            failure.code = query.value(6).toString();
            failure.step = JobFailure::stepFromName(query.value(10).toString());
            failure.httpStatus = query.value(11).toInt();
            failure.serverMessage = query.value(12).toString();
            failure.limitBytes = query.value(13).isNull() ? -1 : query.value(13).toLongLong();
            failure.attempts = entry.attempts;
            failure.at = QDateTime::fromString(query.value(14).toString(), Qt::ISODateWithMs);
        }
        entry.timeline = TimelineCodec::decode(query.value(15).toString().toUtf8());
        list << entry;
    }
    return list;
}

QStringList JobDatabase::storedNames(const QString &session)
{
    QStringList names;
    if (session.isEmpty())
        return names;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT file_url FROM history WHERE session = ? UNION "
                                 "SELECT file_url FROM jobs WHERE session = ? AND state = ?"));
    query.addBindValue(session);
    query.addBindValue(session);
    query.addBindValue(JobState::name(JobState::Value::Done));
    if (!query.exec())
        return names;
    while (query.next()) {
        const QString url = query.value(0).toString();
        const QString last = url.section(u'/', -1);
        if (!last.isEmpty())
            names << last;
    }
    return names;
}

QList<HistoryEntry> JobDatabase::history(const QString &filter, int limit) const
{
    QList<HistoryEntry> list;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    QString sql = QStringLiteral("SELECT id, job_id, name, path, size, profile, session, "
                                 "file_url, stored_at FROM history");
    if (!filter.isEmpty())
        sql += QStringLiteral(" WHERE name LIKE ? ESCAPE '\\' OR file_url LIKE ? ESCAPE '\\' "
                              "OR path LIKE ? ESCAPE '\\'");
    sql += QStringLiteral(" ORDER BY stored_at DESC, id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    query.prepare(sql);
    if (!filter.isEmpty()) {
        QString pattern = filter;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
                .replace(u'%', QStringLiteral("\\%"))
                .replace(u'_', QStringLiteral("\\_"));
        const QString like = u'%' + pattern + u'%';
        for (int i = 0; i < 3; ++i)
            query.addBindValue(like);
    }
    if (!query.exec())
        return list;
    while (query.next()) {
        HistoryEntry e;
        e.id = query.value(0).toULongLong();
        e.jobId = query.value(1).toULongLong();
        e.name = query.value(2).toString();
        e.path = NativePath::fromStored(query.value(3));
        e.size = query.value(4).toLongLong();
        e.profile = query.value(5).toString();
        e.sessionId = query.value(6).toString();
        e.fileUrl = query.value(7).toString();
        e.storedAt = QDateTime::fromString(query.value(8).toString(), Qt::ISODateWithMs);
        e.storedAt.setTimeSpec(Qt::UTC);
        list << e;
    }
    return list;
}

bool JobDatabase::removeHistory(const QList<quint64> &ids)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM history WHERE id = ?"));
    for (const quint64 id : ids) {
        remove.addBindValue(id);
        if (!remove.exec()) {
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

int JobDatabase::applyRetention(int keepDays)
{
    if (keepDays <= 0)
        return 0;
    QSqlQuery remove(QSqlDatabase::database(m_connection));
    remove.prepare(QStringLiteral("DELETE FROM history WHERE stored_at < ?"));
    remove.addBindValue(
            QDateTime::currentDateTimeUtc().addDays(-keepDays).toString(Qt::ISODateWithMs));
    if (!remove.exec())
        return 0;
    return remove.numRowsAffected();
}

} // namespace Typebot
