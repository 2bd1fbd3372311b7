// SPDX-License-Identifier: GPL-3.0-or-later
// EndpointSettings: the single gate for the API URL, session id and token, and the
// endpoint URLs built from them.
#include "api/endpointsettings.h"

#include <QTemporaryFile>
#include <QTest>

using Typebot::EndpointSettings;

class TestEndpointSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseApiBase_data();
    void parseApiBase();
    void validate_data();
    void validate();
    void readableCaFileIsAccepted();
    void endpoints_data();
    void endpoints();
    void isLoopbackHost_data();
    void isLoopbackHost();
};

void TestEndpointSettings::parseApiBase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("result"); // empty: refused
    QTest::addColumn<QString>("error");

    QTest::newRow("default") << QStringLiteral("https://typebot.io/api")
                             << QStringLiteral("https://typebot.io/api") << QString();
    QTest::newRow("trailing slash tolerated")
            << QStringLiteral("https://typebot.io/api/") << QStringLiteral("https://typebot.io/api")
            << QString();
    QTest::newRow("several trailing slashes")
            << QStringLiteral("https://typebot.io/api///")
            << QStringLiteral("https://typebot.io/api") << QString();
    QTest::newRow("surrounding spaces") << QStringLiteral("  https://typebot.io/api \n")
                                        << QStringLiteral("https://typebot.io/api") << QString();
    QTest::newRow("self-hosted with a port")
            << QStringLiteral("http://localhost:3001/api")
            << QStringLiteral("http://localhost:3001/api") << QString();
    QTest::newRow("host only") << QStringLiteral("https://viewer.example.com")
                               << QStringLiteral("https://viewer.example.com") << QString();
    QTest::newRow("upper-case scheme and host")
            << QStringLiteral("HTTPS://Viewer.Example.COM/api")
            << QStringLiteral("https://viewer.example.com/api") << QString();
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("The API URL is empty.");
    QTest::newRow("only spaces") << QStringLiteral("   ") << QString()
                                 << QStringLiteral("The API URL is empty.");
    QTest::newRow("no scheme") << QStringLiteral("typebot.io/api") << QString()
                               << QStringLiteral("\"typebot.io/api\" is not a full URL; write it "
                                                 "like https://typebot.io/api.");
    QTest::newRow("host and port without a scheme")
            << QStringLiteral("localhost:3000/api") << QString()
            << QStringLiteral("\"localhost:3000/api\" is not a full URL; write it like "
                              "https://typebot.io/api.");
    QTest::newRow("ftp refused") << QStringLiteral("ftp://typebot.io/api") << QString()
                                 << QStringLiteral("The API URL must start with http:// or "
                                                   "https://, not ftp://.");
    QTest::newRow("query refused") << QStringLiteral("https://typebot.io/api?x=1") << QString()
                                   << QStringLiteral("The API URL must not contain a query or "
                                                     "fragment.");
    QTest::newRow("fragment refused") << QStringLiteral("https://typebot.io/api#top") << QString()
                                      << QStringLiteral("The API URL must not contain a query or "
                                                        "fragment.");
}

void TestEndpointSettings::parseApiBase()
{
    QFETCH(QString, text);
    QFETCH(QString, result);
    QFETCH(QString, error);

    QUrl url;
    QString actualError;
    const bool ok = EndpointSettings::parseApiBase(text, &url, &actualError);
    QCOMPARE(ok, !result.isEmpty());
    if (ok) {
        QCOMPARE(url.toString(), result);
        QVERIFY(actualError.isEmpty());
    } else {
        QCOMPARE(actualError, error);
    }
}

