// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "diagnostics/redactor.h"
#include "diagnostics/timelineentry.h"
#include "dropzone.h"
#include "engine/uploadservice.h"
#include "localization.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "noticebanner.h"
#include "queuemodel.h"
#include "queueview.h"
#include "storage/jobdatabase.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using Typebot::JobSnapshot;
using Typebot::JobState;

Q_DECLARE_METATYPE(Sandbox::ServerVersion)

namespace {

// What a file manager's drag does: enter, then drop, at the middle of `target`.
// Returns whether the drop was accepted.
bool dragAndDrop(QWidget *target, QMimeData *data)
{
    const QPoint middle = target->rect().center();
    QDragEnterEvent enter(middle, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(middle), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return enter.isAccepted() && drop.isAccepted();
}

QStringList queuedPaths(const QueueModel *model)
{
    QStringList paths;
    for (int row = 0; row < model->rowCount(); ++row)
        paths << model->jobAt(row).filePath;
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace

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
    void retryCountsDownInStatusThenStores();
    void copyLinkPutsTheLinkOnTheClipboard();
    void copyAsCurlGivesBothStepsRedacted();
    void titleAndProgressShowFailures();
    void startupAndHandedOverFilesAreJournaled();
    void quittingDuringUploadsAsks();
    void addingAQueuedFileAgainAsks();
    void uploadsToEveryServerVersion_data();
    void uploadsToEveryServerVersion();
    void droppedFilesAndFoldersAreQueued();
    void refusedDropSaysWhy_data();
    void refusedDropSaysWhy();

private:
    QString writeFile(const QString &name, qint64 size);
    // A stored file in `window`'s queue, selected; its row.
    int storeAndSelect(MainWindow &window, const QString &name);

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
    window.addPaths({ path });

    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QCOMPARE(stack->currentWidget(), window.queueView());
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, QueueModel::StatusColumn)).toString(),
                              QStringLiteral("Stored"), 20000);
    const QString url = model->data(model->index(0, QueueModel::UrlColumn)).toString();
    QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(url));
    // The built-in sandbox plays the newest server, which names objects at random; the row
    // keeps the file's own name.
    QCOMPARE(model->data(model->index(0, QueueModel::NameColumn)).toString(),
             QStringLiteral("hello typebot.txt"));
    QTRY_VERIFY(window.overallText().contains(QStringLiteral("1 of 1 file stored")));
    QCOMPARE(window.windowTitle(), QStringLiteral("Typebot Uploader"));
}

void TestMainWindow::tooLargeFileFailsWithReason()
{
    Sandbox::SandboxConfig sandbox;
    sandbox.maxSizeBytes = 1024;
    MainWindow window(AppSettings::load(), sandbox);
    window.show();
    window.addPaths({ writeFile(QStringLiteral("big.bin"), 4096) });
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, 0), QueueModel::StateRole).toInt(),
                              int(JobState::Value::Failed), 20000);
    const QString status = model->data(model->index(0, QueueModel::StatusColumn)).toString();
    QVERIFY2(status.startsWith(QStringLiteral("Failed: The file is too large for this bot")),
             qPrintable(status));
    QVERIFY(model->data(model->index(0, QueueModel::UrlColumn)).toString().isEmpty());
}

void TestMainWindow::queueSurvivesRestart()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QStringList files = { writeFile(QStringLiteral("first.txt"), 100),
                                writeFile(QStringLiteral("second.txt"), 200),
                                writeFile(QStringLiteral("third.txt"), 300) };
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
    QCOMPARE(model->jobAt(2).failure.kind, Typebot::JobFailure::Kind::FileMissing);

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
    second.addPaths({ writeFile(QStringLiteral("memory.txt"), 64) });
    QTRY_COMPARE_WITH_TIMEOUT(second.queueModel()->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(second.queueModel()->jobAt(0).state, JobState::Value::Done, 20000);
}

void TestMainWindow::filesFromAnotherInstanceAreQueued()
{
    MainWindow window(AppSettings::load());
    window.action(QStringLiteral("pauseQueue"))->trigger();
    window.showMinimized();
    window.receivePaths({ writeFile(QStringLiteral("handed over.txt"), 10) });
    QTRY_COMPARE_WITH_TIMEOUT(window.queueModel()->rowCount(), 1, 10000);
    QVERIFY(!window.isMinimized());
    QVERIFY(window.isVisible());
}

