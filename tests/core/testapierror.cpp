// SPDX-License-Identifier: GPL-3.0-or-later
// ApiError: both JSON error shapes the Typebot servers send, bodies that are not JSON, and
// the one-line text a user sees. Nothing secret may survive into any of it.
#include "api/apierror.h"
#include "diagnostics/redactor.h"

#include <QTest>

using Typebot::ApiError;
using Typebot::Redactor;

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void fromHttpResponse_data();
    void fromHttpResponse();
    void sanitizedExcerpt_data();
    void sanitizedExcerpt();
    void toString_data();
    void toString();
    void registeredSecretIsRedacted();
};

void TestApiError::cleanup()
{
    Redactor::clearSecrets();
}

void TestApiError::fromHttpResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("issues");
    QTest::addColumn<QString>("excerpt");

    QTest::newRow("spec shape with issues and paths")
            << 400
            << QByteArray(R"({"message":"Invalid input","code":"BAD_REQUEST","issues":[)"
                          R"({"message":"Required","path":["sessionId"]},)"
                          R"({"message":"Expected string","path":["fileName"]}]})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Invalid input")
            << QStringList{ QStringLiteral("sessionId: Required"),
                            QStringLiteral("fileName: Expected string") }
            << QString();
    QTest::newRow("spec shape, issue path with an array index")
            << 400
            << QByteArray(R"({"message":"Invalid input","code":"BAD_REQUEST",)"
                          R"("issues":[{"message":"Too long","path":["files",0,"name"]}]})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Invalid input")
            << QStringList{ QStringLiteral("files.0.name: Too long") } << QString();
    QTest::newRow("spec shape, issue without a path")
            << 400
            << QByteArray(R"({"message":"Can't find session","code":"BAD_REQUEST",)"
                          R"("issues":[{"message":"Session ended"}]})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Can't find session")
            << QStringList{ QStringLiteral("Session ended") } << QString();
    QTest::newRow("spec shape, issues given as plain strings")
            << 400 << QByteArray(R"({"message":"Bad","code":"BAD_REQUEST","issues":["one","two"]})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Bad")
            << QStringList{ QStringLiteral("one"), QStringLiteral("two") } << QString();
    QTest::newRow("spec shape, empty issue messages are dropped")
            << 400
            << QByteArray(R"({"message":"Bad","code":"BAD_REQUEST","issues":[{"message":""},{}]})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Bad") << QStringList() << QString();
    QTest::newRow("newer shape: defined, code, status, message, data")
            << 400
            << QByteArray(R"({"defined":true,"code":"BAD_REQUEST","status":400,)"
                          R"("message":"File size exceeds the 10MB limit","data":{"limit":10}})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("File size exceeds the 10MB limit")
            << QStringList() << QString();
    QTest::newRow("newer shape, issues inside data")
            << 400
            << QByteArray(R"({"defined":false,"code":"BAD_REQUEST","status":400,)"
                          R"("message":"Input validation failed",)"
                          R"("data":{"issues":[{"message":"Invalid","path":["fileName"]}]}})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Input validation failed")
            << QStringList{ QStringLiteral("fileName: Invalid") } << QString();
    QTest::newRow("newer shape, message only inside data")
            << 500
            << QByteArray(R"({"defined":true,"code":"INTERNAL_SERVER_ERROR","status":500,"data":)"
                          R"({"message":"S3 not properly configured. Missing one of those )"
                          R"(variables: S3_ENDPOINT"}})")
            << QStringLiteral("INTERNAL_SERVER_ERROR")
            << QStringLiteral(
                       "S3 not properly configured. Missing one of those variables: S3_ENDPOINT")
            << QStringList() << QString();
    QTest::newRow("plain error member")
            << 404 << QByteArray(R"({"error":"Not found"})") << QString()
            << QStringLiteral("Not found") << QStringList() << QString();
    QTest::newRow("malformed JSON falls back to the body text")
            << 400 << QByteArray(R"({"message": "Can't find session")") << QString() << QString()
            << QStringList() << QStringLiteral(R"({"message": "Can't find session")");
    QTest::newRow("a JSON array is not an error object")
            << 400 << QByteArray(R"(["oops"])") << QString() << QString() << QStringList()
            << QStringLiteral(R"(["oops"])");
    QTest::newRow("a JSON object without a message keeps its code and the body")
            << 404 << QByteArray(R"({"code":"NOT_FOUND"})") << QStringLiteral("NOT_FOUND")
            << QString() << QStringList() << QStringLiteral(R"({"code":"NOT_FOUND"})");
    QTest::newRow("a non-string message falls back to the body")
            << 400 << QByteArray(R"({"message":42})") << QString() << QString() << QStringList()
            << QStringLiteral(R"({"message":42})");
    QTest::newRow("nginx HTML error page becomes one line of its words")
            << 502
            << QByteArray("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                          "<center><h1>502 Bad Gateway</h1></center>\r\n"
                          "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
            << QString() << QString() << QStringList()
            << QStringLiteral("502 Bad Gateway 502 Bad Gateway nginx");
    QTest::newRow("empty body") << 503 << QByteArray() << QString() << QString() << QStringList()
                                << QString();
    QTest::newRow("bearer token in the message is redacted")
            << 401
            << QByteArray(
                       R"({"message":"Token Bearer abc123.def_456 rejected","code":"UNAUTHORIZED"})")
            << QStringLiteral("UNAUTHORIZED") << QStringLiteral("Token Bearer [redacted] rejected")
            << QStringList() << QString();
    QTest::newRow("signature in an issue is redacted")
            << 400
            << QByteArray(R"({"message":"Bad","issues":[{"message":"see )"
                          R"(https://s3.example.com/b?X-Amz-Signature=abcdef0123"}]})")
            << QString() << QStringLiteral("Bad")
            << QStringList{ QStringLiteral(
                       "see https://s3.example.com/b?X-Amz-Signature=[redacted]") }
            << QString();
    QTest::newRow("signed URL in a plain-text body is redacted")
            << 403
            << QByteArray("Forbidden: https://s3.example.com/b?X-Amz-Credential=AKIA123%2F2024"
                          "&X-Amz-Signature=deadbeef")
            << QString()
            << QStringLiteral("Forbidden: https://s3.example.com/b?X-Amz-Credential=[redacted]"
                              "&X-Amz-Signature=[redacted]")
            << QStringList() << QString();
    QTest::newRow("plain text of 3.15+ (an unmatched route) is the server's message")
            << 404 << QByteArray("Not found") << QString() << QStringLiteral("Not found")
            << QStringList() << QString();
    QTest::newRow("plain text of the upload proxy, surrounding space folded")
            << 403 << QByteArray("  Upload URL\r\nhas expired \n") << QString()
            << QStringLiteral("Upload URL has expired") << QStringList() << QString();
    QTest::newRow("oRPC shape of 3.18 with defined true")
            << 400
            << QByteArray(
                       R"({"defined":true,"code":"BAD_REQUEST","status":400,"message":"Can't find session"})")
            << QStringLiteral("BAD_REQUEST") << QStringLiteral("Can't find session")
            << QStringList() << QString();
    QTest::newRow("policy in a JSON body without a message is redacted")
            << 500 << QByteArray(R"({"formData":{"policy":"eyJleHBpcmF0aW9uIjoi","key":"k"}})")
            << QString() << QString() << QStringList()
            << QStringLiteral(R"({"formData":{"policy":"[redacted]","key":"k"}})");
}

