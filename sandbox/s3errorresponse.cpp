// SPDX-License-Identifier: GPL-3.0-or-later
#include "s3errorresponse.h"

#include <QRandomGenerator>

namespace Sandbox {

QByteArray S3ErrorResponse::xmlEscape(const QString &text)
{
    // Text content only needs these three; S3 leaves quotes alone in its messages.
    QString escaped = text;
    escaped.replace(u'&', QStringLiteral("&amp;"))
            .replace(u'<', QStringLiteral("&lt;"))
            .replace(u'>', QStringLiteral("&gt;"));
    return escaped.toUtf8();
}

QByteArray S3ErrorResponse::newRequestId()
{
    QByteArray id;
    const char alphabet[] = "0123456789ABCDEF";
    for (int i = 0; i < 16; ++i)
        id += alphabet[QRandomGenerator::global()->bounded(16)];
    return id;
}

HttpResponse S3ErrorResponse::make(int status, const QString &code, const QString &message,
                                   const Extra &extra)
{
    const QByteArray requestId = newRequestId();
    const QByteArray hostId = QByteArray(requestId + requestId).toBase64();
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + xmlEscape(code)
            + "</Code><Message>" + xmlEscape(message) + "</Message>";
    for (const auto &[name, value] : extra)
        xml += '<' + name.toUtf8() + '>' + xmlEscape(value) + "</" + name.toUtf8() + '>';
    xml += "<RequestId>" + requestId + "</RequestId><HostId>" + hostId + "</HostId></Error>";

    HttpResponse response;
    response.status = status;
    response.body = xml;
    response.setHeader("Content-Type", "application/xml");
    response.setHeader("x-amz-request-id", requestId);
    response.setHeader("x-amz-id-2", hostId);
    response.setHeader("Server", "AmazonS3");
    return response;
}

QString S3ErrorResponse::codeForStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("RequestTimeout");
    case 403:
        return QStringLiteral("AccessDenied");
    case 404:
        return QStringLiteral("NoSuchKey");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 409:
        return QStringLiteral("OperationAborted");
    case 411:
        return QStringLiteral("MissingContentLength");
    case 412:
        return QStringLiteral("PreconditionFailed");
    case 429:
        return QStringLiteral("SlowDown");
    case 500:
        return QStringLiteral("InternalError");
    case 501:
        return QStringLiteral("NotImplemented");
    case 503:
        return QStringLiteral("SlowDown");
    default:
        return status >= 500 ? QStringLiteral("ServiceUnavailable")
                             : QStringLiteral("InvalidRequest");
    }
}

HttpResponse S3ErrorResponse::forStatus(int status)
{
    const QString code = codeForStatus(status);
    QString message;
    if (code == QLatin1String("RequestTimeout"))
        message =
                QStringLiteral("Your socket connection to the server was not read from or written "
                               "to within the timeout period. Idle connections will be closed.");
    else if (code == QLatin1String("InternalError"))
        message = QStringLiteral("We encountered an internal error. Please try again.");
    else if (code == QLatin1String("SlowDown"))
        message = QStringLiteral("Please reduce your request rate.");
    else if (code == QLatin1String("ServiceUnavailable"))
        message = QStringLiteral("Service is unable to handle request.");
    else if (code == QLatin1String("AccessDenied"))
        message = QStringLiteral("Access Denied");
    else
        message = QStringLiteral("Injected fault: status %1").arg(status);
    return make(status, code, message);
}

} // namespace Sandbox
