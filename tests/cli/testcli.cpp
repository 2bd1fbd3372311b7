// SPDX-License-Identifier: GPL-3.0-or-later
// typebot-upload as users and scripts see it: the real binary against an in-process
// sandbox, asserting exit codes, output and what reached the server.

#include "demobot.h"
#include "faultinjector.h"
#include "faultspec.h"
#include "rawfiles.h"
#include "sandboxserver.h"
#include "storage/jobdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

#include <unistd.h>

#include <csignal>
#include <functional>
#include <memory>

using namespace Sandbox;

Q_DECLARE_METATYPE(Sandbox::ServerVersion)

namespace {

const QString Token = QStringLiteral("tbu-test-token-8f3a9c2e71d4");

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    QString all() const { return QString::fromUtf8(out + err); }
};

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> events;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            qWarning("not a JSON object: %s", line.constData());
            return {};
        }
        events << doc.object();
    }
    return events;
}

QList<QJsonObject> eventsNamed(const QList<QJsonObject> &events, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonObject &e : events) {
        if (e.value(QStringLiteral("event")).toString() == name)
            found << e;
    }
    return found;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void storesFileAndPrintsUrl();
    void builtInSandboxDemo();
    void quietPrintsOnlyUrls();
    void jsonEventsHaveDocumentedFields();
    void jsonReportsRetries();
    void missingSessionIsUsageError();
    void badOptionIsUsageError();
    void bothTransportsUploadAndTheLimitHolds();
    void missingFileFailsWithPath();
    void folderNeedsRecursive();
    void unreachableApiFailsWithReason();
    void tokenReachesApiButNeverOutput_data();
    void tokenReachesApiButNeverOutput();
    void tokenOnCommandLineWarns();
    void sigintAbortsRunningUpload();
    void printedCurlCommandsWork_data();
    void printedCurlCommandsWork();
    void botWalksDemoBotToTheEnd_data();
    void botWalksDemoBotToTheEnd();
    void builtInSandboxDemoBot();
    void uploadBeforeFileBlockGivesServerMessage();
    void disallowedTypeRefusedBeforeUpload();
    void runningOutOfAnswersNamesThePrompt();
    void namesAndLinksCannotForgeOutputLines();
    void resumeKeepsFilesInTheirSession();
    void recursiveRunReportsEveryEntry();
    void pathsInAnyEncodingUploadFromTheCommandLine_data();
    void pathsInAnyEncodingUploadFromTheCommandLine();
    void sameNameInASessionIsNeverOverwritten();
    void veryVerboseShowsEachRequestAsSent_data();
    void veryVerboseShowsEachRequestAsSent();
    void printedCurlSendsTheNameSent();
    void unusableTicketIsNoTicketEvent();
    void uploadsToEveryServerAndRemembersItsRoute_data();
    void uploadsToEveryServerAndRemembersItsRoute();
    void botWalksEveryDemoBotToItsFileBlock_data();
    void botWalksEveryDemoBotToItsFileBlock();
    void botAcceptsANameWithASpace();
    void botBatchWithADisallowedFileStopsBeforeUpload();
    void botSingleFileBlockRefusesSeveralUpFront();
    void botChoiceIsSentAsItsValue();
    void botPaymentNeedsABrowser();

private:
    QString writeFile(const QString &name, const QByteArray &data);
    Run run(const QStringList &args, const QProcessEnvironment &extraEnv = {},
            const std::function<bool(QProcess &, const QByteArray &)> &onOutput = {});
    Run runShell(const QString &command);
    QStringList endpointArgs() const;
    // The --print-curl command lines of an output, in order.
    static QStringList curlLines(const QByteArray &out);
    void startSandbox(SandboxConfig config = {});

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    // When set, run() starts the binary through this (e.g. a shell that puts raw bytes in
    // argv, which QProcess cannot: it encodes arguments as UTF-8).
    QStringList m_launcher;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    startSandbox();
}

void TestCli::cleanup()
{
    m_sandbox.reset();
    m_launcher.clear();
    // Files named by bytes that are not UTF-8 are invisible to QTemporaryDir's removal.
    if (m_dir)
        RawFiles::removeTree(QFile::encodeName(m_dir->path()));
    m_dir.reset();
}

void TestCli::startSandbox(SandboxConfig config)
{
    m_sandbox = std::make_unique<SandboxServer>(std::move(config));
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
}

QStringList TestCli::curlLines(const QByteArray &out)
{
    QStringList commands;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("curl "))
            commands << QString::fromUtf8(line);
    }
    return commands;
}

QStringList TestCli::endpointArgs() const
{
    return { QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
             QStringLiteral("--session"), m_sandbox->defaultSessionId() };
}

void TestCli::veryVerboseShowsEachRequestAsSent_data()
{
    QTest::addColumn<Sandbox::ServerVersion>("version");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("uploadMethod");
    QTest::addColumn<QString>("uploadStatus");
    QTest::newRow("legacy: POST policy") << Sandbox::ServerVersion::Legacy << QStringLiteral("v2")
                                         << QStringLiteral("POST") << QStringLiteral("204");
    QTest::newRow("3.16: presigned PUT") << Sandbox::ServerVersion::V3_16 << QStringLiteral("v2")
                                         << QStringLiteral("PUT") << QStringLiteral("200");
    QTest::newRow("3.18: upload proxy") << Sandbox::ServerVersion::V3_18 << QStringLiteral("v3")
                                        << QStringLiteral("PUT") << QStringLiteral("200");
}

void TestCli::veryVerboseShowsEachRequestAsSent()
{
    // -vv prints the engine's record of every request: the slot request with its headers
    // and body (the token masked) and the answer's headers, then the upload as sent.
    QFETCH(Sandbox::ServerVersion, version);
    QFETCH(QString, route);
    QFETCH(QString, uploadMethod);
    QFETCH(QString, uploadStatus);
    SandboxConfig config;
    config.serverVersion = version;
    config.token = Token;
    startSandbox(config);
    const QString a = writeFile(QStringLiteral("a.txt"), "abc");
    QProcessEnvironment env;
    env.insert(QStringLiteral("TYPEBOT_TOKEN"), Token);
    const Run r = run(endpointArgs() << QStringLiteral("-vv") << a, env);
    QCOMPARE(r.exitCode, 0);
    const QString err = QString::fromUtf8(r.err);
    const QString api = m_sandbox->apiBaseUrl().toString();
    QVERIFY2(err.contains(
                     QStringLiteral("[a.txt] > POST %1/%2/generate-upload-url").arg(api, route)),
             r.err.constData());
    QVERIFY2(err.contains(QStringLiteral("[a.txt] > Authorization: Bearer [redacted]")),
             r.err.constData());
    QVERIFY2(err.contains(QStringLiteral("\"fileName\":\"a.txt\"")), r.err.constData());
    QVERIFY2(err.contains(QStringLiteral("[a.txt] < HTTP 200")), r.err.constData());
    QVERIFY2(err.contains(QStringLiteral("[a.txt] > %1 ").arg(uploadMethod)), r.err.constData());
    QVERIFY2(err.contains(QStringLiteral("[a.txt] >   file a.txt (text/plain, 3 bytes)")),
             r.err.constData());
    QVERIFY2(err.contains(QStringLiteral("[a.txt] < HTTP %1").arg(uploadStatus)),
             r.err.constData());
    QVERIFY(!err.contains(Token));
}

