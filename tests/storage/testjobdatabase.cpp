// SPDX-License-Identifier: GPL-3.0-or-later
// The durable queue and history: what survives a restart, and what happens when the
// database file cannot be used.

#include "engine/uploadengine.h"
#include "rawfiles.h"
#include "sandboxserver.h"
#include "storage/jobdatabase.h"
#include "storage/timelinecodec.h"
#include "system/nativepath.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Typebot;
using State = JobState::Value;

class TestJobDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsSchemaAndReopens();
    void recordsQueueInOrder();
    void storedFileGoesToHistory();
    void historySearchEscapesWildcards();
    void removeKeepsHistory();
    void retentionDropsOldEntries();
    void unusableFile_data();
    void unusableFile();
    void secondOpenerIsRefused();
    void engineRestoresQueue();
    void waitingFilesFollowTheNewDestination();
    void csvExportQuotesAndDefuses();
    void filesAreOwnerOnly();
    void fullDiskKeepsOutcomesUntilWritable();
    void failureAndTimelineSurviveReopening();
    void requeueForgetsTheFailure();
    void migratesVersionOneQueue();
    void namesInAnyEncodingSurviveReopening();

private:
    JobSnapshot snapshot(quint64 id, State state, const QString &url = QString());
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJobDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

JobSnapshot TestJobDatabase::snapshot(quint64 id, State state, const QString &url)
{
    JobSnapshot s;
    s.id = id;
    s.state = state;
    s.fileUrl = url;
    s.displayName = QStringLiteral("file%1.txt").arg(id);
    s.size = 10;
    return s;
}

void TestJobDatabase::createsSchemaAndReopens()
{
    const QString path = m_dir->filePath(QStringLiteral("q.sqlite"));
    {
        JobDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.problem()));
        QVERIFY(db.isPersistent());
        QCOMPARE(db.recordQueued({ { QStringLiteral("/a"), 1 } }, QStringLiteral("p"),
                                 QStringLiteral("s"))
                         .size(),
                 1);
    }
    JobDatabase again;
    QVERIFY(again.open(path));
    QCOMPARE(again.entries().size(), 1);
    QCOMPARE(again.entries().first().path, QStringLiteral("/a"));
}

void TestJobDatabase::recordsQueueInOrder()
{
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    const auto ids = db.recordQueued({ { QStringLiteral("/1"), 1 },
                                       { QStringLiteral("/2"), 2 },
                                       { QStringLiteral("/3"), 3 } },
                                     QStringLiteral("Local sandbox"), QStringLiteral("sess"));
    QCOMPARE(ids.size(), 3);
    QVERIFY(ids[0] < ids[1] && ids[1] < ids[2]);
    db.recordState(snapshot(ids[1], State::Uploading));
    const auto entries = db.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[1].state, State::Uploading);
    QCOMPARE(entries[2].path, QStringLiteral("/3"));
    QCOMPARE(entries[2].size, 3);
}

void TestJobDatabase::storedFileGoesToHistory()
{
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    const auto ids = db.recordQueued({ { QStringLiteral("/x/file.txt"), 10 } },
                                     QStringLiteral("Prod"), QStringLiteral("sess-1"));
    db.recordState(snapshot(ids[0], State::Done, QStringLiteral("https://s3/bucket/k")));
    // The same outcome recorded twice must not duplicate the history.
    db.recordState(snapshot(ids[0], State::Done, QStringLiteral("https://s3/bucket/k")));
    const auto history = db.history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history[0].fileUrl, QStringLiteral("https://s3/bucket/k"));
    QCOMPARE(history[0].profile, QStringLiteral("Prod"));
    QCOMPARE(history[0].sessionId, QStringLiteral("sess-1"));
    QCOMPARE(history[0].path, QStringLiteral("/x/file.txt"));
    QVERIFY(history[0].storedAt.isValid());
}

