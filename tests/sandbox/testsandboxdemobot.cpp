// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's demo bot over raw HTTP: startChat, continueChat and generate-upload-url
// answering like a real Typebot viewer at each step of the conversation.

#include "demobot.h"
#include "rawhttpclient.h"
#include "sandboxserver.h"
#include "sandboxtestkit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using Sandbox::DemoBot;
using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;
using Sandbox::ServerVersion;
using Kit = SandboxTestKit;

class TestSandboxDemoBot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversationRunsToTheEnd();
    void refusedFilesGetTheRetryMessage_data();
    void refusedFilesGetTheRetryMessage();
    void optionalFileBlockCanBeSkipped();
    void unknownBotAndSessionAre404();
    void previewNeedsAToken();
    void configuredSessionsStillWaitOnAFileBlock();

private:
    // The conversation is the same on every version; tickets here use the v2 route of 3.15
    // (testsandboxversions.cpp covers v3).
    std::unique_ptr<SandboxServer>
    startServer(SandboxConfig config = Kit::configFor(ServerVersion::V3_15));
    RawHttpClient::Response post(const QByteArray &path, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static QJsonObject json(const RawHttpClient::Response &response);
    static QString firstText(const QJsonObject &answer);

    quint16 m_port = 0;
};

std::unique_ptr<SandboxServer> TestSandboxDemoBot::startServer(SandboxConfig config)
{
    auto server = std::make_unique<SandboxServer>(std::move(config));
    QString error;
    if (!server->start(&error))
        qFatal("sandbox: %s", qPrintable(error));
    m_port = server->port();
    return server;
}

RawHttpClient::Response
TestSandboxDemoBot::post(const QByteArray &path, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> all = { { "Content-Type", "application/json" } };
    all += headers;
    return Kit::exchange(m_port, RawHttpClient::request("POST", path, all, body, m_port));
}

