// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioptions.h"

#include "diagnostics/humanformat.h"
#include "system/localfile.h"
#include "system/nativepath.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>

#include <cstdio>
#include <cstdlib>

#include <curl/curl.h> // --version names the libcurl that sends the files

namespace TypebotCli {

using namespace Typebot;

namespace {

const char Description[] = R"(Uploads files into a Typebot chat session's storage.

Step 1 asks the API for an upload slot (POST {api}/v3/generate-upload-url, or v2 on servers
before 3.18; the tool finds out which once per API base and remembers it in the data
folder), step 2 sends the file where the slot says (an S3 POST policy, a presigned PUT or the
server's upload proxy). Each stored file prints one line: name, size, time and its fileUrl.

With --bot, the tool starts the chat itself: it answers the bot's prompts with the
--answer values in order (a choice by its button text), uploads at the file block with
that session and submits the links as the web widget does, then prints the bot's reply.

A PATH of - reads the list of paths from standard input, one per line (with -0, each
ending in a NUL byte, as find -print0 writes them); --files-from FILE reads it from FILE.

Environment: TYPEBOT_API (default https://typebot.io/api), TYPEBOT_SESSION, TYPEBOT_BLOCK,
TYPEBOT_TOKEN (optional API token), TYPEBOT_UPLOAD_DATA_DIR.

Exit codes: 0 every file stored; 1 at least one file failed; 2 usage or configuration
error (with --bot also: no --answer left for a prompt, no matching choice); 130 interrupted (SIGINT/SIGTERM: running uploads are aborted).)";

// The paths listed in `source` (a file, or "-" for standard input): one per line, or each
// ending in a NUL byte. Empty entries are skipped. The entries are the names' raw bytes
// (find -print0 writes them so), kept whole in NativePath's form whatever their encoding.
bool readPathList(const QString &source, bool nulSeparated, QStringList *paths, QString *error)
{
    QFile file;
    const bool standardInput = source == u"-";
    QString openError;
    const bool opened = standardInput
            ? file.open(stdin, QIODevice::ReadOnly)
            : LocalFile::openForReading(&file, source, QIODevice::ReadOnly, &openError);
    const QString shown =
            standardInput ? QStringLiteral("standard input") : NativePath::readable(source);
    if (!opened) {
        *error = QStringLiteral("cannot read the file list %1: %2")
                         .arg(shown, standardInput ? file.errorString() : openError);
        return false;
    }
    const QByteArray data = file.readAll();
    const QList<QByteArray> entries = data.split(nulSeparated ? '\0' : '\n');
    const qsizetype before = paths->size();
    for (QByteArray entry : entries) {
        if (!nulSeparated && entry.endsWith('\r'))
            entry.chop(1); // a list saved on Windows
        if (!entry.isEmpty())
            *paths << NativePath::fromNative(entry);
    }
    if (paths->size() == before) {
        *error = QStringLiteral("the file list %1 names no files").arg(shown);
        return false;
    }
    return true;
}

// Typebot serves its API under /api on the viewer's host; a URL without it gets the web
// site's pages back. The most likely meant URL, or an empty one when the path looks right.
QString suggestedApiBase(const QUrl &apiBase)
{
    const QString path = apiBase.path();
    if (path.endsWith(u"/api"))
        return QString();
    QUrl suggestion = apiBase;
    const qsizetype api = path.indexOf(u"/api/");
    suggestion.setPath(api >= 0 ? path.left(api + 4) : path + QStringLiteral("/api"));
    return suggestion.toString();
}

// The endpoint's problem in words, with the option that lifts it where there is one.
QString explainEndpointProblem(const EndpointSettings &endpoint, QString problem)
{
    EndpointSettings relaxed = endpoint;
    relaxed.allowInsecureHttp = true;
    if (!endpoint.allowInsecureHttp && relaxed.validate() != problem) {
        if (problem.endsWith(u'.'))
            problem.chop(1);
        problem += QStringLiteral(" with --allow-insecure-http.");
    }
    return problem;
}

[[noreturn]] void showVersion()
{
    QString text = QCoreApplication::applicationName() + u' '
            + QCoreApplication::applicationVersion() + u'\n';
    text += QStringLiteral("Qt %1 (built with %2)\n")
                    .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    const curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);
    text += QStringLiteral("libcurl %1").arg(QString::fromLatin1(curl->version));
    if (curl->ssl_version)
        text += QStringLiteral(" (%1)").arg(QString::fromLatin1(curl->ssl_version));
    text += u'\n';
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
    std::exit(EXIT_SUCCESS); // as QCommandLineParser::showVersion() does
}

bool parseNonNegative(const QString &text, int minimum, int *value)
{
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < minimum)
        return false;
    *value = parsed;
    return true;
}

} // namespace

