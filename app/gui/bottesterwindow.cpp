// SPDX-License-Identifier: GPL-3.0-or-later
#include "bottesterwindow.h"

#include "api/botaddress.h"
#include "api/chatanswer.h"
#include "api/choicereply.h"
#include "api/filetyperules.h"
#include "engine/failurewording.h"
#include "engine/uploadengine.h"
#include "profile.h"
#include "system/nativefileinfo.h"
#include "system/nativepath.h"
#include "themecolors.h"
#include "transcriptview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Typebot;

namespace {

constexpr int ChoiceColumns = 3;

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths << Typebot::NativePath::fromFileUrl(url); // every byte of the name
    }
    return paths;
}

// A button's text for an item: the card's button next to its title, the picture's title.
QString choiceLabel(const ChatChoice &item)
{
    if (!item.buttons.isEmpty() && !item.buttons.constFirst().text.isEmpty())
        return QStringLiteral("%1: %2").arg(item.content, item.buttons.constFirst().text);
    return item.content;
}

} // namespace

BotTesterWindow::BotTesterWindow(QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_nam(new QNetworkAccessManager(this)),
      m_chat(new ChatSession(m_nam, this)),
      m_engine(new UploadEngine(this)),
      m_urlEdit(new QLineEdit(this)),
      m_botEdit(new QLineEdit(this)),
      m_previewBox(new QCheckBox(tr("Pre&view"), this)),
      m_startButton(new QPushButton(tr("&Start"), this)),
      m_copyButton(new QPushButton(tr("&Copy Transcript"), this)),
      m_transcript(new TranscriptView(this)),
      m_chatProgress(new QProgressBar(this)),
      m_inputStack(new QStackedWidget(this))
{
    setWindowTitle(tr("Test a Bot"));
    setObjectName(QStringLiteral("botTesterWindow"));
    setAcceptDrops(true);

    m_urlEdit->setObjectName(QStringLiteral("botTesterUrl"));
    m_urlEdit->setPlaceholderText(tr("https://viewer.example.com/api"));
    m_urlEdit->setToolTip(tr("The Typebot viewer or its API; a bot link below replaces it"));
    m_urlEdit->setText(m_endpoint.apiBase.toString());
    m_botEdit->setObjectName(QStringLiteral("botTesterBot"));
    m_botEdit->setPlaceholderText(tr("my-bot, or https://viewer.example.com/my-bot"));
    m_previewBox->setObjectName(QStringLiteral("botTesterPreview"));
    m_previewBox->setToolTip(tr("Chat with the bot as last edited, not as published: give its "
                                "typebot id; the profile's API token is sent"));
    m_startButton->setObjectName(QStringLiteral("botTesterStart"));
    m_copyButton->setObjectName(QStringLiteral("botTesterCopy"));
    m_copyButton->setToolTip(tr("Copy the conversation as text"));
    m_transcript->setObjectName(QStringLiteral("botTesterTranscript"));
    m_transcript->setMinimumHeight(140);
    m_chatProgress->setObjectName(QStringLiteral("botTesterProgress"));
    m_chatProgress->setRange(0, 100);
    m_chatProgress->setMaximumHeight(12);
    m_chatProgress->setTextVisible(false);
    m_chatProgress->setToolTip(tr("The bot's progress bar"));
    m_chatProgress->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Viewer URL:"), m_urlEdit);
    auto *botRow = new QHBoxLayout;
    botRow->addWidget(m_botEdit, 1);
    botRow->addWidget(m_previewBox);
    botRow->addWidget(m_startButton);
    botRow->addWidget(m_copyButton);
    // A label for a layout row gets no buddy by itself, so its mnemonic would show as "&".
    auto *botLabel = new QLabel(tr("&Bot:"), this);
    botLabel->setBuddy(m_botEdit);
    form->addRow(botLabel, botRow);

    m_inputStack->addWidget(createStartPage());
    m_inputStack->addWidget(createTextPage());
    m_inputStack->addWidget(createChoicePage());
    m_inputStack->addWidget(createFilesPage());
    m_inputStack->addWidget(createEndedPage());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_chatProgress);
    layout->addWidget(m_inputStack);
    setPage(Page::Start);

    // Escape closes the window, as it would a dialog; the chat stays as it is.
    auto *close = new QShortcut(QKeySequence::Cancel, this);
    close->setContext(Qt::WindowShortcut);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    connect(m_startButton, &QPushButton::clicked, this, &BotTesterWindow::start);
    connect(m_botEdit, &QLineEdit::returnPressed, this, &BotTesterWindow::start);
    connect(m_copyButton, &QPushButton::clicked, this, &BotTesterWindow::copyTranscript);
    connect(m_chat, &ChatSession::stateChanged, this, &BotTesterWindow::handleStateChanged);
    connect(m_chat, &ChatSession::answerSent, this, &BotTesterWindow::handleAnswerSent);
    connect(m_chat, &ChatSession::responseReceived, this, &BotTesterWindow::handleResponse);
    connect(m_chat, &ChatSession::failed, this, &BotTesterWindow::handleFailed);
    connect(m_engine, &UploadEngine::jobsChanged, this, &BotTesterWindow::handleJobsChanged);
    connect(m_engine, &UploadEngine::jobFinished, this, &BotTesterWindow::handleJobFinished);
    fitToScreen();
    updateButtons();
}