void TestJobDatabase::historySearchEscapesWildcards()
{
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    const auto ids = db.recordQueued({ { QStringLiteral("/a"), 1 }, { QStringLiteral("/b"), 1 } },
                                     QString(), QString());
    auto first = snapshot(ids[0], State::Done, QStringLiteral("https://h/100%_done.png"));
    first.displayName = QStringLiteral("100%_done.png");
    auto second = snapshot(ids[1], State::Done, QStringLiteral("https://h/1000xdone.png"));
    second.displayName = QStringLiteral("1000xdone.png");
    db.recordState(first);
    db.recordState(second);
    QCOMPARE(db.history(QStringLiteral("%_")).size(), 1);
    QCOMPARE(db.history(QStringLiteral("done")).size(), 2);
    QCOMPARE(db.history(QStringLiteral("nothing")).size(), 0);
}

void TestJobDatabase::removeKeepsHistory()
{
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    const auto ids = db.recordQueued({ { QStringLiteral("/a"), 1 } }, QString(), QString());
    db.recordState(snapshot(ids[0], State::Done, QStringLiteral("https://h/a")));
    db.recordRemoved(ids);
    QCOMPARE(db.entries().size(), 0);
    QCOMPARE(db.history().size(), 1);
    QVERIFY(db.removeHistory({ db.history().first().id }));
    QCOMPARE(db.history().size(), 0);
}

void TestJobDatabase::retentionDropsOldEntries()
{
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    const auto ids = db.recordQueued({ { QStringLiteral("/a"), 1 } }, QString(), QString());
    db.recordState(snapshot(ids[0], State::Done, QStringLiteral("https://h/a")));
    QCOMPARE(db.applyRetention(0), 0); // keep all
    QCOMPARE(db.applyRetention(1), 0); // stored just now
    QCOMPARE(db.history().size(), 1);
}

void TestJobDatabase::unusableFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a file that is not a database")
            << QByteArray("this is not sqlite at all, just text\n").repeated(200)
            << QStringLiteral("damaged");
    QTest::newRow("a database from a newer version") << QByteArray() << QStringLiteral("newer");
}

