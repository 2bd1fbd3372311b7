// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "profiletokens.h"
#include "settingsdialog.h"
#include "storage/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// The settings dialog checks each field as it is typed and keeps Save disabled until every
// profile is usable; the token never reaches the settings file. Run twice by ctest: without
// a session bus (no keychain), and with a throw-away keyring (tokenRoundTripsThroughKeychain).
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inlineValidation_data();
    void inlineValidation();
    void sandboxProfileIsAlwaysValid();
    void showsAndForgetsWhatWasLearnedOfTheServer();
    void tokenIsNeverSaved();
    void historyRetentionIsSaved();
    void keychainNotesFollowTheKeychain();
    void tokensWithoutKeychainAreSessionOnlyOrOptInFile();
    void tokenRoundTripsThroughKeychain();

private:
    static AppSettings withProfile(const QString &token);
    QByteArray settingsFileContent() const;

    QTemporaryDir m_config;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
}

void TestSettingsDialog::inlineValidation_data()
{
    QTest::addColumn<QString>("apiBase");
    QTest::addColumn<QString>("session");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("apiError");
    QTest::addColumn<QString>("sessionError");

    QTest::newRow("a good https profile")
            << QStringLiteral("https://typebot.io/api") << QStringLiteral("abc123") << false
            << QString() << QString();
    QTest::newRow("an empty session") << QStringLiteral("https://typebot.io/api") << QString()
                                      << false << QString() << QStringLiteral("session");
    QTest::newRow("a session with spaces")
            << QStringLiteral("https://typebot.io/api") << QStringLiteral("abc 123") << false
            << QString() << QStringLiteral("spaces");
    QTest::newRow("not a URL") << QStringLiteral("typebot") << QStringLiteral("abc") << false
                               << QStringLiteral("full URL") << QString();
    QTest::newRow("ftp scheme") << QStringLiteral("ftp://typebot.io/api") << QStringLiteral("abc")
                                << false << QStringLiteral("http") << QString();
    QTest::newRow("plain http to a remote host")
            << QStringLiteral("http://bots.example.com/api") << QStringLiteral("abc") << false
            << QStringLiteral("unencrypted") << QString();
    QTest::newRow("plain http allowed explicitly")
            << QStringLiteral("http://bots.example.com/api") << QStringLiteral("abc") << true
            << QString() << QString();
    QTest::newRow("plain http to localhost")
            << QStringLiteral("http://localhost:3001/api") << QStringLiteral("abc") << false
            << QString() << QString();
}

void TestSettingsDialog::inlineValidation()
{
    QFETCH(QString, apiBase);
    QFETCH(QString, session);
    QFETCH(bool, insecure);
    QFETCH(QString, apiError);
    QFETCH(QString, sessionError);

    AppSettings settings;
    settings.profiles << AppSettings::sandboxProfile();
    Profile profile;
    profile.id = QStringLiteral("p1");
    profile.name = QStringLiteral("Production");
    profile.apiBase = QStringLiteral("https://typebot.io/api");
    profile.sessionId = QStringLiteral("ok");
    settings.profiles << profile;

    SettingsDialog dialog(settings);
    dialog.selectProfile(1);
    QVERIFY(dialog.isSaveEnabled());
    auto *apiEdit = dialog.findChild<QLineEdit *>(QStringLiteral("apiBaseEdit"));
    auto *sessionEdit = dialog.findChild<QLineEdit *>(QStringLiteral("sessionEdit"));
    auto *insecureCheck = dialog.findChild<QCheckBox *>(QStringLiteral("insecureCheck"));
    QVERIFY(apiEdit && sessionEdit && insecureCheck);

    insecureCheck->setChecked(insecure);
    apiEdit->clear();
    QTest::keyClicks(apiEdit, apiBase);
    sessionEdit->clear();
    QTest::keyClicks(sessionEdit, session);

    const QString shownApiError = dialog.fieldError(SettingsDialog::Field::ApiBase);
    const QString shownSessionError = dialog.fieldError(SettingsDialog::Field::Session);
    if (apiError.isEmpty())
        QVERIFY2(shownApiError.isEmpty(), qPrintable(shownApiError));
    else
        QVERIFY2(shownApiError.contains(apiError, Qt::CaseInsensitive), qPrintable(shownApiError));
    if (sessionError.isEmpty())
        QVERIFY2(shownSessionError.isEmpty(), qPrintable(shownSessionError));
    else
        QVERIFY2(shownSessionError.contains(sessionError, Qt::CaseInsensitive),
                 qPrintable(shownSessionError));
    QCOMPARE(dialog.isSaveEnabled(), apiError.isEmpty() && sessionError.isEmpty());
}

