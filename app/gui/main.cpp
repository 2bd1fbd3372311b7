// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "localization.h"
#include "localsandbox.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

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
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("User interface language (e.g. pt_BR, en)."),
                                            QStringLiteral("locale"));
    const QCommandLineOption maxSizeOption(QStringLiteral("sandbox-max-size"),
                                           QStringLiteral("Local sandbox: refuse files larger than this."),
                                           QStringLiteral("bytes"));
    const QCommandLineOption faultOption(QStringLiteral("sandbox-fault"),
                                         QStringLiteral("Local sandbox: inject a fault, e.g. upload:status=503,count=2."),
                                         QStringLiteral("spec"));
    const QCommandLineOption pausedOption(QStringLiteral("paused"),
                                          QStringLiteral("Start with the queue paused."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Save a picture of the window to this file, then quit."),
                                              QStringLiteral("png"));
    const QCommandLineOption settingsShotOption(QStringLiteral("screenshot-settings"),
                                                QStringLiteral("Save a picture of the settings dialog to this file, then quit."),
                                                QStringLiteral("png"));
    const QCommandLineOption delayOption(QStringLiteral("screenshot-delay"),
                                         QStringLiteral("Wait this long before the screenshot (default 4000)."),
                                         QStringLiteral("ms"), QStringLiteral("4000"));
    parser.addOptions({languageOption, maxSizeOption, faultOption, pausedOption, screenshotOption,
                       settingsShotOption, delayOption});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files or folders to upload."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    AppSettings settings = AppSettings::load();
    Localization::install(parser.isSet(languageOption) ? parser.value(languageOption)
                                                       : settings.language);
    if (settings.profiles.constFirst().isSandbox())
        settings.profiles.first().name = AppSettings::sandboxProfile().name; // translated now

    Sandbox::SandboxConfig sandboxConfig;
    sandboxConfig.maxSizeBytes = parser.value(maxSizeOption).toLongLong();

    MainWindow window(settings, sandboxConfig);
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

    QStringList paths;
    const QStringList positional = parser.positionalArguments();
    for (const QString &path : positional)
        paths << QFileInfo(path).absoluteFilePath();
    window.addPaths(paths);

    const int delay = parser.value(delayOption).toInt();
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
    return app.exec();
}