void TestJobDatabase::unusableFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_dir->filePath(QStringLiteral("bad.sqlite"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    } else {
        { // a real database of ours...
            JobDatabase current;
            QVERIFY(current.open(path));
        }
        // ...whose schema version is past what this build knows.
        const QString connection = QStringLiteral("bump");
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QVERIFY(QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version = 99")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }
    JobDatabase db;
    QVERIFY(!db.open(path));
    QVERIFY(!db.isPersistent());
    QVERIFY2(db.problem().contains(expected), qPrintable(db.problem()));
    // It still works, in memory.
    QCOMPARE(db.recordQueued({ { QStringLiteral("/a"), 1 } }, QString(), QString()).size(), 1);
    QCOMPARE(db.entries().size(), 1);
}

void TestJobDatabase::secondOpenerIsRefused()
{
    const QString path = m_dir->filePath(QStringLiteral("q.sqlite"));
    JobDatabase first;
    QVERIFY(first.open(path));
    JobDatabase second;
    QVERIFY(!second.open(path));
    QVERIFY2(second.problem().contains(u"in use"), qPrintable(second.problem()));
    QCOMPARE(second.recordQueued({ { QStringLiteral("/a"), 1 } }, QString(), QString()).size(), 1);
    QCOMPARE(first.entries().size(), 0); // the in-memory fallback wrote nothing here
}

void TestJobDatabase::engineRestoresQueue()
{
    const QString path = m_dir->filePath(QStringLiteral("q.sqlite"));
    const QString present = m_dir->filePath(QStringLiteral("present.txt"));
    const QString vanished = m_dir->filePath(QStringLiteral("vanished.txt"));
    for (const QString &file : { present, vanished }) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("data");
    }
    QList<quint64> ids;
    {
        JobDatabase db;
        QVERIFY(db.open(path));
        UploadEngine engine;
        engine.setJournal(&db);
        engine.pause(); // nothing may start: this run "crashes" with both still queued
        ids = engine.addPaths({ present, vanished });
        QCOMPARE(ids.size(), 2);
        // A stored file from an earlier run stays as it ended.
        db.recordState([&] {
            JobSnapshot s = engine.snapshot(ids[0]);
            s.state = State::Uploading;
            return s;
        }());
    }
    QVERIFY(QFile::remove(vanished));

    JobDatabase db;
    QVERIFY(db.open(path));
    UploadEngine engine;
    engine.setJournal(&db);
    engine.pause();
    QSignalSpy added(&engine, &UploadEngine::jobsAdded);
    QCOMPARE(engine.restore(), ids);
    QCOMPARE(added.count(), 1);
    QCOMPARE(engine.snapshot(ids[0]).state, State::Queued); // requeued for a fresh ticket
    QCOMPARE(engine.snapshot(ids[1]).state, State::Failed);
    QCOMPARE(engine.snapshot(ids[1]).failure.kind, JobFailure::Kind::FileMissing);
    QVERIFY(engine.snapshot(ids[1]).failure.detail.contains(vanished));
    QCOMPARE(db.entries().at(1).state, State::Failed);
    // New files get ids after the restored ones.
    const auto more = engine.addPaths({ present });
    QVERIFY(more.first() > ids.last());
}

void TestJobDatabase::waitingFilesFollowTheNewDestination()
{
    // Files queued for one profile, then the user switches: the waiting ones go to the
    // new destination, and their rows and History must say so, not the old one.
    Sandbox::SandboxConfig sandboxConfig;
    sandboxConfig.sessionIds = { QStringLiteral("session-a"), QStringLiteral("session-b") };
    Sandbox::SandboxServer sandbox(sandboxConfig);
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    QStringList files;
    for (const char *name : { "one.txt", "two.txt" }) {
        QFile file(m_dir->filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("data");
        files << file.fileName();
    }
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    UploadEngine engine;
    engine.setJournal(&db);
    EngineConfig staging;
    staging.profileName = QStringLiteral("Staging");
    staging.endpoint.apiBase = sandbox.apiBaseUrl();
    staging.endpoint.sessionId = QStringLiteral("session-a");
    engine.setConfig(staging);
    engine.pause();
    const QList<quint64> ids = engine.addPaths(files);
    QCOMPARE(ids.size(), 2);
    QCOMPARE(engine.snapshot(ids[0]).destinationProfile, QStringLiteral("Staging"));

    EngineConfig production = staging;
    production.profileName = QStringLiteral("Production");
    production.endpoint.sessionId = QStringLiteral("session-b");
    engine.setConfig(production);
    QCOMPARE(engine.snapshot(ids[0]).destinationProfile, QStringLiteral("Production"));
    QSignalSpy idle(&engine, &UploadEngine::idle);
    engine.resume();
    QVERIFY(idle.wait(10000));
    const QList<HistoryEntry> history = db.history();
    QCOMPARE(history.size(), 2);
    for (const HistoryEntry &entry : history) {
        QCOMPARE(entry.profile, QStringLiteral("Production"));
        QCOMPARE(entry.sessionId, QStringLiteral("session-b"));
    }
    const JobSnapshot stored = engine.snapshot(ids[1]);
    QCOMPARE(stored.state, State::Done);
    QCOMPARE(stored.destinationProfile, QStringLiteral("Production"));
    QCOMPARE(stored.destinationHost, sandbox.apiBaseUrl().host());
    // A later switch does not rewrite where stored files went.
    engine.setConfig(staging);
    QCOMPARE(engine.snapshot(ids[1]).destinationProfile, QStringLiteral("Production"));
}

void TestJobDatabase::csvExportQuotesAndDefuses()
{
    HistoryEntry e;
    e.name = QStringLiteral("=HYPERLINK(\"x\"), \"quoted\".txt");
    e.size = 5;
    e.fileUrl = QStringLiteral("https://h/k");
    e.storedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    const QByteArray csv = HistoryEntry::toCsv({ e });
    QCOMPARE(csv,
             QByteArray("stored_at,name,size,profile,session,file_url,path\r\n"
                        "2026-01-02T03:04:05Z,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\".txt\",5,,,"
                        "https://h/k,\r\n"));
}

void TestJobDatabase::filesAreOwnerOnly()
{
    // The queue and history hold paths, session ids and links.
    const QString folder = m_dir->filePath(QStringLiteral("new-data"));
    const QString path = QDir(folder).filePath(QStringLiteral("q.sqlite"));
    JobDatabase database;
    QVERIFY(database.open(path));
    const auto groupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QVERIFY(!(QFile::permissions(folder) & groupOrOther));
    QVERIFY(!(QFile::permissions(path) & groupOrOther));
    database.recordQueued({ { QStringLiteral("/a"), 1 } }, QStringLiteral("p"),
                          QStringLiteral("s"));
    for (const QString &suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFile::exists(path + suffix))
            QVERIFY2(!(QFile::permissions(path + suffix) & groupOrOther), qPrintable(suffix));
    }
}

void TestJobDatabase::fullDiskKeepsOutcomesUntilWritable()
{
    // A full disk once left stored files "uploading" in the journal, and --resume then
    // uploaded them again.
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    QList<JobJournal::QueuedFile> files;
    for (int i = 0; i < 60; ++i)
        files.append({ QStringLiteral("/data/file-%1-with-a-longer-name.bin").arg(i), 1000 });
    const QList<quint64> ids = db.recordQueued(files, QStringLiteral("p"), QStringLiteral("s"));
    QCOMPARE(ids.size(), 60);
    QStringList problems;
    db.setWriteProblemHandler([&](const QString &problem) { problems << problem; });

    db.limitGrowthForTesting(true);
    for (const quint64 id : ids)
        db.recordState(snapshot(
                id, State::Done,
                QStringLiteral("https://s3.example.com/b/%1/%2").arg(id).arg(QString(200, u'x'))));
    QVERIFY2(!db.unsavedOutcomes().isEmpty(), "the cap did not make writes fail");
    QCOMPARE(problems.size(), 1); // said once, not once per file
    QVERIFY2(problems.first().contains(u"full", Qt::CaseInsensitive), qPrintable(problems.first()));

    // Space returns: the next write brings the journal up to date.
    db.limitGrowthForTesting(false);
    QVERIFY(db.flushPending());
    QVERIFY(db.unsavedOutcomes().isEmpty());
    for (const JobJournal::Entry &entry : db.entries())
        QCOMPARE(entry.state, State::Done); // nothing left for --resume to upload again
    QCOMPARE(db.history().size(), 60);
}

namespace {

// A storage that gave up after three 500s: what the journal must bring back.
JobFailure gaveUpFailure()
{
    JobFailure failure;
    failure.kind = JobFailure::Kind::StorageError;
    failure.step = JobFailure::Step::Upload;
    failure.httpStatus = 500;
    failure.code = QStringLiteral("InternalError");
    failure.serverMessage = QStringLiteral("We encountered an internal error.");
    failure.attempts = 3;
    failure.at = QDateTime(QDate(2026, 11, 30), QTime(10, 15, 30, 250), Qt::UTC);
    failure.limitBytes = 1048576;
    failure.detail = QStringLiteral("a technical note");
    return failure;
}

QList<TimelineEntry> threeAttempts()
{
    QList<TimelineEntry> timeline;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        TimelineEntry upload;
        upload.time = QDateTime(QDate(2026, 11, 30), QTime(10, 15, attempt * 10), Qt::UTC);
        upload.kind = TimelineEntry::Kind::Upload;
        upload.attempt = attempt;
        upload.method = QStringLiteral("POST");
        upload.host = QStringLiteral("s3.example.com");
        upload.httpStatus = 500;
        upload.durationMs = 120;
        upload.bytes = 10;
        upload.errorCode = QStringLiteral("InternalError");
        upload.requestId = QStringLiteral("REQ%1").arg(attempt);
        upload.message = QStringLiteral("presigned POST: InternalError");
        timeline << upload;
    }
    return timeline;
}

} // namespace

