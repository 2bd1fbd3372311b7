// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobot.h"

#include "apierrorresponse.h"
#include "cuid.h"
#include "demobotcatalog.h"
#include "demoreplycheck.h"
#include "sandboxconfig.h"

#include "diagnostics/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Sandbox {

namespace {

HttpResponse jsonResponse(const QJsonObject &object)
{
    HttpResponse response;
    response.status = 200;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json");
    return response;
}

void appendMarkdown(const QJsonValue &node, QString *out)
{
    const QJsonObject object = node.toObject();
    if (object.contains(QStringLiteral("text")) && !object.contains(QStringLiteral("children"))) {
        const QString text = object.value(QStringLiteral("text")).toString();
        *out += object.value(QStringLiteral("bold")).toBool() ? QStringLiteral("**%1**").arg(text)
                                                              : text;
        return;
    }
    QString inner;
    const QJsonArray children = object.value(QStringLiteral("children")).toArray();
    for (const auto &child : children)
        appendMarkdown(child, &inner);
    if (object.value(QStringLiteral("type")).toString() == u"a")
        *out += QStringLiteral("[%1](%2)")
                        .arg(inner, object.value(QStringLiteral("url")).toString());
    else
        *out += inner;
}

// textBubbleContentFormat=markdown: each rich text bubble as one markdown string.
QJsonArray asMarkdown(const QJsonArray &messages)
{
    QJsonArray converted;
    for (const auto &value : messages) {
        QJsonObject message = value.toObject();
        const QJsonObject content = message.value(QStringLiteral("content")).toObject();
        if (message.value(QStringLiteral("type")).toString() == u"text"
            && content.value(QStringLiteral("type")).toString() == u"richText") {
            QStringList paragraphs;
            const QJsonArray richText = content.value(QStringLiteral("richText")).toArray();
            for (const auto &paragraph : richText) {
                QString text;
                appendMarkdown(paragraph, &text);
                paragraphs << text;
            }
            message.insert(QStringLiteral("content"),
                           QJsonObject{ { QStringLiteral("type"), QStringLiteral("markdown") },
                                        { QStringLiteral("markdown"),
                                          paragraphs.join(QStringLiteral("\n\n")) } });
        }
        converted.append(message);
    }
    return converted;
}

// The links a file block keeps: the parsed text's links, shown as the raw links the
// widget attached where it did.
QString keptLinks(const QString &content, const QJsonObject &message)
{
    const QStringList links = content.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    const QJsonArray attached = message.value(QStringLiteral("attachedFileUrls")).toArray();
    QStringList kept;
    for (qsizetype i = 0; i < links.size(); ++i)
        kept << (i < attached.size() && attached.at(i).isString() ? attached.at(i).toString()
                                                                  : links.at(i).trimmed());
    return kept.join(u'\n');
}

} // namespace

DemoBot::DemoBot(const SandboxConfig &config) : m_config(config) { }

HttpResponse DemoBot::error(int status, const QString &message) const
{
    return ApiErrorResponse::make(m_config.serverVersion, status, message);
}

std::optional<DemoBotScript> DemoBot::script(const QString &botId) const
{
    // Built on demand: the bots follow the configuration as it is now.
    const QList<DemoBotScript> scripts = DemoBotCatalog::scripts(m_config);
    for (const DemoBotScript &bot : scripts) {
        if (bot.id == botId)
            return bot;
    }
    return std::nullopt;
}

QStringList DemoBot::botIds() const
{
    QStringList ids;
    const QList<DemoBotScript> scripts = DemoBotCatalog::scripts(m_config);
    for (const DemoBotScript &bot : scripts)
        ids << bot.id;
    return ids;
}

QString DemoBot::resultId(const QString &sessionId) const
{
    return m_sessions.value(sessionId).resultId;
}

QJsonObject DemoBot::blockInput(const Session &session) const
{
    const auto bot = script(session.botId);
    if (!bot || session.block < 0 || session.block >= bot->blocks.size())
        return {};
    return bot->blocks.at(session.block).input;
}

std::optional<DemoBot::Step> DemoBot::step(const QString &sessionId) const
{
    const auto it = m_sessions.constFind(sessionId);
    if (it == m_sessions.constEnd())
        return std::nullopt;
    return blockInput(*it).value(QStringLiteral("type")).toString() == u"file input"
            ? Step::WaitFiles
            : Step::AskName;
}

QString DemoBot::fileBlockId(const QString &sessionId) const
{
    const auto bot = script(m_sessions.value(sessionId).botId);
    if (!bot || bot->fileBlockIndex() < 0)
        return FileInputId;
    return bot->blocks.at(bot->fileBlockIndex()).input.value(QStringLiteral("id")).toString();
}

QStringList DemoBot::fileTypes(const QString &sessionId) const
{
    const auto bot = script(m_sessions.value(sessionId).botId);
    if (!bot || bot->fileBlockIndex() < 0)
        return m_config.demoBotFileTypes;
    const QJsonObject allowed = bot->blocks.at(bot->fileBlockIndex())
                                        .input.value(QStringLiteral("options"))
                                        .toObject()
                                        .value(QStringLiteral("allowedFileTypes"))
                                        .toObject();
    QStringList types;
    if (allowed.value(QStringLiteral("isEnabled")).toBool()) {
        const QJsonArray array = allowed.value(QStringLiteral("types")).toArray();
        for (const auto &type : array)
            types << type.toString();
    }
    return types;
}

QJsonObject DemoBot::fileInput() const
{
    return DemoBotCatalog::configuredFileInput(m_config);
}

HttpResponse DemoBot::startChat(const QString &publicId, const QJsonObject &body)
{
    return start(publicId, body, false);
}

