// SPDX-License-Identifier: GPL-3.0-or-later
// The "Test a bot" window walking the sandbox's demo bot over loopback, offscreen.
#include "appsettings.h"
#include "bottesterwindow.h"
#include "engine/uploadengine.h"
#include "engine/uploadservice.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "sandboxserver.h"
#include "storage/historyentry.h"
#include "transcriptview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Typebot;
using Role = TranscriptView::Role;

class TestBotTester final : public QObject
{
    Q_OBJECT

private:
    // Starts the window against `server` and waits for the demo bot's first answer.
    static bool startDemoBot(BotTesterWindow &window, Sandbox::SandboxServer &server)
    {
        EndpointSettings endpoint;
        endpoint.apiBase = server.apiBaseUrl();
        window.setEndpoint(endpoint);
        window.setBotText(server.demoBotId());
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        window.start();
        return responses.wait(10000);
    }

    static bool answerName(BotTesterWindow &window, const QString &name)
    {
        auto *answer = window.findChild<QLineEdit *>(QStringLiteral("botTesterAnswer"));
        auto *send = window.findChild<QPushButton *>(QStringLiteral("botTesterSend"));
        if (!answer || !send)
            return false;
        answer->setText(name);
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        QTest::mouseClick(send, Qt::LeftButton);
        return responses.wait(10000);
    }

    static QString writePng(const QTemporaryDir &dir, const QString &name)
    {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QString path = dir.filePath(name);
        return image.save(path, "PNG") ? path : QString();
    }

