// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox on its own, over raw loopback sockets: the API's validation, the bucket's
// S3 rules, streaming, keep-alive and what a malformed request does to the server.

#include "rawhttpclient.h"
#include "sandboxserver.h"
#include "sandboxtestkit.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;
using Sandbox::ServerVersion;
using Kit = SandboxTestKit;

namespace {

QByteArray bytePattern(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 7 + i / 251) & 0xff);
    return data;
}

enum class Mutation {
    TamperedSignature,
    TamperedPolicy,
    ExpiredPolicy,
    ExtraField,
    FileBeforeKey,
    OverSizeLimit,
    WrongKey,
    WrongContentType,
    MissingPolicy,
    WrongAccessKey,
    InvalidPolicyDocument,
    BelowMinimumSize,
    NoFilePart,
    TruncatedBody,
    NotMultipart,
};

} // namespace

class TestSandboxServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validPostStoresExactBytes_data();
    void validPostStoresExactBytes();
    void policyViolationsAreRejected_data();
    void policyViolationsAreRejected();
    void fieldAfterFileIsIgnored();
    void successActionStatusIsHonoured_data();
    void successActionStatusIsHonoured();
    void malformedRequestGets400AndServerKeepsServing_data();
    void malformedRequestGets400AndServerKeepsServing();
    void oversizedHeadersGet431();
    void keepAliveServesSeveralRequests();
    void concurrentUploadsAllLand();
    void putVariantStoresWithContentType();
    void putVariantRejectsBadSignatures_data();
    void putVariantRejectsBadSignatures();
    void getAndHeadServeStoredObjects_data();
    void getAndHeadServeStoredObjects();
    void apiAuthorization_data();
    void apiAuthorization();
    void apiBadBodiesNameTheField_data();
    void apiBadBodiesNameTheField();
    void apiUnknownSessionAndAddedSession();
    void apiFileSizeOverLimit();
    void apiTicketHasTypebotShape();
    void requestsAreRecorded();
    void keyFromFileUrl_data();
    void keyFromFileUrl();
    void startFailsWithAMessage();
    void storageDirServesObjectsAfterARestart();

private:
    // Tests here meant the presigned POST of the v2 route: they play 3.15 unless they say
    // otherwise.
    std::unique_ptr<SandboxServer>
    startServer(SandboxConfig config = Kit::configFor(ServerVersion::V3_15));
    RawHttpClient::Response upload(SandboxServer &server, const QList<Kit::Part> &parts);
};

std::unique_ptr<SandboxServer> TestSandboxServer::startServer(SandboxConfig config)
{
    auto server = std::make_unique<SandboxServer>(config);
    QString error;
    if (!server->start(&error))
        qWarning("sandbox did not start: %s", qPrintable(error));
    return server;
}

RawHttpClient::Response TestSandboxServer::upload(SandboxServer &server,
                                                  const QList<Kit::Part> &parts)
{
    const quint16 port = server.bucketUrl().port();
    return Kit::exchange(port, Kit::postRequest(port, Kit::multipart(Kit::Boundary, parts)));
}

void TestSandboxServer::validPostStoresExactBytes_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("fileType");
    QTest::addColumn<QByteArray>("data");

    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte += char(i);
    QTest::newRow("a small text file") << "hello.txt"
                                       << "text/plain" << QByteArray("hello sandbox\n");
    QTest::newRow("every byte value") << "bytes.bin"
                                      << "application/octet-stream" << everyByte;
    QTest::newRow("an empty file") << "empty.txt"
                                   << "text/plain" << QByteArray();
    QTest::newRow("a 3 MiB file") << "big.bin"
                                  << "application/octet-stream" << bytePattern(3 * 1024 * 1024);
    QTest::newRow("a name with spaces and accents") << "photo de l'été 2024.jpg"
                                                    << "image/jpeg" << QByteArray("jpeg?");
    QTest::newRow("no fileType sent") << "notype.dat" << QString() << QByteArray("untyped");
    QTest::newRow("content that looks like a boundary")
            << "tricky.txt"
            << "text/plain" << QByteArray("\r\n--" + Kit::Boundary.left(10) + "\r\n--\r\n");
}

void TestSandboxServer::validPostStoresExactBytes()
{
    QFETCH(QString, fileName);
    QFETCH(QString, fileType);
    QFETCH(QByteArray, data);

    auto server = startServer();
    const Kit::Ticket ticket = Kit::fetchTicket(*server, fileName, fileType);
    QCOMPARE(ticket.status, 200);
    QCOMPARE(ticket.presignedUrl, server->bucketUrl().toString());
    const QString key = QStringLiteral("public/tmp/sandbox-bot/") + server->defaultSessionId()
            + u'/' + fileName;
    QCOMPARE(ticket.key(), key);

    QList<Kit::Part> parts = Kit::formParts(ticket.form);
    parts << Kit::filePart(data, fileName.toUtf8(),
                           fileType.isNull() ? QByteArray() : fileType.toUtf8());
    const auto response = upload(*server, parts);
    QVERIFY2(response.status == 204, response.body.constData());
    QVERIFY(!response.header("etag").isEmpty());

    QVERIFY(server->hasObject(key));
    QCOMPARE(server->objectData(key), data);
    QCOMPARE(server->objectContentType(key),
             fileType.isNull() ? QStringLiteral("binary/octet-stream") : fileType);
    QCOMPARE(server->objectKeys(), QStringList{ key });
    QCOMPARE(Kit::leftoverTemporaryFiles(*server), 0);
    const auto record = server->requests().last();
    QCOMPARE(record.route, QStringLiteral("upload"));
    QCOMPARE(record.fileName, fileName);
    QCOMPARE(record.formFieldNames.last(), QStringLiteral("file"));
    QCOMPARE(record.formFieldNames.size(), ticket.form.size() + 1);
}

