// SPDX-License-Identifier: GPL-3.0-or-later
// Answers from servers we do not control are bounded in size and time, and a success
// status is not taken on trust: each case here once hung, ate memory or lied.
#include "api/chatrequest.h"
#include "api/ticketrequest.h"
#include "misbehavingserver.h"
#include "stubhttpserver.h"
#include "transfer/curlmulti.h"
#include "transfer/curluploadtransport.h"
#include "transfer/qnamuploadtransport.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Typebot;

class TestUntrustedAnswers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ticketAnswerThatDripsMeetsADeadline();
    void ticketAnswerThatNeverEndsIsCut();
    void chatAnswerThatNeverEndsIsCut();
    void ticketAnswerWithHugeHeadersIsRefused();
    void storageAnswerWithHugeHeadersIsRefused_data();
    void storageAnswerWithHugeHeadersIsRefused();
    void storageErrorThatNeverEndsIsCut();
    void storageAnswerThatDripsAfterTheUpload();
    void successStatusWithAnErrorBody_data();
    void successStatusWithAnErrorBody();

private:
    static EndpointSettings endpointAt(const QUrl &apiBase);
    enum class Transport { Qnam, Curl };
    TransferResult upload(const QUrl &url, int stallTimeoutMs = 5000,
                          Transport kind = Transport::Qnam);
    QTemporaryDir m_dir;
};

EndpointSettings TestUntrustedAnswers::endpointAt(const QUrl &apiBase)
{
    EndpointSettings settings;
    settings.apiBase = apiBase;
    settings.sessionId = QStringLiteral("s1");
    return settings;
}

TransferResult TestUntrustedAnswers::upload(const QUrl &url, int stallTimeoutMs, Transport kind)
{
    const QString path = m_dir.filePath(QStringLiteral("f.bin"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QByteArray(1000, 'x'));
    file.close();
    QNetworkAccessManager nam;
    std::unique_ptr<UploadTransport> owned;
    if (kind == Transport::Qnam)
        owned = std::make_unique<QnamUploadTransport>(&nam);
    else
        owned = std::make_unique<CurlUploadTransport>(CurlMulti::create(nullptr));
    UploadTransport &transport = *owned;
    QSignalSpy finished(&transport, &UploadTransport::finished);
    TransferRequest request;
    request.ticket.presignedUrl = url;
    request.filePath = path;
    request.uploadName = QStringLiteral("f.bin");
    request.contentType = QStringLiteral("application/octet-stream");
    request.expectedSize = 1000;
    request.stallTimeoutMs = stallTimeoutMs;
    transport.start(request);
    if (!finished.wait(15000))
        return {};
    return finished.first().first().value<TransferResult>();
}

void TestUntrustedAnswers::ticketAnswerThatDripsMeetsADeadline()
{
    // One byte every 100 ms restarts Qt's transfer timeout forever; the whole exchange has
    // a deadline instead.
    MisbehavingServer server(MisbehavingServer::Mode::Drip, 200, 100);
    QNetworkAccessManager nam;
    TicketRequest request(&nam, endpointAt(server.url(QStringLiteral("/api"))), nullptr);
    request.setTimeoutMs(1000);
    QSignalSpy finished(&request, &TicketRequest::finished);
    QElapsedTimer clock;
    clock.start();
    request.start({ QStringLiteral("a.txt"), QString(), 1, QString() });
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<TicketResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.error.kind, ApiError::Kind::Timeout);
    QVERIFY2(result.error.message.contains(u"no complete answer within 1 s"),
             qPrintable(result.error.message));
    QVERIFY(server.bytesSent() > 0);
}

void TestUntrustedAnswers::ticketAnswerThatNeverEndsIsCut()
{
    MisbehavingServer server(MisbehavingServer::Mode::Endless, 200);
    QNetworkAccessManager nam;
    TicketRequest request(&nam, endpointAt(server.url(QStringLiteral("/api"))), nullptr);
    QSignalSpy finished(&request, &TicketRequest::finished);
    request.start({ QStringLiteral("a.txt"), QString(), 1, QString() });
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<TicketResult>();
    QCOMPARE(result.error.kind, ApiError::Kind::InvalidResponse);
    QVERIFY2(result.error.message.contains(u"larger than 1024 KiB"),
             qPrintable(result.error.message));
}

void TestUntrustedAnswers::chatAnswerThatNeverEndsIsCut()
{
    MisbehavingServer server(MisbehavingServer::Mode::Endless, 200);
    QNetworkAccessManager nam;
    ChatRequest request(&nam, endpointAt(server.url(QStringLiteral("/api"))));
    QSignalSpy finished(&request, &ChatRequest::finished);
    request.startChat(QStringLiteral("bot"));
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<ChatResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.error.kind, ApiError::Kind::InvalidResponse);
    QVERIFY2(result.error.message.contains(u"larger than"), qPrintable(result.error.message));
}