BotTesterWindow::BotTesterWindow(const EndpointSettings &endpoint, QWidget *parent)
    : BotTesterWindow(parent)
{
    setEndpoint(endpoint);
}

BotTesterWindow::~BotTesterWindow()
{
    m_chat->cancel();
    m_engine->cancelAll();
}

void BotTesterWindow::fitToScreen()
{
    // 640×640 where there is room; never more than the screen has (1366×768 laptops lose
    // a panel and the title bar to that).
    QSize size(640, 640);
    if (const QScreen *screen = QApplication::primaryScreen()) {
        const QSize available = screen->availableGeometry().size();
        size = size.boundedTo(QSize(available.width() - 40, available.height() - 60));
    }
    resize(size.expandedTo(minimumSizeHint()));
}

QWidget *BotTesterWindow::createStartPage()
{
    auto *page = new QLabel(tr("Enter the bot's id or link, then press Start."));
    page->setWordWrap(true);
    return page;
}

QWidget *BotTesterWindow::createTextPage()
{
    auto *page = new QWidget;
    m_textPrompt = new QLabel(page);
    m_textPrompt->setWordWrap(true);
    m_textPrompt->hide();
    m_textEdit = new QLineEdit(page);
    m_textEdit->setObjectName(QStringLiteral("botTesterAnswer"));
    m_sendButton = new QPushButton(tr("Se&nd"), page);
    m_sendButton->setObjectName(QStringLiteral("botTesterSend"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_textEdit, 1);
    row->addWidget(m_sendButton);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_textPrompt);
    layout->addLayout(row);
    connect(m_sendButton, &QPushButton::clicked, this, [this] { sendText(m_textEdit->text()); });
    connect(m_textEdit, &QLineEdit::returnPressed, this, [this] { sendText(m_textEdit->text()); });
    connect(m_textEdit, &QLineEdit::textChanged, this, &BotTesterWindow::updateButtons);
    return page;
}

QWidget *BotTesterWindow::createChoicePage()
{
    auto *page = new QWidget;
    m_choicePrompt = new QLabel(tr("Choose an answer:"), page);
    m_choicePrompt->setWordWrap(true);
    m_choiceButtons = new QWidget(page);
    m_choiceLayout = new QGridLayout(m_choiceButtons);
    m_choiceLayout->setContentsMargins(0, 0, 0, 0);
    m_sendChoices = new QPushButton(tr("Se&nd"), page);
    m_sendChoices->setObjectName(QStringLiteral("botTesterSendChoices"));
    auto *sendRow = new QHBoxLayout;
    sendRow->addStretch(1);
    sendRow->addWidget(m_sendChoices);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choicePrompt);
    layout->addWidget(m_choiceButtons);
    layout->addLayout(sendRow);
    connect(m_sendChoices, &QPushButton::clicked, this, &BotTesterWindow::sendChosen);
    return page;
}

