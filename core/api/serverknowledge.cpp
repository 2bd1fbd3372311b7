// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverknowledge.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Typebot {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ServerKnowledge", text);
}
} // namespace

QString ServerKnowledge::routePath(Route route)
{
    return routeName(route) + QStringLiteral("/generate-upload-url");
}

QString ServerKnowledge::routeName(Route route)
{
    switch (route) {
    case Route::V2:
        return QStringLiteral("v2");
    case Route::V3:
        return QStringLiteral("v3");
    case Route::Unknown:
        break;
    }
    return QStringLiteral("v3"); // what current servers answer; tried first
}

ServerKnowledge::Route ServerKnowledge::otherRoute(Route route)
{
    return route == Route::V2 ? Route::V3 : Route::V2;
}

QString ServerKnowledge::styleName(SendStyle style)
{
    switch (style) {
    case SendStyle::PostPolicy:
        return tr("S3 POST policy");
    case SendStyle::PresignedPut:
        return tr("presigned PUT");
    case SendStyle::UploadProxy:
        return tr("upload proxy");
    case SendStyle::Unknown:
        break;
    }
    return tr("not seen yet");
}

QString ServerKnowledge::describe() const
{
    if (!isKnown())
        return tr("Not learned yet: the first upload finds out which kind of server this is.");
    QString how = tr("%1 route, %2").arg(routeName(route), styleName(style));
    // The version is read off the table of which server answers what.
    QString version;
    switch (style) {
    case SendStyle::UploadProxy:
        version = v2Absent ? tr("Typebot 3.18 or later") : tr("Typebot 3.17 or later");
        break;
    case SendStyle::PresignedPut:
        version = tr("Typebot 3.16");
        break;
    case SendStyle::PostPolicy:
        version = v3Absent ? tr("Typebot 3.1 or earlier") : tr("Typebot 3.15 or earlier");
        break;
    case SendStyle::Unknown:
        return how;
    }
    return tr("%1: %2").arg(version, how);
}

QString ServerKnowledge::styleKey(SendStyle style)
{
    switch (style) {
    case SendStyle::PostPolicy:
        return QStringLiteral("post-policy");
    case SendStyle::PresignedPut:
        return QStringLiteral("presigned-put");
    case SendStyle::UploadProxy:
        return QStringLiteral("upload-proxy");
    case SendStyle::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject ServerKnowledge::toJson() const
{
    return QJsonObject{
        { QStringLiteral("route"),
          route == Route::Unknown ? QStringLiteral("unknown") : routeName(route) },
        { QStringLiteral("style"), styleKey(style) },
        { QStringLiteral("v2Absent"), v2Absent },
        { QStringLiteral("v3Absent"), v3Absent },
        { QStringLiteral("learnedAt"), learnedAt.toString(Qt::ISODate) },
    };
}

ServerKnowledge ServerKnowledge::fromJson(const QJsonObject &object)
{
    ServerKnowledge knowledge;
    const QString route = object.value(u"route").toString();
    knowledge.route = route == u"v2" ? Route::V2 : route == u"v3" ? Route::V3 : Route::Unknown;
    const QString style = object.value(u"style").toString();
    for (const SendStyle candidate :
         { SendStyle::PostPolicy, SendStyle::PresignedPut, SendStyle::UploadProxy }) {
        if (style == styleKey(candidate))
            knowledge.style = candidate;
    }
    knowledge.v2Absent = object.value(u"v2Absent").toBool();
    knowledge.v3Absent = object.value(u"v3Absent").toBool();
    knowledge.learnedAt = QDateTime::fromString(object.value(u"learnedAt").toString(), Qt::ISODate);
    return knowledge;
}

} // namespace Typebot
