// SPDX-License-Identifier: GPL-3.0-or-later
// Redactor: tokens, signatures, credentials and policies never reach a log line, a
// timeline or a copied command.
#include "diagnostics/redactor.h"

#include <QTest>
#include <QUrl>

using Typebot::Redactor;

class TestRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void text_data();
    void text();
    void url_data();
    void url();
    void header_data();
    void header();
    void formField_data();
    void formField();
    void registeredSecrets();
};

void TestRedactor::cleanup()
{
    Redactor::clearSecrets();
}

void TestRedactor::text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("bearer token in a header line")
            << QStringLiteral("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc-_~+/=")
            << QStringLiteral("Authorization: Bearer [redacted]");
    QTest::newRow("bearer in lower case, several spaces")
            << QStringLiteral("sent bearer   tok_123 to the API")
            << QStringLiteral("sent bearer   [redacted] to the API");
    QTest::newRow("two bearer tokens") << QStringLiteral("Bearer a1 and Bearer b2")
                                       << QStringLiteral("Bearer [redacted] and Bearer [redacted]");
    QTest::newRow("presigned URL in free text")
            << QStringLiteral("PUT https://s3.example.com/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                              "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1%2Fs3"
                              "%2Faws4_request&X-Amz-Date=20240101T120000Z&X-Amz-Expires=600"
                              "&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef failed")
            << QStringLiteral("PUT https://s3.example.com/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                              "&X-Amz-Credential=[redacted]&X-Amz-Date=20240101T120000Z"
                              "&X-Amz-Expires=600&X-Amz-SignedHeaders=host"
                              "&X-Amz-Signature=[redacted] failed");
    QTest::newRow("lower-case query keys")
            << QStringLiteral("x-amz-signature=abc&x-amz-security-token=FQoG&signature=s1")
            << QStringLiteral("x-amz-signature=[redacted]&x-amz-security-token=[redacted]"
                              "&signature=[redacted]");
    QTest::newRow("signature inside quotes stops at the quote")
            << QStringLiteral("url=\"https://h/k?X-Amz-Signature=abc\" next")
            << QStringLiteral("url=\"https://h/k?X-Amz-Signature=[redacted]\" next");
    QTest::newRow("signature inside XML stops at the tag")
            << QStringLiteral("<Url>https://h/k?X-Amz-Signature=abc</Url>")
            << QStringLiteral("<Url>https://h/k?X-Amz-Signature=[redacted]</Url>");
    QTest::newRow("JSON form fields")
            << QStringLiteral(R"({"key":"public/a.png","policy":"eyJleHBpcmF0aW9uIjoi",)"
                              R"("x-amz-credential":"AKIA/2024","x-amz-signature":"abc123"})")
            << QStringLiteral(R"({"key":"public/a.png","policy":"[redacted]",)"
                              R"("x-amz-credential":"[redacted]","x-amz-signature":"[redacted]"})");
    QTest::newRow("JSON fields with spaces and other case")
            << QStringLiteral(R"({ "Policy" : "eyJ9", "X-Amz-Signature":  "abc" })")
            << QStringLiteral(R"({ "Policy" : "[redacted]", "X-Amz-Signature":  "[redacted]" })");
    QTest::newRow("JSON security token")
            << QStringLiteral(R"({"x-amz-security-token":"FQoGZXIvYXdz"})")
            << QStringLiteral(R"({"x-amz-security-token":"[redacted]"})");
    QTest::newRow("harmless text is unchanged")
            << QStringLiteral("503 SlowDown: Please reduce your request rate.")
            << QStringLiteral("503 SlowDown: Please reduce your request rate.");
    QTest::newRow("the word policy in prose is unchanged")
            << QStringLiteral("Invalid according to Policy: Policy expired.")
            << QStringLiteral("Invalid according to Policy: Policy expired.");
    QTest::newRow("empty") << QString() << QString();
}

void TestRedactor::text()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    QCOMPARE(Redactor::text(input), expected);
}

