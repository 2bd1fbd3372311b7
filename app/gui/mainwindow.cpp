// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "bottesterwindow.h"
#include "desktopnotifier.h"
#include "detailspane.h"
#include "diagnostics/curlcommand.h"
#include "diagnostics/humanformat.h"
#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"
#include "dropzone.h"
#include "engine/failurewording.h"
#include "engine/uploadservice.h"
#include "historydialog.h"
#include "incomingfiles.h"
#include "localsandbox.h"
#include "mimeicons.h"
#include "noticebanner.h"
#include "profiletokens.h"
#include "progressdelegate.h"
#include "queuemodel.h"
#include "queueview.h"
#include "settingsdialog.h"
#include "storage/jobdatabase.h"
#include "system/nativefileinfo.h"
#include "system/nativepath.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

using Typebot::HumanFormat;
using Typebot::JobSnapshot;
using Typebot::JobState;
using Typebot::NativeFileInfo;
using Typebot::NativePath;
using Typebot::QueueStats;

namespace {

constexpr int MaxLinksOpenedAtOnce = 10;
constexpr int StatusMessageMs = 8000;

bool isWebUrl(const QString &text)
{
    const QUrl url(text);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https");
}

} // namespace

MainWindow::MainWindow(const AppSettings &settings, const Sandbox::SandboxConfig &sandboxConfig,
                       const QString &dataDir, QWidget *parent)
    : MainWindow(new AppController(settings, sandboxConfig, dataDir), parent)
{
    m_ownsApp = true;
}

MainWindow::MainWindow(AppController *app, QWidget *parent)
    : QMainWindow(parent),
      m_app(app),
      m_service(app->service()),
      m_sandbox(app->sandbox()),
      m_model(new QueueModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QueueView(this)),
      m_dropZone(new DropZone(this)),
      m_stack(new QStackedWidget(this)),
      m_banner(new NoticeBanner(this)),
      m_journalBanner(new NoticeBanner(this)),
      m_details(new DetailsPane(this)),
      m_detailsDock(new QDockWidget(tr("Details"), this))
{
    setWindowTitle(tr("Typebot Uploader"));
    setObjectName(QStringLiteral("mainWindow"));
    m_stack->setObjectName(QStringLiteral("centralStack"));
    m_notifier = new DesktopNotifier(windowIcon(), this);
    connect(m_notifier, &DesktopNotifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(QueueModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new ProgressDelegate(m_view));
    // No sort column at first: the queue's own order is the upload order.
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setIconSize(QSize(20, 20));

    m_stack->addWidget(m_dropZone);
    m_stack->addWidget(m_view);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_journalBanner);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    setAcceptDrops(false);

    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    m_detailsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                               | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_detailsDock);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_service, &Typebot::UploadService::jobsAdded, this, &MainWindow::handleJobsAdded);
    connect(m_service, &Typebot::UploadService::jobsChanged, this, &MainWindow::handleJobsChanged);
    connect(m_service, &Typebot::UploadService::jobsRemoved, this, &MainWindow::handleJobsRemoved);
    connect(m_service, &Typebot::UploadService::statsChanged, this,
            &MainWindow::handleStatsChanged);
    connect(m_service, &Typebot::UploadService::jobFinished, this, &MainWindow::handleJobFinished);
    connect(m_service, &Typebot::UploadService::idle, this, &MainWindow::handleIdle);
    connect(m_app, &AppController::journalReady, this, &MainWindow::handleJournalOpened);
    connect(m_app, &AppController::heldPathsReleased, this, &MainWindow::addPaths);
    connect(m_app, &AppController::destinationChanged, this, &MainWindow::showDestination);
    connect(m_app, &AppController::pauseChanged, this, &MainWindow::updatePauseAction);
    connect(m_app, &AppController::warning, this, [this](const QString &html) {
        m_banner->showMessage(NoticeBanner::Kind::Warning, html, tr("Open Settings…"));
    });
    connect(m_app, &AppController::statusMessage, this, [this](const QString &text, int ms) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, ms);
    });
    connect(m_service, &Typebot::UploadService::journalWriteFailed, this,
            [this](const QString &problem) {
                m_journalBanner->showMessage(
                        NoticeBanner::Kind::Warning,
                        tr("The queue cannot be saved right now: %1. Uploads go on; what they "
                           "store is saved as soon as there is room again.")
                                .arg(problem.toHtmlEscaped()),
                        QString());
            });

    connect(m_dropZone, &DropZone::pathsDropped, this, &MainWindow::addPaths);
    connect(m_dropZone, &DropZone::browseRequested, this, &MainWindow::addFilesDialog);
    connect(m_dropZone, &DropZone::pasteRequested, this, &MainWindow::paste);
    connect(m_view, &QueueView::pathsDropped, this, &MainWindow::addPaths);
    connect(m_view, &QueueView::dropRejected, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, StatusMessageMs); });
    connect(m_view, &QueueView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] { m_showDetails->trigger(); });
    connect(m_banner, &NoticeBanner::actionTriggered, this, &MainWindow::openSettings);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_model->rowOfJob(m_details->jobId());
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateDetails();
                if (!m_actionUpdateTimer.isActive())
                    m_actionUpdateTimer.start();
            });
    m_actionUpdateTimer.setSingleShot(true);
    m_actionUpdateTimer.setInterval(300);
    connect(&m_actionUpdateTimer, &QTimer::timeout, this, &MainWindow::updateActions);

    restoreLayout();
    m_app->start(); // its destination, pause and journal signals reach the slots above
    updateEmptyState();
    updateActions();
    handleStatsChanged(QueueStats());
}

