// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinestepnames.h"

using Typebot::TimelineEntry;

QString TimelineStepNames::displayName(TimelineEntry::Kind kind)
{
    switch (kind) {
    case TimelineEntry::Kind::Ticket:
        return tr("ticket", "timeline step: asking the API for an upload slot");
    case TimelineEntry::Kind::Upload:
        return tr("upload", "timeline step: sending the file to the storage");
    case TimelineEntry::Kind::Preflight:
        return tr("preflight", "timeline step: checking the slot before sending");
    case TimelineEntry::Kind::Retry:
        return tr("retry", "timeline step: waiting before the next attempt");
    case TimelineEntry::Kind::Verify:
        return tr("verify", "timeline step: checking the file did not change");
    case TimelineEntry::Kind::Note:
        break;
    }
    return tr("note", "timeline step: anything else worth recording");
}