void TestRedactor::url_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expected");

    QTest::newRow("presigned PUT URL keeps its harmless parameters in order")
            << QUrl(QStringLiteral("https://s3.example.com/b/k.png?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                                   "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1"
                                   "%2Fs3%2Faws4_request&X-Amz-Date=20240101T120000Z"
                                   "&X-Amz-Expires=600&X-Amz-SignedHeaders=host"
                                   "&X-Amz-Signature=0123456789abcdef"))
            << QStringLiteral("https://s3.example.com/b/k.png?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                              "&X-Amz-Credential=[redacted]&X-Amz-Date=20240101T120000Z"
                              "&X-Amz-Expires=600&X-Amz-SignedHeaders=host"
                              "&X-Amz-Signature=[redacted]");
    QTest::newRow("security token")
            << QUrl(QStringLiteral("https://s3.example.com/b/k?X-Amz-Security-Token=FQoG%2Babc"))
            << QStringLiteral("https://s3.example.com/b/k?X-Amz-Security-Token=[redacted]");
    QTest::newRow("token, access_token, apikey")
            << QUrl(QStringLiteral("https://api.example.com/x?token=t1&access_token=t2&apikey=t3"
                                   "&api_key=t4&page=2"))
            << QStringLiteral("https://api.example.com/x?token=[redacted]&access_token=[redacted]"
                              "&apikey=[redacted]&api_key=[redacted]&page=2");
    QTest::newRow("legacy V2 signature")
            << QUrl(QStringLiteral("https://s3.example.com/b/k?AWSAccessKeyId=AKIA1&Expires=1700"
                                   "&Signature=abc%2Bdef%3D"))
            << QStringLiteral("https://s3.example.com/b/k?AWSAccessKeyId=[redacted]&Expires=1700"
                              "&Signature=[redacted]");
    QTest::newRow("password in the user info")
            << QUrl(QStringLiteral("https://minio:s3cr3tpass@s3.example.com/b"))
            << QStringLiteral("https://minio@s3.example.com/b");
    QTest::newRow("no query") << QUrl(
            QStringLiteral("https://typebot.io/api/v2/generate-upload-url"))
                              << QStringLiteral("https://typebot.io/api/v2/generate-upload-url");
}

void TestRedactor::url()
{
    QFETCH(QUrl, url);
    QFETCH(QString, expected);

    const QString redacted = Redactor::url(url);
    QCOMPARE(redacted, expected);
    QVERIFY(!redacted.contains(u"AKIAIOSFODNN7EXAMPLE"));
    QVERIFY(!redacted.contains(u"s3cr3tpass"));
}

void TestRedactor::header_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Authorization keeps the scheme word")
            << QByteArray("Authorization") << QByteArray("Bearer tok_0123456789")
            << QStringLiteral("Bearer [redacted]");
    QTest::newRow("authorization in lower case, Basic")
            << QByteArray("authorization") << QByteArray("Basic dXNlcjpwYXNz")
            << QStringLiteral("Basic [redacted]");
    QTest::newRow("AWS SigV4 Authorization")
            << QByteArray("Authorization")
            << QByteArray("AWS4-HMAC-SHA256 Credential=AKIA/20240101/us-east-1/s3/aws4_request, "
                          "SignedHeaders=host, Signature=abc")
            << QStringLiteral("AWS4-HMAC-SHA256 [redacted]");
    QTest::newRow("Authorization without a scheme")
            << QByteArray("Authorization") << QByteArray("tok_0123456789")
            << QStringLiteral("[redacted]");
    QTest::newRow("Proxy-Authorization")
            << QByteArray("Proxy-Authorization") << QByteArray("Basic dXNlcjpwYXNz")
            << QStringLiteral("Basic [redacted]");
    QTest::newRow("Cookie") << QByteArray("Cookie") << QByteArray("session=abc; other=1")
                            << QStringLiteral("[redacted]");
    QTest::newRow("Set-Cookie") << QByteArray("set-cookie") << QByteArray("session=abc; Path=/")
                                << QStringLiteral("[redacted]");
    QTest::newRow("x-amz-security-token")
            << QByteArray("X-Amz-Security-Token") << QByteArray("FQoGZXIvYXdz")
            << QStringLiteral("[redacted]");
    QTest::newRow("Content-Type is unchanged")
            << QByteArray("Content-Type") << QByteArray("image/png") << QStringLiteral("image/png");
    QTest::newRow("Location with a signed URL is scrubbed")
            << QByteArray("Location") << QByteArray("https://h/k?X-Amz-Signature=abc")
            << QStringLiteral("https://h/k?X-Amz-Signature=[redacted]");
}