void TestSandboxServer::policyViolationsAreRejected_data()
{
    QTest::addColumn<int>("mutation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("messagePart");

    QTest::newRow("a tampered signature")
            << int(Mutation::TamperedSignature) << 403 << QByteArray("SignatureDoesNotMatch")
            << QByteArray("does not match");
    QTest::newRow("a tampered policy")
            << int(Mutation::TamperedPolicy) << 403 << QByteArray("SignatureDoesNotMatch")
            << QByteArray("does not match");
    QTest::newRow("an expired policy")
            << int(Mutation::ExpiredPolicy) << 403 << QByteArray("AccessDenied")
            << QByteArray("Invalid according to Policy: Policy expired.");
    QTest::newRow("an extra field")
            << int(Mutation::ExtraField) << 403 << QByteArray("AccessDenied")
            << QByteArray("Invalid according to Policy: Extra input fields: x-extra");
    QTest::newRow("the file part before key")
            << int(Mutation::FileBeforeKey) << 400 << QByteArray("InvalidArgument")
            << QByteArray("must contain a field named 'key'");
    QTest::newRow("a body over the size limit")
            << int(Mutation::OverSizeLimit) << 400 << QByteArray("EntityTooLarge")
            << QByteArray("exceeds the maximum allowed size");
    QTest::newRow("a key other than the signed one")
            << int(Mutation::WrongKey) << 403 << QByteArray("AccessDenied")
            << QByteArray("Policy Condition failed: [\"eq\", \"$key\"");
    QTest::newRow("a Content-Type field other than the signed one")
            << int(Mutation::WrongContentType) << 403 << QByteArray("AccessDenied")
            << QByteArray("Policy Condition failed: [\"eq\", \"$Content-Type\", \"text/plain\"]");
    QTest::newRow("no policy at all") << int(Mutation::MissingPolicy) << 403
                                      << QByteArray("AccessDenied") << QByteArray("Access Denied");
    QTest::newRow("an unknown access key")
            << int(Mutation::WrongAccessKey) << 403 << QByteArray("InvalidAccessKeyId")
            << QByteArray("does not exist");
    QTest::newRow("a signed policy that is not JSON")
            << int(Mutation::InvalidPolicyDocument) << 400 << QByteArray("InvalidPolicyDocument")
            << QByteArray("Invalid JSON");
    QTest::newRow("a file below the minimum size")
            << int(Mutation::BelowMinimumSize) << 400 << QByteArray("EntityTooSmall")
            << QByteArray("smaller than the minimum");
    QTest::newRow("no file part") << int(Mutation::NoFilePart) << 400
                                  << QByteArray("InvalidArgument")
                                  << QByteArray("exactly one file");
    QTest::newRow("a body cut before its closing boundary")
            << int(Mutation::TruncatedBody) << 400 << QByteArray("MalformedPOSTRequest")
            << QByteArray("not well-formed");
    QTest::newRow("a body that is not multipart")
            << int(Mutation::NotMultipart) << 412 << QByteArray("PreconditionFailed")
            << QByteArray("pre-conditions");
}

void TestSandboxServer::policyViolationsAreRejected()
{
    QFETCH(int, mutation);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, messagePart);

    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.maxSizeBytes = 1024;
    auto server = startServer(config);
    const quint16 port = server->bucketUrl().port();
    if (Mutation(mutation) == Mutation::ExpiredPolicy)
        server->faults()->add(
                *Sandbox::FaultSpec::parse(QStringLiteral("api:expired-policy"), nullptr));
    const Kit::Ticket ticket =
            Kit::fetchTicket(*server, QStringLiteral("doc.txt"), QStringLiteral("text/plain"));
    QCOMPARE(ticket.status, 200);

    QList<QPair<QString, QString>> form = ticket.form;
    QByteArray fileData = "some text";
    auto setField = [&form](const QString &name, const QString &value) {
        for (auto &field : form) {
            if (field.first == name)
                field.second = value;
        }
    };
    auto fieldValue = [&form](const QString &name) {
        for (const auto &field : std::as_const(form)) {
            if (field.first == name)
                return field.second;
        }
        return QString();
    };
    QList<Kit::Part> parts;
    bool partsBuilt = false;
    QByteArray raw;
    switch (Mutation(mutation)) {
    case Mutation::TamperedSignature: {
        QString signature = fieldValue(QStringLiteral("x-amz-signature"));
        signature[0] = signature.at(0) == u'0' ? u'1' : u'0';
        setField(QStringLiteral("x-amz-signature"), signature);
        break;
    }
    case Mutation::TamperedPolicy: {
        QByteArray policy = QByteArray::fromBase64(fieldValue(QStringLiteral("policy")).toLatin1());
        policy.replace("\"content-length-range\",0,1024", "\"content-length-range\",0,999999999");
        setField(QStringLiteral("policy"), QString::fromLatin1(policy.toBase64()));
        break;
    }
    case Mutation::ExpiredPolicy:
        break;
    case Mutation::ExtraField:
        form.insert(2, { QStringLiteral("x-extra"), QStringLiteral("1") });
        break;
    case Mutation::FileBeforeKey:
        parts << Kit::filePart(fileData, "doc.txt", "text/plain") << Kit::formParts(form);
        partsBuilt = true;
        break;
    case Mutation::OverSizeLimit:
        fileData = QByteArray(2048, 'x');
        break;
    case Mutation::WrongKey:
        setField(QStringLiteral("key"), QStringLiteral("public/tmp/sandbox-bot/other/doc.txt"));
        break;
    case Mutation::WrongContentType:
        setField(QStringLiteral("Content-Type"), QStringLiteral("text/html"));
        break;
    case Mutation::MissingPolicy:
        form.removeIf([](const auto &field) { return field.first == QLatin1String("policy"); });
        break;
    case Mutation::WrongAccessKey: {
        QString credential = fieldValue(QStringLiteral("x-amz-credential"));
        credential.replace(0, credential.indexOf(u'/'), QStringLiteral("AKIAOTHERKEY"));
        setField(QStringLiteral("x-amz-credential"), credential);
        break;
    }
    case Mutation::InvalidPolicyDocument:
        form = Kit::selfSignedForm(*server, "{not json", form.mid(0, form.size() - 2));
        break;
    case Mutation::BelowMinimumSize: {
        const QString key = fieldValue(QStringLiteral("key"));
        auto fields = QList<QPair<QString, QString>>{ { QStringLiteral("key"), key } }
                + Kit::amzFields(*server);
        QByteArray conditions =
                "[\"content-length-range\",100,1000],[\"eq\",\"$key\",\"" + key.toUtf8() + "\"]";
        for (const auto &[name, value] : Kit::amzFields(*server))
            conditions += ",[\"eq\",\"$" + name.toUtf8() + "\",\"" + value.toUtf8() + "\"]";
        const QByteArray policy = "{\"expiration\":\""
                + QDateTime::currentDateTimeUtc()
                          .addSecs(600)
                          .toString(Qt::ISODateWithMs)
                          .toLatin1()
                + "\",\"conditions\":[" + conditions + "]}";
        form = Kit::selfSignedForm(*server, policy, fields);
        break;
    }
    case Mutation::NoFilePart:
        parts = Kit::formParts(form);
        partsBuilt = true;
        break;
    case Mutation::TruncatedBody:
        raw = Kit::postRequest(port,
                               Kit::multipart(Kit::Boundary,
                                              Kit::formParts(form) << Kit::filePart(fileData),
                                              false));
        break;
    case Mutation::NotMultipart:
        raw = Kit::postRequest(
                port,
                Kit::multipart(Kit::Boundary, Kit::formParts(form) << Kit::filePart(fileData)),
                Kit::Boundary, "application/x-www-form-urlencoded");
        break;
    }
    if (!partsBuilt)
        parts = Kit::formParts(form) << Kit::filePart(fileData, "doc.txt", "text/plain");
    if (raw.isEmpty())
        raw = Kit::postRequest(port, Kit::multipart(Kit::Boundary, parts));

    const auto response = Kit::exchange(port, raw);
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("content-type"), QByteArray("application/xml"));
    QVERIFY(response.body.startsWith("<?xml"));
    QCOMPARE(Kit::xmlElement(response.body, "Code"), code);
    QVERIFY2(Kit::xmlElement(response.body, "Message").contains(messagePart),
             response.body.constData());
    QVERIFY(!Kit::xmlElement(response.body, "RequestId").isEmpty());
    QVERIFY(!Kit::xmlElement(response.body, "HostId").isEmpty());
    if (Mutation(mutation) == Mutation::OverSizeLimit) {
        QCOMPARE(Kit::xmlElement(response.body, "MaxSizeAllowed"), QByteArray("1024"));
        QCOMPARE(Kit::xmlElement(response.body, "ProposedSize"), QByteArray("2048"));
    }
    QTRY_COMPARE(server->requests().last().s3ErrorCode, QString::fromLatin1(code));
    QVERIFY(server->objectKeys().isEmpty());
    QCOMPARE(Kit::leftoverTemporaryFiles(*server), 0);
}

