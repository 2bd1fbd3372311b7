// SPDX-License-Identifier: GPL-3.0-or-later
#include "postpolicy.h"

#include "jsontext.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>

namespace Sandbox {

namespace {

QString randomString(int length, QLatin1String alphabet)
{
    QString result;
    result.reserve(length);
    for (int i = 0; i < length; ++i)
        result += QChar(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return result;
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QString quoted(const QJsonValue &value)
{
    if (value.isString())
        return QString::fromUtf8(jsonString(value.toString()));
    return QString::fromUtf8(QJsonDocument(QJsonArray{ value }).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
}

bool toInteger(const QJsonValue &value, qint64 *out)
{
    if (value.isDouble()) {
        *out = qint64(value.toDouble());
        return true;
    }
    bool ok = false;
    *out = value.toString().toLongLong(&ok);
    return ok;
}

} // namespace

PostPolicy::Credentials PostPolicy::generateCredentials()
{
    Credentials credentials;
    credentials.accessKeyId = QStringLiteral("SANDBOX")
            + randomString(13, QLatin1String("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
    credentials.secretKey =
            randomString(
                    40,
                    QLatin1String(
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
                    .toLatin1();
    return credentials;
}

QString PostPolicy::amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QString PostPolicy::shortDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd"));
}

QString PostPolicy::credential(const Credentials &credentials, const QString &date)
{
    return credentials.accessKeyId + u'/' + date + u'/' + Region
            + QStringLiteral("/s3/aws4_request");
}

QByteArray PostPolicy::signingKey(const QByteArray &secretKey, const QString &date,
                                  const QString &region, const QString &service)
{
    const QByteArray dateKey = hmac("AWS4" + secretKey, date.toLatin1());
    const QByteArray regionKey = hmac(dateKey, region.toLatin1());
    const QByteArray serviceKey = hmac(regionKey, service.toLatin1());
    return hmac(serviceKey, "aws4_request");
}

QByteArray PostPolicy::hexHmac(const QByteArray &key, const QByteArray &message)
{
    return hmac(key, message).toHex();
}

QByteArray PostPolicy::policyJson(const QDateTime &expiration,
                                  const QList<QByteArray> &conditionsJson)
{
    return "{\"expiration\":\"" + expiration.toUTC().toString(Qt::ISODateWithMs).toLatin1()
            + "\",\"conditions\":[" + conditionsJson.join(',') + "]}";
}

QByteArray PostPolicy::signPolicy(const Credentials &credentials, const QString &date,
                                  const QByteArray &policyBase64)
{
    return hexHmac(signingKey(credentials.secretKey, date), policyBase64);
}

QList<QPair<QString, QString>>
PostPolicy::buildPostForm(const Credentials &credentials, const QString &bucket, const QString &key,
                          const QString &contentType, qint64 maxSizeBytes,
                          const QDateTime &signingTime, const QDateTime &expiration)
{
    const QString date = shortDate(signingTime);
    const QString xAmzDate = amzDate(signingTime);
    const QString xAmzCredential = credential(credentials, date);
    auto eq = [](const QString &field, const QString &value) -> QByteArray {
        return "[\"eq\",\"$" + field.toUtf8() + "\"," + jsonString(value) + ']';
    };

    QList<QByteArray> conditions;
    if (maxSizeBytes > 0)
        conditions << "[\"content-length-range\",0," + QByteArray::number(maxSizeBytes) + ']';
    conditions << eq(QStringLiteral("key"), key) << eq(QStringLiteral("bucket"), bucket)
               << eq(QStringLiteral("Cache-Control"), CacheControl);
    if (!contentType.isNull())
        conditions << eq(QStringLiteral("Content-Type"), contentType);
    conditions << eq(QStringLiteral("x-amz-date"), xAmzDate)
               << eq(QStringLiteral("x-amz-algorithm"), Algorithm)
               << eq(QStringLiteral("x-amz-credential"), xAmzCredential);

    const QByteArray policy = policyJson(expiration, conditions).toBase64();

    QList<QPair<QString, QString>> form;
    form << qMakePair(QStringLiteral("key"), key) << qMakePair(QStringLiteral("bucket"), bucket)
         << qMakePair(QStringLiteral("Cache-Control"), CacheControl);
    if (!contentType.isNull())
        form << qMakePair(QStringLiteral("Content-Type"), contentType);
    form << qMakePair(QStringLiteral("x-amz-date"), xAmzDate)
         << qMakePair(QStringLiteral("x-amz-algorithm"), Algorithm)
         << qMakePair(QStringLiteral("x-amz-credential"), xAmzCredential)
         << qMakePair(QStringLiteral("policy"), QString::fromLatin1(policy))
         << qMakePair(QStringLiteral("x-amz-signature"),
                      QString::fromLatin1(signPolicy(credentials, date, policy)));
    return form;
}

std::optional<PostPolicy> PostPolicy::decode(const QByteArray &policyBase64, QString *error)
{
    const auto decoded = QByteArray::fromBase64Encoding(policyBase64.trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        *error = QStringLiteral("Invalid Policy: Invalid Base64 Encoding.");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("Invalid Policy: Invalid JSON.");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    PostPolicy policy;
    if (!object.value(QStringLiteral("expiration")).isString()) {
        *error = QStringLiteral("Invalid Policy: Policy missing expiration.");
        return std::nullopt;
    }
    policy.expiration = QDateTime::fromString(object.value(QStringLiteral("expiration")).toString(),
                                              Qt::ISODateWithMs);
    if (!policy.expiration.isValid()) {
        *error = QStringLiteral("Invalid Policy: Invalid 'expiration' value: '%1'")
                         .arg(object.value(QStringLiteral("expiration")).toString());
        return std::nullopt;
    }
    if (!object.value(QStringLiteral("conditions")).isArray()) {
        *error = QStringLiteral("Invalid Policy: Policy missing conditions.");
        return std::nullopt;
    }
    const QJsonArray conditions = object.value(QStringLiteral("conditions")).toArray();
    for (const auto &value : conditions) {
        Condition condition;
        if (value.isObject()) {
            const QJsonObject single = value.toObject();
            if (single.size() != 1 || !single.begin().value().isString()) {
                *error = QStringLiteral(
                        "Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have "
                        "exactly one property specified.");
                return std::nullopt;
            }
            condition.field = single.begin().key().toLower();
            condition.value = single.begin().value().toString();
            condition.text = QStringLiteral("[\"eq\", \"$%1\", %2]")
                                     .arg(single.begin().key(), quoted(single.begin().value()));
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            const QString op = array.at(0).toString().toLower();
            QStringList parts;
            for (const auto &part : array)
                parts << quoted(part);
            condition.text = u'[' + parts.join(QStringLiteral(", ")) + u']';
            if (array.size() != 3) {
                *error = QStringLiteral(
                                 "Invalid Policy: Invalid Condition: wrong number of arguments: ")
                        + condition.text;
                return std::nullopt;
            }
            if (op == QLatin1String("content-length-range")) {
                condition.op = Condition::Op::ContentLengthRange;
                if (!toInteger(array.at(1), &condition.min)
                    || !toInteger(array.at(2), &condition.max)) {
                    *error = QStringLiteral("Invalid Policy: Invalid content-length-range: ")
                            + condition.text;
                    return std::nullopt;
                }
            } else if (op == QLatin1String("eq") || op == QLatin1String("starts-with")) {
                condition.op =
                        op == QLatin1String("eq") ? Condition::Op::Eq : Condition::Op::StartsWith;
                const QString field = array.at(1).toString();
                if (!field.startsWith(u'$') || !array.at(2).isString()) {
                    *error = QStringLiteral("Invalid Policy: Invalid Condition: ") + condition.text;
                    return std::nullopt;
                }
                condition.field = field.mid(1).toLower();
                condition.value = array.at(2).toString();
            } else {
                *error = QStringLiteral("Invalid Policy: Invalid Condition: unknown operation: ")
                        + condition.text;
                return std::nullopt;
            }
        } else {
            *error = QStringLiteral("Invalid Policy: Invalid Condition.");
            return std::nullopt;
        }
        policy.conditions.append(condition);
    }
    return policy;
}

QByteArray PostPolicy::canonicalUri(const QString &bucket, const QString &key)
{
    return '/' + QUrl::toPercentEncoding(bucket) + '/' + QUrl::toPercentEncoding(key, "/");
}

QByteArray PostPolicy::putStringToSign(const QByteArray &uri,
                                       const QList<QPair<QByteArray, QByteArray>> &query,
                                       const QByteArray &host, const QString &date,
                                       const QString &scope)
{
    QList<QByteArray> items;
    for (const auto &[name, value] : query) {
        if (name == "X-Amz-Signature")
            continue;
        items << QUrl::toPercentEncoding(QString::fromUtf8(name)) + '='
                        + QUrl::toPercentEncoding(QString::fromUtf8(value));
    }
    std::sort(items.begin(), items.end());
    const QByteArray canonicalRequest = "PUT\n" + uri + '\n' + items.join('&')
            + "\nhost:" + host.trimmed().toLower() + "\n\nhost\nUNSIGNED-PAYLOAD";
    return Algorithm.toLatin1() + '\n' + date.toLatin1() + '\n' + scope.toLatin1() + '\n'
            + QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
}

QString PostPolicy::presignPut(const Credentials &credentials, const QString &origin,
                               const QString &host, const QString &bucket, const QString &key,
                               const QDateTime &signingTime, int expiresSeconds)
{
    const QString date = shortDate(signingTime);
    const QString scope = date + u'/' + Region + QStringLiteral("/s3/aws4_request");
    const QString xAmzDate = amzDate(signingTime);
    QList<QPair<QByteArray, QByteArray>> query = {
        { "X-Amz-Algorithm", Algorithm.toLatin1() },
        { "X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD" },
        { "X-Amz-Credential", credential(credentials, date).toUtf8() },
        { "X-Amz-Date", xAmzDate.toLatin1() },
        { "X-Amz-Expires", QByteArray::number(expiresSeconds) },
        { "X-Amz-SignedHeaders", "host" },
        { "x-id", "PutObject" },
    };
    const QByteArray uri = canonicalUri(bucket, key);
    const QByteArray stringToSign = putStringToSign(uri, query, host.toUtf8(), xAmzDate, scope);
    query.append(
            { "X-Amz-Signature", hexHmac(signingKey(credentials.secretKey, date), stringToSign) });
    QList<QByteArray> items;
    for (const auto &[name, value] : std::as_const(query))
        items << name + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value));
    return origin + QString::fromLatin1(uri) + u'?' + QString::fromLatin1(items.join('&'));
}

} // namespace Sandbox
