// SPDX-License-Identifier: GPL-3.0-or-later
// The text of a file reply, as the web widget builds it (typebot-api.md, "How a file reply
// is checked"): each link's last path segment percent-encoded like encodeURIComponent,
// joined with ", "; the raw links go to attachedFileUrls.

#include "api/chatanswer.h"
#include "api/filereply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Typebot;

class TestFileReply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesTheLastSegment_data();
    void encodesTheLastSegment();
    void joinsLinksAndKeepsTheRawOnes();
};

void TestFileReply::encodesTheLastSegment_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("text");
    const QString base =
            QStringLiteral("https://s3.example.com/typebot/public/workspaces/w/blocks/b/");
    QTest::newRow("a plain name stays as it is") << base + QStringLiteral("k3j7h1g5f9d2.png")
                                                 << base + QStringLiteral("k3j7h1g5f9d2.png");
    QTest::newRow("a space becomes %20")
            << base + QStringLiteral("my scan.png") << base + QStringLiteral("my%20scan.png");
    QTest::newRow("a comma cannot split the reply")
            << base + QStringLiteral("a, b.png") << base + QStringLiteral("a%2C%20b.png");
    QTest::newRow("a hash is not a fragment")
            << base + QStringLiteral("scan #1.png") << base + QStringLiteral("scan%20%231.png");
    QTest::newRow("Unicode as UTF-8 bytes") << base + QStringLiteral("caf\u00e9 \u2615.png")
                                            << base + QStringLiteral("caf%C3%A9%20%E2%98%95.png");
    QTest::newRow("encodeURIComponent leaves ! ' ( ) * ~ - _ .")
            << base + QStringLiteral("it's(1)!*~-_.png")
            << base + QStringLiteral("it's(1)!*~-_.png");
    QTest::newRow("+ & = ? and % are encoded")
            << base + QStringLiteral("a+b&c=d?100%.png")
            << base + QStringLiteral("a%2Bb%26c%3Dd%3F100%25.png");
    QTest::newRow("only the last segment is touched")
            << QStringLiteral("https://s3.example.com/my bucket/a b.png")
            << QStringLiteral("https://s3.example.com/my bucket/a%20b.png");
    QTest::newRow("a link ending in a slash is left alone")
            << QStringLiteral("https://s3.example.com/dir/")
            << QStringLiteral("https://s3.example.com/dir/");
}

void TestFileReply::encodesTheLastSegment()
{
    QFETCH(QString, url);
    QFETCH(QString, text);
    QCOMPARE(FileReply::encodeLink(url), text);
    QCOMPARE(FileReply::text({ url }), text);
}

void TestFileReply::joinsLinksAndKeepsTheRawOnes()
{
    const QStringList urls{ QStringLiteral("http://127.0.0.1:9000/typebot/a/my scan.png"),
                            QStringLiteral(
                                    "http://127.0.0.1:9000/typebot/a/r\u00e9sum\u00e9, v2.pdf") };
    const ChatAnswer answer = ChatAnswer::fromFiles(urls);
    QCOMPARE(answer.text,
             QStringLiteral("http://127.0.0.1:9000/typebot/a/my%20scan.png, "
                            "http://127.0.0.1:9000/typebot/a/r%C3%A9sum%C3%A9%2C%20v2.pdf"));
    // The server splits on ", ": exactly one part per file.
    QCOMPARE(answer.text.split(QStringLiteral(", ")).size(), urls.size());
    const QJsonObject message = QJsonDocument::fromJson(answer.requestBody())
                                        .object()
                                        .value(QStringLiteral("message"))
                                        .toObject();
    QCOMPARE(message.value(QStringLiteral("attachedFileUrls")).toArray().toVariantList(),
             QVariantList({ urls.at(0), urls.at(1) }));
    QCOMPARE(message.value(QStringLiteral("text")).toString(), answer.text);
}

QTEST_GUILESS_MAIN(TestFileReply)
#include "testfilereply.moc"
