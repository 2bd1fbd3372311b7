// SPDX-License-Identifier: GPL-3.0-or-later
// typebot-upload: uploads files into a Typebot chat session's storage from a terminal.

#include "clioptions.h"
#include "system/nativepath.h"
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

    // QCoreApplication::arguments() decodes argv as UTF-8 and replaces what does not decode,
    // so a file named in another encoding would be looked for under a name it does not
    // have; NativePath keeps every byte.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << Typebot::NativePath::fromNative(argv[i]);

    CliOptions options;
    QString error;
    if (CliOptions::parse(arguments, &options, &error) == CliOptions::Result::UsageError) {
        std::fprintf(stderr, "typebot-upload: %s\n",
                     qUtf8Printable(Typebot::NativePath::readable(error)));
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
