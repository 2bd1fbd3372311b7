// SPDX-License-Identifier: GPL-3.0-or-later
#include "redactor.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

namespace Typebot {

namespace {

QMutex &secretsMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString> &secrets()
{
    static QSet<QString> set;
    return set;
}

bool isSecretQueryKey(const QString &key)
{
    static const QStringList secretKeys = {
        QStringLiteral("x-amz-signature"),
        QStringLiteral("x-amz-credential"),
        QStringLiteral("x-amz-security-token"),
        QStringLiteral("signature"),
        QStringLiteral("token"),
        QStringLiteral("access_token"),
        QStringLiteral("policy"),
        QStringLiteral("awsaccesskeyid"),
        QStringLiteral("apikey"),
        QStringLiteral("api_key"),
    };
    return secretKeys.contains(key.toLower());
}

} // namespace

void Redactor::addSecret(const QString &secret)
{
    // Very short strings would mask innocent text; tokens are long.
    if (secret.size() < 4)
        return;
    QMutexLocker locker(&secretsMutex());
    secrets().insert(secret);
}

void Redactor::clearSecrets()
{
    QMutexLocker locker(&secretsMutex());
    secrets().clear();
}

QString Redactor::url(const QUrl &url)
{
    QUrl copy = url;
    if (!copy.password().isEmpty())
        copy.setPassword(Mask);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery scrubbed;
        for (const auto &[key, value] : items)
            scrubbed.addQueryItem(
                    key, isSecretQueryKey(QUrl::fromPercentEncoding(key.toUtf8())) ? Mask : value);
        copy.setQuery(scrubbed);
    }
    return text(copy.toDisplayString());
}

QString Redactor::header(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    if (lower == "authorization" || lower == "proxy-authorization") {
        const qsizetype space = value.indexOf(' ');
        if (space > 0)
            return QString::fromLatin1(value.left(space)) + u' ' + Mask;
        return Mask;
    }
    if (lower == "cookie" || lower == "set-cookie" || lower == "x-amz-security-token")
        return Mask;
    return text(QString::fromLatin1(value));
}

bool Redactor::isSecretFormField(const QString &name)
{
    const QString lower = name.toLower();
    return lower == u"policy" || lower == u"x-amz-signature" || lower == u"x-amz-credential"
            || lower == u"x-amz-security-token" || lower == u"signature"
            || lower == u"awsaccesskeyid";
}

QString Redactor::formField(const QString &name, const QString &value)
{
    return isSecretFormField(name) ? Mask : text(value);
}

QString Redactor::text(const QString &input)
{
    QString out = input;
    {
        QMutexLocker locker(&secretsMutex());
        for (const QString &secret : std::as_const(secrets()))
            out.replace(secret, Mask);
    }
    static const QRegularExpression bearer(
            QStringLiteral(R"re(((?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+)re"),
            QRegularExpression::CaseInsensitiveOption);
    out.replace(bearer, QStringLiteral("\\1") + Mask);
    // Query-string style: X-Amz-Signature=abc&...
    static const QRegularExpression queryParam(
            QStringLiteral(
                    R"re(((?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|token|access_token|api_key|apikey)=)[^&\s"'<]+)re"),
            QRegularExpression::CaseInsensitiveOption);
    out.replace(queryParam, QStringLiteral("\\1") + Mask);
    // JSON style: "x-amz-signature": "abc" and "policy": "base64..."
    static const QRegularExpression jsonField(
            QStringLiteral(
                    R"re(("(?:x-amz-signature|x-amz-credential|x-amz-security-token|policy|signature)"\s*:\s*")[^"]*")re"),
            QRegularExpression::CaseInsensitiveOption);
    out.replace(jsonField, QStringLiteral("\\1") + Mask + u'"');
    return out;
}

} // namespace Typebot
