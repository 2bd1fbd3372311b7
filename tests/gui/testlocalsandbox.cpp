// SPDX-License-Identifier: GPL-3.0-or-later
// The app's built-in sandbox keeps its files and its port across restarts, so the links
// it handed out keep working; when they cannot (the port was taken, the storage cleared)
// it says so instead of letting a dead link pass for a stored file.

#include "appsettings.h"
#include "engine/uploadengine.h"
#include "engine/uploadservice.h"
#include "historydialog.h"
#include "historymodel.h"
#include "localization.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "queuemodel.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Typebot;

class TestLocalSandbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void linksWorkAfterARestart();
    void portTakenMeanwhileMarksOldLinksDead();
    void clearedStorageMarksLinksDead();
    void linksOfOtherServersAreNotOurs();
    void appRestartKeepsLinksAndMarksLostOnes();

private:
    Sandbox::SandboxConfig config() const;
    QString upload(LocalSandbox &sandbox, const QByteArray &content);
    QByteArray fetch(const QString &url, int *status);

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_config;
};

void TestLocalSandbox::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_localsandbox"));
    Localization::install(QStringLiteral("en"));
}

void TestLocalSandbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Sandbox::SandboxConfig TestLocalSandbox::config() const
{
    Sandbox::SandboxConfig config;
    config.storageDir = m_dir->filePath(QStringLiteral("sandbox"));
    return config;
}

QString TestLocalSandbox::upload(LocalSandbox &sandbox, const QByteArray &content)
{
    const QString path = m_dir->filePath(QStringLiteral("note %1.txt").arg(content.size()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    file.close();
    UploadEngine engine;
    EngineConfig engineConfig;
    engineConfig.endpoint.apiBase = sandbox.apiBaseUrl();
    engineConfig.endpoint.sessionId = sandbox.sessionId();
    engine.setConfig(engineConfig);
    QSignalSpy finished(&engine, &UploadEngine::jobFinished);
    engine.addPaths({ path });
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<JobSnapshot>().fileUrl;
}

QByteArray TestLocalSandbox::fetch(const QString &url, int *status)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(5000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void TestLocalSandbox::linksWorkAfterARestart()
{
    QString link;
    quint16 port = 0;
    {
        LocalSandbox first;
        QString error;
        QVERIFY2(first.start(config(), &error), qPrintable(error));
        port = first.port();
        link = upload(first, "kept across restarts");
        QVERIFY(!link.isEmpty());
        QVERIFY(first.servesLink(link));
    }
    // The storage folder is the user's own data: owner-only.
    QCOMPARE(QFile::permissions(config().storageDir) & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());

    LocalSandbox second;
    QString error;
    QVERIFY2(second.start(config(), &error), qPrintable(error));
    QCOMPARE(second.port(), port); // the same address, so the old link points here
    QVERIFY(second.servesLink(link));
    int status = 0;
    QCOMPARE(fetch(link, &status), QByteArray("kept across restarts"));
    QCOMPARE(status, 200);
}

void TestLocalSandbox::portTakenMeanwhileMarksOldLinksDead()
{
    QString link;
    quint16 port = 0;
    {
        LocalSandbox first;
        QVERIFY(first.start(config(), nullptr));
        port = first.port();
        link = upload(first, "on the old port");
        QVERIFY(!link.isEmpty());
    }
    QTcpServer squatter; // another program took the port while the app was closed
    QVERIFY(squatter.listen(QHostAddress::LocalHost, port));

    LocalSandbox second;
    QString error;
    QVERIFY2(second.start(config(), &error), qPrintable(error)); // still starts, elsewhere
    QVERIFY(second.port() != port);
    QVERIFY(!second.servesLink(link));
    QVERIFY(second.handedOut(link)); // ours, from the earlier start: shown as gone
    // The new port is remembered for next time.
    const QString fresh = upload(second, "on the new port");
    QVERIFY(second.servesLink(fresh));
}

void TestLocalSandbox::clearedStorageMarksLinksDead()
{
    LocalSandbox sandbox;
    QVERIFY(sandbox.start(config(), nullptr));
    const QString link = upload(sandbox, "soon gone");
    QVERIFY(sandbox.servesLink(link));
    sandbox.stop();
    QVERIFY(QDir(config().storageDir + QStringLiteral("/objects")).removeRecursively());
    QVERIFY(sandbox.start(config(), nullptr));
    QVERIFY(!sandbox.servesLink(link));
}

void TestLocalSandbox::linksOfOtherServersAreNotOurs()
{
    LocalSandbox sandbox;
    QVERIFY(sandbox.start(config(), nullptr));
    const QString link = upload(sandbox, "x");
    QUrl elsewhere(link);
    elsewhere.setHost(QStringLiteral("files.example.com"));
    QVERIFY(!sandbox.servesLink(elsewhere.toString()));
    QVERIFY(!sandbox.handedOut(elsewhere.toString())); // not ours to judge
    QVERIFY(!sandbox.servesLink(QString()));
    QVERIFY(!sandbox.handedOut(QString()));
}

void TestLocalSandbox::appRestartKeepsLinksAndMarksLostOnes()
{
    // The app as a user meets it: store a file in the built-in sandbox, quit, start again.
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(dataDir));
    const QString path = m_dir->filePath(QStringLiteral("kept.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("still here tomorrow");
    file.close();
    QString link;
    {
        MainWindow window(AppSettings::load(), config(), dataDir);
        QSignalSpy recorded(window.service(), &Typebot::UploadService::historyChanged);
        window.addPaths({ path });
        QTRY_VERIFY_WITH_TIMEOUT(window.queueModel()->rowCount() == 1
                                         && !window.queueModel()->jobAt(0).fileUrl.isEmpty(),
                                 20000);
        link = window.queueModel()->jobAt(0).fileUrl;
        QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), 10000); // in History before quitting
    }
    {
        MainWindow window(AppSettings::load(), config(), dataDir);
        QTRY_VERIFY_WITH_TIMEOUT(window.sandbox()->isRunning(), 10000);
        int status = 0;
        QCOMPARE(fetch(link, &status), QByteArray("still here tomorrow"));
        QCOMPARE(status, 200);
        window.showHistory();
        HistoryModel *history = window.historyDialog()->model();
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 10000);
        QVERIFY(!history->isUnavailable(0));
        QCOMPARE(history->index(0, HistoryModel::LinkColumn).data().toString(), link);
        QTRY_COMPARE_WITH_TIMEOUT(window.queueModel()->rowCount(), 1, 10000);
        QCOMPARE(window.queueModel()->index(0, QueueModel::StatusColumn).data().toString(),
                 QStringLiteral("Stored"));
    }
    // The sandbox's files are gone (cleared by hand): History says so, not a dead link.
    QVERIFY(QDir(config().storageDir + QStringLiteral("/objects")).removeRecursively());
    MainWindow window(AppSettings::load(), config(), dataDir);
    QTRY_VERIFY_WITH_TIMEOUT(window.sandbox()->isRunning(), 10000);
    window.showHistory();
    HistoryModel *history = window.historyDialog()->model();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(history->isUnavailable(0), 5000);
    const QModelIndex cell = history->index(0, HistoryModel::LinkColumn);
    QCOMPARE(cell.data().toString(), QStringLiteral("No longer available"));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(link));
    // The queue's restored row too: never a plain "Stored" for a link that cannot work.
    QueueModel *queue = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), 1, 10000);
    QCOMPARE(queue->index(0, QueueModel::StatusColumn).data().toString(),
             QStringLiteral("Stored, but the link no longer works"));
}

QTEST_MAIN(TestLocalSandbox)
#include "testlocalsandbox.moc"
