// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"
#include "serverversion.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Sandbox {

// The viewer API's error answers in the shape of the server version being played:
// tRPC's {message, code, issues} up to 3.14, oRPC's {defined, code, status, message, data}
// from 3.15, and the plain-text 404 of unmatched routes.
class ApiErrorResponse final
{
public:
    // One input validation problem. `path` empty: the body itself.
    struct Issue
    {
        QStringList path;
        QString message;
        QString code = QStringLiteral("invalid_type");
    };

    static HttpResponse make(ServerVersion version, int status, const QString &message,
                             const QList<Issue> &issues = {});
    // An unmatched route: tRPC's JSON NOT_FOUND, or the plain-text "Not found" of 3.15+.
    static HttpResponse notFound(ServerVersion version);
    static QString codeForStatus(int status);
};

} // namespace Sandbox
