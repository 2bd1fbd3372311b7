// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox plays each Typebot server version the way its source reads: which routes
// exist, error shapes, what a ticket looks like, type and size checks, how the file is
// sent (POST policy, presigned PUT, upload proxy) and how the proxy refuses. Raw HTTP.

#include "demobot.h"
#include "rawhttpclient.h"
#include "sandboxserver.h"
#include "sandboxtestkit.h"
#include "serverversion.h"

#include "api/jsonkeyorder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <memory>

using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;
using Sandbox::ServerVersion;
using Sandbox::ServerVersions;
using Kit = SandboxTestKit;

namespace {

const QByteArray PlainText = "text/plain;charset=UTF-8";
const QByteArray LegacyNotFound =
        R"({"message":"Not found","code":"NOT_FOUND","data":{"code":"NOT_FOUND","httpStatus":404}})";

QByteArray bytePattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 31 + i / 509) & 0xff);
    return data;
}

// A row name that starts with the version: "3.17: ...".
QByteArray rowName(ServerVersion version, const char *what)
{
    return ServerVersions::name(version).toUtf8() + ": " + what;
}

// Top-level keys of a JSON object, in document order.
QStringList topLevelKeys(const QByteArray &json)
{
    return Typebot::JsonKeyOrder::ofMember("{\"x\":" + json + '}', QStringLiteral("x"));
}

QByteArray targetOf(const QString &url)
{
    return QUrl(url).toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
}

QByteArray objectTarget(const QString &key)
{
    return "/typebot/" + QUrl::toPercentEncoding(key, "/");
}

QString proxyToken(const QString &presignedUrl)
{
    return presignedUrl.section(QStringLiteral("/api/uploads/"), 1);
}

QJsonObject tokenPayload(const QString &token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(),
                                                          QByteArray::Base64UrlEncoding))
            .object();
}

} // namespace

class TestSandboxVersions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionHelpersAndDefaults();
    void routesExistPerVersion_data();
    void routesExistPerVersion();
    void ticketShapePerVersion_data();
    void ticketShapePerVersion();
    void errorShapesPerVersion_data();
    void errorShapesPerVersion();
    void blockIdOnV3_data();
    void blockIdOnV3();
    void typesAreCheckedOnV3_data();
    void typesAreCheckedOnV3();
    void sizeIsCheckedAtTicketTime_data();
    void sizeIsCheckedAtTicketTime();
    void fullUploadPerVersion_data();
    void fullUploadPerVersion();
    void expiredUploadUrlPerVersion_data();
    void expiredUploadUrlPerVersion();
    void answerFaultsPerVersion_data();
    void answerFaultsPerVersion();
    void proxyRefusesTamperedTokens_data();
    void proxyRefusesTamperedTokens();
    void proxyClockShiftMovesTheExpiry_data();
    void proxyClockShiftMovesTheExpiry();
    void proxyRefusesOversizeBeforeTheBody_data();
    void proxyRefusesOversizeBeforeTheBody();
    void proxyRefusesAnEmptyBody();
    void proxyStatusFaultsArePlainText_data();
    void proxyStatusFaultsArePlainText();
    void proxyTransportFaultsApply();
    void proxyNamesNeverCollide();
    void proxyAnswersPreflightAndOtherMethods();
    void demoBotTakesTheLinksOfEveryVersion_data();
    void demoBotTakesTheLinksOfEveryVersion();

private:
    std::unique_ptr<SandboxServer> startServer(SandboxConfig config);
    std::unique_ptr<SandboxServer> startServer(ServerVersion version);
    // A demo bot session walked to its file block.
    QString demoSessionAtFileBlock(SandboxServer &server);
    // v3 when the version has it, v2 otherwise.
    static Kit::Ticket ticket(SandboxServer &server, const QString &fileName,
                              const QString &fileType, const QString &sessionId = {},
                              qint64 fileSize = -1);
    // Step 2 the way the ticket asks: multipart POST with formData, else a raw PUT.
    static RawHttpClient::Response upload(SandboxServer &server, const Kit::Ticket &ticket,
                                          const QByteArray &data,
                                          const QByteArray &contentType = "image/png");
    static RawHttpClient::Response getObject(SandboxServer &server, const QString &key);
    static QList<int> armFault(SandboxServer &server, const QString &spec);
};

std::unique_ptr<SandboxServer> TestSandboxVersions::startServer(SandboxConfig config)
{
    auto server = std::make_unique<SandboxServer>(std::move(config));
    QString error;
    if (!server->start(&error))
        qFatal("sandbox: %s", qPrintable(error));
    return server;
}

std::unique_ptr<SandboxServer> TestSandboxVersions::startServer(ServerVersion version)
{
    return startServer(Kit::configFor(version));
}

QString TestSandboxVersions::demoSessionAtFileBlock(SandboxServer &server)
{
    const quint16 port = server.port();
    const QList<QPair<QByteArray, QByteArray>> json = { { "Content-Type", "application/json" } };
    const auto started =
            Kit::exchange(port,
                          RawHttpClient::request("POST", "/api/v1/typebots/demo-bot/startChat",
                                                 json, "{}", port));
    const QString sessionId = QJsonDocument::fromJson(started.body)
                                      .object()
                                      .value(QStringLiteral("sessionId"))
                                      .toString();
    Kit::exchange(port,
                  RawHttpClient::request(
                          "POST", "/api/v1/sessions/" + sessionId.toLatin1() + "/continueChat",
                          json, R"({"message":{"type":"text","text":"Ana"}})", port));
    return sessionId;
}