void TestCli::printedCurlSendsTheNameSent()
{
    // The second readme.txt of a session is sent as "readme (2).txt" on servers that keep
    // names; the printed commands must ask for and send that name, not the file's own.
    SandboxConfig config;
    config.serverVersion = Sandbox::ServerVersion::V3_15;
    startSandbox(config);
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("p/a"))));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("p/b"))));
    writeFile(QStringLiteral("p/a/readme.txt"), "A");
    writeFile(QStringLiteral("p/b/readme.txt"), "B");
    const Run r = run(endpointArgs() << QStringLiteral("--print-curl") << QStringLiteral("-j")
                                     << QStringLiteral("1") << QStringLiteral("-r")
                                     << m_dir->filePath(QStringLiteral("p")));
    QCOMPARE(r.exitCode, 0);
    const QStringList commands = curlLines(r.out);
    QCOMPARE(commands.size(), 4);
    QVERIFY2(commands.at(2).contains(QStringLiteral("\"fileName\":\"readme (2).txt\"")),
             qPrintable(commands.at(2)));
    QVERIFY2(commands.at(3).contains(QStringLiteral(";filename=\"readme (2).txt\"")),
             qPrintable(commands.at(3)));
}

void TestCli::sameNameInASessionIsNeverOverwritten()
{
    // Servers up to 3.16 store an upload under the name sent: within a run and across
    // runs (the history knows the session's files), a second readme.txt gets its own name.
    SandboxConfig config;
    config.serverVersion = Sandbox::ServerVersion::V3_15;
    startSandbox(config);
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("d/a"))));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("d/b"))));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("e"))));
    writeFile(QStringLiteral("d/a/readme.txt"), "A");
    writeFile(QStringLiteral("d/b/readme.txt"), "B");
    const QString later = writeFile(QStringLiteral("e/readme.txt"), "C");
    Run r = run(endpointArgs() << QStringLiteral("-j") << QStringLiteral("1")
                               << QStringLiteral("-r") << m_dir->filePath(QStringLiteral("d")));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("was sent as \u201creadme (2).txt\u201d"), r.err.constData());
    r = run(endpointArgs() << later);
    QCOMPARE(r.exitCode, 0);
    QStringList contents;
    for (const QString &key : m_sandbox->objectKeys())
        contents << key.section(u'/', -1) + u'=' + QString::fromUtf8(m_sandbox->objectData(key));
    contents.sort();
    QCOMPARE(contents,
             (QStringList{ QStringLiteral("readme (2).txt=B"), QStringLiteral("readme (3).txt=C"),
                           QStringLiteral("readme.txt=A") }));
}

