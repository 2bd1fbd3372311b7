// SPDX-License-Identifier: GPL-3.0-or-later
#include "curluploadtransport.h"

#include "api/boundedreply.h"
#include "bandwidthlimiter.h"
#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"
#include "formencoding.h"
#include "system/nativepath.h"
#include "uploadbodyfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>

#include <curl/curl.h>

#include <cerrno>
#include <cstdio>

namespace Typebot {

namespace {

constexpr int MaxResponseHeaders = 200;

// The NetworkError QNAM reports with an HTTP error status, so that code reading
// TransferResult::networkError sees the same values from both transports.
QNetworkReply::NetworkError networkErrorForStatus(int status)
{
    switch (status) {
    case 400:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        if (status > 500)
            return QNetworkReply::UnknownServerError;
        if (status >= 400)
            return QNetworkReply::UnknownContentError;
        return QNetworkReply::NoError;
    }
}

struct NetworkFailure
{
    QNetworkReply::NetworkError error = QNetworkReply::UnknownNetworkError;
    QString text;
};

// A curl failure in the words and NetworkError values QNAM uses for the same event, so
// the retry classification and the messages do not depend on the transport.
NetworkFailure describeCurlFailure(CURLcode code, long osErrno, const QString &detail,
                                   const QUrl &url)
{
    const auto text = [](const char *s) { return QCoreApplication::translate("QHttp", s); };
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return { QNetworkReply::HostNotFoundError, text("Host %1 not found").arg(url.host()) };
    case CURLE_COULDNT_RESOLVE_PROXY:
        return { QNetworkReply::ProxyNotFoundError, text("Proxy server not found") };
    case CURLE_COULDNT_CONNECT:
        if (osErrno == ENETUNREACH || osErrno == EHOSTUNREACH)
            return { QNetworkReply::UnknownNetworkError, text("Network unreachable") };
        if (osErrno == ETIMEDOUT)
            return { QNetworkReply::TimeoutError, text("Socket operation timed out") };
        return { QNetworkReply::ConnectionRefusedError, text("Connection refused") };
    case CURLE_OPERATION_TIMEDOUT:
        return { QNetworkReply::TimeoutError, text("Socket operation timed out") };
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return { QNetworkReply::RemoteHostClosedError, text("Connection closed") };
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
        return { QNetworkReply::SslHandshakeFailedError,
                 detail.isEmpty() ? text("SSL handshake failed")
                                  : text("SSL handshake failed: %1").arg(detail) };
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return { QNetworkReply::ProtocolUnknownError,
                 text("Protocol \"%1\" is unknown").arg(url.scheme()) };
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_FILESIZE_EXCEEDED:
        return { QNetworkReply::ProtocolFailure, text("Data corrupted") };
#if LIBCURL_VERSION_NUM >= 0x074900
    case CURLE_PROXY:
        return { QNetworkReply::UnknownProxyError,
                 detail.isEmpty() ? text("Proxy denied connection") : detail };
#endif
    default:
        return { QNetworkReply::UnknownNetworkError,
                 detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail };
    }
}

// The system's trusted roots (curl's own bundle, else Qt's view of the system store)
// plus the profile's extra CA certificates, as one PEM blob.
QByteArray caBundleWith(CURL *easy, const QList<QSslCertificate> &extra)
{
    QByteArray pem;
#if LIBCURL_VERSION_NUM >= 0x075400
    const char *defaultBundle = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_CAINFO, &defaultBundle) == CURLE_OK && defaultBundle) {
        QFile file(QString::fromLocal8Bit(defaultBundle));
        if (file.open(QIODevice::ReadOnly))
            pem = file.readAll();
    }
#else
    Q_UNUSED(easy);
#endif
    if (pem.isEmpty()) {
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        for (const QSslCertificate &certificate : system)
            pem += certificate.toPem();
    }
    for (const QSslCertificate &certificate : extra)
        pem += '\n' + certificate.toPem();
    return pem;
}

} // namespace

