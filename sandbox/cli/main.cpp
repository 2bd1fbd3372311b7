// SPDX-License-Identifier: GPL-3.0-or-later
// typebot-sandbox: a local Typebot API and S3 bucket for trying and testing uploads.

#include "faultspec.h"
#include "sandboxserver.h"
#include "system/unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

using namespace Sandbox;

namespace {

const char FaultHelp[] =
        R"(Faults (--fault SPEC, repeatable; also POST /__sandbox/faults, one per line):
  ROUTE:ACTION[=VALUE][,count=N][,retry-after=SECONDS]
  ROUTE   api (generate-upload-url), upload (POST/PUT to the bucket, PUT to the
          upload proxy), get (GET/HEAD objects), chat (startChat/continueChat), any
  ACTION  status=CODE          answer CODE (S3 XML on upload/get, plain text from the
                               upload proxy, the version's JSON error on api)
          reset-after=BYTES    read that many body bytes, then reset the connection
          stall=SECONDS        stop reading the request body for that long
          throttle=BYTES_PER_SECOND  read the body at most that fast
          delay=MS             delay the response
          malformed-json       api: answer 200 with broken JSON
          missing-field=NAME   api: answer 200 without that field (top level or formData)
          expired-policy       api: hand out an upload URL that has already expired
                               (POST policy, presigned PUT or proxy token)
          clock-shift=SECONDS  api: sign with the clock shifted (may be negative)
  count=N applies to the next N matching requests (default 1, 0 = until cleared);
  retry-after=S adds a Retry-After header to a status fault.
Examples:
  --fault upload:status=503,count=2,retry-after=1
  --fault upload:reset-after=1048576
  --fault upload:throttle=262144,count=0
  --fault api:malformed-json
  --fault api:missing-field=fileUrl
  --fault api:clock-shift=-900
Server versions (--server-version, default 3.18, the newest):
  legacy  Typebot <= 3.1: v2 only, presigned POST, tRPC errors
  3.15    v2 and v3, presigned POST, oRPC errors, v3 checks allowed types
  3.16    presigned PUT (no formData), maxFileSize, fileSize refused at ticket time
  3.17    the upload proxy: PUT {viewer}/api/uploads/{token}, random object names
  3.18    v3 only (v2 answers 404 text/plain "Not found"), errors "defined": true
Control endpoint (loopback only): GET|POST|DELETE /__sandbox/faults,
  GET|DELETE /__sandbox/requests, POST /__sandbox/sessions {"sessionId": "..."},
  GET /__sandbox/stats.)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("typebot-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TBU_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("A local Typebot API and S3 bucket that enforce the real upload rules "
                           "and fail on demand.\n\n")
            + QString::fromUtf8(FaultHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("Address to bind (default 127.0.0.1)."),
                                        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port (default 0: a free one)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption storageOption(
            QStringLiteral("storage"),
            QStringLiteral("Directory for stored objects (default: a temporary one)."),
            QStringLiteral("dir"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
                                         QStringLiteral("Require this bearer token on the API."),
                                         QStringLiteral("token"));
    const QCommandLineOption sessionOption(
            QStringLiteral("session"),
            QStringLiteral("A known session id (repeatable; default: one generated)."),
            QStringLiteral("id"));
    const QCommandLineOption maxSizeOption(
            QStringLiteral("max-size"),
            QStringLiteral("Size limit in MiB, as Typebot's maxFileSize counts it "
                           "(adds content-length-range)."),
            QStringLiteral("MiB"));
    const QCommandLineOption discardOption(
            QStringLiteral("discard"),
            QStringLiteral("Check and count upload bodies but do not write them (benchmarks: "
                           "the receiver is then not the disk's speed; GET returns no bytes)."));
    const QCommandLineOption expiryOption(
            QStringLiteral("expiry"), QStringLiteral("Policy lifetime in seconds (default 600)."),
            QStringLiteral("seconds"), QStringLiteral("600"));
    const QCommandLineOption versionOption(
            QStringLiteral("server-version"),
            QStringLiteral("Typebot release to play: %1 (default %2).")
                    .arg(ServerVersions::namesText(), ServerVersions::name(ServerVersions::Latest)),
            QStringLiteral("version"), ServerVersions::name(ServerVersions::Latest));
    const QCommandLineOption putOption(
            QStringLiteral("put-variant"),
            QStringLiteral("Same as --server-version 3.16 (presigned PUT, no formData)."));
    const QCommandLineOption blockIdOption(
            QStringLiteral("block-id"),
            QStringLiteral("Id of the file block the --session sessions wait on (default: "
                           "generated)."),
            QStringLiteral("id"));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"),
                                        QStringLiteral("PEM certificate for HTTPS."),
                                        QStringLiteral("file"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"),
                                       QStringLiteral("PEM private key for HTTPS."),
                                       QStringLiteral("file"));
    const QCommandLineOption faultOption(
            QStringLiteral("fault"), QStringLiteral("Inject a fault (repeatable; syntax above)."),
            QStringLiteral("spec"));
    const QCommandLineOption botIdOption(
            QStringLiteral("bot-id"),
            QStringLiteral("Public id of the demo bot (default demo-bot)."), QStringLiteral("id"),
            QStringLiteral("demo-bot"));
    const QCommandLineOption botMultipleOption(
            QStringLiteral("bot-multiple"),
            QStringLiteral("The demo bot's file block accepts several files."));
    const QCommandLineOption botTypesOption(
            QStringLiteral("bot-types"),
            QStringLiteral(
                    "The demo bot's file block accepts only these types, e.g. png,jpg or image/*."),
            QStringLiteral("list"));
    const QCommandLineOption botOptionalOption(
            QStringLiteral("bot-optional"),
            QStringLiteral("The demo bot's file block can be skipped."));
    const ConnectionLimits defaults;
    const QCommandLineOption headerTimeoutOption(
            QStringLiteral("header-timeout"),
            QStringLiteral("Seconds a request head may take in all (default %1).")
                    .arg(defaults.headerTimeoutMs / 1000),
            QStringLiteral("seconds"), QString::number(defaults.headerTimeoutMs / 1000));
    const QCommandLineOption idleTimeoutOption(
            QStringLiteral("idle-timeout"),
            QStringLiteral("Seconds an idle keep-alive connection stays open (default %1).")
                    .arg(defaults.idleTimeoutMs / 1000),
            QStringLiteral("seconds"), QString::number(defaults.idleTimeoutMs / 1000));
    const QCommandLineOption bodyTimeoutOption(
            QStringLiteral("body-timeout"),
            QStringLiteral("Seconds without request body bytes (or without the client reading "
                           "the answer) before the connection is cut (default %1).")
                    .arg(defaults.bodyTimeoutMs / 1000),
            QStringLiteral("seconds"), QString::number(defaults.bodyTimeoutMs / 1000));
    const QCommandLineOption bodyRateOption(
            QStringLiteral("body-min-rate"),
            QStringLiteral("Slowest request body, in bytes per second, that is not cut "
                           "(default %1; 0: only --body-timeout of silence counts).")
                    .arg(defaults.bodyMinBytesPerSecond),
            QStringLiteral("bytes"), QString::number(defaults.bodyMinBytesPerSecond));
    const QCommandLineOption maxConnectionsOption(
            QStringLiteral("max-connections"),
            QStringLiteral("Connections served at once; more are answered 503 (default %1).")
                    .arg(defaults.maxConnections),
            QStringLiteral("count"), QString::number(defaults.maxConnections));
    parser.addOptions(
            { hostOption,        portOption,           storageOption,     tokenOption,
              sessionOption,     maxSizeOption,        expiryOption,      versionOption,
              putOption,         blockIdOption,        certOption,        keyOption,
              faultOption,       botIdOption,          botMultipleOption, botTypesOption,
              botOptionalOption, headerTimeoutOption,  idleTimeoutOption, bodyTimeoutOption,
              bodyRateOption,    maxConnectionsOption, discardOption });
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    SandboxConfig config;
    config.discardBodies = parser.isSet(discardOption);
    if (!config.host.setAddress(parser.value(hostOption))) {
        err << "typebot-sandbox: invalid --host " << parser.value(hostOption) << Qt::endl;
        return 2;
    }
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "typebot-sandbox: invalid --port " << parser.value(portOption) << Qt::endl;
        return 2;
    }
    config.port = quint16(port);
    config.storageDir = parser.value(storageOption);
    config.token = parser.value(tokenOption);
    config.sessionIds = parser.values(sessionOption);
    if (parser.isSet(maxSizeOption)) {
        const double megabytes = parser.value(maxSizeOption).toDouble(&ok);
        if (!ok || megabytes <= 0) {
            err << "typebot-sandbox: invalid --max-size " << parser.value(maxSizeOption)
                << Qt::endl;
            return 2;
        }
        config.maxSizeBytes = qint64(megabytes * 1024 * 1024);
    }
    config.expirySeconds = parser.value(expiryOption).toInt(&ok);
    if (!ok || config.expirySeconds <= 0) {
        err << "typebot-sandbox: invalid --expiry " << parser.value(expiryOption) << Qt::endl;
        return 2;
    }
    const auto version = ServerVersions::parse(parser.value(versionOption));
    if (!version) {
        err << "typebot-sandbox: invalid --server-version " << parser.value(versionOption)
            << "; expected one of " << ServerVersions::namesText() << Qt::endl;
        return 2;
    }
    config.serverVersion = *version;
    if (parser.isSet(putOption)) {
        if (parser.isSet(versionOption) && *version != ServerVersion::V3_16) {
            err << "typebot-sandbox: --put-variant is --server-version 3.16, not "
                << parser.value(versionOption) << Qt::endl;
            return 2;
        }
        config.serverVersion = ServerVersion::V3_16;
    }
    config.fileBlockId = parser.value(blockIdOption).trimmed();
    if (config.fileBlockId.contains(u'/')) {
        err << "typebot-sandbox: invalid --block-id " << parser.value(blockIdOption) << Qt::endl;
        return 2;
    }
    config.tlsCertFile = parser.value(certOption);
    config.tlsKeyFile = parser.value(keyOption);
    config.demoBotId = parser.value(botIdOption).trimmed();
    if (config.demoBotId.isEmpty() || config.demoBotId.contains(u'/')) {
        err << "typebot-sandbox: invalid --bot-id " << parser.value(botIdOption) << Qt::endl;
        return 2;
    }
    config.demoBotMultipleFiles = parser.isSet(botMultipleOption);
    config.demoBotFilesOptional = parser.isSet(botOptionalOption);
    const QStringList botTypes = parser.values(botTypesOption);
    for (const QString &list : botTypes) {
        for (const QString &type : list.split(u',', Qt::SkipEmptyParts)) {
            if (!type.trimmed().isEmpty())
                config.demoBotFileTypes << type.trimmed();
        }
    }

    // Whole seconds (fractions allowed) up to a day; false when the text is not one.
    auto seconds = [&](const QCommandLineOption &option, int *milliseconds) {
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value <= 0 || value > 86400) {
            err << "typebot-sandbox: invalid --" << option.names().constFirst() << ' '
                << parser.value(option) << Qt::endl;
            return false;
        }
        *milliseconds = qMax(1, int(value * 1000));
        return true;
    };
    if (!seconds(headerTimeoutOption, &config.limits.headerTimeoutMs)
        || !seconds(idleTimeoutOption, &config.limits.idleTimeoutMs)
        || !seconds(bodyTimeoutOption, &config.limits.bodyTimeoutMs))
        return 2;
    config.limits.bodyMinBytesPerSecond = parser.value(bodyRateOption).toLongLong(&ok);
    if (!ok || config.limits.bodyMinBytesPerSecond < 0) {
        err << "typebot-sandbox: invalid --body-min-rate " << parser.value(bodyRateOption)
            << Qt::endl;
        return 2;
    }
    config.limits.maxConnections = parser.value(maxConnectionsOption).toInt(&ok);
    if (!ok || config.limits.maxConnections <= 0) {
        err << "typebot-sandbox: invalid --max-connections " << parser.value(maxConnectionsOption)
            << Qt::endl;
        return 2;
    }

