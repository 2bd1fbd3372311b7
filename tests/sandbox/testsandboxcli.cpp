// SPDX-License-Identifier: GPL-3.0-or-later
// The typebot-sandbox executable: what it prints, its options, faults from the command
// line, and a clean stop on SIGTERM/SIGINT.

#include "rawhttpclient.h"
#include "sandboxtestkit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <csignal>

using Kit = SandboxTestKit;

class TestSandboxCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsAddressesAndServesThem();
    void printsTheServerVersionAndFileBlock_data();
    void printsTheServerVersionAndFileBlock();
    void stopsCleanlyOnSignals_data();
    void stopsCleanlyOnSignals();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void helpDocumentsTheFaultSyntax();

private:
    // Starts the sandbox and waits for its "Storage:" line; returns the API base URL.
    static QUrl startSandbox(QProcess &process, const QStringList &arguments, QString *session,
                             QString *version = nullptr, QString *fileBlock = nullptr);
};

QUrl TestSandboxCli::startSandbox(QProcess &process, const QStringList &arguments, QString *session,
                                  QString *version, QString *fileBlock)
{
    QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
    // The request log is what support reads; make sure it is on whatever the caller set.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("typebot.sandbox.info=true"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TYPEBOT_SANDBOX_BIN), arguments);
    QByteArray text;
    while (!text.contains("\nStorage: ")
           && (output.wait(Kit::TimeoutMs) || process.bytesAvailable()))
        text += process.readAllStandardOutput();
    QUrl api;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("API base: "))
            api = QUrl(QString::fromUtf8(line.mid(10)));
        else if (line.startsWith("Session: "))
            *session = QString::fromUtf8(line.mid(9));
        else if (version && line.startsWith("Server version: "))
            *version = QString::fromUtf8(line.mid(16));
        else if (fileBlock && line.startsWith("File block: "))
            *fileBlock = QString::fromUtf8(line.mid(12));
    }
    return api;
}

void TestSandboxCli::printsAddressesAndServesThem()
{
    QProcess process;
    QString session;
    // 3.16: v2 still there, the size refused at ticket time, a presigned PUT to the bucket.
    const QUrl api = startSandbox(process,
                                  { QStringLiteral("--session"), QStringLiteral("cli-session"),
                                    QStringLiteral("--max-size"), QStringLiteral("2"),
                                    QStringLiteral("--server-version"), QStringLiteral("3.16"),
                                    QStringLiteral("--fault"),
                                    QStringLiteral("upload:status=503,retry-after=7") },
                                  &session);
    QVERIFY(api.isValid());
    QCOMPARE(api.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(api.path(), QStringLiteral("/api"));
    QCOMPARE(session, QStringLiteral("cli-session"));
    const quint16 port = quint16(api.port());

    const Kit::Ticket ticket = Kit::fetchTicket(
            port, R"({"sessionId":"cli-session","fileName":"a.txt","fileSize":3000000})");
    QCOMPARE(ticket.status, 400);
    QCOMPARE(ticket.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("File size exceeds the 2MB limit"));
    const Kit::Ticket good =
            Kit::fetchTicket(port, R"({"sessionId":"cli-session","fileName":"a.txt"})");
    QCOMPARE(good.status, 200);
    const QUrl presigned(good.presignedUrl);
    const QByteArray signature =
            QUrlQuery(presigned).queryItemValue(QStringLiteral("X-Amz-Signature")).toLatin1();
    QVERIFY(!signature.isEmpty());
    const QByteArray upload = RawHttpClient::request(
            "PUT", presigned.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
            { { "Content-Type", "text/plain" } }, "x", port);
    const auto faulted = Kit::exchange(port, upload);
    QCOMPARE(faulted.status, 503);
    QCOMPARE(faulted.header("retry-after"), QByteArray("7"));
    QCOMPARE(Kit::exchange(port, upload).status, 200);

    QSignalSpy finished(&process, &QProcess::finished);
    process.terminate();
    QVERIFY(finished.wait(Kit::TimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    // Every request was logged on one line, with the signature redacted.
    const QByteArray log = process.readAllStandardError();
    QVERIFY2(log.contains("PUT /typebot/public/tmp/sandbox-bot/cli-session/a.txt"),
             log.constData());
    QVERIFY2(log.contains(" 503 "), log.constData());
    QVERIFY(!log.contains(signature));
}

void TestSandboxCli::printsTheServerVersionAndFileBlock_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("blockId"); // empty: generated
    QTest::newRow("the newest server by default") << QStringList() << "3.18" << QString();
    QTest::newRow("an older server and a given block")
            << QStringList{ QStringLiteral("--server-version"), QStringLiteral("legacy"),
                            QStringLiteral("--block-id"), QStringLiteral("my-file-block") }
            << "legacy"
            << "my-file-block";
    QTest::newRow("--put-variant plays 3.16")
            << QStringList{ QStringLiteral("--put-variant") } << "3.16" << QString();
}

void TestSandboxCli::printsTheServerVersionAndFileBlock()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, version);
    QFETCH(QString, blockId);
    QProcess process;
    QString session;
    QString printedVersion;
    QString printedBlock;
    const QUrl api = startSandbox(process, arguments, &session, &printedVersion, &printedBlock);
    QVERIFY(api.isValid());
    QCOMPARE(printedVersion, version);
    if (blockId.isEmpty())
        QVERIFY2(printedBlock.size() == 25 && printedBlock.startsWith(u'c'),
                 qPrintable(printedBlock));
    else
        QCOMPARE(printedBlock, blockId);

    // What was printed is what the server plays: v3 answers only from 3.15 on.
    const QByteArray body = "{\"sessionId\":\"" + session.toUtf8() + "\",\"blockId\":\""
            + printedBlock.toUtf8() + "\",\"fileName\":\"a.txt\"}";
    const Kit::Ticket ticket = Kit::fetchTicket(quint16(api.port()), body, {}, Kit::V3Path);
    QCOMPARE(ticket.status, version == QLatin1String("legacy") ? 404 : 200);

    QSignalSpy finished(&process, &QProcess::finished);
    process.terminate();
    QVERIFY(finished.wait(Kit::TimeoutMs));
}

