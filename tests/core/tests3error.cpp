// SPDX-License-Identifier: GPL-3.0-or-later
// S3Error::fromXml on real AWS and MinIO error bodies; signing material never survives.
#include "transfer/s3error.h"

#include <QTest>

using Typebot::S3Error;

class TestS3Error : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromXml_data();
    void fromXml();
    void signingMaterialIsRedacted();
    void notAnError_data();
    void notAnError();
    void toString_data();
    void toString();
};

using Extra = QMap<QString, QString>;

void TestS3Error::fromXml_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("hostId");
    QTest::addColumn<Extra>("extra");
    QTest::addColumn<bool>("policyExpired");

    QTest::newRow("AWS AccessDenied, policy expired")
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<Error><Code>AccessDenied</Code>"
                          "<Message>Invalid according to Policy: Policy expired.</Message>"
                          "<RequestId>4442587FB7D0A2F9</RequestId>"
                          "<HostId>7zrHBMxFT0ZNPZdl4hGWv7EQSKsJ9dT0y9b3BNbcV/8=</HostId></Error>")
            << QStringLiteral("AccessDenied")
            << QStringLiteral("Invalid according to Policy: Policy expired.")
            << QStringLiteral("4442587FB7D0A2F9")
            << QStringLiteral("7zrHBMxFT0ZNPZdl4hGWv7EQSKsJ9dT0y9b3BNbcV/8=") << Extra() << true;
    QTest::newRow("MinIO AccessDenied, policy expired, with extra elements")
            << QByteArray(
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n"
                       "  <Code>AccessDenied</Code>\n"
                       "  <Message>Invalid according to Policy: Policy expired</Message>\n"
                       "  <Key>public/s1/a.png</Key>\n  <BucketName>typebot</BucketName>\n"
                       "  <Resource>/typebot</Resource>\n"
                       "  <RequestId>17A2B3C4D5E6F708</RequestId>\n"
                       "  "
                       "<HostId>dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8</"
                       "HostId>\n"
                       "</Error>\n")
            << QStringLiteral("AccessDenied")
            << QStringLiteral("Invalid according to Policy: Policy expired")
            << QStringLiteral("17A2B3C4D5E6F708")
            << QStringLiteral("dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8")
            << Extra{ { QStringLiteral("Key"), QStringLiteral("public/s1/a.png") },
                      { QStringLiteral("BucketName"), QStringLiteral("typebot") },
                      { QStringLiteral("Resource"), QStringLiteral("/typebot") } }
            << true;
    QTest::newRow("AccessDenied, extra input fields")
            << QByteArray("<Error><Code>AccessDenied</Code><Message>Invalid according to "
                          "Policy: Extra input fields: x-amz-meta-foo</Message>"
                          "<RequestId>R1</RequestId><HostId>H1</HostId></Error>")
            << QStringLiteral("AccessDenied")
            << QStringLiteral("Invalid according to Policy: Extra input fields: x-amz-meta-foo")
            << QStringLiteral("R1") << QStringLiteral("H1") << Extra() << false;
    QTest::newRow("EntityTooLarge with sizes")
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<Error><Code>EntityTooLarge</Code>"
                          "<Message>Your proposed upload exceeds the maximum allowed size</Message>"
                          "<ProposedSize>13002342</ProposedSize>"
                          "<MaxSizeAllowed>10485760</MaxSizeAllowed>"
                          "<RequestId>DB9F2E1A6B3C7D84</RequestId>"
                          "<HostId>Zm9vYmFy</HostId></Error>")
            << QStringLiteral("EntityTooLarge")
            << QStringLiteral("Your proposed upload exceeds the maximum allowed size")
            << QStringLiteral("DB9F2E1A6B3C7D84") << QStringLiteral("Zm9vYmFy")
            << Extra{ { QStringLiteral("ProposedSize"), QStringLiteral("13002342") },
                      { QStringLiteral("MaxSizeAllowed"), QStringLiteral("10485760") } }
            << false;
    QTest::newRow("SlowDown") << QByteArray(
            "<Error><Code>SlowDown</Code><Message>Please reduce your request "
            "rate.</Message><RequestId>R2</RequestId><HostId>H2</HostId></Error>")
                              << QStringLiteral("SlowDown")
                              << QStringLiteral("Please reduce your request rate.")
                              << QStringLiteral("R2") << QStringLiteral("H2") << Extra() << false;
    QTest::newRow("code only") << QByteArray("<Error><Code>InternalError</Code></Error>")
                               << QStringLiteral("InternalError") << QString() << QString()
                               << QString() << Extra() << false;
    QTest::newRow("an expired presigned PUT; a signed URL in an extra element is redacted")
            << QByteArray("<Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
                          "<Url>https://s3.example.com/b/k?X-Amz-Signature=abc123</Url></Error>")
            << QStringLiteral("AccessDenied") << QStringLiteral("Request has expired") << QString()
            << QString()
            << Extra{ { QStringLiteral("Url"),
                        QStringLiteral("https://s3.example.com/b/k?X-Amz-Signature=[redacted]") } }
            << true;
}

