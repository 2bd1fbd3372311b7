// SPDX-License-Identifier: GPL-3.0-or-later
#include "preflight.h"

#include "diagnostics/humanformat.h"
#include "postpolicy.h"
#include "uploadticket.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrlQuery>

namespace Typebot {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Preflight", text);
}

// A presigned PUT URL carries its own expiry: X-Amz-Date + X-Amz-Expires.
QDateTime putUrlExpiry(const QUrl &url)
{
    const QUrlQuery query(url);
    QString date, expires;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key.compare(u"X-Amz-Date", Qt::CaseInsensitive) == 0)
            date = value;
        else if (key.compare(u"X-Amz-Expires", Qt::CaseInsensitive) == 0)
            expires = value;
    }
    // Date and time apart: parsed as one, they would be local time, which has gaps.
    const QDate day = QDate::fromString(date.left(8), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(date.mid(8), QStringLiteral("'T'HHmmss'Z'"));
    const QDateTime signedAt(day, time, Qt::UTC);
    bool ok = false;
    const qint64 seconds = expires.toLongLong(&ok);
    if (!signedAt.isValid() || !ok)
        return QDateTime();
    return signedAt.addSecs(seconds);
}

// "10 MB; this bot accepts at most 10 MB" explains nothing: when both round to the same
// text, show the exact byte counts. The limit is worded in the server's terms (Typebot
// counts maxFileSize in MiB): "10 MiB (10.5 MB)".
std::pair<QString, QString> distinctSizesPair(qint64 a, qint64 b)
{
    const QString ha = HumanFormat::bytes(a);
    if (ha != HumanFormat::bytes(b))
        return { ha, HumanFormat::sizeLimit(b) };
    return { QCoreApplication::translate("Preflight", "%1 bytes").arg(QLocale().toString(a)),
             QCoreApplication::translate("Preflight", "%1 bytes").arg(QLocale().toString(b)) };
}

} // namespace

std::optional<Preflight::Failure> Preflight::check(const UploadTicket &ticket, qint64 fileSize,
                                                   const QDateTime &now)
{
    if (fileSize > MaxObjectSize)
        return Failure{ Problem::OverS3Limit,
                        tr("%1; S3 uploads of a single object are limited to %2")
                                .arg(HumanFormat::bytes(fileSize),
                                     HumanFormat::sizeLimit(MaxObjectSize)),
                        MaxObjectSize };

    // 3.16+ send the bot's limit with the slot; a PUT has no policy to say it.
    if (const qint64 limit = ticket.maxFileSizeBytes(); limit > 0 && fileSize > limit) {
        const auto [have, max] = distinctSizesPair(fileSize, limit);
        return Failure{ Problem::TooLarge, tr("%1; this bot accepts at most %2").arg(have, max),
                        limit };
    }

    QDateTime expiry;
    if (ticket.isPutVariant()) {
        expiry = putUrlExpiry(ticket.presignedUrl);
    } else {
        const QString policyText = ticket.field(QStringLiteral("policy"));
        if (!policyText.isEmpty()) {
            QString error;
            const auto policy = PostPolicy::decode(policyText, &error);
            if (!policy)
                return Failure{ Problem::BadPolicy,
                                tr("the upload slot's policy cannot be read: %1").arg(error) };
            if (policy->maxSize && fileSize > *policy->maxSize) {
                const auto [have, limit] = distinctSizesPair(fileSize, *policy->maxSize);
                return Failure{ Problem::TooLarge,
                                tr("%1; this bot accepts at most %2").arg(have, limit),
                                *policy->maxSize };
            }
            if (policy->minSize && fileSize < *policy->minSize) {
                const auto [have, limit] = distinctSizesPair(fileSize, *policy->minSize);
                return Failure{ Problem::TooSmall,
                                tr("%1; this bot wants at least %2").arg(have, limit),
                                *policy->minSize };
            }
            expiry = policy->expiration;
        }
    }
    if (expiry.isValid() && expiry <= now) {
        const qint64 ago = expiry.secsTo(now);
        return Failure{ Problem::Expired,
                        tr("the upload slot expired %1 before it could be used (valid until "
                           "%2 UTC); the server's clock may be wrong")
                                .arg(HumanFormat::duration(ago),
                                     expiry.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))) };
    }
    return std::nullopt;
}

} // namespace Typebot