void TestSandboxCli::stopsCleanlyOnSignals_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT, as from Ctrl+C") << int(SIGINT);
}

void TestSandboxCli::stopsCleanlyOnSignals()
{
    QFETCH(int, signalNumber);
    QProcess process;
    QString session;
    const QUrl api = startSandbox(process, {}, &session);
    QVERIFY(api.isValid());
    QVERIFY(!session.isEmpty());
    QSignalSpy finished(&process, &QProcess::finished);
    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(finished.wait(Kit::TimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardError().contains("stopping"));
}

void TestSandboxCli::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("errorPart");
    QTest::newRow("a fault with an unknown action")
            << QStringList{ QStringLiteral("--fault"), QStringLiteral("upload:explode") }
            << QByteArray("unknown action \"explode\"");
    QTest::newRow("a port out of range")
            << QStringList{ QStringLiteral("--port"), QStringLiteral("70000") }
            << QByteArray("invalid --port");
    QTest::newRow("a host that is not an address")
            << QStringList{ QStringLiteral("--host"), QStringLiteral("not-an-ip") }
            << QByteArray("invalid --host");
    QTest::newRow("an unknown server version")
            << QStringList{ QStringLiteral("--server-version"), QStringLiteral("3.9") }
            << QByteArray("invalid --server-version 3.9; expected one of "
                          "legacy|3.15|3.16|3.17|3.18");
    QTest::newRow("--put-variant with another server version")
            << QStringList{ QStringLiteral("--put-variant"), QStringLiteral("--server-version"),
                            QStringLiteral("3.17") }
            << QByteArray("--put-variant is --server-version 3.16");
    QTest::newRow("a certificate without a key")
            << QStringList{ QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem") }
            << QByteArray("both a certificate and a key");
}

void TestSandboxCli::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, errorPart);
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TYPEBOT_SANDBOX_BIN), arguments);
    QVERIFY(finished.wait(Kit::TimeoutMs));
    QVERIFY(process.exitCode() != 0);
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(errors.contains(errorPart), errors.constData());
}

void TestSandboxCli::helpDocumentsTheFaultSyntax()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TYPEBOT_SANDBOX_BIN), { QStringLiteral("--help") });
    QVERIFY(finished.wait(Kit::TimeoutMs));
    const QByteArray help = process.readAllStandardOutput();
    for (const char *part :
         { "ROUTE:ACTION[=VALUE][,count=N][,retry-after=SECONDS]", "reset-after=BYTES",
           "stall=SECONDS", "throttle=BYTES_PER_SECOND", "missing-field=NAME",
           "clock-shift=SECONDS", "--fault upload:status=503,count=2,retry-after=1",
           "--put-variant", "--tls-cert", "--server-version <version>",
           "legacy|3.15|3.16|3.17|3.18", "--block-id" })
        QVERIFY2(help.contains(part), part);
}

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "testsandboxcli.moc"