QWidget *BotTesterWindow::createFilesPage()
{
    auto *page = new QWidget;
    m_dropArea = new QFrame(page);
    m_dropArea->setObjectName(QStringLiteral("botTesterDropArea"));
    m_dropArea->setFrameShape(QFrame::StyledPanel);
    m_dropArea->setStyleSheet(QStringLiteral(
            "#botTesterDropArea { border: 2px dashed palette(mid); border-radius: 6px; }"));
    m_fileRules = new QLabel(m_dropArea);
    m_fileRules->setObjectName(QStringLiteral("botTesterFileRules"));
    m_fileRules->setWordWrap(true);
    m_fileRules->setTextFormat(Qt::PlainText);
    m_addFilesButton = new QPushButton(tr("&Add Files…"), m_dropArea);
    m_addFilesButton->setObjectName(QStringLiteral("botTesterAddFiles"));
    auto *dropLayout = new QVBoxLayout(m_dropArea);
    auto *dropHint = new QLabel(tr("Drop files here, or"), m_dropArea);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(dropHint);
    addRow->addWidget(m_addFilesButton);
    addRow->addStretch(1);
    dropLayout->addWidget(m_fileRules);
    dropLayout->addLayout(addRow);

    m_fileList = new QTreeWidget(page);
    m_fileList->setObjectName(QStringLiteral("botTesterFiles"));
    m_fileList->setColumnCount(FileColumnCount);
    m_fileList->setHeaderLabels({ tr("File"), tr("Progress"), tr("Status") });
    m_fileList->setRootIsDecorated(false);
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->setMaximumHeight(130);
    m_fileList->header()->setStretchLastSection(true);
    m_fileList->setColumnWidth(NameColumn, 180);
    m_fileList->setColumnWidth(ProgressColumn, 120);
    m_fileList->setToolTip(tr("Enter submits the files; Delete removes the selected ones"));
    // On the list: Enter submits (once every file is stored), Delete removes a file.
    for (const QKeySequence &key : { QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) }) {
        auto *submit = new QShortcut(key, m_fileList);
        submit->setContext(Qt::WidgetShortcut);
        connect(submit, &QShortcut::activated, this, &BotTesterWindow::submitFiles);
    }
    auto *remove = new QShortcut(QKeySequence::Delete, m_fileList);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &BotTesterWindow::removeSelectedFiles);

    m_removeFileButton = new QPushButton(tr("&Remove"), page);
    m_removeFileButton->setObjectName(QStringLiteral("botTesterRemoveFile"));
    m_removeFileButton->setToolTip(tr("Remove the selected files from this answer"));
    m_clearFilesButton = new QPushButton(tr("C&lear Files"), page);
    m_skip = new QPushButton(tr("S&kip"), page);
    m_skip->setObjectName(QStringLiteral("botTesterSkip"));
    m_submit = new QPushButton(tr("S&ubmit Files"), page);
    m_submit->setObjectName(QStringLiteral("botTesterSubmit"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_removeFileButton);
    buttons->addWidget(m_clearFilesButton);
    buttons->addStretch(1);
    buttons->addWidget(m_skip);
    buttons->addWidget(m_submit);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dropArea);
    layout->addWidget(m_fileList);
    layout->addLayout(buttons);

    connect(m_addFilesButton, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Files for the Bot"));
        if (!paths.isEmpty())
            addFiles(paths);
        // Back where the files are: Enter submits them from here.
        m_fileList->setFocus(Qt::OtherFocusReason);
    });
    connect(m_fileList, &QTreeWidget::itemSelectionChanged, this, &BotTesterWindow::updateButtons);
    connect(m_removeFileButton, &QPushButton::clicked, this, &BotTesterWindow::removeSelectedFiles);
    connect(m_clearFilesButton, &QPushButton::clicked, this, &BotTesterWindow::clearFiles);
    connect(m_skip, &QPushButton::clicked, this, &BotTesterWindow::skipFiles);
    connect(m_submit, &QPushButton::clicked, this, &BotTesterWindow::submitFiles);
    return page;
}

QWidget *BotTesterWindow::createEndedPage()
{
    m_endedLabel = new QLabel;
    m_endedLabel->setWordWrap(true);
    return m_endedLabel;
}

void BotTesterWindow::setEndpoint(const EndpointSettings &endpoint)
{
    m_endpoint = endpoint;
    m_urlEdit->setText(endpoint.apiBase.toString());
}

void BotTesterWindow::setBotText(const QString &botIdOrLink)
{
    m_botEdit->setText(botIdOrLink);
}

void BotTesterWindow::setPreview(bool preview)
{
    m_previewBox->setChecked(preview);
}

bool BotTesterWindow::isPreview() const
{
    return m_previewBox->isChecked();
}