MainWindow::~MainWindow()
{
    // An application of its own goes first: its engine's uploads may be talking to the
    // embedded sandbox, and its signals must not reach half-destroyed widgets.
    if (m_ownsApp)
        delete m_app;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QIcon &icon,
                       const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        QString toolTip = QString(text).remove(u'&').remove(QStringLiteral("…"));
        if (!shortcut.isEmpty())
            toolTip += QStringLiteral(" (%1)").arg(shortcut.toString(QKeySequence::NativeText));
        action->setToolTip(toolTip);
        action->setStatusTip(tip);
        return action;
    };
    m_addFiles =
            make(QStringLiteral("addFiles"), tr("Add &Files…"),
                 MimeIcons::themed(QStringLiteral("document-open"), QStringLiteral("add-file")),
                 QKeySequence::Open, tr("Choose files to upload"));
    m_addFolder =
            make(QStringLiteral("addFolder"), tr("Add F&older…"),
                 MimeIcons::themed(QStringLiteral("folder-open"), QStringLiteral("add-folder")),
                 QKeySequence(tr("Ctrl+Shift+O")),
                 tr("Choose a folder; every file inside it is uploaded"));
    m_paste = make(QStringLiteral("paste"), tr("&Paste"),
                   MimeIcons::themed(QStringLiteral("edit-paste"), QStringLiteral("paste")),
                   QKeySequence::Paste, tr("Upload the files or the image on the clipboard"));
    m_settingsAction = make(
            QStringLiteral("settings"), tr("&Settings…"),
            MimeIcons::themed(QStringLiteral("preferences-system"), QStringLiteral("settings")),
            QKeySequence(tr("Ctrl+,")), tr("Profiles, parallel uploads, retries"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_quit = make(QStringLiteral("quit"), tr("&Quit"), QIcon(), QKeySequence::Quit,
                  tr("Quit; unfinished uploads continue at the next start"));
    m_quit->setMenuRole(QAction::QuitRole);

    m_pause =
            make(QStringLiteral("pauseQueue"), tr("&Pause Queue"),
                 MimeIcons::themed(QStringLiteral("media-playback-pause"), QStringLiteral("pause")),
                 QKeySequence(tr("Ctrl+P")), tr("Start no new uploads until resumed"));
    m_retry = make(QStringLiteral("retry"), tr("&Retry"),
                   MimeIcons::themed(QStringLiteral("view-refresh"), QStringLiteral("retry")),
                   QKeySequence(tr("Ctrl+R")),
                   tr("Upload the selected failed or canceled files again; try files waiting "
                      "for the server now"));
    m_cancel = make(QStringLiteral("cancel"), tr("&Cancel"),
                    MimeIcons::themed(QStringLiteral("process-stop"), QStringLiteral("cancel")),
                    QKeySequence(tr("Ctrl+.")), tr("Stop uploading the selected files"));
    m_remove = make(QStringLiteral("remove"), tr("Re&move from List"),
                    MimeIcons::themed(QStringLiteral("list-remove"), QStringLiteral("remove")),
                    QKeySequence::Delete,
                    tr("Remove the selected files from the queue (not from disk)"));
    m_clearFinished = make(
            QStringLiteral("clearFinished"), tr("C&lear Finished"),
            MimeIcons::themed(QStringLiteral("edit-clear-all"), QStringLiteral("clear")),
            QKeySequence(tr("Ctrl+Shift+L")), tr("Remove stored and canceled files from the list"));
    m_retryAllFailed = make(QStringLiteral("retryAllFailed"), tr("Retry All &Failed"), QIcon(),
                            QKeySequence(tr("Ctrl+Shift+R")), tr("Upload every failed file again"));
    m_cancelAll =
            make(QStringLiteral("cancelAll"), tr("Cancel &All"), QIcon(),
                 QKeySequence(tr("Ctrl+Shift+.")), tr("Stop every waiting and running upload"));

    m_copyLink = make(QStringLiteral("copyLink"), tr("&Copy Link"),
                      MimeIcons::themed(QStringLiteral("edit-copy"), QStringLiteral("copy")),
                      QKeySequence::Copy, tr("Copy the links of the selected stored files"));
    m_openLink =
            make(QStringLiteral("openLink"), tr("&Open Link"),
                 MimeIcons::themed(QStringLiteral("internet-web-browser"), QStringLiteral("link")),
                 QKeySequence(tr("Ctrl+Return")), tr("Open the stored file in the web browser"));
    m_showInFolder =
            make(QStringLiteral("showInFolder"), tr("Show in &Folder"),
                 MimeIcons::themed(QStringLiteral("folder"), QStringLiteral("add-folder")),
                 QKeySequence(tr("Ctrl+Shift+F")), tr("Show the local file in the file manager"));
    m_showDetails = make(
            QStringLiteral("showDetails"), tr("Show &Details"),
            MimeIcons::themed(QStringLiteral("document-properties"), QStringLiteral("details")),
            QKeySequence(tr("Alt+Return")), tr("Show the timeline of requests for this file"));
    m_copyCurl = make(QStringLiteral("copyCurl"), tr("Copy as c&url"), QIcon(),
                      QKeySequence(tr("Ctrl+Shift+C")),
                      tr("Copy the two curl commands that upload the file as this app did, "
                         "secrets redacted"));
    m_copyReport = make(QStringLiteral("copyReport"), tr("Copy &Report"), QIcon(),
                        QKeySequence(tr("Ctrl+Shift+T")),
                        tr("Copy the file's outcome and timeline, redacted, for a support ticket"));
    m_selectAll = make(QStringLiteral("selectAll"), tr("Select &All"), QIcon(),
                       QKeySequence::SelectAll, QString());
    m_about = make(QStringLiteral("about"), tr("&About Typebot Uploader"), QIcon(), QKeySequence(),
                   QString());
    m_about->setMenuRole(QAction::AboutRole);
    m_historyAction =
            make(QStringLiteral("history"), tr("&History…"),
                 MimeIcons::themed(QStringLiteral("document-open-recent"), QStringLiteral("link")),
                 QKeySequence(tr("Ctrl+H")),
                 tr("Every stored file with its link, also after the queue is cleared"));

    // Row actions act on the queue; their keys must not steal Ctrl+C or Delete from the
    // text fields of the details pane.
    for (QAction *action : { m_copyLink, m_remove, m_openLink, m_selectAll }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }

    connect(m_addFiles, &QAction::triggered, this, &MainWindow::addFilesDialog);
    connect(m_addFolder, &QAction::triggered, this, &MainWindow::addFolderDialog);
    connect(m_paste, &QAction::triggered, this, &MainWindow::paste);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_quit, &QAction::triggered, this, [this] {
        if (confirmQuit())
            close();
    });
    connect(m_pause, &QAction::triggered, this, &MainWindow::togglePause);
    connect(m_retry, &QAction::triggered, this, &MainWindow::retrySelected);
    connect(m_cancel, &QAction::triggered, this, &MainWindow::cancelSelected);
    connect(m_remove, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(m_clearFinished, &QAction::triggered, this, [this] { m_service->clearFinished(); });
    connect(m_retryAllFailed, &QAction::triggered, this, [this] {
        m_batchActive = true;
        m_service->retryAllFailed();
    });
    connect(m_cancelAll, &QAction::triggered, this, [this] { m_service->cancelAll(); });
    connect(m_copyLink, &QAction::triggered, this, &MainWindow::copyLinks);
    connect(m_openLink, &QAction::triggered, this, &MainWindow::openLinks);
    connect(m_showInFolder, &QAction::triggered, this, &MainWindow::showInFolder);
    connect(m_showDetails, &QAction::triggered, this,
            [this] { showDetailsOf(m_view->currentJobId()); });
    connect(m_copyCurl, &QAction::triggered, this, &MainWindow::copyAsCurl);
    connect(m_copyReport, &QAction::triggered, this, [this] {
        updateDetails();
        m_details->copyReport();
        statusBar()->showMessage(tr("Report copied; secrets are removed."), StatusMessageMs);
    });
    connect(m_selectAll, &QAction::triggered, m_view, &QAbstractItemView::selectAll);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_historyAction, &QAction::triggered, this, &MainWindow::showHistory);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addFiles);
    file->addAction(m_addFolder);
    file->addAction(m_paste);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyLink);
    edit->addAction(m_openLink);
    edit->addAction(m_showInFolder);
    edit->addSeparator();
    edit->addAction(m_showDetails);
    edit->addAction(m_copyReport);
    edit->addAction(m_copyCurl);
    edit->addSeparator();
    edit->addAction(m_selectAll);

    QMenu *queue = menuBar()->addMenu(tr("&Queue"));
    queue->addAction(m_pause);
    queue->addSeparator();
    queue->addAction(m_retry);
    queue->addAction(m_cancel);
    queue->addAction(m_remove);
    queue->addSeparator();
    queue->addAction(m_retryAllFailed);
    queue->addAction(m_cancelAll);
    queue->addAction(m_clearFinished);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *toggleDetails = m_detailsDock->toggleViewAction();
    toggleDetails->setText(tr("&Details Pane"));
    toggleDetails->setShortcut(QKeySequence(tr("F9")));
    view->addAction(toggleDetails);
    view->addAction(m_historyAction);
    QAction *testBot = view->addAction(tr("&Test a Bot…"));
    testBot->setObjectName(QStringLiteral("testBot"));
    testBot->setShortcut(QKeySequence(tr("Ctrl+B")));
    testBot->setToolTip(tr("Chat with a bot and upload files at its file block"));
    connect(testBot, &QAction::triggered, this, [this] {
        auto *tester = findChild<BotTesterWindow *>();
        if (!tester) {
            tester = new BotTesterWindow(this);
            // Its uploads belong in History with the queue's.
            connect(tester, &BotTesterWindow::uploadStored, this,
                    [this, tester](const JobSnapshot &job) {
                        m_service->recordStoredElsewhere(job, Profile::BotTestRecordedName,
                                                         tester->session()->sessionId());
                    });
        }
        if (tester->session()->state() == Typebot::ChatSession::State::Idle) {
            const Profile profile = m_app->settings().currentProfile();
            Typebot::EndpointSettings endpoint = profile.endpoint();
            if (profile.isSandbox() && m_sandbox->isRunning()) {
                endpoint.apiBase = m_sandbox->apiBaseUrl();
                // Previews want a bearer token; the sandbox takes any when it has none.
                endpoint.token = m_app->sandboxConfig().token.isEmpty()
                        ? QStringLiteral("sandbox")
                        : m_app->sandboxConfig().token;
                tester->setBotText(m_app->sandboxConfig().demoBotId);
            }
            tester->setEndpoint(endpoint);
        }
        tester->show();
        tester->raise();
        tester->activateWindow();
    });
    // Only the user's own choice counts; the empty queue hides the pane by itself.
    connect(toggleDetails, &QAction::triggered, this,
            [this](bool checked) { m_detailsWanted = checked; });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(m_addFiles);
    bar->addAction(m_addFolder);
    bar->addSeparator();
    bar->addAction(m_pause);
    bar->addSeparator();
    bar->addAction(m_retry);
    bar->addAction(m_cancel);
    bar->addAction(m_remove);
    bar->addAction(m_clearFinished);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_settingsAction);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("overallStatus"));
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(QStringLiteral("profileStatus"));
    m_overallBar = new QProgressBar(this);
    m_overallBar->setObjectName(QStringLiteral("overallProgress"));
    m_overallBar->setRange(0, 1000);
    m_overallBar->setFixedWidth(180);
    m_overallBar->setTextVisible(true);
    m_overallBar->setAccessibleName(tr("Overall progress"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_overallBar);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    QHeaderView *header = m_view->header();
    const QByteArray state = settings.value(QStringLiteral("ui/queueHeader")).toByteArray();
    if (state.isEmpty() || !header->restoreState(state)) {
        // Status gets the room: a failure's reason is what the user reads first.
        header->resizeSection(QueueModel::NameColumn, 210);
        header->resizeSection(QueueModel::SizeColumn, 80);
        header->resizeSection(QueueModel::StatusColumn, 345);
        header->resizeSection(QueueModel::ProgressColumn, 120);
        header->resizeSection(QueueModel::SpeedColumn, 85);
        header->resizeSection(QueueModel::TimeLeftColumn, 100);
    }
    // The queue's order, not a remembered sort, when the app starts.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    if (!restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray()))
        resize(1100, 680);
    if (!restoreState(settings.value(QStringLiteral("ui/windowState")).toByteArray()))
        resizeDocks({ m_detailsDock }, { 230 }, Qt::Vertical);
    m_detailsWanted = settings.value(QStringLiteral("ui/detailsVisible"), true).toBool();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/queueHeader"), m_view->header()->saveState());
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/windowState"), saveState());
    settings.setValue(QStringLiteral("ui/detailsVisible"), m_detailsWanted);
}