CliOptions::Result CliOptions::parse(const QStringList &arguments, CliOptions *options,
                                     QString *error)
{
    const auto env = QProcessEnvironment::systemEnvironment();
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(Description));
    const QCommandLineOption helpOption = parser.addHelpOption();
    // Not addVersionOption(): it would take -v, which is --verbose here.
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QStringLiteral("Displays version information."));
    const QCommandLineOption apiOption(QStringLiteral("api"),
                                       QStringLiteral("Typebot API base URL (env TYPEBOT_API)."),
                                       QStringLiteral("url"));
    const QCommandLineOption sessionOption(
            QStringLiteral("session"),
            QStringLiteral("Chat session id waiting on a file-input block (env TYPEBOT_SESSION)."),
            QStringLiteral("id"));
    const QCommandLineOption blockOption(
            QStringLiteral("block"),
            QStringLiteral("Id of the file-input block the session waits on, sent as v3's blockId "
                           "(env TYPEBOT_BLOCK; optional: servers from 3.17 ignore it, older ones "
                           "are then asked on v2)."),
            QStringLiteral("id"));
    const QCommandLineOption forgetServerOption(
            QStringLiteral("forget-server"),
            QStringLiteral("Forget which upload route and sending style this API base was seen "
                           "to use, and find out again."));
    const QCommandLineOption transportOption(
            QStringLiteral("transport"),
            QStringLiteral("How files are sent: curl (libcurl, the default and the fast one) or "
                           "qnam (Qt's network access)."),
            QStringLiteral("kind"));
    const QCommandLineOption limitRateOption(
            QStringLiteral("limit-rate"),
            QStringLiteral("All uploads together send at most this many bytes per second, as "
                           "curl's --limit-rate: 500K, 2M, 1G, or plain bytes; K, M and G are "
                           "1024-based as in curl (printed sizes are decimal)."),
            QStringLiteral("rate"));
    const QCommandLineOption tokenFileOption(
            QStringLiteral("token-file"),
            QStringLiteral("Read the optional API token from this file (or env TYPEBOT_TOKEN)."),
            QStringLiteral("file"));
    const QCommandLineOption tokenOption(
            QStringLiteral("token"),
            QStringLiteral("API token on the command line (visible in the process list; prefer "
                           "--token-file)."),
            QStringLiteral("token"));
    const QCommandLineOption caOption(QStringLiteral("ca-file"),
                                      QStringLiteral("Extra PEM CA bundle for TLS."),
                                      QStringLiteral("pem"));
    const QCommandLineOption insecureOption(
            QStringLiteral("allow-insecure-http"),
            QStringLiteral("Allow a plain http:// API on a non-loopback host."));
    const QCommandLineOption sandboxOption(
            QStringLiteral("sandbox"),
            QStringLiteral("Upload to a built-in local sandbox (no network needed)."));
    const QCommandLineOption recursiveOption({ QStringLiteral("r"), QStringLiteral("recursive") },
                                             QStringLiteral("Upload the files inside folders."));
    const QCommandLineOption concurrencyOption(
            { QStringLiteral("j"), QStringLiteral("concurrency") },
            QStringLiteral("Parallel uploads (default 3)."), QStringLiteral("n"),
            QStringLiteral("3"));
    const QCommandLineOption retriesOption(
            QStringLiteral("retries"),
            QStringLiteral("Attempts per file in all, the first included (default 5)."),
            QStringLiteral("n"));
    const QCommandLineOption stallOption(
            QStringLiteral("stall-timeout"),
            QStringLiteral("Abort and retry an upload with no progress for this long (default "
                           "60)."),
            QStringLiteral("seconds"));
    const QCommandLineOption quietOption(
            { QStringLiteral("q"), QStringLiteral("quiet") },
            QStringLiteral("Print only the fileUrl of each stored file; failures go to stderr."));
    const QCommandLineOption verboseOption(
            { QStringLiteral("v"), QStringLiteral("verbose") },
            QStringLiteral("Print each request (redacted) on stderr; -vv adds headers."));
    const QCommandLineOption jsonOption(
            QStringLiteral("json"), QStringLiteral("JSON Lines events on stdout (see README)."));
    const QCommandLineOption curlOption(
            QStringLiteral("print-curl"),
            QStringLiteral("Print, per file, the two curl commands that do the same upload."));
    const QCommandLineOption secretsOption(
            QStringLiteral("show-secrets"),
            QStringLiteral("Do not redact the token and signatures in --print-curl output."));
    const QCommandLineOption resumeOption(
            QStringLiteral("resume"),
            QStringLiteral("Finish the files an interrupted or crashed run left (PATHs "
                           "optional)."));
    const QCommandLineOption noHistoryOption(
            QStringLiteral("no-history"),
            QStringLiteral("Keep no journal or history of this run (no --resume possible)."));
    const QCommandLineOption dataDirOption(
            QStringLiteral("data-dir"),
            QStringLiteral("Folder of the journal and history (env TYPEBOT_UPLOAD_DATA_DIR; "
                           "default: the user's data folder)."),
            QStringLiteral("dir"));
    const QCommandLineOption botOption(
            QStringLiteral("bot"),
            QStringLiteral("Start a chat with this bot (public id or link https://<viewer>/<id>) "
                           "instead of --session; with --sandbox, the sandbox's demo-bot."),
            QStringLiteral("id-or-link"));
    const QCommandLineOption answerOption(
            QStringLiteral("answer"),
            QStringLiteral("With --bot: the answer to the next prompt before the file block "
                           "(repeatable, in order)."),
            QStringLiteral("text"));
    const QCommandLineOption noSubmitOption(
            QStringLiteral("no-submit"),
            QStringLiteral("With --bot: upload but do not send the links to the bot."));
    const QCommandLineOption previewOption(
            QStringLiteral("preview"),
            QStringLiteral("With --bot: start a preview chat of an unpublished bot by its "
                           "typebot id (needs the API token)."));
    parser.addOptions({ botOption, answerOption, noSubmitOption, previewOption });
    parser.addOptions({ versionOption,   apiOption,          sessionOption,   tokenFileOption,
                        tokenOption,     caOption,           insecureOption,  sandboxOption,
                        recursiveOption, concurrencyOption,  retriesOption,   stallOption,
                        quietOption,     verboseOption,      jsonOption,      curlOption,
                        secretsOption,   resumeOption,       noHistoryOption, dataDirOption,
                        blockOption,     forgetServerOption, transportOption, limitRateOption });
    const QCommandLineOption filesFromOption(
            QStringLiteral("files-from"),
            QStringLiteral("Also upload the paths listed in this file, one per line (- reads "
                           "standard input), as tar -T does."),
            QStringLiteral("file"));
    const QCommandLineOption nullOption(
            { QStringLiteral("0"), QStringLiteral("null") },
            QStringLiteral("File lists (- or --files-from) end each path with a NUL byte, as "
                           "find -print0 writes them."));
    parser.addOptions({ filesFromOption, nullOption });
    parser.addPositionalArgument(
            QStringLiteral("path"),
            QStringLiteral("Files (and, with -r, folders) to upload; - reads their list from "
                           "standard input."),
            QStringLiteral("PATH..."));

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        if (error->endsWith(u'.'))
            error->chop(1);
        *error += QStringLiteral(" (see --help)");
        return Result::UsageError;
    }
    // --help-all adds Qt's own options to the help, and a command-line tool has none.
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0); // exits
    if (parser.isSet(versionOption))
        showVersion(); // exits

    CliOptions &o = *options;
    // "-" stands for the list on standard input, in the place it was given.
    const bool nulSeparated = parser.isSet(nullOption);
    const QStringList listFiles = parser.values(filesFromOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.count(QStringLiteral("-")) + listFiles.count(QStringLiteral("-")) > 1) {
        *error = QStringLiteral("standard input can hold one file list; - was given twice");
        return Result::UsageError;
    }
    if (nulSeparated && listFiles.isEmpty() && !positional.contains(QStringLiteral("-"))) {
        *error = QStringLiteral("-0 is for file lists: add - or --files-from FILE");
        return Result::UsageError;
    }
    for (const QString &path : positional) {
        if (path != u"-")
            o.paths << path;
        else if (!readPathList(path, nulSeparated, &o.paths, error))
            return Result::UsageError;
    }
    for (const QString &list : listFiles) {
        if (!readPathList(list, nulSeparated, &o.paths, error))
            return Result::UsageError;
    }
    o.recursive = parser.isSet(recursiveOption);
    o.sandbox = parser.isSet(sandboxOption);
    o.quiet = parser.isSet(quietOption);
    o.json = parser.isSet(jsonOption);
    o.printCurl = parser.isSet(curlOption);
    o.showSecrets = parser.isSet(secretsOption);
    o.verbosity = int(parser.optionNames().count(QStringLiteral("v"))
                      + parser.optionNames().count(QStringLiteral("verbose")));
    o.resume = parser.isSet(resumeOption);
    o.noHistory = parser.isSet(noHistoryOption);
    o.dataDir = parser.isSet(dataDirOption) ? parser.value(dataDirOption)
                                            : env.value(QStringLiteral("TYPEBOT_UPLOAD_DATA_DIR"));
    o.forgetServer = parser.isSet(forgetServerOption);
    if (parser.isSet(transportOption)) {
        const QString kind = parser.value(transportOption).trimmed().toLower();
        if (kind == u"curl" || kind == u"libcurl") {
            o.engine.transport = EngineConfig::Transport::Curl;
        } else if (kind == u"qnam" || kind == u"qt") {
            o.engine.transport = EngineConfig::Transport::Qnam;
        } else {
            *error = QStringLiteral("--transport %1: use curl or qnam").arg(kind);
            return Result::UsageError;
        }
    }
    if (parser.isSet(limitRateOption)) {
        const auto rate = HumanFormat::parseRate(parser.value(limitRateOption));
        if (!rate) {
            *error = QStringLiteral("--limit-rate %1: give bytes per second, e.g. 500K or 2M")
                             .arg(parser.value(limitRateOption));
            return Result::UsageError;
        }
        o.engine.maxUploadBytesPerSecond = *rate;
    }
    o.engine.blockId = (parser.isSet(blockOption) ? parser.value(blockOption)
                                                  : env.value(QStringLiteral("TYPEBOT_BLOCK")))
                               .trimmed();

    o.answers = parser.values(answerOption);
    o.noSubmit = parser.isSet(noSubmitOption);
    o.previewBot = parser.isSet(previewOption);
    if (parser.isSet(botOption)) {
        QString botError;
        o.bot = BotAddress::parse(parser.value(botOption), &botError);
        if (!o.bot) {
            *error = QStringLiteral("invalid --bot: ") + botError;
            return Result::UsageError;
        }
        if (o.resume) {
            *error = QStringLiteral("--resume continues an earlier session; it cannot be "
                                    "combined with --bot");
            return Result::UsageError;
        }
        if (o.paths.isEmpty()) {
            *error = QStringLiteral("no files given for the bot's file block (see --help)");
            return Result::UsageError;
        }
    } else if (!o.answers.isEmpty() || o.noSubmit || o.previewBot) {
        *error = QStringLiteral("--answer, --no-submit and --preview need --bot");
        return Result::UsageError;
    }
    if (o.resume && o.noHistory) {
        *error = QStringLiteral("--resume needs the journal that --no-history turns off");
        return Result::UsageError;
    }
    if (o.paths.isEmpty() && !o.resume) {
        *error = QStringLiteral("no files given (see --help)");
        return Result::UsageError;
    }
    if (!parseNonNegative(parser.value(concurrencyOption), 1, &o.engine.concurrency)) {
        *error = QStringLiteral("--concurrency needs a whole number of at least 1");
        return Result::UsageError;
    }
    if (parser.isSet(retriesOption)
        && !parseNonNegative(parser.value(retriesOption), 1, &o.engine.retry.maxAttempts)) {
        *error = QStringLiteral("--retries needs a whole number of attempts, at least 1");
        return Result::UsageError;
    }
    if (parser.isSet(stallOption)) {
        int seconds = 0;
        if (!parseNonNegative(parser.value(stallOption), 1, &seconds) || seconds > 86400) {
            *error = QStringLiteral("--stall-timeout needs seconds between 1 and 86400");
            return Result::UsageError;
        }
        o.engine.stallTimeoutMs = seconds * 1000;
    }

    EndpointSettings &endpoint = o.engine.endpoint;
    endpoint.caFile = parser.value(caOption);
    endpoint.allowInsecureHttp = parser.isSet(insecureOption);

    // The token: a file beats the command line beats the environment.
    if (parser.isSet(tokenFileOption)) {
        const QString tokenFile = parser.value(tokenFileOption);
        QFile file;
        QString openError;
        if (!LocalFile::openForReading(&file, tokenFile, QIODevice::ReadOnly, &openError)) {
            *error = QStringLiteral("cannot read --token-file %1: %2")
                             .arg(NativePath::readable(tokenFile), openError);
            return Result::UsageError;
        }
        endpoint.token = QString::fromUtf8(file.read(qint64(64) * 1024)).trimmed();
        if (endpoint.token.isEmpty()) {
            *error =
                    QStringLiteral("--token-file %1 is empty").arg(NativePath::readable(tokenFile));
            return Result::UsageError;
        }
    } else if (parser.isSet(tokenOption)) {
        endpoint.token = parser.value(tokenOption).trimmed();
        o.warnings << QStringLiteral(
                "--token is visible to every user in the process list; use --token-file or "
                "TYPEBOT_TOKEN instead");
    } else {
        endpoint.token = env.value(QStringLiteral("TYPEBOT_TOKEN")).trimmed();
    }

    if (o.sandbox) {
        if (o.bot && !o.bot->apiBase.isEmpty()) {
            o.warnings << QStringLiteral("--sandbox talks to its own demo bot; the link's host "
                                         "is ignored");
            o.bot->apiBase = QUrl();
        }
        if (parser.isSet(apiOption) || parser.isSet(sessionOption))
            o.warnings << QStringLiteral("--sandbox ignores --api and --session");
        return Result::Ok; // the endpoint is filled in once the sandbox listens
    }

    const QString apiText = parser.isSet(apiOption)
            ? parser.value(apiOption)
            : env.value(QStringLiteral("TYPEBOT_API"), EndpointSettings::DefaultApiBase);
    QString apiError;
    if (!EndpointSettings::parseApiBase(apiText, &endpoint.apiBase, &apiError)) {
        *error = QStringLiteral("invalid API URL %1: %2").arg(apiText, apiError);
        return Result::UsageError;
    }
    const bool botNamesApi = o.bot && !o.bot->apiBase.isEmpty(); // a link wins, see below
    if (const QString suggestion = suggestedApiBase(endpoint.apiBase);
        !suggestion.isEmpty() && !botNamesApi) {
        // A bare host is the viewer's web site, which answers the API's routes with pages;
        // another path may be a proxy's, so it only earns a warning.
        if (endpoint.apiBase.path().isEmpty()) {
            *error = QStringLiteral("invalid API URL %1: Typebot's API is under /api; did you "
                                    "mean %2?")
                             .arg(apiText.trimmed(), suggestion);
            return Result::UsageError;
        }
        o.warnings << QStringLiteral("the API URL %1 does not end in /api; did you mean %2?")
                              .arg(apiText.trimmed(), suggestion);
    }
    if (o.bot) {
        // A bot link names its API; it wins over --api and TYPEBOT_API.
        if (!o.bot->apiBase.isEmpty()) {
            if (parser.isSet(apiOption))
                o.warnings << QStringLiteral("--bot is a link; its API %1 replaces --api")
                                      .arg(o.bot->apiBase.toString());
            endpoint.apiBase = o.bot->apiBase;
        }
        if (parser.isSet(sessionOption))
            o.warnings << QStringLiteral("--bot starts a new session; --session is ignored");
        EndpointSettings check = endpoint;
        check.sessionId = QStringLiteral("pending"); // the chat hands out the real one
        if (const QString problem = check.validate(); !problem.isEmpty()) {
            *error = explainEndpointProblem(check, problem);
            return Result::UsageError;
        }
        return Result::Ok;
    }
    endpoint.sessionId =
            (parser.isSet(sessionOption) ? parser.value(sessionOption)
                                         : env.value(QStringLiteral("TYPEBOT_SESSION")))
                    .trimmed();
    if (endpoint.sessionId.isEmpty()) {
        *error = QStringLiteral(
                "no chat session id: pass --session ID or set TYPEBOT_SESSION (the session "
                "must be waiting on a file-input block), or let --bot ID start a chat");
        return Result::UsageError;
    }
    if (const QString problem = endpoint.validate(); !problem.isEmpty()) {
        *error = explainEndpointProblem(endpoint, problem);
        return Result::UsageError;
    }
    return Result::Ok;
}

} // namespace TypebotCli
