// SPDX-License-Identifier: GPL-3.0-or-later
// Faults armed through the control endpoint fire exactly as often as asked, and each
// looks on the wire like the failure it stands for.

#include "rawhttpclient.h"
#include "sandboxserver.h"
#include "sandboxtestkit.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;
using Sandbox::ServerVersion;
using Kit = SandboxTestKit;

class TestSandboxFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void statusFaultsFireTheStatedNumberOfTimes_data();
    void statusFaultsFireTheStatedNumberOfTimes();
    void resetAfterAbortsWithoutAResponse_data();
    void resetAfterAbortsWithoutAResponse();
    void malformedJsonBreaksOneTicket();
    void missingFieldDropsTheField_data();
    void missingFieldDropsTheField();
    void clockFaultsSkewThePolicy_data();
    void clockFaultsSkewThePolicy();
    void stallHoldsTheBodyBack();
    void throttleLimitsTheReadRate();
    void delayHoldsTheResponse();
    void countZeroFiresUntilCleared();
    void controlEndpointRejectsBadSpecs();
    void controlEndpointReportsStats();
    void controlEndpointRefusesRemotePeers();

private:
    QList<int> armFaults(const QByteArray &specs);
    QJsonArray listFaults();
    RawHttpClient::Response uploadOnce(const QByteArray &data = "payload",
                                       bool *closedWithoutResponse = nullptr);
    quint16 port() const { return m_server->bucketUrl().port(); }

    std::unique_ptr<SandboxServer> m_server;
};

void TestSandboxFaults::init()
{
    // The faults as they hit the presigned POST of the v2 route (3.15); the other upload
    // styles have their own tests in testsandboxversions.cpp.
    m_server = std::make_unique<SandboxServer>(Kit::configFor(ServerVersion::V3_15));
    QVERIFY(m_server->start());
}

void TestSandboxFaults::cleanup()
{
    m_server.reset();
}

QList<int> TestSandboxFaults::armFaults(const QByteArray &specs)
{
    const auto response = Kit::exchange(port(),
                                        RawHttpClient::request("POST", "/__sandbox/faults",
                                                               { { "Content-Type", "text/plain" } },
                                                               specs, port()));
    QList<int> ids;
    if (response.status != 200) {
        qWarning("arming faults failed: %s", response.body.constData());
        return ids;
    }
    const QJsonArray array =
            QJsonDocument::fromJson(response.body).object().value(QStringLiteral("ids")).toArray();
    for (const QJsonValue &id : array)
        ids << id.toInt();
    return ids;
}

QJsonArray TestSandboxFaults::listFaults()
{
    const auto response = Kit::exchange(
            port(), RawHttpClient::request("GET", "/__sandbox/faults", {}, {}, port()));
    return QJsonDocument::fromJson(response.body).array();
}

RawHttpClient::Response TestSandboxFaults::uploadOnce(const QByteArray &data,
                                                      bool *closedWithoutResponse)
{
    const Kit::Ticket ticket = Kit::fetchTicket(*m_server, QStringLiteral("fault.bin"),
                                                QStringLiteral("application/octet-stream"));
    return Kit::exchange(
            port(),
            Kit::postRequest(port(),
                             Kit::multipart(Kit::Boundary,
                                            Kit::formParts(ticket.form) << Kit::filePart(data))),
            false, closedWithoutResponse);
}

void TestSandboxFaults::statusFaultsFireTheStatedNumberOfTimes_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QString>("target"); // api, upload, get
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("retryAfter");

    QTest::newRow("api 503 twice with Retry-After, then a ticket")
            << QByteArray("api:status=503,count=2,retry-after=3") << "api" << 2 << 503
            << QByteArray("SERVICE_UNAVAILABLE") << QByteArray("3");
    QTest::newRow("api 500 once") << QByteArray("api:status=500") << "api" << 1 << 500
                                  << QByteArray("INTERNAL_SERVER_ERROR") << QByteArray();
    QTest::newRow("upload 500 once answers InternalError")
            << QByteArray("upload:status=500") << "upload" << 1 << 500
            << QByteArray("InternalError") << QByteArray();
    QTest::newRow("upload 503 three times answers SlowDown with Retry-After")
            << QByteArray("upload:status=503,count=3,retry-after=1") << "upload" << 3 << 503
            << QByteArray("SlowDown") << QByteArray("1");
    QTest::newRow("upload 400 answers RequestTimeout")
            << QByteArray("upload:status=400") << "upload" << 1 << 400
            << QByteArray("RequestTimeout") << QByteArray();
    QTest::newRow("get 500 on a download") << QByteArray("get:status=500") << "get" << 1 << 500
                                           << QByteArray("InternalError") << QByteArray();
    QTest::newRow("any route hits the api as well")
            << QByteArray("any:status=502") << "api" << 1 << 502 << QByteArray("BAD_GATEWAY")
            << QByteArray();
}