QUrl BotTesterWindow::apiBaseFromField() const
{
    QUrl url = QUrl::fromUserInput(m_urlEdit->text().trimmed());
    if (!url.isValid())
        return url;
    // A viewer's address serves its API under /api.
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(u"/api"))
        path += QStringLiteral("/api");
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void BotTesterWindow::start()
{
    QString error;
    const std::optional<BotAddress> bot = BotAddress::parse(m_botEdit->text().trimmed(), &error);
    m_restarting = true;
    m_chat->cancel();
    m_restarting = false;
    abortUploads();
    m_transcript->clearEntries();
    m_startingNotice = -1;
    m_input.reset();
    m_chatProgress->hide();
    const auto refuse = [this](const QString &problem) {
        m_transcript->addEntry(TranscriptView::Role::Error, problem);
        setPage(Page::Start);
        updateButtons();
    };
    if (!bot)
        return refuse(error);
    EndpointSettings endpoint = m_endpoint;
    if (!m_urlEdit->text().trimmed().isEmpty())
        endpoint.apiBase = apiBaseFromField();
    if (bot->apiBase.isEmpty()) {
        // The chat has no session yet; only the address and the http policy matter here.
        EndpointSettings check = endpoint;
        check.sessionId = QStringLiteral("-");
        const QString problem = check.validate();
        if (!problem.isEmpty())
            return refuse(problem);
    }
    if (isPreview() && endpoint.token.isEmpty())
        return refuse(tr("A preview needs the profile's API token (Settings, the profile's "
                         "token); without it the server answers 401."));
    m_chat->setEndpoint(endpoint);
    m_startingNotice = m_transcript->entries().size();
    m_transcript->addEntry(TranscriptView::Role::Notice,
                           isPreview() ? tr("Starting a preview chat with “%1”…").arg(bot->publicId)
                                       : tr("Starting a chat with “%1”…").arg(bot->publicId));
    if (isPreview()) {
        if (!bot->apiBase.isEmpty()) {
            endpoint.apiBase = bot->apiBase;
            m_chat->setEndpoint(endpoint);
        }
        m_chat->startPreview(bot->publicId);
    } else {
        m_chat->start(*bot);
    }
    m_startButton->setText(tr("&Restart"));
    updateButtons();
}

void BotTesterWindow::forgetStartingNotice()
{
    if (m_startingNotice < 0)
        return;
    m_transcript->removeEntry(m_startingNotice);
    m_startingNotice = -1;
}

void BotTesterWindow::sendText(const QString &text)
{
    if (!m_input || m_chat->isBusy())
        return;
    if (m_input->kind == ChatInput::Kind::Choice) {
        const ChoiceReply::Match match = ChoiceReply::match(*m_input, { text });
        if (match.isValid())
            m_chat->answer(ChoiceReply::answer(*m_input, match.choices));
        return;
    }
    if (m_input->kind == ChatInput::Kind::File || m_input->kind == ChatInput::Kind::Payment)
        return;
    if (text.trimmed().isEmpty())
        return;
    if (m_chat->answer(ChatAnswer::fromText(text.trimmed())))
        m_textEdit->clear();
}

void BotTesterWindow::choose(int index)
{
    if (!m_input || m_input->kind != ChatInput::Kind::Choice || index < 0
        || index >= m_input->items.size())
        return;
    if (m_input->isMultipleChoice) {
        // A multiple choice collects; Send answers.
        if (auto *button = m_choiceButtons->findChild<QPushButton *>(
                    QStringLiteral("botTesterChoice%1").arg(index)))
            button->toggle();
        return;
    }
    m_chat->answer(ChoiceReply::answer(*m_input, { m_input->items.at(index) }));
}

void BotTesterWindow::sendChosen()
{
    if (!m_input || m_input->kind != ChatInput::Kind::Choice)
        return;
    QList<ChatChoice> chosen;
    for (int i = 0; i < int(m_input->items.size()); ++i) {
        const auto *button = m_choiceButtons->findChild<QPushButton *>(
                QStringLiteral("botTesterChoice%1").arg(i));
        if (button && button->isChecked())
            chosen << m_input->items.at(i);
    }
    if (!chosen.isEmpty())
        m_chat->answer(ChoiceReply::answer(*m_input, chosen));
}

