// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxconfig.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QUrl>

namespace Sandbox {
class SandboxServer;
}

// The embedded sandbox behind the first-run "Local sandbox" profile: a SandboxServer on a
// loopback port, in a thread of its own so that the window never waits on it. Given a
// storage folder, it keeps its files there and asks for the port of its previous start
// again, so the links it handed out keep working after a restart.
class LocalSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSandbox)

public:
    explicit LocalSandbox(QObject *parent = nullptr);
    ~LocalSandbox() override;

    // With config.storageDir set and no port asked for, the port remembered there is tried
    // first; when another program took it meanwhile, any free port is used (and the old
    // links stop working: servesLink() says so).
    bool start(const Sandbox::SandboxConfig &config, QString *errorMessage);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    QUrl apiBaseUrl() const { return m_apiBase; }
    QString sessionId() const { return m_sessionId; }
    QString storageDir() const { return m_storageDir; }
    quint16 port() const { return quint16(m_apiBase.port()); }
    // Whether a link this sandbox handed out still works: it points at this sandbox's
    // address and the file is still in its storage.
    bool servesLink(const QString &fileUrl) const;
    // Whether a link came from this sandbox, now or at an earlier start (the addresses
    // it has served from are remembered beside its storage): a queue or history row
    // with such a link that servesLink() denies shows as no longer available.
    bool handedOut(const QString &fileUrl) const;
    // Of `fileUrls`, the ones this sandbox handed out that do not work now (one call
    // into the sandbox's thread for all of them).
    QSet<QString> unavailableLinks(const QStringList &fileUrls) const;
    // Why such a link shows as unavailable, in words (a tooltip).
    static QString unavailableLinkText();
    // ROUTE:ACTION[=VALUE][,count=N] as the sandbox's command line takes it.
    bool addFault(const QString &spec, QString *errorMessage);

private:
    bool startOnPort(Sandbox::SandboxConfig config, quint16 port, QString *errorMessage);
    static QString portFilePath(const QString &storageDir);
    void rememberOrigin(const QString &storageDir);
    static QString originOf(const QUrl &url);
    // Of `fileUrls`, the ones at this sandbox's address whose file it still has.
    QSet<QString> served(const QStringList &fileUrls) const;

    QThread m_thread;
    QObject m_anchor; // lives in m_thread: the context for calls into it
    Sandbox::SandboxServer *m_server = nullptr; // lives in m_thread
    QUrl m_apiBase;
    QString m_sessionId;
    QString m_storageDir;
    QStringList m_origins; // every scheme://host:port served from, this start included
};
