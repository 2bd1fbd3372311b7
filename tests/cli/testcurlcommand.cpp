// SPDX-License-Identifier: GPL-3.0-or-later
// CurlCommand's text: quoting for /bin/sh, field order, file last, and redaction. That the
// commands really upload is checked by TestCli::printedCurlCommandsWork.

#include "diagnostics/curlcommand.h"
#include "diagnostics/redactor.h"

#include <QTest>

using namespace Typebot;

class TestCurlCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellQuote_data();
    void shellQuote();
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
}

void TestCurlCommand::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(CurlCommand::shellQuote(word), quoted);
}

static UploadTicket postTicket()
{
    UploadTicket ticket;
    ticket.presignedUrl = QUrl(QStringLiteral("https://s3.example.com/bucket"));
    ticket.formFields = { { QStringLiteral("key"), QStringLiteral("public/a b.txt") },
                          { QStringLiteral("Content-Type"), QStringLiteral("text/plain") },
                          { QStringLiteral("x-amz-credential"), QStringLiteral("AKIA/20250101") },
                          { QStringLiteral("policy"), QStringLiteral("eyJwb2xpY3kiOjF9") },
                          { QStringLiteral("x-amz-signature"), QStringLiteral("abcdef0123") } };
    ticket.fileUrl = QStringLiteral("https://s3.example.com/bucket/public/a b.txt");
    return ticket;
}

void TestCurlCommand::multipartKeepsOrderAndRedacts()
{
    const UploadTicket ticket = postTicket();
    const QString redacted = CurlCommand::upload(ticket, QStringLiteral("/tmp/a \"b\".txt"),
                                                 QStringLiteral("text/plain"));
    QVERIFY(!redacted.contains(QStringLiteral("AKIA")));
    QVERIFY(!redacted.contains(QStringLiteral("eyJwb2xpY3kiOjF9")));
    QVERIFY(!redacted.contains(QStringLiteral("abcdef0123")));
    QVERIFY(redacted.contains(QStringLiteral("'policy=[redacted]'")));
    const QString shown = CurlCommand::upload(ticket, QStringLiteral("/tmp/a \"b\".txt"),
                                              QStringLiteral("text/plain"), QString(),
                                              CurlCommand::Secrets::Show);
    QCOMPARE(shown,
             QStringLiteral("curl -sS --form-string 'key=public/a b.txt' --form-string "
                            "'Content-Type=text/plain' --form-string "
                            "'x-amz-credential=AKIA/20250101' --form-string "
                            "'policy=eyJwb2xpY3kiOjF9' --form-string 'x-amz-signature=abcdef0123' "
                            "-F 'file=@\"/tmp/a \\\"b\\\".txt\";type=text/plain' "
                            "'https://s3.example.com/bucket'"));
}

void TestCurlCommand::putVariantUsesUploadFile()
{
    UploadTicket ticket;
    ticket.presignedUrl = QUrl::fromEncoded(
            "https://s3.example.com/b/k.txt?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=abc123");
    const QString redacted =
            CurlCommand::upload(ticket, QStringLiteral("/tmp/k.txt"), QStringLiteral("text/plain"));
    QVERIFY(redacted.startsWith(
            QStringLiteral("curl -sS -T '/tmp/k.txt' -H 'Content-Type: text/plain' ")));
    QVERIFY(!redacted.contains(QStringLiteral("abc123")));
    const QString shown =
            CurlCommand::upload(ticket, QStringLiteral("/tmp/k.txt"), QStringLiteral("text/plain"),
                                QString(), CurlCommand::Secrets::Show);
    QVERIFY(shown.endsWith(QStringLiteral(
            "'https://s3.example.com/b/k.txt?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=abc123'")));
}

void TestCurlCommand::ticketRequestRedactsToken()
{
    EndpointSettings endpoint;
    endpoint.apiBase = QUrl(QStringLiteral("https://bot.example.com/api"));
    endpoint.sessionId = QStringLiteral("sess1");
    endpoint.token = QStringLiteral("tok-very-secret");
    const QString redacted = CurlCommand::ticketRequest(
            endpoint, ServerKnowledge::Route::V2,
            { QStringLiteral("it's.txt"), QStringLiteral("text/plain"), 3, QString() });
    QVERIFY(!redacted.contains(endpoint.token));
    QVERIFY(redacted.contains(QStringLiteral("'Authorization: Bearer [redacted]'")));
    QVERIFY(redacted.contains(
            QStringLiteral("'https://bot.example.com/api/v2/generate-upload-url'")));
    QVERIFY(redacted.contains(QStringLiteral("\"fileName\":\"it'\\''s.txt\"")));
    QVERIFY(!redacted.contains(QStringLiteral("blockId")));
    const QString shown = CurlCommand::ticketRequest(
            endpoint, ServerKnowledge::Route::V3,
            { QStringLiteral("a.txt"), QStringLiteral("text/plain"), 3, QStringLiteral("blk1") },
            CurlCommand::Secrets::Show);
    QVERIFY(shown.contains(QStringLiteral("'https://bot.example.com/api/v3/generate-upload-url'")));
    QVERIFY(shown.contains(QStringLiteral("\"blockId\":\"blk1\"")));
    QVERIFY(shown.contains(QStringLiteral("'Authorization: Bearer tok-very-secret'")));
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "testcurlcommand.moc"