int TestMainWindow::storeAndSelect(MainWindow &window, const QString &name)
{
    const QString path = writeFile(name, 512);
    window.addPaths({ path });
    QueueModel *model = window.queueModel();
    int row = -1;
    const auto findRow = [&] {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->jobAt(r).filePath == path)
                row = r;
        }
        return row >= 0 && model->jobAt(row).state == JobState::Value::Done;
    };
    if (!QTest::qWaitFor(findRow, 20000))
        return -1;
    QueueView *view = window.queueView();
    view->setCurrentIndex(view->model()->index(row, QueueModel::NameColumn));
    return row;
}

void TestMainWindow::retryCountsDownInStatusThenStores()
{
    MainWindow window(AppSettings::load());
    window.show();
    QVERIFY(window.sandbox()->isRunning());
    QString error;
    QVERIFY2(window.sandbox()->addFault(QStringLiteral("upload:status=503,count=1,retry-after=3"),
                                        &error),
             qPrintable(error));
    // The server's Retry-After is honoured up to maxRetryAfter: 3 s of countdown to read.
    Typebot::EngineConfig config;
    config.endpoint.apiBase = window.sandbox()->apiBaseUrl();
    config.endpoint.sessionId = window.sandbox()->sessionId();
    config.retry.maxAttempts = 5;
    config.retry.maxRetryAfter = std::chrono::seconds(10);
    window.service()->setConfig(config);

    window.addPaths({ writeFile(QStringLiteral("retried.txt"), 1024) });
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->jobAt(0).state, JobState::Value::WaitingToRetry, 20000);

    const QModelIndex status = model->index(0, QueueModel::StatusColumn);
    const QString text = model->data(status).toString();
    static const QRegularExpression countdown(
            QStringLiteral(R"(^The server is not accepting files right now \(it answered 503\)\. )"
                           R"(Retrying in ([1-3]) s\.$)"));
    const QRegularExpressionMatch match = countdown.match(text);
    QVERIFY2(match.hasMatch(), qPrintable(text));
    const QString tip = model->data(status, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("(it answered 503)"))
                     && tip.endsWith(QStringLiteral("It will try again.")),
             qPrintable(tip));
    // It counts down between engine updates, while the job waits.
    if (match.captured(1).toInt() > 1) {
        QTRY_VERIFY_WITH_TIMEOUT(model->data(status).toString() != text, 2500);
        const QString later = model->data(status).toString();
        QVERIFY2(model->jobAt(0).state != JobState::Value::WaitingToRetry
                         || countdown.match(later).captured(1).toInt() < match.captured(1).toInt(),
                 qPrintable(later));
    }

    QTRY_COMPARE_WITH_TIMEOUT(model->data(status).toString(), QStringLiteral("Stored"), 20000);
    QCOMPARE(model->jobAt(0).attempt, 2);
    QVERIFY(!model->jobAt(0).fileUrl.isEmpty());
}

void TestMainWindow::copyLinkPutsTheLinkOnTheClipboard()
{
    MainWindow window(AppSettings::load());
    window.show();
    const int row = storeAndSelect(window, QStringLiteral("link me.txt"));
    QVERIFY(row >= 0);
    const QString link = window.queueModel()->jobAt(row).fileUrl;
    QVERIFY2(link.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(link));

    QAction *copyLink = window.action(QStringLiteral("copyLink"));
    QVERIFY(copyLink);
    QTRY_VERIFY(copyLink->isEnabled());
    QGuiApplication::clipboard()->clear();
    copyLink->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), link);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("1 link copied")),
             qPrintable(window.statusBar()->currentMessage()));
}

void TestMainWindow::addingAQueuedFileAgainAsks()
{
    MainWindow window(AppSettings::load());
    window.show();
    const QString path = writeFile(QStringLiteral("twice.txt"), 50);
    window.addPaths({ path });
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    const auto answer = [](const QString &buttonText) {
        QTimer::singleShot(0, [buttonText] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), QStringLiteral("duplicateConfirmation"));
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().remove(u'&') == buttonText)
                    button->click();
            }
        });
    };
    answer(QStringLiteral("Skip Them"));
    window.addPaths({ path }); // skipped: nothing reaches the engine
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(window.statusBar()->currentMessage().contains(u"skipped"));
    answer(QStringLiteral("Upload Again"));
    window.addPaths({ path });
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
}

