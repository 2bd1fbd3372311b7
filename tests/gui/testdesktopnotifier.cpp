// SPDX-License-Identifier: GPL-3.0-or-later
// Notifications without a system tray (stock GNOME): a fake freedesktop notification server
// on the session bus records what the app sends.
#include "appsettings.h"
#include "desktopnotifier.h"
#include "localization.h"
#include "mainwindow.h"
#include "queuemodel.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

namespace {

// One Notify call as the server received it.
struct Notification
{
    QString appName;
    uint replacesId = 0;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    uint id = 0; // what the server answered
    QString sender; // the caller's unique bus name
};

// Stands in for the desktop's notification daemon (GNOME Shell, Plasma, dunst).
class FakeNotificationServer final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<Notification> received;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(appIcon)
        Q_UNUSED(expireTimeout)
        const uint id = replacesId != 0 ? replacesId : ++m_lastId;
        received << Notification{ appName, replacesId, summary, body,
                                  actions, hints,      id,      message().service() };
        return id;
    }
    QStringList GetCapabilities() { return { QStringLiteral("body"), QStringLiteral("actions") }; }
    void CloseNotification(uint id) { Q_UNUSED(id) }

private:
    uint m_lastId = 0;
};

} // namespace

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void messagesReplaceEachOtherAndClickShows();
    void batchWithFailuresSendsOneSummary();

private:
    QList<Notification> ours() const;

    QTemporaryDir m_config;
    QTemporaryDir m_files;
    FakeNotificationServer m_server;
};

void TestDesktopNotifier::initTestCase()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        QSKIP("no D-Bus session bus (scripts/test runs the suite inside dbus-run-session)");
    if (QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("a system tray is available: notifications go through it, not D-Bus");
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_server,
                               QDBusConnection::ExportAllSlots));
    QVERIFY2(bus.registerService(QStringLiteral("org.freedesktop.Notifications")),
             "another notification server owns the name on this bus");
    QVERIFY(m_config.isValid() && m_files.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktopnotifier"));
    Localization::install(QStringLiteral("en"));
}

void TestDesktopNotifier::init()
{
    m_server.received.clear();
}

QList<Notification> TestDesktopNotifier::ours() const
{
    // Other tests running at the same time on the same bus may notify too.
    QList<Notification> found;
    const QString self = QDBusConnection::sessionBus().baseService();
    for (const Notification &n : m_server.received) {
        if (n.sender == self)
            found << n;
    }
    return found;
}

void TestDesktopNotifier::cleanupTestCase()
{
    QDBusConnection::sessionBus().unregisterService(
            QStringLiteral("org.freedesktop.Notifications"));
}

void TestDesktopNotifier::messagesReplaceEachOtherAndClickShows()
{
    DesktopNotifier notifier{ QIcon() };
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    notifier.notify(QStringLiteral("Upload failed"), QStringLiteral("a.txt: refused"), true);
    QTRY_COMPARE(ours().size(), 1);
    const Notification first = ours().at(0);
    QCOMPARE(first.summary, QStringLiteral("Upload failed"));
    QCOMPARE(first.body, QStringLiteral("a.txt: refused"));
    QCOMPARE(first.replacesId, 0u);
    QVERIFY(first.actions.contains(QStringLiteral("default")));

    // Sent before the server answered the first: it still replaces that bubble.
    notifier.notify(QStringLiteral("Uploads finished"), QStringLiteral("done"), false);
    QTRY_COMPARE(ours().size(), 2);
    QCOMPARE(ours().at(1).replacesId, first.id);

    // Clicking the message (its default action) brings the window back.
    QDBusMessage click = QDBusMessage::createSignal(
            QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("ActionInvoked"));
    click << first.id << QStringLiteral("default");
    QVERIFY(QDBusConnection::sessionBus().send(click));
    QVERIFY(activated.wait(5000));
}

void TestDesktopNotifier::batchWithFailuresSendsOneSummary()
{
    QTemporaryDir data;
    Sandbox::SandboxConfig sandbox;
    sandbox.maxSizeBytes = 1024;
    MainWindow window(AppSettings::load(), sandbox, data.path());
    // Not shown, so not the active window: the user is elsewhere and needs telling.
    const auto writeFile = [this](const QString &name, int size) {
        QFile file(m_files.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(QByteArray(size, 'x'));
        return file.fileName();
    };
    window.addPaths({ writeFile(QStringLiteral("small.txt"), 100),
                      writeFile(QStringLiteral("huge.bin"), 4096) });
    const auto summaries = [this] {
        QList<Notification> found;
        for (const Notification &n : ours()) {
            if (n.summary == u"Uploads finished")
                found << n;
        }
        return found;
    };
    QTRY_COMPARE_WITH_TIMEOUT(summaries().size(), 1, 30000);
    QCOMPARE(summaries().size(), 1);
    const Notification summary = summaries().constFirst();
    QCOMPARE(summary.body, QStringLiteral("1 file stored, 1 failed."));
    QCOMPARE(summary.appName, QGuiApplication::applicationDisplayName());
    // The first failure was told as it happened; the summary takes that bubble's place.
    const Notification first = ours().constFirst();
    QCOMPARE(first.summary, QStringLiteral("Upload failed"));
    QVERIFY2(first.body.startsWith(QStringLiteral("huge.bin: ")), qPrintable(first.body));
    QCOMPARE(ours().size(), 2);
    QCOMPARE(summary.replacesId, first.id);
}

QTEST_MAIN(TestDesktopNotifier)
#include "testdesktopnotifier.moc"
