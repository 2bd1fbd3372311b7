// SPDX-License-Identifier: GPL-3.0-or-later
// Which endpoint a settings edit offers to switch to: saving a new endpoint must not leave
// uploads going to the old destination unnoticed (the first-run trap: a profile filled in
// and saved while the local sandbox stays in use).

#include "appsettings.h"

#include <QTest>

Q_DECLARE_METATYPE(AppSettings)

class TestAppSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newProfileToOffer_data();
    void newProfileToOffer();
};

namespace {

Profile endpoint(const QString &id,
                 const QString &apiBase = QStringLiteral("https://bot.example.com/api"))
{
    Profile profile;
    profile.id = id;
    profile.name = id;
    profile.apiBase = apiBase;
    profile.sessionId = QStringLiteral("session-1");
    return profile;
}

AppSettings withProfiles(const QList<Profile> &extra, const QString &current = Profile::SandboxId)
{
    AppSettings settings;
    settings.profiles = { AppSettings::sandboxProfile() };
    settings.profiles << extra;
    settings.currentProfileId = current;
    return settings;
}

} // namespace

void TestAppSettings::newProfileToOffer_data()
{
    QTest::addColumn<AppSettings>("before");
    QTest::addColumn<AppSettings>("after");
    QTest::addColumn<QString>("offered");

    const Profile prod = endpoint(QStringLiteral("prod"));
    const Profile staging = endpoint(QStringLiteral("staging"));
    QTest::newRow("first endpoint saved while on the sandbox")
            << withProfiles({}) << withProfiles({ prod }) << QStringLiteral("prod");
    QTest::newRow("nothing added") << withProfiles({ prod }) << withProfiles({ prod }) << QString();
    QTest::newRow("added and already chosen in the dialog")
            << withProfiles({}) << withProfiles({ prod }, QStringLiteral("prod")) << QString();
    QTest::newRow("added without an API address")
            << withProfiles({}) << withProfiles({ endpoint(QStringLiteral("draft"), QString()) })
            << QString();
    QTest::newRow("second endpoint added while using the first")
            << withProfiles({ prod }, QStringLiteral("prod"))
            << withProfiles({ prod, staging }, QStringLiteral("prod")) << QStringLiteral("staging");
    QTest::newRow("an existing one edited")
            << withProfiles({ prod })
            << withProfiles({ endpoint(QStringLiteral("prod"),
                                       QStringLiteral("https://new.example.com/api")) })
            << QString();
}

void TestAppSettings::newProfileToOffer()
{
    QFETCH(AppSettings, before);
    QFETCH(AppSettings, after);
    QFETCH(QString, offered);
    QCOMPARE(after.newProfileToOffer(before), offered);
}

QTEST_MAIN(TestAppSettings)
#include "testappsettings.moc"