void TestMainWindow::quittingDuringUploadsAsks()
{
    MainWindow window(AppSettings::load());
    window.show();
    // A slow upload keeps the queue busy.
    QString error;
    QVERIFY2(window.sandbox()->addFault(QStringLiteral("upload:throttle=20000"), &error),
             qPrintable(error));
    window.addPaths({ writeFile(QStringLiteral("slow.bin"), 400000) });
    QTRY_VERIFY_WITH_TIMEOUT(window.overallText().contains(QStringLiteral("0 of 1 file stored")),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.windowTitle().startsWith(u"Typebot"), 10000);

    const auto answer = [](const QString &buttonText) {
        QTimer::singleShot(0, [buttonText] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY2(box->informativeText().contains(u"next time"),
                     qPrintable(box->informativeText()));
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().remove(u'&') == buttonText)
                    button->click();
            }
        });
    };
    QAction *quit = window.action(QStringLiteral("quit"));
    QVERIFY(quit);
    answer(QStringLiteral("Keep Uploading"));
    quit->trigger();
    QVERIFY(window.isVisible());
    answer(QStringLiteral("Quit"));
    quit->trigger();
    QVERIFY(!window.isVisible());
    // A quit the system asks for (logout, SIGTERM) never waits on a dialog.
    window.show();
    QVERIFY(window.close());
}

void TestMainWindow::startupAndHandedOverFilesAreJournaled()
{
    // Files from the command line arrive before the journal opens, a second start's a
    // moment later: both must be journaled, uploaded and in History.
    QTemporaryDir data;
    const QString first = writeFile(QStringLiteral("from-argv.txt"), 10);
    const QString second = writeFile(QStringLiteral("handed-over.txt"), 20);
    {
        MainWindow window(AppSettings::load(), {}, data.path());
        window.addPaths({ first }); // as main() does, right after construction
        window.receivePaths({ second });
        QueueModel *model = window.queueModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model->jobAt(0).state == JobState::Value::Done
                                         && model->jobAt(1).state == JobState::Value::Done,
                                 20000);
    }
    Typebot::JobDatabase journal;
    QVERIFY(journal.open(QDir(data.path()).filePath(QStringLiteral("queue.sqlite"))));
    QStringList stored;
    for (const Typebot::HistoryEntry &entry : journal.history())
        stored << entry.name;
    stored.sort();
    QCOMPARE(stored,
             (QStringList{ QStringLiteral("from-argv.txt"), QStringLiteral("handed-over.txt") }));
    for (const auto &entry : journal.entries())
        QCOMPARE(entry.state, JobState::Value::Done);
}

void TestMainWindow::titleAndProgressShowFailures()
{
    // One stored, one failed: the window must not read "done" or 100%.
    MainWindow window(AppSettings::load());
    window.show();
    const QString good = writeFile(QStringLiteral("good.txt"), 100);
    const QString gone = m_files.filePath(QStringLiteral("gone.txt"));
    window.addPaths({ good, gone });
    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window.overallText().contains(QStringLiteral("1 of 2 files stored")),
                             20000);
    QVERIFY2(window.overallText().contains(QStringLiteral("1 failed")),
             qPrintable(window.overallText()));
    QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), QStringLiteral("1 failed — Typebot Uploader"),
                              5000);
    auto *bar = window.findChild<QProgressBar *>();
    QVERIFY(bar);
    QVERIFY2(bar->value() < bar->maximum(), qPrintable(QString::number(bar->value())));
    QVERIFY2(!bar->text().startsWith(u"100"), qPrintable(bar->text()));
}

void TestMainWindow::uploadsToEveryServerVersion_data()
{
    QTest::addColumn<Sandbox::ServerVersion>("version");
    QTest::addColumn<QString>("style"); // as the details timeline names it
    QTest::addColumn<QString>("curlStep2");
    QTest::newRow("legacy") << Sandbox::ServerVersion::Legacy << QStringLiteral("S3 POST policy")
                            << QStringLiteral("--form-string");
    QTest::newRow("3.16") << Sandbox::ServerVersion::V3_16 << QStringLiteral("presigned PUT")
                          << QStringLiteral("'Cache-Control: public, max-age=86400'");
    QTest::newRow("3.18") << Sandbox::ServerVersion::V3_18 << QStringLiteral("upload proxy")
                          << QStringLiteral("'Cache-Control: public, max-age=86400'");
}

