// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

#include "httpheadparser.h"
#include "requesthandler.h"
#include "trafficshaper.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace Sandbox {

namespace {

constexpr qint64 BodyChunkBytes = Q_INT64_C(64) * 1024;
constexpr qint64 FileChunkBytes = Q_INT64_C(256) * 1024;
constexpr qint64 WriteHighWater = Q_INT64_C(1024) * 1024;
constexpr int TurnAwayLingerMs = 1000;

QByteArray httpDate()
{
    return QLocale::c()
            .toString(QDateTime::currentDateTimeUtc(),
                      QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
            .toLatin1();
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HandlerFactory factory,
                               const ConnectionLimits &limits, QObject *parent)
    : QObject(parent),
      m_socket(socket),
      m_factory(std::move(factory)),
      m_limits(limits),
      m_headTimer(new QTimer(this)),
      m_idleTimer(new QTimer(this)),
      m_bodyTimer(new QTimer(this)),
      m_sendTimer(new QTimer(this))
{
    m_socket->setParent(this);
    // Bounded: when the handler stops reading, the kernel window closes and the client
    // really stalls instead of Qt buffering the whole upload in memory.
    m_socket->setReadBufferSize(ReadBufferBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::watchSend);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::writeFileChunks);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::handleDisconnected);

    for (QTimer *timer : { m_headTimer, m_idleTimer, m_bodyTimer, m_sendTimer })
        timer->setSingleShot(true);
    m_headTimer->setInterval(m_limits.headerTimeoutMs);
    m_idleTimer->setInterval(m_limits.idleTimeoutMs);
    m_sendTimer->setInterval(m_limits.bodyTimeoutMs);
    connect(m_headTimer, &QTimer::timeout, this, &HttpConnection::handleHeadTimeout);
    connect(m_idleTimer, &QTimer::timeout, this, &HttpConnection::handleIdleTimeout);
    connect(m_bodyTimer, &QTimer::timeout, this, &HttpConnection::handleBodyTimeout);
    connect(m_sendTimer, &QTimer::timeout, this, &HttpConnection::handleSendTimeout);
    // A fresh connection owes its first head from the accept on: one that sends nothing
    // is a half-open request too.
    m_headTimer->start();
    scheduleProcessing();
}

void HttpConnection::turnAway(QTcpSocket *socket)
{
    static const QByteArray body = "the sandbox serves too many connections; try again\n";
    socket->write("HTTP/1.1 503 Service Unavailable\r\nServer: typebot-sandbox\r\n"
                  "Content-Type: text/plain\r\nRetry-After: 1\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    // A graceful close: half-close once the answer is out and drop whatever the client
    // sends, so that its unread request does not turn the close into a reset that could
    // overtake the answer; the client's own close (or the linger timer) ends it.
    auto halfClose = [socket] {
        if (socket->bytesToWrite() == 0 && socket->socketDescriptor() >= 0)
            ::shutdown(static_cast<int>(socket->socketDescriptor()), SHUT_WR);
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, halfClose);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(TurnAwayLingerMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->flush();
    halfClose();
}

HttpConnection::~HttpConnection()
{
    m_handler.reset();
    m_shaper.reset();
}

QHostAddress HttpConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

bool HttpConnection::isEncrypted() const
{
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket);
    return ssl && ssl->isEncrypted();
}

void HttpConnection::scheduleProcessing()
{
    if (m_processingScheduled)
        return;
    m_processingScheduled = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_processingScheduled = false;
                processInput();
            },
            Qt::QueuedConnection);
}

void HttpConnection::processInput()
{
    if (m_inProcessing) {
        scheduleProcessing();
        return;
    }
    m_inProcessing = true;
    bool progress = true;
    while (progress) {
        switch (m_state) {
        case State::ReadingHead:
            progress = readHead();
            break;
        case State::ReadingBody:
            progress = readBody();
            break;
        case State::Finishing:
            progress = m_responseDone && m_bodyDone;
            if (progress)
                finishRequest();
            break;
        case State::Closing:
        case State::Closed:
            progress = false;
            break;
        }
    }
    m_inProcessing = false;
}