void TestSettingsDialog::showsAndForgetsWhatWasLearnedOfTheServer()
{
    QTemporaryDir dir;
    Typebot::ServerKnowledgeStore store(dir.filePath(QStringLiteral("servers.json")));
    Typebot::ServerKnowledge learned;
    learned.route = Typebot::ServerKnowledge::Route::V3;
    learned.style = Typebot::ServerKnowledge::SendStyle::UploadProxy;
    learned.v2Absent = true;
    QVERIFY(store.save(QUrl(QStringLiteral("https://bots.example.com/api")), learned));

    AppSettings settings;
    settings.profiles << AppSettings::sandboxProfile();
    Profile profile;
    profile.id = QStringLiteral("p1");
    profile.name = QStringLiteral("Production");
    profile.apiBase = QStringLiteral("https://bots.example.com/api/");
    profile.sessionId = QStringLiteral("ok");
    settings.profiles << profile;
    SettingsDialog dialog(settings);
    dialog.setServerStore(&store);
    dialog.selectProfile(1);
    QCOMPARE(dialog.serverDescription(),
             QStringLiteral("Typebot 3.18 or later: v3 route, upload proxy"));

    auto *forget = dialog.findChild<QPushButton *>(QStringLiteral("forgetServerButton"));
    QVERIFY(forget && forget->isEnabled());
    forget->click();
    QVERIFY(!store.find(QUrl(QStringLiteral("https://bots.example.com/api"))).isKnown());
    QVERIFY2(dialog.serverDescription().startsWith(u"Not learned yet"),
             qPrintable(dialog.serverDescription()));
    QVERIFY(!forget->isEnabled());

    // The optional block id is part of the profile.
    auto *blockEdit = dialog.findChild<QLineEdit *>(QStringLiteral("blockIdEdit"));
    QVERIFY(blockEdit);
    QTest::keyClicks(blockEdit, QStringLiteral("clblock123"));
    QCOMPARE(dialog.settings().profiles.at(1).blockId, QStringLiteral("clblock123"));
}

void TestSettingsDialog::sandboxProfileIsAlwaysValid()
{
    AppSettings settings;
    settings.profiles << AppSettings::sandboxProfile();
    SettingsDialog dialog(settings);
    QVERIFY(dialog.isSaveEnabled());
    QVERIFY(SettingsDialog::validateProfile(settings.profiles.constFirst(), settings.profiles)
                    .isEmpty());
}