void TestSandboxServer::fieldAfterFileIsIgnored()
{
    auto server = startServer();
    const Kit::Ticket ticket =
            Kit::fetchTicket(*server, QStringLiteral("a.txt"), QStringLiteral("text/plain"));
    QList<Kit::Part> parts = Kit::formParts(ticket.form);
    parts << Kit::filePart("first", "a.txt", "text/plain")
          << Kit::Part{ "x-late", "ignored", false, {}, {} }
          << Kit::filePart("second file is ignored too");
    const auto response = upload(*server, parts);
    QCOMPARE(response.status, 204);
    QCOMPARE(server->objectData(ticket.key()), QByteArray("first"));
    const QStringList names = server->requests().last().formFieldNames;
    QCOMPARE(names.mid(names.size() - 3),
             (QStringList{ QStringLiteral("file"), QStringLiteral("x-late"),
                           QStringLiteral("file") }));
}

void TestSandboxServer::successActionStatusIsHonoured_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<int>("status");
    QTest::newRow("201 answers a PostResponse document") << "201" << 201;
    QTest::newRow("200 answers an empty body") << "200" << 200;
    QTest::newRow("anything else answers 204") << "302" << 204;
}

void TestSandboxServer::successActionStatusIsHonoured()
{
    QFETCH(QString, requested);
    QFETCH(int, status);
    auto server = startServer();
    const quint16 port = server->bucketUrl().port();
    const QString key = QStringLiteral("public/status/file name.txt");
    QList<QPair<QString, QString>> fields = {
        { QStringLiteral("key"), key }, { QStringLiteral("success_action_status"), requested }
    };
    fields += Kit::amzFields(*server);
    QByteArray conditions = "{\"bucket\":\"typebot\"},[\"starts-with\",\"$key\",\"public/\"],"
                            "[\"eq\",\"$success_action_status\",\""
            + requested.toUtf8() + "\"]";
    for (const auto &[name, value] : Kit::amzFields(*server))
        conditions += ",[\"eq\",\"$" + name.toUtf8() + "\",\"" + value.toUtf8() + "\"]";
    const QByteArray policy = "{\"expiration\":\""
            + QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs).toLatin1()
            + "\",\"conditions\":[" + conditions + "]}";
    const auto form = Kit::selfSignedForm(*server, policy, fields);
    const auto response = Kit::exchange(
            port,
            Kit::postRequest(port,
                             Kit::multipart(Kit::Boundary,
                                            Kit::formParts(form) << Kit::filePart("status test"))));
    QVERIFY2(response.status == status, response.body.constData());
    QCOMPARE(server->objectData(key), QByteArray("status test"));
    if (status == 201) {
        QCOMPARE(Kit::xmlElement(response.body, "Bucket"), QByteArray("typebot"));
        QCOMPARE(Kit::xmlElement(response.body, "Key"), key.toUtf8());
        QCOMPARE(Kit::xmlElement(response.body, "Location"),
                 server->bucketUrl().toString().toUtf8() + "/public/status/file%20name.txt");
        QCOMPARE(Kit::xmlElement(response.body, "ETag"), response.header("etag"));
    } else {
        QVERIFY(response.body.isEmpty());
    }
}

