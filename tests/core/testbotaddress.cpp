// SPDX-License-Identifier: GPL-3.0-or-later
// A bot id or a bot link, as support staff paste them.

#include "api/botaddress.h"

#include <QTest>

using Typebot::BotAddress;

class TestBotAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestBotAddress::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("publicId");

    QTest::newRow("a bare id keeps the configured API")
            << "my-bot-x1y2" << true << QString() << "my-bot-x1y2";
    QTest::newRow("spaces around an id are ignored") << "  demo-bot \n"
                                                     << true << QString() << "demo-bot";
    QTest::newRow("a viewer link names the API")
            << "https://bots.example.com/my-bot" << true << "https://bots.example.com/api"
            << "my-bot";
    QTest::newRow("a link with a port, trailing slash and query")
            << "http://127.0.0.1:8080/demo-bot/?utm=1#top" << true << "http://127.0.0.1:8080/api"
            << "demo-bot";
    QTest::newRow("a viewer under a path prefix keeps it")
            << "https://example.com/bots/support" << true << "https://example.com/bots/api"
            << "support";
    QTest::newRow("a link without an id is refused")
            << "https://typebot.co/" << false << QString() << QString();
    QTest::newRow("an id with a slash is refused") << "my/bot" << false << QString() << QString();
    QTest::newRow("an id with spaces is refused") << "my bot" << false << QString() << QString();
    QTest::newRow("another scheme is refused")
            << "ftp://host/bot" << false << QString() << QString();
    QTest::newRow("nothing is refused") << "" << false << QString() << QString();
}

void TestBotAddress::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const auto address = BotAddress::parse(text, &error);
    QCOMPARE(address.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QTEST(address->apiBase.toString(), "apiBase");
    QTEST(address->publicId, "publicId");
}

QTEST_GUILESS_MAIN(TestBotAddress)
#include "testbotaddress.moc"