HttpResponse DemoBot::startPreviewChat(const QString &typebotId, const QJsonObject &body)
{
    return start(typebotId, body, true);
}

HttpResponse DemoBot::start(const QString &botId, const QJsonObject &body, bool preview)
{
    const auto bot = script(botId);
    if (!bot || bot->blocks.isEmpty())
        return error(404, QStringLiteral("Typebot not found"));
    const QString sessionId = Cuid::generate();
    Session session;
    session.botId = bot->id;
    // A preview has no result; the sandbox still files its uploads under an id.
    session.resultId = Cuid::generate();
    session.preview = preview;
    session.markdown =
            body.value(QStringLiteral("textBubbleContentFormat")).toString() == u"markdown";
    const DemoBotScript::Block &first = bot->blocks.constFirst();
    QJsonArray messages = first.bubbles(session.variables);
    if (session.markdown)
        messages = asMarkdown(messages);
    QJsonObject answer{ { QStringLiteral("sessionId"), sessionId },
                        { QStringLiteral("typebot"),
                          QJsonObject{ { QStringLiteral("id"), bot->id },
                                       { QStringLiteral("version"), QStringLiteral("6") },
                                       { QStringLiteral("theme"), QJsonObject() },
                                       { QStringLiteral("settings"), QJsonObject() },
                                       { QStringLiteral("publishedAt"),
                                         QStringLiteral("2026-01-05T09:00:00.000Z") } } },
                        { QStringLiteral("messages"), messages },
                        { QStringLiteral("input"), first.input } };
    if (!preview)
        answer.insert(QStringLiteral("resultId"), session.resultId);
    if (bot->showsProgress)
        answer.insert(QStringLiteral("progress"), 0);
    m_sessions.insert(sessionId, session);
    return jsonResponse(answer);
}

HttpResponse DemoBot::continueChat(const QString &sessionId, const QJsonObject &body)
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return error(404, QStringLiteral("Session not found."));
    const auto bot = script(it->botId);
    if (!bot || it->block >= bot->blocks.size()) {
        m_sessions.erase(it);
        return error(404, QStringLiteral("Session not found."));
    }
    Session &session = *it;
    const DemoBotScript::Block &block = bot->blocks.at(session.block);

    std::optional<QJsonObject> message;
    const QJsonValue raw = body.value(QStringLiteral("message"));
    if (raw.isObject())
        message = raw.toObject();
    else if (raw.isString()) // the older string form
        message = QJsonObject{ { QStringLiteral("type"), QStringLiteral("text") },
                               { QStringLiteral("text"), raw } };

    const auto markdown = [&session](const QJsonArray &messages) {
        return session.markdown ? asMarkdown(messages) : messages;
    };
    const auto progress = [&](QJsonObject *answer, bool ended) {
        if (bot->showsProgress)
            answer->insert(QStringLiteral("progress"),
                           ended ? 100.0 : 100.0 * session.block / double(bot->blocks.size()));
    };

    const DemoReplyCheck::Parsed parsed = DemoReplyCheck::parse(block.input, message);
    if (parsed.status == DemoReplyCheck::Parsed::Status::Fail) {
        qCInfo(lcSandbox).noquote() << "demo bot" << bot->id << "refuses the answer to"
                                    << block.input.value(QStringLiteral("id")).toString();
        // The retry bubble carries the input block's id; the same input follows.
        const QString retry =
                block.retryMessage.isEmpty() ? bot->invalidMessage : block.retryMessage;
        QJsonObject answer{
            { QStringLiteral("messages"),
              markdown(QJsonArray{ DemoBotCatalog::textBubble(
                      block.input.value(QStringLiteral("id")).toString(), retry) }) },
            { QStringLiteral("input"), block.input }
        };
        progress(&answer, false);
        return jsonResponse(answer);
    }

    QJsonObject answer;
    const QString text = message ? message->value(QStringLiteral("text")).toString() : QString();
    if (message && parsed.content != text)
        answer.insert(QStringLiteral("lastMessageNewFormat"), parsed.content);
    QJsonArray messages;
    bool ended = false;
    if (parsed.status == DemoReplyCheck::Parsed::Status::Skip) {
        ended = true;
        if (block.skipped)
            messages = block.skipped(session.variables);
    } else {
        session.variables.insert(block.variable,
                                 block.input.value(QStringLiteral("type")).toString()
                                                 == u"file input"
                                         ? keptLinks(parsed.content, *message)
                                         : parsed.content);
        ++session.block;
        if (session.block < bot->blocks.size()) {
            const DemoBotScript::Block &next = bot->blocks.at(session.block);
            messages = next.bubbles(session.variables);
            answer.insert(QStringLiteral("input"), next.input);
        } else {
            ended = true;
            if (bot->closing)
                messages = bot->closing(session.variables);
        }
    }
    answer.insert(QStringLiteral("messages"), markdown(messages));
    answer.insert(QStringLiteral("clientSideActions"), QJsonArray());
    QJsonArray logs;
    // Public chats never see a webhook's log; previews do.
    if (ended && bot->runsWebhook && session.preview)
        logs.append(QJsonObject{
                { QStringLiteral("status"), QStringLiteral("success") },
                { QStringLiteral("description"), QStringLiteral("Webhook successfully executed.") },
                { QStringLiteral("details"),
                  QJsonObject{ { QStringLiteral("statusCode"), 200 } } } });
    answer.insert(QStringLiteral("logs"), logs);
    progress(&answer, ended);
    if (ended)
        m_sessions.erase(it); // the real server forgets an ended session
    return jsonResponse(answer);
}

} // namespace Sandbox