// curl's C callbacks; each forwards to the transport without emitting anything, as curl
// forbids calling back into the multi handle from inside them.
struct CurlUploadTransport::Callbacks
{
    static size_t read(char *buffer, size_t size, size_t count, void *userp)
    {
        auto *self = static_cast<CurlUploadTransport *>(userp);
        const qint64 n = self->readBody(buffer, qint64(size) * qint64(count));
        if (n == ReadPause)
            return CURL_READFUNC_PAUSE;
        if (n < 0)
            return CURL_READFUNC_ABORT;
        return size_t(n);
    }

    static int seek(void *userp, curl_off_t offset, int origin)
    {
        if (origin != SEEK_SET)
            return CURL_SEEKFUNC_CANTSEEK;
        return static_cast<CurlUploadTransport *>(userp)->seekBody(qint64(offset))
                ? CURL_SEEKFUNC_OK
                : CURL_SEEKFUNC_FAIL;
    }

    static size_t header(char *buffer, size_t size, size_t count, void *userp)
    {
        const size_t length = size * count;
        // Returning less than given makes curl stop with CURLE_WRITE_ERROR.
        return static_cast<CurlUploadTransport *>(userp)->headerLine(
                       QByteArray(buffer, qsizetype(length)))
                ? length
                : 0;
    }

    static size_t write(char *data, size_t size, size_t count, void *userp)
    {
        const size_t length = size * count;
        return size_t(static_cast<CurlUploadTransport *>(userp)->bodyData(data, qint64(length)));
    }

    static int debug(CURL *, curl_infotype type, char *data, size_t size, void *userp)
    {
        // Only the request head is kept: what went out, headers curl added included.
        if (type == CURLINFO_HEADER_OUT)
            static_cast<CurlUploadTransport *>(userp)->requestHeadSent(
                    QByteArray(data, qsizetype(size)));
        return 0;
    }

    static int progress(void *userp, curl_off_t, curl_off_t, curl_off_t ulTotal, curl_off_t ulNow)
    {
        static_cast<CurlUploadTransport *>(userp)->uploadProgress(qint64(ulNow), qint64(ulTotal));
        return 0;
    }

    static constexpr qint64 ReadPause = -2;
};

CurlUploadTransport::CurlUploadTransport(std::shared_ptr<CurlMulti> multi, QObject *parent)
    : UploadTransport(parent),
      m_multi(std::move(multi)),
      m_tick(this)
{
    Q_ASSERT(m_multi);
    m_tick.setInterval(ProgressIntervalMs);
    connect(&m_tick, &QTimer::timeout, this, &CurlUploadTransport::handleTick);
}

CurlUploadTransport::~CurlUploadTransport()
{
    if (m_easy)
        m_multi->resetConnectionOf(m_easy); // deleted mid-request: drop what is buffered
    releaseEasy();
}

UploadTransportFactory CurlUploadTransport::factory(const std::shared_ptr<CurlMulti> &multi)
{
    return [multi](QNetworkAccessManager *, QObject *parent) -> UploadTransport * {
        return new CurlUploadTransport(multi, parent);
    };
}

UploadTransportFactory CurlUploadTransport::lazyFactory(std::shared_ptr<BandwidthLimiter> limiter)
{
    struct State
    {
        std::shared_ptr<BandwidthLimiter> limiter;
        std::shared_ptr<CurlMulti> multi;
    };
    auto state = std::make_shared<State>();
    state->limiter = limiter ? std::move(limiter) : std::make_shared<BandwidthLimiter>();
    return [state](QNetworkAccessManager *, QObject *parent) -> UploadTransport * {
        // Made where the first upload runs; an engine moved to another thread since gets
        // a fresh one there (its idle connections are lost, nothing else).
        if (!state->multi || state->multi->thread() != QThread::currentThread())
            state->multi = CurlMulti::create(state->limiter);
        return new CurlUploadTransport(state->multi, parent);
    };
}

