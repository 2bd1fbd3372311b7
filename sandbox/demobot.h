// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demobotscript.h"
#include "httpmessage.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

struct SandboxConfig;

// The sandbox's demo bots (DemoBotCatalog), answering startChat/continueChat in the shapes
// of a published Typebot: block ids as message ids, the input waited on, progress where
// the bot shows it, clientSideActions and logs after an accepted answer,
// lastMessageNewFormat when the server read the answer differently. A refused answer gets
// the bot's retry bubble (with the input block's id) and the same input again; the reply
// check is the sandbox's own (DemoReplyCheck), not the client's.
class DemoBot final
{
public:
    // Where a session stands: before its file block (any question), or at it.
    enum class Step { AskName, WaitFiles };

    static inline const QString RetryMessage =
            QStringLiteral("Invalid message. Please, try again.");
    static inline const QString NameQuestion = QStringLiteral("What's your name?");
    static inline const QString NameInputId = QStringLiteral("demo-name-input");
    static inline const QString FileInputId = QStringLiteral("demo-file-input");

    explicit DemoBot(const SandboxConfig &config);
    DemoBot(const DemoBot &) = delete;
    DemoBot &operator=(const DemoBot &) = delete;

    // `body`: the startChat body (textBubbleContentFormat "markdown" is honoured).
    HttpResponse startChat(const QString &publicId, const QJsonObject &body = {});
    // The builder's preview: no result, every log.
    HttpResponse startPreviewChat(const QString &typebotId, const QJsonObject &body = {});
    HttpResponse continueChat(const QString &sessionId, const QJsonObject &body);

    QStringList botIds() const;
    bool hasSession(const QString &sessionId) const { return m_sessions.contains(sessionId); }
    std::optional<Step> step(const QString &sessionId) const;
    QString resultId(const QString &sessionId) const;
    int sessionCount() const { return int(m_sessions.size()); }
    // The bot, file block and allowed types of a session (for generate-upload-url).
    QString botId(const QString &sessionId) const { return m_sessions.value(sessionId).botId; }
    QString fileBlockId(const QString &sessionId) const;
    QStringList fileTypes(const QString &sessionId) const;

    // The configured file block (demo-bot's).
    QJsonObject fileInput() const;

private:
    struct Session
    {
        QString botId;
        int block = 0; // the block it waits on
        DemoBotScript::Variables variables;
        QString resultId;
        bool preview = false;
        bool markdown = false;
    };

    HttpResponse start(const QString &botId, const QJsonObject &body, bool preview);
    std::optional<DemoBotScript> script(const QString &botId) const;
    QJsonObject blockInput(const Session &session) const;
    HttpResponse error(int status, const QString &message) const;

    const SandboxConfig &m_config;
    QHash<QString, Session> m_sessions;
};

} // namespace Sandbox