void TestApiError::fromHttpResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QStringList, issues);
    QFETCH(QString, excerpt);

    const ApiError error = ApiError::fromHttpResponse(status, body);
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
    QCOMPARE(error.issues, issues);
    QCOMPARE(error.bodyExcerpt, excerpt);
}

void TestApiError::sanitizedExcerpt_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("expected");

    QTest::newRow("tabs and newlines fold to one space")
            << QByteArray("a\t\tb\r\n\r\nc") << 200 << QStringLiteral("a b c");
    QTest::newRow("surrounding whitespace is trimmed")
            << QByteArray("  \n hi \n") << 200 << QStringLiteral("hi");
    QTest::newRow("control characters become a space") << QByteArray("a\x01\x02\x7f"
                                                                     "b")
                                                       << 200 << QStringLiteral("a b");
    QTest::newRow("exactly maxChars is kept whole")
            << QByteArray(200, 'x') << 200 << QString(200, u'x');
    QTest::newRow("one over maxChars ends in an ellipsis")
            << QByteArray(201, 'x') << 200 << QString(199, u'x') + QChar(0x2026);
    QTest::newRow("small limit") << QByteArray("hello world") << 5
                                 << QStringLiteral("hell") + QChar(0x2026);
    QTest::newRow("a megabyte of text gives a short line")
            << QByteArray(1024 * 1024, 'y') << 200 << QString(199, u'y') + QChar(0x2026);
    QTest::newRow("non-ASCII text survives")
            << QByteArray("Caf\xc3\xa9 \xe2\x98\x95 d\xc3\xa9j\xc3\xa0") << 200
            << QStringLiteral("Café ☕ déjà");
    QTest::newRow("characters outside the BMP survive")
            << QByteArray("Upload failed \xf0\x9f\x98\x80 sorry") << 200
            << QStringLiteral("Upload failed 😀 sorry");
    QTest::newRow("the ellipsis never splits a character outside the BMP")
            << QByteArray("abcd\xf0\x9f\x98\x80xyz") << 6 << QStringLiteral("abcd…");
    QTest::newRow("bearer token is redacted")
            << QByteArray("Authorization: Bearer sk_live_0123456789") << 200
            << QStringLiteral("Authorization: Bearer [redacted]");
    QTest::newRow("empty body") << QByteArray() << 200 << QString();
}

void TestApiError::sanitizedExcerpt()
{
    QFETCH(QByteArray, body);
    QFETCH(int, maxChars);
    QFETCH(QString, expected);

    const QString excerpt = ApiError::sanitizedExcerpt(body, maxChars);
    QCOMPARE(excerpt, expected);
    QVERIFY(excerpt.size() <= maxChars);
}

