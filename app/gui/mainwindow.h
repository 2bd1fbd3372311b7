// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontroller.h"
#include "engine/jobsnapshot.h"
#include "pastedimagestore.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QStackedWidget;

class DesktopNotifier;
class DetailsPane;
class DropZone;
class HistoryDialog;
class LocalSandbox;
class NoticeBanner;
class ProfileTokens;
class QueueModel;
class QueueView;

namespace Typebot {
class UploadService;
}

// The application window: drop zone or queue, the details dock, the overall progress and
// the destination in the status bar, and every action on files. It only wires widgets:
// the AppController behind it owns the settings, tokens, sandbox and upload service, and
// says where files go.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // The window of `app` (not owned), which it starts.
    explicit MainWindow(AppController *app, QWidget *parent = nullptr);
    // With an application of its own (tests, one-off windows). `dataDir`: where the
    // durable queue lives (queue.sqlite); empty keeps it in memory.
    explicit MainWindow(const AppSettings &settings,
                        const Sandbox::SandboxConfig &sandboxConfig = {},
                        const QString &dataDir = QString(), QWidget *parent = nullptr);
    ~MainWindow() override;

    void addPaths(const QStringList &paths);
    // Files handed over by a second instance: queue them and come to the front.
    void receivePaths(const QStringList &paths);
    void showHistory();
    void openSettings();
    void showDetailsOf(quint64 jobId);

    QueueModel *queueModel() const { return m_model; }
    QueueView *queueView() const { return m_view; }
    DropZone *dropZone() const { return m_dropZone; }
    NoticeBanner *banner() const { return m_banner; }
    NoticeBanner *journalBanner() const { return m_journalBanner; }
    HistoryDialog *historyDialog() const { return m_history; }
    AppController *app() const { return m_app; }
    ProfileTokens *tokens() const { return m_app->tokens(); }
    const AppSettings &settings() const { return m_app->settings(); }
    // True while the active profile's token is being read: no upload starts meanwhile.
    bool isWaitingForToken() const { return m_app->isWaitingForToken(); }
    LocalSandbox *sandbox() const { return m_app->sandbox(); }
    Typebot::UploadService *service() const { return m_service; }
    QString overallText() const;
    QAction *action(const QString &objectName) const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void showDestination(const AppController::Destination &destination);
    void restoreLayout();
    void saveLayout() const;

    // `paths` minus files already queued or stored here, unless the user wants them again.
    QStringList withoutUnwantedDuplicates(const QStringList &paths);
    // True when nothing is uploading, or the user agreed to stop it.
    bool confirmQuit();
    // Asks whether uploads should go to `profile` (just added) from now on.
    bool offerToSwitchTo(const Profile &profile);
    void addFilesDialog();
    void addFolderDialog();
    void paste();
    void togglePause();
    void retrySelected();
    void cancelSelected();
    void removeSelected();
    void copyLinks();
    void openLinks();
    void showInFolder();
    void copyAsCurl();
    void showContextMenu(const QPoint &globalPos);
    void showAbout();

    void handleJobsAdded(const QList<Typebot::JobSnapshot> &jobs);
    void handleJobsChanged(const QList<Typebot::JobSnapshot> &jobs);
    void handleJobsRemoved(const QList<quint64> &ids);
    void handleStatsChanged(const Typebot::QueueStats &stats);
    void handleJobFinished(const Typebot::JobSnapshot &job);
    void handleIdle();
    void handleJournalOpened(bool persistent, const QString &problem, int restoredJobs);
    void updatePauseAction();
    void updateActions();
    void updateEmptyState();
    void updateDetails();
    void notify(const QString &title, const QString &message, bool warning);

    QList<Typebot::JobSnapshot> selectedJobs() const;
    // Failed and canceled files can be sent again, waiting ones retried at once.
    static bool isRetryable(const Typebot::JobSnapshot &job);
    // Makes `jobs` the selection (the first one current), as after adding them.
    void selectJobs(const QList<Typebot::JobSnapshot> &jobs);

    AppController *m_app;
    bool m_ownsApp = false;
    Typebot::UploadService *m_service; // the application's
    LocalSandbox *m_sandbox; // the application's
    QueueModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QueueView *m_view;
    DropZone *m_dropZone;
    QStackedWidget *m_stack;
    NoticeBanner *m_banner;
    NoticeBanner *m_journalBanner;
    DetailsPane *m_details;
    QDockWidget *m_detailsDock;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_profileLabel = nullptr;
    QProgressBar *m_overallBar = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    HistoryDialog *m_history = nullptr;
    PastedImageStore m_pasted;
    QTimer m_actionUpdateTimer;
    Typebot::QueueStats m_stats;
    bool m_batchActive = false;
    bool m_detailsWanted = true;
    int m_failuresNotified = 0;

    QAction *m_addFiles = nullptr;
    QAction *m_addFolder = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_clearFinished = nullptr;
    QAction *m_retryAllFailed = nullptr;
    QAction *m_cancelAll = nullptr;
    QAction *m_copyLink = nullptr;
    QAction *m_openLink = nullptr;
    QAction *m_showInFolder = nullptr;
    QAction *m_showDetails = nullptr;
    QAction *m_copyCurl = nullptr;
    QAction *m_copyReport = nullptr;
    QAction *m_selectAll = nullptr;
    QAction *m_about = nullptr;
    QAction *m_historyAction = nullptr;
};
