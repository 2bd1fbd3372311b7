// SPDX-License-Identifier: GPL-3.0-or-later
// The application behind the window: where files go (one answer, for every view), files
// held until the journal is open, and the pause the user and the keychain ask for.

#include "appcontroller.h"
#include "engine/uploadservice.h"
#include "localization.h"
#include "localsandbox.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestAppController final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sandboxIsTheFirstDestination();
    void anEditSwitchesTheDestinationAtOnce();
    void anIncompleteProfileSaysWhatIsMissing();
    void filesWaitForTheJournal();
    void pauseReachesTheEngine();

private:
    static AppSettings firstRun();
    QTemporaryDir m_config;
};

void TestAppController::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_appcontroller"));
    Localization::install(QStringLiteral("en"));
}

AppSettings TestAppController::firstRun()
{
    AppSettings settings;
    settings.profiles = { AppSettings::sandboxProfile() };
    settings.currentProfileId = Profile::SandboxId;
    return settings;
}

void TestAppController::sandboxIsTheFirstDestination()
{
    AppController app(firstRun(), {}, QString());
    QSignalSpy changed(&app, &AppController::destinationChanged);
    app.start();
    QCOMPARE(changed.size(), 1);
    const AppController::Destination destination = app.destination();
    QVERIFY(destination.sandbox);
    QVERIFY(destination.sandboxError.isEmpty());
    QVERIFY(app.sandbox()->isRunning());
    // The engine is given the running sandbox's address, not the profile's empty one.
    QCOMPARE(app.effectiveEndpoint().apiBase, app.sandbox()->apiBaseUrl());
    QCOMPARE(app.effectiveEndpoint().sessionId, app.sandbox()->sessionId());
}

void TestAppController::anEditSwitchesTheDestinationAtOnce()
{
    AppController app(firstRun(), {}, QString());
    app.start();
    AppSettings edited = app.settings();
    Profile production;
    production.id = QStringLiteral("prod");
    production.name = QStringLiteral("Production");
    production.apiBase = QStringLiteral("https://bot.example.com/api");
    production.sessionId = QStringLiteral("session-1");
    edited.profiles << production;
    edited.currentProfileId = production.id;
    QSignalSpy changed(&app, &AppController::destinationChanged);
    app.applyEdit(edited, app.settings());
    QCOMPARE(changed.size(), 1);
    const auto destination = changed.first().first().value<AppController::Destination>();
    QVERIFY(!destination.sandbox);
    QCOMPARE(destination.profileName, QStringLiteral("Production"));
    QCOMPARE(destination.host, QStringLiteral("bot.example.com"));
    QVERIFY(destination.problem.isEmpty());
    QCOMPARE(app.effectiveEndpoint().apiBase, QUrl(QStringLiteral("https://bot.example.com/api")));
    QCOMPARE(app.settings().currentProfileId, production.id);
}

void TestAppController::anIncompleteProfileSaysWhatIsMissing()
{
    AppSettings settings = firstRun();
    Profile draft;
    draft.id = QStringLiteral("draft");
    draft.name = QStringLiteral("Draft");
    draft.apiBase = QStringLiteral("https://bot.example.com/api"); // no session yet
    settings.profiles << draft;
    settings.currentProfileId = draft.id;
    AppController app(settings, {}, QString());
    app.start();
    QVERIFY(!app.destination().sandbox);
    QVERIFY(!app.destination().problem.isEmpty());
    QVERIFY(!app.sandbox()->isRunning()); // not needed, not started
}

void TestAppController::filesWaitForTheJournal()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    AppController app(firstRun(), {}, data.path());
    QSignalSpy released(&app, &AppController::heldPathsReleased);
    QSignalSpy ready(&app, &AppController::journalReady);
    app.start();
    QVERIFY(!app.isJournalReady());
    QVERIFY(app.holdUntilJournalReady({ QStringLiteral("/tmp/a.txt") }));
    QVERIFY(app.holdUntilJournalReady({ QStringLiteral("/tmp/b.txt") }));
    QVERIFY(ready.wait(10000));
    QCOMPARE(released.size(), 1);
    QCOMPARE(released.first().first().toStringList(),
             (QStringList{ QStringLiteral("/tmp/a.txt"), QStringLiteral("/tmp/b.txt") }));
    QVERIFY(app.isJournalReady());
    QVERIFY(!app.holdUntilJournalReady({ QStringLiteral("/tmp/c.txt") })); // straight through
}

void TestAppController::pauseReachesTheEngine()
{
    AppController app(firstRun(), {}, QString());
    app.start();
    QSignalSpy pause(&app, &AppController::pauseChanged);
    QSignalSpy stats(app.service(), &Typebot::UploadService::statsChanged);
    app.setUserPaused(true);
    QCOMPARE(pause.size(), 1);
    QVERIFY(pause.first().first().toBool());
    QTRY_VERIFY_WITH_TIMEOUT(
            !stats.isEmpty() && stats.last().first().value<Typebot::QueueStats>().paused, 5000);
    app.setUserPaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(!stats.last().first().value<Typebot::QueueStats>().paused, 5000);
}

QTEST_MAIN(TestAppController)
#include "testappcontroller.moc"