void TestSandboxFaults::statusFaultsFireTheStatedNumberOfTimes()
{
    QFETCH(QByteArray, spec);
    QFETCH(QString, target);
    QFETCH(int, count);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, retryAfter);

    QString storedKey;
    if (target == QLatin1String("get")) {
        QCOMPARE(uploadOnce("stored").status, 204);
        storedKey = m_server->objectKeys().first();
    }
    const QList<int> ids = armFaults(spec);
    QCOMPARE(ids.size(), 1);

    for (int attempt = 0; attempt <= count; ++attempt) {
        const bool faulted = attempt < count;
        int gotStatus = 0;
        QByteArray body;
        QByteArray gotRetryAfter;
        if (target == QLatin1String("api")) {
            const Kit::Ticket ticket = Kit::fetchTicket(*m_server, QStringLiteral("a.txt"));
            gotStatus = ticket.status;
            body = ticket.body;
            const auto record = m_server->requests().last();
            QCOMPARE(record.status, gotStatus);
            if (faulted) {
                const QJsonObject error = QJsonDocument::fromJson(body).object();
                QCOMPARE(error.value(QStringLiteral("code")).toString().toUtf8(), code);
                QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
            }
        } else {
            RawHttpClient::Response response;
            if (target == QLatin1String("upload")) {
                response = uploadOnce();
            } else {
                response = Kit::exchange(port(),
                                         RawHttpClient::request("GET",
                                                                "/typebot/" + storedKey.toUtf8(),
                                                                {}, {}, port()));
            }
            gotStatus = response.status;
            gotRetryAfter = response.header("retry-after");
            if (faulted) {
                QCOMPARE(Kit::xmlElement(response.body, "Code"), code);
                QCOMPARE(gotRetryAfter, retryAfter);
            }
        }
        QCOMPARE(gotStatus, faulted ? status : (target == QLatin1String("upload") ? 204 : 200));
        QCOMPARE(m_server->faults()->firedCount(ids.first()),
                 attempt < count ? attempt + 1 : count);
    }
    const QJsonArray list = listFaults();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("fired")).toInt(), count);
    QCOMPARE(list.first().toObject().value(QStringLiteral("remaining")).toInt(), 0);
    QCOMPARE(list.first().toObject().value(QStringLiteral("spec")).toString().toUtf8(), spec);
}

void TestSandboxFaults::resetAfterAbortsWithoutAResponse_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<int>("bodySize");
    QTest::newRow("upload reset after 64 KiB of a 1 MiB body")
            << QByteArray("upload:reset-after=65536") << 1024 * 1024;
    QTest::newRow("upload reset before the first body byte")
            << QByteArray("upload:reset-after=0") << 1000;
    QTest::newRow("upload reset at the end of a shorter body")
            << QByteArray("upload:reset-after=10000000") << 1000;
}

void TestSandboxFaults::resetAfterAbortsWithoutAResponse()
{
    QFETCH(QByteArray, spec);
    QFETCH(int, bodySize);
    const QList<int> ids = armFaults(spec);
    QCOMPARE(ids.size(), 1);

    bool closedWithoutResponse = false;
    uploadOnce(QByteArray(bodySize, 'r'), &closedWithoutResponse);
    QVERIFY(closedWithoutResponse);
    QTRY_VERIFY(m_server->requests().last().aborted);
    const auto record = m_server->requests().last();
    QCOMPARE(record.route, QStringLiteral("upload"));
    QCOMPARE(record.status, 0);
    QVERIFY(record.bodyBytes <= qint64(bodySize) + 4096);
    QCOMPARE(m_server->faults()->firedCount(ids.first()), 1);
    QVERIFY(m_server->objectKeys().isEmpty());
    QCOMPARE(Kit::leftoverTemporaryFiles(*m_server), 0);
    QTRY_COMPARE(m_server->uploadsInFlight(), 0);

    // Fired once: the next upload goes through.
    QCOMPARE(uploadOnce("after the reset").status, 204);
}