void TestSandboxServer::malformedRequestGets400AndServerKeepsServing_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("a garbage request line") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("a header line without a colon")
            << QByteArray("GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n") << 400;
    QTest::newRow("a negative Content-Length")
            << QByteArray("POST /typebot HTTP/1.1\r\nContent-Length: -5\r\n\r\n") << 400;
    QTest::newRow("a non-numeric Content-Length")
            << QByteArray("POST /typebot HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n") << 400;
    QTest::newRow("two different Content-Lengths") << QByteArray(
            "POST /typebot HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello")
                                                   << 400;
    QTest::newRow("a target that is not a path")
            << QByteArray("GET typebot HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("binary junk") << QByteArray(
            "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15)
                                 << 400;
    QTest::newRow("an unknown HTTP version") << QByteArray("GET / HTTP/3.0\r\n\r\n") << 505;
    QTest::newRow("a chunked body")
            << QByteArray("POST /typebot HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 411;
}

void TestSandboxServer::malformedRequestGets400AndServerKeepsServing()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    auto server = startServer();
    const quint16 port = server->bucketUrl().port();

    // A healthy connection opened before the bad one must be unaffected.
    RawHttpClient bystander(port);
    QSignalSpy bystanderSpy(&bystander, &RawHttpClient::finished);
    bystander.send(RawHttpClient::request("GET", "/", {}, {}, port));
    QVERIFY(bystanderSpy.wait(Kit::TimeoutMs));
    bystander.next();

    bool closed = false;
    const auto response = Kit::exchange(port, raw, false, &closed);
    QCOMPARE(response.status, status);

    bystander.send(RawHttpClient::request("GET", "/typebot/missing", {}, {}, port));
    QVERIFY(bystanderSpy.wait(Kit::TimeoutMs));
    QCOMPARE(bystander.response().status, 404);
    const auto fresh = Kit::exchange(port, RawHttpClient::request("GET", "/", {}, {}, port));
    QCOMPARE(fresh.status, 200);
}

void TestSandboxServer::oversizedHeadersGet431()
{
    auto server = startServer();
    const quint16 port = server->bucketUrl().port();
    const QByteArray huge(20 * 1024, 'a');
    const auto response = Kit::exchange(
            port, RawHttpClient::request("GET", "/", { { "X-Huge", huge } }, {}, port));
    QCOMPARE(response.status, 431);
    // Many headers that add up past the limit count too.
    QList<QPair<QByteArray, QByteArray>> many;
    for (int i = 0; i < 400; ++i)
        many.append({ "X-Header-" + QByteArray::number(i), QByteArray(60, 'b') });
    QCOMPARE(Kit::exchange(port, RawHttpClient::request("GET", "/", many, {}, port)).status, 431);
    QCOMPARE(Kit::exchange(port, RawHttpClient::request("GET", "/", {}, {}, port)).status, 200);
}

void TestSandboxServer::keepAliveServesSeveralRequests()
{
    auto server = startServer();
    const quint16 port = server->bucketUrl().port();
    RawHttpClient client(port);
    QSignalSpy spy(&client, &RawHttpClient::finished);
    // Two requests pipelined in one write, then a third after the answers.
    client.send(RawHttpClient::request("GET", "/", {}, {}, port)
                + RawHttpClient::request("GET", "/typebot/nope", {}, {}, port));
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 2, Kit::TimeoutMs);
    QCOMPARE(client.responses().at(0).status, 200);
    QCOMPARE(client.responses().at(1).status, 404);
    QCOMPARE(client.responses().at(1).header("connection"), QByteArray("keep-alive"));
    client.send(RawHttpClient::request("GET", "/", {}, {}, port));
    QTRY_COMPARE_WITH_TIMEOUT(client.responses().size(), 3, Kit::TimeoutMs);
    QVERIFY(!client.wasClosed());
}

