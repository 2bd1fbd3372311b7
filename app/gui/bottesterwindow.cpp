// SPDX-License-Identifier: GPL-3.0-or-later
#include "bottesterwindow.h"

#include "api/botaddress.h"
#include "api/chatanswer.h"
#include "engine/uploadengine.h"
#include "transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Typebot;

namespace {

enum Column { NameColumn, ProgressColumn, StatusColumn, ColumnCount };

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

BotTesterWindow::BotTesterWindow(QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_nam(new QNetworkAccessManager(this)),
      m_chat(new ChatSession(m_nam, this)),
      m_engine(new UploadEngine(this)),
      m_urlEdit(new QLineEdit(this)),
      m_botEdit(new QLineEdit(this)),
      m_startButton(new QPushButton(tr("&Start"), this)),
      m_copyButton(new QPushButton(tr("&Copy Transcript"), this)),
      m_transcript(new TranscriptView(this)),
      m_inputStack(new QStackedWidget(this))
{
    setWindowTitle(tr("Test a Bot"));
    setObjectName(QStringLiteral("botTesterWindow"));
    setAcceptDrops(true);
    resize(640, 720);

    m_urlEdit->setObjectName(QStringLiteral("botTesterUrl"));
    m_urlEdit->setPlaceholderText(tr("https://viewer.example.com/api"));
    m_urlEdit->setToolTip(tr("The Typebot viewer or its API; a bot link below replaces it"));
    m_urlEdit->setText(m_endpoint.apiBase.toString());
    m_botEdit->setObjectName(QStringLiteral("botTesterBot"));
    m_botEdit->setPlaceholderText(tr("my-bot, or https://viewer.example.com/my-bot"));
    m_startButton->setObjectName(QStringLiteral("botTesterStart"));
    m_startButton->setDefault(true);
    m_copyButton->setObjectName(QStringLiteral("botTesterCopy"));
    m_copyButton->setToolTip(tr("Copy the conversation as text"));
    m_transcript->setObjectName(QStringLiteral("botTesterTranscript"));
    m_transcript->setMinimumHeight(200);

    auto *form = new QFormLayout;
    form->addRow(tr("&Viewer URL:"), m_urlEdit);
    auto *botRow = new QHBoxLayout;
    botRow->addWidget(m_botEdit, 1);
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
    layout->addWidget(m_inputStack);
    setPage(Page::Start);

    connect(m_startButton, &QPushButton::clicked, this, &BotTesterWindow::start);
    connect(m_botEdit, &QLineEdit::returnPressed, this, &BotTesterWindow::start);
    connect(m_copyButton, &QPushButton::clicked, this, &BotTesterWindow::copyTranscript);
    connect(m_chat, &ChatSession::stateChanged, this, &BotTesterWindow::handleStateChanged);
    connect(m_chat, &ChatSession::answerSent, this, &BotTesterWindow::handleAnswerSent);
    connect(m_chat, &ChatSession::responseReceived, this, &BotTesterWindow::handleResponse);
    connect(m_chat, &ChatSession::failed, this, &BotTesterWindow::handleFailed);
    connect(m_engine, &UploadEngine::jobsChanged, this, &BotTesterWindow::handleJobsChanged);
    connect(m_engine, &UploadEngine::jobFinished, this, &BotTesterWindow::handleJobFinished);
    updateButtons();
}

BotTesterWindow::~BotTesterWindow()
{
    m_chat->cancel();
    m_engine->cancelAll();
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
    m_choiceButtons = new QWidget(page);
    m_choiceLayout = new QHBoxLayout(m_choiceButtons);
    m_choiceLayout->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choicePrompt);
    layout->addWidget(m_choiceButtons);
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
    m_fileList->setColumnCount(ColumnCount);
    m_fileList->setHeaderLabels({ tr("File"), tr("Progress"), tr("Status") });
    m_fileList->setRootIsDecorated(false);
    m_fileList->setSelectionMode(QAbstractItemView::NoSelection);
    m_fileList->setMaximumHeight(130);
    m_fileList->header()->setStretchLastSection(true);
    m_fileList->setColumnWidth(NameColumn, 180);
    m_fileList->setColumnWidth(ProgressColumn, 120);

    m_clearFilesButton = new QPushButton(tr("C&lear Files"), page);
    m_skip = new QPushButton(tr("S&kip"), page);
    m_skip->setObjectName(QStringLiteral("botTesterSkip"));
    m_submit = new QPushButton(tr("S&ubmit Files"), page);
    m_submit->setObjectName(QStringLiteral("botTesterSubmit"));
    auto *buttons = new QHBoxLayout;
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
    });
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
    m_input.reset();
    if (!bot) {
        m_transcript->addEntry(TranscriptView::Role::Error, error);
        setPage(Page::Start);
        updateButtons();
        return;
    }
    EndpointSettings endpoint = m_endpoint;
    if (!m_urlEdit->text().trimmed().isEmpty())
        endpoint.apiBase = apiBaseFromField();
    if (bot->apiBase.isEmpty()) {
        // The chat has no session yet; only the address and the http policy matter here.
        EndpointSettings check = endpoint;
        check.sessionId = QStringLiteral("-");
        const QString problem = check.validate();
        if (!problem.isEmpty()) {
            m_transcript->addEntry(TranscriptView::Role::Error, problem);
            setPage(Page::Start);
            updateButtons();
            return;
        }
    }
    m_chat->setEndpoint(endpoint);
    m_transcript->addEntry(TranscriptView::Role::Notice,
                           tr("Starting a chat with “%1”…").arg(bot->publicId));
    m_chat->start(*bot);
    m_startButton->setText(tr("&Restart"));
    updateButtons();
}