Kit::Ticket TestSandboxVersions::ticket(SandboxServer &server, const QString &fileName,
                                        const QString &fileType, const QString &sessionId,
                                        qint64 fileSize)
{
    if (ServerVersions::behaviour(server.serverVersion()).v3Route)
        return Kit::fetchTicketV3(server, fileName, fileType, sessionId, QString(), fileSize);
    QJsonObject body{ { QStringLiteral("sessionId"),
                        sessionId.isEmpty() ? server.defaultSessionId() : sessionId },
                      { QStringLiteral("fileName"), fileName } };
    if (!fileType.isNull())
        body.insert(QStringLiteral("fileType"), fileType);
    if (fileSize >= 0)
        body.insert(QStringLiteral("fileSize"), double(fileSize));
    return Kit::fetchTicket(server.port(), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

RawHttpClient::Response TestSandboxVersions::upload(SandboxServer &server,
                                                    const Kit::Ticket &ticket,
                                                    const QByteArray &data,
                                                    const QByteArray &contentType)
{
    const quint16 port = server.port();
    if (!ticket.form.isEmpty()) {
        const QList<Kit::Part> parts = Kit::formParts(ticket.form)
                << Kit::filePart(data, "upload.bin", contentType);
        return Kit::exchange(port, Kit::postRequest(port, Kit::multipart(Kit::Boundary, parts)));
    }
    // What the web widget sends with a PUT.
    return Kit::exchange(port,
                         RawHttpClient::request("PUT", targetOf(ticket.presignedUrl),
                                                { { "Content-Type", contentType },
                                                  { "Cache-Control", "public, max-age=86400" } },
                                                data, port));
}

RawHttpClient::Response TestSandboxVersions::getObject(SandboxServer &server, const QString &key)
{
    return Kit::exchange(server.port(),
                         RawHttpClient::request("GET", objectTarget(key), {}, {}, server.port()));
}

QList<int> TestSandboxVersions::armFault(SandboxServer &server, const QString &spec)
{
    QString error;
    const int id = server.faults()->add(spec, &error);
    if (!id)
        qWarning("bad fault %s: %s", qPrintable(spec), qPrintable(error));
    return { id };
}

void TestSandboxVersions::versionHelpersAndDefaults()
{
    QVERIFY(SandboxConfig().serverVersion == ServerVersion::V3_18);
    QVERIFY(ServerVersions::Latest == ServerVersion::V3_18);
    const QList<ServerVersion> all = ServerVersions::all();
    QVERIFY(all
            == (QList<ServerVersion>{ ServerVersion::Legacy, ServerVersion::V3_15,
                                      ServerVersion::V3_16, ServerVersion::V3_17,
                                      ServerVersion::V3_18 }));
    QStringList names;
    for (ServerVersion version : all) {
        names << ServerVersions::name(version);
        QVERIFY(ServerVersions::parse(ServerVersions::name(version)) == version);
    }
    QCOMPARE(names,
             (QStringList{ QStringLiteral("legacy"), QStringLiteral("3.15"), QStringLiteral("3.16"),
                           QStringLiteral("3.17"), QStringLiteral("3.18") }));
    QVERIFY(ServerVersions::parse(QStringLiteral(" v3.17 ")) == ServerVersion::V3_17);
    QVERIFY(!ServerVersions::parse(QStringLiteral("3.9")));
    QVERIFY(!ServerVersions::parse(QString()));

    // The file block of configured sessions: generated like a cuid, or as configured.
    SandboxServer generated;
    QVERIFY(generated.serverVersion() == ServerVersion::V3_18);
    QCOMPARE(generated.fileBlockId().size(), 25);
    QVERIFY(generated.fileBlockId().startsWith(u'c'));
    QVERIFY(generated.fileBlockId() != SandboxServer().fileBlockId());
    SandboxConfig config;
    config.fileBlockId = QStringLiteral("my-file-block");
    QCOMPARE(SandboxServer(config).fileBlockId(), QStringLiteral("my-file-block"));
}

void TestSandboxVersions::routesExistPerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body"); // exact; empty: not compared

    const QByteArray v2 = Kit::V2Path;
    const QByteArray v3 = Kit::V3Path;
    const QByteArray json = "application/json";
    const QByteArray unknown = "/api/v9/nothing";
    const QByteArray proxy = "/api/uploads/abc.def";
    for (ServerVersion version : ServerVersions::all()) {
        const int v = int(version);
        const bool legacy = version == ServerVersion::Legacy;
        const QByteArray notFoundType = legacy ? json : PlainText;
        const QByteArray notFound = legacy ? LegacyNotFound : QByteArray("Not found");
        if (version == ServerVersion::V3_18)
            QTest::newRow(rowName(version, "v2 is gone, a plain-text 404"))
                    << v << QByteArray("POST") << v2 << 404 << PlainText << QByteArray("Not found");
        else
            QTest::newRow(rowName(version, "v2 answers a ticket"))
                    << v << QByteArray("POST") << v2 << 200 << json << QByteArray();
        if (legacy)
            QTest::newRow(rowName(version, "v3 does not exist yet, tRPC's JSON 404"))
                    << v << QByteArray("POST") << v3 << 404 << json << LegacyNotFound;
        else
            QTest::newRow(rowName(version, "v3 answers a ticket"))
                    << v << QByteArray("POST") << v3 << 200 << json << QByteArray();
        QTest::newRow(rowName(version, "an unknown /api path"))
                << v << QByteArray("POST") << unknown << 404 << notFoundType << notFound;
        QTest::newRow(rowName(version, "GET on v3"))
                << v << QByteArray("GET") << v3 << 404 << notFoundType << notFound;
        if (legacy)
            QTest::newRow(rowName(version, "GET on v2 is a method tRPC does not support"))
                    << v << QByteArray("GET") << v2 << 405 << json
                    << QByteArray(
                               R"({"message":"Method not supported","code":"METHOD_NOT_SUPPORTED"})");
        const bool hasProxy = version == ServerVersion::V3_17 || version == ServerVersion::V3_18;
        if (hasProxy)
            QTest::newRow(rowName(version, "the upload proxy judges a bad token"))
                    << v << QByteArray("PUT") << proxy << 403 << PlainText
                    << QByteArray("Invalid upload URL");
        else
            QTest::newRow(rowName(version, "no upload proxy yet"))
                    << v << QByteArray("PUT") << proxy << 404 << notFoundType << notFound;
    }
}

void TestSandboxVersions::routesExistPerVersion()
{
    QFETCH(int, version);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    auto server = startServer(ServerVersion(version));
    const quint16 port = server->port();
    const QByteArray request = method == "POST"
            ? "{\"sessionId\":\"" + server->defaultSessionId().toUtf8() + "\",\"blockId\":\""
                    + server->fileBlockId().toUtf8() + "\",\"fileName\":\"a.txt\"}"
            : QByteArray(method == "PUT" ? "some bytes" : "");
    const auto response = Kit::exchange(
            port,
            RawHttpClient::request(method, path, { { "Content-Type", "application/json" } },
                                   request, port));
    QVERIFY2(response.status == status, response.body.constData());
    QCOMPARE(response.header("content-type"), contentType);
    if (!body.isEmpty())
        QCOMPARE(response.body, body);
    if (status == 200)
        QVERIFY(QJsonDocument::fromJson(response.body)
                        .object()
                        .contains(QStringLiteral("fileUrl")));
}

void TestSandboxVersions::ticketShapePerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("path");
    for (ServerVersion version : ServerVersions::all()) {
        const auto behaviour = ServerVersions::behaviour(version);
        if (behaviour.v2Route)
            QTest::newRow(rowName(version, "v2")) << int(version) << Kit::V2Path;
        if (behaviour.v3Route)
            QTest::newRow(rowName(version, "v3")) << int(version) << Kit::V3Path;
    }
}