void TestEndpointSettings::validate_data()
{
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("sessionId");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<bool>("allowInsecureHttp");
    QTest::addColumn<QString>("error");

    const QString https = QStringLiteral("https://typebot.io/api");
    const QString session = QStringLiteral("clsx0abc123def456");
    const auto insecure = [](const char *host) {
        return QStringLiteral("Plain http:// to %1 would send the session id and token "
                              "unencrypted. Use https://, or allow insecure http explicitly.")
                .arg(QLatin1String(host));
    };

    QTest::newRow("https with a session")
            << https << session << QString() << QString() << false << QString();
    QTest::newRow("trailing slash tolerated")
            << QStringLiteral("https://typebot.io/api/") << session << QString() << QString()
            << false << QString();
    QTest::newRow("a token is optional and allowed")
            << https << session << QStringLiteral("tok_123") << QString() << false << QString();
    QTest::newRow("http to localhost") << QStringLiteral("http://localhost:3000/api") << session
                                       << QString() << QString() << false << QString();
    QTest::newRow("http to a .localhost name")
            << QStringLiteral("http://viewer.localhost:3000/api") << session << QString()
            << QString() << false << QString();
    QTest::newRow("http to 127.0.0.1") << QStringLiteral("http://127.0.0.1:3000/api") << session
                                       << QString() << QString() << false << QString();
    QTest::newRow("http to ::1") << QStringLiteral("http://[::1]:3000/api") << session << QString()
                                 << QString() << false << QString();
    QTest::newRow("http to another host refused")
            << QStringLiteral("http://typebot.example.com/api") << session << QString() << QString()
            << false << insecure("typebot.example.com");
    QTest::newRow("http to a LAN address refused")
            << QStringLiteral("http://192.168.1.20:3000/api") << session << QString() << QString()
            << false << insecure("192.168.1.20");
    QTest::newRow("http to a name that only starts with localhost refused")
            << QStringLiteral("http://localhost.evil.example/api") << session << QString()
            << QString() << false << insecure("localhost.evil.example");
    QTest::newRow("http to another host when explicitly allowed")
            << QStringLiteral("http://typebot.example.com/api") << session << QString() << QString()
            << true << QString();
    QTest::newRow("ftp refused even when http is allowed")
            << QStringLiteral("ftp://typebot.example.com/api") << session << QString() << QString()
            << true
            << QStringLiteral("The API URL must start with http:// or https://, not ftp://.");
    QTest::newRow("empty API URL") << QString() << session << QString() << QString() << false
                                   << QStringLiteral("The API URL is empty.");
    QTest::newRow("empty session") << https << QString() << QString() << QString() << false
                                   << QStringLiteral("The session id is empty.");
    QTest::newRow("blank session") << https << QStringLiteral(" \t ") << QString() << QString()
                                   << false << QStringLiteral("The session id is empty.");
    QTest::newRow("session with surrounding spaces is fine")
            << https << QStringLiteral("  clsx0abc  ") << QString() << QString() << false
            << QString();
    QTest::newRow("session with an inner space")
            << https << QStringLiteral("clsx0 abc") << QString() << QString() << false
            << QStringLiteral("The session id contains spaces or control characters.");
    QTest::newRow("session with a tab")
            << https << QStringLiteral("clsx0\tabc") << QString() << QString() << false
            << QStringLiteral("The session id contains spaces or control characters.");
    QTest::newRow("session with a control character")
            << https
            << QStringLiteral("clsx0\x01"
                              "abc")
            << QString() << QString() << false
            << QStringLiteral("The session id contains spaces or control characters.");
    QTest::newRow("token with a line break")
            << https << session << QStringLiteral("tok_123\n") << QString() << false
            << QStringLiteral("The API token contains a line break.");
    QTest::newRow("token with a carriage return")
            << https << session << QStringLiteral("tok\r_123") << QString() << false
            << QStringLiteral("The API token contains a line break.");
    QTest::newRow("CA file that does not exist")
            << https << session << QString() << QStringLiteral("/nonexistent/ca.pem") << false
            << QStringLiteral("The CA file /nonexistent/ca.pem cannot be read.");
    QTest::newRow("URL problems are reported before session problems")
            << QStringLiteral("http://typebot.example.com/api") << QString() << QString()
            << QString() << false << insecure("typebot.example.com");
}

