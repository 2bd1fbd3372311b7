// SPDX-License-Identifier: GPL-3.0-or-later
// UploadTicket::fromJson: the fields S3 wants go out in the server's order, and every way a
// 2xx body can be unusable is named.
#include "api/uploadticket.h"

#include <QTest>

#include <limits>

using Typebot::FormField;
using Typebot::UploadTicket;

namespace {

QList<FormField> fields(std::initializer_list<std::pair<const char *, const char *>> list)
{
    QList<FormField> out;
    for (const auto &[name, value] : list)
        out.append(FormField{ QString::fromUtf8(name), QString::fromUtf8(value) });
    return out;
}

} // namespace

class TestUploadTicket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validTicket_data();
    void validTicket();
    void invalidTicket_data();
    void invalidTicket();
    void fieldLookupIgnoresCase();
    void newerServerFields_data();
    void newerServerFields();
};

void TestUploadTicket::validTicket_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QUrl>("presignedUrl");
    QTest::addColumn<QString>("fileUrl");
    QTest::addColumn<QList<FormField>>("formFields");
    QTest::addColumn<bool>("putVariant");

    const QUrl bucket(QStringLiteral("https://s3.example.com/typebot"));
    const QString fileUrl = QStringLiteral("https://s3.example.com/typebot/public/a b.png");

    QTest::newRow("real server order, not alphabetical")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot","formData":{)"
                          R"("key":"public/a b.png","bucket":"typebot",)"
                          R"("Cache-Control":"public, max-age=86400","Content-Type":"image/png",)"
                          R"("x-amz-date":"20240101T120000Z","x-amz-algorithm":"AWS4-HMAC-SHA256",)"
                          R"("x-amz-credential":"AKIA/20240101/us-east-1/s3/aws4_request",)"
                          R"("policy":"eyJ9","x-amz-signature":"abc123"},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl
            << fields({ { "key", "public/a b.png" },
                        { "bucket", "typebot" },
                        { "Cache-Control", "public, max-age=86400" },
                        { "Content-Type", "image/png" },
                        { "x-amz-date", "20240101T120000Z" },
                        { "x-amz-algorithm", "AWS4-HMAC-SHA256" },
                        { "x-amz-credential", "AKIA/20240101/us-east-1/s3/aws4_request" },
                        { "policy", "eyJ9" },
                        { "x-amz-signature", "abc123" } })
            << false;
    QTest::newRow("reverse alphabetical order is kept")
            << QByteArray(R"({"formData":{"z":"1","m":"2","a":"3"},)"
                          R"("presignedUrl":"https://s3.example.com/typebot",)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl << fields({ { "z", "1" }, { "m", "2" }, { "a", "3" } }) << false;
    QTest::newRow("pretty-printed with tabs and CRLF")
            << QByteArray(
                       "{\r\n\t\"presignedUrl\" : \"https://s3.example.com/typebot\" ,\r\n"
                       "\t\"formData\" :\r\n\t{\r\n\t\t\"x-amz-date\" : \"d\" ,\r\n"
                       "\t\t\"bucket\"\t:\t\"typebot\"\r\n\t} ,\r\n"
                       "\t\"fileUrl\" : \"https://s3.example.com/typebot/public/a b.png\"\r\n}\r\n")
            << bucket << fileUrl << fields({ { "x-amz-date", "d" }, { "bucket", "typebot" } })
            << false;
    QTest::newRow("escaped keys are decoded") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/typebot","formData":{)"
            R"("x\u002Damz-date":"d","Cache\/Control":"c","a\"b":"q","\u00e9t\u00e9":"s"},)"
            R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
                                              << bucket << fileUrl
                                              << fields({ { "x-amz-date", "d" },
                                                          { "Cache/Control", "c" },
                                                          { "a\"b", "q" },
                                                          { "\xc3\xa9t\xc3\xa9", "s" } })
                                              << false;
    QTest::newRow("string values with braces, commas and escapes")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot","formData":{)"
                          R"("key":"public/{x},y\"z].png","bucket":"b"},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl << fields({ { "key", "public/{x},y\"z].png" }, { "bucket", "b" } })
            << false;
    QTest::newRow("a nested formData elsewhere does not confuse the order")
            << QByteArray(R"({"meta":{"formData":{"a":"1","b":"2"}},"list":[{"x":1},[2,3]],)"
                          R"("presignedUrl":"https://s3.example.com/typebot",)"
                          R"("formData":{"b":"2","a":"1"},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl << fields({ { "b", "2" }, { "a", "1" } }) << false;
    QTest::newRow("integer and boolean values are sent as text")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot","formData":{)"
                          R"("success_action_status":201,"flag":true,"off":false,"neg":-3},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl
            << fields({ { "success_action_status", "201" },
                        { "flag", "true" },
                        { "off", "false" },
                        { "neg", "-3" } })
            << false;
    QTest::newRow("a decimal value keeps its shortest form")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot","formData":{)"
                          R"("ratio":1.1,"tenth":0.1,"tiny":1e-7},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl
            << fields({ { "ratio", "1.1" }, { "tenth", "0.1" }, { "tiny", "1e-07" } }) << false;
    QTest::newRow("a large whole number is written in full")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot","formData":{)"
                          R"("expires":1700000000,"big":123456789012345},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl
            << fields({ { "expires", "1700000000" }, { "big", "123456789012345" } }) << false;
    QTest::newRow("UTF-8 byte order mark before the object")
            << QByteArray("\xef\xbb\xbf"
                          R"({"presignedUrl":"https://s3.example.com/typebot","formData":{)"
                          R"("z":"1","a":"2"},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl << fields({ { "z", "1" }, { "a", "2" } }) << false;
    QTest::newRow("formData absent: PUT variant")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot/k?X-Amz-Expires=600",)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << QUrl(QStringLiteral("https://s3.example.com/typebot/k?X-Amz-Expires=600")) << fileUrl
            << QList<FormField>() << true;
    QTest::newRow("formData empty: PUT variant")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot","formData":{},)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl << QList<FormField>() << true;
    QTest::newRow("formData null: PUT variant")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/typebot","formData":null,)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl << QList<FormField>() << true;
    QTest::newRow("http presigned URL with a port (MinIO)")
            << QByteArray(R"({"presignedUrl":"http://127.0.0.1:9000/typebot","formData":{"k":"v"},)"
                          R"("fileUrl":"  http://127.0.0.1:9000/typebot/k  "})")
            << QUrl(QStringLiteral("http://127.0.0.1:9000/typebot"))
            << QStringLiteral("http://127.0.0.1:9000/typebot/k") << fields({ { "k", "v" } })
            << false;
    QTest::newRow("upper-case scheme")
            << QByteArray(R"({"presignedUrl":"HTTPS://s3.example.com/typebot",)"
                          R"("fileUrl":"https://s3.example.com/typebot/public/a b.png"})")
            << bucket << fileUrl << QList<FormField>() << true;
}

void TestUploadTicket::validTicket()
{
    QFETCH(QByteArray, json);
    QFETCH(QUrl, presignedUrl);
    QFETCH(QString, fileUrl);
    QFETCH(QList<FormField>, formFields);
    QFETCH(bool, putVariant);

    QString error;
    const std::optional<UploadTicket> ticket = UploadTicket::fromJson(json, &error);
    QVERIFY2(ticket, qPrintable(error));
    QCOMPARE(ticket->presignedUrl, presignedUrl);
    QCOMPARE(ticket->fileUrl, fileUrl);
    QCOMPARE(ticket->formFields.size(), formFields.size());
    for (qsizetype i = 0; i < formFields.size(); ++i) {
        QCOMPARE(ticket->formFields.at(i).name, formFields.at(i).name);
        QCOMPARE(ticket->formFields.at(i).value, formFields.at(i).value);
    }
    QCOMPARE(ticket->isPutVariant(), putVariant);
}

void TestUploadTicket::invalidTicket_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    const QString missingPresigned = QStringLiteral("\"presignedUrl\" is missing");
    const QString notHttp = QStringLiteral("\"presignedUrl\" is not an absolute http(s) URL");
    const QString missingFileUrl = QStringLiteral("\"fileUrl\" is missing");

    QTest::newRow("empty body") << QByteArray() << QString();
    QTest::newRow("truncated JSON")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/b")") << QString();
    QTest::newRow("JSON array") << QByteArray(R"([{"presignedUrl":"https://s3.example.com/b"}])")
                                << QStringLiteral("the answer is not a JSON object");
    QTest::newRow("presignedUrl missing")
            << QByteArray(R"({"fileUrl":"https://s3.example.com/b/k"})") << missingPresigned;
    QTest::newRow("presignedUrl empty")
            << QByteArray(R"({"presignedUrl":"","fileUrl":"https://s3.example.com/b/k"})")
            << missingPresigned;
    QTest::newRow("presignedUrl is a number")
            << QByteArray(R"({"presignedUrl":42,"fileUrl":"https://s3.example.com/b/k"})")
            << missingPresigned;
    QTest::newRow("presignedUrl relative")
            << QByteArray(R"({"presignedUrl":"/typebot","fileUrl":"https://s3.example.com/b/k"})")
            << notHttp;
    QTest::newRow("presignedUrl without a scheme")
            << QByteArray(R"({"presignedUrl":"s3.example.com/typebot","fileUrl":"x"})") << notHttp;
    QTest::newRow("presignedUrl ftp")
            << QByteArray(R"({"presignedUrl":"ftp://s3.example.com/typebot","fileUrl":"x"})")
            << notHttp;
    QTest::newRow("presignedUrl file scheme")
            << QByteArray(R"({"presignedUrl":"file:///etc/passwd","fileUrl":"x"})") << notHttp;
    QTest::newRow("presignedUrl http without a host")
            << QByteArray(R"({"presignedUrl":"https:///typebot","fileUrl":"x"})") << notHttp;
    QTest::newRow("fileUrl missing")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/b","formData":{"k":"v"}})")
            << missingFileUrl;
    QTest::newRow("fileUrl blank")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"   "})")
            << missingFileUrl;
    QTest::newRow("fileUrl not a string")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/b","fileUrl":{"u":"x"}})")
            << missingFileUrl;
    const QString notLink = QStringLiteral("\"fileUrl\" is not an http(s) link");
    QTest::newRow("a javascript: fileUrl is not a stored file") << QByteArray(
            R"x({"presignedUrl":"https://s3.example.com/b","fileUrl":"javascript:alert(1)"})x")
                                                                << notLink;
    QTest::newRow("a data: fileUrl") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"data:text/html,hi"})")
                                     << notLink;
    QTest::newRow("a fileUrl without a host")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"x"})")
            << notLink;
    QTest::newRow("formData is a string") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"https://s3.example.com/b/x",)"
            R"("formData":"key=k"})") << QStringLiteral("\"formData\" is not an object");
    QTest::newRow("formData is an array") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"https://s3.example.com/b/x",)"
            R"("formData":[{"key":"k"}]})")
                                          << QStringLiteral("\"formData\" is not an object");
    QTest::newRow("a form field is an object") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"https://s3.example.com/b/x",)"
            R"("formData":{"key":"k","policy":{"expiration":"x"}}})")
                                               << QStringLiteral(
                                                          "form field \"policy\" is not text");
    QTest::newRow("a form field is an array") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"https://s3.example.com/b/x",)"
            R"("formData":{"tags":["a","b"]}})")
                                              << QStringLiteral("form field \"tags\" is not text");
    QTest::newRow("a form field is null") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/b","fileUrl":"https://s3.example.com/b/x",)"
            R"("formData":{"key":null}})") << QStringLiteral("form field \"key\" is not text");
}