void BotTesterWindow::sendText(const QString &text)
{
    if (!m_input || m_chat->isBusy())
        return;
    if (m_input->kind == ChatInput::Kind::Choice) {
        const std::optional<ChatChoice> choice = m_input->matchChoice(text);
        if (!choice)
            return;
        m_chat->answer(ChatAnswer::fromChoice(*choice));
        return;
    }
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
    m_chat->answer(ChatAnswer::fromChoice(m_input->items.at(index)));
}

QStringList BotTesterWindow::addFiles(const QStringList &paths)
{
    QStringList refusals;
    if (!m_input || m_input->kind != ChatInput::Kind::File)
        return refusals;
    const FileInputOptions &options = m_input->file;
    int accepted = 0;
    for (const FileRow &row : std::as_const(m_files)) {
        if (row.jobId != 0)
            ++accepted;
    }
    QStringList toUpload;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        QString refusal;
        if (!info.isFile())
            refusal = tr("not a file");
        else
            refusal = options.refusalFor(info.fileName());
        if (refusal.isEmpty() && !options.isMultipleAllowed && accepted + toUpload.size() >= 1)
            refusal = tr("the bot takes only one file");
        if (!refusal.isEmpty()) {
            refusals << info.fileName() + QStringLiteral(": ") + refusal;
            addFileRow(path, tr("Refused: %1").arg(refusal), 0);
            continue;
        }
        toUpload << info.absoluteFilePath();
    }
    if (!toUpload.isEmpty()) {
        EngineConfig config = m_engine->config();
        config.profileName = tr("Bot test");
        config.endpoint = m_chat->uploadEndpoint();
        // v3 wants the block the chat waits on (servers before 3.17 file uploads under it).
        config.blockId = m_input ? m_input->id : QString();
        m_engine->setConfig(config);
        const QList<quint64> ids = m_engine->addPaths(toUpload, false);
        for (qsizetype i = 0; i < ids.size() && i < toUpload.size(); ++i)
            addFileRow(toUpload.at(i), tr("Waiting"), ids.at(i));
    }
    updateButtons();
    Q_EMIT filesChanged();
    return refusals;
}

void BotTesterWindow::addFileRow(const QString &path, const QString &status, quint64 jobId)
{
    auto *item = new QTreeWidgetItem(m_fileList);
    item->setText(NameColumn, QFileInfo(path).fileName());
    item->setToolTip(NameColumn, path);
    item->setText(StatusColumn, status);
    item->setToolTip(StatusColumn, status);
    if (jobId == 0) {
        item->setForeground(StatusColumn, QColor(0xa1, 0x1d, 0x1d));
    } else {
        auto *bar = new QProgressBar(m_fileList);
        bar->setRange(0, 100);
        bar->setValue(0);
        bar->setMaximumHeight(16);
        m_fileList->setItemWidget(item, ProgressColumn, bar);
    }
    m_files.append(FileRow{ item, jobId, false, QString() });
    m_fileList->scrollToItem(item);
}

