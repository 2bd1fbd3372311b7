// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "historydialog.h"
#include "localization.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "queueview.h"
#include "settingsdialog.h"
#include "singleinstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Typebot"));
    QApplication::setApplicationName(QStringLiteral("Typebot Uploader"));
    QApplication::setApplicationVersion(QStringLiteral(TBU_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("typebot-uploader"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/typebot-uploader.svg")));

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
    const QCommandLineOption dataDirOption(
            QStringLiteral("data-dir"),
            QStringLiteral("Keep the queue journal and history in this folder "
                           "(default: $TYPEBOT_UPLOADER_DATA_DIR, else the "
                           "app's data folder). One window runs per folder."),
            QStringLiteral("folder"));
    parser.addOptions({ languageOption, sandboxOption, maxSizeOption, faultOption, pausedOption,
                        screenshotOption, settingsShotOption, historyShotOption, delayOption,
                        selectRowOption, dataDirOption });
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Files or folders to upload."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir = qEnvironmentVariable("TYPEBOT_UPLOADER_DATA_DIR");
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    dataDir = QFileInfo(dataDir).absoluteFilePath();
    QDir().mkpath(dataDir);

    QStringList paths;
    const QStringList positional = parser.positionalArguments();
    for (const QString &path : positional)
        paths << QFileInfo(path).absoluteFilePath();

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
                     qPrintable(serverName));
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

    MainWindow window(settings, sandboxConfig, dataDir);
    QObject::connect(&instance, &SingleInstance::pathsReceived, &window, &MainWindow::receivePaths);
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
