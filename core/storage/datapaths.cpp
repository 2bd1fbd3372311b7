// SPDX-License-Identifier: GPL-3.0-or-later
#include "datapaths.h"

#include "diagnostics/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace Typebot {

namespace {

const QString FolderName = QStringLiteral("typebot-uploader");

// The data folder holds paths, session ids, links and maybe tokens: owner-only.
bool makePrivateDir(const QString &path)
{
    if (QFileInfo(path).isDir())
        return true;
    if (!QDir().mkpath(path))
        return false;
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

bool moveFile(const QString &from, const QString &to)
{
    if (QFile::rename(from, to))
        return true;
    qCWarning(lcStorage).noquote() << "cannot move" << from << "to" << to;
    return false;
}

// A database moves with its -wal and -shm, and only while nobody holds it: JobDatabase
// locks <file>.lock for as long as it has the file open.
void moveDatabase(const QString &from, const QString &to, QStringList *moved)
{
    if (QFileInfo::exists(to))
        return; // keep both rather than choose: the old one stays where it was
    QLockFile lock(from + QStringLiteral(".lock"));
    lock.setStaleLockTime(0); // only a dead owner's lock is stale
    if (!lock.tryLock(0)) {
        qCInfo(lcStorage).noquote() << from << "is in use; it moves on a later start";
        return;
    }
    // The main file last: if it cannot move, what moved first is found next to it later.
    for (const QString &suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFileInfo::exists(from + suffix) && !QFileInfo::exists(to + suffix))
            moveFile(from + suffix, to + suffix);
    }
    if (moveFile(from, to))
        *moved << to;
    lock.unlock();
}

bool hasTable(const QSqlDatabase &db, const QString &schema, const QString &table)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM %1.sqlite_master WHERE type = 'table' AND "
                                 "name = ?")
                          .arg(schema));
    query.addBindValue(table);
    return query.exec() && query.next();
}

// `db` is the app's database, `from` is attached to it as "source".
int copyHistory(QSqlDatabase &db, const QString &sourceName, QString *error)
{
    auto failed = [error](const QSqlQuery &query) {
        if (error)
            *error = query.lastError().text();
        return -1;
    };
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS imported_history ("
                                   "source TEXT PRIMARY KEY, last_id INTEGER NOT NULL)")))
        return failed(query);
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return -1;
    }
    qint64 lastId = 0;
    query.prepare(QStringLiteral("SELECT last_id FROM imported_history WHERE source = ?"));
    query.addBindValue(sourceName);
    if (!query.exec()) {
        db.rollback();
        return failed(query);
    }
    if (query.next())
        lastId = query.value(0).toLongLong();
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM source.history"))
        || !query.next()) {
        db.rollback();
        return failed(query);
    }
    const qint64 maxId = query.value(0).toLongLong();
    if (maxId < lastId)
        lastId = 0; // the file was started afresh: ids count from 1 again
    // job_id is the app's own queue row: none for these. A row the app already has (same
    // link, same moment) is not copied twice, should the bookkeeping have been lost.
    query.prepare(QStringLiteral(
            "INSERT INTO history (job_id, name, path, size, profile, session, file_url, "
            "stored_at) SELECT NULL, s.name, s.path, s.size, "
            "COALESCE(NULLIF(s.profile, ''), 'typebot-upload'), s.session, s.file_url, "
            "s.stored_at FROM source.history s WHERE s.id > ? AND NOT EXISTS (SELECT 1 FROM "
            "history h WHERE h.file_url = s.file_url AND h.stored_at = s.stored_at) "
            "ORDER BY s.id"));
    query.addBindValue(lastId);
    if (!query.exec()) {
        db.rollback();
        return failed(query);
    }
    const int copied = query.numRowsAffected();
    query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO imported_history (source, last_id) VALUES (?, ?)"));
    query.addBindValue(sourceName);
    query.addBindValue(maxId);
    if (!query.exec()) {
        db.rollback();
        return failed(query);
    }
    if (!db.commit()) {
        if (error)
            *error = db.lastError().text();
        db.rollback();
        return -1;
    }
    return copied;
}

} // namespace

QString DataPaths::dataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
            .filePath(FolderName);
}