void TestSandboxVersions::ticketShapePerVersion()
{
    QFETCH(int, version);
    QFETCH(QByteArray, path);
    SandboxConfig config = Kit::configFor(ServerVersion(version));
    config.maxSizeBytes = 10 * 1024 * 1024;
    auto server = startServer(config);
    const QByteArray body = "{\"sessionId\":\"" + server->defaultSessionId().toUtf8()
            + "\",\"blockId\":\"" + server->fileBlockId().toUtf8()
            + "\",\"fileName\":\"shape.png\",\"fileType\":\"image/PNG\",\"fileSize\":1000}";
    const Kit::Ticket ticket = Kit::fetchTicket(server->port(), body, {}, path);
    QVERIFY2(ticket.status == 200, ticket.body.constData());
    const QStringList keys = topLevelKeys(ticket.body);
    const QString origin = server->bucketUrl().toString().section(u'/', 0, 2);
    QVERIFY2(ticket.fileUrl.startsWith(server->bucketUrl().toString() + QStringLiteral("/public/")),
             qPrintable(ticket.fileUrl));

    switch (ServerVersion(version)) {
    case ServerVersion::Legacy:
    case ServerVersion::V3_15: {
        // The presigned POST: policy fields in order, nothing else.
        QCOMPARE(keys,
                 (QStringList{ QStringLiteral("presignedUrl"), QStringLiteral("formData"),
                               QStringLiteral("fileUrl") }));
        QCOMPARE(ticket.presignedUrl, server->bucketUrl().toString());
        QCOMPARE(ticket.form.size(), 9);
        QCOMPARE(ticket.form.first().first, QStringLiteral("key"));
        QCOMPARE(ticket.form.at(3).second, QStringLiteral("image/PNG")); // Content-Type as sent
        QCOMPARE(ticket.form.last().first, QStringLiteral("x-amz-signature"));
        QVERIFY(ticket.fileUrl.endsWith(QStringLiteral("/shape.png")));
        const QByteArray policy = QByteArray::fromBase64(ticket.form.at(7).second.toLatin1());
        QVERIFY(policy.contains("[\"content-length-range\",0,10485760]"));
        break;
    }
    case ServerVersion::V3_16: {
        // The presigned PUT: no formData at all, the type as sent, the limit in MB.
        QCOMPARE(keys,
                 (QStringList{ QStringLiteral("presignedUrl"), QStringLiteral("fileType"),
                               QStringLiteral("maxFileSize"), QStringLiteral("fileUrl") }));
        QVERIFY(!ticket.json.contains(QStringLiteral("formData")));
        QCOMPARE(ticket.json.value(QStringLiteral("fileType")).toString(),
                 QStringLiteral("image/PNG"));
        QCOMPARE(ticket.json.value(QStringLiteral("maxFileSize")).toDouble(), 10.0);
        const QUrl url(ticket.presignedUrl);
        QCOMPARE(url.path(), QStringLiteral("/typebot/") + ticket.key());
        for (const char *param : { "X-Amz-SignedHeaders=host", "X-Amz-Expires=600",
                                   "X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Signature=" })
            QVERIFY2(ticket.presignedUrl.contains(QLatin1String(param)), param);
        QVERIFY(ticket.fileUrl.endsWith(QStringLiteral("/shape.png")));
        break;
    }
    case ServerVersion::V3_17:
    case ServerVersion::V3_18: {
        // The upload proxy: empty formData, the normalised type, a random name.
        QCOMPARE(keys,
                 (QStringList{ QStringLiteral("presignedUrl"), QStringLiteral("formData"),
                               QStringLiteral("fileType"), QStringLiteral("maxFileSize"),
                               QStringLiteral("fileUrl") }));
        QVERIFY(ticket.body.contains("\"formData\":{}"));
        QCOMPARE(ticket.json.value(QStringLiteral("fileType")).toString(),
                 QStringLiteral("image/png"));
        QCOMPARE(ticket.json.value(QStringLiteral("maxFileSize")).toDouble(), 10.0);
        QVERIFY2(ticket.presignedUrl.startsWith(origin + QStringLiteral("/api/uploads/")),
                 qPrintable(ticket.presignedUrl));
        const QString token = proxyToken(ticket.presignedUrl);
        QCOMPARE(token.split(u'.').size(), 2);
        const QJsonObject payload = tokenPayload(token);
        QCOMPARE(topLevelKeys(QJsonDocument(payload).toJson(QJsonDocument::Compact)).size(), 4);
        QCOMPARE(payload.value(QStringLiteral("filePath")).toString(), ticket.key());
        QCOMPARE(payload.value(QStringLiteral("fileType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(payload.value(QStringLiteral("maxFileSize")).toDouble(), 10.0);
        const qint64 lifetimeMs = qint64(payload.value(QStringLiteral("expiresAt")).toDouble())
                - QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(lifetimeMs > 590 * 1000 && lifetimeMs <= 600 * 1000,
                 qPrintable(QString::number(lifetimeMs)));
        const QString name = ticket.key().section(u'/', -1);
        QVERIFY2(name != QLatin1String("shape.png") && name.endsWith(QLatin1String(".png")),
                 qPrintable(name));
        break;
    }
    }
}

void TestSandboxVersions::errorShapesPerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("request"); // SESSION: the default session
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    const QByteArray unknownSession = R"({"sessionId":"nobody","blockId":"b","fileName":"a"})";
    QTest::newRow("legacy: an unknown session, tRPC's shape")
            << int(ServerVersion::Legacy) << Kit::V2Path << unknownSession << QString() << 400
            << QByteArray(R"({"message":"Can't find session","code":"BAD_REQUEST"})");
    for (ServerVersion version :
         { ServerVersion::V3_15, ServerVersion::V3_16, ServerVersion::V3_17 })
        QTest::newRow(rowName(version, "an unknown session, oRPC's shape, not defined"))
                << int(version) << Kit::V3Path << unknownSession << QString() << 400
                << QByteArray(R"({"defined":false,"code":"BAD_REQUEST","status":400,)"
                              R"("message":"Can't find session"})");
    QTest::newRow("3.18: an unknown session, oRPC's shape, defined")
            << int(ServerVersion::V3_18) << Kit::V3Path << unknownSession << QString() << 400
            << QByteArray(R"({"defined":true,"code":"BAD_REQUEST","status":400,)"
                          R"("message":"Can't find session"})");
    QTest::newRow("3.18: the same on a v3 body without blockId")
            << int(ServerVersion::V3_18) << Kit::V3Path
            << QByteArray(R"({"sessionId":"SESSION","fileName":"a"})") << QString() << 400
            << QByteArray(R"({"defined":true,"code":"BAD_REQUEST","status":400,)"
                          R"("message":"Input validation failed","data":{"issues":[)"
                          R"({"code":"invalid_type","path":["blockId"],)"
                          R"("message":"Invalid input: expected string, received undefined"}]}})");
    QTest::newRow("3.15: zod issues in data.issues")
            << int(ServerVersion::V3_15) << Kit::V3Path
            << QByteArray(R"({"sessionId":"SESSION","fileName":7})") << QString() << 400
            << QByteArray(R"({"defined":false,"code":"BAD_REQUEST","status":400,)"
                          R"("message":"Input validation failed","data":{"issues":[)"
                          R"({"code":"invalid_type","path":["blockId"],)"
                          R"("message":"Invalid input: expected string, received undefined"},)"
                          R"({"code":"invalid_type","path":["fileName"],)"
                          R"("message":"Invalid input: expected string, received number"}]}})");
    QTest::newRow("legacy: issues at the top level")
            << int(ServerVersion::Legacy) << Kit::V2Path << QByteArray(R"({"sessionId":"SESSION"})")
            << QString() << 400
            << QByteArray(R"({"message":"Input validation failed","code":"BAD_REQUEST",)"
                          R"("issues":[{"message":"fileName: Required"}]})");
    QTest::newRow("3.17: a body that is not JSON")
            << int(ServerVersion::V3_17) << Kit::V3Path << QByteArray("sessionId=1") << QString()
            << 400
            << QByteArray(R"({"defined":false,"code":"BAD_REQUEST","status":400,"message":)"
                          R"("Malformed request. Ensure the request body is properly formatted )"
                          R"(and the 'Content-Type' header is set correctly."})");
    const QByteArray valid = R"({"sessionId":"SESSION","blockId":"b","fileName":"a"})";
    QTest::newRow("legacy: an injected 503")
            << int(ServerVersion::Legacy) << Kit::V2Path << valid << "api:status=503" << 503
            << QByteArray(
                       R"({"message":"Injected fault: status 503","code":"SERVICE_UNAVAILABLE"})");
    QTest::newRow("3.16: an injected 502")
            << int(ServerVersion::V3_16) << Kit::V3Path << valid << "api:status=502" << 502
            << QByteArray(R"({"defined":false,"code":"BAD_GATEWAY","status":502,)"
                          R"("message":"Injected fault: status 502"})");
    QTest::newRow("3.18: an injected 500")
            << int(ServerVersion::V3_18) << Kit::V3Path << valid << "api:status=500" << 500
            << QByteArray(R"({"defined":true,"code":"INTERNAL_SERVER_ERROR","status":500,)"
                          R"("message":"Injected fault: status 500"})");
}

void TestSandboxVersions::errorShapesPerVersion()
{
    QFETCH(int, version);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, request);
    QFETCH(QString, fault);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    auto server = startServer(ServerVersion(version));
    if (!fault.isEmpty())
        armFault(*server, fault);
    request.replace("SESSION", server->defaultSessionId().toUtf8());
    const Kit::Ticket ticket = Kit::fetchTicket(server->port(), request, {}, path);
    QCOMPARE(ticket.status, status);
    QCOMPARE(ticket.body, body);
}

void TestSandboxVersions::blockIdOnV3_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("demoSession");
    QTest::addColumn<bool>("blockInPath"); // the request's blockId and fileName are used
    for (ServerVersion version : { ServerVersion::V3_15, ServerVersion::V3_16 }) {
        QTest::newRow(rowName(version, "a placeholder blockId goes into the path unchecked"))
                << int(version) << false << true;
        QTest::newRow(rowName(version, "the same for a demo bot session"))
                << int(version) << true << true;
    }
    for (ServerVersion version : { ServerVersion::V3_17, ServerVersion::V3_18 }) {
        QTest::newRow(rowName(version, "a placeholder blockId is ignored for the current block"))
                << int(version) << false << false;
        QTest::newRow(rowName(version, "the demo bot's current block is used"))
                << int(version) << true << false;
    }
}

void TestSandboxVersions::blockIdOnV3()
{
    QFETCH(int, version);
    QFETCH(bool, demoSession);
    QFETCH(bool, blockInPath);
    auto server = startServer(ServerVersion(version));
    const QString session = demoSession ? demoSessionAtFileBlock(*server) : QString();
    const Kit::Ticket ticket =
            Kit::fetchTicketV3(*server, QStringLiteral("hello.png"), QStringLiteral("image/png"),
                               session, QStringLiteral("placeholder-block"));
    QVERIFY2(ticket.status == 200, ticket.body.constData());
    const QString key = ticket.key();
    QVERIFY2(key.startsWith(QStringLiteral("public/workspaces/sandbox-workspace/typebots/")),
             qPrintable(key));
    const QString currentBlock =
            demoSession ? Sandbox::DemoBot::FileInputId : server->fileBlockId();
    if (blockInPath) {
        QVERIFY2(key.endsWith(QStringLiteral("/blocks/placeholder-block/hello.png")),
                 qPrintable(key));
    } else {
        QVERIFY2(key.contains(QStringLiteral("/blocks/") + currentBlock + u'/'), qPrintable(key));
        QVERIFY(!key.contains(QStringLiteral("placeholder")));
        QVERIFY(!key.endsWith(QStringLiteral("/hello.png")));
        QVERIFY(key.endsWith(QStringLiteral(".png")));
    }
}

void TestSandboxVersions::typesAreCheckedOnV3_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("fileType"); // null: not sent
    QTest::addColumn<QString>("refusal"); // empty: 200

    const QStringList pngJpg{ QStringLiteral("png"), QStringLiteral("jpg") };
    const QStringList png{ QStringLiteral(".png") };
    const QStringList images{ QStringLiteral("image/*") };
    const QStringList textOnly{ QStringLiteral("text/plain") };
    auto row = [](ServerVersion version, const char *what, const QByteArray &path,
                  const QStringList &types, const QString &fileType, const QString &refusal) {
        QTest::newRow(rowName(version, what))
                << int(version) << path << types << fileType << refusal;
    };
    const QByteArray v3 = Kit::V3Path;
    row(ServerVersion::V3_15, "an allowed type", v3, pngJpg, QStringLiteral("image/png"), {});
    row(ServerVersion::V3_15, "image/jpeg stands for jpg", v3, pngJpg, QStringLiteral("image/jpeg"),
        {});
    row(ServerVersion::V3_15, "a type not allowed", v3, pngJpg, QStringLiteral("text/plain"),
        QStringLiteral("File type text/plain not allowed"));
    row(ServerVersion::V3_15, "no type reads undefined", v3, pngJpg, QString(),
        QStringLiteral("File type undefined not allowed"));
    row(ServerVersion::V3_15, "the v2 route checks no type", Kit::V2Path, pngJpg,
        QStringLiteral("text/plain"), {});
    row(ServerVersion::V3_16, "the type is compared as sent", v3, png, QStringLiteral("image/PNG"),
        QStringLiteral("File type image/PNG not allowed"));
    row(ServerVersion::V3_17, "the type is normalised first", v3, png,
        QStringLiteral("Image/PNG; charset=binary"), {});
    row(ServerVersion::V3_17, "no type reads application/octet-stream", v3, png, QString(),
        QStringLiteral("File type application/octet-stream not allowed"));
    row(ServerVersion::V3_17, "types outside the table restrict nothing", v3, textOnly,
        QStringLiteral("text/plain"), {});
    row(ServerVersion::V3_18, "image/* allows webp", v3, images, QStringLiteral("image/webp"), {});
    row(ServerVersion::V3_18, "image/* refuses a pdf", v3, images,
        QStringLiteral("application/pdf"), QStringLiteral("File type application/pdf not allowed"));
    row(ServerVersion::V3_18, "tif stands for tiff", v3, { QStringLiteral("tif") },
        QStringLiteral("image/tiff"), {});
    row(ServerVersion::V3_18, "types outside the table refuse everything", v3, textOnly,
        QStringLiteral("text/plain"), QStringLiteral("File type text/plain not allowed"));
}

