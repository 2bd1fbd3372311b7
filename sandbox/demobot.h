// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Sandbox {

struct SandboxConfig;

// The sandbox's demo bot, answering startChat/continueChat like a published Typebot: a
// greeting, "What's your name?", a file block shaped by the config, then a reply listing
// the links it received. Replies it refuses get Typebot's retry message and the same input.
class DemoBot final
{
public:
    enum class Step { AskName, WaitFiles };

    static inline const QString RetryMessage =
            QStringLiteral("Invalid message. Please, try again.");
    static inline const QString NameQuestion = QStringLiteral("What's your name?");
    static inline const QString NameInputId = QStringLiteral("demo-name-input");
    static inline const QString FileInputId = QStringLiteral("demo-file-input");

    explicit DemoBot(const SandboxConfig &config);
    DemoBot(const DemoBot &) = delete;
    DemoBot &operator=(const DemoBot &) = delete;

    HttpResponse startChat(const QString &publicId);
    HttpResponse continueChat(const QString &sessionId, const QJsonObject &body);

    bool hasSession(const QString &sessionId) const { return m_sessions.contains(sessionId); }
    std::optional<Step> step(const QString &sessionId) const;
    QString resultId(const QString &sessionId) const;
    int sessionCount() const { return int(m_sessions.size()); }

    QJsonObject fileInput() const;

private:
    struct Session
    {
        Step step = Step::AskName;
        QString name;
        QString resultId;
    };

    HttpResponse answerName(const QString &sessionId, Session &session, const QJsonObject &message);
    HttpResponse answerFiles(const QString &sessionId, const QJsonObject &message);
    // Empty when Typebot would accept these links for the file block.
    QString checkFileUrls(const QStringList &urls) const;
    HttpResponse error(int status, const QString &message) const;
    QJsonObject nameInput() const;

    const SandboxConfig &m_config;
    QHash<QString, Session> m_sessions;
};

} // namespace Sandbox
