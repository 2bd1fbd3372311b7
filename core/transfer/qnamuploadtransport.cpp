// SPDX-License-Identifier: GPL-3.0-or-later
#include "qnamuploadtransport.h"

#include "api/boundedreply.h"
#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"
#include "formencoding.h"
#include "system/nativepath.h"
#include "uploadbodyfile.h"

#include <QFile>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QXmlStreamReader>

namespace Typebot {

namespace {

constexpr qint64 MaxBodySnippet = Q_INT64_C(64) * 1024;
// Storage answers are short XML; one that goes on past this is not an answer.
constexpr qint64 MaxResponseBytes = Q_INT64_C(1024) * 1024;

// Browsers use a boundary that cannot plausibly occur in a file; so do we.
QByteArray makeBoundary()
{
    QByteArray random(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    return "----TypebotUploaderBoundary" + random.toHex();
}

} // namespace

QnamUploadTransport::QnamUploadTransport(QNetworkAccessManager *nam, QObject *parent)
    : UploadTransport(parent),
      m_nam(nam),
      m_stallTimer(this)
{
    m_stallTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &QnamUploadTransport::handleStall);
}

QnamUploadTransport::~QnamUploadTransport()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool QnamUploadTransport::abortInFlight()
{
    if (!m_reply)
        return false;
    m_reply->abort(); // emits finished() synchronously; handleReplyFinished reports it
    return true;
}

void QnamUploadTransport::reportCanceled()
{
    finishWith(canceledResult());
}

void QnamUploadTransport::run()
{
    QNetworkReply *reply = request().ticket.isPutVariant() ? sendPut() : sendMultipart();
    if (!reply)
        return; // finishWith() already reported the local error
    m_reply = reply;
    HttpExchange::Headers sent;
    for (const QByteArray &name : reply->request().rawHeaderList())
        sent.append({ name, reply->request().rawHeader(name) });
    recordSentHeaders(sent);
    connect(reply, &QNetworkReply::uploadProgress, this,
            &QnamUploadTransport::handleUploadProgress);
    // Bytes coming back do not count as progress: a server dripping its answer must not
    // keep an upload alive. Once the body is sent, the answer has its own deadline.
    m_bounded = new BoundedReply(reply, MaxResponseBytes, 0, reply, MaxBodySnippet);
    connect(reply, &QNetworkReply::finished, this, &QnamUploadTransport::handleReplyFinished);
    m_stallTimer.start(request().stallTimeoutMs);
}

static QNetworkRequest baseRequest(const TransferRequest &transfer)
{
    QNetworkRequest request(transfer.ticket.presignedUrl);
    // Never follow a redirect: 301-303 would turn the POST into a GET and 307/308 would
    // resend gigabytes to a host nobody vetted.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // S3 speaks HTTP/1.1; Qt's HTTP/2 upload path gains nothing here.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    if (!transfer.userAgent.isEmpty())
        request.setHeader(QNetworkRequest::UserAgentHeader, transfer.userAgent);
    if (!transfer.extraCaCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(transfer.extraCaCertificates);
        request.setSslConfiguration(ssl);
    }
    return request;
}

QNetworkReply *QnamUploadTransport::sendMultipart()
{
    // A fresh file and multipart for every attempt: Qt may have consumed the last ones.
    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const QByteArray boundary = makeBoundary();
    multiPart->setBoundary(boundary);
    for (const FormField &field : std::as_const(request().ticket.formFields)) {
        QHttpPart part;
        part.setRawHeader("Content-Disposition", FormEncoding::fieldDisposition(field.name));
        part.setBody(field.value.toUtf8());
        multiPart->append(part);
    }
    UploadBodyFile *file = openBody(multiPart);
    if (!file) {
        delete multiPart;
        return nullptr;
    }
    QHttpPart filePart;
    filePart.setRawHeader(
            "Content-Disposition",
            FormEncoding::fileDisposition(QStringLiteral("file"), request().uploadName));
    filePart.setRawHeader("Content-Type", request().contentType.toUtf8());
    filePart.setBodyDevice(file);
    multiPart->append(filePart);

    QNetworkRequest http = baseRequest(request());
    // Set ourselves so the boundary is unquoted, exactly as browsers and curl send it.
    http.setHeader(QNetworkRequest::ContentTypeHeader,
                   QByteArray("multipart/form-data; boundary=" + boundary));
    QNetworkReply *reply = m_nam->post(http, multiPart);
    multiPart->setParent(reply);
    return reply;
}

UploadBodyFile *QnamUploadTransport::openBody(QObject *parent)
{
    auto *file = new UploadBodyFile(request().filePath, request().expectedSize, parent);
    // Unbuffered: the size cap counts the bytes actually read, not Qt's read-ahead.
    if (file->open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        m_body = file;
        return file;
    }
    TransferResult result;
    result.outcome = TransferResult::Outcome::LocalError;
    result.errorString =
            tr("Cannot read %1: %2")
                    .arg(NativePath::readable(request().filePath), file->errorString());
    delete file;
    m_stallTimer.stop();
    finishWith(result);
    return nullptr;
}

QNetworkReply *QnamUploadTransport::sendPut()
{
    UploadBodyFile *file = openBody(nullptr);
    if (!file)
        return nullptr;
    QNetworkRequest http = baseRequest(request());
    http.setHeader(QNetworkRequest::ContentTypeHeader, request().contentType.toUtf8());
    // What the web widget sends; the POST policy of older servers requires the same value.
    http.setRawHeader("Cache-Control", TransferRequest::CacheControl);
    QNetworkReply *reply = m_nam->put(http, file);
    file->setParent(reply);
    return reply;
}

void QnamUploadTransport::handleUploadProgress(qint64 sent, qint64 total)
{
    // Qt signals uploadProgress(0, 0) once the upload is over; that is no rewind.
    if (sent == 0 && total == 0 && m_lastSent > 0)
        return;
    if (sent < m_lastSent)
        ++m_silentResends; // Qt reconnected and rewound the body
    if (sent != m_lastSent)
        m_stallTimer.start();
    if (total > 0 && sent >= total && m_lastSent < total) {
        // All sent: no more upload progress can come, so the stall rule hands over to a
        // deadline for the whole answer.
        m_stallTimer.stop();
        m_bounded->startDeadline(request().stallTimeoutMs);
    } else if (sent < total && m_bounded->deadlineMs() > 0) {
        m_bounded->stopDeadline(); // Qt rewound the body to send it again
    }
    m_lastSent = sent;
    m_maxSent = std::max(m_maxSent, sent);
    Q_EMIT progressChanged(sent, total);
}

void QnamUploadTransport::handleStall()
{
    if (!m_reply || isFinished())
        return;
    qCInfo(lcTransfer) << "no progress for" << request().stallTimeoutMs << "ms, aborting"
                       << Redactor::url(request().ticket.presignedUrl);
    m_stalled = true;
    m_reply->abort();
}

void QnamUploadTransport::handleReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || isFinished())
        return;
    m_stallTimer.stop();

    TransferResult result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.networkError = reply->error();
    result.headers = reply->rawHeaderPairs();
    m_bounded->drain();
    result.bodySnippet = m_bounded->body();
    result.bytesSent = m_lastSent;
    result.silentResends = std::max(m_silentResends, m_body ? m_body->rewinds() : 0);

    const int status = result.httpStatus;
    if (m_stalled) {
        result.outcome = TransferResult::Outcome::Stalled;
        result.errorString = tr("No progress for %1 s; the connection looks stuck")
                                     .arg(request().stallTimeoutMs / 1000.0);
    } else if (isCanceled()) {
        result.outcome = TransferResult::Outcome::Canceled;
        result.errorString = tr("Canceled");
    } else if (m_bounded->limit() == BoundedReply::Limit::DeadlineExpired) {
        result.outcome = TransferResult::Outcome::Stalled;
        result.errorString = tr("The storage server did not finish its answer within %1 s of "
                                "the upload")
                                     .arg(request().stallTimeoutMs / 1000.0);
    } else if (m_bounded->limit() == BoundedReply::Limit::TooLarge) {
        result.outcome = TransferResult::Outcome::NetworkError;
        result.networkError = QNetworkReply::ProtocolFailure;
        result.errorString = tr("The storage server's answer went on past %1 KiB; stopped "
                                "reading it")
                                     .arg(MaxResponseBytes / 1024);
    } else if (m_bounded->limit() == BoundedReply::Limit::HeadersTooLarge) {
        result.outcome = TransferResult::Outcome::NetworkError;
        result.networkError = QNetworkReply::ProtocolFailure;
        result.errorString = tr("The storage server's answer had over %1 KiB of headers; "
                                "stopped reading it")
                                     .arg(BoundedReply::MaxHeaderBytes / 1024);
    } else if (status == 200 || status == 201 || status == 204) {
        result.judgeSuccess();
    } else if (status >= 300) {
        result.outcome = TransferResult::Outcome::HttpError;
        result.s3Error = S3Error::fromXml(result.bodySnippet);
        if (!result.s3Error)
            result.serverMessage = TransferResult::plainTextMessage(result.bodySnippet);
        if (result.s3Error)
            result.errorString = result.s3Error->toString();
        else if (!result.serverMessage.isEmpty())
            result.errorString =
                    tr("The upload server answered %1: %2").arg(status).arg(result.serverMessage);
        else if (status < 400)
            result.errorString =
                    tr("The storage server redirected the upload (%1) to %2; "
                       "redirects are not followed")
                            .arg(status)
                            .arg(Redactor::url(QUrl::fromEncoded(result.header("Location"))));
        else
            result.errorString =
                    tr("The storage server answered %1 %2")
                            .arg(status)
                            .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                         .toString());
    } else {
        result.outcome = TransferResult::Outcome::NetworkError;
        result.errorString = Redactor::text(reply->errorString());
        if (result.networkError == QNetworkReply::RemoteHostClosedError
            || result.networkError == QNetworkReply::UnknownNetworkError)
            // While writing the body Qt ignores what the server says, so an early S3
            // refusal looks like this too.
            result.errorString = tr("The storage server closed the connection during the "
                                    "upload (%1)")
                                         .arg(result.errorString);
    }
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    m_stallTimer.stop();
    finishWith(result);
}

} // namespace Typebot