void TestUploadTicket::invalidTicket()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);

    QString actual;
    const std::optional<UploadTicket> ticket = UploadTicket::fromJson(json, &actual);
    QVERIFY(!ticket);
    if (error.isEmpty()) // a parser message: its wording belongs to Qt
        QVERIFY2(actual.startsWith(u"the answer is not valid JSON ("), qPrintable(actual));
    else
        QCOMPARE(actual, error);
}

void TestUploadTicket::fieldLookupIgnoresCase()
{
    UploadTicket ticket;
    ticket.formFields = fields({ { "Policy", "eyJ9" }, { "X-Amz-Signature", "abc" } });
    QCOMPARE(ticket.field(QStringLiteral("policy")), QStringLiteral("eyJ9"));
    QCOMPARE(ticket.field(QStringLiteral("x-amz-signature")), QStringLiteral("abc"));
    QCOMPARE(ticket.field(QStringLiteral("key")), QString());
    QVERIFY(!ticket.isPutVariant());
}

void TestUploadTicket::newerServerFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("fileType");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QString>("fileUrl");
    using Style = Typebot::ServerKnowledge::SendStyle;
    QTest::newRow("3.15: a POST policy, no limit sent")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/b","formData":{"key":"k"},)"
                          R"("fileUrl":"https://s3.example.com/b/k"})")
            << int(Style::PostPolicy) << QString() << qint64(-1)
            << QStringLiteral("https://s3.example.com/b/k");
    QTest::newRow("3.16: a presigned PUT with its type and a 10 MB limit") << QByteArray(
            R"({"presignedUrl":"https://s3.example.com/b/k.png?X-Amz-Signature=ab",)"
            R"("fileType":"image/png","maxFileSize":10,"fileUrl":"https://s3.example.com/b/k.png"})")
                                                                           << int(Style::PresignedPut)
                                                                           << QStringLiteral(
                                                                                      "image/png")
                                                                           << qint64(10485760)
                                                                           << QStringLiteral(
                                                                                      "https://"
                                                                                      "s3.example."
                                                                                      "com/b/"
                                                                                      "k.png");
    QTest::newRow("3.17: the upload proxy, a fractional limit")
            << QByteArray(R"({"presignedUrl":"https://v.example.com/api/uploads/eyJ.sig",)"
                          R"("formData":{},"fileType":"application/pdf","maxFileSize":0.5,)"
                          R"("fileUrl":"https://s3.example.com/b/c1x.pdf"})")
            << int(Style::UploadProxy) << QStringLiteral("application/pdf") << qint64(524288)
            << QStringLiteral("https://s3.example.com/b/c1x.pdf");
    QTest::newRow("a limit past any file is no limit (fuzzer find: the cast was undefined)")
            << QByteArray(
                       R"({"presignedUrl":"https://v.example.com/api/uploads/t.s","formData":{},)"
                       R"("maxFileSize":1e300,"fileUrl":"https://s3.example.com/b/c.bin"})")
            << int(Style::UploadProxy) << QString() << std::numeric_limits<qint64>::max()
            << QStringLiteral("https://s3.example.com/b/c.bin");
    QTest::newRow("a raw name with a newline in the link is percent-encoded")
            << QByteArray(R"({"presignedUrl":"https://s3.example.com/b","formData":{"key":"k"},)"
                          R"("fileUrl":"https://s3.example.com/b/a
b.txt"})") << int(Style::PostPolicy)
            << QString() << qint64(-1) << QStringLiteral("https://s3.example.com/b/a%0Ab.txt");
}

void TestUploadTicket::newerServerFields()
{
    QFETCH(QByteArray, json);
    QFETCH(int, style);
    QFETCH(QString, fileType);
    QFETCH(qint64, maxBytes);
    QFETCH(QString, fileUrl);
    QString error;
    const auto ticket = UploadTicket::fromJson(json, &error);
    QVERIFY2(ticket, qPrintable(error));
    QCOMPARE(int(ticket->sendStyle()), style);
    QCOMPARE(ticket->fileType, fileType);
    QCOMPARE(ticket->maxFileSizeBytes(), maxBytes);
    QCOMPARE(ticket->fileUrl, fileUrl);
}

QTEST_GUILESS_MAIN(TestUploadTicket)
#include "testuploadticket.moc"
