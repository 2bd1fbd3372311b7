// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiexchange.h"

#include "boundedreply.h"
#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"
#include "endpointsettings.h"

#include <QNetworkAccessManager>

namespace Typebot {

ApiExchange::ApiExchange(QNetworkAccessManager *nam, HttpExchange::Step step, QObject *parent)
    : QObject(parent),
      m_nam(nam)
{
    m_record.step = step;
}

ApiExchange::~ApiExchange()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool ApiExchange::post(const QUrl &url, const EndpointSettings &settings, ApiRequest::Token token,
                       const QByteArray &userAgent, const Limits &limits, const QByteArray &body,
                       QString *error)
{
    Q_ASSERT(!m_reply);
    const auto request =
            ApiRequest::jsonPost(url, settings, token, userAgent, limits.deadlineMs, error);
    if (!request)
        return false;
    m_record.method = "POST";
    m_record.url = url;
    m_record.requestBody = body;
    m_record.requestHeaders.clear();
    for (const QByteArray &name : request->rawHeaderList())
        m_record.requestHeaders.append({ name, request->rawHeader(name) });
    m_record.requestHeaders.append({ "Content-Length", QByteArray::number(body.size()) });
    m_record.requestHeaders = HttpExchange::withoutToken(m_record.requestHeaders);
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    m_elapsed.start();

    qCDebug(lcApi) << "POST" << Redactor::url(url);
    m_reply = m_nam->post(*request, body);
    // The whole exchange has a deadline and the answer a size cap: Qt's transfer timeout
    // alone restarts on every byte a dripping server sends.
    m_bounded = new BoundedReply(m_reply, limits.maxResponseBytes, limits.deadlineMs, m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &ApiExchange::handleFinished);
    return true;
}

void ApiExchange::abort()
{
    if (!m_reply)
        return;
    m_aborted = true;
    m_reply->abort(); // finished() comes from handleFinished, synchronously
}

void ApiExchange::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    Answer answer;
    answer.aborted = m_aborted;
    answer.networkError = reply->error();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_bounded->drain();
    answer.body = m_bounded->body();

    HttpExchange &record = m_record;
    record.durationMs = m_elapsed.elapsed();
    record.httpStatus = answer.status;
    record.responseHeaders.clear();
    for (const auto &pair : reply->rawHeaderPairs())
        record.responseHeaders.append(pair);

    if (m_aborted) {
        record.error = tr("canceled");
    } else if (m_bounded->limit() != BoundedReply::Limit::None) {
        answer.failure = m_bounded->limitError();
    } else if (answer.status == 0) {
        ApiError error;
        error.kind = reply->error() == QNetworkReply::OperationCanceledError
                ? ApiError::Kind::Timeout
                : ApiError::Kind::Network;
        error.message = Redactor::text(reply->errorString());
        if (reply->error() == QNetworkReply::InsecureRedirectError)
            error.message =
                    tr("the API redirected to another host (%1); not followed "
                       "so the token stays with the API host")
                            .arg(Redactor::url(QUrl::fromEncoded(reply->rawHeader("Location"))));
        answer.failure = error;
    }
    if (answer.failure) {
        answer.failure->httpStatus = answer.status;
        record.error = answer.failure->message;
    }
    answer.record = record;
    Q_EMIT finished(answer);
}

} // namespace Typebot
