// SPDX-License-Identifier: GPL-3.0-or-later
// Kills typebot-upload (SIGKILL) at several points of a 50-file run against the sandbox,
// then finishes with --resume: every file must end up stored once with the right bytes,
// nothing reported stored that the sandbox lacks, and the history must match the bucket.

#include "faultinjector.h"
#include "faultspec.h"
#include "sandboxserver.h"
#include "storage/jobdatabase.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Sandbox;

namespace {
constexpr int FileCount = 50;
constexpr qint64 FileSize = 96 * 1024;
} // namespace

class TestCrashResume final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void resumesAfterKill_data();
    void resumesAfterKill();
    void resumesAfterCtrlC();
    void noHistoryCannotResume();

private:
    struct Run
    {
        int exitCode = -1;
        bool killed = false;
        QByteArray out;
        QByteArray err;
    };
    // Runs the binary while this thread serves the sandbox; `killWhen` is asked after
    // every request the sandbox finishes and every 5 ms: true sends SIGKILL (or SIGINT).
    Run run(const QStringList &args, const std::function<bool()> &killWhen = {},
            bool interruptInstead = false);
    QStringList baseArgs() const;
    void makeFiles();
    void addFault(const QString &spec);
    void verifyEverythingStoredOnce(const QSet<QString> &reportedStored);
    static QSet<QString> doneUrls(const QByteArray &jsonLines);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_files;
    QHash<QString, QByteArray> m_content; // file name -> bytes
    int m_uploadsStored = 0;
    int m_ticketsServed = 0;
};

void TestCrashResume::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // A server that names objects after the file (3.15), so the bucket tells which file
    // was stored how often. From 3.17 names are random: a store the journal missed leaves
    // an unreferenced copy instead of overwriting, which this test cannot tell apart.
    SandboxConfig config;
    config.serverVersion = ServerVersion::V3_15;
    m_sandbox = std::make_unique<SandboxServer>(config);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_uploadsStored = 0;
    m_ticketsServed = 0;
    connect(m_sandbox.get(), &SandboxServer::requestFinished, this,
            [this](const RequestRecord &record) {
                if (record.route == u"upload" && record.status == 204)
                    ++m_uploadsStored;
                if (record.route == u"api" && record.status == 200)
                    ++m_ticketsServed;
            });
    makeFiles();
}

void TestCrashResume::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
    m_files.clear();
    m_content.clear();
}

void TestCrashResume::makeFiles()
{
    QDir().mkpath(m_dir->filePath(QStringLiteral("files")));
    for (int i = 0; i < FileCount; ++i) {
        const QString name = QStringLiteral("file-%1.bin").arg(i, 2, 10, QLatin1Char('0'));
        QByteArray data(FileSize, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()),
                                              FileSize / 4);
        const QString path = m_dir->filePath(QStringLiteral("files/") + name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            qFatal("cannot write %s", qPrintable(path));
        m_files << path;
        m_content.insert(name, data);
    }
}

void TestCrashResume::addFault(const QString &spec)
{
    QString error;
    const auto fault = FaultSpec::parse(spec, &error);
    QVERIFY2(fault, qPrintable(error));
    m_sandbox->faults()->add(*fault);
}

QStringList TestCrashResume::baseArgs() const
{
    return { QStringLiteral("--api"),      m_sandbox->apiBaseUrl().toString(),
             QStringLiteral("--session"),  m_sandbox->defaultSessionId(),
             QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
             QStringLiteral("--json"),     QStringLiteral("-j"),
             QStringLiteral("3") };
}

TestCrashResume::Run TestCrashResume::run(const QStringList &args,
                                          const std::function<bool()> &killWhen,
                                          bool interruptInstead)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TYPEBOT_TOKEN"));
    process.setProcessEnvironment(env);
    Run result;
    QEventLoop loop;
    bool signalled = false;
    const auto maybeKill = [&] {
        if (signalled || !killWhen || process.state() != QProcess::Running || !killWhen())
            return;
        signalled = true;
        if (interruptInstead)
            process.terminate(); // SIGTERM: handled like Ctrl-C
        else
            process.kill(); // SIGKILL: no chance to tidy up
    };
    const QMetaObject::Connection onRequest =
            connect(m_sandbox.get(), &SandboxServer::requestFinished, &loop, [&] { maybeKill(); });
    QTimer poll;
    connect(&poll, &QTimer::timeout, &loop, maybeKill);
    poll.start(5);
    connect(&process, &QProcess::readyReadStandardOutput, &loop,
            [&] { result.out += process.readAllStandardOutput(); });
    connect(&process, &QProcess::readyReadStandardError, &loop,
            [&] { result.err += process.readAllStandardError(); });
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(TYPEBOT_UPLOAD_BIN), args);
    loop.exec();
    disconnect(onRequest);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        qWarning("typebot-upload timed out");
    }
    result.out += process.readAllStandardOutput();
    result.err += process.readAllStandardError();
    result.killed = signalled;
    result.exitCode = process.exitStatus() == QProcess::CrashExit ? -1 : process.exitCode();
    return result;
}