void TestSandboxServer::concurrentUploadsAllLand()
{
    auto server = startServer();
    const quint16 port = server->bucketUrl().port();
    constexpr int Count = 4;
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    QList<QByteArray> contents;
    QStringList keys;
    for (int i = 0; i < Count; ++i) {
        const QString name = QStringLiteral("parallel-%1.bin").arg(i);
        const Kit::Ticket ticket =
                Kit::fetchTicket(*server, name, QStringLiteral("application/octet-stream"));
        QCOMPARE(ticket.status, 200);
        contents << bytePattern(6 * 1024 * 1024 + i);
        keys << ticket.key();
        clients.push_back(std::make_unique<RawHttpClient>(port));
        clients.back()->send(Kit::postRequest(
                port,
                Kit::multipart(Kit::Boundary,
                               Kit::formParts(ticket.form) << Kit::filePart(contents.last()))));
    }
    for (const auto &client : clients)
        QTRY_VERIFY_WITH_TIMEOUT(client->isFinished(), Kit::TimeoutMs);
    for (int i = 0; i < Count; ++i) {
        QCOMPARE(clients.at(i)->response().status, 204);
        QVERIFY(server->objectData(keys.at(i)) == contents.at(i));
    }
    QVERIFY2(server->maxConcurrentUploads() >= 2,
             qPrintable(QString::number(server->maxConcurrentUploads())));
    QCOMPARE(server->uploadsInFlight(), 0);
}

void TestSandboxServer::putVariantStoresWithContentType()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_16);
    auto server = startServer(config);
    const quint16 port = server->bucketUrl().port();
    const Kit::Ticket ticket = Kit::fetchTicket(*server, QStringLiteral("put me (1).txt"),
                                                QStringLiteral("text/markdown"));
    QCOMPARE(ticket.status, 200);
    QVERIFY(ticket.form.isEmpty());
    QVERIFY2(!ticket.json.contains(QStringLiteral("formData")), ticket.body.constData());
    QCOMPARE(ticket.json.value(QStringLiteral("fileType")).toString(),
             QStringLiteral("text/markdown"));
    const QUrl url(ticket.presignedUrl);
    QCOMPARE(url.path(),
             QStringLiteral("/typebot/public/tmp/sandbox-bot/") + server->defaultSessionId()
                     + QStringLiteral("/put me (1).txt"));
    for (const char *param : { "X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Credential=",
                               "X-Amz-Date=", "X-Amz-Expires=600", "X-Amz-SignedHeaders=host",
                               "X-Amz-Signature=", "X-Amz-Content-Sha256=UNSIGNED-PAYLOAD" })
        QVERIFY2(ticket.presignedUrl.contains(QLatin1String(param)), param);
    QCOMPARE(ticket.fileUrl,
             server->bucketUrl().toString() + QStringLiteral("/public/tmp/sandbox-bot/")
                     + server->defaultSessionId() + QStringLiteral("/put me (1).txt"));

    const QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    const auto response = Kit::exchange(
            port,
            RawHttpClient::request("PUT", target, { { "Content-Type", "text/markdown" } },
                                   "# put body\n", port));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(server->objectData(ticket.key()), QByteArray("# put body\n"));
    QCOMPARE(server->objectContentType(ticket.key()), QStringLiteral("text/markdown"));
    QCOMPARE(server->requests().last().fileContentType, QStringLiteral("text/markdown"));
    // What the control endpoint shows of that PUT hides its signature.
    const QByteArray signature =
            QUrlQuery(url).queryItemValue(QStringLiteral("X-Amz-Signature")).toLatin1();
    QVERIFY(!signature.isEmpty());
    QVERIFY(!QJsonDocument(server->requests().last().toJson()).toJson().contains(signature));
}

void TestSandboxServer::putVariantRejectsBadSignatures_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("messagePart");
    QTest::newRow("a tampered signature")
            << "signature" << 403 << QByteArray("SignatureDoesNotMatch")
            << QByteArray("does not match");
    QTest::newRow("another key than the signed one")
            << "key" << 403 << QByteArray("SignatureDoesNotMatch") << QByteArray("does not match");
    QTest::newRow("an expired URL")
            << "expired" << 403 << QByteArray("AccessDenied") << QByteArray("Request has expired");
    QTest::newRow("no signature at all")
            << "unsigned" << 403 << QByteArray("AccessDenied") << QByteArray("Access Denied");
}

void TestSandboxServer::putVariantRejectsBadSignatures()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, messagePart);
    SandboxConfig config = Kit::configFor(ServerVersion::V3_16);
    auto server = startServer(config);
    const quint16 port = server->bucketUrl().port();
    if (change == QLatin1String("expired"))
        server->faults()->add(
                *Sandbox::FaultSpec::parse(QStringLiteral("api:expired-policy"), nullptr));
    const Kit::Ticket ticket =
            Kit::fetchTicket(*server, QStringLiteral("p.txt"), QStringLiteral("text/plain"));
    QByteArray target =
            QUrl(ticket.presignedUrl).toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    if (change == QLatin1String("signature")) {
        const qsizetype at = target.indexOf("X-Amz-Signature=") + 16;
        target[at] = target.at(at) == '0' ? '1' : '0';
    } else if (change == QLatin1String("key")) {
        target.replace("p.txt", "q.txt");
    } else if (change == QLatin1String("unsigned")) {
        target = target.left(target.indexOf('?'));
    }
    const auto response = Kit::exchange(
            port,
            RawHttpClient::request("PUT", target, { { "Content-Type", "text/plain" } }, "x", port));
    QCOMPARE(response.status, status);
    QCOMPARE(Kit::xmlElement(response.body, "Code"), code);
    QVERIFY2(response.body.contains(messagePart), response.body.constData());
    QVERIFY(server->objectKeys().isEmpty());
    QCOMPARE(Kit::leftoverTemporaryFiles(*server), 0);
}