    QList<FaultSpec> faults;
    const QStringList faultTexts = parser.values(faultOption);
    for (const QString &text : faultTexts) {
        QString error;
        const auto spec = FaultSpec::parse(text, &error);
        if (!spec) {
            err << "typebot-sandbox: invalid --fault \"" << text << "\": " << error << Qt::endl;
            return 2;
        }
        faults << *spec;
    }
    if (!config.host.isLoopback())
        err << "typebot-sandbox: warning: listening on " << config.host.toString()
            << ", which is not loopback; anyone who can reach it can upload" << Qt::endl;

    SandboxServer server(config);
    for (const FaultSpec &spec : std::as_const(faults))
        server.faults()->add(spec);
    QString error;
    if (!server.start(&error)) {
        err << "typebot-sandbox: " << error << Qt::endl;
        return 1;
    }

    Typebot::UnixSignalWatcher signalWatcher;
    signalWatcher.watch(SIGINT);
    signalWatcher.watch(SIGTERM);
    QObject::connect(&signalWatcher, &Typebot::UnixSignalWatcher::signalReceived, &app,
                     [&](int signalNumber) {
                         err << "typebot-sandbox: signal " << signalNumber << ", stopping"
                             << Qt::endl;
                         server.stop();
                         QCoreApplication::quit();
                     });