void TestEndpointSettings::validate()
{
    QFETCH(QString, apiBase);
    QFETCH(QString, sessionId);
    QFETCH(QString, token);
    QFETCH(QString, caFile);
    QFETCH(bool, allowInsecureHttp);
    QFETCH(QString, error);

    EndpointSettings settings;
    settings.apiBase = QUrl(apiBase);
    settings.sessionId = sessionId;
    settings.token = token;
    settings.caFile = caFile;
    settings.allowInsecureHttp = allowInsecureHttp;
    QCOMPARE(settings.validate(), error);
}

void TestEndpointSettings::readableCaFileIsAccepted()
{
    QTemporaryFile ca;
    QVERIFY(ca.open());
    ca.write("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    ca.close();

    EndpointSettings settings;
    settings.sessionId = QStringLiteral("clsx0abc");
    settings.caFile = ca.fileName();
    QCOMPARE(settings.validate(), QString());
}

void TestEndpointSettings::endpoints_data()
{
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("generateUploadUrl");
    QTest::addColumn<QString>("startChat");

    QTest::newRow("default API base")
            << EndpointSettings::DefaultApiBase
            << QStringLiteral("https://typebot.io/api/v2/generate-upload-url")
            << QStringLiteral("https://typebot.io/api/v1/typebots/my-bot/startChat");
    QTest::newRow("trailing slash")
            << QStringLiteral("https://viewer.example.com/api/")
            << QStringLiteral("https://viewer.example.com/api/v2/generate-upload-url")
            << QStringLiteral("https://viewer.example.com/api/v1/typebots/my-bot/startChat");
    QTest::newRow("host root")
            << QStringLiteral("https://viewer.example.com")
            << QStringLiteral("https://viewer.example.com/v2/generate-upload-url")
            << QStringLiteral("https://viewer.example.com/v1/typebots/my-bot/startChat");
    QTest::newRow("host root with a slash")
            << QStringLiteral("https://viewer.example.com/")
            << QStringLiteral("https://viewer.example.com/v2/generate-upload-url")
            << QStringLiteral("https://viewer.example.com/v1/typebots/my-bot/startChat");
    QTest::newRow("port and deeper path")
            << QStringLiteral("http://localhost:3001/typebot/api")
            << QStringLiteral("http://localhost:3001/typebot/api/v2/generate-upload-url")
            << QStringLiteral("http://localhost:3001/typebot/api/v1/typebots/my-bot/startChat");
    QTest::newRow("unusable base gives an empty URL")
            << QStringLiteral("ftp://typebot.io/api") << QString() << QString();
}

void TestEndpointSettings::endpoints()
{
    QFETCH(QString, apiBase);
    QFETCH(QString, generateUploadUrl);
    QFETCH(QString, startChat);

    EndpointSettings settings;
    settings.apiBase = QUrl(apiBase);
    QCOMPARE(settings.generateUploadUrlEndpoint().toString(), generateUploadUrl);
    QCOMPARE(settings.endpoint(QStringLiteral("v1/typebots/my-bot/startChat")).toString(),
             startChat);
    QCOMPARE(settings.generateUploadUrlEndpoint().isEmpty(), generateUploadUrl.isEmpty());
}

void TestEndpointSettings::isLoopbackHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");

    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST") << true;
    QTest::newRow("sub.localhost") << QStringLiteral("viewer.localhost") << true;
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.1.2.3") << QStringLiteral("127.1.2.3") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("localhost.example.com") << QStringLiteral("localhost.example.com") << false;
    QTest::newRow("notlocalhost") << QStringLiteral("notlocalhost") << false;
    QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEndpointSettings::isLoopbackHost()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);

    QCOMPARE(EndpointSettings::isLoopbackHost(host), loopback);
}

QTEST_GUILESS_MAIN(TestEndpointSettings)
#include "testendpointsettings.moc"
