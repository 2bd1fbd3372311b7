// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/chatresponse.h"
#include "api/chatresult.h"
#include "api/chatsession.h"
#include "api/endpointsettings.h"
#include "engine/jobsnapshot.h"

#include <QList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

class TranscriptView;

namespace Typebot {
class UploadEngine;
}

// "Test a bot": chat with a published bot (or preview an unpublished one) as a user would,
// answer its questions inline, and at its file block upload files into this chat's
// session and submit their links as the web widget does. The files listed are one reply:
// they are checked by the server's own type rules before any upload, and while one of
// them is refused none is uploaded. Uploads are few here, so a private engine runs on the
// GUI thread.
class BotTesterWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotTesterWindow)

public:
    enum class Page { Start, Text, Choice, Files, Ended };
    enum FileColumn { NameColumn, ProgressColumn, StatusColumn, FileColumnCount };

    explicit BotTesterWindow(QWidget *parent = nullptr);
    // With the API to talk to; its token is used for previews of unpublished bots.
    explicit BotTesterWindow(const Typebot::EndpointSettings &endpoint, QWidget *parent = nullptr);
    ~BotTesterWindow() override;

    // The API to talk to (apiBase shown in the URL field; token, CA and http policy kept).
    void setEndpoint(const Typebot::EndpointSettings &endpoint);
    void setBotText(const QString &botIdOrLink);
    // Preview: start the bot's unpublished version by its typebot id, with the token.
    void setPreview(bool preview);
    bool isPreview() const;

    void start(); // Start and Restart: a new session
    void sendText(const QString &text); // text inputs; a choice by its label or value
    void choose(int index); // a single choice's button
    void sendChosen(); // the checked buttons of a multiple choice
    // Checks each file against the bot's rules and lists it; uploads start once nothing
    // listed is refused. Returns the refusals, "name: reason".
    QStringList addFiles(const QStringList &paths);
    void removeFile(int row); // a refused, waiting or stored file, on its own
    void removeSelectedFiles();
    void clearFiles();
    void skipFiles();
    // Submits the links; while uploads run, submits as soon as they are stored.
    void submitFiles();
    void copyTranscript() const;

    Page page() const;
    bool canSubmit() const; // every listed file stored, none refused
    bool isSubmitPending() const { return m_submitWhenStored; }
    TranscriptView *transcript() const { return m_transcript; }
    Typebot::ChatSession *session() const { return m_chat; }
    Typebot::UploadEngine *uploadEngine() const { return m_engine; }
    QTreeWidget *fileList() const { return m_fileList; }
    QPushButton *submitButton() const { return m_submit; }
    QProgressBar *chatProgressBar() const { return m_chatProgress; }
    QString fileRulesText() const;

Q_SIGNALS:
    void filesChanged(); // a file was added, refused, removed, progressed or finished
    // A file was stored in the chat's session: for the application's history.
    void uploadStored(const Typebot::JobSnapshot &job);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct FileRow
    {
        QTreeWidgetItem *item = nullptr;
        QString path;
        QString refusal; // non-empty: refused before upload
        quint64 jobId = 0; // 0: not handed to the engine (refused, or waiting)
        bool done = false;
        bool failed = false;
        QString fileUrl;
    };

    QWidget *createStartPage();
    QWidget *createTextPage();
    QWidget *createChoicePage();
    QWidget *createFilesPage();
    QWidget *createEndedPage();
    void setPage(Page page);
    void showInput(const std::optional<Typebot::ChatInput> &input);
    void showChoices(const Typebot::ChatInput &input);
    void showFileInput(const Typebot::FileInputOptions &options);
    void addFileRow(const QString &path, const QString &refusal);
    void setRowStatus(FileRow &row, const QString &status, bool problem);
    void startWaitingUploads();
    void updateFileRow(const Typebot::JobSnapshot &job);
    void updateButtons();
    void abortUploads();
    int refusedCount() const;
    QUrl apiBaseFromField() const;
    void fitToScreen();

    void handleStateChanged(Typebot::ChatSession::State state);
    void handleAnswerSent(const Typebot::ChatAnswer &answer);
    void handleResponse(const Typebot::ChatResponse &response, bool answerRejected);
    void handleFailed(const Typebot::ChatResult &result, const QString &message);
    void handleJobsChanged(const QList<Typebot::JobSnapshot> &jobs);
    void handleJobFinished(const Typebot::JobSnapshot &job);
    void forgetStartingNotice();

    Typebot::EndpointSettings m_endpoint;
    QNetworkAccessManager *m_nam;
    Typebot::ChatSession *m_chat;
    Typebot::UploadEngine *m_engine;
    std::optional<Typebot::ChatInput> m_input;
    QList<FileRow> m_files;
    bool m_restarting = false;
    bool m_submitWhenStored = false;
    qsizetype m_startingNotice = -1; // the "Starting a chat…" entry, until an answer comes

    QLineEdit *m_urlEdit;
    QLineEdit *m_botEdit;
    QCheckBox *m_previewBox;
    QPushButton *m_startButton;
    QPushButton *m_copyButton;
    TranscriptView *m_transcript;
    QProgressBar *m_chatProgress;
    QStackedWidget *m_inputStack;
    QLabel *m_textPrompt = nullptr;
    QLineEdit *m_textEdit = nullptr;
    QPushButton *m_sendButton = nullptr;
    QLabel *m_choicePrompt = nullptr;
    QWidget *m_choiceButtons = nullptr;
    QGridLayout *m_choiceLayout = nullptr;
    QPushButton *m_sendChoices = nullptr;
    QLabel *m_fileRules = nullptr;
    QFrame *m_dropArea = nullptr;
    QTreeWidget *m_fileList = nullptr;
    QPushButton *m_addFilesButton = nullptr;
    QPushButton *m_removeFileButton = nullptr;
    QPushButton *m_clearFilesButton = nullptr;
    QPushButton *m_skip = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_endedLabel = nullptr;
};