void TestUntrustedAnswers::ticketAnswerWithHugeHeadersIsRefused()
{
    // 80 KiB of headers (real answers carry a few hundred bytes) are refused by name. A
    // 1 MiB set once cost 31 s and ended as "not valid JSON".
    MisbehavingServer server(MisbehavingServer::Mode::HugeHeaders, 200);
    QNetworkAccessManager nam;
    TicketRequest request(&nam, endpointAt(server.url(QStringLiteral("/api"))), nullptr);
    QSignalSpy finished(&request, &TicketRequest::finished);
    QElapsedTimer clock;
    clock.start();
    request.start({ QStringLiteral("a.txt"), QString(), 1, QString() });
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<TicketResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.error.kind, ApiError::Kind::InvalidResponse);
    QVERIFY2(result.error.message.contains(u"headers take"), qPrintable(result.error.message));
    QCOMPARE(result.exchanges.size(), 1); // recorded, with the reason
    QVERIFY(!result.exchanges.first().error.isEmpty());
}

void TestUntrustedAnswers::storageAnswerWithHugeHeadersIsRefused_data()
{
    QTest::addColumn<bool>("curl");
    QTest::newRow("QNAM") << false;
    QTest::newRow("libcurl") << true;
}

void TestUntrustedAnswers::storageAnswerWithHugeHeadersIsRefused()
{
    QFETCH(bool, curl);
    MisbehavingServer server(MisbehavingServer::Mode::HugeHeaders, 204);
    const TransferResult result = upload(server.url(QStringLiteral("/bucket")), 5000,
                                         curl ? Transport::Curl : Transport::Qnam);
    QCOMPARE(result.outcome, TransferResult::Outcome::NetworkError);
    QVERIFY2(result.errorString.contains(u"KiB of headers"), qPrintable(result.errorString));
}

void TestUntrustedAnswers::storageErrorThatNeverEndsIsCut()
{
    // An S3 error document that never ends once grew the process to gigabytes.
    MisbehavingServer server(MisbehavingServer::Mode::Endless, 500);
    const TransferResult result = upload(server.url(QStringLiteral("/bucket")));
    QCOMPARE(result.outcome, TransferResult::Outcome::NetworkError);
    QVERIFY2(result.errorString.contains(u"went on past 1024 KiB"), qPrintable(result.errorString));
    QVERIFY(result.bodySnippet.size() <= 64 * 1024);
}

void TestUntrustedAnswers::storageAnswerThatDripsAfterTheUpload()
{
    // Incoming bytes are not upload progress: a dripping answer ends at the deadline.
    MisbehavingServer server(MisbehavingServer::Mode::Drip, 200, 100);
    const TransferResult result = upload(server.url(QStringLiteral("/bucket")), 1000);
    QCOMPARE(result.outcome, TransferResult::Outcome::Stalled);
    QVERIFY2(result.errorString.contains(u"did not finish its answer within 1 s"),
             qPrintable(result.errorString));
}

void TestUntrustedAnswers::successStatusWithAnErrorBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("stored");
    QTest::addColumn<QString>("said");
    QTest::newRow("200 with an <Error> document is a failure")
            << 200
            << QByteArray("<Error><Code>InternalError</Code><Message>We encountered an internal "
                          "error.</Message></Error>")
            << false << QStringLiteral("with an error document");
    QTest::newRow("201 without a PostResponse is not a success")
            << 201 << QByteArray("<html>ok</html>") << false
            << QStringLiteral("without the PostResponse");
    QTest::newRow("201 with a PostResponse is stored")
            << 201
            << QByteArray("<PostResponse><Location>https://s3/b/k</Location><Bucket>b</Bucket>"
                          "<Key>k</Key><ETag>\"e1\"</ETag></PostResponse>")
            << true << QString();
    QTest::newRow("204 is stored") << 204 << QByteArray() << true << QString();
}

void TestUntrustedAnswers::successStatusWithAnErrorBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, stored);
    QFETCH(QString, said);
    StubHttpServer storage;
    storage.setResponse(status, body, { { "Content-Type", "application/xml" } });
    const TransferResult result = upload(storage.url(QStringLiteral("/bucket")));
    QCOMPARE(result.ok(), stored);
    QVERIFY2(result.errorString.contains(said), qPrintable(result.errorString));
    if (status == 201 && stored)
        QCOMPARE(result.location, QStringLiteral("https://s3/b/k"));
}

QTEST_GUILESS_MAIN(TestUntrustedAnswers)
#include "testuntrustedanswers.moc"
