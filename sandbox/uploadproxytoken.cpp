// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadproxytoken.h"

#include "jsontext.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace Sandbox {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray signature(const QByteArray &secret, const QByteArray &encodedPayload)
{
    return QMessageAuthenticationCode::hash(encodedPayload, secret, QCryptographicHash::Sha256)
            .toBase64(Base64Url);
}

QByteArray jsonNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

} // namespace

QByteArray UploadProxyToken::generateSecret()
{
    QByteArray secret(32, Qt::Uninitialized);
    for (char &byte : secret)
        byte = char(QRandomGenerator::system()->bounded(256));
    return secret;
}

QByteArray UploadProxyToken::encode(const QByteArray &secret) const
{
    // Field order as Typebot's zod schema emits them.
    QByteArray json =
            "{\"filePath\":" + jsonString(filePath) + ",\"fileType\":" + jsonString(fileType);
    if (maxFileSizeMegabytes)
        json += ",\"maxFileSize\":" + jsonNumber(*maxFileSizeMegabytes);
    json += ",\"expiresAt\":" + QByteArray::number(expiresAtMs) + '}';
    const QByteArray encodedPayload = json.toBase64(Base64Url);
    return encodedPayload + '.' + signature(secret, encodedPayload);
}

std::optional<UploadProxyToken> UploadProxyToken::verify(const QByteArray &token,
                                                         const QByteArray &secret)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    // Compared in full, whatever the first difference: no timing hints.
    const QByteArray expected = signature(secret, parts.at(0));
    const QByteArray &received = parts.at(1);
    if (expected.size() != received.size())
        return std::nullopt;
    char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference = char(difference | (expected.at(i) ^ received.at(i)));
    if (difference != 0)
        return std::nullopt;

    const auto decoded = QByteArray::fromBase64Encoding(
            parts.at(0), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject payload = QJsonDocument::fromJson(*decoded).object();
    UploadProxyToken result;
    const QJsonValue filePath = payload.value(QStringLiteral("filePath"));
    const QJsonValue fileType = payload.value(QStringLiteral("fileType"));
    const QJsonValue maxFileSize = payload.value(QStringLiteral("maxFileSize"));
    const QJsonValue expiresAt = payload.value(QStringLiteral("expiresAt"));
    if (!filePath.isString() || !fileType.isString() || !expiresAt.isDouble()
        || (!maxFileSize.isUndefined() && !maxFileSize.isDouble()))
        return std::nullopt;
    result.filePath = filePath.toString();
    result.fileType = fileType.toString();
    result.expiresAtMs = qint64(expiresAt.toDouble());
    if (maxFileSize.isDouble())
        result.maxFileSizeMegabytes = maxFileSize.toDouble();
    const bool rooted = result.filePath.startsWith(QLatin1String("public/"))
            || result.filePath.startsWith(QLatin1String("private/"));
    if (!rooted || result.filePath.split(u'/').contains(QLatin1String(".."))
        || result.fileType.isEmpty())
        return std::nullopt;
    return result;
}

} // namespace Sandbox
