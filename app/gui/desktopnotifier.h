// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QObject>

#include <optional>

class QSystemTrayIcon;

// Desktop notifications: the system tray icon's message where there is a tray, otherwise
// the freedesktop notification server over D-Bus (org.freedesktop.Notifications), which
// every Linux desktop runs, stock GNOME included, whether or not it shows tray icons.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    explicit DesktopNotifier(const QIcon &icon, QObject *parent = nullptr);

    // Shows one message. Over D-Bus it replaces the previous one still on screen, so a
    // batch's summary takes the place of its first failure instead of piling up.
    void notify(const QString &title, const QString &message, bool warning);
    void setToolTip(const QString &toolTip); // the tray icon's, when there is one
    void hide(); // takes the tray icon away (quitting, notifications turned off)

Q_SIGNALS:
    void activated(); // the user clicked the tray icon or the notification

private Q_SLOTS:
    void handleActionInvoked(uint id, const QString &actionKey);
    void handleNotificationClosed(uint id, uint reason);

private:
    void notifyOverDBus(const QString &title, const QString &message, bool warning);

    QIcon m_icon;
    QString m_toolTip;
    QSystemTrayIcon *m_tray = nullptr;
    uint m_shownId = 0; // the server's id of our message on screen; 0: none
    bool m_listening = false;
    // A message sent while the server had not yet answered the previous one waits for
    // that answer, so it can replace the bubble instead of adding a second one.
    bool m_callPending = false;
    struct Message
    {
        QString title;
        QString text;
        bool warning = false;
    };
    std::optional<Message> m_next;
};