bool MainWindow::offerToSwitchTo(const Profile &profile)
{
    const Profile current = m_app->settings().currentProfile();
    QMessageBox box(QMessageBox::Question, tr("Upload to “%1” from now on?").arg(profile.name),
                    tr("Files you add go to “%1” until you switch.").arg(current.name),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("switchDestination"));
    box.setInformativeText(tr("Switch to “%1” (%2) now? Files still waiting in the queue "
                              "go there too; files stored so far stay where they are.")
                                   .arg(profile.name, profile.endpoint().apiBase.host()));
    QPushButton *doSwitch =
            box.addButton(tr("&Switch to “%1”").arg(profile.name), QMessageBox::AcceptRole);
    box.addButton(tr("&Keep “%1”").arg(current.name), QMessageBox::RejectRole);
    box.setDefaultButton(doSwitch);
    box.exec();
    return box.clickedButton() == doSwitch;
}

bool MainWindow::confirmQuit()
{
    // Uploads in flight are aborted by quitting; they resume at the next start, and the
    // user should choose that knowingly.
    const int unfinished = m_stats.active + m_stats.queued;
    if (unfinished == 0 || m_stats.paused)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Quit Typebot Uploader?"),
                    tr("%n file(s) are not uploaded yet.", nullptr, unfinished),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("quitConfirmation"));
    box.setInformativeText(tr("Running uploads stop now and start again from the beginning "
                              "the next time you open the app. Nothing is lost."));
    QPushButton *quit = box.addButton(tr("&Quit"), QMessageBox::AcceptRole);
    box.addButton(tr("Keep &Uploading"), QMessageBox::RejectRole);
    box.setDefaultButton(quit);
    box.exec();
    return box.clickedButton() == quit;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The user closing the window asks; a quit the system or a script asks for (logout,
    // SIGTERM, --screenshot) must never wait on a dialog. Quit in the menu asked already.
    if (event->spontaneous() && !confirmQuit()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_notifier->hide();
    event->accept();
}

void MainWindow::showDestination(const AppController::Destination &destination)
{
    if (destination.sandbox) {
        if (!destination.sandboxError.isEmpty())
            m_banner->showMessage(NoticeBanner::Kind::Warning,
                                  tr("The local sandbox could not start: %1")
                                          .arg(destination.sandboxError.toHtmlEscaped()),
                                  tr("Set Up a Typebot Endpoint…"));
        else
            m_banner->showMessage(
                    NoticeBanner::Kind::Information,
                    tr("<b>You are trying the app with a local sandbox.</b> Files are stored on "
                       "this computer only and their links work only here. No account is "
                       "needed; drop a file to see how it works."),
                    tr("Set Up a Typebot Endpoint…"));
        m_profileLabel->setText(
                tr("Uploading to: %1 (this computer)").arg(destination.profileName));
    } else {
        if (destination.problem.isEmpty())
            m_banner->hide();
        else
            m_banner->showMessage(NoticeBanner::Kind::Warning,
                                  tr("The profile “%1” cannot be used yet: %2")
                                          .arg(destination.profileName.toHtmlEscaped(),
                                               destination.problem.toHtmlEscaped()),
                                  tr("Open Settings…"));
        m_profileLabel->setText(
                tr("Uploading to: %1 (%2)").arg(destination.profileName, destination.host));
    }
    m_profileLabel->setToolTip(m_app->effectiveEndpoint().apiBase.toDisplayString());
    updateActions();
}

void MainWindow::updatePauseAction()
{
    const bool userPaused = m_app->isUserPaused();
    m_pause->setText(userPaused ? tr("&Resume Queue") : tr("&Pause Queue"));
    m_pause->setIcon(userPaused ? MimeIcons::themed(QStringLiteral("media-playback-start"),
                                                    QStringLiteral("resume"))
                                : MimeIcons::themed(QStringLiteral("media-playback-pause"),
                                                    QStringLiteral("pause")));
    m_pause->setToolTip(
            QString(m_pause->text()).remove(u'&')
            + QStringLiteral(" (%1)").arg(m_pause->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::handleJournalOpened(bool persistent, const QString &problem, int restoredJobs)
{
    // History asked before the database was open got nothing: ask again.
    if (m_history && m_history->isVisible())
        m_history->refresh();
    if (persistent) {
        m_journalBanner->hide();
    } else {
        m_journalBanner->showMessage(
                NoticeBanner::Kind::Warning,
                tr("The queue cannot be saved: %1 — this window keeps its queue in memory.")
                        .arg(problem.toHtmlEscaped()),
                QString());
    }
    if (restoredJobs > 0)
        statusBar()->showMessage(
                tr("%n file(s) restored from the last session.", nullptr, restoredJobs),
                StatusMessageMs);
}

void MainWindow::showHistory()
{
    if (!m_history) {
        m_history = new HistoryDialog(m_service, this);
        m_history->setUnavailableLinks(
                [this](const QStringList &links) { return m_sandbox->unavailableLinks(links); });
    }
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
}

void MainWindow::receivePaths(const QStringList &paths)
{
    addPaths(paths);
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::openSettings()
{
    const AppSettings opened = m_app->settings();
    SettingsDialog dialog(opened, this);
    dialog.setServerStore(m_app->servers());
    dialog.setKeychainMissing(m_app->tokens()->isKeychainMissing(),
                              m_app->tokens()->fallbackFile());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const AppSettings before = m_app->settings();
    AppSettings edited = dialog.settings();
    const QString offered = edited.newProfileToOffer(before);
    if (!offered.isEmpty() && offerToSwitchTo(edited.profiles.at(edited.indexOfProfile(offered))))
        edited.currentProfileId = offered;
    m_app->applyEdit(edited, opened);
    if (!m_app->settings().notifications)
        m_notifier->hide();
    if (m_app->settings().language != before.language)
        statusBar()->showMessage(tr("The new language is used from the next start."),
                                 StatusMessageMs);
}

void MainWindow::addPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    // Files given at start or handed over before the journal is open wait for it: queued
    // then, they would not be journaled (no History), and their in-memory ids would collide
    // with the journal's, leaving a handed-over file queued in it forever.
    if (m_app->holdUntilJournalReady(paths)) {
        statusBar()->showMessage(tr("Opening the queue…"), 2000);
        return;
    }
    const QStringList wanted = withoutUnwantedDuplicates(paths);
    if (wanted.isEmpty())
        return;
    m_batchActive = true;
    m_service->addPaths(wanted, true);
    statusBar()->showMessage(tr("Adding %n item(s)…", nullptr, int(wanted.size())), 2000);
}

QStringList MainWindow::withoutUnwantedDuplicates(const QStringList &paths)
{
    // A file already queued, uploading or stored here would be uploaded twice without a
    // word; ask. (Failed and canceled rows are retried with Retry, not re-added.)
    QSet<QString> known;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const JobSnapshot &job = m_model->jobAt(row);
        if (job.state != JobState::Value::Failed && job.state != JobState::Value::Canceled)
            known.insert(NativePath::absolute(job.filePath));
    }
    QStringList fresh, duplicates;
    for (const QString &path : paths) {
        // By the name's bytes, which may not be UTF-8 (NativePath).
        const bool queued =
                NativeFileInfo(path).isFile() && known.contains(NativePath::absolute(path));
        (queued ? duplicates : fresh) << path;
    }
    if (duplicates.isEmpty())
        return paths;
    QMessageBox box(QMessageBox::Question, tr("Upload Again?"),
                    duplicates.size() == 1
                            ? tr("“%1” is already in the queue.")
                                      .arg(NativePath::displayName(duplicates.constFirst()))
                            : tr("%n of the files are already in the queue.", nullptr,
                                 int(duplicates.size())),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("duplicateConfirmation"));
    box.setInformativeText(tr("Uploading them again stores a second copy with its own link."));
    QPushButton *skip = box.addButton(tr("&Skip Them"), QMessageBox::RejectRole);
    QPushButton *again = box.addButton(tr("&Upload Again"), QMessageBox::AcceptRole);
    box.setDefaultButton(skip);
    box.exec();
    if (box.clickedButton() == again)
        return paths;
    statusBar()->showMessage(
            tr("%n file(s) already in the queue were skipped.", nullptr, int(duplicates.size())),
            StatusMessageMs);
    return fresh;
}

void MainWindow::addFilesDialog()
{
    QSettings settings;
    const QString dir =
            settings.value(QStringLiteral("ui/lastFolder"),
                           QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
                    .toString();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Files"), dir);
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("ui/lastFolder"),
                      QFileInfo(files.constFirst()).absolutePath());
    addPaths(files);
}

void MainWindow::addFolderDialog()
{
    QSettings settings;
    const QString dir =
            settings.value(QStringLiteral("ui/lastFolder"),
                           QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
                    .toString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Folder"), dir);
    if (folder.isEmpty())
        return;
    settings.setValue(QStringLiteral("ui/lastFolder"), folder);
    addPaths({ folder });
}

void MainWindow::paste()
{
    const IncomingFiles incoming =
            IncomingFiles::fromMimeData(QApplication::clipboard()->mimeData(), true);
    if (!incoming.isAcceptable()) {
        statusBar()->showMessage(tr("Nothing to paste: %1").arg(incoming.rejection),
                                 StatusMessageMs);
        return;
    }
    if (!incoming.image.isNull()) {
        QString error;
        const QString path = m_pasted.save(incoming.image, &error);
        if (path.isEmpty()) {
            statusBar()->showMessage(error, StatusMessageMs);
            return;
        }
        addPaths({ path });
        return;
    }
    addPaths(incoming.paths);
}

void MainWindow::togglePause()
{
    m_app->setUserPaused(!m_app->isUserPaused());
}

QList<JobSnapshot> MainWindow::selectedJobs() const
{
    QList<JobSnapshot> jobs;
    const QList<quint64> ids = m_view->selectedJobIds();
    jobs.reserve(ids.size());
    for (quint64 id : ids) {
        const int row = m_model->rowOfJob(id);
        if (row >= 0)
            jobs << m_model->jobAt(row);
    }
    return jobs;
}

void MainWindow::retrySelected()
{
    QList<quint64> ids;
    for (const JobSnapshot &job : selectedJobs()) {
        if (isRetryable(job))
            ids << job.id;
    }
    if (ids.isEmpty())
        return;
    m_batchActive = true;
    m_service->retry(ids);
}

bool MainWindow::isRetryable(const JobSnapshot &job)
{
    return job.state == JobState::Value::Failed || job.state == JobState::Value::Canceled
            || job.state == JobState::Value::WaitingToRetry;
}

void MainWindow::selectJobs(const QList<JobSnapshot> &jobs)
{
    // Merge neighbouring rows into ranges: thousands of single-row ranges make the
    // selection model slow.
    QList<int> rows;
    rows.reserve(jobs.size());
    for (const JobSnapshot &job : jobs) {
        const int row = m_model->rowOfJob(job.id);
        if (row >= 0)
            rows << m_proxy->mapFromSource(m_model->index(row, 0)).row();
    }
    rows.removeAll(-1);
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype end = i;
        while (end + 1 < rows.size() && rows.at(end + 1) <= rows.at(end) + 1)
            ++end;
        selection.select(m_proxy->index(rows.at(i), 0), m_proxy->index(rows.at(end), lastColumn));
        i = end + 1;
    }
    QItemSelectionModel *model = m_view->selectionModel();
    model->setCurrentIndex(m_proxy->index(rows.constFirst(), 0), QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(m_proxy->index(rows.constFirst(), 0));
}

void MainWindow::cancelSelected()
{
    QList<quint64> ids;
    for (const JobSnapshot &job : selectedJobs()) {
        if (!JobState::isFinal(job.state))
            ids << job.id;
    }
    if (!ids.isEmpty())
        m_service->cancel(ids);
}

void MainWindow::removeSelected()
{
    const QList<quint64> ids = m_view->selectedJobIds();
    if (!ids.isEmpty())
        m_service->remove(ids);
}

void MainWindow::copyLinks()
{
    QStringList links;
    for (const JobSnapshot &job : selectedJobs()) {
        if (!job.fileUrl.isEmpty())
            links << job.fileUrl;
    }
    if (links.isEmpty()) {
        statusBar()->showMessage(tr("The selected files have no link yet."), StatusMessageMs);
        return;
    }
    QApplication::clipboard()->setText(links.join(u'\n'));
    statusBar()->showMessage(tr("%n link(s) copied.", nullptr, int(links.size())), StatusMessageMs);
}

void MainWindow::openLinks()
{
    int opened = 0;
    int skipped = 0;
    for (const JobSnapshot &job : selectedJobs()) {
        if (job.fileUrl.isEmpty())
            continue;
        // Only web links are opened: a server could answer any scheme in fileUrl.
        if (!isWebUrl(job.fileUrl) || opened >= MaxLinksOpenedAtOnce) {
            ++skipped;
            continue;
        }
        QDesktopServices::openUrl(QUrl(job.fileUrl));
        ++opened;
    }
    if (skipped > 0)
        statusBar()->showMessage(tr("Opened %1 link(s); %2 not opened (not http/https, or more "
                                    "than %3 at once).")
                                         .arg(opened)
                                         .arg(skipped)
                                         .arg(MaxLinksOpenedAtOnce),
                                 StatusMessageMs);
}

void MainWindow::showInFolder()
{
    QStringList files;
    for (const JobSnapshot &job : selectedJobs()) {
        // By the bytes of the name, which may not be UTF-8 (NativePath).
        if (NativeFileInfo(job.filePath).exists() && files.size() < MaxLinksOpenedAtOnce)
            files << NativePath::toFileUrl(job.filePath).toString();
    }
    if (files.isEmpty()) {
        statusBar()->showMessage(tr("The selected files are no longer on disk."), StatusMessageMs);
        return;
    }
    // The freedesktop file manager interface selects the files; without it, open the folder.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected() && bus.interface()
        && bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.FileManager1"))) {
        QDBusMessage call = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.FileManager1"),
                QStringLiteral("/org/freedesktop/FileManager1"),
                QStringLiteral("org.freedesktop.FileManager1"), QStringLiteral("ShowItems"));
        call << files << QString();
        bus.asyncCall(call);
        return;
    }
    QSet<QString> folders;
    for (const QString &file : std::as_const(files)) {
        const QString path = NativePath::fromFileUrl(QUrl(file));
        folders.insert(path.left(path.lastIndexOf(u'/')));
    }
    for (const QString &folder : std::as_const(folders))
        QDesktopServices::openUrl(NativePath::toFileUrl(folder));
}

void MainWindow::copyAsCurl()
{
    const QList<JobSnapshot> jobs = selectedJobs();
    if (jobs.isEmpty())
        return;
    // Always redacted: the clipboard ends up in chats and tickets. The token, the policy
    // and the signature are the secrets; a runnable step 2 needs a fresh slot from step 1.
    Typebot::CurlCommand::Options curl;
    curl.secrets = Typebot::CurlCommand::Secrets::Redact;
    curl.caFile = m_app->effectiveEndpoint().caFile;
    QStringList blocks;
    for (const JobSnapshot &job : jobs) {
        // The requests the engine recorded for the latest slot and upload attempt.
        const Typebot::HttpExchange *ticket = nullptr;
        const Typebot::HttpExchange *upload = nullptr;
        for (const Typebot::HttpExchange &exchange : job.exchanges) {
            if (exchange.step == Typebot::HttpExchange::Step::Ticket)
                ticket = &exchange;
            else if (exchange.step == Typebot::HttpExchange::Step::Upload)
                upload = &exchange;
        }
        QStringList lines;
        if (!ticket && !upload) {
            lines << QStringLiteral("# %1: no request was made yet").arg(job.displayName);
            blocks << lines.join(u'\n');
            continue;
        }
        if (ticket) {
            lines << QStringLiteral("# %1: step 1, ask for an upload slot (answers presignedUrl, "
                                    "formData, fileUrl)")
                             .arg(job.displayName);
            lines << Typebot::Redactor::text(Typebot::CurlCommand::fromExchange(*ticket, curl));
        }
        if (upload) {
            lines << QStringLiteral("# %1: step 2, send the file (%2) as the last attempt did; "
                                    "[redacted] values come from step 1")
                             .arg(job.displayName,
                                  upload->isMultipart() ? QStringLiteral("multipart POST")
                                                        : QStringLiteral("PUT"));
            lines << Typebot::Redactor::text(Typebot::CurlCommand::fromExchange(*upload, curl));
        } else {
            lines << QStringLiteral("# %1: step 2 follows once the file is sent")
                             .arg(job.displayName);
        }
        blocks << lines.join(u'\n');
    }
    QApplication::clipboard()->setText(blocks.join(QStringLiteral("\n\n")));
    statusBar()->showMessage(
            tr("curl commands for %n file(s) copied; the token, policy and signature are "
               "redacted.",
               nullptr, int(jobs.size())),
            StatusMessageMs);
}

void MainWindow::showContextMenu(const QPoint &globalPos)
{
    updateActions();
    QMenu menu(this);
    menu.addAction(m_copyLink);
    menu.addAction(m_openLink);
    menu.addAction(m_showInFolder);
    menu.addSeparator();
    menu.addAction(m_showDetails);
    menu.addAction(m_copyReport);
    menu.addAction(m_copyCurl);
    menu.addSeparator();
    menu.addAction(m_retry);
    menu.addAction(m_cancel);
    menu.addAction(m_remove);
    menu.exec(globalPos);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Typebot Uploader"),
                       tr("<h3>Typebot Uploader %1</h3>"
                          "<p>Uploads files into a Typebot chat session's storage: many at once, "
                          "with retries and a clear reason when something fails.</p>"
                          "<p>License: GPL-3.0-or-later</p>")
                               .arg(QStringLiteral(TBU_VERSION)));
}

void MainWindow::showDetailsOf(quint64 jobId)
{
    m_detailsWanted = true;
    m_detailsDock->show();
    m_detailsDock->raise();
    const int row = m_model->rowOfJob(jobId);
    m_details->setJob(row >= 0 ? m_model->jobAt(row) : JobSnapshot());
}

void MainWindow::handleJobsAdded(const QList<JobSnapshot> &jobs)
{
    m_model->addJobs(jobs);
    // Files restored as stored from an earlier run: a link of the built-in sandbox may
    // have stopped working since (storage cleared, another port).
    QStringList restoredLinks;
    for (const JobSnapshot &job : jobs) {
        if (job.state == JobState::Value::Done && !job.fileUrl.isEmpty())
            restoredLinks << job.fileUrl;
    }
    if (!restoredLinks.isEmpty())
        m_model->addUnavailableLinks(m_sandbox->unavailableLinks(restoredLinks));
    selectJobs(jobs);
    statusBar()->showMessage(tr("%n file(s) added.", nullptr, int(jobs.size())), 3000);
}

void MainWindow::handleJobsChanged(const QList<JobSnapshot> &jobs)
{
    m_model->updateJobs(jobs);
}

void MainWindow::handleJobsRemoved(const QList<quint64> &ids)
{
    for (quint64 id : ids) {
        const int row = m_model->rowOfJob(id);
        if (row >= 0)
            m_pasted.release(m_model->jobAt(row).filePath);
    }
    // The view would move its current index to the row above and select nothing: a row
    // that only looked selected, with every action off. The next row left takes the
    // removed one's place instead (as in a file manager), really selected.
    const QSet<quint64> gone(ids.cbegin(), ids.cend());
    const int currentRow = m_view->currentIndex().row();
    quint64 successor = 0;
    if (currentRow >= 0 && gone.contains(m_view->currentJobId())) {
        const auto idAt = [this](int row) {
            return m_proxy->index(row, 0).data(QueueModel::JobIdRole).toULongLong();
        };
        for (int row = currentRow + 1; row < m_proxy->rowCount() && successor == 0; ++row)
            successor = gone.contains(idAt(row)) ? 0 : idAt(row);
        for (int row = currentRow - 1; row >= 0 && successor == 0; --row)
            successor = gone.contains(idAt(row)) ? 0 : idAt(row);
    }
    m_model->removeJobs(ids);
    QItemSelectionModel *selection = m_view->selectionModel();
    if (const int row = m_model->rowOfJob(successor); successor != 0 && row >= 0) {
        selection->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else if (!selection->hasSelection() && m_view->currentIndex().isValid()) {
        selection->select(m_view->currentIndex(),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    if (!m_model->hasJob(m_details->jobId()))
        updateDetails();
    updateActions();
}

void MainWindow::handleStatsChanged(const QueueStats &stats)
{
    m_stats = stats;
    const bool busy = !stats.isIdle();
    const double fraction = stats.bytesTotal > 0
            ? std::clamp(double(stats.bytesDone) / double(stats.bytesTotal), 0.0, 1.0)
            : (stats.total > 0 ? double(stats.done) / double(stats.total) : 0.0);
    // 100% means every file of the batch is stored: never while one waits or failed.
    int percent = int(std::floor(fraction * 100.0));
    if (stats.done < stats.total - stats.canceled)
        percent = std::min(percent, 99);
    m_overallBar->setValue(std::min(int(std::lround(fraction * 1000.0)), percent * 10 + 9));
    m_overallBar->setFormat(tr("%1%").arg(percent));
    m_overallBar->setVisible(stats.total > 0);
    m_statusLabel->setText(overallText());
    // Failures show in the title too: a window in the background must not look done.
    const QString failed = stats.failed > 0 ? tr("%n failed", nullptr, stats.failed) : QString();
    QString state;
    if (busy && !stats.paused)
        state = stats.waiting > 0 && stats.waiting == stats.active && stats.queued == 0
                ? tr("Waiting for the server")
                : tr("%1%").arg(percent);
    else if (busy && m_app->isWaitingForToken() && !m_app->isUserPaused())
        state = tr("Waiting for the keychain");
    else if (busy)
        state = tr("Paused");
    const QStringList parts =
            QStringList{ state, failed }.filter(QRegularExpression(QStringLiteral(".")));
    setWindowTitle(parts.isEmpty()
                           ? tr("Typebot Uploader")
                           : tr("%1 — Typebot Uploader").arg(parts.join(QStringLiteral(" · "))));
    m_notifier->setToolTip(windowTitle());

    updatePauseAction();
    m_clearFinished->setEnabled(stats.done + stats.canceled > 0);
    m_retryAllFailed->setEnabled(stats.failed > 0);
    m_cancelAll->setEnabled(busy);
}

QString MainWindow::overallText() const
{
    const QueueStats &s = m_stats;
    if (s.total == 0)
        return tr("No files in the queue");
    QStringList parts;
    parts << tr("%1 of %n file(s) stored", nullptr, s.total).arg(s.done);
    if (s.failed > 0)
        parts << tr("%n failed", nullptr, s.failed);
    if (s.bytesTotal > 0)
        parts << tr("%1 of %2")
                         .arg(HumanFormat::bytes(s.bytesDone), HumanFormat::bytes(s.bytesTotal));
    if (s.paused && !s.isIdle())
        parts << (m_app->isWaitingForToken() && !m_app->isUserPaused()
                          ? tr("waiting for the keychain")
                          : tr("paused"));
    else if (s.active > 0 && s.speed > 0.0)
        parts << HumanFormat::speed(s.speed);
    if (!s.paused && s.active > 0 && s.etaSeconds > 0)
        parts << tr("%1 left").arg(HumanFormat::duration(s.etaSeconds));
    return parts.join(QStringLiteral("  ·  "));
}

void MainWindow::handleJobFinished(const JobSnapshot &job)
{
    if (job.state == JobState::Value::Done) {
        m_pasted.release(job.filePath);
        return;
    }
    if (job.state != JobState::Value::Failed)
        return;
    // One message per failure would bury the desktop when a whole folder fails for the same
    // reason; the batch summary counts the rest.
    if (++m_failuresNotified <= 1)
        notify(tr("Upload failed"),
               tr("%1: %2").arg(
                       job.displayName,
                       Typebot::FailureWording::explanation(
                               job.failure, Typebot::FailureWording::Outlook::Final, job.size)),
               true);
}

void MainWindow::handleIdle()
{
    if (!m_batchActive)
        return;
    m_batchActive = false;
    m_failuresNotified = 0;
    if (m_stats.total == 0)
        return;
    const QString summary = m_stats.failed > 0
            ? tr("%n file(s) stored, %1 failed.", nullptr, m_stats.done).arg(m_stats.failed)
            : tr("%n file(s) stored.", nullptr, m_stats.done);
    notify(tr("Uploads finished"), summary, m_stats.failed > 0);
}

void MainWindow::notify(const QString &title, const QString &message, bool warning)
{
    if (!m_app->settings().notifications)
        return;
    QApplication::alert(this);
    if (isActiveWindow())
        return;
    m_notifier->notify(title, message, warning);
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    QWidget *page = empty ? static_cast<QWidget *>(m_dropZone) : static_cast<QWidget *>(m_view);
    if (m_stack->currentWidget() != page) {
        const bool hadFocus = m_stack->currentWidget() && m_stack->currentWidget()->hasFocus();
        m_stack->setCurrentWidget(page);
        if (!empty && hadFocus)
            m_view->setFocus();
    }
    m_selectAll->setEnabled(!empty);
    // An empty details pane under the drop zone would only be noise.
    m_detailsDock->setVisible(!empty && m_detailsWanted);
}

void MainWindow::updateDetails()
{
    const quint64 id = m_view->currentJobId();
    const int row = m_model->rowOfJob(id);
    m_details->setJob(row >= 0 ? m_model->jobAt(row) : JobSnapshot());
}

void MainWindow::updateActions()
{
    bool anyRetryable = false;
    bool anyCancelable = false;
    bool anyLink = false;
    bool anyWebLink = false;
    const QList<JobSnapshot> jobs = selectedJobs();
    bool onlyWaiting = true;
    for (const JobSnapshot &job : jobs) {
        anyRetryable = anyRetryable || isRetryable(job);
        onlyWaiting = onlyWaiting && job.state == JobState::Value::WaitingToRetry;
        anyCancelable = anyCancelable || !JobState::isFinal(job.state);
        if (!job.fileUrl.isEmpty()) {
            anyLink = true;
            anyWebLink = anyWebLink || isWebUrl(job.fileUrl);
        }
    }
    const bool any = !jobs.isEmpty();
    m_retry->setEnabled(anyRetryable);
    // For files waiting out an outage or a backoff, Retry means "don't wait".
    m_retry->setText(anyRetryable && onlyWaiting ? tr("&Retry Now") : tr("&Retry"));
    m_cancel->setEnabled(anyCancelable);
    m_remove->setEnabled(any);
    m_copyLink->setEnabled(anyLink);
    m_openLink->setEnabled(anyWebLink);
    m_showInFolder->setEnabled(any);
    m_showDetails->setEnabled(m_view->currentJobId() != 0);
    m_copyReport->setEnabled(m_view->currentJobId() != 0);
    m_copyCurl->setEnabled(any);
}