void TestMainWindow::uploadsToEveryServerVersion()
{
    // No setting changed: whatever server the sandbox plays, the file is stored.
    QFETCH(Sandbox::ServerVersion, version);
    QFETCH(QString, style);
    QFETCH(QString, curlStep2);
    Sandbox::SandboxConfig sandbox;
    sandbox.serverVersion = version;
    MainWindow window(AppSettings::load(), sandbox);
    window.show();
    const int row = storeAndSelect(window, QStringLiteral("any server.pdf"));
    QVERIFY(row >= 0);
    const JobSnapshot job = window.queueModel()->jobAt(row);
    const QString timeline = Typebot::TimelineEntry::toText(job.timeline);
    QVERIFY2(timeline.contains(style), qPrintable(timeline));
    QVERIFY2(!job.fileUrl.isEmpty(), qPrintable(timeline));
    QAction *copyCurl = window.action(QStringLiteral("copyCurl"));
    QTRY_VERIFY(copyCurl->isEnabled());
    copyCurl->trigger();
    const QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.contains(curlStep2), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("/generate-upload-url")), qPrintable(text));
}

void TestMainWindow::copyAsCurlGivesBothStepsRedacted()
{
    // A server that signs POST policies, whose form fields are the interesting part.
    Sandbox::SandboxConfig sandbox;
    sandbox.serverVersion = Sandbox::ServerVersion::V3_15;
    MainWindow window(AppSettings::load(), sandbox);
    window.show();
    const int row = storeAndSelect(window, QStringLiteral("curl me.txt"));
    QVERIFY(row >= 0);
    const JobSnapshot job = window.queueModel()->jobAt(row);
    QVERIFY(!job.ticket.presignedUrl.isEmpty());
    QVERIFY(!job.ticket.isPutVariant()); // the sandbox answers the multipart POST variant

    QAction *copyCurl = window.action(QStringLiteral("copyCurl"));
    QTRY_VERIFY(copyCurl->isEnabled());
    QGuiApplication::clipboard()->clear();
    copyCurl->trigger();
    const QString text = QGuiApplication::clipboard()->text();
    const QStringList commands =
            text.split(u'\n').filter(QRegularExpression(QStringLiteral("^curl ")));
    QCOMPARE(commands.size(), 2);

    // Step 1: the ticket request.
    QVERIFY2(commands.at(0).contains(QStringLiteral("/v2/generate-upload-url")), qPrintable(text));
    QVERIFY2(commands.at(0).contains(QStringLiteral("curl me.txt")), qPrintable(text));

    // Step 2: every field of the ticket in its order, the file last, then the URL.
    const QString upload = commands.at(1);
    QStringList names;
    static const QRegularExpression field(QStringLiteral(R"(--form-string '([^=']+)=)"));
    QRegularExpressionMatchIterator it = field.globalMatch(upload);
    while (it.hasNext())
        names << it.next().captured(1);
    QStringList expectedNames;
    for (const Typebot::FormField &f : job.ticket.formFields)
        expectedNames << f.name;
    QCOMPARE(names, expectedNames);
    QVERIFY(names.contains(QStringLiteral("policy")));
    QVERIFY2(upload.contains(QStringLiteral("'policy=[redacted]'")), qPrintable(upload));
    QVERIFY2(upload.contains(QStringLiteral("'x-amz-signature=[redacted]'")), qPrintable(upload));
    for (const Typebot::FormField &f : job.ticket.formFields) {
        if (Typebot::Redactor::isSecretFormField(f.name))
            QVERIFY2(!text.contains(f.value), qPrintable(f.name));
    }
    const qsizetype filePart = upload.indexOf(QStringLiteral("-F 'file=@\""));
    QVERIFY2(filePart > upload.lastIndexOf(QStringLiteral("--form-string")), qPrintable(upload));
    QVERIFY2(upload.indexOf(job.filePath) > filePart, qPrintable(upload));
    QVERIFY2(upload.endsWith(QStringLiteral("'") + job.ticket.presignedUrl.toString() + u'\''),
             qPrintable(upload));
    QVERIFY(!text.contains(QStringLiteral("presignedUrl\"")));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("redacted")));
}