QJsonObject TestSandboxDemoBot::json(const RawHttpClient::Response &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QString TestSandboxDemoBot::firstText(const QJsonObject &answer)
{
    const QJsonObject content = answer.value(QStringLiteral("messages"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("content"))
                                        .toObject();
    return content.value(QStringLiteral("richText"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("children"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("text"))
            .toString();
}

void TestSandboxDemoBot::conversationRunsToTheEnd()
{
    auto server = startServer();
    const auto started = post("/api/v1/typebots/demo-bot/startChat", "{}");
    QCOMPARE(started.status, 200);
    const QJsonObject start = json(started);
    const QString sessionId = start.value(QStringLiteral("sessionId")).toString();
    QVERIFY(!sessionId.isEmpty());
    QCOMPARE(start.value(QStringLiteral("messages")).toArray().size(), 2);
    QCOMPARE(start.value(QStringLiteral("input"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
             QStringLiteral("text input"));

    // Not at the file block yet: no upload slot, in the real server's words.
    auto ticket = Kit::fetchTicket(*server, QStringLiteral("a.png"), QStringLiteral("image/png"),
                                   sessionId);
    QCOMPARE(ticket.status, 400);
    QVERIFY2(ticket.body.contains("Current block does not expect file upload"),
             ticket.body.constData());

    const QByteArray continuePath = "/api/v1/sessions/" + sessionId.toLatin1() + "/continueChat";
    const auto named = post(continuePath, R"({"message":{"type":"text","text":"Ana"}})");
    QCOMPARE(named.status, 200);
    QCOMPARE(firstText(json(named)), QStringLiteral("Nice to meet you, Ana!"));
    const QJsonObject input = json(named).value(QStringLiteral("input")).toObject();
    QCOMPARE(input.value(QStringLiteral("type")).toString(), QStringLiteral("file input"));
    QCOMPARE(input.value(QStringLiteral("options"))
                     .toObject()
                     .value(QStringLiteral("isRequired"))
                     .toBool(),
             true);

    ticket = Kit::fetchTicket(*server, QStringLiteral("a.png"), QStringLiteral("image/png"),
                              sessionId);
    QCOMPARE(ticket.status, 200);

    const QByteArray submit = R"({"message":{"type":"text","text":")" + ticket.fileUrl.toUtf8()
            + R"(","attachedFileUrls":[")" + ticket.fileUrl.toUtf8() + R"("]}})";
    const auto reply = post(continuePath, submit);
    QCOMPARE(reply.status, 200);
    const QJsonObject end = json(reply);
    QVERIFY(!end.contains(QStringLiteral("input")));
    QCOMPARE(firstText(end), QStringLiteral("Thanks, Ana! I received 1 file:"));
    QVERIFY2(reply.body.contains(ticket.fileUrl.toUtf8()), reply.body.constData());

    // The conversation ended: the session is gone, as on the real server.
    const auto again = post(continuePath, "{}");
    QCOMPARE(again.status, 404);
    QCOMPARE(json(again).value(QStringLiteral("message")).toString(),
             QStringLiteral("Session not found."));
}

void TestSandboxDemoBot::refusedFilesGetTheRetryMessage_data()
{
    QTest::addColumn<bool>("multiple");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("accepted");

    const QStringList images{ QStringLiteral("png"), QStringLiteral("jpg") };
    QTest::newRow("an allowed type is accepted")
            << false << images
            << QByteArray(
                       R"({"type":"text","text":"http://h/b/a.png","attachedFileUrls":["http://h/b/a.png"]})")
            << true;
    QTest::newRow("a type not allowed is refused")
            << false << images
            << QByteArray(
                       R"({"type":"text","text":"http://h/b/a.txt","attachedFileUrls":["http://h/b/a.txt"]})")
            << false;
    QTest::newRow("something that is not a URL is refused")
            << false << QStringList()
            << QByteArray(R"({"type":"text","text":"a.png","attachedFileUrls":["a.png"]})")
            << false;
    QTest::newRow("two files for a single-file block are refused")
            << false << QStringList()
            << QByteArray(
                       R"({"type":"text","text":"http://h/a, http://h/b","attachedFileUrls":["http://h/a","http://h/b"]})")
            << false;
    QTest::newRow("two files for a multiple-file block are accepted")
            << true << QStringList()
            << QByteArray(
                       R"({"type":"text","text":"http://h/a, http://h/b","attachedFileUrls":["http://h/a","http://h/b"]})")
            << true;
    QTest::newRow("links only in the text, as older widgets send them")
            << true << images
            << QByteArray(R"({"type":"text","text":"http://h/a.png, http://h/b.jpg"})") << true;
    QTest::newRow("no message on a required block gets the retry message")
            << false << QStringList() << QByteArray() << false;
}

void TestSandboxDemoBot::refusedFilesGetTheRetryMessage()
{
    QFETCH(bool, multiple);
    QFETCH(QStringList, types);
    QFETCH(QByteArray, message);
    QFETCH(bool, accepted);
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.demoBotMultipleFiles = multiple;
    config.demoBotFileTypes = types;
    auto server = startServer(config);
    const QString sessionId = json(post("/api/v1/typebots/demo-bot/startChat", "{}"))
                                      .value(QStringLiteral("sessionId"))
                                      .toString();
    const QByteArray path = "/api/v1/sessions/" + sessionId.toLatin1() + "/continueChat";
    QCOMPARE(post(path, R"({"message":{"type":"text","text":"Ana"}})").status, 200);

    const auto reply =
            post(path, message.isEmpty() ? QByteArray("{}") : "{\"message\":" + message + '}');
    QCOMPARE(reply.status, 200);
    const QJsonObject answer = json(reply);
    if (accepted) {
        QVERIFY2(!answer.contains(QStringLiteral("input")), reply.body.constData());
        QVERIFY(firstText(answer).startsWith(QStringLiteral("Thanks, Ana!")));
        return;
    }
    QCOMPARE(firstText(answer), DemoBot::RetryMessage);
    // The same block again, so the user can retry; uploads still work there.
    QCOMPARE(
            answer.value(QStringLiteral("input")).toObject().value(QStringLiteral("id")).toString(),
            DemoBot::FileInputId);
    QCOMPARE(Kit::fetchTicket(*server, QStringLiteral("a.png"), QStringLiteral("image/png"),
                              sessionId)
                     .status,
             200);
}

void TestSandboxDemoBot::optionalFileBlockCanBeSkipped()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.demoBotFilesOptional = true;
    auto server = startServer(config);
    const QString sessionId = json(post("/api/v1/typebots/demo-bot/startChat", "{}"))
                                      .value(QStringLiteral("sessionId"))
                                      .toString();
    const QByteArray path = "/api/v1/sessions/" + sessionId.toLatin1() + "/continueChat";
    const QJsonObject named = json(post(path, R"({"message":{"type":"text","text":"Ana"}})"));
    QCOMPARE(named.value(QStringLiteral("input"))
                     .toObject()
                     .value(QStringLiteral("options"))
                     .toObject()
                     .value(QStringLiteral("isRequired"))
                     .toBool(true),
             false);
    const QJsonObject skipped = json(post(path, "{}"));
    QVERIFY(!skipped.contains(QStringLiteral("input")));
    QVERIFY(firstText(skipped).startsWith(QStringLiteral("No files this time?")));
}

void TestSandboxDemoBot::unknownBotAndSessionAre404()
{
    auto server = startServer();
    const auto noBot = post("/api/v1/typebots/no-such-bot/startChat", "{}");
    QCOMPARE(noBot.status, 404);
    QCOMPARE(json(noBot).value(QStringLiteral("message")).toString(),
             QStringLiteral("Typebot not found"));
    const auto noSession = post("/api/v1/sessions/cnosuchsession/continueChat",
                                R"({"message":{"type":"text","text":"x"}})");
    QCOMPARE(noSession.status, 404);
    QCOMPARE(json(noSession).value(QStringLiteral("message")).toString(),
             QStringLiteral("Session not found."));
    QCOMPARE(json(noSession).value(QStringLiteral("code")).toString(), QStringLiteral("NOT_FOUND"));
    const auto records = server->requests();
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.first().route, QStringLiteral("chat"));
}

void TestSandboxDemoBot::previewNeedsAToken()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.token = QStringLiteral("preview-token-123");
    auto server = startServer(config);
    QCOMPARE(post("/api/v1/typebots/demo-bot/preview/startChat", "{}").status, 401);
    QCOMPARE(post("/api/v1/typebots/demo-bot/preview/startChat", "{}",
                  { { "Authorization", "Bearer wrong" } })
                     .status,
             403);
    const auto ok = post("/api/v1/typebots/demo-bot/preview/startChat", "{}",
                         { { "Authorization", "Bearer preview-token-123" } });
    QCOMPARE(ok.status, 200);
    QVERIFY(!json(ok).value(QStringLiteral("sessionId")).toString().isEmpty());
}

void TestSandboxDemoBot::configuredSessionsStillWaitOnAFileBlock()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.sessionIds = { QStringLiteral("fixed-session") };
    auto server = startServer(config);
    QCOMPARE(Kit::fetchTicket(*server, QStringLiteral("a.txt"), QStringLiteral("text/plain"),
                              QStringLiteral("fixed-session"))
                     .status,
             200);
    const auto unknown = Kit::fetchTicket(*server, QStringLiteral("a.txt"),
                                          QStringLiteral("text/plain"), QStringLiteral("other"));
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.body.contains("Can't find session"));
}

QTEST_GUILESS_MAIN(TestSandboxDemoBot)
#include "testsandboxdemobot.moc"
