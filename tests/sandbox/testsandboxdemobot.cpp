// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's demo bot over raw HTTP: startChat, continueChat and generate-upload-url
// answering like a real Typebot viewer at each step of the conversation.

#include "demobot.h"
#include "demobotcatalog.h"
#include "demoreplycheck.h"
#include "rawhttpclient.h"
#include "sandboxserver.h"
#include "sandboxtestkit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using Sandbox::DemoBot;
using Sandbox::DemoBotCatalog;
using Sandbox::DemoReplyCheck;
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
    void onlyTheTextIsChecked_data();
    void onlyTheTextIsChecked();
    void everyInputKindIsReadLikeTheServer_data();
    void everyInputKindIsReadLikeTheServer();
    void buttonsBotTakesValuesAndShowsProgress();
    void filesBotAnswersInItsOwnWords();
    void previewsGetWebhookLogsAndNoResult();
    void markdownWhenAsked();
    void everyBotStartsOnEveryVersion_data();
    void everyBotStartsOnEveryVersion();

private:
    // Starts `bot` and answers `answers` in turn; the session id.
    QString walk(const QByteArray &bot, const QList<QByteArray> &answers);
    static QByteArray textMessage(const QString &text);
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
                       R"({"type":"text","text":"http://127.0.0.1/b/a.png","attachedFileUrls":["http://127.0.0.1/b/a.png"]})")
            << true;
    QTest::newRow("a type not allowed is refused")
            << false << images
            << QByteArray(
                       R"({"type":"text","text":"http://127.0.0.1/b/a.txt","attachedFileUrls":["http://127.0.0.1/b/a.txt"]})")
            << false;
    QTest::newRow("something that is not a URL is refused")
            << false << QStringList()
            << QByteArray(R"({"type":"text","text":"a.png","attachedFileUrls":["a.png"]})")
            << false;
    QTest::newRow("two files for a single-file block: the first is kept")
            << false << QStringList()
            << QByteArray(
                       R"({"type":"text","text":"http://s3.example.com/a, http://s3.example.com/b","attachedFileUrls":["http://s3.example.com/a","http://s3.example.com/b"]})")
            << true;
    QTest::newRow("two files for a multiple-file block are accepted")
            << true << QStringList()
            << QByteArray(
                       R"({"type":"text","text":"http://localhost/a, http://localhost/b","attachedFileUrls":["http://localhost/a","http://localhost/b"]})")
            << true;
    QTest::newRow("links only in the text, as older widgets send them")
            << true << images
            << QByteArray(
                       R"({"type":"text","text":"http://127.0.0.1/a.png, http://127.0.0.1/b.jpg"})")
            << true;
    QTest::newRow("a host without a top-level domain is no URL")
            << false << QStringList() << QByteArray(R"({"type":"text","text":"http://h/a.png"})")
            << false;
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
    // The retry bubble carries the input block's id, as the server's does; no
    // lastMessageNewFormat, clientSideActions or logs come with it.
    QCOMPARE(answer.value(QStringLiteral("messages"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("id")),
             QJsonValue(DemoBot::FileInputId));
    QVERIFY(!answer.contains(QStringLiteral("lastMessageNewFormat")));
    QVERIFY(!answer.contains(QStringLiteral("clientSideActions")));
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

QByteArray TestSandboxDemoBot::textMessage(const QString &text)
{
    return QJsonDocument(
                   QJsonObject{ { QStringLiteral("message"),
                                  QJsonObject{ { QStringLiteral("type"), QStringLiteral("text") },
                                               { QStringLiteral("text"), text } } } })
            .toJson(QJsonDocument::Compact);
}

QString TestSandboxDemoBot::walk(const QByteArray &bot, const QList<QByteArray> &answers)
{
    const QString sessionId = json(post("/api/v1/typebots/" + bot + "/startChat", "{}"))
                                      .value(QStringLiteral("sessionId"))
                                      .toString();
    const QByteArray path = "/api/v1/sessions/" + sessionId.toLatin1() + "/continueChat";
    for (const QByteArray &answer : answers) {
        const auto reply = post(path, answer);
        if (reply.status != 200
            || json(reply).value(QStringLiteral("messages")).toArray().isEmpty())
            qWarning("%s", reply.body.constData());
    }
    return sessionId;
}

void TestSandboxDemoBot::onlyTheTextIsChecked_data()
{
    // The server's file check, written from typebot-api.md: only `text` counts, split on
    // ", "; every part's text after its last '.' must be an allowed extension.
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<bool>("multiple");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("attached");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("recorded"); // lastMessageNewFormat; empty: none

    const QString b = QStringLiteral("http://127.0.0.1:9000/typebot/public/");
    const QStringList png{ QStringLiteral("png") };
    QTest::newRow("attachedFileUrls are not checked")
            << png << false << b + QStringLiteral("a.png")
            << QStringList{ QStringLiteral("junk.txt") } << true << QString();
    QTest::newRow("a raw name with a space is no URL")
            << png << false << b + QStringLiteral("my scan.png")
            << QStringList{ b + QStringLiteral("my scan.png") } << false << QString();
    QTest::newRow("the encoded name is accepted")
            << png << false << b + QStringLiteral("my%20scan.png")
            << QStringList{ b + QStringLiteral("my scan.png") } << true << QString();
    QTest::newRow("a single-file block keeps the first link")
            << png << false << b + QStringLiteral("a.png, ") + b + QStringLiteral("b.png")
            << QStringList() << true << b + QStringLiteral("a.png");
    QTest::newRow("but every link must pass")
            << png << false << b + QStringLiteral("a.png, ") + b + QStringLiteral("b.txt")
            << QStringList() << false << QString();
    QTest::newRow("image/jpeg allows .jpeg links only")
            << QStringList{ QStringLiteral("image/jpeg") } << false << b + QStringLiteral("x.jpg")
            << QStringList() << false << QString();
    QTest::newRow(".jpg allows .jpeg links")
            << QStringList{ QStringLiteral(".jpg") } << false << b + QStringLiteral("x.JPEG")
            << QStringList() << true << QString();
    QTest::newRow("tiff links are never taken")
            << QStringList{ QStringLiteral("tiff") } << false << b + QStringLiteral("x.tiff")
            << QStringList() << false << QString();
    QTest::newRow("text/plain allows nothing")
            << QStringList{ QStringLiteral("text/plain") } << false << b + QStringLiteral("x.txt")
            << QStringList() << false << QString();
    QTest::newRow("image/* and several links")
            << QStringList{ QStringLiteral("image/*") } << true
            << b + QStringLiteral("x.webp, ") + b + QStringLiteral("y.heic") << QStringList()
            << true << QString();
}

void TestSandboxDemoBot::onlyTheTextIsChecked()
{
    QFETCH(QStringList, types);
    QFETCH(bool, multiple);
    QFETCH(QString, text);
    QFETCH(QStringList, attached);
    QFETCH(bool, accepted);
    QFETCH(QString, recorded);
    SandboxConfig config = Kit::configFor(ServerVersion::V3_18);
    config.demoBotFileTypes = types;
    config.demoBotMultipleFiles = multiple;
    auto server = startServer(config);
    const QString sessionId = walk("demo-bot", { textMessage(QStringLiteral("Ana")) });
    QJsonObject message{ { QStringLiteral("type"), QStringLiteral("text") },
                         { QStringLiteral("text"), text } };
    if (!attached.isEmpty())
        message.insert(QStringLiteral("attachedFileUrls"), QJsonArray::fromStringList(attached));
    const auto reply = post("/api/v1/sessions/" + sessionId.toLatin1() + "/continueChat",
                            QJsonDocument(QJsonObject{ { QStringLiteral("message"), message } })
                                    .toJson(QJsonDocument::Compact));
    QCOMPARE(reply.status, 200);
    const QJsonObject answer = json(reply);
    QCOMPARE(!answer.contains(QStringLiteral("input")), accepted);
    QCOMPARE(answer.value(QStringLiteral("lastMessageNewFormat")).toString(), recorded);
    if (accepted) {
        // The bot lists what it kept, shown as the raw links when they were attached.
        QVERIFY(answer.value(QStringLiteral("clientSideActions")).isArray());
        QVERIFY(answer.value(QStringLiteral("logs")).isArray());
        if (!attached.isEmpty() && attached.constFirst().startsWith(u"http"))
            QVERIFY2(reply.body.contains(attached.constFirst().toUtf8()), reply.body.constData());
    }
}

void TestSandboxDemoBot::everyInputKindIsReadLikeTheServer_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("content");

    const auto input = [](const char *type, QJsonObject options = {}, QJsonArray items = {}) {
        QJsonObject object{ { QStringLiteral("id"), QStringLiteral("block") },
                            { QStringLiteral("type"), QLatin1String(type) },
                            { QStringLiteral("options"), options } };
        if (!items.isEmpty())
            object.insert(QStringLiteral("items"), items);
        return object;
    };
    const auto item = [](const char *id, const char *content, const char *value = nullptr) {
        QJsonObject object{ { QStringLiteral("id"), QLatin1String(id) },
                            { QStringLiteral("content"), QLatin1String(content) } };
        if (value)
            object.insert(QStringLiteral("value"), QLatin1String(value));
        return object;
    };
    const QJsonArray items{ item("c", "Car", "car"), item("h", "Home", "home"),
                            item("t", "Travel") };
    const QJsonObject single = input("choice input", {}, items);
    const QJsonObject multiple =
            input("choice input", { { QStringLiteral("isMultipleChoice"), true } }, items);
    const auto row = [](const char *name, const QJsonObject &block, const char *text, bool ok,
                        const char *content = "") {
        QTest::newRow(name) << block << QString::fromUtf8(text) << ok << QString::fromUtf8(content);
    };
    row("text: anything", input("text input"), "Ana", true, "Ana");
    row("number: normalised", input("number input"), "42.50", true, "42.5");
    row("number: not one", input("number input"), "many", false);
    row("number: over the max", input("number input", { { QStringLiteral("max"), 10 } }), "11",
        false);
    row("email: lower-cased", input("email input"), "Ana@Example.COM", true, "ana@example.com");
    row("email: not one", input("email input"), "ana@", false);
    row("url: no protocol needed", input("url input"), "example.com/x", true, "example.com/x");
    row("url: not one", input("url input"), "not a url", false);
    row("phone: international form", input("phone number input"), "+33 6 12 34 56 78", true,
        "+33612345678");
    row("phone: not one", input("phone number input"), "call me", false);
    row("date: the picker's ISO date", input("date input"), "2026-03-21", true, "21/03/2026");
    row("date: not one", input("date input"), "someday", false);
    row("time: 24 hours", input("time input"), "14:30", true, "14:30");
    row("time: 12 hours", input("time input"), "2:30 pm", true, "14:30");
    row("rating: within the scale", input("rating input", { { QStringLiteral("length"), 5 } }), "4",
        true, "4");
    row("rating: over the scale", input("rating input", { { QStringLiteral("length"), 5 } }), "6",
        false);
    row("choice: the value", single, "car", true, "car");
    row("choice: the content becomes the value", single, "Car", true, "car");
    row("choice: no value, the content", single, "Travel", true, "Travel");
    row("choice: case matters", single, "car ", true, "car");
    row("choice: CAR is not Car", single, "CAR", false);
    row("choice: the id", single, "h", true, "home");
    row("multiple: values in item order", multiple, "home, car", true, "car, home");
    row("multiple: contents too", multiple, "Travel, Car", true, "car, Travel");
    row("payment: what the browser reports", input("payment input"), "Success", true, "Success");
}

void TestSandboxDemoBot::everyInputKindIsReadLikeTheServer()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(QString, content);
    const DemoReplyCheck::Parsed parsed =
            DemoReplyCheck::parse(input,
                                  QJsonObject{ { QStringLiteral("type"), QStringLiteral("text") },
                                               { QStringLiteral("text"), text } });
    QCOMPARE(parsed.status == DemoReplyCheck::Parsed::Status::Success, accepted);
    if (accepted)
        QCOMPARE(parsed.content, content);
}

void TestSandboxDemoBot::buttonsBotTakesValuesAndShowsProgress()
{
    auto server = startServer(Kit::configFor(ServerVersion::V3_18));
    const auto started = post("/api/v1/typebots/demo-buttons-bot/startChat", "{}");
    QCOMPARE(started.status, 200);
    const QJsonObject start = json(started);
    QCOMPARE(start.value(QStringLiteral("progress")).toDouble(-1), 0.0);
    const QJsonObject plan = start.value(QStringLiteral("input")).toObject();
    QCOMPARE(plan.value(QStringLiteral("type")).toString(), QStringLiteral("choice input"));
    QCOMPARE(plan.value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("value")),
             QJsonValue(QStringLiteral("plan-basic-2024")));
    const QByteArray path = "/api/v1/sessions/"
            + start.value(QStringLiteral("sessionId")).toString().toLatin1() + "/continueChat";

    // The button's text with the wrong case is not what the widget sends: retried.
    auto reply = json(post(path, textMessage(QStringLiteral("premium"))));
    QCOMPARE(firstText(reply), DemoBot::RetryMessage);
    QCOMPARE(reply.value(QStringLiteral("input")).toObject().value(QStringLiteral("id")),
             plan.value(QStringLiteral("id")));
    // The content is taken and recorded as the value; the value itself as it is.
    reply = json(post(path, textMessage(QStringLiteral("plan-premium-2024"))));
    QVERIFY2(!reply.contains(QStringLiteral("lastMessageNewFormat")),
             QJsonDocument(reply).toJson().constData());
    QCOMPARE(reply.value(QStringLiteral("progress")).toDouble(), 100.0 / 3);
    reply = json(post(path, textMessage(QStringLiteral("Home, Car"))));
    QCOMPARE(reply.value(QStringLiteral("lastMessageNewFormat")).toString(),
             QStringLiteral("car, home"));
    QCOMPARE(firstText(reply), QStringLiteral("Plan plan-premium-2024, damage to car, home."));
    QCOMPARE(reply.value(QStringLiteral("input")).toObject().value(QStringLiteral("id")),
             QJsonValue(DemoBot::FileInputId));
    reply = json(post(path, textMessage(QStringLiteral("http://127.0.0.1/b/a.png"))));
    QVERIFY(!reply.contains(QStringLiteral("input")));
    QCOMPARE(reply.value(QStringLiteral("progress")).toDouble(), 100.0);
    QCOMPARE(server->demoBot()->sessionCount(), 0);
}

void TestSandboxDemoBot::filesBotAnswersInItsOwnWords()
{
    auto server = startServer(Kit::configFor(ServerVersion::V3_18));
    const auto started = json(post("/api/v1/typebots/demo-files-bot/startChat", "{}"));
    const QByteArray path = "/api/v1/sessions/"
            + started.value(QStringLiteral("sessionId")).toString().toLatin1() + "/continueChat";
    auto reply = json(post(path, textMessage(QStringLiteral("not an email"))));
    QCOMPARE(firstText(reply), DemoBotCatalog::EmailRetryMessage);
    reply = json(post(path, textMessage(QStringLiteral("Ana@Example.com"))));
    QCOMPARE(reply.value(QStringLiteral("lastMessageNewFormat")).toString(),
             QStringLiteral("ana@example.com"));
    const QJsonObject input = reply.value(QStringLiteral("input")).toObject();
    QCOMPARE(input.value(QStringLiteral("id")).toString(), DemoBotCatalog::FilesBotInputId);
    QCOMPARE(server->demoBot()->fileBlockId(started.value(QStringLiteral("sessionId")).toString()),
             DemoBotCatalog::FilesBotInputId);
    const QJsonObject options = input.value(QStringLiteral("options")).toObject();
    QVERIFY(options.value(QStringLiteral("isMultipleAllowed")).toBool());
    const QString b = QStringLiteral("http://127.0.0.1/b/");
    reply = json(post(
            path, textMessage(b + QStringLiteral("a.png, ") + b + QStringLiteral("notes.txt"))));
    QCOMPARE(firstText(reply), DemoBotCatalog::FilesBotRetryMessage);
    reply = json(post(
            path, textMessage(b + QStringLiteral("a.png, ") + b + QStringLiteral("claim.pdf"))));
    QCOMPARE(firstText(reply), QStringLiteral("Got 2 files; we will write to ana@example.com:"));
    QCOMPARE(reply.value(QStringLiteral("logs")).toArray().size(), 0); // public chat: filtered
}

void TestSandboxDemoBot::previewsGetWebhookLogsAndNoResult()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_18);
    config.token = QStringLiteral("preview-token-123");
    auto server = startServer(config);
    const auto started = json(post("/api/v1/typebots/demo-files-bot/preview/startChat", "{}",
                                   { { "Authorization", "Bearer preview-token-123" } }));
    QVERIFY(!started.contains(QStringLiteral("resultId")));
    const QByteArray path = "/api/v1/sessions/"
            + started.value(QStringLiteral("sessionId")).toString().toLatin1() + "/continueChat";
    post(path, textMessage(QStringLiteral("ana@example.com")));
    const auto reply = json(post(path, textMessage(QStringLiteral("http://127.0.0.1/b/a.png"))));
    const QJsonArray logs = reply.value(QStringLiteral("logs")).toArray();
    QCOMPARE(logs.size(), 1);
    QCOMPARE(logs.first().toObject().value(QStringLiteral("description")).toString(),
             QStringLiteral("Webhook successfully executed."));
}

void TestSandboxDemoBot::markdownWhenAsked()
{
    auto server = startServer(Kit::configFor(ServerVersion::V3_18));
    const auto started = json(post("/api/v1/typebots/demo-bot/startChat",
                                   R"({"textBubbleContentFormat":"markdown"})"));
    const QJsonObject content = started.value(QStringLiteral("messages"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("content"))
                                        .toObject();
    QCOMPARE(content.value(QStringLiteral("type")).toString(), QStringLiteral("markdown"));
    QVERIFY(content.value(QStringLiteral("markdown"))
                    .toString()
                    .startsWith(QStringLiteral("Hi! I'm the **sandbox demo bot**.")));
}

void TestSandboxDemoBot::everyBotStartsOnEveryVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("bot");
    for (const ServerVersion version : Sandbox::ServerVersions::all()) {
        for (const QString &bot :
             { QStringLiteral("demo-bot"), DemoBotCatalog::ButtonsBotId, DemoBotCatalog::FilesBotId,
               DemoBotCatalog::FormBotId, DemoBotCatalog::PaymentBotId })
            QTest::newRow(qPrintable(Sandbox::ServerVersions::name(version) + u' ' + bot))
                    << int(version) << bot;
    }
}

void TestSandboxDemoBot::everyBotStartsOnEveryVersion()
{
    QFETCH(int, version);
    QFETCH(QString, bot);
    auto server = startServer(Kit::configFor(ServerVersion(version)));
    QVERIFY(server->demoBot()->botIds().contains(bot));
    const auto started = post("/api/v1/typebots/" + bot.toLatin1() + "/startChat", "{}");
    QCOMPARE(started.status, 200);
    const QJsonObject answer = json(started);
    QVERIFY(!answer.value(QStringLiteral("sessionId")).toString().isEmpty());
    QVERIFY(!answer.value(QStringLiteral("resultId")).toString().isEmpty());
    QVERIFY(answer.value(QStringLiteral("typebot"))
                    .toObject()
                    .contains(QStringLiteral("publishedAt")));
    // Block ids as message ids, an input waited on.
    for (const auto &message : answer.value(QStringLiteral("messages")).toArray())
        QVERIFY(!message.toObject().value(QStringLiteral("id")).toString().isEmpty());
    QVERIFY(!answer.value(QStringLiteral("input"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString()
                     .isEmpty());
    // Errors keep the version's shape.
    const auto unknown = post("/api/v1/sessions/nosuch/continueChat", "{}");
    QCOMPARE(unknown.status, 404);
    QCOMPARE(json(unknown).value(QStringLiteral("message")).toString(),
             QStringLiteral("Session not found."));
}

QTEST_GUILESS_MAIN(TestSandboxDemoBot)
#include "testsandboxdemobot.moc"
