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

#include <csignal>

using Kit = SandboxTestKit;

class TestSandboxCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsAddressesAndServesThem();
    void stopsCleanlyOnSignals_data();
    void stopsCleanlyOnSignals();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void helpDocumentsTheFaultSyntax();

private:
    // Starts the sandbox and waits for its "Session:" line; returns the API base URL.
    static QUrl startSandbox(QProcess &process, const QStringList &arguments, QString *session);
};

QUrl TestSandboxCli::startSandbox(QProcess &process, const QStringList &arguments, QString *session)
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
    }
    return api;
}

void TestSandboxCli::printsAddressesAndServesThem()
{
    QProcess process;
    QString session;
    const QUrl api = startSandbox(process,
                                  { QStringLiteral("--session"), QStringLiteral("cli-session"),
                                    QStringLiteral("--max-size"), QStringLiteral("2"),
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
    QCOMPARE(QJsonDocument::fromJson(ticket.body)
                     .object()
                     .value(QStringLiteral("message"))
                     .toString(),
             QStringLiteral("File size exceeds the 2MB limit"));
    const Kit::Ticket good =
            Kit::fetchTicket(port, R"({"sessionId":"cli-session","fileName":"a.txt"})");
    QCOMPARE(good.status, 200);
    const QByteArray upload = Kit::postRequest(
            port, Kit::multipart(Kit::Boundary, Kit::formParts(good.form) << Kit::filePart("x")));
    const auto faulted = Kit::exchange(port, upload);
    QCOMPARE(faulted.status, 503);
    QCOMPARE(faulted.header("retry-after"), QByteArray("7"));
    QCOMPARE(Kit::exchange(port, upload).status, 204);

    QSignalSpy finished(&process, &QProcess::finished);
    process.terminate();
    QVERIFY(finished.wait(Kit::TimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    // Every request was logged on one line, with the signature redacted.
    const QByteArray log = process.readAllStandardError();
    QVERIFY2(log.contains("POST /typebot 503"), log.constData());
    QVERIFY(!log.contains(good.form.last().second.toLatin1()));
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
           "--put-variant", "--tls-cert" })
        QVERIFY2(help.contains(part), part);
}

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "testsandboxcli.moc"
