// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"
#include "system/nativepath.h"

#include <QLocalServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

// A second start hands its files to the first instance over a local socket; instances
// with different data folders never meet.
class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverNameDependsOnDataDir();
    void secondInstanceHandsOverFiles();
    void onlyOneListens();
    void nobodyListening();
};

void TestSingleInstance::serverNameDependsOnDataDir()
{
    QTemporaryDir a;
    QTemporaryDir b;
    QVERIFY(a.isValid() && b.isValid());
    const QString nameA = SingleInstance::serverName(a.path());
    QCOMPARE(SingleInstance::serverName(a.path()), nameA);
    QCOMPARE(SingleInstance::serverName(a.path() + QStringLiteral("/")), nameA);
    QCOMPARE(SingleInstance::serverName(a.path() + QStringLiteral("/./")), nameA);
    QVERIFY(SingleInstance::serverName(b.path()) != nameA);
    QVERIFY(nameA.startsWith(QStringLiteral("typebot-uploader-")));
    QVERIFY(nameA.size() < 60); // room in a socket path
}

void TestSingleInstance::secondInstanceHandsOverFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = SingleInstance::serverName(dir.path());
    SingleInstance first(name);
    QVERIFY(first.listen());
    QSignalSpy received(&first, &SingleInstance::pathsReceived);

    // The second instance blocks on its socket, as it does before its event loop runs, so it
    // runs in a thread of its own here.
    // A name that is not UTF-8 arrives whole too (NativePath's escaped bytes).
    const QStringList paths = { QStringLiteral("/home/ana/a file.pdf"),
                                QStringLiteral("/home/ana/ção, ünïcode.txt"),
                                Typebot::NativePath::fromNative("/home/ana/caf\xe9 \xff.txt") };
    std::atomic<bool> delivered = false;
    QThread *second =
            QThread::create([&] { delivered = SingleInstance::sendToRunning(name, paths); });
    second->start();
    QTRY_VERIFY(second->isFinished());
    delete second;
    QVERIFY(delivered);
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.constFirst().at(0).toStringList(), paths);

    // No files: the first instance is only asked to show itself.
    second = QThread::create([&] { delivered = SingleInstance::sendToRunning(name, {}); });
    second->start();
    QTRY_VERIFY(second->isFinished());
    delete second;
    QVERIFY(delivered);
    QCOMPARE(received.count(), 2);
    QVERIFY(received.at(1).at(0).toStringList().isEmpty());
}

void TestSingleInstance::onlyOneListens()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = SingleInstance::serverName(dir.path());
    SingleInstance first(name);
    QVERIFY(first.listen());
    SingleInstance second(name);
    QVERIFY(!second.listen());

    QTemporaryDir otherDir;
    SingleInstance other(SingleInstance::serverName(otherDir.path()));
    QVERIFY(other.listen());
}

void TestSingleInstance::nobodyListening()
{
    QTemporaryDir dir;
    QVERIFY(!SingleInstance::sendToRunning(SingleInstance::serverName(dir.path()),
                                           { QStringLiteral("/tmp/x") }, 500));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "testsingleinstance.moc"
