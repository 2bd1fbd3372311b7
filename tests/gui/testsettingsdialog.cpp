// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The settings dialog checks each field as it is typed and keeps Save disabled until every
// profile is usable; the token never reaches the settings file.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inlineValidation_data();
    void inlineValidation();
    void sandboxProfileIsAlwaysValid();
    void tokenIsNeverSaved();

private:
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

    QTest::newRow("a good https profile") << QStringLiteral("https://typebot.io/api")
                                          << QStringLiteral("abc123") << false << QString() << QString();
    QTest::newRow("an empty session") << QStringLiteral("https://typebot.io/api") << QString() << false
                                      << QString() << QStringLiteral("session");
    QTest::newRow("a session with spaces") << QStringLiteral("https://typebot.io/api")
                                           << QStringLiteral("abc 123") << false << QString()
                                           << QStringLiteral("spaces");
    QTest::newRow("not a URL") << QStringLiteral("typebot") << QStringLiteral("abc") << false
                               << QStringLiteral("full URL") << QString();
    QTest::newRow("ftp scheme") << QStringLiteral("ftp://typebot.io/api") << QStringLiteral("abc")
                                << false << QStringLiteral("http") << QString();
    QTest::newRow("plain http to a remote host") << QStringLiteral("http://bots.example.com/api")
                                                 << QStringLiteral("abc") << false
                                                 << QStringLiteral("unencrypted") << QString();
    QTest::newRow("plain http allowed explicitly") << QStringLiteral("http://bots.example.com/api")
                                                   << QStringLiteral("abc") << true << QString() << QString();
    QTest::newRow("plain http to localhost") << QStringLiteral("http://localhost:3001/api")
                                             << QStringLiteral("abc") << false << QString() << QString();
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

void TestSettingsDialog::sandboxProfileIsAlwaysValid()
{
    AppSettings settings;
    settings.profiles << AppSettings::sandboxProfile();
    SettingsDialog dialog(settings);
    QVERIFY(dialog.isSaveEnabled());
    QVERIFY(SettingsDialog::validateProfile(settings.profiles.constFirst(), settings.profiles).isEmpty());
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
    QVERIFY(!file.readAll().contains("secret-token-do-not-write"));
}

QTEST_MAIN(TestSettingsDialog)
#include "testsettingsdialog.moc"
