// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apirequest.h"
#include "diagnostics/httpexchange.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;

namespace Typebot {

class BoundedReply;
class EndpointSettings;

// One JSON POST to the Typebot API: built by ApiRequest (token rules, TLS, redirects),
// bounded in size and time by BoundedReply, and recorded as an HttpExchange. What the
// ticket and chat requests share; they only decide what an answer means.
class ApiExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiExchange)

public:
    struct Answer
    {
        int status = 0; // 0: no HTTP answer
        QByteArray body; // at most the size limit
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        // Set when there is no answer to interpret: no connection, a timeout, a limit
        // crossed, a redirect refused.
        std::optional<ApiError> failure;
        bool aborted = false;
        HttpExchange record;

        QByteArray header(const QByteArray &name) const { return record.responseHeader(name); }
    };

    struct Limits
    {
        qint64 maxResponseBytes = Q_INT64_C(1024) * 1024;
        int deadlineMs = 30000; // the whole exchange, not per byte
    };

    ApiExchange(QNetworkAccessManager *nam, HttpExchange::Step step, QObject *parent = nullptr);
    ~ApiExchange() override;

    // Sends `body`; finished() follows once. False, with `error`, when the request cannot
    // be made at all (an unusable CA file): nothing was sent and nothing follows.
    bool post(const QUrl &url, const EndpointSettings &settings, ApiRequest::Token token,
              const QByteArray &userAgent, const Limits &limits, const QByteArray &body,
              QString *error);
    bool isRunning() const { return !m_reply.isNull(); }
    // Stops the request; finished() follows with `aborted` set.
    void abort();

Q_SIGNALS:
    // Delivered directly (same thread), so Answer needs no meta-type.
    void finished(const Typebot::ApiExchange::Answer &answer);

private:
    void handleFinished();

    QNetworkAccessManager *m_nam;
    QPointer<QNetworkReply> m_reply;
    BoundedReply *m_bounded = nullptr; // child of m_reply
    HttpExchange m_record;
    QElapsedTimer m_elapsed;
    bool m_aborted = false;
};

} // namespace Typebot
