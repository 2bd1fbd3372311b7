// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Typebot {

// The S3 POST policy inside a ticket's "policy" field, decoded so that limits and expiry
// can be checked before a single byte is sent.
struct PostPolicy
{
    QDateTime expiration; // UTC; invalid when the policy has none
    std::optional<qint64> minSize; // content-length-range
    std::optional<qint64> maxSize;
    QHash<QString, QString> exact; // "eq" conditions, field names lower-case without '$'
    QHash<QString, QString> startsWith;

    static std::optional<PostPolicy> decode(const QString &base64Policy, QString *error);
};

} // namespace Typebot
