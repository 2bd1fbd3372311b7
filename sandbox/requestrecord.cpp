// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestrecord.h"

#include "diagnostics/redactor.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Sandbox {

QJsonObject RequestRecord::toJson() const
{
    QJsonObject headerObject;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        headerObject.insert(QString::fromLatin1(it.key()),
                            Typebot::Redactor::header(it.key(), it.value()));
    return QJsonObject{
        { QStringLiteral("started"), started.toString(Qt::ISODateWithMs) },
        { QStringLiteral("method"), QString::fromLatin1(method) },
        { QStringLiteral("path"), redactedPath() },
        { QStringLiteral("query"), Typebot::Redactor::text(query) },
        { QStringLiteral("route"), route },
        { QStringLiteral("headers"), headerObject },
        { QStringLiteral("status"), status },
        { QStringLiteral("bodyBytes"), bodyBytes },
        { QStringLiteral("durationMs"), durationMs },
        { QStringLiteral("s3ErrorCode"), s3ErrorCode },
        { QStringLiteral("formFieldNames"), QJsonArray::fromStringList(formFieldNames) },
        { QStringLiteral("fileName"), fileName },
        { QStringLiteral("fileContentType"), fileContentType },
        { QStringLiteral("aborted"), aborted },
    };
}

QString RequestRecord::redactedPath() const
{
    static const QString proxyPrefix = QStringLiteral("/api/uploads/");
    if (path.startsWith(proxyPrefix) && path.size() > proxyPrefix.size())
        return proxyPrefix + Typebot::Redactor::Mask;
    return path;
}

} // namespace Sandbox