bool CurlUploadTransport::abortInFlight()
{
    abortWith(TransferResult::Outcome::Canceled, tr("Canceled"));
    return true;
}

void CurlUploadTransport::reportCanceled()
{
    finish(canceledResult());
}

void CurlUploadTransport::run()
{
    Q_ASSERT(m_multi->thread() == QThread::currentThread());
    m_sinceProgress.start();

    m_body = std::make_unique<UploadBodyFile>(request().filePath, request().expectedSize);
    // Unbuffered: each read callback is one read(2) straight into curl's buffer.
    if (!m_body->open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        TransferResult result;
        result.outcome = TransferResult::Outcome::LocalError;
        result.errorString =
                tr("Cannot read %1: %2")
                        .arg(NativePath::readable(request().filePath), m_body->errorString());
        m_body.reset();
        finish(result);
        return;
    }
    TransferResult setupFailure;
    setupFailure.outcome = TransferResult::Outcome::NetworkError;
    setupFailure.networkError = QNetworkReply::UnknownNetworkError;
    if (!setUpEasy(&setupFailure) || !m_multi->addTransfer(m_easy, this)) {
        TransferResult result = setupFailure;
        if (result.errorString.isEmpty())
            result.errorString = tr("Cannot start the upload");
        releaseEasy();
        finish(result);
        return;
    }
    m_tick.start();
}

bool CurlUploadTransport::setUpEasy(TransferResult *failure)
{
    CURL *easy = curl_easy_init();
    if (!easy) {
        failure->errorString = tr("Cannot start the upload: libcurl could not make a handle");
        return false;
    }
    m_easy = easy;
    m_errorBuffer = QByteArray(CURL_ERROR_SIZE + 1, '\0');

    // User info in the URL would become an Authorization header; the storage gets none.
    QUrl url = request().ticket.presignedUrl;
    url.setUserInfo(QString());
    m_url = url.toEncoded();

    curl_easy_setopt(easy, CURLOPT_URL, m_url.constData());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    // Never follow a redirect (see QnamUploadTransport): a 3xx is reported as an error.
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    // The header callback sees the storage's answer only, not a proxy's CONNECT reply.
    curl_easy_setopt(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, m_errorBuffer.data());
    curl_easy_setopt(easy, CURLOPT_UPLOAD_BUFFERSIZE, long(UploadBufferBytes));
    curl_easy_setopt(easy, CURLOPT_EXPECT_100_TIMEOUT_MS, long(ExpectContinueTimeoutMs));
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &Callbacks::progress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Callbacks::header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
    // The debug callback records the request head as sent; curl calls it only when
    // verbose, and prints nothing itself while one is set.
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &Callbacks::debug);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, this);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Callbacks::write);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
    if (!request().userAgent.isEmpty())
        curl_easy_setopt(easy, CURLOPT_USERAGENT, request().userAgent.constData());

    if (!request().extraCaCertificates.isEmpty()) {
        QByteArray pem = caBundleWith(easy, request().extraCaCertificates);
        curl_blob blob{ pem.data(), size_t(pem.size()), CURL_BLOB_COPY };
        const CURLcode code = curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
        if (code != CURLE_OK) {
            // The same setting would fail the same way: not a transient error.
            failure->networkError = QNetworkReply::SslHandshakeFailedError;
            failure->errorString = tr("Cannot use the CA certificates with this libcurl: %1")
                                           .arg(QString::fromUtf8(curl_easy_strerror(code)));
            return false;
        }
    }

    const qint64 fileBytes = m_body->size();
    qint64 bodyBytes = fileBytes;
    for (const FormField &field : std::as_const(request().ticket.formFields))
        bodyBytes += field.name.size() + field.value.size();
    curl_slist *headers = nullptr;
    // Large bodies wait for the server's go-ahead: a refusal (an expired URL, a body too
    // large) then arrives before the body is sent. Small ones do not pay the round trip.
    headers = curl_slist_append(
            headers, bodyBytes >= ExpectContinueThreshold ? "Expect: 100-continue" : "Expect:");

    const QByteArray contentType = request().contentType.isEmpty()
            ? QByteArray("application/octet-stream")
            : request().contentType.toUtf8();
    if (request().ticket.isPutVariant()) {
        headers =
                curl_slist_append(headers, QByteArray("Content-Type: " + contentType).constData());
        headers = curl_slist_append(
                headers,
                QByteArray(QByteArray("Cache-Control: ") + TransferRequest::CacheControl)
                        .constData());
        curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(fileBytes));
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, &Callbacks::read);
        curl_easy_setopt(easy, CURLOPT_READDATA, this);
        curl_easy_setopt(easy, CURLOPT_SEEKFUNCTION, &Callbacks::seek);
        curl_easy_setopt(easy, CURLOPT_SEEKDATA, this);
    } else {
        curl_mime *mime = curl_mime_init(easy);
        m_mime = mime;
        for (const FormField &field : std::as_const(request().ticket.formFields)) {
            curl_mimepart *part = curl_mime_addpart(mime);
            // Escaped here the way FormEncoding (and QNAM) does; curl leaves the result as
            // is, as it contains none of the characters it would escape.
            curl_mime_name(part, FormEncoding::escape(field.name).constData());
            const QByteArray value = field.value.toUtf8();
            curl_mime_data(part, value.constData(), size_t(value.size()));
        }
        curl_mimepart *file = curl_mime_addpart(mime);
        curl_mime_name(file, "file");
        curl_mime_filename(file, FormEncoding::escapeFileName(request().uploadName).constData());
        curl_mime_type(file, contentType.constData());
        curl_mime_data_cb(file, curl_off_t(fileBytes), &Callbacks::read, &Callbacks::seek, nullptr,
                          this);
        curl_easy_setopt(easy, CURLOPT_MIMEPOST, mime);
    }
    m_headerList = headers;
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    return true;
}

