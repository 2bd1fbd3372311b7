// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clioptions.h"
#include "consoleoutput.h"

#include "engine/jobsnapshot.h"
#include "transfer/transferrequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <memory>

#include <optional>

class QNetworkAccessManager;

namespace Typebot {
class ChatSession;
class JobDatabase;
class ServerKnowledgeStore;
struct ChatAnswer;
struct ChatInput;
struct ChatResponse;
struct ChatResult;
} // namespace Typebot

namespace Sandbox {
class SandboxServer;
}

namespace Typebot {
class UploadEngine;
}

namespace TypebotCli {

// One run of typebot-upload: feeds the paths to the engine on the main thread, turns its
// snapshots into lines for people or JSON events, and decides the exit code.
class UploadCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadCommand)

public:
    enum ExitCode { AllStored = 0, SomeFailed = 1, UsageError = 2, Interrupted = 130 };

    explicit UploadCommand(CliOptions options, QObject *parent = nullptr);
    ~UploadCommand() override;

    // Starts the sandbox if asked and checks the configuration; false: exit with UsageError
    // (the message is already printed).
    bool prepare();
    void start(); // schedules the run; QCoreApplication::exit(code) when it ends
    void interrupt(); // SIGINT/SIGTERM: abort running uploads, exit 130

private:
    struct JobInfo
    {
        QString path;
        QString name;
        qint64 size = -1;
        bool announced = false;
        bool finished = false;
        QString fileUrl;
        qint64 lastProgress = -1;
        int seenEntries = 0;
        std::optional<Typebot::TimelineEntry> lastEntry;
    };

    enum class ChatPhase { None, Walking, Uploading, Submitting, Done };

    bool openJournal(); // false: a usage problem was printed (exit 2)
    bool checkResumeSession();
    QString dataFilePath(const QString &fileName) const;
    void doStart();
    void startUploads();
    // --bot: walk the chat to its file block, upload there, submit the links.
    void startChat();
    void handleChatResponse(const Typebot::ChatResponse &response, bool answerRejected);
    void handleChatAnswerSent(const Typebot::ChatAnswer &answer);
    void handleChatFailed(const Typebot::ChatResult &result, const QString &message);
    void answerPrompt(const Typebot::ChatInput &input);
    bool checkFilesForBot(const Typebot::ChatInput &input);
    void refuseFileBefore(const QString &path, const QString &code, const QString &message);
    void submitFiles();
    void printChat(const QString &role, const QString &text, const Typebot::ChatInput *input,
                   const QJsonObject &extra = {});
    void failChat(const QString &code, const QString &message, int exitCode);
    void handleJobsAdded(const QList<Typebot::JobSnapshot> &jobs);
    void handleJobsChanged(const QList<Typebot::JobSnapshot> &jobs);
    void handleJobFinished(const Typebot::JobSnapshot &job);
    void handleStats(const Typebot::QueueStats &stats);
    void handleIdle();
    void printExchange(const QString &name, const Typebot::HttpExchange &exchange);

    JobInfo &announce(const Typebot::JobSnapshot &job);
    void processTimeline(const Typebot::JobSnapshot &job);
    void reportEntry(const Typebot::JobSnapshot &job, const Typebot::TimelineEntry &entry);
    void reportFinished(const Typebot::JobSnapshot &job);
    void printCurl(const Typebot::JobSnapshot &job);
    qint64 jobDurationMs(const Typebot::JobSnapshot &job) const;
    void finish(int exitCode);
    void verbose(const QString &name, const QString &text);
    QString failureText(const Typebot::JobSnapshot &job) const;

    CliOptions m_options;
    ConsoleOutput m_console;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    Typebot::UploadEngine *m_engine = nullptr;
    std::unique_ptr<Typebot::JobDatabase> m_journal; // deleted after the engine
    std::unique_ptr<Typebot::ServerKnowledgeStore> m_servers;
    bool m_serverSaveWarned = false;
    QHash<quint64, JobInfo> m_jobs;
    QList<quint64> m_jobOrder; // the order of the links submitted to the bot
    QNetworkAccessManager *m_chatNam = nullptr;
    Typebot::ChatSession *m_chat = nullptr;
    ChatPhase m_chatPhase = ChatPhase::None;
    QStringList m_answersLeft;
    QString m_lastBotText; // the bot's last bubble: the prompt, for messages
    bool m_chatFailed = false;
    QElapsedTimer m_elapsed;
    int m_stored = 0;
    int m_failed = 0;
    int m_canceled = 0;
    qint64 m_bytesStored = 0;
    bool m_interrupted = false;
    bool m_finished = false;
};

} // namespace TypebotCli