int BotTesterWindow::refusedCount() const
{
    int refused = 0;
    for (const FileRow &row : m_files)
        refused += row.refusal.isEmpty() ? 0 : 1;
    return refused;
}

QStringList BotTesterWindow::addFiles(const QStringList &paths)
{
    QStringList refusals;
    if (!m_input || m_input->kind != ChatInput::Kind::File)
        return refusals;
    const FileInputOptions &options = m_input->file;
    const FileTypeRules rules = options.rules();
    const auto naming = FileTypeRules::namingFor(m_engine->config().knownServer);
    int kept = 0;
    for (const FileRow &row : std::as_const(m_files))
        kept += row.refusal.isEmpty() ? 1 : 0;
    for (const QString &path : paths) {
        // By the name's bytes, which may not be UTF-8 (NativePath).
        const Typebot::NativeFileInfo info(path);
        const QString name = Typebot::NativePath::displayName(path);
        QString refusal;
        if (!info.isFile())
            refusal = tr("not a file");
        else
            refusal = rules.check(name, FileTypeRules::mimeTypeForFile(path), naming).reason;
        if (refusal.isEmpty() && !options.isMultipleAllowed && kept >= 1)
            refusal = tr("the bot takes only one file; remove the other one first");
        if (refusal.isEmpty())
            ++kept;
        else
            refusals << name + QStringLiteral(": ") + refusal;
        addFileRow(Typebot::NativePath::absolute(path), refusal);
    }
    startWaitingUploads();
    updateButtons();
    Q_EMIT filesChanged();
    return refusals;
}

void BotTesterWindow::addFileRow(const QString &path, const QString &refusal)
{
    auto *item = new QTreeWidgetItem(m_fileList);
    item->setText(NameColumn, Typebot::NativePath::displayName(path));
    item->setToolTip(NameColumn, Typebot::NativePath::readable(path));
    m_files.append(FileRow{ item, path, refusal, 0, false, false, QString() });
    FileRow &row = m_files.last();
    if (!refusal.isEmpty())
        setRowStatus(row, tr("Refused: %1").arg(refusal), true);
    m_fileList->scrollToItem(item);
}

void BotTesterWindow::setRowStatus(FileRow &row, const QString &status, bool problem)
{
    row.item->setText(StatusColumn, status);
    row.item->setToolTip(StatusColumn, row.done ? row.fileUrl : status);
    row.item->setForeground(
            StatusColumn,
            problem ? QBrush(ThemeColors::text(ThemeColors::Tone::Error, m_fileList->palette()))
                    : QBrush());
}

void BotTesterWindow::startWaitingUploads()
{
    // The files listed are one answer: the bot takes them together or not at all, so none
    // is uploaded while one of them is refused.
    QList<FileRow *> waiting;
    for (FileRow &row : m_files) {
        if (row.refusal.isEmpty() && row.jobId == 0 && !row.done)
            waiting << &row;
    }
    if (refusedCount() > 0) {
        for (FileRow *row : std::as_const(waiting))
            setRowStatus(*row, tr("Held: remove the refused file first"), false);
        return;
    }
    if (waiting.isEmpty())
        return;
    EngineConfig config = m_engine->config();
    config.profileName = Profile::BotTestRecordedName; // History translates it when shown
    config.endpoint = m_chat->uploadEndpoint();
    // v3 wants the block the chat waits on (servers before 3.17 file uploads under it).
    config.blockId = m_input ? m_input->id : QString();
    m_engine->setConfig(config);
    QStringList paths;
    for (const FileRow *row : std::as_const(waiting))
        paths << row->path;
    const QList<quint64> ids = m_engine->addPaths(paths, false);
    for (qsizetype i = 0; i < ids.size() && i < waiting.size(); ++i) {
        FileRow &row = *waiting.at(i);
        row.jobId = ids.at(i);
        setRowStatus(row, tr("Waiting"), false);
        auto *bar = new QProgressBar(m_fileList);
        bar->setRange(0, 100);
        bar->setValue(0);
        bar->setMaximumHeight(16);
        m_fileList->setItemWidget(row.item, ProgressColumn, bar);
    }
}