qint64 CurlUploadTransport::readBody(char *buffer, qint64 size)
{
    if (!m_body)
        return -1;
    const qint64 left = m_body->bytesAvailable();
    qint64 want = std::min(size, left);
    if (want <= 0)
        return 0;
    if (m_multi->limiter()->isLimited()) {
        want = m_multi->acquireBandwidth(want);
        if (want <= 0) {
            m_multi->pauseForBandwidth(m_easy);
            return Callbacks::ReadPause;
        }
    }
    const qint64 read = m_body->read(buffer, want);
    if (read < 0) {
        m_readError = m_body->errorString();
        return -1;
    }
    return read;
}

bool CurlUploadTransport::seekBody(qint64 offset)
{
    return m_body && m_body->seek(offset);
}

void CurlUploadTransport::requestHeadSent(const QByteArray &head)
{
    HttpExchange::Headers sent;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // the first is the request line
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            sent.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    recordSentHeaders(sent);
}

bool CurlUploadTransport::headerLine(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.startsWith("HTTP/")) {
        // A new response: after a 100 Continue, the final one starts afresh.
        m_headers.clear();
        m_headersComplete = false;
        m_headerBytes = 0;
        const qsizetype first = trimmed.indexOf(' ');
        const qsizetype second = first < 0 ? -1 : trimmed.indexOf(' ', first + 1);
        m_status = trimmed.mid(first + 1, second < 0 ? -1 : second - first - 1).toInt();
        m_reason = second < 0 ? QByteArray() : trimmed.mid(second + 1);
        return true;
    }
    if (trimmed.isEmpty()) {
        if (m_status >= 200)
            m_headersComplete = true;
        return true;
    }
    m_headerBytes += line.size();
    if (m_headerBytes > BoundedReply::MaxHeaderBytes) {
        m_headersCut = true;
        return false;
    }
    const qsizetype colon = trimmed.indexOf(':');
    if (colon > 0 && m_headers.size() < MaxResponseHeaders)
        m_headers.append({ trimmed.left(colon).trimmed(), trimmed.mid(colon + 1).trimmed() });
    return true;
}

