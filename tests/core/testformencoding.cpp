// SPDX-License-Identifier: GPL-3.0-or-later
// FormEncoding: Content-Disposition values written the way browsers and curl write them.
#include "transfer/formencoding.h"

#include <QTest>

using Typebot::FormEncoding;

class TestFormEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data();
    void escape();
    void escapeFileName_data();
    void escapeFileName();
    void dispositions();
};

void TestFormEncoding::escape_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain ASCII is unchanged")
            << QStringLiteral("photo 1.png") << QByteArray("photo 1.png");
    QTest::newRow("double quote becomes %22")
            << QStringLiteral("say \"hi\".txt") << QByteArray("say %22hi%22.txt");
    QTest::newRow("CR becomes %0D") << QStringLiteral("a\rb") << QByteArray("a%0Db");
    QTest::newRow("LF becomes %0A") << QStringLiteral("a\nb") << QByteArray("a%0Ab");
    QTest::newRow("CRLF header injection is defused")
            << QStringLiteral("x\"\r\nContent-Type: text/html")
            << QByteArray("x%22%0D%0AContent-Type: text/html");
    QTest::newRow("non-ASCII is raw UTF-8")
            << QStringLiteral("résumé été.pdf")
            << QByteArray("r\xc3\xa9sum\xc3\xa9 \xc3\xa9t\xc3\xa9.pdf");
    QTest::newRow("outside the BMP is raw UTF-8")
            << QStringLiteral("😀.png") << QByteArray("\xf0\x9f\x98\x80.png");
    QTest::newRow("percent sign is not escaped")
            << QStringLiteral("100%22.txt") << QByteArray("100%22.txt");
    QTest::newRow("single quote, semicolon and backslash are unchanged")
            << QStringLiteral("it's; a\\b") << QByteArray("it's; a\\b");
    QTest::newRow("tab is unchanged") << QStringLiteral("a\tb") << QByteArray("a\tb");
    QTest::newRow("empty") << QString() << QByteArray("");
}

void TestFormEncoding::escape()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);

    QCOMPARE(FormEncoding::escape(value), expected);
}

void TestFormEncoding::escapeFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("bare name") << QStringLiteral("photo.png") << QByteArray("photo.png");
    QTest::newRow("unix directory dropped")
            << QStringLiteral("/home/me/Pictures/photo.png") << QByteArray("photo.png");
    QTest::newRow("relative directory dropped")
            << QStringLiteral("sub/dir/photo.png") << QByteArray("photo.png");
    QTest::newRow("windows backslash path dropped")
            << QStringLiteral("C:\\Users\\me\\Pictures\\photo.png") << QByteArray("photo.png");
    QTest::newRow("mixed separators, the last one wins")
            << QStringLiteral("C:\\Users/me\\x/photo.png") << QByteArray("photo.png");
    QTest::newRow("directory dropped, then escaped")
            << QStringLiteral("/tmp/dir \"q\"/na\"me\n.png") << QByteArray("na%22me%0A.png");
    QTest::newRow("non-ASCII directory and name")
            << QStringLiteral("/données/été.png") << QByteArray("\xc3\xa9t\xc3\xa9.png");
    QTest::newRow("dot files keep their dot") << QStringLiteral("/x/.env") << QByteArray(".env");
}

void TestFormEncoding::escapeFileName()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, expected);

    QCOMPARE(FormEncoding::escapeFileName(fileName), expected);
}

void TestFormEncoding::dispositions()
{
    QCOMPARE(FormEncoding::fieldDisposition(QStringLiteral("x-amz-signature")),
             QByteArray(R"(form-data; name="x-amz-signature")"));
    QCOMPARE(FormEncoding::fieldDisposition(QStringLiteral("we\"ird")),
             QByteArray(R"(form-data; name="we%22ird")"));
    QCOMPARE(FormEncoding::fileDisposition(QStringLiteral("file"),
                                           QStringLiteral("C:\\Users\\me\\Été \"2024\".jpg")),
             QByteArray("form-data; name=\"file\"; filename=\"\xc3\x89t\xc3\xa9 %222024%22.jpg\""));
    QCOMPARE(FormEncoding::fileDisposition(QStringLiteral("file"), QStringLiteral("a\r\nb.txt")),
             QByteArray(R"(form-data; name="file"; filename="a%0D%0Ab.txt")"));
    // Never the RFC 5987 form: S3 and many servers do not read it.
    QVERIFY(!FormEncoding::fileDisposition(QStringLiteral("file"), QStringLiteral("é.png"))
                     .contains("filename*"));
}

QTEST_GUILESS_MAIN(TestFormEncoding)
#include "testformencoding.moc"