void TestSandboxServer::getAndHeadServeStoredObjects_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("pathForm");
    QTest::addColumn<int>("status");
    QTest::newRow("GET with a percent-encoded key") << QByteArray("GET") << "encoded" << 200;
    QTest::newRow("GET with the key sent raw") << QByteArray("GET") << "raw" << 200;
    QTest::newRow("HEAD answers headers only") << QByteArray("HEAD") << "encoded" << 200;
    QTest::newRow("GET of a missing key") << QByteArray("GET") << "missing" << 404;
    QTest::newRow("HEAD of a missing key") << QByteArray("HEAD") << "missing" << 404;
}

void TestSandboxServer::getAndHeadServeStoredObjects()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, pathForm);
    QFETCH(int, status);
    auto server = startServer();
    const quint16 port = server->bucketUrl().port();
    const QString fileName = QStringLiteral("résumé 100%.pdf");
    const Kit::Ticket ticket =
            Kit::fetchTicket(*server, fileName, QStringLiteral("application/pdf"));
    const QByteArray data = bytePattern(300 * 1024);
    QCOMPARE(upload(*server,
                    Kit::formParts(ticket.form) << Kit::filePart(data, "r.pdf", "application/pdf"))
                     .status,
             204);

    QByteArray target;
    if (pathForm == QLatin1String("encoded"))
        target = "/typebot/" + QUrl::toPercentEncoding(ticket.key(), "/");
    else if (pathForm == QLatin1String("raw"))
        target = "/typebot/" + ticket.key().toUtf8();
    else
        target = "/typebot/public/none.txt";
    const bool head = method == "HEAD";
    const auto response =
            Kit::exchange(port, RawHttpClient::request(method, target, {}, {}, port), head);
    QCOMPARE(response.status, status);
    if (status == 200) {
        QCOMPARE(response.header("content-type"), QByteArray("application/pdf"));
        QCOMPARE(response.header("content-length"), QByteArray::number(data.size()));
        QVERIFY(!response.header("etag").isEmpty());
        QVERIFY(!response.header("last-modified").isEmpty());
        QCOMPARE(response.body, head ? QByteArray() : data);
    } else if (!head) {
        QCOMPARE(Kit::xmlElement(response.body, "Code"), QByteArray("NoSuchKey"));
        QCOMPARE(Kit::xmlElement(response.body, "Key"), QByteArray("public/none.txt"));
    } else {
        QVERIFY(response.body.isEmpty());
    }
    QCOMPARE(server->requests().last().route, QStringLiteral("get"));
}

void TestSandboxServer::apiAuthorization_data()
{
    QTest::addColumn<QString>("serverToken");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no token configured, none sent")
            << QString() << QByteArray() << 200 << QByteArray() << QByteArray();
    QTest::newRow("token configured, none sent")
            << "s3cret-token" << QByteArray() << 401 << QByteArray("UNAUTHORIZED")
            << QByteArray("Authorization not provided");
    QTest::newRow("token configured, a wrong one sent")
            << "s3cret-token" << QByteArray("Bearer nope") << 403 << QByteArray("FORBIDDEN")
            << QByteArray("Insufficient access");
    QTest::newRow("token configured, sent without Bearer")
            << "s3cret-token" << QByteArray("s3cret-token") << 403 << QByteArray("FORBIDDEN")
            << QByteArray("Insufficient access");
    QTest::newRow("token configured, the right one sent")
            << "s3cret-token" << QByteArray("Bearer s3cret-token") << 200 << QByteArray()
            << QByteArray();
}

void TestSandboxServer::apiAuthorization()
{
    QFETCH(QString, serverToken);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, message);
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.token = serverToken;
    auto server = startServer(config);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({ "Authorization", authorization });
    const QByteArray body =
            R"({"sessionId":")" + server->defaultSessionId().toUtf8() + R"(","fileName":"a.txt"})";
    const Kit::Ticket ticket = Kit::fetchTicket(server->bucketUrl().port(), body, headers);
    QCOMPARE(ticket.status, status);
    if (status != 200) {
        const QJsonObject error = QJsonDocument::fromJson(ticket.body).object();
        QCOMPARE(error.value(QStringLiteral("code")).toString().toUtf8(), code);
        QCOMPARE(error.value(QStringLiteral("message")).toString().toUtf8(), message);
    }
    // The token never shows up in what the server recorded for the control endpoint.
    if (!serverToken.isEmpty() && !authorization.isEmpty())
        QVERIFY(!QJsonDocument(server->requests().last().toJson())
                         .toJson()
                         .contains(serverToken.toUtf8()));
}

void TestSandboxServer::apiBadBodiesNameTheField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("issuePart");
    QTest::newRow("sessionId missing")
            << QByteArray(R"({"fileName":"a.txt"})") << "sessionId: Required";
    QTest::newRow("fileName missing")
            << QByteArray(R"({"sessionId":"SESSION"})") << "fileName: Required";
    QTest::newRow("fileName is a number") << QByteArray(R"({"sessionId":"SESSION","fileName":42})")
                                          << "fileName: Expected string, received number";
    QTest::newRow("sessionId is null") << QByteArray(R"({"sessionId":null,"fileName":"a"})")
                                       << "sessionId: Expected string, received null";
    QTest::newRow("fileType is a boolean")
            << QByteArray(R"({"sessionId":"SESSION","fileName":"a","fileType":true})")
            << "fileType: Expected string, received boolean";
    QTest::newRow("fileSize is a string")
            << QByteArray(R"({"sessionId":"SESSION","fileName":"a","fileSize":"12"})")
            << "fileSize: Expected number, received string";
    QTest::newRow("the body is not JSON") << QByteArray("sessionId=1") << "invalid JSON";
    QTest::newRow("the body is an array") << QByteArray("[]") << "Expected object";
    QTest::newRow("the body is empty") << QByteArray() << "invalid JSON";
}