void TestCli::recursiveRunReportsEveryEntry()
{
    // Qt's iterators drop a name that is not UTF-8 and a folder they cannot read; every
    // entry must end stored or failed with a reason. Names in any encoding are stored,
    // under a faithful UTF-8 rendering of the name (3.15 keys objects by the name sent).
    SandboxConfig config;
    config.serverVersion = Sandbox::ServerVersion::V3_15;
    startSandbox(config);
    const QString root = m_dir->filePath(QStringLiteral("tree"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/locked")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/real")));
    writeFile(QStringLiteral("tree/good.txt"), "good");
    writeFile(QStringLiteral("tree/locked/secret.txt"), "secret");
    writeFile(QStringLiteral("tree/real/inner.txt"), "inner");
    QVERIFY(QFile::link(root + QStringLiteral("/real"), root + QStringLiteral("/link")));
    QVERIFY(RawFiles::write(QFile::encodeName(root) + "/bad\xff\xfename.txt", "bad"));
    QVERIFY(RawFiles::write(QFile::encodeName(root) + "/caf\xe9.txt", "Latin-1"));
    QVERIFY(QFile::setPermissions(root + QStringLiteral("/locked"), QFileDevice::Permissions()));

    // Root reads any folder: run as nobody then, with the tree and data open to it.
    QStringList command{ QString::fromUtf8(TYPEBOT_UPLOAD_BIN) };
    if (::geteuid() == 0) {
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("running as root without setpriv: cannot make a folder unreadable");
        for (QString dir = root; dir.startsWith(m_dir->path()) || dir == m_dir->path();
             dir = QFileInfo(dir).path()) {
            QFile::setPermissions(dir, QFileDevice::Permissions(0x7777));
            if (dir == m_dir->path())
                break;
        }
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("data"))));
        QFile::setPermissions(m_dir->filePath(QStringLiteral("data")),
                              QFileDevice::Permissions(0x7777));
        command = QStringList{ QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                               QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                               QStringLiteral("--") }
                + command;
    }
    QStringList args = command.mid(1);
    args << endpointArgs() << QStringLiteral("-r") << QStringLiteral("--no-history") << root;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("TYPEBOT_UPLOAD_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    QByteArray out;
    QEventLoop loop;
    connect(&process, &QProcess::readyReadStandardOutput, &loop,
            [&] { out += process.readAllStandardOutput(); });
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    process.start(command.first(), args);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    out += process.readAllStandardOutput();
    QFile::setPermissions(root + QStringLiteral("/locked"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(process.exitCode(), 1);
    const QString text = QString::fromUtf8(out);
    QVERIFY2(text.contains(u"stored  good.txt"), qPrintable(text));
    QVERIFY2(text.contains(u"stored  badÿþname.txt"), qPrintable(text));
    QVERIFY2(text.contains(u"stored  café.txt"), qPrintable(text));
    QVERIFY2(text.contains(u"failed  locked") && text.contains(u"Cannot read the folder"),
             qPrintable(text));
    QVERIFY2(text.contains(u"failed  link") && text.contains(u"link to a folder"),
             qPrintable(text));
    QVERIFY2(text.contains(u"stored  inner.txt"), qPrintable(text));
    QCOMPARE(text.count(u"stored  "), 4);
    QCOMPARE(text.count(u"failed  "), 2);
    // The bytes stored are the file's, under the readable name.
    QStringList stored;
    for (const QString &key : m_sandbox->objectKeys())
        stored << key.section(u'/', -1) + u'=' + QString::fromUtf8(m_sandbox->objectData(key));
    stored.sort();
    QCOMPARE(stored,
             (QStringList{ QStringLiteral("badÿþname.txt=bad"), QStringLiteral("café.txt=Latin-1"),
                           QStringLiteral("good.txt=good"), QStringLiteral("inner.txt=inner") }));
}

void TestCli::pathsInAnyEncodingUploadFromTheCommandLine_data()
{
    QTest::addColumn<QString>("given");
    QTest::newRow("as an argument") << QStringLiteral("argument");
    QTest::newRow("in a NUL-separated list on standard input") << QStringLiteral("stdin");
    QTest::newRow("in a --files-from list") << QStringLiteral("files-from");
}

void TestCli::pathsInAnyEncodingUploadFromTheCommandLine()
{
    // A file named in Latin-1 (and a byte no encoding has), given by its real name: Qt's
    // own decoding of argv would name a file that does not exist.
    QFETCH(QString, given);
    SandboxConfig config;
    config.serverVersion = Sandbox::ServerVersion::V3_15; // keys objects by the name sent
    startSandbox(config);
    const QByteArray bytes = QFile::encodeName(m_dir->path()) + "/r\xe9sum\xe9 \xff.txt";
    const QByteArray content = "the file behind a name that is not UTF-8";
    QVERIFY(RawFiles::write(bytes, content));
    const QString readable = m_dir->path() + QStringLiteral("/résumé ÿ.txt");
    QProcessEnvironment env;
    QStringList args = endpointArgs() << QStringLiteral("--json");
    if (given == u"argument") {
        // printf %b turns the escapes back into the bytes, which the shell puts in argv.
        env.insert(QStringLiteral("TBU_RAW_PATH"),
                   QString::fromLatin1(RawFiles::printfEscaped(bytes)));
        m_launcher = QStringList{
            QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("exec \"$0\" \"$@\" \"$(printf %b \"$TBU_RAW_PATH\")\"")
        };
    } else {
        const QByteArray list = QFile::encodeName(m_dir->path()) + "/list";
        const bool nul = given == u"stdin";
        QVERIFY(RawFiles::write(list, nul ? bytes + '\0' : bytes + '\n'));
        if (nul) {
            env.insert(QStringLiteral("TBU_LIST"), QFile::decodeName(list));
            m_launcher = QStringList{ QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                      QStringLiteral("exec \"$0\" \"$@\" <\"$TBU_LIST\"") };
            args << QStringLiteral("-0") << QStringLiteral("-");
        } else {
            args << QStringLiteral("--files-from") << QFile::decodeName(list);
        }
    }

    const Run r = run(args, env);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> events = jsonLines(r.out);
    const QList<QJsonObject> queued = eventsNamed(events, QStringLiteral("queued"));
    QCOMPARE(queued.size(), 1);
    // JSON is UTF-8: the path and name are the readable rendering, never U+FFFD.
    QCOMPARE(queued.first().value(QStringLiteral("path")).toString(), readable);
    QCOMPARE(queued.first().value(QStringLiteral("name")).toString(),
             QStringLiteral("résumé ÿ.txt"));
    QCOMPARE(eventsNamed(events, QStringLiteral("done")).size(), 1);
    const QStringList keys = m_sandbox->objectKeys();
    QCOMPARE(keys.size(), 1);
    QVERIFY2(keys.first().endsWith(QStringLiteral("/résumé ÿ.txt")), qPrintable(keys.first()));
    QCOMPARE(m_sandbox->objectData(keys.first()), content);
}

void TestCli::resumeKeepsFilesInTheirSession()
{
    // An interrupted run left a file queued for another session.
    const QString file = writeFile(QStringLiteral("left.txt"), "left");
    {
        Typebot::JobDatabase journal;
        QVERIFY(journal.open(m_dir->filePath(QStringLiteral("data/typebot-upload.sqlite"))));
        QCOMPARE(journal.recordQueued({ { file, 4 } }, QString(), QStringLiteral("old-session"))
                         .size(),
                 1);
    }
    Run r = run(endpointArgs() << QStringLiteral("--resume"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("queued for session old-session")
                     && r.err.contains("--session old-session"),
             r.err.constData());
    QVERIFY(m_sandbox->objectKeys().isEmpty());
    // In its own session it resumes.
    m_sandbox->addSession(QStringLiteral("old-session"));
    r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
              QStringLiteral("--session"), QStringLiteral("old-session"),
              QStringLiteral("--resume") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("stored  left.txt"), r.out.constData());
}

void TestCli::unusableTicketIsNoTicketEvent()
{
    // A 200 whose body is cut in half is retried; it never counts as a handed-out slot.
    QString error;
    QVERIFY(m_sandbox->faults()->add(QStringLiteral("api:malformed-json"), &error) > 0);
    const QString a = writeFile(QStringLiteral("a.txt"), "a");
    const Run r = run(endpointArgs() << QStringLiteral("--json") << a);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> events = jsonLines(r.out);
    QCOMPARE(eventsNamed(events, QStringLiteral("ticket")).size(), 1);
    QCOMPARE(eventsNamed(events, QStringLiteral("retry")).size(), 1);
}

void TestCli::namesAndLinksCannotForgeOutputLines()
{
    // A server before 3.17 puts the name into the link verbatim: a newline and an escape
    // sequence in a file name must show escaped, one line per file.
    SandboxConfig config;
    config.serverVersion = Sandbox::ServerVersion::V3_15;
    startSandbox(config);
    const QString path =
            writeFile(QStringLiteral("a\nstored  fake.txt  1 B  0 s  evil\x1b[31m.txt"), "x");
    const Run r = run(endpointArgs() << path);
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith("stored  a\\nstored  fake.txt"), r.out.constData());
    QVERIFY2(!r.out.contains('\x1b') && r.out.contains("\\x1b[31m"), r.out.constData());
    QVERIFY2(lines.first().contains("a%0Astored"), r.out.constData()); // the link, one line
}

void TestCli::uploadsToEveryServerAndRemembersItsRoute_data()
{
    QTest::addColumn<Sandbox::ServerVersion>("version");
    QTest::addColumn<QString>("firstRunRoutes"); // the ticket requests, in order
    QTest::newRow("3.18: v3 only, never a v2 request")
            << Sandbox::ServerVersion::V3_18 << QStringLiteral("v3 v3");
    QTest::newRow("legacy: one v3 404, then v2")
            << Sandbox::ServerVersion::Legacy << QStringLiteral("v3 v2 v2");
    QTest::newRow("3.16 without --block: v2 once v3's slot showed its kind")
            << Sandbox::ServerVersion::V3_16 << QStringLiteral("v3 v2 v2");
}

void TestCli::uploadsToEveryServerAndRemembersItsRoute()
{
    // No setting but --api and --session: the tool finds the route, and the next run
    // (same data folder) goes straight to it.
    QFETCH(Sandbox::ServerVersion, version);
    QFETCH(QString, firstRunRoutes);
    SandboxConfig config;
    config.serverVersion = version;
    startSandbox(config);
    const auto routes = [this] {
        QStringList seen;
        for (const RequestRecord &r : m_sandbox->requests()) {
            if (r.path.endsWith(u"/generate-upload-url"))
                seen << r.path.section(u'/', 2, 2);
        }
        m_sandbox->clearRequests();
        return seen.join(u' ');
    };
    const QString a = writeFile(QStringLiteral("a.txt"), "aaa");
    const QString b = writeFile(QStringLiteral("b.txt"), "bbbb");
    Run r = run(endpointArgs() << QStringLiteral("-j") << QStringLiteral("1")
                               << QStringLiteral("-v") << a << b);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(routes(), firstRunRoutes);
    // -v tells which route and sending style each file used; a switch is a note.
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(u"generate-upload-url"), qPrintable(err));
    QVERIFY2(err.contains(u"2 stored") && err.contains(u", 0 failed"), qPrintable(err));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("data/servers.json"))));

    r = run(endpointArgs() << a);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(routes(),
             version == Sandbox::ServerVersion::V3_18 ? QStringLiteral("v3")
                                                      : QStringLiteral("v2"));
    // --forget-server finds out again.
    r = run(endpointArgs() << QStringLiteral("--forget-server") << a);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(routes().startsWith(u"v3"));
}

