// SPDX-License-Identifier: GPL-3.0-or-later
#include "localsandbox.h"

#include "sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

LocalSandbox::LocalSandbox(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("LocalSandbox"));
    m_anchor.moveToThread(&m_thread);
}

LocalSandbox::~LocalSandbox()
{
    stop();
}

QString LocalSandbox::portFilePath(const QString &storageDir)
{
    return QDir(storageDir).filePath(QStringLiteral("port"));
}

bool LocalSandbox::start(const Sandbox::SandboxConfig &config, QString *errorMessage)
{
    if (m_server)
        return true;
    if (config.storageDir.isEmpty() || config.port != 0)
        return startOnPort(config, config.port, errorMessage);

    if (!QDir().mkpath(config.storageDir)) {
        if (errorMessage)
            *errorMessage = tr("cannot create the folder %1").arg(config.storageDir);
        return false;
    }
    QFile::setPermissions(config.storageDir,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile remembered(portFilePath(config.storageDir));
    bool known = false;
    quint16 port = 0;
    if (remembered.open(QIODevice::ReadOnly)) {
        const uint value = remembered.read(16).trimmed().toUInt(&known);
        known = known && value > 1024 && value < 65536;
        port = known ? quint16(value) : 0;
        remembered.close();
    }
    QString error;
    if (!(known && startOnPort(config, port, &error)) && !startOnPort(config, 0, &error)) {
        if (errorMessage)
            *errorMessage = error;
        return false;
    }
    QSaveFile file(portFilePath(config.storageDir));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QByteArray::number(this->port()) + '\n');
        file.commit();
    }
    rememberOrigin(config.storageDir);
    return true;
}

QString LocalSandbox::originOf(const QUrl &url)
{
    return url.scheme() + QStringLiteral("://") + url.host() + u':' + QString::number(url.port());
}

void LocalSandbox::rememberOrigin(const QString &storageDir)
{
    const QString path = QDir(storageDir).filePath(QStringLiteral("origins"));
    QFile known(path);
    if (known.open(QIODevice::ReadOnly)) {
        // A handful of lines at most: one per port the sandbox ever had to move to.
        const QList<QByteArray> lines = known.read(qint64(64) * 1024).split('\n');
        for (const QByteArray &line : lines) {
            if (!line.trimmed().isEmpty())
                m_origins << QString::fromUtf8(line.trimmed());
        }
        known.close();
    }
    const QString current = originOf(m_apiBase);
    if (m_origins.contains(current))
        return;
    m_origins << current;
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(m_origins.join(u'\n').toUtf8() + '\n');
        file.commit();
    }
}

QSet<QString> LocalSandbox::unavailableLinks(const QStringList &fileUrls) const
{
    QStringList ours;
    for (const QString &url : fileUrls) {
        if (handedOut(url))
            ours << url;
    }
    QSet<QString> unavailable(ours.cbegin(), ours.cend());
    return unavailable.subtract(served(ours));
}

QSet<QString> LocalSandbox::served(const QStringList &fileUrls) const
{
    QSet<QString> served;
    if (!m_server || fileUrls.isEmpty())
        return served; // not running: it serves none of them
    const QString here = originOf(m_apiBase);
    Sandbox::SandboxServer *server = m_server;
    // One hop into the sandbox's thread for all of them.
    QMetaObject::invokeMethod(
            server,
            [&] {
                for (const QString &url : fileUrls) {
                    const QString key = Sandbox::SandboxServer::keyFromFileUrl(url);
                    if (originOf(QUrl(url)) == here && !key.isEmpty() && server->hasObject(key))
                        served.insert(url);
                }
            },
            Qt::BlockingQueuedConnection);
    return served;
}

bool LocalSandbox::handedOut(const QString &fileUrl) const
{
    const QUrl url(fileUrl);
    const QString origin = originOf(url);
    return url.isValid() && (m_origins.contains(origin) || origin == originOf(m_apiBase));
}

bool LocalSandbox::startOnPort(Sandbox::SandboxConfig config, quint16 port, QString *errorMessage)
{
    config.port = port;
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

bool LocalSandbox::servesLink(const QString &fileUrl) const
{
    return served({ fileUrl }).contains(fileUrl);
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

QString LocalSandbox::unavailableLinkText()
{
    return tr("This link no longer works: it points at the app's built-in sandbox, which "
              "does not have this file at that address any more (its storage was cleared, "
              "it moved to another port, or it is not running).");
}
