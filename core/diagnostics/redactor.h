// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QUrl;

namespace Typebot {

// The one place that decides what is secret. Every log line, timeline entry and
// copy-as-curl text goes through it, so a token or signature cannot leak through a
// path that forgot to scrub.
class Redactor final
{
public:
    static inline const QString Mask = QStringLiteral("[redacted]");

    // Registers a literal secret (an API token) that must never appear in output.
    static void addSecret(const QString &secret);
    static void clearSecrets();

    // Query values such as X-Amz-Signature, X-Amz-Credential, token; user info.
    static QString url(const QUrl &url);
    // Authorization, Cookie and x-amz-security-token values.
    static QString header(const QByteArray &name, const QByteArray &value);
    // S3 POST form fields: policy, x-amz-signature, x-amz-credential, security token.
    static QString formField(const QString &name, const QString &value);
    static bool isSecretFormField(const QString &name);
    // Free text (response bodies, error strings): bearer tokens, signatures in URLs or
    // JSON, registered secrets.
    static QString text(const QString &text);
};

} // namespace Typebot