void TestSandboxFaults::malformedJsonBreaksOneTicket()
{
    const QList<int> ids = armFaults("api:malformed-json");
    const Kit::Ticket broken = Kit::fetchTicket(*m_server, QStringLiteral("a.txt"));
    QCOMPARE(broken.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(broken.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(broken.body.startsWith("{\"presignedUrl\""));
    QCOMPARE(m_server->faults()->firedCount(ids.first()), 1);
    const Kit::Ticket fine = Kit::fetchTicket(*m_server, QStringLiteral("a.txt"));
    QJsonDocument::fromJson(fine.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestSandboxFaults::missingFieldDropsTheField_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<bool>("inFormData");
    QTest::newRow("fileUrl missing") << QByteArray("fileUrl") << false;
    QTest::newRow("formData missing") << QByteArray("formData") << false;
    QTest::newRow("presignedUrl missing") << QByteArray("presignedUrl") << false;
    QTest::newRow("policy missing from formData") << QByteArray("policy") << true;
}

void TestSandboxFaults::missingFieldDropsTheField()
{
    QFETCH(QByteArray, field);
    QFETCH(bool, inFormData);
    const QList<int> ids = armFaults("api:missing-field=" + field);
    const Kit::Ticket ticket = Kit::fetchTicket(*m_server, QStringLiteral("a.txt"));
    QCOMPARE(ticket.status, 200);
    const QJsonObject object = QJsonDocument::fromJson(ticket.body).object();
    QVERIFY(!object.isEmpty());
    const QString name = QString::fromUtf8(field);
    if (inFormData) {
        QVERIFY(object.contains(QStringLiteral("formData")));
        QVERIFY(!object.value(QStringLiteral("formData")).toObject().contains(name));
        QCOMPARE(object.value(QStringLiteral("formData")).toObject().size(), 7);
    } else {
        QVERIFY(!object.contains(name));
        QCOMPARE(object.size(), 2);
    }
    QCOMPARE(m_server->faults()->firedCount(ids.first()), 1);
    QVERIFY(QJsonDocument::fromJson(Kit::fetchTicket(*m_server, QStringLiteral("a.txt")).body)
                    .object()
                    .contains(QStringLiteral("fileUrl")));
}

void TestSandboxFaults::clockFaultsSkewThePolicy_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<int>("uploadStatus");
    QTest::addColumn<int>("dateOffsetSeconds");
    QTest::newRow("an expired policy is refused by the bucket")
            << QByteArray("api:expired-policy") << 403 << -3600;
    QTest::newRow("a clock an hour behind signs an expired policy")
            << QByteArray("api:clock-shift=-3600") << 403 << -3600;
    QTest::newRow("a clock five minutes behind still uploads")
            << QByteArray("api:clock-shift=-300") << 204 << -300;
    QTest::newRow("a clock five minutes ahead still uploads")
            << QByteArray("api:clock-shift=300") << 204 << 300;
}

void TestSandboxFaults::clockFaultsSkewThePolicy()
{
    QFETCH(QByteArray, spec);
    QFETCH(int, uploadStatus);
    QFETCH(int, dateOffsetSeconds);
    const QList<int> ids = armFaults(spec);
    const Kit::Ticket ticket =
            Kit::fetchTicket(*m_server, QStringLiteral("clock.txt"), QStringLiteral("text/plain"));
    QCOMPARE(ticket.status, 200);
    QCOMPARE(m_server->faults()->firedCount(ids.first()), 1);
    const QDateTime signedAt =
            QDateTime::fromString(ticket.form.at(4).second, QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QDateTime signedAtUtc = signedAt;
    signedAtUtc.setTimeSpec(Qt::UTC);
    const qint64 offset = QDateTime::currentDateTimeUtc().secsTo(signedAtUtc);
    QVERIFY2(qAbs(offset - dateOffsetSeconds) <= 5, qPrintable(QString::number(offset)));

    const auto response = Kit::exchange(
            port(),
            Kit::postRequest(port(),
                             Kit::multipart(Kit::Boundary,
                                            Kit::formParts(ticket.form) << Kit::filePart(
                                                    "clock", "c.txt", "text/plain"))));
    QCOMPARE(response.status, uploadStatus);
    if (uploadStatus == 403)
        QCOMPARE(Kit::xmlElement(response.body, "Message"),
                 QByteArray("Invalid according to Policy: Policy expired."));
}

void TestSandboxFaults::stallHoldsTheBodyBack()
{
    const QList<int> ids = armFaults("upload:stall=1");
    const Kit::Ticket ticket = Kit::fetchTicket(*m_server, QStringLiteral("stall.bin"),
                                                QStringLiteral("application/octet-stream"));
    const QByteArray data(24 * 1024 * 1024, 's');
    RawHttpClient client(port());
    QElapsedTimer clock;
    clock.start();
    client.send(Kit::postRequest(
            port(),
            Kit::multipart(Kit::Boundary, Kit::formParts(ticket.form) << Kit::filePart(data))));
    // Halfway through the stall the client must still be holding most of its bytes:
    // the server's bounded buffer lets kernel backpressure reach the sender.
    qint64 unsentMidStall = -1;
    QTimer::singleShot(500, &client, [&] { unsentMidStall = client.bytesToWrite(); });
    QTRY_VERIFY_WITH_TIMEOUT(client.isFinished(), Kit::TimeoutMs);
    QCOMPARE(client.response().status, 204);
    QVERIFY(unsentMidStall > 0);
    QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(m_server->requests().last().durationMs >= 950);
    QCOMPARE(m_server->objectData(ticket.key()).size(), data.size());
    QCOMPARE(m_server->faults()->firedCount(ids.first()), 1);
}

void TestSandboxFaults::throttleLimitsTheReadRate()
{
    const QList<int> ids = armFaults("upload:throttle=2097152");
    const QByteArray data(2 * 1024 * 1024, 't');
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(uploadOnce(data).status, 204);
    const qint64 throttled = m_server->requests().last().durationMs;
    // 2 MiB at 2 MiB/s: about a second, never much less.
    QVERIFY2(throttled >= 800 && throttled <= 2500, qPrintable(QString::number(throttled)));
    QCOMPARE(m_server->faults()->firedCount(ids.first()), 1);

    QCOMPARE(uploadOnce(data).status, 204);
    QVERIFY2(m_server->requests().last().durationMs < throttled / 2,
             qPrintable(QString::number(m_server->requests().last().durationMs)));
}

void TestSandboxFaults::delayHoldsTheResponse()
{
    const QList<int> ids = armFaults("api:delay=300");
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(Kit::fetchTicket(*m_server, QStringLiteral("d.txt")).status, 200);
    QVERIFY(clock.elapsed() >= 290);
    QCOMPARE(m_server->faults()->firedCount(ids.first()), 1);
}

void TestSandboxFaults::countZeroFiresUntilCleared()
{
    const QList<int> ids =
            armFaults("upload:status=503,count=0\n# a comment line\n\napi:delay=1,count=0");
    QCOMPARE(ids.size(), 2);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(uploadOnce().status, 503);
    const QJsonArray list = listFaults();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("remaining")).toInt(), -1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("fired")).toInt(), 3);
    QCOMPARE(list.at(1).toObject().value(QStringLiteral("fired")).toInt(), 3);
    QCOMPARE(m_server->faults()->totalFired(), 6);

    QCOMPARE(Kit::exchange(port(),
                           RawHttpClient::request("DELETE", "/__sandbox/faults", {}, {}, port()))
                     .status,
             200);
    QVERIFY(listFaults().isEmpty());
    QCOMPARE(uploadOnce().status, 204);
}

