// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "dropzone.h"
#include "localization.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "noticebanner.h"
#include "queuemodel.h"
#include "queueview.h"
#include "engine/uploadservice.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using Typebot::JobState;

// End to end: the window on first run starts its own sandbox, and a file added to it is
// stored, with its link in the row.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstRunUploadsToTheSandbox();
    void tooLargeFileFailsWithReason();
    void queueSurvivesRestart();
    void journalInUseKeepsQueueInMemory();
    void filesFromAnotherInstanceAreQueued();

private:
    QString writeFile(const QString &name, qint64 size);

    QTemporaryDir m_config;
    QTemporaryDir m_files;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_config.isValid() && m_files.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    Localization::install(QStringLiteral("en")); // English plural forms come from a .qm
}

QString TestMainWindow::writeFile(const QString &name, qint64 size)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(QByteArray(int(size), 'x'));
    return path;
}

void TestMainWindow::firstRunUploadsToTheSandbox()
{
    const AppSettings settings = AppSettings::load();
    QVERIFY(settings.isFirstRun());
    MainWindow window(settings);
    QAbstractItemModelTester tester(window.queueModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(window.sandbox()->isRunning());
    QVERIFY(window.banner()->text().contains(QStringLiteral("sandbox")));
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("centralStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget(), window.dropZone());

    const QString path = writeFile(QStringLiteral("hello typebot.txt"), 2048);
    QVERIFY(!path.isEmpty());
    window.addPaths({path});

    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QCOMPARE(stack->currentWidget(), window.queueView());
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, QueueModel::StatusColumn)).toString(),
                              QStringLiteral("Stored"), 20000);
    const QString url = model->data(model->index(0, QueueModel::UrlColumn)).toString();
    QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
    QVERIFY2(url.endsWith(QStringLiteral("hello typebot.txt")), qPrintable(url));
    QTRY_VERIFY(window.overallText().contains(QStringLiteral("1 of 1 file stored")));
    QCOMPARE(window.windowTitle(), QStringLiteral("Typebot Uploader"));
}

void TestMainWindow::tooLargeFileFailsWithReason()
{
    Sandbox::SandboxConfig sandbox;
    sandbox.maxSizeBytes = 1024;
    MainWindow window(AppSettings::load(), sandbox);
    window.show();
    window.addPaths({writeFile(QStringLiteral("big.bin"), 4096)});
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, 0), QueueModel::StateRole).toInt(),
                              int(JobState::Value::Failed), 20000);
    const QString status = model->data(model->index(0, QueueModel::StatusColumn)).toString();
    QVERIFY2(status.startsWith(QStringLiteral("Failed: ")) && status.size() > 12, qPrintable(status));
    QVERIFY(model->data(model->index(0, QueueModel::UrlColumn)).toString().isEmpty());
}

void TestMainWindow::queueSurvivesRestart()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QStringList files = {writeFile(QStringLiteral("first.txt"), 100),
                               writeFile(QStringLiteral("second.txt"), 200),
                               writeFile(QStringLiteral("third.txt"), 300)};
    {
        MainWindow window(AppSettings::load(), {}, data.path());
        QSignalSpy opened(window.service(), &Typebot::UploadService::journalOpened);
        QVERIFY(opened.wait(5000));
        QVERIFY(opened.constFirst().at(0).toBool());
        QCOMPARE(opened.constFirst().at(2).toInt(), 0);
        window.action(QStringLiteral("pauseQueue"))->trigger();
        window.addPaths(files);
        QTRY_COMPARE_WITH_TIMEOUT(window.queueModel()->rowCount(), 3, 10000);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(window.queueModel()->jobAt(row).state, JobState::Value::Queued);
        // Quitting (or a crash) here: nothing was uploaded, everything was written down.
    }
    QFile::remove(files.at(2)); // gone while the app was closed

    MainWindow window(AppSettings::load(), {}, data.path());
    QAbstractItemModelTester tester(window.queueModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy opened(window.service(), &Typebot::UploadService::journalOpened);
    QVERIFY(opened.wait(5000));
    QVERIFY(opened.constFirst().at(0).toBool());
    QCOMPARE(opened.constFirst().at(2).toInt(), 3);
    QVERIFY(window.journalBanner()->text().isEmpty());
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
    QStringList paths;
    for (int row = 0; row < 3; ++row)
        paths << model->jobAt(row).filePath;
    QCOMPARE(paths, files);
    QCOMPARE(model->jobAt(2).state, JobState::Value::Failed); // accounted for, with a reason
    QVERIFY(!model->jobAt(2).errorMessage.isEmpty());

    // The restored files are uploaded with fresh tickets.
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(0).state, JobState::Value::Done, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(1).state, JobState::Value::Done, 20000);
}

void TestMainWindow::journalInUseKeepsQueueInMemory()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    MainWindow first(AppSettings::load(), {}, data.path());
    QSignalSpy firstOpened(first.service(), &Typebot::UploadService::journalOpened);
    QVERIFY(firstOpened.wait(5000));

    MainWindow second(AppSettings::load(), {}, data.path());
    QSignalSpy opened(second.service(), &Typebot::UploadService::journalOpened);
    QVERIFY(opened.wait(5000));
    QVERIFY(!opened.constFirst().at(0).toBool());
    const QString text = second.journalBanner()->text();
    QVERIFY2(text.contains(QStringLiteral("keeps its queue in memory")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("in use by another")), qPrintable(text));

    // It still works.
    second.addPaths({writeFile(QStringLiteral("memory.txt"), 64)});
    QTRY_COMPARE_WITH_TIMEOUT(second.queueModel()->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(second.queueModel()->jobAt(0).state, JobState::Value::Done, 20000);
}

void TestMainWindow::filesFromAnotherInstanceAreQueued()
{
    MainWindow window(AppSettings::load());
    window.action(QStringLiteral("pauseQueue"))->trigger();
    window.showMinimized();
    window.receivePaths({writeFile(QStringLiteral("handed over.txt"), 10)});
    QTRY_COMPARE_WITH_TIMEOUT(window.queueModel()->rowCount(), 1, 10000);
    QVERIFY(!window.isMinimized());
    QVERIFY(window.isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "testmainwindow.moc"