bool HttpConnection::readHead()
{
    if (!m_pending.isEmpty())
        startHeadClock();
    HttpHeadParser::skipLeadingEmptyLines(&m_pending);
    qsizetype terminatorLength = 0;
    qsizetype end = HttpHeadParser::findEnd(m_pending, &terminatorLength);
    while (end < 0) {
        if (m_pending.size() > MaxHeadBytes) {
            failHead(431, "Request Header Fields Too Large");
            return false;
        }
        const qint64 room = MaxHeadBytes + 4 - m_pending.size();
        if (!m_socket->isOpen())
            return false;
        // Nothing to do until readyRead: the head clock keeps running meanwhile.
        const QByteArray more = m_socket->read(qMin<qint64>(room, BodyChunkBytes));
        if (more.isEmpty())
            return false;
        startHeadClock();
        m_pending += more;
        HttpHeadParser::skipLeadingEmptyLines(&m_pending);
        end = HttpHeadParser::findEnd(m_pending, &terminatorLength);
    }
    if (end > MaxHeadBytes) {
        failHead(431, "Request Header Fields Too Large");
        return false;
    }
    const QByteArray head = m_pending.left(end);
    m_pending.remove(0, end + terminatorLength);

    HttpRequest request;
    const int error = HttpHeadParser::parse(head, &request);
    if (error) {
        failHead(error, HttpResponse::reasonPhrase(error));
        return false;
    }
    startRequest(request);
    return true;
}

void HttpConnection::startRequest(const HttpRequest &request)
{
    m_headTimer->stop();
    m_idleTimer->stop();
    m_request = request;
    m_record = RequestRecord();
    m_record.started = QDateTime::currentDateTimeUtc();
    m_record.method = request.method;
    m_record.path = request.path;
    m_record.query = request.query;
    m_record.route = QStringLiteral("other");
    for (const auto &[name, value] : request.headers)
        m_record.headers.insert(name, value);
    m_requestTimer.start();
    m_bodyRead = 0;
    m_bodyCreditUs = qint64(m_limits.bodyTimeoutMs) * 1000;
    m_bodyDone = false;
    m_responded = false;
    m_responseDone = false;
    m_closeAfterResponse = !request.keepAlive;
    m_response = HttpResponse();
    m_shaper.reset();
    m_state = State::ReadingBody;

    m_handler = m_factory(this, m_request, &m_record);
    if (m_state != State::ReadingBody)
        return; // the factory reset the connection
    if (m_handler)
        m_handler->begin();
    if (!m_responded && m_request.expectContinue && m_request.contentLength > 0)
        write("HTTP/1.1 100 Continue\r\n\r\n");
}

bool HttpConnection::readBody()
{
    const qint64 remaining = m_request.contentLength - m_bodyRead;
    qint64 want = qMin(remaining, BodyChunkBytes);
    if (m_shaper) {
        want = m_shaper->bodyAllowance(want, m_bodyRead);
        if (want < 0) {
            // Held back until resumeBody(): the sandbox's own doing, not the client's.
            stopBodyWait();
            return false;
        }
    }
    if (want > 0) {
        QByteArray chunk;
        if (!m_pending.isEmpty()) {
            chunk = m_pending.left(want);
            m_pending.remove(0, chunk.size());
        } else if (m_socket->isOpen()) {
            chunk = m_socket->read(want);
        }
        if (chunk.isEmpty()) {
            // Waiting on the client until readyRead; its body clock runs meanwhile.
            startBodyWait();
            return false;
        }
        creditBodyBytes(chunk.size());
        m_bodyRead += chunk.size();
        m_record.bodyBytes = m_bodyRead;
        if (m_shaper)
            m_shaper->bodyConsumed(chunk.size());
        if (!m_responded && m_handler)
            m_handler->bodyData(QByteArrayView(chunk));
    }
    if (m_state != State::ReadingBody)
        return false;
    const bool complete = m_bodyRead == m_request.contentLength;
    if (m_shaper && m_shaper->resetsAt(m_bodyRead, complete)) {
        resetConnection();
        return false;
    }
    if (!complete)
        return true;
    stopBodyWait();
    m_bodyDone = true;
    m_state = State::Finishing;
    if (!m_responded && m_handler)
        m_handler->bodyFinished();
    if (!m_responded) {
        HttpResponse response;
        response.status = 500;
        response.body = "no handler answered\n";
        respond(response);
    }
    return true;
}

void HttpConnection::respond(HttpResponse response)
{
    if (m_responded || m_state == State::Closing || m_state == State::Closed)
        return;
    m_responded = true;
    m_response = std::move(response);
    m_record.status = m_response.status;
    if (m_response.closeConnection)
        m_closeAfterResponse = true;
    if (!m_bodyDone) {
        // Like S3, an early answer ends the connection once the rest of the body is read.
        m_closeAfterResponse = true;
        if (m_request.expectContinue && m_bodyRead == 0) {
            // The client waits for 100 Continue and may never send the body.
            m_bodyDone = true;
            m_state = State::Finishing;
        }
    }
    const qint64 delayMs = m_shaper ? m_shaper->responseDelayMs() : 0;
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, &HttpConnection::sendResponseNow);
    else
        sendResponseNow();
}