void TestSettingsDialog::tokenIsNeverSaved()
{
    AppSettings settings;
    settings.profiles << AppSettings::sandboxProfile();
    Profile profile;
    profile.id = QStringLiteral("p1");
    profile.name = QStringLiteral("Production");
    profile.apiBase = QStringLiteral("https://typebot.io/api");
    profile.sessionId = QStringLiteral("session-1");
    profile.token = QStringLiteral("secret-token-do-not-write");
    settings.profiles << profile;
    settings.currentProfileId = profile.id;
    settings.save();
    QSettings().sync();

    const AppSettings loaded = AppSettings::load();
    QCOMPARE(loaded.profiles.size(), 2);
    QCOMPARE(loaded.profiles.at(1).sessionId, QStringLiteral("session-1"));
    QVERIFY(loaded.profiles.at(1).token.isEmpty());
    QCOMPARE(loaded.currentProfileId, QStringLiteral("p1"));

    QFile file(QSettings().fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QByteArray content = file.readAll();
    QVERIFY(!content.contains("secret-token-do-not-write"));
    QVERIFY(!content.contains("token=")); // no field for it at all
}

AppSettings TestSettingsDialog::withProfile(const QString &token)
{
    AppSettings settings;
    settings.profiles << AppSettings::sandboxProfile();
    Profile profile;
    profile.id = QStringLiteral("p1");
    profile.name = QStringLiteral("Production");
    profile.apiBase = QStringLiteral("https://typebot.io/api");
    profile.sessionId = QStringLiteral("session-1");
    profile.token = token;
    settings.profiles << profile;
    settings.currentProfileId = profile.id;
    return settings;
}

QByteArray TestSettingsDialog::settingsFileContent() const
{
    QSettings().sync();
    QFile file(QSettings().fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestSettingsDialog::historyRetentionIsSaved()
{
    AppSettings settings = withProfile(QString());
    SettingsDialog dialog(settings);
    auto *retention = dialog.findChild<QComboBox *>(QStringLiteral("retentionCombo"));
    QVERIFY(retention);
    QCOMPARE(retention->currentData().toInt(), 0);
    retention->setCurrentIndex(retention->findData(90));
    dialog.accept();
    QCOMPARE(dialog.settings().historyRetentionDays, 90);
    dialog.settings().save();
    QCOMPARE(AppSettings::load().historyRetentionDays, 90);
}

void TestSettingsDialog::keychainNotesFollowTheKeychain()
{
    SettingsDialog dialog(withProfile(QStringLiteral("t")));
    dialog.selectProfile(1);
    auto *tokenNote = dialog.findChild<QLabel *>(QStringLiteral("tokenNote"));
    auto *keychainNote = dialog.findChild<QLabel *>(QStringLiteral("keychainNote"));
    auto *fileCheck = dialog.findChild<QCheckBox *>(QStringLiteral("tokenFileCheck"));
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("tokenFileWarning"));
    QVERIFY(tokenNote && keychainNote && fileCheck && warning);
    dialog.show();

    dialog.setKeychainMissing(false, QStringLiteral("/data/tokens.json"));
    QVERIFY(tokenNote->isVisible());
    QVERIFY(!keychainNote->isVisible());
    QVERIFY(!fileCheck->isVisible());

    dialog.setKeychainMissing(true, QStringLiteral("/data/tokens.json"));
    QVERIFY(!tokenNote->isVisible());
    QVERIFY(keychainNote->isVisible());
    QCOMPARE(keychainNote->text(),
             QStringLiteral("No keychain service is running: the token is "
                            "kept for this session only."));
    QVERIFY(fileCheck->isVisible());
    QVERIFY(!fileCheck->isChecked()); // never on unless the user turns it on
    QVERIFY(!warning->isVisible());

    fileCheck->setChecked(true);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("/data/tokens.json")));
    QVERIFY(warning->text().contains(QStringLiteral("unencrypted")));
    dialog.accept();
    QVERIFY(dialog.settings().tokensInFile);
}

