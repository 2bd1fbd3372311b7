// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox as an ordinary server: half requests, trickles and idle connections are cut
// after their timeouts, a connection cap keeps room for everyone else, and nothing spins
// while clients sit on half-open connections. The limits are shortened so the tests run
// in seconds; the sandbox's own faults (stall, throttle) never count against a client.

#include "faultspec.h"
#include "rawhttpclient.h"
#include "sandboxserver.h"
#include "sandboxtestkit.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <memory>
#include <vector>

using Sandbox::FaultSpec;
using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;
using Sandbox::ServerVersion;
using Kit = SandboxTestKit;

namespace {

// A head that never ends: the request line and one header, no blank line.
const QByteArray HalfHead = "POST /typebot HTTP/1.1\r\nHost: 127.0.0.1\r\n";

// User plus system CPU time of a process so far, from /proc (Linux).
qint64 processCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000 / ::sysconf(_SC_CLK_TCK);
}

} // namespace

class TestSandboxLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void trickledHeadIsCutAfterTheHeaderTimeout();
    void silentConnectionIsClosedAfterTheHeaderTimeout();
    void idleKeepAliveConnectionIsClosed();
    void hugeContentLengthWithATrickleIsCut();
    void sandboxFaultsDoNotCountAgainstTheClient_data();
    void sandboxFaultsDoNotCountAgainstTheClient();
    void connectionCapHoldsAndOthersAreServed();
    void halfOpenConnectionsDoNotSpinTheServer();

private:
    void startServer(const Sandbox::ConnectionLimits &limits);
    quint16 port() const { return m_server->bucketUrl().port(); }

    std::unique_ptr<SandboxServer> m_server;
};

void TestSandboxLimits::cleanup()
{
    m_server.reset();
}

void TestSandboxLimits::startServer(const Sandbox::ConnectionLimits &limits)
{
    // 3.15: presigned POST uploads to the bucket, the shape the body tests send.
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.limits = limits;
    m_server = std::make_unique<SandboxServer>(config);
    QVERIFY(m_server->start());
}

void TestSandboxLimits::trickledHeadIsCutAfterTheHeaderTimeout()
{
    Sandbox::ConnectionLimits limits;
    limits.headerTimeoutMs = 600;
    startServer(limits);
    QVERIFY(!QTest::currentTestFailed());

    RawHttpClient client(port());
    QSignalSpy finished(&client, &RawHttpClient::finished);
    QElapsedTimer clock;
    clock.start();
    client.send("GET / HTTP/1.1\r\n");
    // A header line every 100 ms: bytes keep coming, the head never ends.
    QTimer trickle;
    int line = 0;
    connect(&trickle, &QTimer::timeout, &client, [&] {
        if (!client.isFinished())
            client.send("X-Trickle-" + QByteArray::number(++line) + ": x\r\n");
    });
    trickle.start(100);
    QVERIFY2(finished.wait(5000), "a trickled head was never timed out");
    trickle.stop();
    QVERIFY(client.gotResponse());
    QCOMPARE(client.response().status, 408);
    QTRY_VERIFY_WITH_TIMEOUT(client.wasClosed(), 2000);
    // Counted from the first byte, not restarted by each line.
    QVERIFY2(clock.elapsed() >= 550 && clock.elapsed() < 3000,
             qPrintable(QString::number(clock.elapsed())));
    QVERIFY(line >= 3);
    QCOMPARE(m_server->requests().last().status, 408);
}

void TestSandboxLimits::silentConnectionIsClosedAfterTheHeaderTimeout()
{
    Sandbox::ConnectionLimits limits;
    limits.headerTimeoutMs = 400;
    startServer(limits);
    QVERIFY(!QTest::currentTestFailed());

    RawHttpClient client(port());
    QSignalSpy finished(&client, &RawHttpClient::finished);
    client.send(QByteArray()); // connects, sends nothing
    QVERIFY2(finished.wait(5000), "a connection that never sent a byte stayed open");
    QVERIFY(client.wasClosed());
    QVERIFY(!client.gotResponse()); // nothing was asked, nothing is answered
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 2000);
}