void TestMainWindow::droppedFilesAndFoldersAreQueued()
{
    MainWindow window(AppSettings::load());
    window.action(QStringLiteral("pauseQueue"))->trigger(); // rows are what is checked here
    window.show();
    QTemporaryDir source;
    QVERIFY(source.isValid());
    const QDir root(source.path());
    QVERIFY(root.mkpath(QStringLiteral("album/nested")));
    const auto touch = [&](const QString &relative) {
        QFile file(root.filePath(relative));
        file.open(QIODevice::WriteOnly);
        file.write("x");
        return file.fileName();
    };
    const QString loose1 = touch(QStringLiteral("notes.txt"));
    const QString loose2 = touch(QStringLiteral("photo.png"));
    const QString inAlbum = touch(QStringLiteral("album/one.jpg"));
    const QString nested = touch(QStringLiteral("album/nested/two.jpg"));

    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("centralStack"));
    QCOMPARE(stack->currentWidget(), window.dropZone());
    QMimeData data;
    data.setUrls({ QUrl::fromLocalFile(loose1),
                   QUrl::fromLocalFile(root.filePath(QStringLiteral("album"))),
                   QUrl::fromLocalFile(loose2) });
    QVERIFY(dragAndDrop(window.dropZone(), &data));

    QueueModel *model = window.queueModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 10000);
    QStringList expected{ loose1, loose2, inAlbum, nested };
    std::sort(expected.begin(), expected.end());
    QCOMPARE(queuedPaths(model), expected); // the folder itself is no row
    QCOMPARE(stack->currentWidget(), window.queueView());

    // More files dropped on the filled queue join it.
    const QString late = touch(QStringLiteral("late.txt"));
    QMimeData more;
    more.setUrls({ QUrl::fromLocalFile(late) });
    QVERIFY(dragAndDrop(window.queueView()->viewport(), &more));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, 10000);
    expected << late;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(queuedPaths(model), expected);
}

void TestMainWindow::refusedDropSaysWhy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QUrl>>("urls");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("plain text") << QStringLiteral("some words") << QList<QUrl>{}
                                << QStringLiteral("This is text, not a file");
    QTest::newRow("a web address")
            << QString() << QList<QUrl>{ QUrl(QStringLiteral("https://example.com/cat.png")) }
            << QStringLiteral("is a web address, not a file on this computer");
}

void TestMainWindow::refusedDropSaysWhy()
{
    QFETCH(QString, text);
    QFETCH(QList<QUrl>, urls);
    QFETCH(QString, reasonContains);
    QMimeData data;
    if (!text.isEmpty())
        data.setText(text);
    if (!urls.isEmpty())
        data.setUrls(urls);

    MainWindow window(AppSettings::load());
    window.action(QStringLiteral("pauseQueue"))->trigger();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Empty queue: the drop zone shows the reason in red under its buttons.
    QVERIFY(!dragAndDrop(window.dropZone(), &data));
    auto *rejection = window.dropZone()->findChild<QLabel *>(QStringLiteral("dropRejection"));
    QVERIFY(rejection);
    QVERIFY(rejection->isVisible());
    QVERIFY2(rejection->text().contains(reasonContains), qPrintable(rejection->text()));

    // A filled queue: the reason goes to the status bar, and no row is added.
    window.addPaths({ writeFile(QStringLiteral("already here.txt"), 10) });
    QTRY_COMPARE_WITH_TIMEOUT(window.queueModel()->rowCount(), 1, 10000);
    window.statusBar()->clearMessage();
    QVERIFY(!dragAndDrop(window.queueView()->viewport(), &data));
    const QString message = window.statusBar()->currentMessage();
    // addPaths() would have replaced it with "Adding 1 item…".
    QVERIFY2(message.contains(reasonContains), qPrintable(message));
    QCOMPARE(window.queueModel()->rowCount(), 1);
}

QTEST_MAIN(TestMainWindow)
#include "testmainwindow.moc"