QString TestCli::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Runs the binary while this thread's event loop serves the in-process sandbox.
// `onOutput` sees stdout so far each time it grows; returning true stops calling it.
Run TestCli::run(const QStringList &args, const QProcessEnvironment &extraEnv,
                 const std::function<bool(QProcess &, const QByteArray &)> &onOutput)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : { QStringLiteral("TYPEBOT_API"), QStringLiteral("TYPEBOT_SESSION"),
                                 QStringLiteral("TYPEBOT_TOKEN") })
        env.remove(name);
    // The journal and history of these runs stay in the test's folder.
    env.insert(QStringLiteral("TYPEBOT_UPLOAD_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
    for (const QString &key : extraEnv.keys())
        env.insert(key, extraEnv.value(key));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->path());
    Run result;
    bool watching = bool(onOutput);
    QEventLoop loop;
    connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        result.out += process.readAllStandardOutput();
        if (watching && onOutput(process, result.out))
            watching = false;
    });
    connect(&process, &QProcess::readyReadStandardError, &loop,
            [&] { result.err += process.readAllStandardError(); });
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (m_launcher.isEmpty())
        process.start(QStringLiteral(TYPEBOT_UPLOAD_BIN), args);
    else
        process.start(m_launcher.first(),
                      m_launcher.mid(1) << QStringLiteral(TYPEBOT_UPLOAD_BIN) << args);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        qWarning("typebot-upload timed out");
    }
    result.out += process.readAllStandardOutput();
    result.err += process.readAllStandardError();
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    if (QTest::currentTestFailed() || result.crashed)
        qWarning("stdout:\n%s\nstderr:\n%s", result.out.constData(), result.err.constData());
    return result;
}

Run TestCli::runShell(const QString &command)
{
    QProcess process;
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
    loop.exec();
    Run result;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCli::storesFileAndPrintsUrl()
{
    const QByteArray data = "hello from the CLI test\n";
    const QString path = writeFile(QStringLiteral("hello.txt"), data);
    const Run r = run(endpointArgs() << path);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.crashed);
    const QStringList keys = m_sandbox->objectKeys();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(m_sandbox->objectData(keys.first()), data);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.startsWith(QStringLiteral("stored  hello.txt")), qPrintable(out));
    QVERIFY2(out.contains(m_sandbox->bucketUrl().toString() + u'/' + keys.first()),
             qPrintable(out));
}

void TestCli::builtInSandboxDemo()
{
    const QString path = writeFile(QStringLiteral("demo.txt"), "demo");
    const Run r = run({ QStringLiteral("--sandbox"), path });
    QCOMPARE(r.exitCode, 0);
    // The built-in sandbox plays the newest server, which names objects at random: the
    // line keeps the file's own name next to its link.
    QVERIFY2(r.out.startsWith("stored  demo.txt  ") && r.out.contains("  http://127.0.0.1:"),
             r.out.constData());
}

void TestCli::quietPrintsOnlyUrls()
{
    const QString a = writeFile(QStringLiteral("a.txt"), "a");
    const QString b = writeFile(QStringLiteral("b.txt"), "bb");
    const Run r = run(endpointArgs() << QStringLiteral("-q") << a << b);
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    for (const QByteArray &line : lines)
        QVERIFY2(line.startsWith("http://127.0.0.1:"), line.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
}

void TestCli::jsonEventsHaveDocumentedFields()
{
    const QString a = writeFile(QStringLiteral("a.bin"), QByteArray(300000, 'a'));
    const QString empty = writeFile(QStringLiteral("empty.txt"), QByteArray());
    const QString missing = m_dir->filePath(QStringLiteral("missing.txt"));
    const Run r = run(endpointArgs() << QStringLiteral("--json") << a << empty << missing);
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> events = jsonLines(r.out);
    QVERIFY(!events.isEmpty());

    for (const QJsonObject &e : events) {
        QVERIFY(e.contains(QStringLiteral("event")));
        const QDateTime time = QDateTime::fromString(e.value(QStringLiteral("time")).toString(),
                                                     Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QCOMPARE(time.timeSpec(), Qt::UTC);
    }
    const auto has = [](const QJsonObject &e, const QStringList &fields) {
        for (const QString &f : fields) {
            if (!e.contains(f)) {
                qWarning("event %s lacks %s",
                         qPrintable(e.value(QStringLiteral("event")).toString()), qPrintable(f));
                return false;
            }
        }
        return true;
    };
    const auto queued = eventsNamed(events, QStringLiteral("queued"));
    QCOMPARE(queued.size(), 3);
    for (const QJsonObject &e : queued)
        QVERIFY(has(e, { QStringLiteral("id"), QStringLiteral("path"), QStringLiteral("size") }));
    QVERIFY(eventsNamed(events, QStringLiteral("ticket")).size() >= 2);
    for (const QJsonObject &e : eventsNamed(events, QStringLiteral("ticket")))
        QVERIFY(has(e,
                    { QStringLiteral("id"), QStringLiteral("attempt"), QStringLiteral("host"),
                      QStringLiteral("status"), QStringLiteral("durationMs") }));
    for (const QJsonObject &e : eventsNamed(events, QStringLiteral("progress")))
        QVERIFY(has(e,
                    { QStringLiteral("id"), QStringLiteral("bytesSent"), QStringLiteral("size") }));

    const auto done = eventsNamed(events, QStringLiteral("done"));
    QCOMPARE(done.size(), 2);
    for (const QJsonObject &e : done) {
        QVERIFY(has(e,
                    { QStringLiteral("id"), QStringLiteral("path"), QStringLiteral("size"),
                      QStringLiteral("fileUrl"), QStringLiteral("attempts"),
                      QStringLiteral("durationMs") }));
        QCOMPARE(e.value(QStringLiteral("attempts")).toInt(), 1);
        const QString key =
                SandboxServer::keyFromFileUrl(e.value(QStringLiteral("fileUrl")).toString());
        QVERIFY2(m_sandbox->hasObject(key), qPrintable(key));
    }
    const auto failed = eventsNamed(events, QStringLiteral("failed"));
    QCOMPARE(failed.size(), 1);
    QVERIFY(has(failed.first(),
                { QStringLiteral("id"), QStringLiteral("path"), QStringLiteral("code"),
                  QStringLiteral("message"), QStringLiteral("kind"), QStringLiteral("step"),
                  QStringLiteral("status"), QStringLiteral("serverMessage") }));
    QCOMPARE(failed.first().value(QStringLiteral("path")).toString(), missing);
    QCOMPARE(failed.first().value(QStringLiteral("kind")).toString(),
             QStringLiteral("FileMissing"));
    QCOMPARE(failed.first().value(QStringLiteral("step")).toString(), QStringLiteral("file"));
    QVERIFY(failed.first().value(QStringLiteral("message")).toString().contains(missing));

    QCOMPARE(events.last().value(QStringLiteral("event")).toString(), QStringLiteral("summary"));
    const QJsonObject summary = events.last();
    QVERIFY(has(summary,
                { QStringLiteral("stored"), QStringLiteral("failed"), QStringLiteral("canceled"),
                  QStringLiteral("bytes"), QStringLiteral("durationMs") }));
    QCOMPARE(summary.value(QStringLiteral("stored")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("canceled")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("bytes")).toInteger(), 300000);
}

void TestCli::jsonReportsRetries()
{
    QString error;
    m_sandbox->faults()->add(
            FaultSpec::parse(QStringLiteral("upload:status=503,count=1,retry-after=1"), &error)
                    .value());
    const QString a = writeFile(QStringLiteral("a.txt"), "retry me");
    const Run r = run(endpointArgs() << QStringLiteral("--json") << a);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> events = jsonLines(r.out);
    const auto retries = eventsNamed(events, QStringLiteral("retry"));
    QCOMPARE(retries.size(), 1);
    const QJsonObject retry = retries.first();
    QCOMPARE(retry.value(QStringLiteral("attempt")).toInt(), 2);
    QCOMPARE(retry.value(QStringLiteral("delayMs")).toInteger(), 1000);
    // The reason in words; the codes in their own fields.
    QCOMPARE(retry.value(QStringLiteral("kind")).toString(), QStringLiteral("ServerBusy"));
    QCOMPARE(retry.value(QStringLiteral("status")).toInt(), 503);
    QCOMPARE(retry.value(QStringLiteral("step")).toString(), QStringLiteral("upload"));
    const QString reason = retry.value(QStringLiteral("reason")).toString();
    QVERIFY2(reason.startsWith(QStringLiteral("The server is not accepting files right now (it "
                                              "answered 503).")),
             qPrintable(reason));
    QVERIFY(retry.contains(QStringLiteral("code")));
    QVERIFY(retry.contains(QStringLiteral("serverMessage")));
    const auto done = eventsNamed(events, QStringLiteral("done"));
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().value(QStringLiteral("attempts")).toInt(), 2);
}

void TestCli::missingSessionIsUsageError()
{
    const QString a = writeFile(QStringLiteral("a.txt"), "a");
    const Run r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(), a });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--session") && r.err.contains("TYPEBOT_SESSION"), r.err.constData());
    QVERIFY(m_sandbox->requests().isEmpty());

    // The environment works as well as the option.
    QProcessEnvironment env;
    env.insert(QStringLiteral("TYPEBOT_API"), m_sandbox->apiBaseUrl().toString());
    env.insert(QStringLiteral("TYPEBOT_SESSION"), m_sandbox->defaultSessionId());
    QCOMPARE(run({ a }, env).exitCode, 0);
}

