// SPDX-License-Identifier: GPL-3.0-or-later
// TicketRequest against a stub server that answers each route as a given Typebot version
// would: which route is tried, when it switches, and what the shared RouteMemory learns.
#include "api/routememory.h"
#include "api/ticketrequest.h"
#include "stubhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Typebot;

namespace {

using Route = ServerKnowledge::Route;
using Style = ServerKnowledge::SendStyle;
using Headers = QList<QPair<QByteArray, QByteArray>>;

const QByteArray V2 = "/api/v2/generate-upload-url";
const QByteArray V3 = "/api/v3/generate-upload-url";

struct Answer
{
    int status = 200;
    QByteArray body;
    Headers headers;
};

Answer proxySlot(const StubHttpServer &stub)
{
    return { 200,
             R"({"presignedUrl":")" + stub.url(QStringLiteral("/api/uploads/tok.sig")).toEncoded()
                     + R"(","formData":{},"fileType":"image/png","maxFileSize":10,)"
                       R"("fileUrl":"https://s3.example.com/b/public/k3j7.png"})",
             { { "Content-Type", "application/json" } } };
}

Answer presignedPutSlot()
{
    return { 200,
             R"({"presignedUrl":"https://s3.example.com/b/k.png?X-Amz-Algorithm=AWS4-HMAC-SHA256)"
             R"(&X-Amz-Credential=a%2Fb&X-Amz-Date=20260101T000000Z&X-Amz-Expires=600)"
             R"(&X-Amz-SignedHeaders=host&X-Amz-Signature=abc","fileType":"image/png",)"
             R"("fileUrl":"https://s3.example.com/b/k.png"})",
             { { "Content-Type", "application/json" } } };
}

Answer policySlot()
{
    return {
        200,
        R"({"presignedUrl":"https://s3.example.com/b","formData":{"key":"k.png",)"
        R"("policy":"e30=","x-amz-signature":"abc"},"fileUrl":"https://s3.example.com/b/k.png"})",
        { { "Content-Type", "application/json" } }
    };
}

const Answer PlainNotFound{ 404, "Not found", { { "Content-Type", "text/plain;charset=UTF-8" } } };
const Answer TrpcNotFound{ 404,
                           R"({"message":"Not found","code":"NOT_FOUND",)"
                           R"("data":{"code":"NOT_FOUND","httpStatus":404}})",
                           { { "Content-Type", "application/json" } } };
const Answer NoSession{ 400,
                        "{\"defined\":true,\"code\":\"BAD_REQUEST\",\"status\":400,"
                        "\"message\":\"Can't find session\"}",
                        { { "Content-Type", "application/json" } } };
const Answer Unavailable{ 503, "busy", { { "Content-Type", "text/plain" } } };

} // namespace

class TestTicketRequest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routes_data();
    void routes();
    void onlyOneProbeForManyFiles();
    void inconclusiveAnswerLearnsNothing();
    void bodyPerRoute();

private:
    static TicketResult run(QNetworkAccessManager *nam, const StubHttpServer &stub,
                            RouteMemory *memory, const QString &blockId = QString());
    static EndpointSettings endpointFor(const StubHttpServer &stub);
};

EndpointSettings TestTicketRequest::endpointFor(const StubHttpServer &stub)
{
    EndpointSettings settings;
    settings.apiBase = stub.url(QStringLiteral("/api"));
    settings.sessionId = QStringLiteral("sess");
    return settings;
}

TicketResult TestTicketRequest::run(QNetworkAccessManager *nam, const StubHttpServer &stub,
                                    RouteMemory *memory, const QString &blockId)
{
    TicketRequest request(nam, endpointFor(stub), memory);
    QSignalSpy finished(&request, &TicketRequest::finished);
    request.start({ QStringLiteral("photo.png"), QStringLiteral("image/png"), 3, blockId });
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<TicketResult>();
}