void BotTesterWindow::updateFileRow(const JobSnapshot &job)
{
    for (FileRow &row : m_files) {
        if (row.jobId != job.id)
            continue;
        QString status;
        bool problem = false;
        int percent = job.size > 0 ? int(job.bytesSent * 100 / job.size) : 0;
        switch (job.state) {
        case JobState::Value::Queued:
            status = tr("Waiting");
            break;
        case JobState::Value::RequestingTicket:
            status = tr("Asking for an upload slot…");
            break;
        case JobState::Value::Uploading:
        case JobState::Value::Finishing:
            status = tr("Uploading…");
            break;
        case JobState::Value::WaitingToRetry:
            status = tr("Retrying soon: %1")
                             .arg(Typebot::FailureWording::whatHappened(job.failure, job.size));
            break;
        case JobState::Value::Done:
            status = tr("Stored");
            percent = 100;
            row.done = true;
            row.fileUrl = job.fileUrl;
            break;
        case JobState::Value::Failed:
            status = tr("Failed: %1")
                             .arg(Typebot::FailureWording::explanation(
                                     job.failure, Typebot::FailureWording::Outlook::Final,
                                     job.size));
            row.failed = true;
            problem = true;
            break;
        case JobState::Value::Canceled:
            status = tr("Canceled");
            row.failed = true;
            break;
        }
        setRowStatus(row, status, problem);
        if (auto *bar =
                    qobject_cast<QProgressBar *>(m_fileList->itemWidget(row.item, ProgressColumn)))
            bar->setValue(percent);
        return;
    }
}

void BotTesterWindow::handleJobsChanged(const QList<JobSnapshot> &jobs)
{
    for (const JobSnapshot &job : jobs)
        updateFileRow(job);
    Q_EMIT filesChanged();
}

void BotTesterWindow::handleJobFinished(const JobSnapshot &job)
{
    updateFileRow(job);
    if (job.state == JobState::Value::Done)
        Q_EMIT uploadStored(job);
    if (m_submitWhenStored) {
        bool running = false;
        bool failed = false;
        for (const FileRow &row : std::as_const(m_files)) {
            running = running || (row.jobId != 0 && !row.done && !row.failed);
            failed = failed || row.failed;
        }
        if (failed)
            m_submitWhenStored = false; // the person decides what to do about it
        else if (!running && canSubmit())
            submitFiles();
    }
    updateButtons();
    Q_EMIT filesChanged();
}

void BotTesterWindow::removeFile(int row)
{
    if (row < 0 || row >= m_files.size())
        return;
    const FileRow removed = m_files.takeAt(row);
    if (removed.jobId != 0)
        m_engine->remove({ removed.jobId });
    delete removed.item;
    // With the refused file gone, the others may go.
    startWaitingUploads();
    updateButtons();
    Q_EMIT filesChanged();
}

void BotTesterWindow::removeSelectedFiles()
{
    for (int i = int(m_files.size()) - 1; i >= 0; --i) {
        if (m_files.at(i).item->isSelected())
            removeFile(i);
    }
}

void BotTesterWindow::clearFiles()
{
    abortUploads();
    updateButtons();
    Q_EMIT filesChanged();
}

void BotTesterWindow::abortUploads()
{
    QList<quint64> ids;
    for (const FileRow &row : std::as_const(m_files)) {
        if (row.jobId != 0)
            ids << row.jobId;
    }
    if (!ids.isEmpty())
        m_engine->remove(ids);
    m_files.clear();
    m_fileList->clear();
    m_submitWhenStored = false;
}

bool BotTesterWindow::canSubmit() const
{
    if (!m_chat->isWaitingForFiles() || m_files.isEmpty())
        return false;
    for (const FileRow &row : m_files) {
        if (!row.done)
            return false;
    }
    return true;
}

void BotTesterWindow::submitFiles()
{
    if (!m_chat->isWaitingForFiles() || m_chat->isBusy())
        return;
    if (!canSubmit()) {
        // Still uploading: send as soon as the last file is stored.
        bool uploading = false;
        for (const FileRow &row : std::as_const(m_files)) {
            if (!row.refusal.isEmpty() || row.failed)
                return;
            uploading = uploading || (row.jobId != 0 && !row.done);
        }
        m_submitWhenStored = uploading;
        updateButtons();
        return;
    }
    m_submitWhenStored = false;
    QStringList urls;
    for (const FileRow &row : std::as_const(m_files))
        urls << row.fileUrl;
    m_chat->answer(ChatAnswer::fromFiles(urls));
}

