// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include "storage/datapaths.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace {

constexpr quint32 Magic = 0x54425531; // "TBU1"
constexpr char Ack = 'K';
// A request is a few paths; anything this large is not one of ours.
constexpr qint64 MaxRequestBytes = Q_INT64_C(16) * 1024 * 1024;
// sockaddr_un holds 108 bytes with the terminating NUL.
constexpr qsizetype MaxSocketPath = 100;
const QString NamePrefix = QStringLiteral("typebot-uploader-");

QString userName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name;
}

} // namespace

QString SingleInstance::serverName(const QString &dataDir)
{
    const QFileInfo info(dataDir);
    const QString canonical = info.canonicalFilePath().isEmpty()
            ? QDir::cleanPath(info.absoluteFilePath())
            : info.canonicalFilePath();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(userName().toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(canonical.toUtf8());
    return NamePrefix + QString::fromLatin1(hash.result().toHex().left(24));
}

QString SingleInstance::socketPath(const QString &serverName)
{
    const QString dir = Typebot::DataPaths::runtimeDir();
    if (dir.isEmpty())
        return serverName;
    const QString path = QDir(dir).filePath(serverName);
    return path.size() <= MaxSocketPath ? path : serverName;
}

bool SingleInstance::othersRunning(const QString &ownServerName)
{
    // Sockets of this version live in the runtime folder, older ones' in the temp folder.
    QStringList dirs = { QDir::tempPath() };
    if (const QString runtime = Typebot::DataPaths::runtimeDir(); !runtime.isEmpty())
        dirs.prepend(runtime);
    for (const QString &dir : std::as_const(dirs)) {
        const QFileInfoList sockets =
                QDir(dir).entryInfoList({ NamePrefix + u'*' }, QDir::System | QDir::Hidden);
        for (const QFileInfo &socket : sockets) {
            if (socket.fileName() == ownServerName)
                continue;
            QLocalSocket probe;
            probe.connectToServer(socket.filePath());
            if (probe.waitForConnected(500))
                return true; // only a live instance answers
        }
    }
    return false;
}

bool SingleInstance::sendToRunning(const QString &serverName, const QStringList &paths,
                                   int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath(serverName));
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray request;
    {
        QDataStream out(&request, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        out << Magic << paths;
    }
    socket.write(request);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    char answer = 0;
    return socket.getChar(&answer) && answer == Ack;
}

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent),
      m_name(serverName),
      m_server(new QLocalServer(this))
{
    // Only this user may hand us files.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::handleConnection);
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::listen()
{
    // With an access option set, Qt binds in a private folder and renames the socket into
    // place, which would silently replace a live instance's socket: ask first. Only a live
    // instance answers; a socket file left by a crash does not.
    const QString path = socketPath(m_name);
    QLocalSocket probe;
    probe.connectToServer(path);
    if (probe.waitForConnected(500))
        return false;
    QLocalServer::removeServer(path);
    return m_server->listen(path);
}

void SingleInstance::handleConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        if (socket->bytesAvailable() > 0)
            readRequest(socket);
    }
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (socket->bytesAvailable() > MaxRequestBytes) {
        socket->abort();
        return;
    }
    QDataStream in(socket);
    in.setVersion(QDataStream::Qt_6_0);
    in.startTransaction();
    quint32 magic = 0;
    QStringList paths;
    in >> magic;
    if (in.status() == QDataStream::Ok && magic != Magic) {
        in.abortTransaction();
        socket->abort();
        return;
    }
    in >> paths;
    if (!in.commitTransaction())
        return; // wait for the rest
    socket->putChar(Ack);
    socket->flush();
    socket->disconnectFromServer();
    Q_EMIT pathsReceived(paths);
}