void TestCli::bothTransportsUploadAndTheLimitHolds()
{
    const QString a = writeFile(QStringLiteral("a.bin"), QByteArray(300 * 1024, 'a'));
    for (const QString &transport : { QStringLiteral("curl"), QStringLiteral("qnam") }) {
        const Run r = run(endpointArgs() << QStringLiteral("--transport") << transport << a);
        QCOMPARE(r.exitCode, 0);
    }
    QCOMPARE(run(endpointArgs() << QStringLiteral("--transport") << QStringLiteral("carrier-pigeon")
                                << a)
                     .exitCode,
             2);
    // 300 KiB at 200 KiB/s cannot be done in well under a second; the limit is shared.
    QElapsedTimer clock;
    clock.start();
    const Run limited =
            run(endpointArgs() << QStringLiteral("--limit-rate") << QStringLiteral("200K") << a);
    QCOMPARE(limited.exitCode, 0);
    QVERIFY2(clock.elapsed() > 900, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(run(endpointArgs() << QStringLiteral("--limit-rate") << QStringLiteral("fast") << a)
                     .exitCode,
             2);
}

void TestCli::badOptionIsUsageError()
{
    QCOMPARE(run({ QStringLiteral("--no-such-option"), QStringLiteral("x") }).exitCode, 2);
    QCOMPARE(run(endpointArgs()).exitCode, 2); // no files
    QCOMPARE(run(endpointArgs() << QStringLiteral("-j") << QStringLiteral("0")
                                << QStringLiteral("x"))
                     .exitCode,
             2);
    const Run insecure =
            run({ QStringLiteral("--api"), QStringLiteral("http://example.com/api"),
                  QStringLiteral("--session"), QStringLiteral("s"), QStringLiteral("x") });
    QCOMPARE(insecure.exitCode, 2);
    QVERIFY2(insecure.err.contains("http://"), insecure.err.constData());
    const Run help = run({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--json") && help.out.contains("Exit codes"));
    const Run version = run({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.contains(TBU_VERSION));
}

void TestCli::missingFileFailsWithPath()
{
    const QString good = writeFile(QStringLiteral("good.txt"), "good");
    const QString missing = m_dir->filePath(QStringLiteral("no-such-file.txt"));
    const Run r = run(endpointArgs() << missing << good);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(missing.toUtf8()), r.out.constData());
    QVERIFY2(r.out.contains("stored  good.txt"), r.out.constData());
}

void TestCli::unreachableApiFailsWithReason()
{
    // A port nothing listens on: refused at once, retried, then a failure that says so.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString file = writeFile(QStringLiteral("a.txt"), "a");
    const Run r =
            run({ QStringLiteral("--api"), QStringLiteral("http://127.0.0.1:%1/api").arg(port),
                  QStringLiteral("--session"), QStringLiteral("s1"), QStringLiteral("--retries"),
                  QStringLiteral("2"), file });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.all().contains(u"The Typebot server could not be reached. Tried 2 times."),
             qPrintable(r.all()));
    QVERIFY2(!r.all().contains(u"ConnectionRefusedError"), qPrintable(r.all())); // that is -v's
}

void TestCli::folderNeedsRecursive()
{
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("folder/sub")));
    writeFile(QStringLiteral("folder/one.txt"), "1");
    writeFile(QStringLiteral("folder/sub/two.txt"), "22");
    const QString folder = m_dir->filePath(QStringLiteral("folder"));

    const Run flat = run(endpointArgs() << folder);
    QCOMPARE(flat.exitCode, 1);
    QVERIFY2(flat.out.contains("failed  folder  -  This is a folder, not a file. Pass -r"),
             flat.out.constData());
    QVERIFY(m_sandbox->objectKeys().isEmpty());

    const Run deep = run(endpointArgs() << QStringLiteral("-r") << folder);
    QCOMPARE(deep.exitCode, 0);
    QCOMPARE(m_sandbox->objectKeys().size(), 2);
}

void TestCli::tokenReachesApiButNeverOutput_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("-v") << QStringList{ QStringLiteral("-v") };
    QTest::newRow("-vv") << QStringList{ QStringLiteral("-vv") };
    QTest::newRow("--json -vv") << QStringList{ QStringLiteral("--json"), QStringLiteral("-vv") };
    QTest::newRow("--print-curl") << QStringList{ QStringLiteral("--print-curl") };
    QTest::newRow("--json --print-curl")
            << QStringList{ QStringLiteral("--json"), QStringLiteral("--print-curl") };
}

