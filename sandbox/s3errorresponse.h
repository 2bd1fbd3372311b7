// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"

#include <QList>
#include <QPair>
#include <QString>

namespace Sandbox {

// Builds the XML error documents a real S3 bucket answers with, so clients parse the
// same `<Error><Code>` bodies they will meet in production.
class S3ErrorResponse final
{
public:
    using Extra = QList<QPair<QString, QString>>;

    static HttpResponse make(int status, const QString &code, const QString &message,
                             const Extra &extra = {});
    // The error S3 gives for an injected status (500 InternalError, 503 SlowDown, ...).
    static HttpResponse forStatus(int status);
    static QString codeForStatus(int status);
    static QByteArray newRequestId();
    static QByteArray xmlEscape(const QString &text);
};

} // namespace Sandbox