QString DataPaths::configDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
            .filePath(FolderName);
}

QString DataPaths::runtimeDir()
{
    // Not QStandardPaths::RuntimeLocation: without XDG_RUNTIME_DIR it warns and invents a
    // folder in /tmp; callers have a better fallback of their own.
    const QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (base.isEmpty() || !QFileInfo(base).isDir())
        return QString();
    const QString dir = QDir(base).filePath(FolderName);
    return makePrivateDir(dir) ? dir : QString();
}

QString DataPaths::appDatabaseName()
{
    return QStringLiteral("queue.sqlite");
}

QString DataPaths::cliDatabaseName()
{
    return QStringLiteral("typebot-upload.sqlite");
}

QStringList DataPaths::migrateOldData()
{
    const QString genericData =
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    // Versions up to 0.1: the app under its organisation and name, the command line under
    // its own name.
    const QStringList oldDirs = {
        QDir(genericData).filePath(QStringLiteral("Typebot/Typebot Uploader")),
        QDir(genericData).filePath(QStringLiteral("typebot-upload"))
    };
    const QString target = dataDir();
    QStringList moved;
    for (const QString &old : oldDirs) {
        QDir dir(old);
        if (!dir.exists())
            continue;
        if (!makePrivateDir(target)) {
            qCWarning(lcStorage).noquote() << "cannot create" << target << "to move" << old;
            return moved;
        }
        const QFileInfoList entries = dir.entryInfoList(
                QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &entry : entries) {
            const QString name = entry.fileName();
            const QString to = QDir(target).filePath(name);
            if (name.endsWith(u".sqlite")) {
                moveDatabase(entry.filePath(), to, &moved);
            } else if (name.endsWith(u"-wal") || name.endsWith(u"-shm")
                       || name.endsWith(u".lock")) {
                continue; // they go with their database
            } else if (!QFileInfo::exists(to)) {
                if (moveFile(entry.filePath(), to))
                    moved << to;
            } else if (name == u"servers.json") {
                // Both programs kept what they learned of the servers they met. It is a
                // cache: dropping the second copy costs at most one request per server.
                QFile::remove(entry.filePath());
            }
        }
        // Gone once empty; what could not move keeps it, and is tried again next time.
        QDir().rmdir(old);
    }
    QDir(genericData).rmdir(QStringLiteral("Typebot"));
    for (const QString &path : std::as_const(moved))
        qCInfo(lcStorage).noquote() << "moved to" << path;
    return moved;
}

QString DataPaths::migrateOldSettings()
{
    const QString genericConfig =
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString old =
            QDir(genericConfig).filePath(QStringLiteral("Typebot/Typebot Uploader.conf"));
    QString target = QDir(configDir()).filePath(FolderName + QStringLiteral(".conf"));
    if (!QFileInfo::exists(old) || QFileInfo::exists(target))
        return QString();
    if (!QDir().mkpath(configDir()) || !moveFile(old, target))
        return QString();
    QDir(genericConfig).rmdir(QStringLiteral("Typebot"));
    qCInfo(lcStorage).noquote() << "moved the settings to" << target;
    return target;
}

int DataPaths::importHistory(const QString &from, const QString &into, QString *error)
{
    // Attaching a file that does not exist would create it.
    if (!QFileInfo(from).isFile() || !QFileInfo(into).isFile())
        return 0;
    const QString connection =
            QStringLiteral("typebot-history-import-") + QUuid::createUuid().toString(QUuid::Id128);
    int copied = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(into);
        // Both files may be written by their owners right now: wait for them a little.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
            copied = -1;
        } else if (hasTable(db, QStringLiteral("main"), QStringLiteral("history"))) {
            QSqlQuery attach(db);
            attach.prepare(QStringLiteral("ATTACH DATABASE ? AS source"));
            attach.addBindValue(from);
            if (!attach.exec()) {
                if (error)
                    *error = attach.lastError().text();
                copied = -1;
            } else {
                if (hasTable(db, QStringLiteral("source"), QStringLiteral("history")))
                    copied = copyHistory(db, QFileInfo(from).fileName(), error);
                QSqlQuery(db).exec(QStringLiteral("DETACH DATABASE source"));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return copied;
}

} // namespace Typebot
