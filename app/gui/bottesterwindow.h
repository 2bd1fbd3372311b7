// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/chatresponse.h"
#include "api/chatresult.h"
#include "api/chatsession.h"
#include "api/endpointsettings.h"
#include "engine/jobsnapshot.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QHBoxLayout;
class QFrame;

class TranscriptView;

namespace Typebot {
class UploadEngine;
}

// "Test a bot": chat with a published bot as a user would, answer its text and choice
// questions inline, and at its file block upload files into this chat's session and
// submit their links. Uploads are few here, so a private engine runs on the GUI thread.
class BotTesterWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BotTesterWindow)

public:
    enum class Page { Start, Text, Choice, Files, Ended };

    explicit BotTesterWindow(QWidget *parent = nullptr);
    ~BotTesterWindow() override;

    // The API to talk to (apiBase shown in the URL field; token, CA and http policy kept).
    void setEndpoint(const Typebot::EndpointSettings &endpoint);
    void setBotText(const QString &botIdOrLink);

    void start(); // Start and Restart: a new session
    void sendText(const QString &text); // text, "other" inputs, or a choice by its label
    void choose(int index);
    // Checks each file against the bot's rules, then uploads the accepted ones. Returns the
    // refusals, "name: reason".
    QStringList addFiles(const QStringList &paths);
    void clearFiles();
    void skipFiles();
    void submitFiles();
    void copyTranscript() const;

    Page page() const;
    bool canSubmit() const;
    TranscriptView *transcript() const { return m_transcript; }
    Typebot::ChatSession *session() const { return m_chat; }
    Typebot::UploadEngine *uploadEngine() const { return m_engine; }
    QTreeWidget *fileList() const { return m_fileList; }
    QPushButton *submitButton() const { return m_submit; }
    QString fileRulesText() const;

Q_SIGNALS:
    void filesChanged(); // a file was added, refused, progressed or finished

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct FileRow
    {
        QTreeWidgetItem *item = nullptr;
        quint64 jobId = 0; // 0: refused before upload
        bool done = false;
        QString fileUrl;
    };

    QWidget *createStartPage();
    QWidget *createTextPage();
    QWidget *createChoicePage();
    QWidget *createFilesPage();
    QWidget *createEndedPage();
    void setPage(Page page);
    void showInput(const std::optional<Typebot::ChatInput> &input);
    void showFileInput(const Typebot::FileInputOptions &options);
    void addFileRow(const QString &path, const QString &status, quint64 jobId);
    void updateFileRow(const Typebot::JobSnapshot &job);
    void updateButtons();
    void abortUploads();
    QUrl apiBaseFromField() const;

    void handleStateChanged(Typebot::ChatSession::State state);
    void handleAnswerSent(const Typebot::ChatAnswer &answer);
    void handleResponse(const Typebot::ChatResponse &response, bool answerRejected);
    void handleFailed(const Typebot::ChatResult &result, const QString &message);
    void handleJobsChanged(const QList<Typebot::JobSnapshot> &jobs);
    void handleJobFinished(const Typebot::JobSnapshot &job);

    Typebot::EndpointSettings m_endpoint;
    QNetworkAccessManager *m_nam;
    Typebot::ChatSession *m_chat;
    Typebot::UploadEngine *m_engine;
    std::optional<Typebot::ChatInput> m_input;
    QList<FileRow> m_files;
    bool m_restarting = false;

    QLineEdit *m_urlEdit;
    QLineEdit *m_botEdit;
    QPushButton *m_startButton;
    QPushButton *m_copyButton;
    TranscriptView *m_transcript;
    QStackedWidget *m_inputStack;
    QLabel *m_textPrompt = nullptr;
    QLineEdit *m_textEdit = nullptr;
    QPushButton *m_sendButton = nullptr;
    QLabel *m_choicePrompt = nullptr;
    QWidget *m_choiceButtons = nullptr;
    QHBoxLayout *m_choiceLayout = nullptr;
    QLabel *m_fileRules = nullptr;
    QFrame *m_dropArea = nullptr;
    QTreeWidget *m_fileList = nullptr;
    QPushButton *m_addFilesButton = nullptr;
    QPushButton *m_clearFilesButton = nullptr;
    QPushButton *m_skip = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_endedLabel = nullptr;
};