void BotTesterWindow::updateFileRow(const JobSnapshot &job)
{
    for (FileRow &row : m_files) {
        if (row.jobId != job.id)
            continue;
        QString status;
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
            status = tr("Retrying soon: %1").arg(job.retryReason);
            break;
        case JobState::Value::Done:
            status = tr("Stored");
            percent = 100;
            row.done = true;
            row.fileUrl = job.fileUrl;
            break;
        case JobState::Value::Failed:
            status = tr("Failed: %1").arg(job.errorMessage);
            row.item->setForeground(StatusColumn, QColor(0xa1, 0x1d, 0x1d));
            break;
        case JobState::Value::Canceled:
            status = tr("Canceled");
            break;
        }
        row.item->setText(StatusColumn, status);
        row.item->setToolTip(StatusColumn,
                             job.state == JobState::Value::Done ? job.fileUrl : status);
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
    updateButtons();
    Q_EMIT filesChanged();
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
}

bool BotTesterWindow::canSubmit() const
{
    if (!m_chat->isWaitingForFiles())
        return false;
    int stored = 0;
    for (const FileRow &row : m_files) {
        if (row.jobId == 0)
            continue;
        if (!row.done)
            return false;
        ++stored;
    }
    return stored > 0;
}

void BotTesterWindow::submitFiles()
{
    if (!canSubmit())
        return;
    QStringList urls;
    for (const FileRow &row : std::as_const(m_files)) {
        if (row.jobId != 0 && row.done)
            urls << row.fileUrl;
    }
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
        m_textPrompt->setVisible(input->kind == ChatInput::Kind::Other);
        m_textPrompt->setText(
                tr("The bot asks for a “%1”, which this window answers as text:").arg(input->type));
        m_textEdit->setPlaceholderText(input->placeholder.isEmpty() ? tr("Your answer")
                                                                    : input->placeholder);
        setPage(Page::Text);
        m_textEdit->setFocus();
        break;
    case ChatInput::Kind::Choice: {
        while (QLayoutItem *item = m_choiceLayout->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (int i = 0; i < int(input->items.size()); ++i) {
            auto *button = new QPushButton(input->items.at(i).content, m_choiceButtons);
            button->setObjectName(QStringLiteral("botTesterChoice%1").arg(i));
            connect(button, &QPushButton::clicked, this, [this, i] { choose(i); });
            m_choiceLayout->addWidget(button);
        }
        m_choiceLayout->addStretch(1);
        setPage(Page::Choice);
        break;
    }
    case ChatInput::Kind::File:
        showFileInput(input->file);
        setPage(Page::Files);
        break;
    }
}

void BotTesterWindow::showFileInput(const FileInputOptions &options)
{
    abortUploads();
    QStringList rules;
    rules << (options.isMultipleAllowed ? tr("The bot asks for one or more files.")
                                        : tr("The bot asks for one file."));
    rules << (options.typesRestricted && !options.allowedTypes.isEmpty()
                      ? tr("Allowed types: %1.").arg(options.allowedTypesText())
                      : tr("Any type of file is allowed."));
    rules << (options.isRequired ? tr("Required: the bot waits until files are submitted.")
                                 : tr("Optional: you can skip it."));
    m_fileRules->setText(rules.join(u'\n'));
    m_skip->setVisible(!options.isRequired);
    if (!options.skipLabel.isEmpty())
        m_skip->setText(options.skipLabel);
}

void BotTesterWindow::updateButtons()
{
    const bool busy = m_chat->isBusy();
    m_inputStack->setEnabled(!busy);
    m_copyButton->setEnabled(!m_transcript->entries().isEmpty());
    if (m_sendButton)
        m_sendButton->setEnabled(!m_textEdit->text().trimmed().isEmpty());
    if (m_submit) {
        m_submit->setEnabled(canSubmit());
        m_clearFilesButton->setEnabled(!m_files.isEmpty());
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
    if (answerRejected)
        m_transcript->addEntry(TranscriptView::Role::Notice,
                               tr("The bot did not accept that answer and asks again."));
    for (const ChatMessage &message : response.messages) {
        if (message.kind == ChatMessage::Kind::Text || message.url.isEmpty())
            m_transcript->addEntry(TranscriptView::Role::Bot, message.text);
        else
            m_transcript->addEntry(TranscriptView::Role::Bot,
                                   tr("[%1] %2").arg(message.type, message.url));
    }
    showInput(response.input);
    updateButtons();
}

void BotTesterWindow::handleFailed(const ChatResult &result, const QString &message)
{
    if (m_restarting || result.canceled)
        return;
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
}