void BotTesterWindow::skipFiles()
{
    if (m_input && m_input->kind == ChatInput::Kind::File && !m_input->file.isRequired)
        m_chat->answer(ChatAnswer::skipped());
}

void BotTesterWindow::copyTranscript() const
{
    QApplication::clipboard()->setText(m_transcript->transcriptText());
}

void BotTesterWindow::setPage(Page page)
{
    // A stack is as tall as its tallest page; ignoring the hidden ones leaves the room to
    // the transcript while a one-line answer is asked for.
    for (int i = 0; i < m_inputStack->count(); ++i) {
        const QSizePolicy::Policy policy =
                i == int(page) ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_inputStack->widget(i)->setSizePolicy(QSizePolicy::Preferred, policy);
    }
    m_inputStack->setCurrentIndex(int(page));
    m_inputStack->adjustSize();
    m_inputStack->updateGeometry();
}

BotTesterWindow::Page BotTesterWindow::page() const
{
    return Page(m_inputStack->currentIndex());
}

QString BotTesterWindow::fileRulesText() const
{
    return m_fileRules->text();
}

void BotTesterWindow::showInput(const std::optional<ChatInput> &input)
{
    m_input = input;
    if (!input) {
        m_endedLabel->setText(tr("The bot ended the conversation."));
        setPage(Page::Ended);
        return;
    }
    switch (input->kind) {
    case ChatInput::Kind::Text:
    case ChatInput::Kind::Other:
        m_textPrompt->setVisible(input->type != u"text input");
        m_textPrompt->setText(
                input->kind == ChatInput::Kind::Other
                        ? tr("The bot asks for a “%1”, which this window answers as text:")
                                  .arg(input->type)
                        : tr("The bot asks for a “%1”; the server reads your text:")
                                  .arg(input->type));
        m_textEdit->setPlaceholderText(input->placeholder.isEmpty() ? tr("Your answer")
                                                                    : input->placeholder);
        setPage(Page::Text);
        m_textEdit->setFocus();
        break;
    case ChatInput::Kind::Choice:
        showChoices(*input);
        setPage(Page::Choice);
        break;
    case ChatInput::Kind::File:
        showFileInput(input->file);
        setPage(Page::Files);
        break;
    case ChatInput::Kind::Payment:
        m_endedLabel->setText(tr("The bot asks for a payment, which only a browser can make "
                                 "(the payment provider's form). Open the bot in a browser to "
                                 "go on."));
        setPage(Page::Ended);
        break;
    }
}

