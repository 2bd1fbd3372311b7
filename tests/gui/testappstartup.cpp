// SPDX-License-Identifier: GPL-3.0-or-later
// The typebot-uploader binary as a desktop launcher and a session manager start and stop
// it: file:// URLs become paths and other URLs are refused, the single-instance socket lives
// in $XDG_RUNTIME_DIR, temporary folders go on SIGTERM/SIGINT and at the next start, and
// what typebot-upload stores in the same data folder shows in the app's history.

#include "singleinstance.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

#include <sys/types.h>

namespace {

// The app's temporary folders: pasted images, and the built-in sandbox's storage.
QStringList tempFolders(const QString &tempDir)
{
    return QDir(tempDir).entryList({ QStringLiteral("typebot-uploader-*") },
                                   QDir::Dirs | QDir::NoDotAndDotDot);
}

// Rows of the history table in the app's database, read beside the running app; -1 when
// it cannot be read yet.
int historyRows(const QString &database)
{
    int rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("history-probe"));
        db.setDatabaseName(database);
        if (QFileInfo::exists(database) && db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM history")) && query.next())
                rows = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("history-probe"));
    return rows;
}

} // namespace

class TestAppStartup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void socketLivesInTheRuntimeFolder();
    void fileUrlsBecomePaths();
    void otherUrlsAreRefused_data();
    void otherUrlsAreRefused();
    void signalRemovesTemporaryFolders_data();
    void signalRemovesTemporaryFolders();
    void commandLineUploadsReachTheHistory();

private:
    void startApp(QProcess *process, const QStringList &args);

    QTemporaryDir m_runtime;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAppStartup::initTestCase()
{
    // The app and this test must agree on the runtime folder: a private one for both.
    QVERIFY(m_runtime.isValid());
    QVERIFY(QFile::setPermissions(m_runtime.path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
}

void TestAppStartup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    for (const char *folder : { "home", "data", "config", "tmp", "queue" })
        QVERIFY(QDir(m_dir->path()).mkpath(QString::fromLatin1(folder)));
}

void TestAppStartup::cleanup()
{
    m_dir.reset();
}

void TestAppStartup::startApp(QProcess *process, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("TMPDIR"), m_dir->filePath(QStringLiteral("tmp")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // No keychain: tokens stay in memory, and no D-Bus wait slows the start.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/tbu-bus"));
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(m_dir->path());
    process->start(
            QStringLiteral(TYPEBOT_UPLOADER_BIN),
            QStringList{ QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("queue")) }
                    + args);
}

void TestAppStartup::socketLivesInTheRuntimeFolder()
{
    const QString name = SingleInstance::serverName(m_dir->filePath(QStringLiteral("queue")));
    QVERIFY(!SingleInstance::othersRunning(QStringLiteral("typebot-uploader-none")));
    {
        SingleInstance instance(name);
        QVERIFY(instance.listen());
        const QString socket = m_runtime.filePath(QStringLiteral("typebot-uploader/") + name);
        QCOMPARE(SingleInstance::socketPath(name), socket);
        QVERIFY(QFileInfo::exists(socket));
        QVERIFY(SingleInstance::othersRunning(QStringLiteral("typebot-uploader-none")));
        QVERIFY(!SingleInstance::othersRunning(name)); // itself does not count
    }
    QVERIFY(!SingleInstance::othersRunning(QStringLiteral("typebot-uploader-none")));
}

void TestAppStartup::fileUrlsBecomePaths()
{
    // Playing the running window: a second start hands over its files, as paths.
    SingleInstance running(SingleInstance::serverName(m_dir->filePath(QStringLiteral("queue"))));
    QVERIFY(running.listen());
    QSignalSpy received(&running, &SingleInstance::pathsReceived);

    QProcess app;
    startApp(&app,
             { QStringLiteral("file:///tmp/a%20b%C3%A7.txt"),
               QStringLiteral("file://localhost/tmp/c.txt"), QStringLiteral("d.txt"),
               QStringLiteral("/tmp/e.txt") });
    QVERIFY(received.wait(30000));
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 0);
    QCOMPARE(received.constFirst().at(0).toStringList(),
             (QStringList{ QStringLiteral("/tmp/a b\u00e7.txt"), QStringLiteral("/tmp/c.txt"),
                           m_dir->filePath(QStringLiteral("d.txt")),
                           QStringLiteral("/tmp/e.txt") }));
}