void TestSandboxVersions::typesAreCheckedOnV3()
{
    QFETCH(int, version);
    QFETCH(QByteArray, path);
    QFETCH(QStringList, types);
    QFETCH(QString, fileType);
    QFETCH(QString, refusal);
    SandboxConfig config = Kit::configFor(ServerVersion(version));
    config.demoBotFileTypes = types;
    auto server = startServer(config);
    const QString session = demoSessionAtFileBlock(*server);
    QJsonObject body{ { QStringLiteral("sessionId"), session },
                      { QStringLiteral("blockId"), Sandbox::DemoBot::FileInputId },
                      { QStringLiteral("fileName"), QStringLiteral("file.x") } };
    if (!fileType.isNull())
        body.insert(QStringLiteral("fileType"), fileType);
    const Kit::Ticket ticket = Kit::fetchTicket(
            server->port(), QJsonDocument(body).toJson(QJsonDocument::Compact), {}, path);
    if (refusal.isEmpty()) {
        QVERIFY2(ticket.status == 200, ticket.body.constData());
        return;
    }
    QCOMPARE(ticket.status, 400);
    QCOMPARE(ticket.json.value(QStringLiteral("message")).toString(), refusal);
    QCOMPARE(ticket.json.value(QStringLiteral("code")).toString(), QStringLiteral("BAD_REQUEST"));
}

