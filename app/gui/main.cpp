// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "historydialog.h"
#include "localization.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "queueview.h"
#include "settingsdialog.h"
#include "singleinstance.h"
#include "themecolors.h"

#include "engine/uploadservice.h"
#include "storage/datapaths.h"
#include "system/nativefileinfo.h"
#include "system/nativepath.h"
#include "system/unixsignalwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QTableView>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <cstdio>

#include <unistd.h>

namespace {

// The one id of the app: desktop entry (io.typebot.uploader.desktop), AppStream component
// and Wayland app id.
const QString AppId = QStringLiteral("io.typebot.uploader");

// Arguments are paths from a shell and file:// URLs from launchers and file managers. Only
// local files can be uploaded: any other URL is refused, with the reason.
bool localPaths(const QStringList &arguments, QStringList *paths, QString *error)
{
    for (const QString &argument : arguments) {
        const bool url = argument.startsWith(u"file:", Qt::CaseInsensitive)
                || (argument.contains(u"://") && !Typebot::NativeFileInfo(argument).exists());
        if (!url) {
            *paths << Typebot::NativePath::absolute(argument);
            continue;
        }
        QUrl parsed(argument);
        if (parsed.host() == u"localhost")
            parsed.setHost(QString()); // else toLocalFile() makes it a UNC path
        if (!parsed.isValid() || !parsed.isLocalFile() || !parsed.host().isEmpty()) {
            *error = QStringLiteral("cannot upload %1: only local files (a path or a file:// "
                                    "URL) can be uploaded; download it first")
                             .arg(argument);
            return false;
        }
        *paths << Typebot::NativePath::absolute(Typebot::NativePath::fromFileUrl(parsed));
    }
    return true;
}

// Pasted images wait in typebot-uploader-paste-* folders in the temp folder, and the
// built-in sandbox keeps what it receives in a QTemporaryDir named after the app
// (typebot-uploader-XXXXXX; "Typebot Uploader-XXXXXX" before 0.1). A run removes its own
// when it ends, also on SIGTERM and SIGINT; those of a run that was killed or crashed go
// at the next start, when no other window might still be using them.
void removeLeftoverTempFolders(const QString &ownServerName)
{
    if (SingleInstance::othersRunning(ownServerName))
        return;
    const QStringList patterns = { QStringLiteral("typebot-uploader-paste-*"),
                                   QStringLiteral("typebot-uploader-??????"),
                                   QStringLiteral("Typebot Uploader-??????") };
    const QFileInfoList folders =
            QDir(QDir::tempPath()).entryInfoList(patterns, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : folders) {
        // The temp folder is shared: never follow a link, never touch another user's files.
        if (!folder.isSymLink() && folder.ownerId() == ::getuid())
            QDir(folder.filePath()).removeRecursively();
    }
}

QString fileStamp(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? QString::number(info.lastModified().toMSecsSinceEpoch()) + u'/'
                    + QString::number(info.size())
                         : QStringLiteral("-");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Settings in ~/.config/typebot-uploader/typebot-uploader.conf: the folder the command
    // line shares (see DataPaths), named without spaces.
    QApplication::setOrganizationName(QStringLiteral("typebot-uploader"));
    QApplication::setApplicationName(QStringLiteral("typebot-uploader"));
    QApplication::setApplicationDisplayName(QStringLiteral("Typebot Uploader"));
    QApplication::setApplicationVersion(QStringLiteral(TBU_VERSION));
    QApplication::setDesktopFileName(AppId);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/typebot-uploader.svg")));

    // SIGTERM (logout, systemd, kill) and SIGINT end the event loop like Quit does, so
    // running uploads are aborted in order and temporary folders are removed.
    Typebot::UnixSignalWatcher signalWatcher;
    signalWatcher.watch(SIGINT);
    signalWatcher.watch(SIGTERM);
    QObject::connect(&signalWatcher, &Typebot::UnixSignalWatcher::signalReceived, &app,
                     [] { QApplication::quit(); });

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Uploads files into a Typebot chat session's storage."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(
            QStringLiteral("language"), QStringLiteral("User interface language (e.g. pt_BR, en)."),
            QStringLiteral("locale"));
    const QCommandLineOption sandboxOption(
            QStringLiteral("sandbox"),
            QStringLiteral("Use the built-in local sandbox for this run, whatever profile is "
                           "chosen in Settings."));
    const QCommandLineOption maxSizeOption(
            QStringLiteral("sandbox-max-size"),
            QStringLiteral("Local sandbox: refuse files larger than this."),
            QStringLiteral("bytes"));
    const QCommandLineOption faultOption(
            QStringLiteral("sandbox-fault"),
            QStringLiteral("Local sandbox: inject a fault, e.g. upload:status=503,count=2."),
            QStringLiteral("spec"));
    const QCommandLineOption pausedOption(QStringLiteral("paused"),
                                          QStringLiteral("Start with the queue paused."));
    const QCommandLineOption screenshotOption(
            QStringLiteral("screenshot"),
            QStringLiteral("Save a picture of the window to this file, then quit."),
            QStringLiteral("png"));
    const QCommandLineOption settingsShotOption(
            QStringLiteral("screenshot-settings"),
            QStringLiteral("Save a picture of the settings dialog to this file, then quit."),
            QStringLiteral("png"));
    const QCommandLineOption delayOption(
            QStringLiteral("screenshot-delay"),
            QStringLiteral("Wait this long before the screenshot (default 4000)."),
            QStringLiteral("ms"), QStringLiteral("4000"));
    const QCommandLineOption historyShotOption(
            QStringLiteral("screenshot-history"),
            QStringLiteral("Save a picture of the history window to this file, then quit."),
            QStringLiteral("png"));
    const QCommandLineOption selectRowOption(
            QStringLiteral("select-row"),
            QStringLiteral("Before the screenshot, select this row of the queue (0 is the first) "
                           "and show its details."),
            QStringLiteral("row"));
    const QCommandLineOption darkOption(
            QStringLiteral("screenshot-dark"),
            QStringLiteral("Use a dark palette, as a dark desktop theme would (screenshots)."));
    const QCommandLineOption dataDirOption(
            QStringLiteral("data-dir"),
            QStringLiteral("Keep the queue journal and history in this folder "
                           "(default: $TYPEBOT_UPLOADER_DATA_DIR, else the "
                           "app's data folder). One window runs per folder."),
            QStringLiteral("folder"));
    parser.addOptions({ languageOption, sandboxOption, maxSizeOption, faultOption, pausedOption,
                        screenshotOption, settingsShotOption, historyShotOption, delayOption,
                        selectRowOption, darkOption, dataDirOption });
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Files or folders to upload, as paths or "
                                                "file:// URLs."),
                                 QStringLiteral("[files...]"));
    // Not app.arguments(): Qt decodes argv as UTF-8 and replaces what does not decode, so a
    // file named in another encoding would be looked for under a name it does not have.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << Typebot::NativePath::fromNative(argv[i]);
    parser.process(arguments);

    QStringList paths;
    QString argumentError;
    if (!localPaths(parser.positionalArguments(), &paths, &argumentError)) {
        std::fprintf(stderr, "typebot-uploader: %s\n",
                     qUtf8Printable(Typebot::NativePath::readable(argumentError)));
        return 2;
    }

    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir = qEnvironmentVariable("TYPEBOT_UPLOADER_DATA_DIR");
    if (dataDir.isEmpty()) {
        // The folder shared with typebot-upload; older versions' folders move there once.
        Typebot::DataPaths::migrateOldData();
        dataDir = Typebot::DataPaths::dataDir();
    }
    dataDir = QFileInfo(dataDir).absoluteFilePath();
    // The queue and history hold paths, session ids and links: a folder made here is
    // owner-only.
    if (!QFileInfo::exists(dataDir) && QDir().mkpath(dataDir))
        QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // One window per data folder: a second start hands its files to the first and quits.
    const QString serverName = SingleInstance::serverName(dataDir);
    if (SingleInstance::sendToRunning(serverName, paths))
        return 0;
    SingleInstance instance(serverName);
    if (!instance.listen()) {
        // Another instance started in the same moment and won the socket.
        if (SingleInstance::sendToRunning(serverName, paths))
            return 0;
        std::fprintf(stderr,
                     "typebot-uploader: cannot listen on %s; files from later starts "
                     "will not reach this window\n",
                     qPrintable(SingleInstance::socketPath(serverName)));
    }
    removeLeftoverTempFolders(serverName);

    Typebot::DataPaths::migrateOldSettings();
    if (parser.isSet(darkOption)) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(ThemeColors::darkPalette());
    }
    AppSettings settings = AppSettings::load();
    Localization::install(parser.isSet(languageOption) ? parser.value(languageOption)
                                                       : settings.language);
    if (settings.profiles.constFirst().isSandbox())
        settings.profiles.first().name = AppSettings::sandboxProfile().name; // translated now
    if (parser.isSet(sandboxOption))
        settings.currentProfileId = Profile::SandboxId; // for this run; saved only by Settings

    Sandbox::SandboxConfig sandboxConfig;
    sandboxConfig.maxSizeBytes = parser.value(maxSizeOption).toLongLong();
    // The sandbox's files live with the app's data, so its links work after a restart.
    sandboxConfig.storageDir = QDir(dataDir).filePath(QStringLiteral("sandbox"));

    // The application (settings, tokens, sandbox, uploads) outlives its window.
    AppController controller(settings, sandboxConfig, dataDir);
    MainWindow window(&controller);
    QObject::connect(&instance, &SingleInstance::pathsReceived, &window, &MainWindow::receivePaths);

    // typebot-upload keeps its journal and history in its own file next to the app's (each
    // database is locked by the program that has it open, and the app must not resume the
    // command line's files). What it stored is copied into the app's history once the app's
    // file is open, then whenever the command line's file changes, so History shows both.
    const QString appDatabase = QDir(dataDir).filePath(Typebot::DataPaths::appDatabaseName());
    const QString cliDatabase = QDir(dataDir).filePath(Typebot::DataPaths::cliDatabaseName());
    QString cliStamp;
    const auto importCliHistory = [&] {
        const QString stamp = fileStamp(cliDatabase) + u' ' + fileStamp(cliDatabase + u"-wal");
        if (stamp == cliStamp)
            return;
        QString error;
        const int copied = Typebot::DataPaths::importHistory(cliDatabase, appDatabase, &error);
        if (copied < 0) {
            std::fprintf(stderr, "typebot-uploader: cannot read the history of %s: %s\n",
                         qUtf8Printable(cliDatabase), qUtf8Printable(error));
            return; // tried again on the next tick
        }
        cliStamp = stamp;
        // The service's own signal for "the history has new rows": the History window
        // refreshes on it as on a file the app stored.
        if (copied > 0)
            Q_EMIT window.service()->historyChanged();
    };
    QTimer cliHistoryTimer;
    cliHistoryTimer.setInterval(3000);
    QObject::connect(&cliHistoryTimer, &QTimer::timeout, &window, importCliHistory);
    QObject::connect(window.service(), &Typebot::UploadService::journalOpened, &window,
                     [&](bool persistent) {
                         if (!persistent)
                             return;
                         importCliHistory();
                         cliHistoryTimer.start();
                     });
    const QStringList faults = parser.values(faultOption);
    for (const QString &fault : faults) {
        QString error;
        if (!window.sandbox()->addFault(fault, &error))
            std::fprintf(stderr, "typebot-uploader: --sandbox-fault %s: %s\n", qPrintable(fault),
                         qPrintable(error));
    }
    window.show();
    if (parser.isSet(pausedOption))
        window.action(QStringLiteral("pauseQueue"))->trigger();

    window.addPaths(paths);

    const int delay = parser.value(delayOption).toInt();
    if (parser.isSet(selectRowOption)) {
        // Early enough for the details pane to lay itself out before the picture.
        QTimer::singleShot(std::max(0, delay - 500), &window, [&] {
            QueueView *view = window.queueView();
            const int row = parser.value(selectRowOption).toInt();
            const QModelIndex index = view->model()->index(row, 0);
            if (index.isValid()) {
                view->setCurrentIndex(index);
                view->scrollTo(index);
            }
        });
    }
    if (parser.isSet(screenshotOption)) {
        QTimer::singleShot(delay, &window, [&] {
            window.grab().save(parser.value(screenshotOption));
            QApplication::quit();
        });
    }
    if (parser.isSet(settingsShotOption)) {
        QTimer::singleShot(delay / 2, &window, [&] {
            auto *dialog = new SettingsDialog(settings, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
            if (settings.profiles.size() > 1)
                dialog->selectProfile(1);
            QTimer::singleShot(delay / 2, dialog, [&, dialog] {
                dialog->grab().save(parser.value(settingsShotOption));
                QApplication::quit();
            });
        });
    }
    if (parser.isSet(historyShotOption)) {
        QTimer::singleShot(delay / 2, &window, [&] {
            window.showHistory();
            QTimer::singleShot(delay / 2, window.historyDialog(), [&] {
                window.historyDialog()->view()->selectRow(0);
                window.historyDialog()->grab().save(parser.value(historyShotOption));
                QApplication::quit();
            });
        });
    }
    return app.exec();
}
