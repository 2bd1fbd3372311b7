// SPDX-License-Identifier: GPL-3.0-or-later
#include "postpolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Typebot {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostPolicy", text);
}

std::optional<qint64> toSize(const QJsonValue &value)
{
    if (value.isDouble()) {
        // Past what a file can be, a size means nothing (and the cast would be undefined).
        const double size = value.toDouble();
        if (!(std::abs(size) < 9.0e18))
            return std::nullopt;
        return qint64(size);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 size = value.toString().toLongLong(&ok);
        if (ok)
            return size;
    }
    return std::nullopt;
}

QString fieldName(QString name)
{
    if (name.startsWith(u'$'))
        name.remove(0, 1);
    return name.toLower();
}

} // namespace

std::optional<PostPolicy> PostPolicy::decode(const QString &base64Policy, QString *error)
{
    const auto decoded = QByteArray::fromBase64Encoding(base64Policy.trimmed().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        *error = tr("the policy is not valid base64");
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(decoded.decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("the policy is not a JSON object");
        return std::nullopt;
    }
    PostPolicy policy;
    const QJsonObject object = doc.object();
    const QString expiration = object.value(u"expiration").toString();
    if (!expiration.isEmpty()) {
        policy.expiration = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!policy.expiration.isValid())
            policy.expiration = QDateTime::fromString(expiration, Qt::ISODate);
        if (!policy.expiration.isValid()) {
            *error = tr("the policy's expiration \"%1\" is not a date").arg(expiration);
            return std::nullopt;
        }
        policy.expiration = policy.expiration.toUTC();
    }
    const QJsonArray conditions = object.value(u"conditions").toArray();
    for (const QJsonValue condition : conditions) {
        if (condition.isObject()) {
            // {"bucket": "name"} is shorthand for ["eq", "$bucket", "name"].
            const QJsonObject eq = condition.toObject();
            for (auto it = eq.begin(); it != eq.end(); ++it)
                policy.exact.insert(fieldName(it.key()), it.value().toString());
            continue;
        }
        const QJsonArray parts = condition.toArray();
        if (parts.size() != 3)
            continue;
        const QString op = parts.at(0).toString().toLower();
        if (op == u"content-length-range") {
            policy.minSize = toSize(parts.at(1));
            policy.maxSize = toSize(parts.at(2));
        } else if (op == u"eq") {
            policy.exact.insert(fieldName(parts.at(1).toString()), parts.at(2).toString());
        } else if (op == u"starts-with") {
            policy.startsWith.insert(fieldName(parts.at(1).toString()), parts.at(2).toString());
        }
    }
    return policy;
}

} // namespace Typebot