void TestSandboxVersions::sizeIsCheckedAtTicketTime_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<bool>("refused");
    const qint64 limit = 1024 * 1024;
    for (ServerVersion version : ServerVersions::all()) {
        const bool checks = ServerVersions::behaviour(version).checksFileSize;
        QTest::newRow(rowName(version,
                              checks ? "one byte over the limit is refused"
                                     : "one byte over the limit is left to the policy"))
                << int(version) << limit + 1 << checks;
        QTest::newRow(rowName(version, "exactly the limit is accepted"))
                << int(version) << limit << false;
    }
}

void TestSandboxVersions::sizeIsCheckedAtTicketTime()
{
    QFETCH(int, version);
    QFETCH(qint64, fileSize);
    QFETCH(bool, refused);
    SandboxConfig config = Kit::configFor(ServerVersion(version));
    config.maxSizeBytes = 1024 * 1024;
    auto server = startServer(config);
    const Kit::Ticket ticket = this->ticket(*server, QStringLiteral("big.png"),
                                            QStringLiteral("image/png"), {}, fileSize);
    if (refused) {
        QCOMPARE(ticket.status, 400);
        QCOMPARE(ticket.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("File size exceeds the 1MB limit"));
        return;
    }
    QVERIFY2(ticket.status == 200, ticket.body.constData());
    const bool statesLimit = ServerVersions::behaviour(ServerVersion(version)).checksFileSize;
    QCOMPARE(ticket.json.contains(QStringLiteral("maxFileSize")), statesLimit);
    if (statesLimit)
        QCOMPARE(ticket.json.value(QStringLiteral("maxFileSize")).toDouble(), 1.0);
}

void TestSandboxVersions::fullUploadPerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("uploadStatus");
    for (ServerVersion version : ServerVersions::all()) {
        const auto behaviour = ServerVersions::behaviour(version);
        const int status =
                behaviour.uploadStyle == Sandbox::ServerBehaviour::UploadStyle::PresignedPut ? 200
                                                                                             : 204;
        if (behaviour.v2Route)
            QTest::newRow(rowName(version, "v2, then GET the fileUrl"))
                    << int(version) << Kit::V2Path << status;
        if (behaviour.v3Route)
            QTest::newRow(rowName(version, "v3, then GET the fileUrl"))
                    << int(version) << Kit::V3Path << status;
    }
}

void TestSandboxVersions::fullUploadPerVersion()
{
    QFETCH(int, version);
    QFETCH(QByteArray, path);
    QFETCH(int, uploadStatus);
    SandboxConfig config = Kit::configFor(ServerVersion(version));
    config.maxSizeBytes = 1024 * 1024;
    auto server = startServer(config);
    const QByteArray body = "{\"sessionId\":\"" + server->defaultSessionId().toUtf8()
            + "\",\"blockId\":\"" + server->fileBlockId().toUtf8()
            + "\",\"fileName\":\"my photo.png\",\"fileType\":\"image/png\"}";
    const Kit::Ticket ticket = Kit::fetchTicket(server->port(), body, {}, path);
    QVERIFY2(ticket.status == 200, ticket.body.constData());

    const QByteArray data = bytePattern(300 * 1024 + 7);
    const auto response = upload(*server, ticket, data);
    QVERIFY2(response.status == uploadStatus, response.body.constData());
    QCOMPARE(server->requests().last().route, QStringLiteral("upload"));
    QCOMPARE(server->objectKeys(), QStringList{ ticket.key() });
    QCOMPARE(Kit::leftoverTemporaryFiles(*server), 0);
    QCOMPARE(server->uploadsInFlight(), 0);
    QCOMPARE(server->maxConcurrentUploads(), 1);

    const auto fetched = getObject(*server, ticket.key());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.header("content-type"), QByteArray("image/png"));
    QCOMPARE(fetched.body, data);
    // The names verbatim up to 3.16, random from 3.17.
    const bool verbatim = !ServerVersions::behaviour(ServerVersion(version)).randomObjectNames;
    QCOMPARE(ticket.key().endsWith(QStringLiteral("/my photo.png")), verbatim);
}