void TestTicketRequest::routes_data()
{
    QTest::addColumn<QString>("server"); // which answers to give
    QTest::addColumn<ServerKnowledge>("known"); // what the memory knew before
    QTest::addColumn<QString>("blockId");
    QTest::addColumn<QByteArrayList>("expectedPaths");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<ServerKnowledge>("learned");

    ServerKnowledge unknown;
    ServerKnowledge v2Known;
    v2Known.route = Route::V2;
    v2Known.style = Style::PostPolicy;

    ServerKnowledge proxyV3;
    proxyV3.route = Route::V3;
    proxyV3.style = Style::UploadProxy;
    ServerKnowledge proxyV3NoV2 = proxyV3;
    proxyV3NoV2.v2Absent = true;
    ServerKnowledge legacy;
    legacy.route = Route::V2;
    legacy.style = Style::PostPolicy;
    legacy.v3Absent = true;
    ServerKnowledge put316;
    put316.route = Route::V2;
    put316.style = Style::PresignedPut;
    ServerKnowledge put316WithBlock = put316;
    put316WithBlock.route = Route::V3;
    ServerKnowledge v3Exists;
    v3Exists.route = Route::V3;
    ServerKnowledge v2Exists;
    v2Exists.route = Route::V2;

    QTest::newRow("3.18, first contact: v3 at once, no v2 request")
            << "3.18" << unknown << QString() << QByteArrayList{ V3 } << true << proxyV3;
    QTest::newRow("3.18 after a v2 server was remembered: one v2 404, then v3 for good")
            << "3.18" << v2Known << QString() << QByteArrayList{ V2, V3 } << true << proxyV3NoV2;
    QTest::newRow("3.17: v3 with a placeholder block id is used as it is")
            << "3.17" << unknown << QString() << QByteArrayList{ V3 } << true << proxyV3;
    QTest::newRow("legacy (no v3): the tRPC 404 switches to v2 once")
            << "legacy" << unknown << QString() << QByteArrayList{ V3, V2 } << true << legacy;
    QTest::newRow("legacy remembered: straight to v2")
            << "legacy" << legacy << QString() << QByteArrayList{ V2 } << true << legacy;
    QTest::newRow("3.16 without a block id: v3's slot is dropped, v2 files it right")
            << "3.16" << unknown << QString() << QByteArrayList{ V3, V2 } << true << put316;
    QTest::newRow("3.16 with the block id: v3 is used")
            << "3.16" << unknown << QStringLiteral("blk1") << QByteArrayList{ V3 } << true
            << put316WithBlock;
    QTest::newRow("3.16 remembered, no block id: straight to v2")
            << "3.16" << put316 << QString() << QByteArrayList{ V2 } << true << put316;
    QTest::newRow("a 400 of the route is the route's own answer: no switch")
            << "no-session" << unknown << QString() << QByteArrayList{ V3 } << false << v3Exists;
    QTest::newRow("404 on both routes: not a Typebot API; one request each")
            << "nothing" << unknown << QString() << QByteArrayList{ V3, V2 } << false << [] {
                   ServerKnowledge k;
                   k.v2Absent = true;
                   k.v3Absent = true;
                   return k;
               }();
    Q_UNUSED(v2Exists);
}

void TestTicketRequest::routes()
{
    QFETCH(QString, server);
    QFETCH(ServerKnowledge, known);
    QFETCH(QString, blockId);
    QFETCH(QByteArrayList, expectedPaths);
    QFETCH(bool, ok);
    QFETCH(ServerKnowledge, learned);

    StubHttpServer stub;
    const auto answer = [&stub](const QByteArray &path, const Answer &a) {
        stub.setResponseFor(path, a.status, a.body, a.headers);
    };
    if (server == u"3.18") {
        answer(V2, PlainNotFound);
        answer(V3, proxySlot(stub));
    } else if (server == u"3.17") {
        answer(V2, proxySlot(stub));
        answer(V3, proxySlot(stub));
    } else if (server == u"3.16") {
        answer(V2, presignedPutSlot());
        answer(V3, presignedPutSlot());
    } else if (server == u"legacy") {
        answer(V2, policySlot());
        answer(V3, TrpcNotFound);
    } else if (server == u"no-session") {
        answer(V2, NoSession);
        answer(V3, NoSession);
    } else {
        answer(V2, PlainNotFound);
        answer(V3, PlainNotFound);
    }

    QNetworkAccessManager nam;
    RouteMemory memory;
    memory.reset(known);
    const TicketResult result = run(&nam, stub, &memory, blockId);

    QByteArrayList paths;
    for (const auto &request : stub.requests())
        paths << request.path;
    QCOMPARE(paths, expectedPaths);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.route == Route::V2 ? V2 : V3, expectedPaths.constLast());
    QCOMPARE(memory.knowledge().route, learned.route);
    QCOMPARE(memory.knowledge().style, learned.style);
    QCOMPARE(memory.knowledge().v2Absent, learned.v2Absent);
    QCOMPARE(memory.knowledge().v3Absent, learned.v3Absent);
    QVERIFY(!memory.isProbing());
    // Each extra request is in the timeline notes, never as the failure.
    QCOMPARE(result.notes.size(), expectedPaths.size() - 1);
    if (server == u"nothing") {
        QCOMPARE(result.error.kind, ApiError::Kind::NoUploadRoute);
        QVERIFY2(result.error.toString().contains(u"/api"), qPrintable(result.error.toString()));
    }
    if (ok)
        QCOMPARE(result.ticket.sendStyle(), learned.style);
}