void TestSandboxLimits::idleKeepAliveConnectionIsClosed()
{
    Sandbox::ConnectionLimits limits;
    // Shorter than the idle timeout: an idle connection is not a late head.
    limits.headerTimeoutMs = 200;
    limits.idleTimeoutMs = 800;
    startServer(limits);
    QVERIFY(!QTest::currentTestFailed());

    RawHttpClient client(port());
    QSignalSpy finished(&client, &RawHttpClient::finished);
    client.send(RawHttpClient::request("GET", "/", {}, {}, port()));
    QVERIFY(finished.wait(Kit::TimeoutMs));
    QCOMPARE(client.response().status, 200);
    QCOMPARE(client.response().header("connection"), QByteArray("keep-alive"));
    QElapsedTimer idle;
    idle.start();
    client.next();

    QVERIFY2(finished.wait(5000), "an idle keep-alive connection was never closed");
    QVERIFY(client.wasClosed());
    QVERIFY(!client.gotResponse());
    QVERIFY2(idle.elapsed() >= 700 && idle.elapsed() < 4000,
             qPrintable(QString::number(idle.elapsed())));
}

void TestSandboxLimits::hugeContentLengthWithATrickleIsCut()
{
    Sandbox::ConnectionLimits limits;
    limits.bodyTimeoutMs = 800;
    limits.bodyMinBytesPerSecond = 1024;
    startServer(limits);
    QVERIFY(!QTest::currentTestFailed());

    // A 10 GB upload announced, then a byte every 50 ms: alive, but hopelessly slow.
    RawHttpClient client(port());
    QSignalSpy finished(&client, &RawHttpClient::finished);
    QElapsedTimer clock;
    clock.start();
    client.send("POST /typebot HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: multipart/form-data; boundary="
                + Kit::Boundary + "\r\nContent-Length: 10737418240\r\n\r\n--" + Kit::Boundary
                + "\r\n");
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &client, [&] {
        if (!client.isFinished())
            client.send("x");
    });
    trickle.start(50);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->uploadsInFlight(), 1, 2000);
    QVERIFY2(finished.wait(6000), "a trickled 10 GB body was never cut");
    trickle.stop();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(client.gotResponse());
    QCOMPARE(client.response().status, 408);
    QTRY_VERIFY_WITH_TIMEOUT(client.wasClosed(), 2000);

    const auto record = m_server->requests().last();
    QCOMPARE(record.route, QStringLiteral("upload"));
    QCOMPARE(record.status, 408);
    QVERIFY(record.bodyBytes > 0);
    // The upload was given up like any aborted one: no count, no temporary file left.
    QCOMPARE(m_server->uploadsInFlight(), 0);
    QCOMPARE(Kit::leftoverTemporaryFiles(*m_server), 0);
    QVERIFY(m_server->objectKeys().isEmpty());
}

void TestSandboxLimits::sandboxFaultsDoNotCountAgainstTheClient_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("bodyBytes");
    QTest::addColumn<int>("minimumMs");

    // The body timeout is 300 ms and the minimum rate 1 MB/s: either fault alone would
    // break both if the sandbox counted its own pauses against the client.
    QTest::newRow("a 1 s stall") << QStringLiteral("upload:stall=1") << 64 * 1024 << 950;
    QTest::newRow("a 16 KB/s throttle")
            << QStringLiteral("upload:throttle=16384") << 24 * 1024 << 900;
}

void TestSandboxLimits::sandboxFaultsDoNotCountAgainstTheClient()
{
    QFETCH(QString, fault);
    QFETCH(int, bodyBytes);
    QFETCH(int, minimumMs);

    Sandbox::ConnectionLimits limits;
    limits.bodyTimeoutMs = 300;
    limits.bodyMinBytesPerSecond = 1024 * 1024;
    startServer(limits);
    QVERIFY(!QTest::currentTestFailed());
    QString error;
    const auto spec = FaultSpec::parse(fault, &error);
    QVERIFY2(spec, qPrintable(error));
    m_server->faults()->add(*spec);

    const Kit::Ticket ticket = Kit::fetchTicket(*m_server, QStringLiteral("slow.bin"),
                                                QStringLiteral("application/octet-stream"));
    QCOMPARE(ticket.status, 200);
    const QByteArray data(bodyBytes, 's');
    QElapsedTimer clock;
    clock.start();
    const auto response = Kit::exchange(
            port(),
            Kit::postRequest(port(),
                             Kit::multipart(Kit::Boundary,
                                            Kit::formParts(ticket.form) << Kit::filePart(data))));
    QCOMPARE(response.status, 204);
    QVERIFY2(clock.elapsed() >= minimumMs, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server->objectData(ticket.key()), data);
}

