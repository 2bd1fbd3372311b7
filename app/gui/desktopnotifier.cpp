// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

#include <utility>

Q_LOGGING_CATEGORY(lcNotify, "typebot.gui.notify", QtInfoMsg)

namespace {

const QString NotificationsService = QStringLiteral("org.freedesktop.Notifications");
const QString NotificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString NotificationsInterface = QStringLiteral("org.freedesktop.Notifications");

} // namespace

DesktopNotifier::DesktopNotifier(const QIcon &icon, QObject *parent) : QObject(parent), m_icon(icon)
{
}

void DesktopNotifier::notify(const QString &title, const QString &message, bool warning)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        notifyOverDBus(title, message, warning);
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_icon, this);
        m_tray->setToolTip(m_toolTip);
        connect(m_tray, &QSystemTrayIcon::activated, this, &DesktopNotifier::activated);
    }
    m_tray->show();
    m_tray->showMessage(title, message,
                        warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

void DesktopNotifier::setToolTip(const QString &toolTip)
{
    m_toolTip = toolTip;
    if (m_tray)
        m_tray->setToolTip(toolTip);
}

void DesktopNotifier::hide()
{
    if (m_tray)
        m_tray->hide();
}

void DesktopNotifier::notifyOverDBus(const QString &title, const QString &message, bool warning)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCInfo(lcNotify) << "no session bus: cannot show" << title;
        return;
    }
    if (m_callPending) {
        m_next = Message{ title, message, warning }; // only the latest is worth showing
        return;
    }
    if (!m_listening) {
        // Clicking the message brings the window back, as clicking the tray icon does.
        bus.connect(NotificationsService, NotificationsPath, NotificationsInterface,
                    QStringLiteral("ActionInvoked"), this,
                    SLOT(handleActionInvoked(uint, QString)));
        bus.connect(NotificationsService, NotificationsPath, NotificationsInterface,
                    QStringLiteral("NotificationClosed"), this,
                    SLOT(handleNotificationClosed(uint, uint)));
        m_listening = true;
    }
    QVariantMap hints;
    // The desktop file names the app in the notification list and settings (GNOME, KDE).
    const QString desktopEntry = QGuiApplication::desktopFileName();
    if (!desktopEntry.isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), desktopEntry);
    // Normal urgency: a failed upload is worth a look, not an alarm that stays on screen.
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1)));
    hints.insert(QStringLiteral("category"),
                 warning ? QStringLiteral("transfer.error") : QStringLiteral("transfer.complete"));
    QDBusMessage call =
            QDBusMessage::createMethodCall(NotificationsService, NotificationsPath,
                                           NotificationsInterface, QStringLiteral("Notify"));
    const QString appName = QGuiApplication::applicationDisplayName();
    call << appName << m_shownId
         << (desktopEntry.isEmpty() ? QStringLiteral("typebot-uploader") : desktopEntry) << title
         << message << QStringList{ QStringLiteral("default"), tr("Show") } << hints
         << int(-1); // the server's default timeout
    m_callPending = true;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                m_callPending = false;
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError())
                    qCInfo(lcNotify)
                            << "the notification server refused:" << reply.error().message();
                else
                    m_shownId = reply.value();
                if (const std::optional<Message> next = std::exchange(m_next, std::nullopt))
                    notifyOverDBus(next->title, next->text, next->warning);
            });
}

void DesktopNotifier::handleActionInvoked(uint id, const QString &actionKey)
{
    if (id == m_shownId && id != 0 && actionKey == u"default")
        Q_EMIT activated();
}

void DesktopNotifier::handleNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    // Gone from the screen: the next message is a new one, not a replacement.
    if (id == m_shownId)
        m_shownId = 0;
}
