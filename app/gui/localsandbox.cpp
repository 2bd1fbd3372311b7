// SPDX-License-Identifier: GPL-3.0-or-later
#include "localsandbox.h"

#include "sandboxserver.h"

LocalSandbox::LocalSandbox(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("LocalSandbox"));
    m_anchor.moveToThread(&m_thread);
}

LocalSandbox::~LocalSandbox()
{
    stop();
}

bool LocalSandbox::start(const Sandbox::SandboxConfig &config, QString *errorMessage)
{
    if (m_server)
        return true;
    m_thread.start();
    bool ok = false;
    QString error;
    // Created, started and later destroyed inside its thread: its sockets and timers
    // belong there.
    QMetaObject::invokeMethod(
            &m_anchor,
            [&] {
                auto *server = new Sandbox::SandboxServer(config);
                ok = server->start(&error);
                if (!ok) {
                    delete server;
                    return;
                }
                m_server = server;
                m_apiBase = server->apiBaseUrl();
                m_sessionId = server->defaultSessionId();
                m_storageDir = server->storageDir();
            },
            Qt::BlockingQueuedConnection);
    if (!ok) {
        m_thread.quit();
        m_thread.wait();
        if (errorMessage)
            *errorMessage = error;
    }
    return ok;
}

void LocalSandbox::stop()
{
    if (m_server) {
        Sandbox::SandboxServer *server = std::exchange(m_server, nullptr);
        QMetaObject::invokeMethod(
                server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool LocalSandbox::addFault(const QString &spec, QString *errorMessage)
{
    if (!m_server)
        return false;
    int id = 0;
    QString error;
    Sandbox::SandboxServer *server = m_server;
    QMetaObject::invokeMethod(
            server, [&] { id = server->faults()->add(spec, &error); },
            Qt::BlockingQueuedConnection);
    if (id == 0 && errorMessage)
        *errorMessage = error;
    return id != 0;
}
