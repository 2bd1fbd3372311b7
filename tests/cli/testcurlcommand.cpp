// SPDX-License-Identifier: GPL-3.0-or-later
// CurlCommand's text: quoting for /bin/sh, field order, file last, and redaction. That the
// commands really upload is checked by TestCli::printedCurlCommandsWork.

#include "diagnostics/curlcommand.h"
#include "diagnostics/redactor.h"
#include "system/nativepath.h"

#include <QProcess>
#include <QTest>

using namespace Typebot;

class TestCurlCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellQuote_data();
    void shellQuote();
    void shellQuoteGivesEveryByteBack_data();
    void shellQuoteGivesEveryByteBack();
    void multipartKeepsOrderAndRedacts();
    void putVariantUsesUploadFile();
    void ticketRequestRedactsToken();
};

void TestCurlCommand::shellQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain word") << QStringLiteral("abc") << QStringLiteral("'abc'");
    QTest::newRow("empty word") << QString() << QStringLiteral("''");
    QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
    QTest::newRow("dollar and backtick stay literal")
            << QStringLiteral("$HOME `x`") << QStringLiteral("'$HOME `x`'");
    // A file name that is not UTF-8: each stray byte from printf, beside the quoted rest.
    QTest::newRow("a name that is not UTF-8")
            << NativePath::fromNative("/tmp/caf\xe9 it's\xff")
            << QStringLiteral("'/tmp/caf'\"$(printf '\\351')\"' it'\\''s'\"$(printf '\\377')\"");
}

void TestCurlCommand::shellQuoteGivesEveryByteBack_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("UTF-8 with quotes") << QByteArray("it's \"caf\xc3\xa9\" $HOME");
    QTest::newRow("Latin-1 and a quote") << QByteArray("caf\xe9 it's");
    QTest::newRow("only stray bytes") << QByteArray("\x80\xff\xfe");
    QTest::newRow("a stray byte after a 4-byte character") << QByteArray("\xf0\x90\x82\x80\x80");
}

void TestCurlCommand::shellQuoteGivesEveryByteBack()
{
    // What the printed command is for: /bin/sh must hand curl the file's exact name.
    QFETCH(QByteArray, bytes);
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                { QStringLiteral("-c"),
                  QStringLiteral("printf %s ")
                          + CurlCommand::shellQuote(NativePath::fromNative(bytes)) });
    QVERIFY(shell.waitForFinished());
    QCOMPARE(shell.readAllStandardOutput(), bytes);
}

void TestCurlCommand::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(CurlCommand::shellQuote(word), quoted);
}

static HttpExchange multipartUpload()
{
    HttpExchange exchange;
    exchange.step = HttpExchange::Step::Upload;
    exchange.method = "POST";
    exchange.url = QUrl(QStringLiteral("https://s3.example.com/bucket"));
    exchange.requestHeaders = { { "Host", "s3.example.com" },
                                { "Content-Type", "multipart/form-data; boundary=xyz" },
                                { "Content-Length", "1234" },
                                { "Expect", "100-continue" } };
    exchange.formFields = { { QStringLiteral("key"), QStringLiteral("public/a b (2).txt") },
                            { QStringLiteral("Content-Type"), QStringLiteral("text/plain") },
                            { QStringLiteral("x-amz-credential"), QStringLiteral("AKIA/20250101") },
                            { QStringLiteral("policy"), QStringLiteral("eyJwb2xpY3kiOjF9") },
                            { QStringLiteral("x-amz-signature"), QStringLiteral("abcdef0123") } };
    exchange.filePath = QStringLiteral("/tmp/a \"b\".txt");
    exchange.fileName = QStringLiteral("a b (2).txt");
    exchange.fileContentType = QStringLiteral("text/plain");
    exchange.fileSize = 3;
    return exchange;
}

