// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinenotes.h"

namespace Typebot {

namespace {

constexpr TimelineNotes::Note AllNotes[] = {
    TimelineNotes::Note::Canceled,
    TimelineNotes::Note::Restored,
    TimelineNotes::Note::SentAs,
    TimelineNotes::Note::Unchanged,
    TimelineNotes::Note::FreshSlot,
    TimelineNotes::Note::WaitingBeforeAttempt,
    TimelineNotes::Note::ServerAskedToWait,
    TimelineNotes::Note::RouteAbsent,
    TimelineNotes::Note::BlockIdWanted,
    TimelineNotes::Note::PlaceholderSlot,
};

} // namespace

QString TimelineNotes::key(Note note)
{
    // Stored in the journal: never rename one.
    switch (note) {
    case Note::Canceled:
        return QStringLiteral("canceled");
    case Note::Restored:
        return QStringLiteral("restored");
    case Note::SentAs:
        return QStringLiteral("sentAs");
    case Note::Unchanged:
        return QStringLiteral("unchanged");
    case Note::FreshSlot:
        return QStringLiteral("freshSlot");
    case Note::WaitingBeforeAttempt:
        return QStringLiteral("waitingBeforeAttempt");
    case Note::ServerAskedToWait:
        return QStringLiteral("serverAskedToWait");
    case Note::RouteAbsent:
        return QStringLiteral("routeAbsent");
    case Note::BlockIdWanted:
        return QStringLiteral("blockIdWanted");
    case Note::PlaceholderSlot:
        return QStringLiteral("placeholderSlot");
    }
    return QString();
}

TimelineEntry TimelineNotes::make(TimelineEntry entry, Note note, const QStringList &args)
{
    entry.note = key(note);
    entry.noteArgs = args;
    entry.message = words(note, args);
    return entry;
}

QString TimelineNotes::text(const TimelineEntry &entry)
{
    if (entry.note.isEmpty())
        return entry.message;
    for (const Note note : AllNotes) {
        if (key(note) == entry.note)
            return words(note, entry.noteArgs);
    }
    return entry.message; // a note of a newer version: its recorded words
}

QString TimelineNotes::words(Note note, const QStringList &args)
{
    // A missing value (a damaged journal) reads as empty, never as a stray "%2".
    const auto arg = [&args](int i) { return args.value(i); };
    switch (note) {
    case Note::Canceled:
        return tr("canceled by the user");
    case Note::Restored:
        return tr("restored from the previous session");
    case Note::SentAs:
        return tr("sent as \u201c%1\u201d: this session already has a file named \u201c%2\u201d, "
                  "which the same name would overwrite")
                .arg(arg(0), arg(1));
    case Note::Unchanged:
        return tr("file unchanged (%1)").arg(arg(0));
    case Note::FreshSlot:
        return tr("getting a fresh upload slot");
    case Note::WaitingBeforeAttempt:
        return tr("waiting before attempt %1 of %2").arg(arg(0), arg(1));
    case Note::ServerAskedToWait:
        return tr("server asked to wait (Retry-After: %1)").arg(arg(0));
    case Note::RouteAbsent:
        return tr("%1 is not on this server (%2); asking %3 instead").arg(arg(0), arg(1), arg(2));
    case Note::BlockIdWanted:
        return tr("%1 wants the file block's id (%2); asking %3 instead")
                .arg(arg(0), arg(1), arg(2));
    case Note::PlaceholderSlot:
        return tr("%1 on this server (before 3.17) files uploads under the block id sent, which "
                  "is unknown here; asking %2 instead")
                .arg(arg(0), arg(1));
    }
    return QString();
}

} // namespace Typebot