void TestRedactor::header()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);

    QCOMPARE(Redactor::header(name, value), expected);
}

void TestRedactor::formField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("secret");
    QTest::addColumn<QString>("expected");

    QTest::newRow("policy") << QStringLiteral("policy") << QStringLiteral("eyJ9") << true
                            << QStringLiteral("[redacted]");
    QTest::newRow("Policy in another case") << QStringLiteral("Policy") << QStringLiteral("eyJ9")
                                            << true << QStringLiteral("[redacted]");
    QTest::newRow("x-amz-signature") << QStringLiteral("X-Amz-Signature") << QStringLiteral("ab")
                                     << true << QStringLiteral("[redacted]");
    QTest::newRow("x-amz-credential") << QStringLiteral("x-amz-credential")
                                      << QStringLiteral("AKIA/2024/us-east-1/s3/aws4_request")
                                      << true << QStringLiteral("[redacted]");
    QTest::newRow("x-amz-security-token")
            << QStringLiteral("x-amz-security-token") << QStringLiteral("FQoG") << true
            << QStringLiteral("[redacted]");
    QTest::newRow("legacy signature") << QStringLiteral("signature") << QStringLiteral("abc")
                                      << true << QStringLiteral("[redacted]");
    QTest::newRow("legacy AWSAccessKeyId")
            << QStringLiteral("AWSAccessKeyId") << QStringLiteral("AKIA1") << true
            << QStringLiteral("[redacted]");
    QTest::newRow("key is shown") << QStringLiteral("key") << QStringLiteral("public/s1/a.png")
                                  << false << QStringLiteral("public/s1/a.png");
    QTest::newRow("x-amz-date is shown")
            << QStringLiteral("x-amz-date") << QStringLiteral("20240101T120000Z") << false
            << QStringLiteral("20240101T120000Z");
    QTest::newRow("x-amz-algorithm is shown")
            << QStringLiteral("x-amz-algorithm") << QStringLiteral("AWS4-HMAC-SHA256") << false
            << QStringLiteral("AWS4-HMAC-SHA256");
    QTest::newRow("a shown field is still scrubbed")
            << QStringLiteral("success_action_redirect")
            << QStringLiteral("https://h/done?X-Amz-Signature=abc") << false
            << QStringLiteral("https://h/done?X-Amz-Signature=[redacted]");
}

void TestRedactor::formField()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, secret);
    QFETCH(QString, expected);

    QCOMPARE(Redactor::isSecretFormField(name), secret);
    QCOMPARE(Redactor::formField(name, value), expected);
}

void TestRedactor::registeredSecrets()
{
    const QString token = QStringLiteral("tbu_live_9f8e7d6c5b4a");
    const QString plain = QStringLiteral("token ") + token;
    QCOMPARE(Redactor::text(plain), plain); // not yet known

    Redactor::addSecret(token);
    QCOMPARE(Redactor::text(QString(plain + u", again " + token + u'!')),
             QStringLiteral("token [redacted], again [redacted]!"));
    // Wherever it appears: URLs, header values, form fields that are otherwise shown.
    QCOMPARE(Redactor::url(QUrl(QString(u"https://typebot.io/api/v1/x/" + token))),
             QStringLiteral("https://typebot.io/api/v1/x/[redacted]"));
    QCOMPARE(Redactor::header("X-Api-Key", token.toLatin1()), QStringLiteral("[redacted]"));
    QCOMPARE(Redactor::formField(QStringLiteral("key"), token), QStringLiteral("[redacted]"));

    // Very short strings would mask innocent text, so they are not registered.
    Redactor::addSecret(QStringLiteral("abc"));
    QCOMPARE(Redactor::text(QStringLiteral("abc")), QStringLiteral("abc"));

    Redactor::clearSecrets();
    QCOMPARE(Redactor::text(plain), plain);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "testredactor.moc"