void TestSandboxServer::apiBadBodiesNameTheField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, issuePart);
    // The tRPC shape of servers up to 3.14: issues name the field.
    auto server = startServer(Kit::configFor(ServerVersion::Legacy));
    body.replace("SESSION", server->defaultSessionId().toUtf8());
    const Kit::Ticket ticket = Kit::fetchTicket(server->bucketUrl().port(), body);
    QCOMPARE(ticket.status, 400);
    const QJsonObject error = QJsonDocument::fromJson(ticket.body).object();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("BAD_REQUEST"));
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    const QJsonArray issues = error.value(QStringLiteral("issues")).toArray();
    QVERIFY(!issues.isEmpty());
    QVERIFY2(issues.first()
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(issuePart),
             ticket.body.constData());
}

void TestSandboxServer::apiUnknownSessionAndAddedSession()
{
    auto server = startServer();
    const quint16 port = server->bucketUrl().port();
    Kit::Ticket ticket = Kit::fetchTicket(*server, QStringLiteral("a.txt"), QString(),
                                          QStringLiteral("no-such-session"));
    QCOMPARE(ticket.status, 400);
    QCOMPARE(QJsonDocument::fromJson(ticket.body)
                     .object()
                     .value(QStringLiteral("message"))
                     .toString(),
             QStringLiteral("Can't find session"));

    server->addSession(QStringLiteral("added-in-process"));
    QCOMPARE(Kit::fetchTicket(*server, QStringLiteral("a.txt"), QString(),
                              QStringLiteral("added-in-process"))
                     .status,
             200);

    const auto added =
            Kit::exchange(port,
                          RawHttpClient::request("POST", "/__sandbox/sessions", {},
                                                 R"({"sessionId":"added-by-control"})", port));
    QCOMPARE(added.status, 200);
    QCOMPARE(Kit::fetchTicket(*server, QStringLiteral("a.txt"), QString(),
                              QStringLiteral("added-by-control"))
                     .status,
             200);
}

void TestSandboxServer::apiFileSizeOverLimit()
{
    // From 3.16 a declared fileSize over the limit is refused at ticket time.
    SandboxConfig config = Kit::configFor(ServerVersion::V3_16);
    config.maxSizeBytes = 10 * 1024 * 1024;
    config.sessionIds = { QStringLiteral("s-1"), QStringLiteral("s-2") };
    auto server = startServer(config);
    QCOMPARE(server->defaultSessionId(), QStringLiteral("s-1"));
    quint16 port = server->bucketUrl().port();
    Kit::Ticket ticket = Kit::fetchTicket(
            port, R"({"sessionId":"s-2","fileName":"big.iso","fileSize":10485761})");
    QCOMPARE(ticket.status, 400);
    QCOMPARE(ticket.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("File size exceeds the 10MB limit"));
    ticket = Kit::fetchTicket(port,
                              R"({"sessionId":"s-2","fileName":"ok.iso","fileSize":10485760})");
    QCOMPARE(ticket.status, 200);
    QCOMPARE(ticket.json.value(QStringLiteral("maxFileSize")).toDouble(), 10.0);

    // Up to 3.15 the field is ignored: the policy's content-length-range enforces the limit.
    config.serverVersion = ServerVersion::V3_15;
    server = startServer(config);
    port = server->bucketUrl().port();
    ticket = Kit::fetchTicket(port,
                              R"({"sessionId":"s-2","fileName":"big.iso","fileSize":10485761})");
    QCOMPARE(ticket.status, 200);
    QVERIFY(!ticket.json.contains(QStringLiteral("maxFileSize")));
    const QByteArray policy = QByteArray::fromBase64(ticket.form.at(6).second.toLatin1());
    QVERIFY2(policy.contains("[\"content-length-range\",0,10485760]"), policy.constData());
}