void TestJobDatabase::failureAndTimelineSurviveReopening()
{
    const QString path = m_dir->filePath(QStringLiteral("q.sqlite"));
    const QString file = m_dir->filePath(QStringLiteral("kept.txt"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("0123456789");
    }
    quint64 id = 0;
    {
        JobDatabase db;
        QVERIFY(db.open(path));
        id = db.recordQueued({ { file, 10 } }, QString(), QString()).value(0);
        JobSnapshot failed = snapshot(id, State::Failed);
        failed.attempt = 3;
        failed.failure = gaveUpFailure();
        failed.timeline = threeAttempts();
        db.recordState(failed);
    }
    JobDatabase db;
    QVERIFY(db.open(path));
    const JobJournal::Entry entry = db.entries().value(0);
    QCOMPARE(entry.state, State::Failed);
    QCOMPARE(entry.failure, gaveUpFailure());
    QCOMPARE(entry.timeline.size(), 3);
    const QList<TimelineEntry> wanted = threeAttempts();
    for (int i = 0; i < 3; ++i) {
        const TimelineEntry &got = entry.timeline.at(i);
        const TimelineEntry &want = wanted.at(i);
        QCOMPARE(got.toText(), want.toText());
        QCOMPARE(got.time, want.time);
        QCOMPARE(got.kind, want.kind);
        QCOMPARE(got.requestId, want.requestId);
    }

    // The engine hands it on as it ended: the reason, and the story up to the restart.
    UploadEngine engine;
    engine.setJournal(&db);
    engine.pause();
    QCOMPARE(engine.restore(), QList<quint64>{ id });
    const JobSnapshot restored = engine.snapshot(id);
    QCOMPARE(restored.state, State::Failed);
    QCOMPARE(restored.failure, gaveUpFailure());
    QVERIFY(restored.timeline.size() >= 3);
    QCOMPARE(restored.timeline.at(2).requestId, QStringLiteral("REQ3"));
}

void TestJobDatabase::requeueForgetsTheFailure()
{
    JobDatabase db;
    QVERIFY(db.open(m_dir->filePath(QStringLiteral("q.sqlite"))));
    const quint64 id =
            db.recordQueued({ { QStringLiteral("/a"), 10 } }, QString(), QString()).value(0);
    JobSnapshot failed = snapshot(id, State::Failed);
    failed.failure = gaveUpFailure();
    failed.timeline = threeAttempts();
    db.recordState(failed);
    QCOMPARE(db.entries().value(0).failure.kind, JobFailure::Kind::StorageError);
    // Retried by the user: a queued file has no failure to show, even if the snapshot
    // still carries the last one.
    failed.state = State::Queued;
    db.recordState(failed);
    QVERIFY(db.entries().value(0).failure.isNull());
    QVERIFY(db.entries().value(0).timeline.isEmpty());
}

void TestJobDatabase::migratesVersionOneQueue()
{
    const QString path = m_dir->filePath(QStringLiteral("old.sqlite"));
    {
        // The schema and rows as version 1 wrote them.
        QSqlDatabase old =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        old.setDatabaseName(path);
        QVERIFY(old.open());
        QSqlQuery q(old);
        QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, "
                "size INTEGER, state TEXT NOT NULL, profile TEXT, session TEXT, file_url TEXT, "
                "error TEXT, error_code TEXT, attempts INTEGER NOT NULL DEFAULT 0, added_at TEXT "
                "NOT NULL, updated_at TEXT NOT NULL)")));
        QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER "
                "UNIQUE, name TEXT NOT NULL, path TEXT, size INTEGER, profile TEXT, session TEXT, "
                "file_url TEXT NOT NULL, stored_at TEXT NOT NULL)")));
        QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO jobs (path, size, state, error, error_code, attempts, added_at, "
                "updated_at) VALUES ('/old/a.txt', 5, 'failed', 'The storage answered 500 "
                "InternalError', 'InternalError', 5, 'x', 'x'), ('/old/b.txt', 5, 'queued', NULL, "
                "NULL, 0, 'x', 'x'), ('/old/c.txt', 5, 'canceled', 'Canceled', NULL, 0, 'x', "
                "'x')")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        old.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    JobDatabase db;
    QVERIFY2(db.open(path), qPrintable(db.problem()));
    const QList<JobJournal::Entry> entries = db.entries();
    QCOMPARE(entries.size(), 3);
    // The old sentence is all version 1 knew: kept as the detail of an unknown kind.
    QCOMPARE(entries.at(0).failure.kind, JobFailure::Kind::Other);
    QCOMPARE(entries.at(0).failure.detail,
             QStringLiteral("The storage answered 500 InternalError"));
    QCOMPARE(entries.at(0).failure.code, QStringLiteral("InternalError"));
    QCOMPARE(entries.at(0).failure.attempts, 5);
    QVERIFY(entries.at(1).failure.isNull());
    QCOMPARE(entries.at(2).failure.kind, JobFailure::Kind::Canceled);
    // And new outcomes are written in full.
    JobSnapshot failed = snapshot(entries.at(1).id, State::Failed);
    failed.attempt = 3;
    failed.failure = gaveUpFailure();
    db.recordState(failed);
    QCOMPARE(db.entries().at(1).failure, gaveUpFailure());
}