    static QString lastText(const BotTesterWindow &window, Role role)
    {
        const QList<TranscriptView::Entry> entries = window.transcript()->entries();
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
            if (it->role == role)
                return it->text;
        }
        return QString();
    }

    // Starts `bot` and answers its prompts before the file block, as a person types them
    // (a choice by its label; "Car, Home" for several).
    static bool walkTo(BotTesterWindow &window, Sandbox::SandboxServer &server, const QString &bot,
                       const QStringList &answers)
    {
        EndpointSettings endpoint;
        endpoint.apiBase = server.apiBaseUrl();
        window.setEndpoint(endpoint);
        window.setBotText(bot);
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        window.start();
        if (!responses.wait(10000))
            return false;
        for (const QString &answer : answers) {
            responses.clear();
            window.sendText(answer);
            if (!responses.wait(10000) || responses.constFirst().at(1).toBool())
                return false;
        }
        return window.page() == BotTesterWindow::Page::Files;
    }

    static QStringList texts(const BotTesterWindow &window, Role role)
    {
        QStringList list;
        const QList<TranscriptView::Entry> entries = window.transcript()->entries();
        for (const TranscriptView::Entry &entry : entries) {
            if (entry.role == role)
                list << entry.text;
        }
        return list;
    }

    QTemporaryDir m_config;

    // For docs/screenshots: TBU_BOT_TESTER_SCREENSHOT=/path/bot-tester.png saves the window
    // there (`suffix` before the extension); unset, nothing is shown.
    static void saveScreenshot(BotTesterWindow &window, const QString &suffix)
    {
        QString path = qEnvironmentVariable("TBU_BOT_TESTER_SCREENSHOT");
        if (path.isEmpty())
            return;
        path.insert(path.lastIndexOf(u'.'), suffix);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300); // let the window manager settle for the picture
        QVERIFY(window.grab().save(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_bottester"));
    }

    // The app's own path: Ctrl+B in the main window, against its embedded sandbox.
    void mainWindowOpensTheTesterOnItsSandbox()
    {
        MainWindow main(AppSettings::load());
        QVERIFY(main.sandbox()->isRunning());
        QAction *action = main.action(QStringLiteral("testBot"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+B")));
        action->trigger();
        auto *window = main.findChild<BotTesterWindow *>();
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("botTesterUrl"))->text(),
                 main.sandbox()->apiBaseUrl().toString());
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("botTesterBot"))->text(),
                 QStringLiteral("demo-bot"));
        action->trigger(); // the same window again
        QCOMPARE(main.findChildren<BotTesterWindow *>().size(), 1);

        QSignalSpy responses(window->session(), &ChatSession::responseReceived);
        QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("botTesterStart")),
                          Qt::LeftButton);
        QVERIFY(responses.wait(10000));
        QCOMPARE(lastText(*window, Role::Bot), Sandbox::DemoBot::NameQuestion);
        QVERIFY(answerName(*window, QStringLiteral("Ana")));
        QCOMPARE(window->page(), BotTesterWindow::Page::Files);
    }

    // What the tester stores goes to the app's History, like the queue's uploads.
    void testerUploadsReachTheAppsHistory()
    {
        QTemporaryDir data;
        MainWindow main(AppSettings::load(), {}, data.path());
        main.action(QStringLiteral("testBot"))->trigger();
        auto *window = main.findChild<BotTesterWindow *>();
        QVERIFY(window);
        QSignalSpy responses(window->session(), &ChatSession::responseReceived);
        QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("botTesterStart")),
                          Qt::LeftButton);
        QVERIFY(responses.wait(10000));
        QVERIFY(answerName(*window, QStringLiteral("Ana")));
        QSignalSpy stored(window, &BotTesterWindow::uploadStored);
        QSignalSpy changed(main.service(), &Typebot::UploadService::historyChanged);
        const QString png = writePng(data, QStringLiteral("for-history.png"));
        QVERIFY(window->addFiles({ png }).isEmpty());
        QVERIFY(stored.count() > 0 || stored.wait(20000));
        // The service says when History changed; then it must list the file.
        const auto listed = [&main] {
            QSignalSpy history(main.service(), &Typebot::UploadService::historyLoaded);
            main.service()->requestHistory();
            if (!history.wait(20000))
                return false;
            const auto entries = history.first().first().value<QList<Typebot::HistoryEntry>>();
            return std::any_of(
                    entries.cbegin(), entries.cend(),
                    [](const Typebot::HistoryEntry &e) { return e.name == u"for-history.png"; });
        };
        QElapsedTimer clock;
        clock.start();
        bool found = listed();
        while (!found && clock.elapsed() < 30000) {
            if (changed.isEmpty())
                changed.wait(5000);
            changed.clear();
            found = listed();
        }
        QVERIFY(found);
    }

    void walksTheDemoBotToItsFinalMessage()
    {
        Sandbox::SandboxServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        BotTesterWindow window;
        window.resize(640, 760);
        QVERIFY(startDemoBot(window, server));
        QCOMPARE(window.page(), BotTesterWindow::Page::Text);
        QCOMPARE(lastText(window, Role::Bot), Sandbox::DemoBot::NameQuestion);
        // Greeting and question; "Starting a chat…" went away with the answer.
        QVERIFY(window.transcript()->entries().size() >= 2);
        QCOMPARE(lastText(window, Role::Notice), QString());

        QVERIFY(answerName(window, QStringLiteral("Ana")));
        QCOMPARE(lastText(window, Role::User), QStringLiteral("Ana"));
        QCOMPARE(window.page(), BotTesterWindow::Page::Files);
        QVERIFY(window.session()->isWaitingForFiles());
        QVERIFY(window.fileRulesText().contains(QStringLiteral("one file")));
        QVERIFY(!window.submitButton()->isEnabled());

        const QString png = writePng(dir, QStringLiteral("logo.png"));
        QVERIFY(!png.isEmpty());
        QSignalSpy finished(window.uploadEngine(), &UploadEngine::jobFinished);
        QCOMPARE(window.addFiles({ png }), QStringList());
        QVERIFY(finished.wait(10000));
        const JobSnapshot job = finished.constFirst().constFirst().value<JobSnapshot>();
        QCOMPARE(job.state, JobState::Value::Done);
        // Stored at this chat's file block (the sandbox plays the newest server, which files
        // uploads under the session's current block).
        QVERIFY2(job.fileUrl.contains(u"/blocks/" + Sandbox::DemoBot::FileInputId + u'/'),
                 qPrintable(job.fileUrl));
        QVERIFY(server.hasObject(Sandbox::SandboxServer::keyFromFileUrl(job.fileUrl)));
        QCOMPARE(window.fileList()->topLevelItemCount(), 1);
        QVERIFY(window.submitButton()->isEnabled());
        saveScreenshot(window, QStringLiteral("-files"));

        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        QTest::mouseClick(window.submitButton(), Qt::LeftButton);
        QVERIFY(responses.wait(10000));
        QCOMPARE(responses.constFirst().at(1).toBool(), false); // not rejected
        QCOMPARE(lastText(window, Role::User), job.fileUrl);
        QVERIFY2(lastText(window, Role::Bot).contains(job.fileUrl),
                 qPrintable(lastText(window, Role::Bot)));
        QVERIFY(lastText(window, Role::Bot).contains(QStringLiteral("Ana")));
        QCOMPARE(window.page(), BotTesterWindow::Page::Ended);

        // The link is clickable in the transcript; the copy is plain text.
        QVERIFY(window.transcript()->toHtml().contains(QStringLiteral("href=\"") + job.fileUrl));
        const QString text = window.transcript()->transcriptText();
        QVERIFY(text.contains(QStringLiteral("You: Ana\n")));
        QVERIFY(text.contains(QStringLiteral("Bot: ") + Sandbox::DemoBot::NameQuestion));

        saveScreenshot(window, QString());
    }

    void refusesDisallowedTypesBeforeUpload()
    {
        Sandbox::SandboxConfig config;
        config.demoBotFileTypes = { QStringLiteral(".png") };
        Sandbox::SandboxServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile notes(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("hello");
        notes.close();

        BotTesterWindow window;
        QVERIFY(startDemoBot(window, server));
        QVERIFY(answerName(window, QStringLiteral("Ana")));
        QCOMPARE(window.page(), BotTesterWindow::Page::Files);
        QVERIFY(window.fileRulesText().contains(QStringLiteral(".png")));
        server.clearRequests();

        const QStringList refusals = window.addFiles({ notes.fileName() });
        QCOMPARE(refusals.size(), 1);
        QVERIFY2(refusals.constFirst().contains(QStringLiteral(".png"))
                         && refusals.constFirst().contains(QStringLiteral(".txt")),
                 qPrintable(refusals.constFirst()));
        QCOMPARE(window.uploadEngine()->count(), 0);
        QCOMPARE(window.fileList()->topLevelItemCount(), 1);
        QVERIFY(window.fileList()->topLevelItem(0)->text(2).contains(QStringLiteral(".png")));
        QVERIFY(!window.submitButton()->isEnabled());

        // Listed with the refused file, a good one is held: the bot takes the files of one
        // answer together or not at all.
        const QString first = writePng(dir, QStringLiteral("a.png"));
        QCOMPARE(window.addFiles({ first }), QStringList());
        QCOMPARE(window.uploadEngine()->count(), 0);
        QVERIFY(window.fileList()->topLevelItem(1)->text(2).startsWith(QStringLiteral("Held")));
        // The refused file can be removed on its own; then the other one goes.
        QSignalSpy finished(window.uploadEngine(), &UploadEngine::jobFinished);
        window.removeFile(0);
        QCOMPARE(window.fileList()->topLevelItemCount(), 1);
        QCOMPARE(window.uploadEngine()->count(), 1);
        QVERIFY(finished.wait(10000));
        QVERIFY(window.submitButton()->isEnabled());

        // A second file where the block takes one is refused, before any upload.
        const QString second = writePng(dir, QStringLiteral("b.png"));
        const QStringList more = window.addFiles({ second });
        QCOMPARE(more.size(), 1);
        QVERIFY(more.constFirst().startsWith(QStringLiteral("b.png: ")));
        QVERIFY(!window.submitButton()->isEnabled());
        window.fileList()->topLevelItem(1)->setSelected(true);
        window.removeSelectedFiles();
        QVERIFY(window.submitButton()->isEnabled());
        QCOMPARE(window.uploadEngine()->count(), 1);
        // Nothing but a.png ever reached the server.
        QCOMPARE(server.objectKeys().size(), 1);
        QVERIFY(server.objectKeys().constFirst().endsWith(QStringLiteral(".png")));
    }

    void walksEveryDemoBotToItsFileBlock_data()
    {
        QTest::addColumn<QString>("bot");
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("sent");
        QTest::addColumn<QString>("ending");
        QTest::newRow("demo-bot") << QStringLiteral("demo-bot")
                                  << QStringList{ QStringLiteral("Ana") }
                                  << QStringList{ QStringLiteral("photo.png") }
                                  << QStringList{ QStringLiteral("Ana") }
                                  << QStringLiteral("Thanks, Ana! I received 1 file:");
        QTest::newRow("demo-buttons-bot: values, several choices, progress")
                << QStringLiteral("demo-buttons-bot")
                << QStringList{ QStringLiteral("Premium"), QStringLiteral("Car, Home") }
                << QStringList{ QStringLiteral("photo.png") }
                << QStringList{ QStringLiteral("plan-premium-2024"), QStringLiteral("car, home") }
                << QStringLiteral("Claim opened (plan-premium-2024; car, home) with 1 file:");
        QTest::newRow("demo-files-bot: several files of listed types")
                << QStringLiteral("demo-files-bot")
                << QStringList{ QStringLiteral("ana@example.com") }
                << QStringList{ QStringLiteral("a.png"), QStringLiteral("my scan.png") }
                << QStringList{ QStringLiteral("ana@example.com") }
                << QStringLiteral("Got 2 files; we will write to ana@example.com:");
        QTest::newRow("demo-form-bot: every kind of input")
                << QStringLiteral("demo-form-bot")
                << QStringList{ QStringLiteral("3"),           QStringLiteral("Ana@Example.com"),
                                QStringLiteral("example.com"), QStringLiteral("+33 6 12 34 56 78"),
                                QStringLiteral("2026-03-21"),  QStringLiteral("14:30"),
                                QStringLiteral("4"),           QStringLiteral("Blue car"),
                                QStringLiteral("replace") }
                << QStringList{ QStringLiteral("photo.png") }
                << QStringList{ QStringLiteral("3"),
                                QStringLiteral("Ana@Example.com"),
                                QStringLiteral("example.com"),
                                QStringLiteral("+33 6 12 34 56 78"),
                                QStringLiteral("2026-03-21"),
                                QStringLiteral("14:30"),
                                QStringLiteral("4"),
                                QStringLiteral("Blue car"),
                                QStringLiteral("card-replace-path") }
                << QStringLiteral("Here is what I understood:");
    }

    void walksEveryDemoBotToItsFileBlock()
    {
        QFETCH(QString, bot);
        QFETCH(QStringList, answers);
        QFETCH(QStringList, files);
        QFETCH(QStringList, sent);
        QFETCH(QString, ending);
        Sandbox::SandboxServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir dir;
        BotTesterWindow window;
        QVERIFY(walkTo(window, server, bot, answers));
        QStringList paths;
        for (const QString &file : std::as_const(files))
            paths << writePng(dir, file);
        QSignalSpy stored(&window, &BotTesterWindow::uploadStored);
        QCOMPARE(window.addFiles(paths), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), int(files.size()), 10000);
        QVERIFY(window.canSubmit());
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        QTest::mouseClick(window.submitButton(), Qt::LeftButton);
        QVERIFY(responses.wait(10000));
        QCOMPARE(responses.constFirst().at(1).toBool(), false); // accepted
        QCOMPARE(window.page(), BotTesterWindow::Page::Ended);
        const QStringList users = texts(window, Role::User);
        QCOMPARE(users.mid(0, sent.size()), sent);
        QVERIFY2(lastText(window, Role::Bot).startsWith(ending),
                 qPrintable(lastText(window, Role::Bot)));
        if (bot == u"demo-buttons-bot") {
            QVERIFY(window.chatProgressBar()->isVisibleTo(&window));
            QCOMPARE(window.chatProgressBar()->value(), 100);
        }
        if (bot == u"demo-form-bot") {
            // Media bubbles as links; the server's reading of an answer shown.
            QVERIFY(texts(window, Role::Bot)
                            .contains(QStringLiteral(
                                    "[image] https://example.com/sandbox/logo.png")));
            QVERIFY(texts(window, Role::Notice)
                            .contains(QStringLiteral(
                                    "The bot recorded your answer as: ana@example.com")));
        }
    }

    void aNameWithASpaceIsAccepted()
    {
        Sandbox::SandboxConfig config;
        config.serverVersion = Sandbox::ServerVersion::V3_16; // keeps the name in the link
        config.demoBotFileTypes = { QStringLiteral("image/*") };
        Sandbox::SandboxServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir dir;
        BotTesterWindow window;
        QVERIFY(walkTo(window, server, QStringLiteral("demo-bot"), { QStringLiteral("Ana") }));
        QSignalSpy stored(&window, &BotTesterWindow::uploadStored);
        QCOMPARE(window.addFiles({ writePng(dir, QStringLiteral("my scan #1.png")) }),
                 QStringList());
        QVERIFY(stored.wait(10000));
        const auto job = stored.constFirst().constFirst().value<JobSnapshot>();
        QVERIFY2(job.fileUrl.endsWith(QStringLiteral("/my scan #1.png")), qPrintable(job.fileUrl));
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        window.submitFiles();
        QVERIFY(responses.wait(10000));
        QCOMPARE(responses.constFirst().at(1).toBool(), false);
        QVERIFY(lastText(window, Role::User).endsWith(QStringLiteral("/my%20scan%20%231.png")));
        QVERIFY(lastText(window, Role::Bot).contains(job.fileUrl));
    }

    void enterOnTheFileListSubmitsOnceStored()
    {
        Sandbox::SandboxServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QTemporaryDir dir;
        BotTesterWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(walkTo(window, server, QStringLiteral("demo-bot"), { QStringLiteral("Ana") }));
        window.addFiles({ writePng(dir, QStringLiteral("logo.png")) });
        window.fileList()->setFocus();
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        // Pressed at once, while the file may still be uploading: sent when it is stored.
        QTest::keyClick(window.fileList(), Qt::Key_Return);
        QVERIFY(responses.wait(10000));
        QCOMPARE(responses.constFirst().at(1).toBool(), false);
        QCOMPARE(window.page(), BotTesterWindow::Page::Ended);
    }

    void escapeClosesTheWindow()
    {
        BotTesterWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QLineEdit *>(QStringLiteral("botTesterBot"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!window.isVisible());
    }

    void previewsUseTheProfilesToken()
    {
        Sandbox::SandboxConfig config;
        config.token = QStringLiteral("preview-token-123");
        Sandbox::SandboxServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        EndpointSettings endpoint;
        endpoint.apiBase = server.apiBaseUrl();
        BotTesterWindow withoutToken(endpoint);
        withoutToken.setBotText(QStringLiteral("demo-bot"));
        withoutToken.setPreview(true);
        withoutToken.start();
        QVERIFY(lastText(withoutToken, Role::Error).contains(QStringLiteral("API token")));

        endpoint.token = config.token;
        BotTesterWindow window(endpoint);
        window.setBotText(QStringLiteral("demo-bot"));
        window.setPreview(true);
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        window.start();
        QVERIFY(responses.wait(10000));
        QCOMPARE(lastText(window, Role::Bot), Sandbox::DemoBot::NameQuestion);
        QVERIFY(server.requests().constLast().path.endsWith(u"/preview/startChat"));
    }

    void paymentNeedsABrowser()
    {
        Sandbox::SandboxServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        BotTesterWindow window;
        EndpointSettings endpoint;
        endpoint.apiBase = server.apiBaseUrl();
        window.setEndpoint(endpoint);
        window.setBotText(QStringLiteral("demo-payment-bot"));
        QSignalSpy responses(window.session(), &ChatSession::responseReceived);
        window.start();
        QVERIFY(responses.wait(10000));
        QCOMPARE(window.page(), BotTesterWindow::Page::Ended);
        const QList<QLabel *> labels = window.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text().contains(QStringLiteral("only a browser can make"));
        }));
    }

    void fitsA1366x768Screen()
    {
        BotTesterWindow window;
        // A panel and a title bar leave about 1366×700 to a window.
        QVERIFY(window.width() <= 1366 && window.height() <= 700);
        QVERIFY2(window.minimumSizeHint().height() <= 640,
                 qPrintable(QString::number(window.minimumSizeHint().height())));
        ChatResponse response;
        ChatInput input;
        input.kind = ChatInput::Kind::File;
        input.type = QStringLiteral("file input");
        input.file.isRequired = false;
        input.file.typesRestricted = true;
        input.file.allowedTypes = { QStringLiteral("image/*"), QStringLiteral(".pdf"),
                                    QStringLiteral(".csv") };
        response.input = input;
        Q_EMIT window.session()->responseReceived(response, false);
        QCOMPARE(window.page(), BotTesterWindow::Page::Files);
        QVERIFY(window.fileRulesText().contains(QStringLiteral("cannot match .csv")));
        QVERIFY2(window.minimumSizeHint().height() <= 640,
                 qPrintable(QString::number(window.minimumSizeHint().height())));
        QVERIFY(window.minimumSizeHint().width() <= 1366);
    }

    void rejectedFilesShowTheBotsReplyAndAskAgain()
    {
        BotTesterWindow window;
        ChatResponse response;
        ChatMessage retry;
        retry.text = Sandbox::DemoBot::RetryMessage;
        response.messages << retry;
        ChatInput input;
        input.kind = ChatInput::Kind::File;
        input.type = QStringLiteral("file input");
        input.file.isRequired = false;
        response.input = input;
        Q_EMIT window.session()->responseReceived(response, true);
        const QList<TranscriptView::Entry> entries = window.transcript()->entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).role, Role::Notice);
        QCOMPARE(entries.at(1).text, Sandbox::DemoBot::RetryMessage);
        QCOMPARE(window.page(), BotTesterWindow::Page::Files);
        QCOMPARE(window.fileList()->topLevelItemCount(), 0);
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("botTesterSkip"))
                        ->isVisibleTo(&window));
        QVERIFY(window.fileRulesText().contains(QStringLiteral("skip")));
    }

    void botNotFoundIsSaidInPlainWords()
    {
        Sandbox::SandboxServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        BotTesterWindow window;
        EndpointSettings endpoint;
        endpoint.apiBase = server.apiBaseUrl();
        window.setEndpoint(endpoint);
        window.setBotText(QStringLiteral("no-such-bot"));
        QSignalSpy failed(window.session(), &ChatSession::failed);
        window.start();
        QVERIFY(failed.wait(10000));
        const QString message = lastText(window, Role::Error);
        QVERIFY2(message.contains(QStringLiteral("no-such-bot")), qPrintable(message));
        QCOMPARE(window.page(), BotTesterWindow::Page::Ended);
    }

    void linksAreOnlyHttp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("html");
        QTest::newRow("an https link ends before the full stop")
                << QStringLiteral("See https://a.example/x.png.")
                << QStringLiteral(
                           "See <a href=\"https://a.example/x.png\">https://a.example/x.png</a>.");
        QTest::newRow("javascript and file addresses stay text")
                << QStringLiteral("javascript:alert(1) file:///etc/passwd")
                << QStringLiteral("javascript:alert(1) file:///etc/passwd");
        QTest::newRow("markup is escaped, lines kept")
                << QStringLiteral("<b>hi</b>\nthere")
                << QStringLiteral("&lt;b&gt;hi&lt;/b&gt;<br>there");
    }

    void linksAreOnlyHttp()
    {
        QFETCH(QString, text);
        QFETCH(QString, html);
        QCOMPARE(TranscriptView::linkify(text), html);
    }
};

QTEST_MAIN(TestBotTester)
#include "testbottester.moc"
