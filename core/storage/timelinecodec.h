// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/timelineentry.h"

#include <QByteArray>
#include <QList>

namespace Typebot {

// A job's timeline as compact JSON for the journal, so a failed file shows the same
// requests and retries after a restart. Entries are already redacted when recorded.
class TimelineCodec final
{
public:
    // At most the last `keep` entries: the attempts that explain how the job ended.
    static QByteArray encode(const QList<TimelineEntry> &timeline, int keep = 60);
    // Empty for anything that is not what encode() wrote.
    static QList<TimelineEntry> decode(const QByteArray &json);
};

} // namespace Typebot
