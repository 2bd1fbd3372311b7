// SPDX-License-Identifier: GPL-3.0-or-later
// The queue's selection after adds and removes is a real one (the actions follow it), and
// Retry applies to a file waiting for the server: it tries again at once.
#include "appsettings.h"
#include "engine/uploadservice.h"
#include "localization.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "queuemodel.h"
#include "queueview.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using Typebot::JobState;

class TestQueueSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addedFilesAreSelected();
    void deleteSelectsTheNextRow();
    void retryNowEndsTheWait();

private:
    QString writeFile(const QString &name, qint64 size);
    // Every row's job is stored.
    static bool allStored(const QueueModel *model);

    QTemporaryDir m_config;
    QTemporaryDir m_files;
};

void TestQueueSelection::initTestCase()
{
    QVERIFY(m_config.isValid() && m_files.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_queueselection"));
    Localization::install(QStringLiteral("en"));
}

QString TestQueueSelection::writeFile(const QString &name, qint64 size)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(QByteArray(int(size), 'x'));
    return path;
}

bool TestQueueSelection::allStored(const QueueModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->jobAt(row).state != JobState::Value::Done)
            return false;
    }
    return model->rowCount() > 0;
}

void TestQueueSelection::addedFilesAreSelected()
{
    QTemporaryDir data;
    MainWindow window(AppSettings::load(), {}, data.path());
    window.show();
    window.addPaths({ writeFile(QStringLiteral("one.txt"), 10) });
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    window.addPaths({ writeFile(QStringLiteral("two.txt"), 20),
                      writeFile(QStringLiteral("three.txt"), 30) });
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);

    // The two files just added, not the first one.
    QueueView *view = window.queueView();
    QList<quint64> expected;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (!model->jobAt(row).filePath.endsWith(QStringLiteral("one.txt")))
            expected << model->jobAt(row).id;
    }
    QList<quint64> selected = view->selectedJobIds();
    std::sort(selected.begin(), selected.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(selected, expected);
    QVERIFY(expected.contains(view->currentJobId()));
    QVERIFY(window.action(QStringLiteral("remove"))->isEnabled());
}

void TestQueueSelection::deleteSelectsTheNextRow()
{
    QTemporaryDir data;
    MainWindow window(AppSettings::load(), {}, data.path());
    window.show();
    window.addPaths({ writeFile(QStringLiteral("a.txt"), 10),
                      writeFile(QStringLiteral("b.txt"), 20),
                      writeFile(QStringLiteral("c.txt"), 30) });
    QueueModel *model = window.queueModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 3 && allStored(model), 20000);

    QueueView *view = window.queueView();
    const QModelIndex middle = view->model()->index(1, QueueModel::NameColumn);
    const quint64 next = view->model()->index(2, 0).data(QueueModel::JobIdRole).toULongLong();
    view->selectionModel()->setCurrentIndex(
            middle, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QAction *remove = window.action(QStringLiteral("remove"));
    QAction *copyLink = window.action(QStringLiteral("copyLink"));
    QVERIFY(remove->isEnabled());
    remove->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);

    // The row that took its place is current and selected, and the actions apply to it.
    QCOMPARE(view->currentJobId(), next);
    QCOMPARE(view->selectedJobIds(), QList<quint64>{ next });
    QVERIFY(remove->isEnabled());
    QVERIFY(copyLink->isEnabled());

    // A second Delete removes it too.
    remove->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QCOMPARE(view->selectedJobIds().size(), 1);
    QVERIFY(remove->isEnabled());
}

void TestQueueSelection::retryNowEndsTheWait()
{
    QTemporaryDir data;
    MainWindow window(AppSettings::load(), {}, data.path());
    window.show();
    QString error;
    // The server asks for a minute; nobody should have to wait it out.
    QVERIFY2(window.sandbox()->addFault(QStringLiteral("upload:status=503,count=1,retry-after=60"),
                                        &error),
             qPrintable(error));
    Typebot::EngineConfig config;
    config.endpoint.apiBase = window.sandbox()->apiBaseUrl();
    config.endpoint.sessionId = window.sandbox()->sessionId();
    config.retry.maxAttempts = 5;
    config.retry.maxRetryAfter = std::chrono::seconds(120);
    window.service()->setConfig(config);

    window.addPaths({ writeFile(QStringLiteral("waiting.txt"), 100) });
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(0).state, JobState::Value::WaitingToRetry, 20000);

    QAction *retry = window.action(QStringLiteral("retry"));
    QTRY_VERIFY(retry->isEnabled());
    QCOMPARE(retry->text(), QStringLiteral("&Retry Now"));
    QElapsedTimer clock;
    clock.start();
    retry->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(0).state, JobState::Value::Done, 10000);
    QVERIFY2(clock.elapsed() < 30000, "the file waited out the server's minute");
    QCOMPARE(model->jobAt(0).attempt, 2);
}

QTEST_MAIN(TestQueueSelection)
#include "testqueueselection.moc"
