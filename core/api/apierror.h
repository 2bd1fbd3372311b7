// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Typebot {

// What went wrong when asking the Typebot API for an upload slot. Servers answer in three
// shapes (see shared/docs/typebot-api.md): the spec's JSON, the oRPC JSON of 3.15+ and
// plain text; all end up here, and anything else still gives a short, sanitized excerpt.
struct ApiError
{
    enum class Kind {
        Network, // no HTTP answer: refused, DNS, TLS, reset
        Timeout, // the transfer timeout fired
        Http, // an HTTP error status
        InvalidResponse, // 2xx but not a usable ticket
        NoUploadRoute, // 404 on every generate-upload-url route: not a Typebot API base
    };

    Kind kind = Kind::Http;
    int httpStatus = 0;
    QString code; // "BAD_REQUEST", "UNAUTHORIZED", ...
    QString message; // the server's message, or ours for network errors
    QStringList issues; // per-field problems from the spec's shape
    QString bodyExcerpt; // when the body was not JSON we understood

    static ApiError fromHttpResponse(int status, const QByteArray &body);
    // At most maxChars of printable text, whitespace folded, secrets redacted.
    static QString sanitizedExcerpt(const QByteArray &body, int maxChars = 200);

    // One line a user can act on, e.g. "The server refused the request (400): Can't find
    // session".
    QString toString() const;
};

} // namespace Typebot