void TestSandboxLimits::connectionCapHoldsAndOthersAreServed()
{
    Sandbox::ConnectionLimits limits;
    limits.maxConnections = 8;
    startServer(limits);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(m_server->maxConnections(), 8);

    std::vector<std::unique_ptr<RawHttpClient>> halfOpen;
    auto openHalfRequests = [&](int count) {
        for (int i = 0; i < count; ++i) {
            halfOpen.push_back(std::make_unique<RawHttpClient>(port()));
            halfOpen.back()->send(HalfHead);
        }
    };

    // Seven half requests sit there: a normal client is still served at once.
    openHalfRequests(7);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 7, Kit::TimeoutMs);
    QCOMPARE(Kit::exchange(port(), RawHttpClient::request("GET", "/", {}, {}, port())).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 7, Kit::TimeoutMs); // it left

    // The eighth fills the server: the next client is told so at once, not left hanging.
    openHalfRequests(1);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 8, Kit::TimeoutMs);
    for (int attempt = 0; attempt < 3; ++attempt) {
        QElapsedTimer clock;
        clock.start();
        bool closedWithoutResponse = false;
        const auto refused =
                Kit::exchange(port(), RawHttpClient::request("GET", "/", {}, {}, port()), false,
                              &closedWithoutResponse);
        QVERIFY(!closedWithoutResponse);
        QCOMPARE(refused.status, 503);
        QVERIFY(!refused.header("retry-after").isEmpty());
        QCOMPARE(refused.header("connection"), QByteArray("close"));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(m_server->connectionCount(), 8);
    }
    for (const auto &client : halfOpen)
        QVERIFY(!client->isFinished()); // those already in were not disturbed

    // One leaves: its place is free for the next client.
    halfOpen.front().reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 7, Kit::TimeoutMs);
    QCOMPARE(Kit::exchange(port(), RawHttpClient::request("GET", "/", {}, {}, port())).status, 200);
}

void TestSandboxLimits::halfOpenConnectionsDoNotSpinTheServer()
{
    // The executable under a low open-file limit, held by more half requests than that
    // limit allows: the shape of the slowloris report (1,100 connections, ulimit 1024).
    constexpr rlim_t FileLimit = 256;
    constexpr int HalfRequests = 300;
    QProcess process;
    process.setChildProcessModifier([] {
        const struct rlimit limit = { FileLimit, FileLimit };
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
    process.start(QStringLiteral(TYPEBOT_SANDBOX_BIN),
                  { QStringLiteral("--port"), QStringLiteral("0") });
    QByteArray text;
    while (!text.contains("\nStorage: ")
           && (output.wait(Kit::TimeoutMs) || process.bytesAvailable()))
        text += process.readAllStandardOutput();
    const qsizetype at = text.indexOf("API base: http://127.0.0.1:");
    QVERIFY2(at >= 0, text.constData());
    const quint16 sandboxPort = quint16(text.mid(at + 27).split('/').first().toUInt());
    QVERIFY(sandboxPort > 0);

    std::vector<std::unique_ptr<RawHttpClient>> halfOpen;
    for (int i = 0; i < HalfRequests; ++i) {
        halfOpen.push_back(std::make_unique<RawHttpClient>(sandboxPort));
        halfOpen.back()->send(HalfHead);
    }
    // Let the connections reach the server before measuring; a server that stopped
    // accepting leaves the last ones connecting, which the measure below shows anyway.
    if (!QTest::qWaitFor([&] { return halfOpen.back()->bytesToWrite() == 0; }, 3000))
        qInfo("the last half request was not sent within 3 s");

    const qint64 pid = process.processId();
    const qint64 before = processCpuMs(pid);
    QVERIFY(before >= 0);
    QTest::qWait(1500); // the measuring window, not a wait for an event
    const qint64 spent = processCpuMs(pid) - before;
    // Loose: idle is about 0 ms; a spinning event loop burns most of the window.
    QVERIFY2(spent < 400, qPrintable(QStringLiteral("%1 ms of CPU in 1500 ms").arg(spent)));

    // And someone else still gets an answer at once (a 503 while the server is full).
    bool closedWithoutResponse = true;
    const auto response =
            Kit::exchange(sandboxPort, RawHttpClient::request("GET", "/", {}, {}, sandboxPort),
                          false, &closedWithoutResponse);
    QVERIFY2(!closedWithoutResponse, "a normal client got no answer");
    QVERIFY2(response.status == 200 || response.status == 503,
             qPrintable(QString::number(response.status)));

    halfOpen.clear();
    QSignalSpy finished(&process, &QProcess::finished);
    process.terminate();
    QVERIFY(finished.wait(Kit::TimeoutMs));
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxLimits)
#include "testsandboxlimits.moc"