void TestCli::tokenReachesApiButNeverOutput()
{
    QFETCH(QStringList, options);
    SandboxConfig config;
    config.token = Token;
    startSandbox(config);
    const QString a = writeFile(QStringLiteral("a.txt"), "secret test");
    QProcessEnvironment env;
    env.insert(QStringLiteral("TYPEBOT_TOKEN"), Token);
    const Run r = run(endpointArgs() << options << a, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.all().contains(Token));
    QVERIFY(!r.all().contains(Token.left(12)));
    if (options.contains(QStringLiteral("--print-curl")))
        QVERIFY2(r.all().contains(QStringLiteral("Bearer [redacted]")), r.out.constData());

    bool sawToken = false;
    for (const RequestRecord &record : m_sandbox->requests()) {
        if (record.route == u"api")
            sawToken =
                    sawToken || record.headers.value("authorization") == "Bearer " + Token.toUtf8();
        else // the token goes to the API host only
            QVERIFY(!record.headers.contains("authorization"));
    }
    QVERIFY(sawToken);
}

void TestCli::tokenOnCommandLineWarns()
{
    SandboxConfig config;
    config.token = Token;
    startSandbox(config);
    const QString a = writeFile(QStringLiteral("a.txt"), "a");
    const Run r = run(endpointArgs() << QStringLiteral("--token") << Token << a);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("process list"), r.err.constData());

    const QString tokenFile = writeFile(QStringLiteral("token"), Token.toUtf8() + '\n');
    const Run fromFile = run(endpointArgs() << QStringLiteral("--token-file") << tokenFile << a);
    QCOMPARE(fromFile.exitCode, 0);
    QVERIFY(!fromFile.err.contains("process list"));
}

void TestCli::sigintAbortsRunningUpload()
{
    QString error;
    m_sandbox->faults()->add(
            FaultSpec::parse(QStringLiteral("upload:throttle=200000,count=0"), &error).value());
    const QString big = writeFile(QStringLiteral("big.bin"), QByteArray(8 * 1024 * 1024, 'x'));
    const QString small = writeFile(QStringLiteral("queued.txt"), "later");
    bool sent = false;
    const Run r = run(endpointArgs() << QStringLiteral("--json") << QStringLiteral("-j")
                                     << QStringLiteral("1") << big << small,
                      {}, [&](QProcess &process, const QByteArray &out) {
                          // Interrupt once bytes are flowing.
                          if (!out.contains("\"event\":\"progress\""))
                              return false;
                          ::kill(pid_t(process.processId()), SIGINT);
                          sent = true;
                          return true;
                      });
    QVERIFY(sent);
    QCOMPARE(r.exitCode, 130);
    const QList<QJsonObject> events = jsonLines(r.out);
    QVERIFY(eventsNamed(events, QStringLiteral("done")).isEmpty());
    QCOMPARE(eventsNamed(events, QStringLiteral("canceled")).size(), 2);
    QCOMPARE(events.last().value(QStringLiteral("event")).toString(), QStringLiteral("summary"));
    QCOMPARE(events.last().value(QStringLiteral("stored")).toInt(), 0);
    QCOMPARE(events.last().value(QStringLiteral("canceled")).toInt(), 2);
    QVERIFY(m_sandbox->objectKeys().isEmpty());
}

void TestCli::printedCurlCommandsWork_data()
{
    QTest::addColumn<Sandbox::ServerVersion>("version");
    QTest::newRow("3.15: multipart POST") << Sandbox::ServerVersion::V3_15;
    QTest::newRow("3.16: presigned PUT") << Sandbox::ServerVersion::V3_16;
    QTest::newRow("3.18: upload proxy") << Sandbox::ServerVersion::V3_18;
}

void TestCli::printedCurlCommandsWork()
{
    QFETCH(Sandbox::ServerVersion, version);
    SandboxConfig config;
    config.token = Token;
    config.serverVersion = version;
    startSandbox(config);
    const QString name = QStringLiteral("it's a;b \"c\" $HOME.txt");
    const QString path = writeFile(name, "first version");
    const QString tokenFile = writeFile(QStringLiteral("token"), Token.toUtf8());
    const Run r =
            run(endpointArgs() << QStringLiteral("--print-curl") << QStringLiteral("--show-secrets")
                               << QStringLiteral("--token-file") << tokenFile << path);
    QCOMPARE(r.exitCode, 0);
    const QStringList commands = curlLines(r.out);
    QCOMPARE(commands.size(), 2);
    const QStringList keys = m_sandbox->objectKeys();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(m_sandbox->objectData(keys.first()), QByteArray("first version"));

    // Step 1 as printed: the API answers a ticket for the same key.
    const qsizetype apiCallsBefore = m_sandbox->requests().size();
    const Run ticket = runShell(commands.at(0));
    QCOMPARE(ticket.exitCode, 0);
    const QJsonObject answer = QJsonDocument::fromJson(ticket.out).object();
    QVERIFY2(answer.contains(QStringLiteral("presignedUrl")), ticket.out.constData());
    // Servers from 3.17 name each slot's object at random; older ones after the file.
    if (!Sandbox::ServerVersions::behaviour(version).randomObjectNames)
        QCOMPARE(SandboxServer::keyFromFileUrl(answer.value(QStringLiteral("fileUrl")).toString()),
                 keys.first());
    QCOMPARE(m_sandbox->requests().size(), apiCallsBefore + 1);
    QCOMPARE(m_sandbox->requests().constLast().headers.value("authorization"),
             "Bearer " + Token.toUtf8());

    // Step 2 as printed, with new bytes in the file: the stored object changes to them.
    writeFile(name, "second version, sent by curl");
    const Run upload = runShell(commands.at(1) + QStringLiteral(" -w '%{http_code}'"));
    QCOMPARE(upload.exitCode, 0);
    QVERIFY2(upload.out.startsWith("20"), upload.out.constData());
    QCOMPARE(m_sandbox->objectData(keys.first()), QByteArray("second version, sent by curl"));
    QVERIFY(m_sandbox->requests().constLast().headers.value("user-agent").startsWith("curl/"));
}

void TestCli::botWalksDemoBotToTheEnd_data()
{
    QTest::addColumn<Sandbox::ServerVersion>("version");
    for (const Sandbox::ServerVersion version : Sandbox::ServerVersions::all())
        QTest::newRow(qPrintable(Sandbox::ServerVersions::name(version))) << version;
}

