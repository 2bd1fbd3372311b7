// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

private:
    void write(FILE *stream, const QString &line);

    bool m_statusEnabled = false;
    QString m_status;
    bool m_statusShown = false;
};

} // namespace TypebotCli
