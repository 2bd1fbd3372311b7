// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Sandbox {

// AWS Signature V4 for S3 POST policies and query-signed PUT URLs, both ways: the API
// side signs tickets with it and the bucket side verifies uploads against the same rules.
class PostPolicy final
{
public:
    static inline const QString Algorithm = QStringLiteral("AWS4-HMAC-SHA256");
    static inline const QString Region = QStringLiteral("us-east-1");
    static inline const QString CacheControl = QStringLiteral("public, max-age=86400");

    struct Credentials
    {
        QString accessKeyId;
        QByteArray secretKey;
    };

    struct Condition
    {
        enum class Op { Eq, StartsWith, ContentLengthRange };
        Op op = Op::Eq;
        QString field; // lower case, without '$'
        QString value;
        qint64 min = 0;
        qint64 max = 0;
        QString text; // as S3 quotes it in errors: ["eq", "$key", "..."]
    };

    // The decoded policy document.
    QDateTime expiration;
    QList<Condition> conditions;

    static Credentials generateCredentials();

    static QString amzDate(const QDateTime &time); // yyyyMMddTHHmmssZ
    static QString shortDate(const QDateTime &time); // yyyyMMdd
    static QString credential(const Credentials &credentials, const QString &shortDate);
    static QByteArray signingKey(const QByteArray &secretKey, const QString &shortDate,
                                 const QString &region = Region,
                                 const QString &service = QStringLiteral("s3"));
    static QByteArray hexHmac(const QByteArray &key, const QByteArray &message);

    // Typebot's presigned POST: the ordered form fields (policy and signature included).
    static QList<QPair<QString, QString>>
    buildPostForm(const Credentials &credentials, const QString &bucket, const QString &key,
                  const QString &contentType, // null: no condition
                  qint64 maxSizeBytes, const QDateTime &signingTime, const QDateTime &expiration);
    // The policy JSON text for those conditions (exposed for tests that sign their own).
    static QByteArray policyJson(const QDateTime &expiration,
                                 const QList<QByteArray> &conditionsJson);
    static QByteArray signPolicy(const Credentials &credentials, const QString &shortDate,
                                 const QByteArray &policyBase64);

    // Parses a base64 policy; nullopt with an S3-style message on failure.
    static std::optional<PostPolicy> decode(const QByteArray &policyBase64, QString *error);

    // Query-signed PUT. `origin` is scheme://host:port without a trailing slash.
    static QString presignPut(const Credentials &credentials, const QString &origin,
                              const QString &host, const QString &bucket, const QString &key,
                              const QDateTime &signingTime, int expiresSeconds);
    static QByteArray canonicalUri(const QString &bucket, const QString &key);
    static QByteArray putStringToSign(const QByteArray &canonicalUri,
                                      const QList<QPair<QByteArray, QByteArray>> &query,
                                      const QByteArray &host, const QString &amzDate,
                                      const QString &scope);
};

} // namespace Sandbox