void TestApiError::toString_data()
{
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("issues");
    QTest::addColumn<QString>("excerpt");
    QTest::addColumn<QString>("expected");

    const auto http = ApiError::Kind::Http;
    QTest::newRow("400 with the server's message")
            << http << 400 << QStringLiteral("Can't find session") << QStringList() << QString()
            << QStringLiteral("The Typebot API refused the request (400): Can't find session");
    QTest::newRow("400 with a message and issues")
            << http << 400 << QStringLiteral("Invalid input")
            << QStringList{ QStringLiteral("sessionId: Required"),
                            QStringLiteral("fileName: Expected string") }
            << QString()
            << QStringLiteral("The Typebot API refused the request (400): Invalid input "
                              "(sessionId: Required; fileName: Expected string)");
    QTest::newRow("400 with issues only")
            << http << 400 << QString() << QStringList{ QStringLiteral("sessionId: Required") }
            << QStringLiteral("{ignored}")
            << QStringLiteral("The Typebot API refused the request (400): sessionId: Required");
    QTest::newRow("401 asks for a token")
            << http << 401 << QStringLiteral("Unauthorized") << QStringList() << QString()
            << QStringLiteral("The Typebot API wants an API token (401): Unauthorized");
    QTest::newRow("403 says the token was refused")
            << http << 403 << QStringLiteral("Forbidden") << QStringList() << QString()
            << QStringLiteral("The Typebot API refused this token (403): Forbidden");
    QTest::newRow("404 on one call says what was not found")
            << http << 404 << QStringLiteral("Typebot not found") << QStringList() << QString()
            << QStringLiteral("The Typebot API did not find what was asked for (404): Typebot not "
                              "found");
    QTest::newRow("404 on every upload route points at the API URL")
            << ApiError::Kind::NoUploadRoute << 404 << QStringLiteral("Not found") << QStringList()
            << QString()
            << QStringLiteral("There is no Typebot upload API at this address (404: Not found). "
                              "Check the API URL: it is the bot's viewer address followed by "
                              "/api, e.g. https://bot.example.com/api.");
    QTest::newRow("500 storage not configured")
            << http << 500
            << QStringLiteral("S3 not properly configured. Missing one of those variables: X")
            << QStringList() << QString()
            << QStringLiteral("The Typebot API failed (500): S3 not properly "
                              "configured. Missing one of those variables: X");
    QTest::newRow("502 shows the body excerpt")
            << http << 502 << QString() << QStringList() << QStringLiteral("<html> Bad Gateway")
            << QStringLiteral("The Typebot API failed (502): <html> Bad Gateway");
    QTest::newRow("503 with nothing to say")
            << http << 503 << QString() << QStringList() << QString()
            << QStringLiteral("The Typebot API failed (503): no details given");
    QTest::newRow("a percent sign in the message is not a placeholder")
            << http << 400 << QStringLiteral("bad name %1 %2") << QStringList() << QString()
            << QStringLiteral("The Typebot API refused the request (400): bad name %1 %2");
    QTest::newRow("network error")
            << ApiError::Kind::Network << 0 << QStringLiteral("Connection refused") << QStringList()
            << QString() << QStringLiteral("Could not reach the Typebot API: Connection refused");
    QTest::newRow("timeout") << ApiError::Kind::Timeout << 0 << QString() << QStringList()
                             << QString()
                             << QStringLiteral("The Typebot API did not answer in time.");
    QTest::newRow("2xx that is not a ticket")
            << ApiError::Kind::InvalidResponse << 200 << QStringLiteral("\"fileUrl\" is missing")
            << QStringList() << QString()
            << QStringLiteral("The Typebot API sent an answer this app cannot use: "
                              "\"fileUrl\" is missing");
}

void TestApiError::toString()
{
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QStringList, issues);
    QFETCH(QString, excerpt);
    QFETCH(QString, expected);

    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.message = message;
    error.issues = issues;
    error.bodyExcerpt = excerpt;
    QCOMPARE(error.toString(), expected);
}

void TestApiError::registeredSecretIsRedacted()
{
    Redactor::addSecret(QStringLiteral("tbu_token_0123456789"));

    const ApiError json = ApiError::fromHttpResponse(
            401, QByteArray(R"({"message":"Token tbu_token_0123456789 is revoked"})"));
    QCOMPARE(json.message, QStringLiteral("Token [redacted] is revoked"));
    QVERIFY(!json.toString().contains(u"tbu_token_0123456789"));

    const ApiError html =
            ApiError::fromHttpResponse(403, QByteArray("<p>token tbu_token_0123456789 denied</p>"));
    QCOMPARE(html.bodyExcerpt, QStringLiteral("token [redacted] denied"));
    QVERIFY(!html.toString().contains(u"tbu_token_0123456789"));
}

QTEST_GUILESS_MAIN(TestApiError)
#include "testapierror.moc"
