// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxserver.h"

#include "buckethandler.h"
#include "chatapihandler.h"
#include "controlhandler.h"
#include "cuid.h"
#include "httpconnection.h"
#include "staticresponsehandler.h"
#include "transportfaults.h"
#include "typebotapihandler.h"
#include "uploadproxyhandler.h"
#include "uploadproxytoken.h"

#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>

#include <sys/resource.h>

namespace Sandbox {

namespace {

bool fail(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
    return false;
}

// Descriptors kept free for everything else the process opens (stored objects, the
// database, turned-away sockets): accept() failing with EMFILE would leave the listening
// socket readable and the event loop spinning on it.
constexpr rlim_t ReservedDescriptors = 128;
// Turned-away sockets linger up to a second; past this many a flood is dropped unanswered.
constexpr int MaxTurnedAway = 64;

int connectionCap(int configured)
{
    int cap = qMax(1, configured);
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const rlim_t room = limit.rlim_cur > 2 * ReservedDescriptors
                ? limit.rlim_cur - ReservedDescriptors
                : limit.rlim_cur / 2;
        cap = int(qMin<rlim_t>(rlim_t(cap), qMax<rlim_t>(1, room)));
    }
    return cap;
}

} // namespace

SandboxServer::SandboxServer(SandboxConfig config, QObject *parent)
    : QObject(parent),
      m_config(std::move(config)),
      m_faults(new FaultInjector(this)),
      m_credentials(PostPolicy::generateCredentials()),
      m_uploadProxySecret(UploadProxyToken::generateSecret())
{
    qRegisterMetaType<Sandbox::RequestRecord>();
    if (m_config.fileBlockId.isEmpty())
        m_config.fileBlockId = Cuid::generate();
    for (const QString &id : std::as_const(m_config.sessionIds))
        m_sessions.add(id);
    if (m_sessions.ids().isEmpty())
        m_sessions.add(generateSessionId());
}

SandboxServer::~SandboxServer()
{
    stop();
}

QString SandboxServer::generateSessionId()
{
    return Cuid::generate();
}

bool SandboxServer::start(QString *errorMessage)
{
    if (isListening())
        return true;
    QString storage = m_config.storageDir;
    if (storage.isEmpty()) {
        m_temporaryStorage = std::make_unique<QTemporaryDir>();
        if (!m_temporaryStorage->isValid())
            return fail(errorMessage,
                        QStringLiteral("cannot create a temporary storage directory"));
        storage = m_temporaryStorage->path();
    }
    QString storeError;
    m_store.setDiscardBodies(m_config.discardBodies);
    if (!m_store.open(storage, &storeError))
        return fail(errorMessage, storeError);

    m_tls = !m_config.tlsCertFile.isEmpty() || !m_config.tlsKeyFile.isEmpty();
    if (m_tls) {
        if (m_config.tlsCertFile.isEmpty() || m_config.tlsKeyFile.isEmpty())
            return fail(errorMessage,
                        QStringLiteral("TLS needs both a certificate and a key file"));
        if (!QSslSocket::supportsSsl())
            return fail(errorMessage, QStringLiteral("this Qt build has no working TLS backend"));
        const auto certificates = QSslCertificate::fromPath(m_config.tlsCertFile, QSsl::Pem);
        if (certificates.isEmpty())
            return fail(errorMessage,
                        QStringLiteral("cannot read a PEM certificate from %1")
                                .arg(m_config.tlsCertFile));
        QFile keyFile(m_config.tlsKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            return fail(errorMessage,
                        QStringLiteral("cannot open key file %1").arg(m_config.tlsKeyFile));
        const QByteArray keyData = keyFile.readAll();
        QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            return fail(errorMessage,
                        QStringLiteral("cannot read an RSA or EC PEM private key from %1")
                                .arg(m_config.tlsKeyFile));
        QSslConfiguration sslConfiguration = QSslConfiguration::defaultConfiguration();
        sslConfiguration.setLocalCertificate(certificates.first());
        if (certificates.size() > 1)
            sslConfiguration.setLocalCertificateChain(certificates);
        sslConfiguration.setPrivateKey(key);
        sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(sslConfiguration);
        // The handshake is part of the head: it gets no more time.
        sslServer->setHandshakeTimeout(m_config.limits.headerTimeoutMs);
        m_server = sslServer;
    } else {
        m_server = new QTcpServer(this);
    }
    // QSslServer only reports connections after the handshake, through this signal.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &SandboxServer::handleNewConnections);
    connect(m_server, &QTcpServer::newConnection, this, &SandboxServer::handleNewConnections);
    m_maxConnections = connectionCap(m_config.limits.maxConnections);
    if (!m_server->listen(m_config.host, m_config.port)) {
        const QString message = QStringLiteral("cannot listen on %1:%2: %3")
                                        .arg(m_config.host.toString())
                                        .arg(m_config.port)
                                        .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return fail(errorMessage, message);
    }
    if (!m_config.token.isEmpty())
        Typebot::Redactor::addSecret(m_config.token);
    Typebot::Redactor::addSecret(QString::fromLatin1(m_credentials.secretKey));
    qCInfo(lcSandbox).noquote() << "listening on" << apiBaseUrl().toString() << "as Typebot"
                                << ServerVersions::name(m_config.serverVersion) << "storage"
                                << m_store.rootDir();
    return true;
}

void SandboxServer::stop()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    const auto connections = m_connections;
    m_connections.clear();
    for (HttpConnection *connection : connections) {
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
    m_uploads.reset();
}

bool SandboxServer::isListening() const
{
    return m_server && m_server->isListening();
}

void SandboxServer::handleNewConnections()
{
    if (!m_server)
        return;
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= m_maxConnections) {
            // Answered and closed at once: never parsed, never held.
            if (m_turnedAway >= MaxTurnedAway) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            ++m_turnedAway;
            connect(socket, &QObject::destroyed, this, [this] { --m_turnedAway; });
            HttpConnection::turnAway(socket);
            continue;
        }
        auto *connection = new HttpConnection(
                socket,
                [this](HttpConnection *c, const HttpRequest &request, RequestRecord *record) {
                    return createHandler(c, request, record);
                },
                m_config.limits, this);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::requestFinished, this,
                &SandboxServer::handleRequestFinished);
        connect(connection, &HttpConnection::closed, this,
                [this, connection] { m_connections.remove(connection); });
    }
}

