// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionlimits.h"
#include "httpmessage.h"
#include "requestrecord.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QFile;
class QTcpSocket;
class QTimer;

namespace Sandbox {

class RequestHandler;
class TrafficShaper;

// One client connection: parses HTTP/1.1 request heads, streams bodies to a handler
// with bounded buffering (so a slow server side really slows the client), writes
// responses (files streamed) and keeps the connection alive. A TrafficShaper set for a
// request may hold its body back, pace it, cut it or delay the answer. ConnectionLimits
// bound how long a client may take over a head, a body or an idle keep-alive.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using HandlerFactory = std::function<std::unique_ptr<RequestHandler>(
            HttpConnection *connection, const HttpRequest &request, RequestRecord *record)>;

    static constexpr qint64 MaxHeadBytes = Q_INT64_C(16) * 1024;
    static constexpr qint64 ReadBufferBytes = Q_INT64_C(256) * 1024;

    HttpConnection(QTcpSocket *socket, HandlerFactory factory, const ConnectionLimits &limits,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // Answers a connection the server has no room for with 503 and closes it; the socket
    // deletes itself within a second, whatever the client does.
    static void turnAway(QTcpSocket *socket);

    // Answers the current request. May come before the body is read: the rest of the
    // body is then read and dropped, and the connection closes afterwards.
    void respond(HttpResponse response);
    bool hasResponded() const { return m_responded; }

    // Flow control of the current request (dropped when the next one starts).
    void setTrafficShaper(std::unique_ptr<TrafficShaper> shaper);
    // The shaper lets the body flow again; reading resumes from the event loop.
    void resumeBody();

    QHostAddress peerAddress() const;
    bool isEncrypted() const;
    // Resets the connection (RST, no response).
    void resetConnection();

Q_SIGNALS:
    void requestFinished(const Sandbox::RequestRecord &record);
    void closed();

private:
    enum class State { ReadingHead, ReadingBody, Finishing, Closing, Closed };

    void scheduleProcessing();
    void processInput();
    bool readHead();
    bool readBody();
    void startRequest(const HttpRequest &request);
    void sendResponseNow();
    void writeFileChunks();
    void finishRequest();
    void failHead(int status, const QByteArray &message);
    void handleDisconnected();
    void write(const QByteArray &data);

    // The limits: each timer runs only while the connection waits on the client.
    void startHeadClock();
    void handleHeadTimeout();
    void handleIdleTimeout();
    void startBodyWait();
    void stopBodyWait();
    void creditBodyBytes(qint64 bytes);
    void handleBodyTimeout();
    void watchSend();
    void handleSendTimeout();

    QTcpSocket *m_socket;
    HandlerFactory m_factory;
    State m_state = State::ReadingHead;
    QByteArray m_pending; // bytes read past a head, not yet consumed
    bool m_processingScheduled = false;
    bool m_inProcessing = false;

    HttpRequest m_request;
    RequestRecord m_record;
    std::unique_ptr<RequestHandler> m_handler;
    QElapsedTimer m_requestTimer;
    qint64 m_bodyRead = 0;
    bool m_bodyDone = false;
    bool m_responded = false;
    bool m_responseDone = false;
    bool m_closeAfterResponse = false;
    HttpResponse m_response;
    std::unique_ptr<QFile> m_responseFile;
    qint64 m_responseFileLeft = 0;

    std::unique_ptr<TrafficShaper> m_shaper;

    ConnectionLimits m_limits;
    QTimer *m_headTimer; // the head's deadline
    QTimer *m_idleTimer; // a kept-alive connection between requests
    QTimer *m_bodyTimer; // runs while the body is wanted and none is there
    QTimer *m_sendTimer; // runs while written bytes wait for the client to read them
    QElapsedTimer m_bodyWaitClock;
    qint64 m_bodyCreditUs = 0; // body waiting time left to the client
};

} // namespace Sandbox