void TestSandboxVersions::expiredUploadUrlPerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("legacy: the POST policy expired")
            << int(ServerVersion::Legacy) << 403
            << QByteArray("Invalid according to Policy: Policy expired.");
    QTest::newRow("3.15: the POST policy expired")
            << int(ServerVersion::V3_15) << 403
            << QByteArray("Invalid according to Policy: Policy expired.");
    QTest::newRow("3.16: the presigned PUT expired")
            << int(ServerVersion::V3_16) << 403 << QByteArray("Request has expired");
    QTest::newRow("3.17: the proxy token expired")
            << int(ServerVersion::V3_17) << 403 << QByteArray("Upload URL has expired");
    QTest::newRow("3.18: the proxy token expired")
            << int(ServerVersion::V3_18) << 403 << QByteArray("Upload URL has expired");
}

void TestSandboxVersions::expiredUploadUrlPerVersion()
{
    QFETCH(int, version);
    QFETCH(int, status);
    QFETCH(QByteArray, message);
    auto server = startServer(ServerVersion(version));
    const QList<int> ids = armFault(*server, QStringLiteral("api:expired-policy"));
    const Kit::Ticket ticket =
            this->ticket(*server, QStringLiteral("late.png"), QStringLiteral("image/png"));
    QCOMPARE(ticket.status, 200);
    QCOMPARE(server->faults()->firedCount(ids.first()), 1);
    const auto response = upload(*server, ticket, "too late");
    QCOMPARE(response.status, status);
    QVERIFY2(response.body.contains(message), response.body.constData());
    QVERIFY(server->objectKeys().isEmpty());
    QCOMPARE(Kit::leftoverTemporaryFiles(*server), 0);
    // Fired once: the next upload URL works.
    QVERIFY(upload(*server,
                   this->ticket(*server, QStringLiteral("late.png"), QStringLiteral("image/png")),
                   "in time")
                    .status
            < 300);
}

void TestSandboxVersions::answerFaultsPerVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("missing"); // empty: malformed JSON
    for (ServerVersion version : ServerVersions::all()) {
        QTest::newRow(rowName(version, "malformed JSON"))
                << int(version) << QStringLiteral("api:malformed-json") << QString();
        QTest::newRow(rowName(version, "fileUrl missing"))
                << int(version) << QStringLiteral("api:missing-field=fileUrl")
                << QStringLiteral("fileUrl");
        QTest::newRow(rowName(version, "presignedUrl missing"))
                << int(version) << QStringLiteral("api:missing-field=presignedUrl")
                << QStringLiteral("presignedUrl");
    }
    QTest::newRow("3.16: fileType missing")
            << int(ServerVersion::V3_16) << QStringLiteral("api:missing-field=fileType")
            << QStringLiteral("fileType");
    QTest::newRow("3.17: maxFileSize missing")
            << int(ServerVersion::V3_17) << QStringLiteral("api:missing-field=maxFileSize")
            << QStringLiteral("maxFileSize");
    QTest::newRow("3.18: formData missing")
            << int(ServerVersion::V3_18) << QStringLiteral("api:missing-field=formData")
            << QStringLiteral("formData");
}

void TestSandboxVersions::answerFaultsPerVersion()
{
    QFETCH(int, version);
    QFETCH(QString, fault);
    QFETCH(QString, missing);
    SandboxConfig config = Kit::configFor(ServerVersion(version));
    config.maxSizeBytes = 1024 * 1024;
    auto server = startServer(config);
    const QList<int> ids = armFault(*server, fault);
    const Kit::Ticket broken =
            ticket(*server, QStringLiteral("f.png"), QStringLiteral("image/png"));
    QCOMPARE(broken.status, 200);
    QCOMPARE(server->faults()->firedCount(ids.first()), 1);
    const Kit::Ticket fine = ticket(*server, QStringLiteral("f.png"), QStringLiteral("image/png"));
    QVERIFY(fine.json.contains(missing.isEmpty() ? QStringLiteral("fileUrl") : missing));
    if (missing.isEmpty()) {
        QJsonParseError error;
        QJsonDocument::fromJson(broken.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        QVERIFY(broken.body.startsWith("{\"presignedUrl\""));
        return;
    }
    QVERIFY2(!broken.json.isEmpty(), broken.body.constData());
    QVERIFY2(!broken.json.contains(missing), broken.body.constData());
    QCOMPARE(broken.json.size(), fine.json.size() - 1);
}

void TestSandboxVersions::proxyRefusesTamperedTokens_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("change");
    for (ServerVersion version : { ServerVersion::V3_17, ServerVersion::V3_18 }) {
        QTest::newRow(rowName(version, "a flipped signature character"))
                << int(version) << QStringLiteral("signature");
        QTest::newRow(rowName(version, "a payload rewritten to another key"))
                << int(version) << QStringLiteral("payload");
        QTest::newRow(rowName(version, "no signature part"))
                << int(version) << QStringLiteral("unsigned");
        QTest::newRow(rowName(version, "no token at all"))
                << int(version) << QStringLiteral("garbage");
    }
}

void TestSandboxVersions::proxyRefusesTamperedTokens()
{
    QFETCH(int, version);
    QFETCH(QString, change);
    auto server = startServer(ServerVersion(version));
    const Kit::Ticket ticket =
            Kit::fetchTicketV3(*server, QStringLiteral("t.png"), QStringLiteral("image/png"));
    QCOMPARE(ticket.status, 200);
    QString token = proxyToken(ticket.presignedUrl);
    const QString payload = token.section(u'.', 0, 0);
    if (change == QLatin1String("signature")) {
        const qsizetype at = token.size() - 2;
        token[at] = token.at(at) == u'A' ? u'B' : u'A';
    } else if (change == QLatin1String("payload")) {
        QJsonObject object = tokenPayload(token);
        object.insert(QStringLiteral("filePath"), QStringLiteral("public/elsewhere/t.png"));
        const QByteArray rewritten =
                QJsonDocument(object)
                        .toJson(QJsonDocument::Compact)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        token = QString::fromLatin1(rewritten) + u'.' + token.section(u'.', 1);
    } else if (change == QLatin1String("unsigned")) {
        token = payload;
    } else {
        token = QStringLiteral("hello");
    }
    const quint16 port = server->port();
    const auto response = Kit::exchange(
            port,
            RawHttpClient::request("PUT", "/api/uploads/" + token.toLatin1(),
                                   { { "Content-Type", "image/png" } }, "png?", port));
    QCOMPARE(response.status, 403);
    QCOMPARE(response.header("content-type"), PlainText);
    QCOMPARE(response.body, QByteArray("Invalid upload URL"));
    QVERIFY(server->objectKeys().isEmpty());
    QCOMPARE(server->requests().last().route, QStringLiteral("upload"));
    // The untouched token still works.
    QCOMPARE(upload(*server, ticket, "png!").status, 204);
}

