// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/botaddress.h"
#include "engine/engineconfig.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace TypebotCli {

// What the command line asked for, after parsing and checking: the engine configuration
// plus the output switches. parse() is the only place that reads argv and the environment.
struct CliOptions
{
    enum class Result { Ok, UsageError, HelpShown };

    Typebot::EngineConfig engine;
    QStringList paths;
    bool recursive = false;
    bool sandbox = false;
    bool quiet = false;
    bool json = false;
    bool printCurl = false;
    bool showSecrets = false;
    bool resume = false; // finish the files an interrupted run left
    bool noHistory = false; // no journal: nothing to resume, no history written
    QString dataDir; // where the journal, history and learned servers live
    bool forgetServer = false; // forget what was learned of the API base first
    int verbosity = 0; // -v 1, -vv 2
    QStringList warnings; // to print on stderr before starting
    // --bot: start a chat with this bot, answer its prompts with `answers` in order, upload
    // at its file block and submit the links (unless noSubmit).
    std::optional<Typebot::BotAddress> bot;
    bool previewBot = false; // --preview: the builder's preview chat, with the token
    QStringList answers;
    bool noSubmit = false;

    // On UsageError, `error` holds a one-line message for stderr (exit code 2).
    static Result parse(const QStringList &arguments, CliOptions *options, QString *error);
};

} // namespace TypebotCli