void TestSettingsDialog::tokensWithoutKeychainAreSessionOnlyOrOptInFile()
{
    if (!ProfileTokens(QString()).isKeychainMissing())
        QSKIP("a keychain runs here; this case is for the run without a session bus");
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QString file = data.filePath(QStringLiteral("tokens.json"));
    const AppSettings settings = withProfile(QStringLiteral("session-only-token-x1"));

    ProfileTokens tokens(file);
    QSignalSpy saved(&tokens, &ProfileTokens::tokenSaved);
    tokens.save(withProfile(QString()).profiles, settings.profiles);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);
    QCOMPARE(saved.constFirst().at(1).value<Typebot::SecretStore::Status>(),
             Typebot::SecretStore::Status::SessionOnly);
    QVERIFY(tokens.isKeychainMissing());
    QVERIFY(!QFile::exists(file));
    settings.save();
    QVERIFY(!settingsFileContent().contains("session-only-token-x1"));

    // The explicit opt-in: an owner-only file, read back by the next start.
    tokens.setFileFallbackEnabled(true);
    tokens.writeAll(settings.profiles);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 30000);
    QCOMPARE(saved.at(1).at(1).value<Typebot::SecretStore::Status>(),
             Typebot::SecretStore::Status::InsecureFile);
    QVERIFY(QFile::exists(file));
    QCOMPARE(QFile::permissions(file)
                     & ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
             QFileDevice::Permissions());
    ProfileTokens nextStart(file);
    nextStart.setFileFallbackEnabled(true);
    QSignalSpy loaded(&nextStart, &ProfileTokens::tokenLoaded);
    nextStart.load(settings.profiles);
    QVERIFY(nextStart.isPending(QStringLiteral("p1")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    QCOMPARE(loaded.constFirst().at(1).toString(), QStringLiteral("session-only-token-x1"));
    QVERIFY(!nextStart.isPending(QStringLiteral("p1")));
    QVERIFY(!settingsFileContent().contains("session-only-token-x1"));

    // Opting out takes the file away.
    nextStart.setFileFallbackEnabled(false);
    QVERIFY(!QFile::exists(file));
}

void TestSettingsDialog::tokenRoundTripsThroughKeychain()
{
    if (ProfileTokens(QString()).isKeychainMissing())
        QSKIP("needs a keychain: run through tests/support/with-keyring.sh");
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QString token = QStringLiteral("keychain-token-do-not-write-7f3a");
    withProfile(QString()).save();
    {
        MainWindow window(AppSettings::load(), {}, data.path());
        QSignalSpy saved(window.tokens(), &ProfileTokens::tokenSaved);
        // Type the token in Settings and press Save.
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = window.findChild<SettingsDialog *>();
            QVERIFY(dialog);
            dialog->selectProfile(1);
            dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(token);
            dialog->accept();
        });
        window.openSettings();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);
        QCOMPARE(saved.constFirst().at(1).value<Typebot::SecretStore::Status>(),
                 Typebot::SecretStore::Status::Ok);
    }
    QVERIFY(!settingsFileContent().contains(token.toUtf8()));
    QVERIFY(!QFile::exists(data.filePath(QStringLiteral("tokens.json"))));

    // The next start reads it before any upload of that profile may begin.
    {
        MainWindow window(AppSettings::load(), {}, data.path());
        QVERIFY(window.isWaitingForToken());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isWaitingForToken(), 30000);
        QCOMPARE(window.settings().profiles.at(1).token, token);

        // Deleting the profile deletes its token.
        QSignalSpy removed(window.tokens(), &ProfileTokens::tokenRemoved);
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = window.findChild<SettingsDialog *>();
            QVERIFY(dialog);
            dialog->selectProfile(1);
            const QList<QPushButton *> buttons = dialog->findChildren<QPushButton *>();
            for (QPushButton *button : buttons) {
                if (button->text() == QStringLiteral("&Remove"))
                    button->click();
            }
            dialog->accept();
        });
        window.openSettings();
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 30000);
        QCOMPARE(removed.constFirst().at(1).value<Typebot::SecretStore::Status>(),
                 Typebot::SecretStore::Status::Ok);
        QCOMPARE(window.settings().profiles.size(), 1);
    }
    Typebot::SecretStore store;
    QSignalSpy read(&store, &Typebot::SecretStore::readFinished);
    store.read(Typebot::SecretStore::tokenKey(QStringLiteral("p1")));
    QVERIFY(read.wait(30000));
    QCOMPARE(read.constFirst().at(2).value<Typebot::SecretStore::Status>(),
             Typebot::SecretStore::Status::NotFound);
}

QTEST_MAIN(TestSettingsDialog)
#include "testsettingsdialog.moc"
