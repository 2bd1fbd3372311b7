// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobfailure.h"

#include <QCoreApplication>
#include <QString>

namespace Typebot {

// Turns a JobFailure into words for people, in the current language (tr() at the time of
// asking, so a restored failure reads in the language of this run): what happened, and what
// the user can do or what happens next. Codes, statuses and the server's raw words stay out
// of these sentences, except a status where it helps ("it answered 503"); technical() has
// them for the details pane, -v and --json. Shared by the app and the command line.
class FailureWording final
{
    Q_DECLARE_TR_FUNCTIONS(Typebot::FailureWording)

public:
    enum class Outlook {
        Final, // the job failed: say what the user can do
        Retrying, // the job waits to try again: say what happens next
    };

    // One plain sentence: "The file is too large for this bot: it accepts at most 10 MiB."
    // `fileSize` (bytes, -1 unknown) lets a size refusal say how large the file is.
    static QString whatHappened(const JobFailure &failure, qint64 fileSize = -1);
    // "Send a smaller file, or ask the bot's owner to raise the limit." Empty when there is
    // nothing to add (a cancel).
    static QString whatToDo(const JobFailure &failure, Outlook outlook);
    // Both sentences, for a tooltip, the details pane and the command line.
    static QString explanation(const JobFailure &failure, Outlook outlook, qint64 fileSize = -1);
    // The facts behind the words, untranslated where they are the server's: "HTTP 503 ·
    // SlowDown · “Please reduce your request rate.” · while uploading · 5 attempts".
    static QString technical(const JobFailure &failure);
};

} // namespace Typebot