void TestSandboxVersions::proxyClockShiftMovesTheExpiry_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("shiftSeconds");
    QTest::addColumn<int>("status");
    for (ServerVersion version : { ServerVersion::V3_17, ServerVersion::V3_18 }) {
        QTest::newRow(rowName(version, "a clock an hour behind hands out an expired URL"))
                << int(version) << -3600 << 403;
        QTest::newRow(rowName(version, "a clock five minutes behind still uploads"))
                << int(version) << -300 << 204;
    }
}

void TestSandboxVersions::proxyClockShiftMovesTheExpiry()
{
    QFETCH(int, version);
    QFETCH(int, shiftSeconds);
    QFETCH(int, status);
    auto server = startServer(ServerVersion(version));
    armFault(*server, QStringLiteral("api:clock-shift=%1").arg(shiftSeconds));
    const quint16 port = server->port();
    const auto raw = Kit::exchange(
            port,
            RawHttpClient::request("POST", Kit::V3Path, { { "Content-Type", "application/json" } },
                                   "{\"sessionId\":\"" + server->defaultSessionId().toUtf8()
                                           + "\",\"blockId\":\"b\","
                                             "\"fileName\":\"c.png\",\"fileType\":\"image/png\"}",
                                   port));
    QCOMPARE(raw.status, 200);
    // The Date header tells the same shifted time.
    const QDateTime date =
            QLocale::c().toDateTime(QString::fromLatin1(raw.header("date")),
                                    QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    QDateTime dateUtc = date;
    dateUtc.setTimeSpec(Qt::UTC);
    QVERIFY2(qAbs(QDateTime::currentDateTimeUtc().secsTo(dateUtc) - shiftSeconds) <= 5,
             raw.header("date").constData());
    Kit::Ticket ticket;
    ticket.json = QJsonDocument::fromJson(raw.body).object();
    ticket.presignedUrl = ticket.json.value(QStringLiteral("presignedUrl")).toString();
    const qint64 expiresAt = qint64(tokenPayload(proxyToken(ticket.presignedUrl))
                                            .value(QStringLiteral("expiresAt"))
                                            .toDouble());
    const qint64 expected = QDateTime::currentMSecsSinceEpoch() + (shiftSeconds + 600) * 1000LL;
    QVERIFY(qAbs(expiresAt - expected) < 5000);

    const auto response = upload(*server, ticket, "clock");
    QCOMPARE(response.status, status);
    if (status == 403)
        QCOMPARE(response.body, QByteArray("Upload URL has expired"));
}

void TestSandboxVersions::proxyRefusesOversizeBeforeTheBody_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("expectContinue");
    for (ServerVersion version : { ServerVersion::V3_17, ServerVersion::V3_18 }) {
        QTest::newRow(rowName(version, "a head announcing 2 MiB against a 1 MB limit"))
                << int(version) << false;
        QTest::newRow(rowName(version, "the same, waiting for 100 Continue"))
                << int(version) << true;
    }
}

void TestSandboxVersions::proxyRefusesOversizeBeforeTheBody()
{
    QFETCH(int, version);
    QFETCH(bool, expectContinue);
    SandboxConfig config = Kit::configFor(ServerVersion(version));
    config.maxSizeBytes = 1024 * 1024;
    auto server = startServer(config);
    const Kit::Ticket ticket =
            Kit::fetchTicketV3(*server, QStringLiteral("big.png"), QStringLiteral("image/png"));
    QCOMPARE(ticket.status, 200);
    const quint16 port = server->port();
    QList<QPair<QByteArray, QByteArray>> headers{ { "Content-Type", "image/png" },
                                                  { "Content-Length", "2097152" } };
    if (expectContinue)
        headers.append(qMakePair(QByteArray("Expect"), QByteArray("100-continue")));
    // Only the head: the answer must come without a single body byte.
    RawHttpClient client(port);
    QSignalSpy finished(&client, &RawHttpClient::finished);
    client.send(RawHttpClient::request("PUT", targetOf(ticket.presignedUrl), headers, {}, port));
    QVERIFY(finished.wait(Kit::TimeoutMs));
    QVERIFY(client.gotResponse());
    QCOMPARE(client.response().status, 413);
    QCOMPARE(client.response().header("content-type"), PlainText);
    QCOMPARE(client.response().body, QByteArray("File size limit exceeded"));
    QVERIFY(server->objectKeys().isEmpty());
    QCOMPARE(Kit::leftoverTemporaryFiles(*server), 0);
    QCOMPARE(server->uploadsInFlight(), 0);

    // At the limit exactly, it is stored.
    QCOMPARE(upload(*server, ticket, QByteArray(1024 * 1024, 'b')).status, 204);
}

void TestSandboxVersions::proxyRefusesAnEmptyBody()
{
    // A PUT with no body at all is refused; an empty file (Content-Length: 0) is stored.
    auto server = startServer(ServerVersion::V3_18);
    Kit::Ticket ticket =
            Kit::fetchTicketV3(*server, QStringLiteral("e.png"), QStringLiteral("image/png"));
    QByteArray raw =
            RawHttpClient::request("PUT", targetOf(ticket.presignedUrl),
                                   { { "Content-Type", "image/png" } }, {}, server->port());
    raw.replace("Content-Length: 0\r\n", "");
    QVERIFY(!raw.contains("Content-Length"));
    const auto response = Kit::exchange(server->port(), raw);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.header("content-type"), PlainText);
    QCOMPARE(response.body, QByteArray("Missing upload body"));
    QVERIFY(server->objectKeys().isEmpty());

    const auto empty = upload(*server, ticket, QByteArray());
    QCOMPARE(empty.status, 204);
    QCOMPARE(server->objectKeys().size(), 1);
    QCOMPARE(server->objectData(server->objectKeys().first()), QByteArray());
}

void TestSandboxVersions::proxyStatusFaultsArePlainText_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    for (ServerVersion version : { ServerVersion::V3_17, ServerVersion::V3_18 }) {
        QTest::newRow(rowName(version, "500 in the proxy's words"))
                << int(version) << QStringLiteral("upload:status=500") << 500
                << QByteArray("Could not upload file") << QByteArray();
        QTest::newRow(rowName(version, "503 with Retry-After, as a platform in front says it"))
                << int(version) << QStringLiteral("upload:status=503,retry-after=2") << 503
                << QByteArray("Service Unavailable") << QByteArray("2");
    }
}

