// SPDX-License-Identifier: GPL-3.0-or-later
// typebot-upload: uploads files into a Typebot chat session's storage from a terminal.

#include "clioptions.h"
#include "system/unixsignalwatcher.h"
#include "uploadcommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>

using namespace TypebotCli;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("typebot-upload"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TBU_VERSION));
    // The engine's info logs would interleave with our output; -v prints the timeline
    // instead. QT_LOGGING_RULES still overrides this for debugging.
    QLoggingCategory::setFilterRules(QStringLiteral("typebot.*.info=false\ntypebot.*.debug=false"));

    CliOptions options;
    QString error;
    if (CliOptions::parse(QCoreApplication::arguments(), &options, &error)
        == CliOptions::Result::UsageError) {
        std::fprintf(stderr, "typebot-upload: %s\n", qUtf8Printable(error));
        return UploadCommand::UsageError;
    }

    UploadCommand command(std::move(options));
    if (!command.prepare())
        return UploadCommand::UsageError;

    Typebot::UnixSignalWatcher signals;
    signals.watch(SIGINT);
    signals.watch(SIGTERM);
    QObject::connect(&signals, &Typebot::UnixSignalWatcher::signalReceived, &command,
                     &UploadCommand::interrupt);

    command.start();
    return QCoreApplication::exec();
}
