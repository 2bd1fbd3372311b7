// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

// One client connection: parses HTTP/1.1 request heads, streams bodies to a handler
// with bounded buffering (so a slow server side really slows the client), writes
// responses (files streamed), keeps the connection alive and applies transport faults.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using HandlerFactory = std::function<std::unique_ptr<RequestHandler>(
            HttpConnection *connection, const HttpRequest &request, RequestRecord *record)>;

    static constexpr qint64 MaxHeadBytes = Q_INT64_C(16) * 1024;
    static constexpr qint64 ReadBufferBytes = Q_INT64_C(256) * 1024;

    HttpConnection(QTcpSocket *socket, HandlerFactory factory, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Answers the current request. May come before the body is read: the rest of the
    // body is then read and dropped, and the connection closes afterwards.
    void respond(HttpResponse response);
    bool hasResponded() const { return m_responded; }

    // Transport faults for the current request.
    void stallBody(qint64 milliseconds);
    void throttleBody(qint64 bytesPerSecond);
    void resetAfterBodyBytes(qint64 bytes);
    void delayResponse(qint64 milliseconds);

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
    void refillThrottle();

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

    qint64 m_resetAfter = -1;
    qint64 m_throttleRate = 0;
    qint64 m_throttleAllowance = 0;
    QElapsedTimer m_throttleClock;
    QTimer *m_throttleTimer = nullptr;
    bool m_stalled = false;
    qint64 m_delayMs = 0;
    QTimer *m_idleTimer = nullptr;
};

} // namespace Sandbox
