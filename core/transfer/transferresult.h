// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/httpexchange.h"
#include "s3error.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>

#include <optional>

namespace Typebot {

// The one result of an upload attempt: what the server said, or why it said nothing.
struct TransferResult
{
    enum class Outcome {
        Stored, // 200/201/204
        HttpError,
        NetworkError,
        Stalled, // no progress for the stall timeout
        Canceled, // the user asked
        LocalError, // the file could not be opened
    };

    Outcome outcome = Outcome::NetworkError;
    int httpStatus = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray bodySnippet; // at most a few KiB
    std::optional<S3Error> s3Error;
    QString serverMessage; // a plain-text error body (the 3.17+ upload proxy), sanitized
    QString location; // from a 201 PostResponse
    QString etag;
    qint64 bytesSent = 0;
    int silentResends = 0; // Qt re-sent the body after the server closed mid-upload
    qint64 durationMs = 0;
    HttpExchange exchange; // the request as sent and this answer, for -vv and copy-as-curl

    bool ok() const { return outcome == Outcome::Stored; }
    QByteArray header(const QByteArray &name) const;
    QString requestId() const; // x-amz-request-id header, or the S3 error's RequestId
    // A short plain-text error body as one clean line ("Upload URL has expired"); empty for
    // markup, binary or long bodies.
    static QString plainTextMessage(const QByteArray &body);
    // Judges a 200/201/204 answer from httpStatus, headers and bodySnippet: stored, unless
    // the body is an S3 <Error> (S3 can answer 200 with an error document) or a 201 lacks
    // the <PostResponse> it promises. Sets outcome, s3Error, errorString, etag, location.
    void judgeSuccess();
    // Fills the answer side of `exchange` (status, headers, duration, why none came).
    void recordIn(HttpExchange *exchange) const;
};

} // namespace Typebot
