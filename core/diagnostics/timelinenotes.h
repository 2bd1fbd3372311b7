// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelineentry.h"

#include <QCoreApplication>

namespace Typebot {

// The engine's own timeline notes ("canceled by the user", "getting a fresh upload
// slot", a route switch) as a key and values, worded when shown: a timeline kept in the
// journal reads in the language of today's run, not the one it was recorded in.
class TimelineNotes final
{
    Q_DECLARE_TR_FUNCTIONS(Typebot::TimelineNotes)

public:
    enum class Note {
        Canceled,
        Restored,
        SentAs, // args: the name sent, the file's own name
        Unchanged, // args: the size in words
        FreshSlot,
        WaitingBeforeAttempt, // args: the next attempt, the attempts allowed
        ServerAskedToWait, // args: the Retry-After value
        RouteAbsent, // args: the route, what the server said, the other route
        BlockIdWanted, // args: the route, what the server said, the other route
        PlaceholderSlot, // args: the route, v2's route
    };

    // `entry` with the note set and its message worded now.
    static TimelineEntry make(TimelineEntry entry, Note note, const QStringList &args = {});
    // The entry's words in today's language: its note worded again, or its message.
    static QString text(const TimelineEntry &entry);
    static QString key(Note note);

private:
    static QString words(Note note, const QStringList &args);
};

} // namespace Typebot
