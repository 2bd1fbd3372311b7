// SPDX-License-Identifier: GPL-3.0-or-later
// What is learned of a server (route, sending style) survives a restart, per API base,
// owner-only, bounded; and is described in words the settings can show.
#include "api/serverknowledge.h"
#include "storage/serverknowledgestore.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Typebot;
using Route = ServerKnowledge::Route;
using Style = ServerKnowledge::SendStyle;

class TestServerKnowledgeStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyFor_data();
    void keyFor();
    void savesPerApiBaseAndForgets();
    void fileIsOwnerOnly();
    void unreadableOrHugeFileIsIgnored();
    void boundedToMaxEntries();
    void describe_data();
    void describe();
    void jsonRoundTrip();
};

void TestServerKnowledgeStore::keyFor_data()
{
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("key");
    QTest::newRow("trailing slash and case do not make another server")
            << "HTTPS://Bot.Example.com/api/"
            << "https://bot.example.com/api";
    QTest::newRow("credentials and query are dropped")
            << "https://u:p@bot.example.com:8443/typebot/api?x=1"
            << "https://bot.example.com:8443/typebot/api";
}

void TestServerKnowledgeStore::keyFor()
{
    QFETCH(QString, apiBase);
    QFETCH(QString, key);
    QCOMPARE(ServerKnowledgeStore::keyFor(QUrl(apiBase)), key);
}

void TestServerKnowledgeStore::savesPerApiBaseAndForgets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/servers.json"));
    ServerKnowledge proxy;
    proxy.route = Route::V3;
    proxy.style = Style::UploadProxy;
    proxy.v2Absent = true;
    ServerKnowledge legacy;
    legacy.route = Route::V2;
    legacy.style = Style::PostPolicy;
    {
        ServerKnowledgeStore store(path);
        QString error;
        QVERIFY2(store.save(QUrl(QStringLiteral("https://a.example/api")), proxy, &error),
                 qPrintable(error));
        QVERIFY(store.save(QUrl(QStringLiteral("https://b.example/api")), legacy));
    }
    ServerKnowledgeStore reopened(path);
    QCOMPARE(reopened.find(QUrl(QStringLiteral("https://a.example/api/"))), proxy);
    QCOMPARE(reopened.find(QUrl(QStringLiteral("https://b.example/api"))), legacy);
    QVERIFY(!reopened.find(QUrl(QStringLiteral("https://c.example/api"))).isKnown());
    QVERIFY(reopened.forget(QUrl(QStringLiteral("https://a.example/api"))));
    QVERIFY(!reopened.find(QUrl(QStringLiteral("https://a.example/api"))).isKnown());
    QCOMPARE(reopened.find(QUrl(QStringLiteral("https://b.example/api"))), legacy);
}

void TestServerKnowledgeStore::fileIsOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("servers.json"));
    ServerKnowledgeStore store(path);
    ServerKnowledge known;
    known.route = Route::V3;
    QVERIFY(store.save(QUrl(QStringLiteral("https://a.example/api")), known));
    const QFile::Permissions permissions = QFile::permissions(path);
    QVERIFY(permissions & QFile::ReadOwner);
    QVERIFY(!(permissions
              & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)));
}

void TestServerKnowledgeStore::unreadableOrHugeFileIsIgnored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("servers.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not json at all {");
    file.close();
    ServerKnowledgeStore store(path);
    QVERIFY(!store.find(QUrl(QStringLiteral("https://a.example/api"))).isKnown());
    // Saving over a damaged file starts a fresh one.
    ServerKnowledge known;
    known.route = Route::V2;
    QVERIFY(store.save(QUrl(QStringLiteral("https://a.example/api")), known));
    QCOMPARE(store.find(QUrl(QStringLiteral("https://a.example/api"))).route, Route::V2);

    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(ServerKnowledgeStore::MaxFileBytes + 10, ' '));
    file.close();
    QVERIFY(!store.find(QUrl(QStringLiteral("https://a.example/api"))).isKnown());
}

void TestServerKnowledgeStore::boundedToMaxEntries()
{
    QTemporaryDir dir;
    ServerKnowledgeStore store(dir.filePath(QStringLiteral("servers.json")));
    ServerKnowledge known;
    known.route = Route::V3;
    for (int i = 0; i < ServerKnowledgeStore::MaxEntries + 5; ++i) {
        known.learnedAt = QDateTime::currentDateTimeUtc().addSecs(i);
        QVERIFY(store.save(QUrl(QStringLiteral("https://h%1.example/api").arg(i)), known));
    }
    // The oldest went first; the newest are all there.
    QVERIFY(!store.find(QUrl(QStringLiteral("https://h0.example/api"))).isKnown());
    QVERIFY(store.find(QUrl(QStringLiteral("https://h%1.example/api")
                                    .arg(ServerKnowledgeStore::MaxEntries + 4)))
                    .isKnown());
}

void TestServerKnowledgeStore::describe_data()
{
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("style");
    QTest::addColumn<bool>("v2Absent");
    QTest::addColumn<bool>("v3Absent");
    QTest::addColumn<QString>("text");
    QTest::newRow("nothing learned")
            << int(Route::Unknown) << int(Style::Unknown) << false << false
            << "Not learned yet: the first upload finds out which kind of server this is.";
    QTest::newRow("3.18: v2 gone, upload proxy")
            << int(Route::V3) << int(Style::UploadProxy) << true << false
            << "Typebot 3.18 or later: v3 route, upload proxy";
    QTest::newRow("3.17: upload proxy, v2 not seen gone")
            << int(Route::V3) << int(Style::UploadProxy) << false << false
            << "Typebot 3.17 or later: v3 route, upload proxy";
    QTest::newRow("3.16: presigned PUT") << int(Route::V2) << int(Style::PresignedPut) << false
                                         << false << "Typebot 3.16: v2 route, presigned PUT";
    QTest::newRow("3.1 or earlier: no v3")
            << int(Route::V2) << int(Style::PostPolicy) << false << true
            << "Typebot 3.1 or earlier: v2 route, S3 POST policy";
}

void TestServerKnowledgeStore::describe()
{
    QFETCH(int, route);
    QFETCH(int, style);
    QFETCH(bool, v2Absent);
    QFETCH(bool, v3Absent);
    QFETCH(QString, text);
    ServerKnowledge knowledge;
    knowledge.route = Route(route);
    knowledge.style = Style(style);
    knowledge.v2Absent = v2Absent;
    knowledge.v3Absent = v3Absent;
    QCOMPARE(knowledge.describe(), text);
}

void TestServerKnowledgeStore::jsonRoundTrip()
{
    for (const Style style :
         { Style::Unknown, Style::PostPolicy, Style::PresignedPut, Style::UploadProxy }) {
        ServerKnowledge knowledge;
        knowledge.route = Route::V2;
        knowledge.style = style;
        knowledge.v3Absent = true;
        QCOMPARE(ServerKnowledge::fromJson(knowledge.toJson()), knowledge);
    }
    QVERIFY(!ServerKnowledge::fromJson(QJsonObject{ { QStringLiteral("route"), 7 } }).isKnown());
}

QTEST_GUILESS_MAIN(TestServerKnowledgeStore)
#include "testserverknowledgestore.moc"