void TestS3Error::fromXml()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, requestId);
    QFETCH(QString, hostId);
    QFETCH(Extra, extra);
    QFETCH(bool, policyExpired);

    const std::optional<S3Error> error = S3Error::fromXml(body);
    QVERIFY(error);
    QCOMPARE(error->code, code);
    QCOMPARE(error->message, message);
    QCOMPARE(error->requestId, requestId);
    QCOMPARE(error->hostId, hostId);
    QCOMPARE(error->extra.keys(), extra.keys());
    QCOMPARE(error->extra.values(), extra.values());
    QCOMPARE(error->isPolicyExpired(), policyExpired);
}

// A real SignatureDoesNotMatch from AWS for a POST: the StringToSign is the policy, and its
// hex dump says the same thing in another form.
void TestS3Error::signingMaterialIsRedacted()
{
    const QByteArray stringToSign = "eyJleHBpcmF0aW9uIjoiMjAyNC0wMS0wMVQxMjoxMDowMC4wMDBaIn0=";
    QByteArray hex;
    for (const char c : stringToSign)
        hex += QByteArray::number(uchar(c), 16) + ' ';
    const QByteArray body =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>"
            "<Code>SignatureDoesNotMatch</Code>"
            "<Message>The request signature we calculated does not match the signature you "
            "provided. Check your key and signing method.</Message>"
            "<AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId>"
            "<StringToSign>"
            + stringToSign
            + "</StringToSign>"
              "<SignatureProvided>9a3f1c0de2b6</SignatureProvided>"
              "<StringToSignBytes>"
            + hex.trimmed()
            + "</StringToSignBytes>"
              "<CanonicalRequest>POST\n/typebot\n\nhost:s3.example.com</CanonicalRequest>"
              "<CanonicalRequestBytes>50 4f 53 54 0a</CanonicalRequestBytes>"
              "<RequestId>5F8A7B6C</RequestId><HostId>H3</HostId></Error>";

    const std::optional<S3Error> error = S3Error::fromXml(body);
    QVERIFY(error);
    QCOMPARE(error->code, QStringLiteral("SignatureDoesNotMatch"));
    QCOMPARE(error->requestId, QStringLiteral("5F8A7B6C"));
    QVERIFY(!error->isPolicyExpired());
    const QStringList names{
        QStringLiteral("AWSAccessKeyId"),    QStringLiteral("StringToSign"),
        QStringLiteral("SignatureProvided"), QStringLiteral("StringToSignBytes"),
        QStringLiteral("CanonicalRequest"),  QStringLiteral("CanonicalRequestBytes")
    };
    for (const QString &name : names)
        QCOMPARE(error->extra.value(name, QStringLiteral("(missing)")),
                 QStringLiteral("[redacted]"));

    QString everything = error->toString();
    for (auto it = error->extra.cbegin(); it != error->extra.cend(); ++it)
        everything += it.key() + u'=' + it.value() + u'\n';
    QVERIFY(!everything.contains(QString::fromLatin1(stringToSign)));
    QVERIFY(!everything.contains(QString::fromLatin1(hex.left(20))));
    QVERIFY(!everything.contains(u"AKIAIOSFODNN7EXAMPLE"));
    QVERIFY(!everything.contains(u"9a3f1c0de2b6"));
}

void TestS3Error::notAnError_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty body") << QByteArray();
    QTest::newRow("plain text") << QByteArray("Bad Gateway");
    QTest::newRow("JSON") << QByteArray(R"({"Code":"AccessDenied"})");
    QTest::newRow("HTML page") << QByteArray(
            "<html><body><h1>502 Bad Gateway</h1><Error><Code>X</Code></Error>"
            "</body></html>");
    QTest::newRow("successful PostResponse")
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse>"
                          "<Location>https://s3.example.com/typebot/k</Location>"
                          "<Bucket>typebot</Bucket><Key>k</Key><ETag>\"abc\"</ETag>"
                          "</PostResponse>");
    QTest::newRow("ListBucketResult") << QByteArray("<ListBucketResult><Name>b</Name>"
                                                    "</ListBucketResult>");
    QTest::newRow("Error without a code")
            << QByteArray("<Error><Message>Something</Message></Error>");
    QTest::newRow("Error with an empty code")
            << QByteArray("<Error><Code>  </Code><Message>Something</Message></Error>");
    QTest::newRow("truncated XML") << QByteArray("<Error><Code>SlowDown</Code><Message>Please red");
}

void TestS3Error::notAnError()
{
    QFETCH(QByteArray, body);

    QVERIFY(!S3Error::fromXml(body));
}

void TestS3Error::toString_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("code and message")
            << QStringLiteral("EntityTooLarge")
            << QStringLiteral("Your proposed upload exceeds the maximum allowed size")
            << QStringLiteral("EntityTooLarge: Your proposed upload exceeds the maximum allowed "
                              "size");
    QTest::newRow("code only") << QStringLiteral("InternalError") << QString()
                               << QStringLiteral("InternalError");
}

void TestS3Error::toString()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, expected);

    S3Error error;
    error.code = code;
    error.message = message;
    QCOMPARE(error.toString(), expected);
}

QTEST_GUILESS_MAIN(TestS3Error)
#include "tests3error.moc"
