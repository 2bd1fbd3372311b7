// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
};

} // namespace TypebotCli