void TestJobDatabase::namesInAnyEncodingSurviveReopening()
{
    // As SQLite text, the bytes of a name that is not UTF-8 would come back as U+FFFD: the
    // queue would name a file that does not exist.
    const QByteArray bytes = QFile::encodeName(m_dir->path()) + "/caf\xe9 \xff.txt";
    QVERIFY(RawFiles::write(bytes, "data"));
    const QString path = NativePath::fromNative(bytes);
    const QString database = m_dir->filePath(QStringLiteral("q.sqlite"));
    quint64 id = 0;
    {
        JobDatabase db;
        QVERIFY(db.open(database));
        UploadEngine engine;
        engine.setJournal(&db);
        engine.pause();
        const QList<quint64> ids = engine.addPaths({ path });
        QCOMPARE(ids.size(), 1);
        id = ids.first();
        QCOMPARE(engine.snapshot(id).state, State::Queued);
    }

    JobDatabase db;
    QVERIFY(db.open(database));
    QCOMPARE(db.entries().size(), 1);
    QCOMPARE(NativePath::toNative(db.entries().first().path), bytes);
    UploadEngine engine;
    engine.setJournal(&db);
    engine.pause();
    QCOMPARE(engine.restore(), QList<quint64>{ id });
    const JobSnapshot restored = engine.snapshot(id);
    QCOMPARE(restored.state, State::Queued); // the file was found again
    QCOMPARE(restored.size, 4);
    QCOMPARE(restored.displayName, QStringLiteral("café ÿ.txt"));

    // Once stored, the history names the same file and shows its name readably.
    JobSnapshot done = restored;
    done.state = State::Done;
    done.fileUrl = QStringLiteral("https://s3/bucket/caf%C3%A9");
    db.recordState(done);
    const QList<HistoryEntry> history = db.history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(NativePath::toNative(history.first().path), bytes);
    QCOMPARE(history.first().name, QStringLiteral("café ÿ.txt"));
    QCOMPARE(db.history(QStringLiteral("café")).size(), 1);
    QVERIFY(RawFiles::removeTree(bytes));
}

QTEST_GUILESS_MAIN(TestJobDatabase)
#include "testjobdatabase.moc"