void TestAppStartup::otherUrlsAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("a web link") << QStringLiteral("https://example.com/report.pdf");
    QTest::newRow("a remote file system") << QStringLiteral("sftp://server/home/ana/a.png");
    QTest::newRow("a file URL of another host") << QStringLiteral("file://server/share/a.txt");
}

void TestAppStartup::otherUrlsAreRefused()
{
    QFETCH(QString, url);
    SingleInstance running(SingleInstance::serverName(m_dir->filePath(QStringLiteral("queue"))));
    QVERIFY(running.listen());
    QSignalSpy received(&running, &SingleInstance::pathsReceived);

    QProcess app;
    startApp(&app, { QStringLiteral("/tmp/fine.txt"), url });
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 2);
    const QString error = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(error.contains(url) && error.contains(u"only local files"), qPrintable(error));
    // Nothing was handed over, not even the good path: the whole start is refused (a
    // handover, sent before the process ended, would be waiting on the socket by now).
    QVERIFY(!received.wait(500));
}

void TestAppStartup::signalRemovesTemporaryFolders_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestAppStartup::signalRemovesTemporaryFolders()
{
    QFETCH(int, signalNumber);
    // Left by a run that was killed: removed at the next start, as nobody else runs.
    const QString tempDir = m_dir->filePath(QStringLiteral("tmp"));
    const QStringList stale = { tempDir + QStringLiteral("/typebot-uploader-paste-St4le1"),
                                tempDir + QStringLiteral("/typebot-uploader-St4le2"),
                                tempDir + QStringLiteral("/Typebot Uploader-St4le3") };
    for (const QString &folder : stale) {
        QVERIFY(QDir().mkpath(folder));
        QFile leftover(folder + QStringLiteral("/left-behind.png"));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
    }
    // Not the app's: kept.
    const QString other = tempDir + QStringLiteral("/typebot-uploader-notes");
    QVERIFY(QDir().mkpath(other));

    QProcess app;
    startApp(&app, { QStringLiteral("--paused") });
    QVERIFY(app.waitForStarted(10000));
    // The window's own temporary folder appears (pasted images); the stale ones go. The
    // sandbox keeps its storage with the app's data, so its links outlive the run.
    const QString sandboxStorage = m_dir->filePath(QStringLiteral("queue/sandbox"));
    const auto started = [&] {
        const QStringList folders = tempFolders(tempDir);
        return folders.size() == 2 && !folders.contains(QStringLiteral("typebot-uploader-St4le2"))
                && !QFileInfo::exists(stale.at(0)) && !QFileInfo::exists(stale.at(2))
                && QFileInfo::exists(sandboxStorage + QStringLiteral("/port"));
    };
    QTRY_VERIFY2_WITH_TIMEOUT(started(), qPrintable(tempFolders(tempDir).join(u' ')), 30000);

    QCOMPARE(::kill(pid_t(app.processId()), signalNumber), 0);
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    QCOMPARE(tempFolders(tempDir), QStringList{ QStringLiteral("typebot-uploader-notes") });
    QVERIFY(QFileInfo(sandboxStorage).isDir());
}

void TestAppStartup::commandLineUploadsReachTheHistory()
{
    const QString dataDir = m_dir->filePath(QStringLiteral("queue"));
    QProcess app;
    startApp(&app, { QStringLiteral("--paused") });
    QVERIFY(app.waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(historyRows(dataDir + QStringLiteral("/queue.sqlite")), 0, 30000);

    // While the app runs, the command line uploads into the same folder.
    QFile file(m_dir->filePath(QStringLiteral("from-the-terminal.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello");
    file.close();
    QProcess cli;
    cli.setProcessEnvironment(app.processEnvironment());
    cli.start(QStringLiteral(TYPEBOT_UPLOAD_BIN),
              { QStringLiteral("--sandbox"), QStringLiteral("--data-dir"), dataDir,
                file.fileName() });
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(historyRows(dataDir + QStringLiteral("/queue.sqlite")), 1, 20000);
    QCOMPARE(::kill(pid_t(app.processId()), SIGTERM), 0);
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 0);
}

QTEST_MAIN(TestAppStartup)
#include "testappstartup.moc"
