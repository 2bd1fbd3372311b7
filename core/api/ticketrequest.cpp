// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketrequest.h"

#include "apirequest.h"
#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Typebot {

namespace {
constexpr qint64 MaxResponseBytes = Q_INT64_C(1024) * 1024;

QDateTime parseHttpDate(const QByteArray &value)
{
    // RFC 7231 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()).left(25),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (date.isValid())
        date.setTimeSpec(Qt::UTC);
    return date;
}
} // namespace

TicketRequest::TicketRequest(QNetworkAccessManager *nam, EndpointSettings settings, QObject *parent)
    : QObject(parent),
      m_nam(nam),
      m_settings(std::move(settings))
{
}

TicketRequest::~TicketRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray TicketRequest::requestBody(const QString &sessionId, const Input &input)
{
    QJsonObject body{ { QStringLiteral("sessionId"), sessionId.trimmed() },
                      { QStringLiteral("fileName"), input.fileName } };
    if (!input.fileType.isEmpty())
        body.insert(QStringLiteral("fileType"), input.fileType);
    // Newer servers check the size against the bot's limit up front; older ones ignore it.
    if (input.fileSize >= 0)
        body.insert(QStringLiteral("fileSize"), double(input.fileSize));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void TicketRequest::start(const Input &input)
{
    m_input = input;
    QMetaObject::invokeMethod(this, &TicketRequest::doStart, Qt::QueuedConnection);
}

void TicketRequest::cancel()
{
    if (m_finished)
        return;
    m_canceled = true;
    if (m_reply) {
        m_reply->abort();
    } else {
        TicketResult result;
        result.canceled = true;
        finish(result);
    }
}

void TicketRequest::doStart()
{
    if (m_finished)
        return;
    m_elapsed.start();
    const QUrl url = m_settings.generateUploadUrlEndpoint();
    QString tlsError;
    const auto request = ApiRequest::jsonPost(url, m_settings, ApiRequest::Token::Send, m_userAgent,
                                              m_timeoutMs, &tlsError);
    if (!request) {
        TicketResult result;
        result.error.kind = ApiError::Kind::Network;
        result.error.message = tlsError;
        finish(result);
        return;
    }
    qCDebug(lcApi) << "POST" << Redactor::url(url);
    m_reply = m_nam->post(*request, requestBody(m_settings.sessionId, m_input));
    connect(m_reply, &QNetworkReply::finished, this, &TicketRequest::handleFinished);
}

void TicketRequest::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    TicketResult result;
    result.host = reply->url().host();
    result.networkError = reply->error();
    result.serverDate = parseHttpDate(reply->rawHeader("Date"));
    result.retryAfter = reply->rawHeader("Retry-After");
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(MaxResponseBytes);

    if (m_canceled) {
        result.canceled = true;
    } else if (status == 0) {
        result.error.kind = reply->error() == QNetworkReply::OperationCanceledError
                ? ApiError::Kind::Timeout
                : ApiError::Kind::Network;
        result.error.message = Redactor::text(reply->errorString());
        if (reply->error() == QNetworkReply::InsecureRedirectError)
            result.error.message =
                    tr("the API redirected to another host (%1); not followed "
                       "so the token stays with the API host")
                            .arg(Redactor::url(QUrl::fromEncoded(reply->rawHeader("Location"))));
    } else if (status >= 200 && status < 300) {
        QString parseError;
        if (auto ticket = UploadTicket::fromJson(body, &parseError)) {
            result.ok = true;
            result.ticket = *ticket;
        } else {
            result.error.kind = ApiError::Kind::InvalidResponse;
            result.error.httpStatus = status;
            result.error.message = parseError;
            result.error.bodyExcerpt = ApiError::sanitizedExcerpt(body);
        }
    } else {
        result.error = ApiError::fromHttpResponse(status, body);
    }
    result.error.httpStatus = status;
    finish(result);
}

void TicketRequest::finish(TicketResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.durationMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    Q_EMIT finished(result);
}

} // namespace Typebot