void TestTicketRequest::onlyOneProbeForManyFiles()
{
    // Five files start at once on a server without v3: one v3 request in all.
    StubHttpServer stub;
    const Answer slot = policySlot();
    stub.setResponseFor(V2, slot.status, slot.body, slot.headers);
    stub.setResponseFor(V3, TrpcNotFound.status, TrpcNotFound.body, TrpcNotFound.headers);
    QNetworkAccessManager nam;
    RouteMemory memory;
    QList<TicketRequest *> requests;
    QList<QSignalSpy *> spies;
    for (int i = 0; i < 5; ++i) {
        auto *request = new TicketRequest(&nam, endpointFor(stub), &memory, this);
        spies << new QSignalSpy(request, &TicketRequest::finished);
        request->start({ QStringLiteral("f%1.txt").arg(i), QString(), 1, QString() });
        requests << request;
    }
    for (QSignalSpy *spy : std::as_const(spies)) {
        QVERIFY(spy->count() == 1 || spy->wait(10000));
        QVERIFY(spy->first().first().value<TicketResult>().ok);
    }
    int v3Requests = 0;
    for (const auto &request : stub.requests())
        v3Requests += request.path == V3 ? 1 : 0;
    QCOMPARE(v3Requests, 1);
    QCOMPARE(stub.requests().size(), 6);
    qDeleteAll(spies);
    qDeleteAll(requests);
}

void TestTicketRequest::inconclusiveAnswerLearnsNothing()
{
    // A 503 may come from a proxy in front of the API: it proves nothing about routes,
    // and the next request probes again.
    StubHttpServer stub;
    stub.setResponseFor(V3, Unavailable.status, Unavailable.body, Unavailable.headers);
    QNetworkAccessManager nam;
    RouteMemory memory;
    TicketResult result = run(&nam, stub, &memory);
    QVERIFY(!result.ok);
    QCOMPARE(result.error.httpStatus, 503);
    QVERIFY(!memory.knowledge().isKnown());
    QVERIFY(!memory.isProbing());
    const Answer slot = proxySlot(stub);
    stub.setResponseFor(V3, slot.status, slot.body, slot.headers);
    result = run(&nam, stub, &memory);
    QVERIFY(result.ok);
    QCOMPARE(memory.knowledge().route, Route::V3);
}

void TestTicketRequest::bodyPerRoute()
{
    const TicketRequest::Input input{ QStringLiteral("a.pdf"), QStringLiteral("application/pdf"),
                                      1234, QString() };
    const QByteArray v3 = TicketRequest::requestBody(Route::V3, QStringLiteral(" s1 "), input);
    QCOMPARE(v3,
             QByteArray(R"({"blockId":"typebot-uploader","fileName":"a.pdf","fileSize":1234,)"
                        R"("fileType":"application/pdf","sessionId":"s1"})"));
    TicketRequest::Input withBlock = input;
    withBlock.blockId = QStringLiteral("blk9");
    QVERIFY(TicketRequest::requestBody(Route::V3, QStringLiteral("s1"), withBlock)
                    .contains(R"("blockId":"blk9")"));
    QVERIFY(!TicketRequest::requestBody(Route::V2, QStringLiteral("s1"), withBlock)
                     .contains("blockId"));
}

QTEST_GUILESS_MAIN(TestTicketRequest)
#include "testticketrequest.moc"