void TestSandboxFaults::controlEndpointRejectsBadSpecs()
{
    const auto response =
            Kit::exchange(port(),
                          RawHttpClient::request("POST", "/__sandbox/faults", {},
                                                 "upload:status=500\nupload:explode", port()));
    QCOMPARE(response.status, 400);
    const QString error = QJsonDocument::fromJson(response.body)
                                  .object()
                                  .value(QStringLiteral("error"))
                                  .toString();
    QVERIFY2(error.contains(QStringLiteral("line 2"))
                     && error.contains(QStringLiteral("unknown action \"explode\"")),
             qPrintable(error));
    QVERIFY(listFaults().isEmpty()); // all or nothing
    QCOMPARE(Kit::exchange(port(),
                           RawHttpClient::request("GET", "/__sandbox/nothing", {}, {}, port()))
                     .status,
             404);
}

void TestSandboxFaults::controlEndpointReportsStats()
{
    QCOMPARE(uploadOnce().status, 204);
    const auto response = Kit::exchange(
            port(), RawHttpClient::request("GET", "/__sandbox/stats", {}, {}, port()));
    QCOMPARE(response.status, 200);
    const QJsonObject stats = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(stats.value(QStringLiteral("objects")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("uploadsInFlight")).toInt(), 0);
    QCOMPARE(stats.value(QStringLiteral("maxConcurrentUploads")).toInt(), 1);
    m_server->resetStats();
    QCOMPARE(m_server->maxConcurrentUploads(), 0);
}

void TestSandboxFaults::controlEndpointRefusesRemotePeers()
{
    QHostAddress external;
    const auto addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            external = address;
            break;
        }
    }
    if (external.isNull())
        QSKIP("no non-loopback IPv4 address to connect from");
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.host = QHostAddress(QHostAddress::AnyIPv4);
    SandboxServer server(config);
    QVERIFY(server.start());
    const quint16 serverPort = server.bucketUrl().port();

    RawHttpClient remote(external, serverPort);
    QSignalSpy spy(&remote, &RawHttpClient::finished);
    remote.send(RawHttpClient::request("GET", "/__sandbox/faults", {}, {}, serverPort));
    QVERIFY(spy.wait(Kit::TimeoutMs));
    QCOMPARE(remote.response().status, 403);
    remote.next();
    // The API itself still answers that peer.
    remote.send(RawHttpClient::request("GET", "/", {}, {}, serverPort));
    QVERIFY(spy.wait(Kit::TimeoutMs));
    QCOMPARE(remote.response().status, 200);
    QCOMPARE(Kit::exchange(serverPort,
                           RawHttpClient::request("GET", "/__sandbox/faults", {}, {}, serverPort))
                     .status,
             200);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "testsandboxfaults.moc"