void TestCli::botWalksDemoBotToTheEnd()
{
    // The whole walk on every server version, with nothing but --api and --bot.
    QFETCH(Sandbox::ServerVersion, version);
    SandboxConfig config;
    config.serverVersion = version;
    startSandbox(config);
    const QString photo = writeFile(QStringLiteral("photo.png"), "not really a png");
    const Run r =
            run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                  QStringLiteral("--bot"), QStringLiteral("demo-bot"), QStringLiteral("--answer"),
                  QStringLiteral("Ana"), QStringLiteral("--json"), photo });
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> events = jsonLines(r.out);
    const QList<QJsonObject> chat = eventsNamed(events, QStringLiteral("chat"));
    const QList<QJsonObject> done = eventsNamed(events, QStringLiteral("done"));
    QCOMPARE(done.size(), 1);
    const QString fileUrl = done.first().value(QStringLiteral("fileUrl")).toString();
    QStringList transcript;
    for (const QJsonObject &e : chat)
        transcript << e.value(QStringLiteral("role")).toString() + u':'
                        + e.value(QStringLiteral("text")).toString().section(u'\n', 0, 0);
    const QStringList expected{ QStringLiteral("bot:Hi! I'm the sandbox demo bot."),
                                QStringLiteral("bot:What's your name?"),
                                QStringLiteral("user:Ana"),
                                QStringLiteral("bot:Nice to meet you, Ana!"),
                                QStringLiteral("bot:Please send me a file."),
                                QStringLiteral("user:") + fileUrl,
                                QStringLiteral("bot:Thanks, Ana! I received 1 file:") };
    QCOMPARE(transcript, expected);
    // The prompts carry the input the bot waits for; the last reply lists the link.
    QCOMPARE(chat.at(1)
                     .value(QStringLiteral("input"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
             QStringLiteral("text input"));
    QCOMPARE(chat.at(4)
                     .value(QStringLiteral("input"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
             QStringLiteral("file input"));
    QVERIFY(chat.last().value(QStringLiteral("text")).toString().endsWith(fileUrl));
    QCOMPARE(m_sandbox->objectData(SandboxServer::keyFromFileUrl(fileUrl)),
             QByteArray("not really a png"));
    // The walk knows the file block's id, so v3 is used even where it files the upload
    // under it (before 3.17); only a server without v3 costs a v2 request.
    QStringList routes;
    for (const RequestRecord &record : m_sandbox->requests()) {
        if (record.path.endsWith(u"/generate-upload-url"))
            routes << record.path.section(u'/', 2, 2);
    }
    const QStringList expectedRoutes = Sandbox::ServerVersions::behaviour(version).v3Route
            ? QStringList{ QStringLiteral("v3") }
            : QStringList{ QStringLiteral("v3"), QStringLiteral("v2") };
    QCOMPARE(routes, expectedRoutes);
    if (!Sandbox::ServerVersions::behaviour(version).randomObjectNames
        && version != Sandbox::ServerVersion::Legacy)
        QVERIFY2(fileUrl.contains(u"/blocks/" + Sandbox::DemoBot::FileInputId + u'/'),
                 qPrintable(fileUrl));
    QCOMPARE(m_sandbox->demoBot()->sessionCount(), 0); // the conversation ended
}

void TestCli::builtInSandboxDemoBot()
{
    const QString photo = writeFile(QStringLiteral("photo.png"), "png");
    const Run r =
            run({ QStringLiteral("--sandbox"), QStringLiteral("--bot"), QStringLiteral("demo-bot"),
                  QStringLiteral("--answer"), QStringLiteral("Ana"), photo });
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QStringLiteral("you  Ana")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("bot  Thanks, Ana! I received 1 file:")), qPrintable(out));
    QVERIFY2(out.contains(
                     QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:\\d+/\\S+\\.png"))),
             qPrintable(out));
}

void TestCli::uploadBeforeFileBlockGivesServerMessage()
{
    // A session that still waits for the name, as a browser would leave it.
    const auto started = m_sandbox->demoBot()->startChat(QStringLiteral("demo-bot"));
    const QString sessionId = QJsonDocument::fromJson(started.body)
                                      .object()
                                      .value(QStringLiteral("sessionId"))
                                      .toString();
    QVERIFY(!sessionId.isEmpty());
    const QString photo = writeFile(QStringLiteral("photo.png"), "png");
    const Run r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                        QStringLiteral("--session"), sessionId, QStringLiteral("-v"), photo });
    QCOMPARE(r.exitCode, 1);
    // In words on the result line; the server's own words with -v.
    QVERIFY2(r.out.contains("The chat is not waiting for a file right now. Send the file when the "
                            "bot asks for one."),
             r.out.constData());
    QVERIFY2(!r.out.contains("Current block does not expect file upload"), r.out.constData());
    QVERIFY2(r.all().contains(u"Current block does not expect file upload"), qPrintable(r.all()));
    QVERIFY(m_sandbox->objectKeys().isEmpty());
}

void TestCli::disallowedTypeRefusedBeforeUpload()
{
    SandboxConfig config;
    config.demoBotFileTypes = { QStringLiteral("png"), QStringLiteral("jpg") };
    startSandbox(config);
    const QString notes = writeFile(QStringLiteral("notes.txt"), "text");
    const Run r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                        QStringLiteral("--bot"), QStringLiteral("demo-bot"),
                        QStringLiteral("--answer"), QStringLiteral("Ana"), notes });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(
                     "notes.txt: refused before upload: the bot accepts only .png, .jpg, not .txt"),
             r.err.constData());
    for (const RequestRecord &record : m_sandbox->requests())
        QVERIFY2(record.route == u"chat", qPrintable(record.path)); // no upload slot asked for
}

void TestCli::runningOutOfAnswersNamesThePrompt()
{
    const QString photo = writeFile(QStringLiteral("photo.png"), "png");
    const Run r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                        QStringLiteral("--bot"), QStringLiteral("demo-bot"), photo });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("the bot asks \"What's your name?\" (text input)")
                     && r.err.contains("--answer"),
             r.err.constData());
    QVERIFY(m_sandbox->objectKeys().isEmpty());
}