void TestCurlCommand::multipartKeepsOrderAndRedacts()
{
    const HttpExchange exchange = multipartUpload();
    const QString redacted = CurlCommand::fromExchange(exchange, {});
    QVERIFY(!redacted.contains(QStringLiteral("AKIA")));
    QVERIFY(!redacted.contains(QStringLiteral("eyJwb2xpY3kiOjF9")));
    QVERIFY(!redacted.contains(QStringLiteral("abcdef0123")));
    QVERIFY(redacted.contains(QStringLiteral("'policy=[redacted]'")));
    CurlCommand::Options show;
    show.secrets = CurlCommand::Secrets::Show;
    // The boundary, length, host and Expect are curl's own to write; the name sent (not
    // the file's own) goes as filename=.
    QCOMPARE(CurlCommand::fromExchange(exchange, show),
             QStringLiteral("curl -sS --form-string 'key=public/a b (2).txt' --form-string "
                            "'Content-Type=text/plain' --form-string "
                            "'x-amz-credential=AKIA/20250101' --form-string "
                            "'policy=eyJwb2xpY3kiOjF9' --form-string 'x-amz-signature=abcdef0123' "
                            "-F 'file=@\"/tmp/a \\\"b\\\".txt\";filename=\"a b (2).txt\";"
                            "type=text/plain' 'https://s3.example.com/bucket'"));
}

void TestCurlCommand::putVariantUsesUploadFile()
{
    HttpExchange exchange;
    exchange.step = HttpExchange::Step::Upload;
    exchange.method = "PUT";
    exchange.url = QUrl::fromEncoded(
            "https://s3.example.com/b/k.txt?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=abc123");
    exchange.requestHeaders = { { "Host", "s3.example.com" },
                                { "Content-Type", "text/plain" },
                                { "Cache-Control", "public, max-age=86400" },
                                { "Content-Length", "3" } };
    exchange.filePath = QStringLiteral("/tmp/k.txt");
    exchange.fileContentType = QStringLiteral("text/plain");
    const QString redacted = CurlCommand::fromExchange(exchange, {});
    QVERIFY2(redacted.startsWith(
                     QStringLiteral("curl -sS -T '/tmp/k.txt' -H 'Content-Type: text/plain' "
                                    "-H 'Cache-Control: public, max-age=86400' ")),
             qPrintable(redacted));
    QVERIFY(!redacted.contains(QStringLiteral("abc123")));
    CurlCommand::Options show;
    show.secrets = CurlCommand::Secrets::Show;
    QVERIFY(CurlCommand::fromExchange(exchange, show)
                    .endsWith(QStringLiteral("'https://s3.example.com/b/k.txt?X-Amz-Credential="
                                             "AKIA%2F1&X-Amz-Signature=abc123'")));
}

void TestCurlCommand::ticketRequestRedactsToken()
{
    const QString token = QStringLiteral("tok-very-secret");
    HttpExchange exchange;
    exchange.step = HttpExchange::Step::Ticket;
    exchange.method = "POST";
    exchange.url = QUrl(QStringLiteral("https://bot.example.com/api/v3/generate-upload-url"));
    // As the engine records it: the token is masked before it reaches the record.
    exchange.requestHeaders =
            HttpExchange::withoutToken({ { "Content-Type", "application/json" },
                                         { "Accept", "application/json" },
                                         { "Authorization", "Bearer " + token.toUtf8() },
                                         { "Content-Length", "40" } });
    exchange.requestBody =
            "{\"sessionId\":\"sess1\",\"fileName\":\"it's.txt\",\"blockId\":\"blk1\"}";
    QVERIFY(!exchange.requestHeader("Authorization").contains(token.toUtf8()));

    CurlCommand::Options options;
    options.token = token; // only Show puts it back
    const QString redacted = CurlCommand::fromExchange(exchange, options);
    QVERIFY(!redacted.contains(token));
    QVERIFY(redacted.contains(QStringLiteral("'Authorization: Bearer [redacted]'")));
    QVERIFY(redacted.contains(
            QStringLiteral("'https://bot.example.com/api/v3/generate-upload-url'")));
    QVERIFY(redacted.contains(QStringLiteral("\"fileName\":\"it'\\''s.txt\"")));
    QVERIFY(!redacted.contains(QStringLiteral("Content-Length")));
    options.secrets = CurlCommand::Secrets::Show;
    const QString shown = CurlCommand::fromExchange(exchange, options);
    QVERIFY(shown.contains(QStringLiteral("\"blockId\":\"blk1\"")));
    QVERIFY(shown.contains(QStringLiteral("'Authorization: Bearer tok-very-secret'")));
    QVERIFY(shown.startsWith(
            QStringLiteral("curl -sS -X POST -H 'Content-Type: application/json'")));
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "testcurlcommand.moc"
