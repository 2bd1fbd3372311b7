// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadproxyhandler.h"

#include "faultinjector.h"
#include "httpconnection.h"
#include "objectstore.h"
#include "uploadcounter.h"

#include <QDateTime>
#include <QFile>

namespace Sandbox {

UploadProxyHandler::UploadProxyHandler(Context context, HttpConnection *connection,
                                       const HttpRequest &request, RequestRecord *record)
    : RequestHandler(connection, request, record),
      m_context(context)
{
}

UploadProxyHandler::~UploadProxyHandler()
{
    // A refused or cut upload leaves nothing behind.
    discardFile();
    if (m_countedUpload)
        m_context.uploads.end();
}

bool UploadProxyHandler::isUploadPath(const QString &path)
{
    return path.startsWith(PathPrefix) && path.size() > PathPrefix.size()
            && !path.mid(PathPrefix.size()).contains(u'/');
}

QByteArray UploadProxyHandler::messageForStatus(int status)
{
    switch (status) {
    case 400:
        return "Missing upload body";
    case 403:
        return "Invalid upload URL";
    case 405:
        return "Method not allowed";
    case 413:
        return "File size limit exceeded";
    case 500:
        return "Could not upload file";
    default:
        // What a proxy or platform in front of the viewer would say.
        return HttpResponse::reasonPhrase(status);
    }
}

void UploadProxyHandler::respond(int status, const QByteArray &text)
{
    HttpResponse response;
    response.status = status;
    response.body = text;
    if (!text.isEmpty())
        response.setHeader("Content-Type", "text/plain;charset=UTF-8");
    // The CORS headers Typebot's proxy sends with every answer, so the widget can PUT.
    const QByteArray requested = m_request.header("access-control-request-headers");
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Methods", "PUT, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers",
                       requested.isEmpty() ? QByteArray("Content-Type, Cache-Control") : requested);
    response.setHeader("Access-Control-Max-Age", "86400");
    response.setHeader("Vary", "Access-Control-Request-Headers");
    m_connection->respond(response);
}

void UploadProxyHandler::fail(int status)
{
    if (m_failed)
        return;
    m_failed = true;
    discardFile();
    respond(status, messageForStatus(status));
}

void UploadProxyHandler::discardFile()
{
    if (m_file) {
        m_file->close();
        m_file.reset();
    }
    if (!m_temporaryPath.isEmpty()) {
        QFile::remove(m_temporaryPath);
        m_temporaryPath.clear();
    }
}

void UploadProxyHandler::begin()
{
    if (const auto fault =
                m_context.faults.take(FaultSpec::Route::Upload, FaultSpec::Action::Status)) {
        m_failed = true;
        const int status = int(fault->value);
        HttpResponse response;
        response.status = status;
        response.body = messageForStatus(status);
        response.setHeader("Content-Type", "text/plain;charset=UTF-8");
        if (fault->retryAfterSeconds >= 0)
            response.setHeader("Retry-After", QByteArray::number(fault->retryAfterSeconds));
        m_connection->respond(response);
        return;
    }
    if (m_request.method == "OPTIONS") {
        m_failed = true; // nothing to store
        respond(204);
        return;
    }
    if (m_request.method != "PUT") {
        fail(405);
        return;
    }
    m_token = UploadProxyToken::verify(m_request.path.mid(PathPrefix.size()).toLatin1(),
                                       m_context.secret);
    if (!m_token) {
        fail(403);
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() > m_token->expiresAtMs) {
        m_failed = true;
        respond(403, "Upload URL has expired");
        return;
    }
    m_record->fileContentType = QString::fromUtf8(m_request.header("content-type"));
    // No body at all (no Content-Length, not chunked) is "Missing upload body"; an empty
    // file (Content-Length: 0) is a body, which Next.js hands over as an empty stream.
    if (m_request.header("content-length").isEmpty()
        && m_request.header("transfer-encoding").isEmpty()) {
        fail(400);
        return;
    }
    if (m_token->maxFileSizeMegabytes && *m_token->maxFileSizeMegabytes > 0)
        m_maxBytes = qint64(*m_token->maxFileSizeMegabytes * 1024 * 1024);
    // Decided from Content-Length alone, before a byte of the body is read.
    if (m_maxBytes >= 0 && m_request.contentLength > m_maxBytes) {
        fail(413);
        return;
    }
    m_context.uploads.begin();
    m_countedUpload = true;
    m_temporaryPath = m_context.store.newTemporaryPath();
    m_file = std::make_unique<QFile>(m_temporaryPath);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(500);
}

void UploadProxyHandler::bodyData(QByteArrayView data)
{
    if (m_failed || !m_file)
        return;
    if (m_maxBytes >= 0 && m_bytes + data.size() > m_maxBytes) {
        fail(413);
        return;
    }
    if (m_context.store.discardsBodies()) {
        m_bytes += data.size();
        return;
    }
    if (m_file->write(data.data(), data.size()) != data.size()) {
        fail(500);
        return;
    }
    if (m_bytes + data.size() <= Md5EtagLimit)
        m_md5.addData(data);
    m_bytes += data.size();
}

void UploadProxyHandler::bodyFinished()
{
    if (m_failed)
        return;
    if (!commitObject()) {
        fail(500);
        return;
    }
    respond(204);
}

void UploadProxyHandler::aborted()
{
    m_failed = true; // the destructor removes the temporary file
}

bool UploadProxyHandler::commitObject()
{
    if (!m_file)
        return false;
    m_file->close();
    const bool writeOk = m_file->error() == QFileDevice::NoError;
    m_file.reset();
    ObjectStore::Object object;
    object.key = m_token->filePath;
    object.contentType = m_token->fileType; // the type the ticket named, not the header sent
    object.size = m_bytes;
    object.lastModified = QDateTime::currentDateTimeUtc();
    if (m_bytes <= Md5EtagLimit && !m_context.store.discardsBodies()) {
        object.etag = m_md5.result().toHex();
    } else {
        const QByteArray identity = object.key.toUtf8() + '\0' + QByteArray::number(m_bytes) + '\0'
                + object.lastModified.toString(Qt::ISODateWithMs).toLatin1();
        object.etag = QCryptographicHash::hash(identity, QCryptographicHash::Md5).toHex() + "-1";
    }
    QString error;
    if (!writeOk || !m_context.store.commit(m_temporaryPath, object, &error))
        return false;
    m_temporaryPath.clear();
    return true;
}

} // namespace Sandbox