QSet<QString> TestCrashResume::doneUrls(const QByteArray &jsonLines)
{
    QSet<QString> urls;
    const QList<QByteArray> lines = jsonLines.split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value(u"event").toString() == u"done")
            urls.insert(event.value(u"fileUrl").toString());
    }
    return urls;
}

void TestCrashResume::verifyEverythingStoredOnce(const QSet<QString> &reportedStored)
{
    // Every file, with its exact bytes, under exactly one key.
    const QStringList keys = m_sandbox->objectKeys();
    QCOMPARE(keys.size(), FileCount);
    QSet<QString> storedUrls;
    for (const QString &key : keys) {
        const QString name = key.section(u'/', -1);
        QVERIFY2(m_content.contains(name), qPrintable(key));
        QCOMPARE(m_sandbox->objectData(key), m_content.value(name));
        storedUrls.insert(m_sandbox->bucketUrl().toString() + u'/' + key);
    }
    // Nothing was ever reported stored that the bucket does not hold.
    for (const QString &url : reportedStored)
        QVERIFY2(storedUrls.contains(url), qPrintable(url));
    // The history holds each stored file once, and only those.
    Typebot::JobDatabase db;
    QVERIFY2(db.open(m_dir->filePath(QStringLiteral("data/typebot-upload.sqlite"))),
             qPrintable(db.problem()));
    const auto history = db.history();
    QSet<QString> historyUrls;
    for (const auto &entry : history)
        historyUrls.insert(entry.fileUrl);
    QCOMPARE(history.size(), FileCount);
    QCOMPARE(historyUrls, storedUrls);
    // And the queue has nothing left to do.
    for (const auto &entry : db.entries())
        QCOMPARE(entry.state, Typebot::JobState::Value::Done);
}

void TestCrashResume::resumesAfterKill_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("point"); // 0: tickets, 1: mid-upload, 2: right after a store
    QTest::newRow("killed while tickets are being fetched")
            << QStringLiteral("api:delay=150,count=0") << 0;
    QTest::newRow("killed mid-upload") << QStringLiteral("upload:throttle=400000,count=0") << 1;
    QTest::newRow("killed right after a store") << QString() << 2;
}

void TestCrashResume::resumesAfterKill()
{
    QFETCH(QString, fault);
    QFETCH(int, point);
    if (!fault.isEmpty())
        addFault(fault);

    std::function<bool()> killWhen;
    switch (point) {
    case 0:
        killWhen = [this] { return m_ticketsServed >= 4 && m_uploadsStored < FileCount; };
        break;
    case 1:
        killWhen = [this] { return m_uploadsStored >= 5 && m_sandbox->uploadsInFlight() > 0; };
        break;
    default:
        // Asked from the sandbox's requestFinished: the 204 is written, the client has not
        // read it yet.
        killWhen = [this] { return m_uploadsStored >= 7; };
    }
    const Run first = run(baseArgs() + m_files, killWhen);
    QVERIFY2(first.killed, first.err.constData());
    QCOMPARE(first.exitCode, -1);
    QVERIFY(m_sandbox->objectKeys().size() < FileCount);
    const QSet<QString> reported = doneUrls(first.out);

    m_sandbox->faults()->clear();
    const Run resumed = run(baseArgs() << QStringLiteral("--resume"));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    verifyEverythingStoredOnce(reported + doneUrls(resumed.out));
}

void TestCrashResume::resumesAfterCtrlC()
{
    addFault(QStringLiteral("upload:throttle=400000,count=0"));
    const Run first = run(
            baseArgs() + m_files, [this] { return m_uploadsStored >= 3; }, true);
    QCOMPARE(first.exitCode, 130);
    m_sandbox->faults()->clear();
    const Run resumed = run(baseArgs() << QStringLiteral("--resume"));
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    verifyEverythingStoredOnce(doneUrls(first.out) + doneUrls(resumed.out));
}

void TestCrashResume::noHistoryCannotResume()
{
    const Run bad = run(baseArgs() << QStringLiteral("--no-history") << QStringLiteral("--resume"));
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("--no-history"));
    const Run plain = run(baseArgs() << QStringLiteral("--no-history") << m_files.first());
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("data/typebot-upload.sqlite"))));
}

QTEST_GUILESS_MAIN(TestCrashResume)
#include "testcrashresume.moc"
