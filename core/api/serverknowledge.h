// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

class QJsonObject;

namespace Typebot {

// What the client has learned about one Typebot API base: which generate-upload-url
// route it answers and how it wants files sent. Servers differ by version (see
// shared/docs/typebot-api.md); learning this once per API base spares a wasted request
// per file and lets the settings say which kind of server a profile points at.
struct ServerKnowledge
{
    enum class Route { Unknown, V2, V3 };
    enum class SendStyle { Unknown, PostPolicy, PresignedPut, UploadProxy };

    Route route = Route::Unknown;
    SendStyle style = SendStyle::Unknown;
    bool v2Absent = false; // the server answered 404 on v2 (3.18 and later)
    bool v3Absent = false; // ... on v3 (3.1 and earlier)
    QDateTime learnedAt; // UTC

    bool isKnown() const { return route != Route::Unknown; }

    // The route's path under the API base, e.g. "v3/generate-upload-url".
    static QString routePath(Route route);
    static QString routeName(Route route); // "v2", "v3"
    static Route otherRoute(Route route);
    static QString styleName(SendStyle style); // "S3 POST policy", "presigned PUT", ...
    static QString styleKey(SendStyle style); // "post-policy", "presigned-put", ... (stable)
    // Servers before 3.17 (POST policy, presigned PUT) store a v3 upload under the block id
    // the client sent; from 3.17 (upload proxy) the server uses the session's own block.
    static bool usesBlockIdInPath(SendStyle style)
    {
        return style == SendStyle::PostPolicy || style == SendStyle::PresignedPut;
    }
    // A plain sentence for the settings, e.g. "Typebot 3.18 or later: v3 route, upload proxy".
    QString describe() const;

    QJsonObject toJson() const;
    static ServerKnowledge fromJson(const QJsonObject &object);

    friend bool operator==(const ServerKnowledge &a, const ServerKnowledge &b)
    {
        return a.route == b.route && a.style == b.style && a.v2Absent == b.v2Absent
                && a.v3Absent == b.v3Absent;
    }
    friend bool operator!=(const ServerKnowledge &a, const ServerKnowledge &b) { return !(a == b); }
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::ServerKnowledge)
