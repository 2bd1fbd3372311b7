// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

// One window per data folder and user: the first instance listens on a local socket that
// only its user can open (in $XDG_RUNTIME_DIR/typebot-uploader when there is one, else in
// the temp folder); a later one hands it its files and quits, so two queues never fight over
// one journal.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    // Derived from the user and the canonical data folder, short enough for a socket path.
    static QString serverName(const QString &dataDir);
    // Hands `paths` (absolute) to the instance listening on `serverName`. True when it
    // confirmed; false when nobody listens or it did not answer in time.
    static bool sendToRunning(const QString &serverName, const QStringList &paths,
                              int timeoutMs = 3000);
    // Where the socket of `serverName` lives: a full path in the runtime folder, or the bare
    // name (Qt then uses the temp folder) when there is none or the path would be too long.
    static QString socketPath(const QString &serverName);
    // True when an instance other than `ownServerName`'s (any data folder) answers, e.g. to
    // know whether leftovers of earlier runs in shared folders may be removed.
    static bool othersRunning(const QString &ownServerName);

    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Starts listening. False when another live instance already does; a socket left
    // behind by a crash is removed and taken over.
    bool listen();
    QString serverName() const { return m_name; }

Q_SIGNALS:
    // Another instance was started with these files (possibly none: just show the window).
    void pathsReceived(const QStringList &paths);

private:
    void handleConnection();
    void readRequest(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server;
};