void SandboxServer::shapeTraffic(HttpConnection *connection, FaultSpec::Route route)
{
    // The connection owns the faults, so it outlives their callback.
    auto faults =
            TransportFaults::take(*m_faults, route, [connection] { connection->resumeBody(); });
    if (faults)
        connection->setTrafficShaper(std::move(faults));
}

std::unique_ptr<RequestHandler> SandboxServer::createHandler(HttpConnection *connection,
                                                             const HttpRequest &request,
                                                             RequestRecord *record)
{
    const QString &path = request.path;
    const QString bucketPath = u'/' + m_config.bucket;
    const ServerBehaviour behaviour = ServerVersions::behaviour(m_config.serverVersion);
    if (path == QLatin1String("/__sandbox") || path.startsWith(QLatin1String("/__sandbox/"))) {
        record->route = QStringLiteral("control");
        if (!connection->peerAddress().isLoopback()) {
            HttpResponse response;
            response.status = 403;
            response.setHeader("Content-Type", "application/json");
            response.body = R"({"error":"the control endpoint only answers loopback peers"})";
            return std::make_unique<StaticResponseHandler>(connection, request, record, response);
        }
        return std::make_unique<ControlHandler>(
                ControlHandler::Context{ *m_faults, m_requestLog, m_sessions, m_uploads, m_store },
                connection, request, record);
    }
    if (ChatApiHandler::isChatPath(path)) {
        record->route = QStringLiteral("chat");
        shapeTraffic(connection, FaultSpec::Route::Chat);
        return std::make_unique<ChatApiHandler>(
                ChatApiHandler::Context{ m_config, m_demoBot, *m_faults }, connection, request,
                record);
    }
    if (behaviour.uploadStyle == ServerBehaviour::UploadStyle::UploadProxy
        && UploadProxyHandler::isUploadPath(path)) {
        // The proxy takes the file on the viewer's behalf: upload faults apply to it.
        record->route = QStringLiteral("upload");
        shapeTraffic(connection, FaultSpec::Route::Upload);
        return std::make_unique<UploadProxyHandler>(
                UploadProxyHandler::Context{ m_store, *m_faults, m_uploads, m_uploadProxySecret },
                connection, request, record);
    }
    if (path == QLatin1String("/api") || path.startsWith(QLatin1String("/api/"))) {
        record->route = QStringLiteral("api");
        shapeTraffic(connection, FaultSpec::Route::Api);
        return std::make_unique<TypebotApiHandler>(
                TypebotApiHandler::Context{ m_config, m_sessions, m_demoBot, *m_faults,
                                            m_credentials, m_uploadProxySecret, origin() },
                connection, request, record);
    }
    const BucketHandler::Context bucket{ m_config.bucket, bucketUrl().toString(),
                                         m_store,         m_credentials,
                                         *m_faults,       m_uploads };
    if (path == bucketPath || path.startsWith(bucketPath + u'/')) {
        const bool isUpload = request.method == "POST" || request.method == "PUT";
        const bool isGet = request.method == "GET" || request.method == "HEAD";
        record->route = isUpload ? QStringLiteral("upload")
                : isGet          ? QStringLiteral("get")
                                 : QStringLiteral("other");
        if (isUpload)
            shapeTraffic(connection, FaultSpec::Route::Upload);
        else if (isGet)
            shapeTraffic(connection, FaultSpec::Route::Get);
        return std::make_unique<BucketHandler>(bucket, connection, request, record);
    }
    record->route = QStringLiteral("other");
    if (request.method == "GET" && path == QLatin1String("/")) {
        HttpResponse response;
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
        response.body = "typebot-sandbox: API at " + apiBaseUrl().toString().toUtf8()
                + ", bucket at " + bucketUrl().toString().toUtf8() + " (Typebot "
                + ServerVersions::name(m_config.serverVersion).toUtf8() + ")\n";
        return std::make_unique<StaticResponseHandler>(connection, request, record, response);
    }
    // Anything else looks like a bucket that does not exist, as S3 would say.
    return std::make_unique<BucketHandler>(bucket, connection, request, record);
}