qint64 CurlUploadTransport::bodyData(const char *data, qint64 size)
{
    m_bodyBytes += size;
    if (m_bodySnippet.size() < MaxBodySnippet)
        m_bodySnippet.append(data,
                             qsizetype(std::min(size, MaxBodySnippet - m_bodySnippet.size())));
    if (m_bodyBytes > MaxResponseBody) {
        // Storage answers are short XML; one that goes on past this is not an answer.
        m_bodyCut = true;
        return 0;
    }
    return size;
}

void CurlUploadTransport::uploadProgress(qint64 sent, qint64 total)
{
    if (sent != m_sent) {
        m_sent = sent;
        m_sinceProgress.restart();
    }
    if (total > 0)
        m_total = total;
}

void CurlUploadTransport::emitProgress()
{
    if (m_sent == m_emittedSent && m_total == m_emittedTotal)
        return;
    if (m_sent == 0 && m_total == 0)
        return;
    m_emittedSent = m_sent;
    m_emittedTotal = m_total;
    Q_EMIT progressChanged(m_sent, m_total);
}

void CurlUploadTransport::handleTick()
{
    if (isFinished())
        return;
    emitProgress();
    if (isFinished())
        return; // a slot canceled us
    // Waiting for the bandwidth limit is no stall.
    if (m_easy && m_multi->isPausedForBandwidth(m_easy))
        m_sinceProgress.restart();
    if (m_sinceProgress.elapsed() < request().stallTimeoutMs)
        return;
    // Only bytes going out count: a server dripping its answer cannot keep an upload
    // alive. Once the body is all sent the same time bounds the whole answer.
    const bool allSent = m_total > 0 && m_sent >= m_total;
    qCInfo(lcTransfer) << (allSent ? "no complete answer within" : "no progress for")
                       << request().stallTimeoutMs << "ms, aborting"
                       << Redactor::url(request().ticket.presignedUrl);
    abortWith(TransferResult::Outcome::Stalled,
              allSent ? tr("The storage server did not finish its answer within %1 s of the "
                           "upload")
                                .arg(request().stallTimeoutMs / 1000.0)
                      : tr("No progress for %1 s; the connection looks stuck")
                                .arg(request().stallTimeoutMs / 1000.0));
}

TransferResult CurlUploadTransport::baseResult() const
{
    TransferResult result;
    result.headers = m_headers;
    result.bodySnippet = m_bodySnippet;
    result.bytesSent = m_sent;
    result.silentResends = 0; // curl rewinds only for a fresh request, never silently
    return result;
}

void CurlUploadTransport::abortWith(TransferResult::Outcome outcome, const QString &errorString)
{
    TransferResult result = baseResult();
    if (m_easy) {
        long status = 0;
        curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
        result.httpStatus = int(status);
    }
    result.outcome = outcome;
    result.networkError = QNetworkReply::OperationCanceledError;
    result.errorString = errorString;
    if (m_easy)
        m_multi->resetConnectionOf(m_easy);
    releaseEasy(); // closes the connection: it is mid-request
    finish(result);
}

