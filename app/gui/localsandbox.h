// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxconfig.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace Sandbox {
class SandboxServer;
}

// The embedded sandbox behind the first-run "Local sandbox" profile: a SandboxServer on a
// free loopback port, in a thread of its own so that the window never waits on it.
class LocalSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSandbox)

public:
    explicit LocalSandbox(QObject *parent = nullptr);
    ~LocalSandbox() override;

    bool start(const Sandbox::SandboxConfig &config, QString *errorMessage);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    QUrl apiBaseUrl() const { return m_apiBase; }
    QString sessionId() const { return m_sessionId; }
    QString storageDir() const { return m_storageDir; }
    // ROUTE:ACTION[=VALUE][,count=N] as the sandbox's command line takes it.
    bool addFault(const QString &spec, QString *errorMessage);

private:
    QThread m_thread;
    QObject m_anchor; // lives in m_thread: the context for calls into it
    Sandbox::SandboxServer *m_server = nullptr; // lives in m_thread
    QUrl m_apiBase;
    QString m_sessionId;
    QString m_storageDir;
};
