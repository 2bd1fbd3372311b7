// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"
#include "engine/jobsnapshot.h"
#include "pastedimagestore.h"
#include "sandboxconfig.h"
#include "storage/secretstore.h"
#include "storage/serverknowledgestore.h"

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

// The application window: drop zone or queue, the details dock, the overall progress in
// the status bar, and every action on files. Talks to the engine only through
// UploadService; starts the embedded sandbox when the "Local sandbox" profile is active.
// With a data folder, the queue is journaled there and restored at the next start.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `dataDir`: where the durable queue lives (queue.sqlite); empty keeps it in memory.
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
    ProfileTokens *tokens() const { return m_tokens; }
    const AppSettings &settings() const { return m_settings; }
    // True while the active profile's token is being read: no upload starts meanwhile.
    bool isWaitingForToken() const { return m_waitingForToken; }
    LocalSandbox *sandbox() const { return m_sandbox; }
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
    void applySettings();
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
    void handleServerLearned(const QUrl &apiBase, const Typebot::ServerKnowledge &knowledge);
    void handleJournalOpened(bool persistent, const QString &problem, int restoredJobs);
    void handleTokenLoaded(const QString &profileId, const QString &token,
                           Typebot::SecretStore::Status status, const QString &message);
    void handleTokenSaved(const QString &profileId, Typebot::SecretStore::Status status,
                          const QString &message);
    void updatePauseState();
    void updatePauseAction();
    QString profileName(const QString &profileId) const;
    void updateActions();
    void updateEmptyState();
    void updateDetails();
    void notify(const QString &title, const QString &message, bool warning);

    QList<Typebot::JobSnapshot> selectedJobs() const;
    // Failed and canceled files can be sent again, waiting ones retried at once.
    static bool isRetryable(const Typebot::JobSnapshot &job);
    // Makes `jobs` the selection (the first one current), as after adding them.
    void selectJobs(const QList<Typebot::JobSnapshot> &jobs);

    AppSettings m_settings;
    Sandbox::SandboxConfig m_sandboxConfig;
    Typebot::UploadService *m_service;
    LocalSandbox *m_sandbox;
    bool m_journalReady = false; // files added before it are held in m_pendingPaths
    QStringList m_pendingPaths;
    // What was learned of each API base (route, sending style); the settings show it.
    Typebot::ServerKnowledgeStore m_servers;
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
    QString m_dataDir;
    ProfileTokens *m_tokens;
    HistoryDialog *m_history = nullptr;
    PastedImageStore m_pasted;
    QTimer m_actionUpdateTimer;
    Typebot::QueueStats m_stats;
    bool m_batchActive = false;
    bool m_userPaused = false; // the user's Pause
    bool m_waitingForToken = false; // the active profile's token is still being read
    bool m_enginePaused = false; // what the engine was last told
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
