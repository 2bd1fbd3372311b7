// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/jobfailure.h"

#include <QJsonObject>
#include <QString>

namespace TypebotCli {

// --json output: one compact JSON object per line on stdout, flushed at once, always
// starting with "event" and "time" (ISO 8601 UTC, milliseconds) so scripts can grep.
class JsonLineWriter final
{
public:
    static void write(const QString &event, const QJsonObject &fields);
    static QString timestamp();
    // A failure's facts for scripts, always the same keys: "kind" ("SlotExpired", "" for
    // none), "step" ("ticket", "upload", "file", ""), "status" (0: no HTTP answer), "code"
    // (the S3 or API code, or the network error's name) and the server's own "serverMessage".
    static QJsonObject failureFields(const Typebot::JobFailure &failure);
};

} // namespace TypebotCli
