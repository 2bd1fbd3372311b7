// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/jobsnapshot.h"

#include <QString>

namespace TypebotCli {

// stdout and stderr for people: whole lines on either stream, plus one live status line on
// stderr that is redrawn with \r only when stderr is a terminal, and moved out of the way
// before any other line is written.
class ConsoleOutput final
{
public:
    explicit ConsoleOutput(bool statusLineWanted);

    void printOut(const QString &line); // one line to stdout
    void printErr(const QString &line); // one line to stderr
    void setStatus(const QString &text);
    void clearStatus();
    bool hasStatusLine() const { return m_statusEnabled; }

    // A failed file in words (FailureWording), with what a terminal user can do: the -r
    // hint for a folder, and the local reason (the system's words) for a file that could
    // not be read. Codes and statuses are left to -v and --json.
    static QString failureText(const Typebot::JobSnapshot &job, bool recursive);

private:
    void write(FILE *stream, const QString &line);

    bool m_statusEnabled = false;
    QString m_status;
    bool m_statusShown = false;
};

} // namespace TypebotCli