namespace {

// Enough of each format for the system's MIME detection to see what it is.
QByteArray pngBytes()
{
    return QByteArray::fromHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");
}

QByteArray pdfBytes()
{
    return QByteArrayLiteral(
            "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
}

QStringList chatTexts(const QList<QJsonObject> &events, const QString &role)
{
    QStringList texts;
    for (const QJsonObject &e : eventsNamed(events, QStringLiteral("chat"))) {
        if (e.value(QStringLiteral("role")).toString() == role
            && !e.value(QStringLiteral("normalized")).toBool())
            texts << e.value(QStringLiteral("text")).toString();
    }
    return texts;
}

} // namespace

void TestCli::botWalksEveryDemoBotToItsFileBlock_data()
{
    QTest::addColumn<QString>("bot");
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("sent"); // the user's answers as sent, before the links
    QTest::addColumn<QString>("ending"); // the start of the bot's last bubble

    QTest::newRow("demo-bot: a name")
            << QStringLiteral("demo-bot") << QStringList{ QStringLiteral("Ana") }
            << QStringList{ QStringLiteral("photo.png") } << QStringList{ QStringLiteral("Ana") }
            << QStringLiteral("Thanks, Ana! I received 1 file:");
    QTest::newRow("demo-buttons-bot: a choice with values, then several")
            << QStringLiteral("demo-buttons-bot")
            << QStringList{ QStringLiteral("premium"), QStringLiteral("Car"),
                            QStringLiteral("Home") }
            << QStringList{ QStringLiteral("photo.png") }
            << QStringList{ QStringLiteral("plan-premium-2024"), QStringLiteral("car, home") }
            << QStringLiteral("Claim opened (plan-premium-2024; car, home) with 1 file:");
    QTest::newRow("demo-files-bot: an email, then several files of listed types")
            << QStringLiteral("demo-files-bot") << QStringList{ QStringLiteral("Ana@Example.com") }
            << QStringList{ QStringLiteral("photo.png"), QStringLiteral("claim.pdf") }
            << QStringList{ QStringLiteral("Ana@Example.com") }
            << QStringLiteral("Got 2 files; we will write to ana@example.com:");
    QTest::newRow("demo-form-bot: every kind of input")
            << QStringLiteral("demo-form-bot")
            << QStringList{ QStringLiteral("3"),           QStringLiteral("ana@example.com"),
                            QStringLiteral("example.com"), QStringLiteral("+33 6 12 34 56 78"),
                            QStringLiteral("2026-03-21"),  QStringLiteral("14:30"),
                            QStringLiteral("4"),           QStringLiteral("red car"),
                            QStringLiteral("Repair it") }
            << QStringList{ QStringLiteral("photo.png") }
            << QStringList{ QStringLiteral("3"),
                            QStringLiteral("ana@example.com"),
                            QStringLiteral("example.com"),
                            QStringLiteral("+33 6 12 34 56 78"),
                            QStringLiteral("2026-03-21"),
                            QStringLiteral("14:30"),
                            QStringLiteral("4"),
                            QStringLiteral("red-car"),
                            QStringLiteral("card-repair-path") }
            << QStringLiteral("Here is what I understood:");
}

void TestCli::botWalksEveryDemoBotToItsFileBlock()
{
    QFETCH(QString, bot);
    QFETCH(QStringList, answers);
    QFETCH(QStringList, files);
    QFETCH(QStringList, sent);
    QFETCH(QString, ending);
    QStringList args{ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                      QStringLiteral("--bot"), bot, QStringLiteral("--json") };
    for (const QString &answer : std::as_const(answers))
        args << QStringLiteral("--answer") << answer;
    for (const QString &file : std::as_const(files))
        args << writeFile(file, file.endsWith(u".pdf") ? pdfBytes() : pngBytes());
    const Run r = run(args);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> events = jsonLines(r.out);
    const QList<QJsonObject> done = eventsNamed(events, QStringLiteral("done"));
    QCOMPARE(done.size(), files.size());
    QStringList links;
    for (const QJsonObject &e : done)
        links << e.value(QStringLiteral("fileUrl")).toString();
    QStringList users = chatTexts(events, QStringLiteral("user"));
    QCOMPARE(users.size(), sent.size() + 1);
    QCOMPARE(users.mid(0, sent.size()), sent);
    QCOMPARE(users.constLast().split(QStringLiteral(", ")).size(), files.size());
    const QStringList bots = chatTexts(events, QStringLiteral("bot"));
    QVERIFY2(bots.constLast().startsWith(ending), qPrintable(bots.constLast()));
    for (const QString &link : std::as_const(links))
        QVERIFY2(bots.constLast().contains(link) || bot == u"demo-form-bot",
                 qPrintable(bots.constLast()));
    QVERIFY(eventsNamed(events, QStringLiteral("failed")).isEmpty());
    QCOMPARE(m_sandbox->demoBot()->sessionCount(), 0); // every conversation ended
}

void TestCli::botAcceptsANameWithASpace()
{
    // Up to 3.16 the link keeps the name: the reply's text must carry it encoded.
    SandboxConfig config;
    config.serverVersion = Sandbox::ServerVersion::V3_16;
    config.demoBotFileTypes = { QStringLiteral("png") };
    startSandbox(config);
    const QString photo = writeFile(QStringLiteral("my scan #1.png"), pngBytes());
    const Run r =
            run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                  QStringLiteral("--bot"), QStringLiteral("demo-bot"), QStringLiteral("--answer"),
                  QStringLiteral("Ana"), QStringLiteral("--json"), photo });
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> events = jsonLines(r.out);
    const QString fileUrl = eventsNamed(events, QStringLiteral("done"))
                                    .value(0)
                                    .value(QStringLiteral("fileUrl"))
                                    .toString();
    QVERIFY2(fileUrl.endsWith(QStringLiteral("/my scan #1.png")), qPrintable(fileUrl));
    const QStringList users = chatTexts(events, QStringLiteral("user"));
    QVERIFY2(users.constLast().endsWith(QStringLiteral("/my%20scan%20%231.png")),
             qPrintable(users.constLast()));
    QVERIFY(chatTexts(events, QStringLiteral("bot"))
                    .constLast()
                    .startsWith(QStringLiteral("Thanks, Ana! I received 1 file:")));
    QVERIFY(eventsNamed(events, QStringLiteral("failed")).isEmpty());
}

void TestCli::botBatchWithADisallowedFileStopsBeforeUpload()
{
    const QString photo = writeFile(QStringLiteral("photo.png"), pngBytes());
    const QString notes = writeFile(QStringLiteral("notes.txt"), "plain text");
    const QString claim = writeFile(QStringLiteral("claim.pdf"), pdfBytes());
    const Run r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                        QStringLiteral("--bot"), QStringLiteral("demo-files-bot"),
                        QStringLiteral("--answer"), QStringLiteral("ana@example.com"), photo, notes,
                        claim });
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(notes
                          + QStringLiteral(": refused before upload: the bot accepts only "
                                           "image/*, .pdf, not .txt")),
             qPrintable(err));
    QVERIFY2(err.contains(photo + QStringLiteral(": not uploaded: 1 other file(s)")),
             qPrintable(err));
    QVERIFY2(err.contains(claim + QStringLiteral(": not uploaded: 1 other file(s)")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("0 stored (0 bytes), 3 failed")), qPrintable(err));
    for (const RequestRecord &record : m_sandbox->requests())
        QVERIFY2(record.route == u"chat", qPrintable(record.path)); // no upload slot asked for
    QVERIFY(m_sandbox->objectKeys().isEmpty());
}

void TestCli::botSingleFileBlockRefusesSeveralUpFront()
{
    const QString a = writeFile(QStringLiteral("a.png"), pngBytes());
    const QString b = writeFile(QStringLiteral("b.png"), pngBytes());
    const Run r =
            run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                  QStringLiteral("--bot"), QStringLiteral("demo-bot"), QStringLiteral("--answer"),
                  QStringLiteral("Ana"), QStringLiteral("--json"), a, b });
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> failed = eventsNamed(jsonLines(r.out), QStringLiteral("failed"));
    QCOMPARE(failed.size(), 2);
    for (const QJsonObject &e : failed) {
        QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("TooManyFiles"));
        QVERIFY(e.value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("takes one file; 2 were given")));
    }
    const QJsonObject summary = eventsNamed(jsonLines(r.out), QStringLiteral("summary")).value(0);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 2);
    QVERIFY(m_sandbox->objectKeys().isEmpty());
}

void TestCli::botChoiceIsSentAsItsValue()
{
    const QString photo = writeFile(QStringLiteral("photo.png"), pngBytes());
    const Run r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                        QStringLiteral("--bot"), QStringLiteral("demo-buttons-bot"),
                        QStringLiteral("--answer"), QStringLiteral("Basic"),
                        QStringLiteral("--answer"), QStringLiteral("Travel, home"), photo });
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QStringLiteral("you  plan-basic-2024\n")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("you  home, Travel\n")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("(progress 67%)")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("bot  Claim opened (plan-basic-2024; home, Travel)")),
             qPrintable(out));
}

void TestCli::botPaymentNeedsABrowser()
{
    const QString photo = writeFile(QStringLiteral("photo.png"), pngBytes());
    const Run r = run({ QStringLiteral("--api"), m_sandbox->apiBaseUrl().toString(),
                        QStringLiteral("--bot"), QStringLiteral("demo-payment-bot"),
                        QStringLiteral("--answer"), QStringLiteral("Success"), photo });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("payment input") && r.err.contains("only a browser"),
             r.err.constData());
    QVERIFY(m_sandbox->objectKeys().isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "testcli.moc"
