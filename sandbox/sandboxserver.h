// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demobot.h"
#include "faultinjector.h"
#include "objectstore.h"
#include "postpolicy.h"
#include "requestlog.h"
#include "requestrecord.h"
#include "sandboxconfig.h"
#include "sessionlist.h"
#include "uploadcounter.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTemporaryDir;

namespace Sandbox {

class HttpConnection;
class RequestHandler;
struct HttpRequest;

// A local Typebot viewer API plus an S3 bucket that enforces the real rules and fails on
// demand, playing the Typebot release the config names. Runs in the thread that created
// it and never blocks, so a test can drive a client against it in the same event loop.
// Each request handler gets only the part of its state it needs.
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(SandboxConfig config = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    bool start(QString *errorMessage = nullptr); // listens; false + message on failure
    void stop();
    bool isListening() const;

    QUrl apiBaseUrl() const; // http://127.0.0.1:PORT/api (https when TLS)
    QUrl bucketUrl() const; // http://127.0.0.1:PORT/typebot
    quint16 port() const;
    QString defaultSessionId() const;
    void addSession(const QString &id);
    QStringList sessionIds() const;
    // The file-input block the sessions of sessionIds() wait on: v3's blockId for them.
    QString fileBlockId() const { return m_config.fileBlockId; }
    ServerVersion serverVersion() const { return m_config.serverVersion; }
    QString storageDir() const;
    const SandboxConfig &config() const { return m_config; }
    FaultInjector *faults();
    DemoBot *demoBot() { return &m_demoBot; }
    QString demoBotId() const { return m_config.demoBotId; }
    // A cuid-like id, as Typebot's session, result and block ids look.
    static QString generateSessionId();

    bool hasObject(const QString &key) const;
    QByteArray objectData(const QString &key) const; // for tests; small files only
    QString objectPath(const QString &key) const; // on-disk path of a stored object
    QString objectContentType(const QString &key) const;
    QStringList objectKeys() const;

    QList<RequestRecord> requests() const;
    void clearRequests();
    int uploadsInFlight() const;
    int connectionCount() const { return int(m_connections.size()); } // being served
    // The cap in force: limits.maxConnections, lowered to fit the open-file limit.
    int maxConnections() const { return m_maxConnections; }
    int maxConcurrentUploads() const;
    void resetStats();

    // The signing identity, for tests that craft their own policies.
    QString accessKeyId() const;
    QByteArray secretKey() const;

    static QString keyFromFileUrl(const QString &fileUrl); // the key part of a fileUrl

Q_SIGNALS:
    void requestFinished(const Sandbox::RequestRecord &record);

private:
    void handleNewConnections();
    void handleRequestFinished(const Sandbox::RequestRecord &record);
    std::unique_ptr<RequestHandler>
    createHandler(HttpConnection *connection, const HttpRequest &request, RequestRecord *record);
    // Arms the transport faults (stall, throttle, reset, delay) of `route` on the request.
    void shapeTraffic(HttpConnection *connection, FaultSpec::Route route);
    QString origin() const; // scheme://host:port

    SandboxConfig m_config;
    DemoBot m_demoBot{ m_config };
    QTcpServer *m_server = nullptr;
    std::unique_ptr<QTemporaryDir> m_temporaryStorage;
    ObjectStore m_store;
    FaultInjector *m_faults;
    PostPolicy::Credentials m_credentials;
    QByteArray m_uploadProxySecret; // signs upload proxy tokens (3.17+)
    SessionList m_sessions;
    QSet<HttpConnection *> m_connections;
    int m_maxConnections = 0;
    int m_turnedAway = 0; // sockets answered 503, not closed yet
    RequestLog m_requestLog;
    UploadCounter m_uploads;
    bool m_tls = false;
};

} // namespace Sandbox