void SandboxServer::handleRequestFinished(const RequestRecord &record)
{
    QUrl url;
    url.setPath(record.redactedPath());
    if (!record.query.isEmpty())
        url.setQuery(record.query);
    // One line per request; tokens and signatures never reach the log.
    QString line = QString::fromLatin1(record.method.isEmpty() ? QByteArray("-") : record.method)
            + u' ' + Typebot::Redactor::url(url) + u' '
            + (record.aborted ? QStringLiteral("aborted") : QString::number(record.status)) + u' '
            + QString::number(record.bodyBytes) + QStringLiteral(" bytes ")
            + QString::number(record.durationMs) + QStringLiteral(" ms");
    if (!record.s3ErrorCode.isEmpty())
        line += u' ' + record.s3ErrorCode;
    qCInfo(lcSandbox).noquote() << line;
    m_requestLog.append(record);
    Q_EMIT requestFinished(record);
}

QString SandboxServer::origin() const
{
    const QUrl url = bucketUrl();
    return url.scheme() + QStringLiteral("://") + url.authority();
}

QUrl SandboxServer::apiBaseUrl() const
{
    QUrl url = bucketUrl();
    url.setPath(QStringLiteral("/api"));
    return url;
}

QUrl SandboxServer::bucketUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    QHostAddress host = m_config.host;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    url.setHost(host.toString());
    url.setPort(port());
    url.setPath(u'/' + m_config.bucket);
    return url;
}

quint16 SandboxServer::port() const
{
    return m_server ? m_server->serverPort() : m_config.port;
}

QString SandboxServer::defaultSessionId() const
{
    return m_sessions.first();
}

void SandboxServer::addSession(const QString &id)
{
    m_sessions.add(id);
}

QStringList SandboxServer::sessionIds() const
{
    return m_sessions.ids();
}

QString SandboxServer::storageDir() const
{
    return m_store.rootDir();
}

FaultInjector *SandboxServer::faults()
{
    return m_faults;
}

bool SandboxServer::hasObject(const QString &key) const
{
    return m_store.find(key).has_value();
}

QByteArray SandboxServer::objectData(const QString &key) const
{
    const auto object = m_store.find(key);
    if (!object)
        return {};
    QFile file(object->path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString SandboxServer::objectPath(const QString &key) const
{
    const auto object = m_store.find(key);
    return object ? object->path : QString();
}

QString SandboxServer::objectContentType(const QString &key) const
{
    const auto object = m_store.find(key);
    return object ? object->contentType : QString();
}

QStringList SandboxServer::objectKeys() const
{
    return m_store.keys();
}

QList<RequestRecord> SandboxServer::requests() const
{
    return m_requestLog.records();
}

void SandboxServer::clearRequests()
{
    m_requestLog.clear();
}

int SandboxServer::uploadsInFlight() const
{
    return m_uploads.inFlight();
}

int SandboxServer::maxConcurrentUploads() const
{
    return m_uploads.maximum();
}

void SandboxServer::resetStats()
{
    m_uploads.resetMaximum();
}

QString SandboxServer::accessKeyId() const
{
    return m_credentials.accessKeyId;
}

QByteArray SandboxServer::secretKey() const
{
    return m_credentials.secretKey;
}

QString SandboxServer::keyFromFileUrl(const QString &fileUrl)
{
    // scheme://authority/<bucket>/<key>; the key is everything after the bucket, raw.
    const qsizetype schemeEnd = fileUrl.indexOf(QStringLiteral("://"));
    const qsizetype pathStart = fileUrl.indexOf(u'/', schemeEnd < 0 ? 0 : schemeEnd + 3);
    if (pathStart < 0)
        return {};
    const qsizetype keyStart = fileUrl.indexOf(u'/', pathStart + 1);
    return keyStart < 0 ? QString() : fileUrl.mid(keyStart + 1);
}

} // namespace Sandbox