void CurlUploadTransport::curlTransferDone(int curlCode)
{
    const auto code = CURLcode(curlCode);
    m_tick.stop();
    curl_off_t uploaded = 0;
    if (curl_easy_getinfo(m_easy, CURLINFO_SIZE_UPLOAD_T, &uploaded) == CURLE_OK)
        m_sent = std::max(m_sent, qint64(uploaded));
    emitProgress();
    if (isFinished())
        return; // a progress slot canceled us

    TransferResult result = baseResult();
    long status = 0;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
    result.httpStatus = int(status);
    // A refusal whose body was cut short (the server closed after refusing early) is still
    // the server's answer.
    const bool answered =
            status >= 200 && (code == CURLE_OK || (status >= 300 && m_headersComplete));
    if (!m_readError.isEmpty()) {
        result.outcome = TransferResult::Outcome::LocalError;
        result.errorString =
                tr("Cannot read %1: %2").arg(NativePath::readable(request().filePath), m_readError);
    } else if (m_headersCut) {
        result.outcome = TransferResult::Outcome::NetworkError;
        result.networkError = QNetworkReply::ProtocolFailure;
        result.errorString = tr("The storage server's answer had over %1 KiB of headers; "
                                "stopped reading it")
                                     .arg(BoundedReply::MaxHeaderBytes / 1024);
    } else if (m_bodyCut) {
        result.outcome = TransferResult::Outcome::NetworkError;
        result.networkError = QNetworkReply::ProtocolFailure;
        result.errorString = tr("The storage server's answer went on past %1 KiB; stopped "
                                "reading it")
                                     .arg(MaxResponseBody / 1024);
    } else if (answered) {
        fillHttpResult(&result);
    } else {
        long osErrno = 0;
        curl_easy_getinfo(m_easy, CURLINFO_OS_ERRNO, &osErrno);
        const QString detail = QString::fromUtf8(m_errorBuffer.constData()).trimmed();
        qCDebug(lcTransfer) << "curl failed:" << curl_easy_strerror(code) << Redactor::text(detail);
        const NetworkFailure failure =
                describeCurlFailure(code, osErrno, detail, request().ticket.presignedUrl);
        result.httpStatus = 0;
        result.outcome = TransferResult::Outcome::NetworkError;
        result.networkError = failure.error;
        result.errorString = Redactor::text(failure.text);
        if (failure.error == QNetworkReply::RemoteHostClosedError
            || failure.error == QNetworkReply::UnknownNetworkError)
            result.errorString = tr("The storage server closed the connection during the "
                                    "upload (%1)")
                                         .arg(result.errorString);
    }
    releaseEasy();
    finish(result);
}

void CurlUploadTransport::fillHttpResult(TransferResult *result) const
{
    const int status = result->httpStatus;
    result->networkError = networkErrorForStatus(status);
    if (status == 200 || status == 201 || status == 204) {
        result->judgeSuccess(); // an S3 <Error> in a 200, a 201 without PostResponse
        return;
    }
    result->outcome = TransferResult::Outcome::HttpError;
    result->s3Error = S3Error::fromXml(result->bodySnippet);
    if (!result->s3Error)
        result->serverMessage = TransferResult::plainTextMessage(result->bodySnippet);
    if (result->s3Error)
        result->errorString = result->s3Error->toString();
    else if (!result->serverMessage.isEmpty())
        result->errorString =
                tr("The upload server answered %1: %2").arg(status).arg(result->serverMessage);
    else if (status >= 300 && status < 400)
        result->errorString =
                tr("The storage server redirected the upload (%1) to %2; "
                   "redirects are not followed")
                        .arg(status)
                        .arg(Redactor::url(QUrl::fromEncoded(result->header("Location"))));
    else
        result->errorString = tr("The storage server answered %1 %2")
                                      .arg(status)
                                      .arg(QString::fromLatin1(m_reason));
}

void CurlUploadTransport::releaseEasy()
{
    m_tick.stop();
    if (m_easy) {
        m_multi->removeTransfer(m_easy);
        curl_easy_cleanup(m_easy);
        m_easy = nullptr;
    }
    // The mime tree and header list must outlive the easy handle that points at them.
    if (m_mime) {
        curl_mime_free(static_cast<curl_mime *>(m_mime));
        m_mime = nullptr;
    }
    if (m_headerList) {
        curl_slist_free_all(static_cast<curl_slist *>(m_headerList));
        m_headerList = nullptr;
    }
    m_body.reset();
}

void CurlUploadTransport::finish(TransferResult result)
{
    m_tick.stop();
    finishWith(std::move(result));
}

} // namespace Typebot
