// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverversion.h"

#include <QStringList>

namespace Sandbox {

QString ServerVersions::name(ServerVersion version)
{
    switch (version) {
    case ServerVersion::Legacy:
        return QStringLiteral("legacy");
    case ServerVersion::V3_15:
        return QStringLiteral("3.15");
    case ServerVersion::V3_16:
        return QStringLiteral("3.16");
    case ServerVersion::V3_17:
        return QStringLiteral("3.17");
    case ServerVersion::V3_18:
        break;
    }
    return QStringLiteral("3.18");
}

std::optional<ServerVersion> ServerVersions::parse(const QString &text)
{
    QString wanted = text.trimmed().toLower();
    if (wanted.startsWith(u'v'))
        wanted.remove(0, 1);
    for (ServerVersion version : all()) {
        if (wanted == name(version))
            return version;
    }
    return std::nullopt;
}

QList<ServerVersion> ServerVersions::all()
{
    return { ServerVersion::Legacy, ServerVersion::V3_15, ServerVersion::V3_16,
             ServerVersion::V3_17, ServerVersion::V3_18 };
}

QString ServerVersions::namesText()
{
    QStringList names;
    for (ServerVersion version : all())
        names << name(version);
    return names.join(u'|');
}

ServerBehaviour ServerVersions::behaviour(ServerVersion version)
{
    using Style = ServerBehaviour::UploadStyle;
    using Shape = ServerBehaviour::ErrorShape;
    ServerBehaviour behaviour;
    switch (version) {
    case ServerVersion::Legacy:
        // Typebot <= 3.1: tRPC, v2 only, presigned POST.
        break;
    case ServerVersion::V3_15:
        behaviour.v3Route = true;
        behaviour.errorShape = Shape::Orpc;
        behaviour.plainTextNotFound = true;
        behaviour.checksFileTypes = true;
        break;
    case ServerVersion::V3_16:
        behaviour.v3Route = true;
        behaviour.uploadStyle = Style::PresignedPut;
        behaviour.errorShape = Shape::Orpc;
        behaviour.plainTextNotFound = true;
        behaviour.checksFileTypes = true;
        behaviour.checksFileSize = true;
        break;
    case ServerVersion::V3_17:
        behaviour.v3Route = true;
        behaviour.uploadStyle = Style::UploadProxy;
        behaviour.errorShape = Shape::Orpc;
        behaviour.plainTextNotFound = true;
        behaviour.checksFileTypes = true;
        behaviour.normalisesFileType = true;
        behaviour.checksFileSize = true;
        behaviour.randomObjectNames = true;
        break;
    case ServerVersion::V3_18:
        behaviour.v2Route = false;
        behaviour.v3Route = true;
        behaviour.uploadStyle = Style::UploadProxy;
        behaviour.errorShape = Shape::OrpcDefined;
        behaviour.plainTextNotFound = true;
        behaviour.checksFileTypes = true;
        behaviour.normalisesFileType = true;
        behaviour.emptyTypeListRefusesAll = true;
        behaviour.checksFileSize = true;
        behaviour.randomObjectNames = true;
        break;
    }
    return behaviour;
}

} // namespace Sandbox