    const QString api = server.apiBaseUrl().toString();
    const QString session = server.defaultSessionId();
    const ServerBehaviour behaviour = ServerVersions::behaviour(config.serverVersion);
    out << "API base: " << api << Qt::endl;
    out << "Bucket: " << server.bucketUrl().toString() << Qt::endl;
    out << "Session: " << session << Qt::endl;
    out << "Server version: " << ServerVersions::name(config.serverVersion) << Qt::endl;
    out << "File block: " << server.fileBlockId() << Qt::endl;
    out << "Storage: " << server.storageDir() << Qt::endl;
    out << "Demo bot: " << config.demoBotId << " ("
        << (config.demoBotMultipleFiles ? "several files" : "one file") << ", "
        << (config.demoBotFileTypes.isEmpty() ? QStringLiteral("any type")
                                              : config.demoBotFileTypes.join(u','))
        << (config.demoBotFilesOptional ? ", optional" : ", required") << "): POST " << api
        << "/v1/typebots/" << config.demoBotId << "/startChat" << Qt::endl;
    out << "Try it:\n"
        << "  curl -s -X POST " << api
        << (behaviour.v3Route ? "/v3/generate-upload-url" : "/v2/generate-upload-url")
        << " -H 'Content-Type: application/json'"
        << (config.token.isEmpty() ? QString()
                                   : QStringLiteral(" -H 'Authorization: Bearer <token>'"))
        << " -d '{\"sessionId\":\"" << session << "\","
        << (behaviour.v3Route ? QStringLiteral("\"blockId\":\"%1\",").arg(server.fileBlockId())
                              : QString())
        << "\"fileName\":\"hello.txt\",\"fileType\":\"text/plain\"}'\n";
    if (behaviour.uploadStyle == ServerBehaviour::UploadStyle::PostPolicy)
        out << "  curl -F 'key=<formData.key>' -F 'bucket=...' ... (every formData field, in "
               "order) "
               "-F 'file=@hello.txt' <presignedUrl>\n";
    else
        out << "  curl -X PUT -H 'Content-Type: text/plain' --data-binary @hello.txt "
               "'<presignedUrl>'\n";
    out << Qt::flush;
    return QCoreApplication::exec();
}