void TestSandboxVersions::proxyStatusFaultsArePlainText()
{
    QFETCH(int, version);
    QFETCH(QString, fault);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    auto server = startServer(ServerVersion(version));
    const QList<int> ids = armFault(*server, fault);
    const Kit::Ticket ticket =
            Kit::fetchTicketV3(*server, QStringLiteral("s.png"), QStringLiteral("image/png"));
    QCOMPARE(ticket.status, 200); // an upload fault leaves the API alone
    const auto response = upload(*server, ticket, "faulted");
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("content-type"), PlainText);
    QCOMPARE(response.body, body);
    QCOMPARE(response.header("retry-after"), retryAfter);
    QVERIFY(!response.body.contains("<Error>"));
    QCOMPARE(server->faults()->firedCount(ids.first()), 1);
    QVERIFY(server->objectKeys().isEmpty());
    QCOMPARE(upload(*server, ticket, "again").status, 204);
}

void TestSandboxVersions::proxyTransportFaultsApply()
{
    auto server = startServer(ServerVersion::V3_18);
    const QList<int> reset = armFault(*server, QStringLiteral("upload:reset-after=1000"));
    Kit::Ticket ticket =
            Kit::fetchTicketV3(*server, QStringLiteral("r.png"), QStringLiteral("image/png"));
    bool closedWithoutResponse = false;
    const quint16 port = server->port();
    Kit::exchange(port,
                  RawHttpClient::request("PUT", targetOf(ticket.presignedUrl),
                                         { { "Content-Type", "image/png" } },
                                         QByteArray(100 * 1024, 'r'), port),
                  false, &closedWithoutResponse);
    QVERIFY(closedWithoutResponse);
    QTRY_VERIFY(server->requests().last().aborted);
    QCOMPARE(server->requests().last().route, QStringLiteral("upload"));
    QVERIFY(server->requests().last().bodyBytes <= 1000);
    QCOMPARE(server->faults()->firedCount(reset.first()), 1);
    QVERIFY(server->objectKeys().isEmpty());
    QCOMPARE(Kit::leftoverTemporaryFiles(*server), 0);
    QTRY_COMPARE(server->uploadsInFlight(), 0);

    const QList<int> delay = armFault(*server, QStringLiteral("upload:delay=300"));
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(upload(*server, ticket, "delayed").status, 204);
    QVERIFY(clock.elapsed() >= 290);
    QCOMPARE(server->faults()->firedCount(delay.first()), 1);
}

void TestSandboxVersions::proxyNamesNeverCollide()
{
    auto server = startServer(ServerVersion::V3_17);
    const Kit::Ticket first = Kit::fetchTicketV3(*server, QStringLiteral("same name.png"),
                                                 QStringLiteral("image/png"));
    const Kit::Ticket second = Kit::fetchTicketV3(*server, QStringLiteral("same name.png"),
                                                  QStringLiteral("image/png"));
    QVERIFY(first.key() != second.key());
    QCOMPARE(upload(*server, first, "first file").status, 204);
    QCOMPARE(upload(*server, second, "second file").status, 204);
    QCOMPARE(server->objectKeys().size(), 2);
    QCOMPARE(getObject(*server, first.key()).body, QByteArray("first file"));
    QCOMPARE(getObject(*server, second.key()).body, QByteArray("second file"));
}

void TestSandboxVersions::proxyAnswersPreflightAndOtherMethods()
{
    auto server = startServer(ServerVersion::V3_18);
    const Kit::Ticket ticket =
            Kit::fetchTicketV3(*server, QStringLiteral("o.png"), QStringLiteral("image/png"));
    const quint16 port = server->port();
    const QByteArray target = targetOf(ticket.presignedUrl);
    const auto preflight = Kit::exchange(
            port,
            RawHttpClient::request("OPTIONS", target,
                                   { { "Access-Control-Request-Method", "PUT" },
                                     { "Access-Control-Request-Headers", "content-type" } },
                                   {}, port));
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.header("access-control-allow-origin"), QByteArray("*"));
    QCOMPARE(preflight.header("access-control-allow-methods"), QByteArray("PUT, OPTIONS"));
    QCOMPARE(preflight.header("access-control-allow-headers"), QByteArray("content-type"));
    const auto get = Kit::exchange(port, RawHttpClient::request("GET", target, {}, {}, port));
    QCOMPARE(get.status, 405);
    QCOMPARE(get.body, QByteArray("Method not allowed"));
    QVERIFY(server->objectKeys().isEmpty());
    // The token never reaches the request log.
    const QString token = proxyToken(ticket.presignedUrl);
    for (const auto &record : server->requests())
        QVERIFY(!QJsonDocument(record.toJson()).toJson().contains(token.toLatin1()));
}

void TestSandboxVersions::demoBotTakesTheLinksOfEveryVersion_data()
{
    QTest::addColumn<int>("version");
    for (ServerVersion version : ServerVersions::all())
        QTest::newRow(rowName(version, "a JPEG for a png,jpg block")) << int(version);
}

void TestSandboxVersions::demoBotTakesTheLinksOfEveryVersion()
{
    // The whole flow: chat to the file block, ticket, upload, submit the link. From 3.17
    // the object is named <id>.jpeg, which the block's "jpg" must still accept.
    QFETCH(int, version);
    SandboxConfig config = Kit::configFor(ServerVersion(version));
    config.demoBotFileTypes = { QStringLiteral("png"), QStringLiteral("jpg") };
    auto server = startServer(config);
    const QString session = demoSessionAtFileBlock(*server);
    const Kit::Ticket ticket = this->ticket(*server, QStringLiteral("holiday.jpg"),
                                            QStringLiteral("image/jpeg"), session);
    QVERIFY2(ticket.status == 200, ticket.body.constData());
    QVERIFY2(upload(*server, ticket, "jpeg bytes", "image/jpeg").status < 300,
             ticket.body.constData());
    QCOMPARE(getObject(*server, ticket.key()).body, QByteArray("jpeg bytes"));
    const QString expectedEnd = ServerVersions::behaviour(ServerVersion(version)).randomObjectNames
            ? QStringLiteral(".jpeg")
            : QStringLiteral("/holiday.jpg");
    QVERIFY2(ticket.fileUrl.endsWith(expectedEnd), qPrintable(ticket.fileUrl));

    const quint16 port = server->port();
    const QByteArray submit = R"({"message":{"type":"text","text":")" + ticket.fileUrl.toUtf8()
            + R"(","attachedFileUrls":[")" + ticket.fileUrl.toUtf8() + R"("]}})";
    const auto reply = Kit::exchange(
            port,
            RawHttpClient::request("POST",
                                   "/api/v1/sessions/" + session.toLatin1() + "/continueChat",
                                   { { "Content-Type", "application/json" } }, submit, port));
    QCOMPARE(reply.status, 200);
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QVERIFY2(!answer.contains(QStringLiteral("input")), reply.body.constData());
    QVERIFY2(reply.body.contains(ticket.fileUrl.toUtf8()), reply.body.constData());
}

QTEST_GUILESS_MAIN(TestSandboxVersions)
#include "testsandboxversions.moc"