void TestSandboxServer::apiTicketHasTypebotShape()
{
    auto server = startServer();
    const Kit::Ticket ticket =
            Kit::fetchTicket(*server, QStringLiteral("shape.png"), QStringLiteral("image/png"));
    QCOMPARE(ticket.status, 200);
    QStringList names;
    for (const auto &field : ticket.form)
        names << field.first;
    QCOMPARE(names,
             (QStringList{ QStringLiteral("key"), QStringLiteral("bucket"),
                           QStringLiteral("Cache-Control"), QStringLiteral("Content-Type"),
                           QStringLiteral("x-amz-date"), QStringLiteral("x-amz-algorithm"),
                           QStringLiteral("x-amz-credential"), QStringLiteral("policy"),
                           QStringLiteral("x-amz-signature") }));
    QVERIFY(ticket.body.startsWith("{\"presignedUrl\":"));
    const QJsonObject policy =
            QJsonDocument::fromJson(QByteArray::fromBase64(ticket.form.at(7).second.toLatin1()))
                    .object();
    const QDateTime expiration = QDateTime::fromString(
            policy.value(QStringLiteral("expiration")).toString(), Qt::ISODateWithMs);
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(expiration);
    QVERIFY2(lifetime > 590 && lifetime <= 600, qPrintable(QString::number(lifetime)));
    const QJsonArray conditions = policy.value(QStringLiteral("conditions")).toArray();
    QCOMPARE(conditions.size(), 7); // no content-length-range without a limit
    QCOMPARE(conditions.at(2).toArray(),
             (QJsonArray{ QStringLiteral("eq"), QStringLiteral("$Cache-Control"),
                          QStringLiteral("public, max-age=86400") }));
    QCOMPARE(conditions.at(3).toArray(),
             (QJsonArray{ QStringLiteral("eq"), QStringLiteral("$Content-Type"),
                          QStringLiteral("image/png") }));
    QCOMPARE(ticket.form.at(5).second, QStringLiteral("AWS4-HMAC-SHA256"));
    QVERIFY(ticket.form.at(6).second.endsWith(QStringLiteral("/us-east-1/s3/aws4_request")));
    QVERIFY(ticket.fileUrl.endsWith(QStringLiteral("/shape.png")));
}

void TestSandboxServer::requestsAreRecorded()
{
    auto server = startServer();
    QSignalSpy spy(server.get(), &SandboxServer::requestFinished);
    const quint16 port = server->bucketUrl().port();
    Kit::exchange(port,
                  RawHttpClient::request("GET", "/typebot/a%20b?x=1", { { "X-Test", "Value" } }, {},
                                         port));
    QTRY_COMPARE(spy.size(), 1);
    const auto record = spy.first().first().value<Sandbox::RequestRecord>();
    QCOMPARE(record.method, QByteArray("GET"));
    QCOMPARE(record.path, QStringLiteral("/typebot/a b"));
    QCOMPARE(record.query, QStringLiteral("x=1"));
    QCOMPARE(record.route, QStringLiteral("get"));
    QCOMPARE(record.status, 404);
    QCOMPARE(record.s3ErrorCode, QStringLiteral("NoSuchKey"));
    QCOMPARE(record.headers.value("x-test"), QByteArray("Value"));
    QVERIFY(!record.aborted);

    const auto listed =
            Kit::exchange(port, RawHttpClient::request("GET", "/__sandbox/requests", {}, {}, port));
    QCOMPARE(listed.status, 200);
    const QJsonArray list = QJsonDocument::fromJson(listed.body).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("path")).toString(),
             QStringLiteral("/typebot/a b"));
    QCOMPARE(Kit::exchange(port,
                           RawHttpClient::request("DELETE", "/__sandbox/requests", {}, {}, port))
                     .status,
             200);
    QTRY_VERIFY(server->requests().size() <= 1); // only the DELETE itself
    server->clearRequests();
    QVERIFY(server->requests().isEmpty());
}

void TestSandboxServer::keyFromFileUrl_data()
{
    QTest::addColumn<QString>("fileUrl");
    QTest::addColumn<QString>("key");
    QTest::newRow("a plain key") << "http://127.0.0.1:9000/typebot/public/tmp/b/s/a.txt"
                                 << "public/tmp/b/s/a.txt";
    QTest::newRow("a key with spaces, not encoded") << "https://host/typebot/public/x y.txt"
                                                    << "public/x y.txt";
    QTest::newRow("a key with a question mark") << "http://h/typebot/what?.txt"
                                                << "what?.txt";
    QTest::newRow("no key") << "http://h/typebot"
                            << "";
}

void TestSandboxServer::keyFromFileUrl()
{
    QFETCH(QString, fileUrl);
    QFETCH(QString, key);
    QCOMPARE(SandboxServer::keyFromFileUrl(fileUrl), key);
}

void TestSandboxServer::startFailsWithAMessage()
{
    auto first = startServer();
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.port = first->bucketUrl().port();
    SandboxServer second(config);
    QString error;
    QVERIFY(!second.start(&error));
    QVERIFY2(error.contains(QStringLiteral("cannot listen")), qPrintable(error));
    QVERIFY(!second.isListening());

    SandboxConfig tls = Kit::configFor(ServerVersion::V3_15);
    tls.tlsCertFile = QStringLiteral("/nonexistent/cert.pem");
    tls.tlsKeyFile = QStringLiteral("/nonexistent/key.pem");
    SandboxServer third(tls);
    QVERIFY(!third.start(&error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/cert.pem")), qPrintable(error));
}

void TestSandboxServer::storageDirServesObjectsAfterARestart()
{
    QTemporaryDir storage;
    QVERIFY(storage.isValid());
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15);
    config.storageDir = storage.path();
    config.sessionIds = { QStringLiteral("persistent") };
    QString key;
    {
        auto server = startServer(config);
        QCOMPARE(server->storageDir(), storage.path());
        const Kit::Ticket ticket =
                Kit::fetchTicket(*server, QStringLiteral("kept.txt"), QStringLiteral("text/plain"));
        key = ticket.key();
        QCOMPARE(upload(*server,
                        Kit::formParts(ticket.form)
                                << Kit::filePart("kept", "kept.txt", "text/plain"))
                         .status,
                 204);
        QVERIFY(QFile::exists(server->objectPath(key)));
    }
    auto restarted = startServer(config);
    QVERIFY(restarted->hasObject(key));
    QCOMPARE(restarted->objectData(key), QByteArray("kept"));
    QCOMPARE(restarted->objectContentType(key), QStringLiteral("text/plain"));
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "testsandboxserver.moc"