void BotTesterWindow::showChoices(const ChatInput &input)
{
    while (QLayoutItem *item = m_choiceLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_choicePrompt->setText(input.isMultipleChoice ? tr("Choose one or more, then Send:")
                                                   : tr("Choose an answer:"));
    for (int i = 0; i < int(input.items.size()); ++i) {
        const ChatChoice &item = input.items.at(i);
        auto *button = new QPushButton(choiceLabel(item), m_choiceButtons);
        button->setObjectName(QStringLiteral("botTesterChoice%1").arg(i));
        button->setCheckable(input.isMultipleChoice);
        QStringList tip;
        if (item.replyText() != item.content)
            tip << tr("Sent as “%1”").arg(item.replyText());
        if (!item.pictureSrc.isEmpty())
            tip << item.pictureSrc;
        if (!item.description.isEmpty())
            tip << item.description;
        button->setToolTip(tip.join(u'\n'));
        if (!input.isMultipleChoice)
            connect(button, &QPushButton::clicked, this, [this, i] { choose(i); });
        m_choiceLayout->addWidget(button, i / ChoiceColumns, i % ChoiceColumns);
    }
    m_sendChoices->setVisible(input.isMultipleChoice);
}

void BotTesterWindow::showFileInput(const FileInputOptions &options)
{
    abortUploads();
    const FileTypeRules rules = options.rules();
    QStringList lines;
    lines << (options.isMultipleAllowed ? tr("The bot asks for one or more files.")
                                        : tr("The bot asks for one file."));
    lines << (rules.isRestricted() ? tr("Allowed types: %1.").arg(rules.listedText())
                                   : tr("Any type of file is allowed."));
    if (rules.isRestricted() && !rules.unmatchedTypes().isEmpty())
        lines << tr("Typebot's server cannot match %1: such files are refused.")
                         .arg(rules.unmatchedTypes().join(QStringLiteral(", ")));
    lines << (options.isRequired ? tr("Required: the bot waits until files are submitted.")
                                 : tr("Optional: you can skip it."));
    m_fileRules->setText(lines.join(u'\n'));
    m_skip->setVisible(!options.isRequired);
    m_skip->setText(options.skipLabel.isEmpty() ? tr("S&kip") : options.skipLabel);
}

void BotTesterWindow::updateButtons()
{
    const bool busy = m_chat->isBusy();
    m_inputStack->setEnabled(!busy);
    m_copyButton->setEnabled(!m_transcript->entries().isEmpty());
    if (m_sendButton)
        m_sendButton->setEnabled(!m_textEdit->text().trimmed().isEmpty());
    if (m_submit) {
        bool uploading = false;
        for (const FileRow &row : std::as_const(m_files))
            uploading = uploading || (row.jobId != 0 && !row.done && !row.failed);
        m_submit->setEnabled(canSubmit() || (uploading && refusedCount() == 0));
        m_submit->setText(m_submitWhenStored ? tr("Submitting When Stored…") : tr("S&ubmit Files"));
        m_clearFilesButton->setEnabled(!m_files.isEmpty());
        m_removeFileButton->setEnabled(!m_fileList->selectedItems().isEmpty());
    }
}

void BotTesterWindow::handleStateChanged(ChatSession::State state)
{
    Q_UNUSED(state)
    updateButtons();
}

void BotTesterWindow::handleAnswerSent(const ChatAnswer &answer)
{
    m_transcript->addEntry(TranscriptView::Role::User,
                           answer.kind == ChatAnswer::Kind::Skip ? tr("(skipped)")
                                                                 : answer.displayText());
    updateButtons();
}

void BotTesterWindow::handleResponse(const ChatResponse &response, bool answerRejected)
{
    forgetStartingNotice();
    if (response.lastMessageNewFormat)
        m_transcript->addEntry(
                TranscriptView::Role::Notice,
                tr("The bot recorded your answer as: %1").arg(*response.lastMessageNewFormat));
    if (answerRejected)
        m_transcript->addEntry(TranscriptView::Role::Notice,
                               tr("The bot did not accept that answer and asks again."));
    for (const ChatMessage &message : response.messages)
        m_transcript->addEntry(TranscriptView::Role::Bot, message.displayText());
    for (const QString &log : response.logs)
        m_transcript->addEntry(TranscriptView::Role::Notice, tr("Log: %1").arg(log));
    if (response.progress) {
        m_chatProgress->setValue(qRound(*response.progress));
        m_chatProgress->setToolTip(tr("The bot's progress: %1%").arg(qRound(*response.progress)));
        m_chatProgress->show();
    }
    // A refused file answer asks again: keep what was listed so one file can be changed.
    const bool keepFiles = answerRejected && response.input && m_input
            && response.input->kind == ChatInput::Kind::File && !m_files.isEmpty();
    if (keepFiles) {
        m_input = response.input;
        setPage(Page::Files);
    } else {
        showInput(response.input);
    }
    updateButtons();
}

void BotTesterWindow::handleFailed(const ChatResult &result, const QString &message)
{
    if (m_restarting || result.canceled)
        return;
    forgetStartingNotice();
    m_transcript->addEntry(TranscriptView::Role::Error,
                           message.isEmpty() ? result.errorString() : message);
    switch (result.failure()) {
    case ChatResult::Failure::Network:
    case ChatResult::Failure::Timeout:
    case ChatResult::Failure::Server:
        // The session may still be alive: the same answer can be sent again.
        if (m_chat->currentInput() && !m_chat->sessionId().isEmpty()) {
            m_transcript->addEntry(TranscriptView::Role::Notice,
                                   tr("You can send the answer again, or restart."));
            showInput(m_chat->currentInput());
            break;
        }
        [[fallthrough]];
    default:
        m_input.reset();
        m_endedLabel->setText(tr("The chat stopped. Restart to begin a new one."));
        setPage(Page::Ended);
        break;
    }
    updateButtons();
}

void BotTesterWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (page() == Page::Files && m_inputStack->isEnabled()
        && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void BotTesterWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (page() != Page::Files || paths.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(paths);
    m_fileList->setFocus(Qt::OtherFocusReason);
}