void HttpConnection::sendResponseNow()
{
    // Closing: the request was given up (a timeout) while a delayed answer was pending.
    if (m_state == State::Closed || m_state == State::Closing)
        return;
    qint64 length = m_response.body.size();
    if (!m_response.bodyFile.isEmpty()) {
        m_responseFile = std::make_unique<QFile>(m_response.bodyFile);
        if (!m_responseFile->open(QIODevice::ReadOnly)) {
            m_responseFile.reset();
            m_response.bodyFile.clear();
            m_response.status = 500;
            m_response.body = "cannot open stored object\n";
            m_record.status = 500;
            length = m_response.body.size();
        } else {
            length = m_responseFile->size();
        }
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(m_response.status) + ' '
            + HttpResponse::reasonPhrase(m_response.status) + "\r\n";
    bool haveServer = false;
    bool haveDate = false;
    for (const auto &[name, value] : std::as_const(m_response.headers)) {
        head += name + ": " + value + "\r\n";
        haveServer = haveServer || name.compare("server", Qt::CaseInsensitive) == 0;
        haveDate = haveDate || name.compare("date", Qt::CaseInsensitive) == 0;
    }
    if (!haveServer)
        head += "Server: typebot-sandbox\r\n";
    if (!haveDate)
        head += "Date: " + httpDate() + "\r\n";
    if (m_response.status >= 200 && m_response.status != 204 && m_response.status != 304)
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    head += m_closeAfterResponse ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    head += "\r\n";
    if (m_response.headOnly || m_response.status == 204 || m_response.status == 304) {
        write(head);
        m_responseFile.reset();
    } else if (m_responseFile) {
        write(head);
        m_responseFileLeft = length;
        writeFileChunks();
        return;
    } else {
        write(head + m_response.body);
    }
    m_responseDone = true;
    scheduleProcessing();
}

void HttpConnection::writeFileChunks()
{
    if (!m_responseFile)
        return;
    while (m_responseFileLeft > 0 && m_socket->bytesToWrite() < WriteHighWater) {
        const QByteArray chunk = m_responseFile->read(qMin(FileChunkBytes, m_responseFileLeft));
        if (chunk.isEmpty()) {
            // The file shrank under us; the promised length cannot be kept.
            resetConnection();
            return;
        }
        write(chunk);
        m_responseFileLeft -= chunk.size();
    }
    if (m_responseFileLeft == 0) {
        m_responseFile.reset();
        m_responseDone = true;
        scheduleProcessing();
    }
}

void HttpConnection::finishRequest()
{
    m_record.durationMs = m_requestTimer.elapsed();
    m_handler.reset();
    // Never called from a shaper's own timer: resumeBody() only schedules.
    m_shaper.reset();
    const RequestRecord record = m_record;
    if (m_closeAfterResponse) {
        m_state = State::Closing;
        m_socket->disconnectFromHost();
    } else {
        m_state = State::ReadingHead;
        m_idleTimer->start();
    }
    Q_EMIT requestFinished(record);
}

void HttpConnection::failHead(int status, const QByteArray &message)
{
    // The stream cannot be trusted after a bad head: answer and close.
    m_state = State::Closing;
    RequestRecord record;
    record.started = QDateTime::currentDateTimeUtc();
    record.route = QStringLiteral("other");
    record.status = status;
    const QByteArray body = message + '\n';
    m_headTimer->stop();
    write("HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpResponse::reasonPhrase(status)
          + "\r\nServer: typebot-sandbox\r\nContent-Type: text/plain\r\nContent-Length: "
          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->disconnectFromHost();
    Q_EMIT requestFinished(record);
}

void HttpConnection::write(const QByteArray &data)
{
    m_socket->write(data);
    watchSend();
}

void HttpConnection::startHeadClock()
{
    // From the head's first byte, never restarted by later ones: trickled heads run out.
    if (m_headTimer->isActive())
        return;
    m_idleTimer->stop();
    m_headTimer->start();
}

void HttpConnection::handleHeadTimeout()
{
    if (m_state != State::ReadingHead)
        return;
    processInput(); // the rest of the head may be waiting in the socket
    if (m_state != State::ReadingHead)
        return;
    if (m_pending.isEmpty()) {
        // Not a byte of a request: close quietly, as after an idle keep-alive.
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        return;
    }
    failHead(408, HttpResponse::reasonPhrase(408));
}

void HttpConnection::handleIdleTimeout()
{
    if (m_state == State::ReadingHead && !m_headTimer->isActive() && m_pending.isEmpty()) {
        m_state = State::Closing;
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::startBodyWait()
{
    if (m_bodyTimer->isActive())
        return;
    m_bodyWaitClock.start();
    m_bodyTimer->start(int(qMax<qint64>(0, (m_bodyCreditUs + 999) / 1000)));
}

void HttpConnection::stopBodyWait()
{
    if (!m_bodyTimer->isActive())
        return;
    m_bodyTimer->stop();
    m_bodyCreditUs -= m_bodyWaitClock.nsecsElapsed() / 1000;
}

void HttpConnection::creditBodyBytes(qint64 bytes)
{
    stopBodyWait();
    const qint64 full = qint64(m_limits.bodyTimeoutMs) * 1000;
    if (m_limits.bodyMinBytesPerSecond <= 0) {
        m_bodyCreditUs = full; // no rate rule: only a silence of bodyTimeoutMs counts
        return;
    }
    // bytes <= BodyChunkBytes here, so the product cannot overflow.
    m_bodyCreditUs = qMin(full, m_bodyCreditUs + bytes * 1000000 / m_limits.bodyMinBytesPerSecond);
}

void HttpConnection::handleBodyTimeout()
{
    if (m_state != State::ReadingBody)
        return;
    m_bodyCreditUs -= m_bodyWaitClock.nsecsElapsed() / 1000;
    processInput(); // bytes may have come in with the timer, and earned more time
    if (m_state != State::ReadingBody || m_bodyCreditUs > 0)
        return;
    // Too slow a body: the request is given up with 408, the connection closed.
    m_bodyTimer->stop();
    const bool answer = !m_responded;
    m_state = State::Closing;
    if (m_handler && answer)
        m_handler->aborted();
    m_handler.reset();
    m_shaper.reset();
    m_responseFile.reset();
    if (answer) {
        m_record.status = 408;
        const QByteArray body = "request body too slow\n";
        write("HTTP/1.1 408 Request Timeout\r\nServer: typebot-sandbox\r\n"
              "Content-Type: text/plain\r\nContent-Length: "
              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    }
    m_record.durationMs = m_requestTimer.elapsed();
    m_socket->disconnectFromHost();
    Q_EMIT requestFinished(m_record);
}

void HttpConnection::watchSend()
{
    // Restarted on every write and every progress: only a client that stops reading
    // for the whole body timeout is cut.
    if (m_socket->bytesToWrite() > 0 && m_state != State::Closed)
        m_sendTimer->start();
    else
        m_sendTimer->stop();
}

void HttpConnection::handleSendTimeout()
{
    if (m_state == State::Closed || m_socket->bytesToWrite() == 0)
        return;
    resetConnection();
}

void HttpConnection::setTrafficShaper(std::unique_ptr<TrafficShaper> shaper)
{
    m_shaper = std::move(shaper);
}

void HttpConnection::resumeBody()
{
    scheduleProcessing();
}

void HttpConnection::resetConnection()
{
    if (m_state == State::Closed)
        return;
    const bool inRequest = m_state == State::ReadingBody || m_state == State::Finishing;
    m_state = State::Closed;
    for (QTimer *timer : { m_headTimer, m_idleTimer, m_bodyTimer, m_sendTimer })
        timer->stop();
    if (inRequest) {
        m_record.aborted = !m_responded;
        if (!m_responded)
            m_record.status = 0;
        m_record.durationMs = m_requestTimer.elapsed();
        if (m_handler && !m_responded)
            m_handler->aborted();
        m_handler.reset();
    }
    // SO_LINGER 0 turns the close into a TCP RST, the way a crashed proxy looks.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        struct linger lingerOption = { 1, 0 };
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &lingerOption,
                     sizeof lingerOption);
    }
    m_socket->abort();
    if (inRequest)
        Q_EMIT requestFinished(m_record);
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::handleDisconnected()
{
    if (m_state == State::Closed)
        return;
    // Data that arrived before the close may still complete the request.
    if (m_state == State::ReadingHead || m_state == State::ReadingBody)
        processInput();
    if (m_state == State::Finishing && m_responseDone && m_bodyDone)
        processInput();
    const bool inRequest = m_state == State::ReadingBody || m_state == State::Finishing;
    m_state = State::Closed;
    for (QTimer *timer : { m_headTimer, m_idleTimer, m_bodyTimer, m_sendTimer })
        timer->stop();
    if (inRequest) {
        m_record.aborted = !m_responded;
        if (!m_responded)
            m_record.status = 0;
        m_record.durationMs = m_requestTimer.elapsed();
        if (m_handler && !m_responded)
            m_handler->aborted();
        m_handler.reset();
        m_responseFile.reset();
        Q_EMIT requestFinished(m_record);
    }
    Q_EMIT closed();
    deleteLater();
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

} // namespace Sandbox
