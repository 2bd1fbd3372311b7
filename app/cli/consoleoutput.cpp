// SPDX-License-Identifier: GPL-3.0-or-later
#include "consoleoutput.h"

#include "diagnostics/humanformat.h"
#include "diagnostics/redactor.h"
#include "engine/failurewording.h"
#include "system/nativepath.h"

#include <cstdio>
#include <unistd.h>

namespace TypebotCli {

ConsoleOutput::ConsoleOutput(bool statusLineWanted)
    : m_statusEnabled(statusLineWanted && ::isatty(STDERR_FILENO) == 1)
{
}

QString ConsoleOutput::failureText(const Typebot::JobSnapshot &job, bool recursive)
{
    using Typebot::FailureWording;
    using Typebot::JobFailure;
    const JobFailure &failure = job.failure;
    if (failure.kind == JobFailure::Kind::IsFolder && !recursive)
        return FailureWording::whatHappened(failure)
                + QStringLiteral(" Pass -r to upload the files inside it.");
    QString message =
            FailureWording::explanation(failure, FailureWording::Outlook::Final, job.size);
    // On a terminal the local reason (the system's words, the path) is what helps most.
    if (failure.step == JobFailure::Step::File && !failure.detail.isEmpty())
        message += QStringLiteral(" (") + failure.detail + u')';
    return Typebot::Redactor::text(message);
}

void ConsoleOutput::write(FILE *stream, const QString &line)
{
    const bool hadStatus = m_statusShown;
    if (hadStatus)
        clearStatus();
    // One call, one line: a newline or escape sequence inside (from a server, a file
    // name) is shown escaped, never obeyed. A path whose name is not UTF-8 carries escaped
    // bytes that UTF-8 cannot encode: shown as NativePath reads them.
    const QByteArray bytes =
            Typebot::HumanFormat::printable(Typebot::NativePath::readable(line)).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
    if (hadStatus)
        setStatus(m_status);
}

void ConsoleOutput::printOut(const QString &line)
{
    write(stdout, line);
}

void ConsoleOutput::printErr(const QString &line)
{
    write(stderr, line);
}

void ConsoleOutput::setStatus(const QString &text)
{
    m_status = text;
    if (!m_statusEnabled)
        return;
    // \r, the text, then erase what a longer previous line left behind.
    const QByteArray bytes = "\r" + Typebot::NativePath::readable(text).toUtf8() + "\x1b[K";
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
    m_statusShown = true;
}

void ConsoleOutput::clearStatus()
{
    if (!m_statusShown)
        return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    m_statusShown = false;
}

} // namespace TypebotCli
