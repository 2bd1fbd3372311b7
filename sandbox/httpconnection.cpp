// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

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
constexpr int IdleTimeoutMs = 120 * 1000;

bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArray httpDate()
{
    return QLocale::c()
            .toString(QDateTime::currentDateTimeUtc(),
                      QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
            .toLatin1();
}

// Parses a request head (without the blank line). Returns 0 or the status to fail with.
int parseHead(const QByteArray &head, HttpRequest *request)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    if (lines.isEmpty())
        return 400;
    const QList<QByteArray> parts = lines.first().split(' ');
    if (parts.size() < 3)
        return 400;
    request->method = parts.first();
    request->version = parts.last();
    // Raw spaces in the target are not valid HTTP, but keys are sent raw by some clients;
    // being lenient here costs nothing.
    request->target = lines.first().mid(request->method.size() + 1,
                                        lines.first().size() - request->method.size()
                                                - request->version.size() - 2);
    if (request->method.isEmpty()
        || !std::all_of(request->method.cbegin(), request->method.cend(), isTokenChar))
        return 400;
    if (!request->version.startsWith("HTTP/"))
        return 400;
    if (request->version != "HTTP/1.1" && request->version != "HTTP/1.0")
        return 505;
    if (request->target.startsWith("http://") || request->target.startsWith("https://")) {
        const qsizetype slash = request->target.indexOf('/', request->target.indexOf("//") + 2);
        request->target = slash < 0 ? QByteArray("/") : request->target.mid(slash);
    }
    if (!request->target.startsWith('/'))
        return 400;
    const qsizetype question = request->target.indexOf('?');
    request->rawPath = question < 0 ? request->target : request->target.left(question);
    request->query =
            question < 0 ? QString() : QString::fromUtf8(request->target.mid(question + 1));
    request->path = QString::fromUtf8(QByteArray::fromPercentEncoding(request->rawPath));

    request->keepAlive = request->version == "HTTP/1.1";
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return 400; // obsolete line folding
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return 400;
        const QByteArray name = line.left(colon).toLower();
        if (!std::all_of(name.cbegin(), name.cend(), isTokenChar))
            return 400;
        const QByteArray value = line.mid(colon + 1).trimmed();
        request->headers.append({ name, value });
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || !std::all_of(value.cbegin(), value.cend(), [](char c) {
                    return c >= '0' && c <= '9';
                }))
                return 400;
            if (haveLength && length != request->contentLength)
                return 400;
            haveLength = true;
            request->contentLength = length;
        } else if (name == "transfer-encoding") {
            // Chunked request bodies are not supported; S3 refuses them too.
            return 411;
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return 417;
            request->expectContinue = true;
        } else if (name == "connection") {
            const QByteArray lower = value.toLower();
            if (lower.contains("close"))
                request->keepAlive = false;
            else if (lower.contains("keep-alive"))
                request->keepAlive = true;
        }
    }
    return 0;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HandlerFactory factory, QObject *parent)
    : QObject(parent),
      m_socket(socket),
      m_factory(std::move(factory)),
      m_idleTimer(new QTimer(this))
{
    m_socket->setParent(this);
    // Bounded: when the handler stops reading, the kernel window closes and the client
    // really stalls instead of Qt buffering the whole upload in memory.
    m_socket->setReadBufferSize(ReadBufferBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::writeFileChunks);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::handleDisconnected);

    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(IdleTimeoutMs);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::ReadingHead && m_pending.isEmpty())
            m_socket->disconnectFromHost();
    });
    m_idleTimer->start();
    scheduleProcessing();
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
    // Tolerate empty lines between requests (RFC 9112 section 2.2).
    while (m_pending.startsWith("\r\n") || m_pending.startsWith('\n'))
        m_pending.remove(0, m_pending.startsWith('\n') ? 1 : 2);
    qsizetype end = -1;
    qsizetype terminatorLength = 0;
    auto findEnd = [&] {
        end = m_pending.indexOf("\r\n\r\n");
        terminatorLength = 4;
        const qsizetype bare = m_pending.indexOf("\n\n");
        if (bare >= 0 && (end < 0 || bare < end)) {
            end = bare;
            terminatorLength = 2;
        }
    };
    findEnd();
    while (end < 0) {
        if (m_pending.size() > MaxHeadBytes) {
            failHead(431, "Request Header Fields Too Large");
            return false;
        }
        const qint64 room = MaxHeadBytes + 4 - m_pending.size();
        if (!m_socket->isOpen())
            return false;
        const QByteArray more = m_socket->read(qMin<qint64>(room, BodyChunkBytes));
        if (more.isEmpty())
            return false;
        m_idleTimer->stop();
        m_pending += more;
        while (m_pending.startsWith("\r\n") || m_pending.startsWith('\n'))
            m_pending.remove(0, m_pending.startsWith('\n') ? 1 : 2);
        findEnd();
    }
    if (end > MaxHeadBytes) {
        failHead(431, "Request Header Fields Too Large");
        return false;
    }
    const QByteArray head = m_pending.left(end);
    m_pending.remove(0, end + terminatorLength);

    HttpRequest request;
    const int error = parseHead(head, &request);
    if (error) {
        failHead(error, HttpResponse::reasonPhrase(error));
        return false;
    }
    startRequest(request);
    return true;
}

void HttpConnection::startRequest(const HttpRequest &request)
{
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
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

bool HttpConnection::readBody()
{
    const qint64 remaining = m_request.contentLength - m_bodyRead;
    qint64 want = qMin(remaining, BodyChunkBytes);
    if (m_shaper) {
        want = m_shaper->bodyAllowance(want, m_bodyRead);
        if (want < 0)
            return false; // held back until resumeBody()
    }
    if (want > 0) {
        QByteArray chunk;
        if (!m_pending.isEmpty()) {
            chunk = m_pending.left(want);
            m_pending.remove(0, chunk.size());
        } else if (m_socket->isOpen()) {
            chunk = m_socket->read(want);
        }
        if (chunk.isEmpty())
            return false;
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
    if (m_state == State::Closed)
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
        m_socket->write(head);
        m_responseFile.reset();
    } else if (m_responseFile) {
        m_socket->write(head);
        m_responseFileLeft = length;
        writeFileChunks();
        return;
    } else {
        m_socket->write(head + m_response.body);
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
        m_socket->write(chunk);
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
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' '
                    + HttpResponse::reasonPhrase(status)
                    + "\r\nServer: typebot-sandbox\r\nContent-Type: text/plain\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->disconnectFromHost();
    Q_EMIT requestFinished(record);
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
    m_idleTimer->stop();
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
