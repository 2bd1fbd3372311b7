// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobot.h"

#include "apierrorresponse.h"
#include "cuid.h"
#include "filetypetable.h"
#include "sandboxconfig.h"

#include "diagnostics/logging.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Sandbox {

namespace {

QJsonObject leaf(const QString &text, bool bold = false)
{
    QJsonObject object{ { QStringLiteral("text"), text } };
    if (bold)
        object.insert(QStringLiteral("bold"), true);
    return object;
}

QJsonObject paragraph(const QJsonArray &children)
{
    return QJsonObject{ { QStringLiteral("type"), QStringLiteral("p") },
                        { QStringLiteral("children"), children } };
}

// A text bubble shaped like the real API's: content.richText, a Slate tree.
QJsonObject textBubble(const QString &id, const QJsonArray &paragraphs)
{
    return QJsonObject{ { QStringLiteral("id"), id },
                        { QStringLiteral("type"), QStringLiteral("text") },
                        { QStringLiteral("content"),
                          QJsonObject{ { QStringLiteral("type"), QStringLiteral("richText") },
                                       { QStringLiteral("richText"), paragraphs } } } };
}

QJsonObject textBubble(const QString &id, const QString &text)
{
    return textBubble(id, QJsonArray{ paragraph(QJsonArray{ leaf(text) }) });
}

HttpResponse jsonResponse(const QJsonObject &object)
{
    HttpResponse response;
    response.status = 200;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json");
    return response;
}

// The allowed types as the bot's question shows them: ".png, .jpg, image/*".
QString allowedTypesText(const QStringList &types)
{
    QStringList shown;
    for (const QString &type : types) {
        const QString trimmed = type.trimmed();
        shown << (trimmed.contains(u'/') || trimmed.startsWith(u'.') ? trimmed : u'.' + trimmed);
    }
    return shown.join(QStringLiteral(", "));
}

} // namespace

DemoBot::DemoBot(const SandboxConfig &config) : m_config(config) { }

HttpResponse DemoBot::error(int status, const QString &message) const
{
    return ApiErrorResponse::make(m_config.serverVersion, status, message);
}

QString DemoBot::resultId(const QString &sessionId) const
{
    return m_sessions.value(sessionId).resultId;
}

std::optional<DemoBot::Step> DemoBot::step(const QString &sessionId) const
{
    const auto it = m_sessions.constFind(sessionId);
    if (it == m_sessions.constEnd())
        return std::nullopt;
    return it->step;
}

QJsonObject DemoBot::nameInput() const
{
    return QJsonObject{
        { QStringLiteral("id"), NameInputId },
        { QStringLiteral("type"), QStringLiteral("text input") },
        { QStringLiteral("options"),
          QJsonObject{ { QStringLiteral("labels"),
                         QJsonObject{ { QStringLiteral("placeholder"),
                                        QStringLiteral("Type your name...") },
                                      { QStringLiteral("button"), QStringLiteral("Send") } } },
                       { QStringLiteral("isLong"), false } } }
    };
}

QJsonObject DemoBot::fileInput() const
{
    QJsonArray types;
    for (const QString &type : m_config.demoBotFileTypes)
        types.append(type);
    const QJsonObject labels{
        { QStringLiteral("placeholder"),
          QStringLiteral("<strong>Click to upload</strong> or drag and drop") },
        { QStringLiteral("button"), QStringLiteral("Upload") },
        { QStringLiteral("clear"), QStringLiteral("Clear") },
        { QStringLiteral("skip"), QStringLiteral("Skip") },
        { QStringLiteral("success"),
          QJsonObject{ { QStringLiteral("single"), QStringLiteral("File uploaded") },
                       { QStringLiteral("multiple"), QStringLiteral("{total} files uploaded") } } }
    };
    return QJsonObject{
        { QStringLiteral("id"), FileInputId },
        { QStringLiteral("type"), QStringLiteral("file input") },
        { QStringLiteral("options"),
          QJsonObject{ { QStringLiteral("isRequired"), !m_config.demoBotFilesOptional },
                       { QStringLiteral("isMultipleAllowed"), m_config.demoBotMultipleFiles },
                       { QStringLiteral("allowedFileTypes"),
                         QJsonObject{ { QStringLiteral("isEnabled"), !types.isEmpty() },
                                      { QStringLiteral("types"), types } } },
                       { QStringLiteral("labels"), labels } } }
    };
}

HttpResponse DemoBot::startChat(const QString &publicId)
{
    if (publicId != m_config.demoBotId)
        return error(404, QStringLiteral("Typebot not found"));
    const QString sessionId = Cuid::generate();
    Session session;
    session.resultId = Cuid::generate();
    m_sessions.insert(sessionId, session);
    const QJsonArray greeting{
        paragraph(QJsonArray{ leaf(QStringLiteral("Hi! I'm the ")),
                              leaf(QStringLiteral("sandbox demo bot"), true),
                              leaf(QStringLiteral(".")) }),
        paragraph(QJsonArray{
                leaf(QStringLiteral("I will ask for a file, then tell you where it landed.")) })
    };
    return jsonResponse(QJsonObject{
            { QStringLiteral("sessionId"), sessionId },
            { QStringLiteral("resultId"), session.resultId },
            { QStringLiteral("typebot"),
              QJsonObject{ { QStringLiteral("id"), m_config.demoBotId },
                           { QStringLiteral("theme"), QJsonObject() },
                           { QStringLiteral("settings"), QJsonObject() } } },
            { QStringLiteral("messages"),
              QJsonArray{ textBubble(QStringLiteral("demo-greeting"), greeting),
                          textBubble(QStringLiteral("demo-name-question"), NameQuestion) } },
            { QStringLiteral("input"), nameInput() } });
}

HttpResponse DemoBot::continueChat(const QString &sessionId, const QJsonObject &body)
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return error(404, QStringLiteral("Session not found."));
    // Older clients send the message as a plain string.
    QJsonObject message = body.value(QStringLiteral("message")).toObject();
    if (body.value(QStringLiteral("message")).isString())
        message = QJsonObject{ { QStringLiteral("type"), QStringLiteral("text") },
                               { QStringLiteral("text"), body.value(QStringLiteral("message")) } };
    if (it->step == Step::AskName)
        return answerName(sessionId, *it, message);
    return answerFiles(sessionId, message);
}

HttpResponse DemoBot::answerName(const QString &sessionId, Session &session,
                                 const QJsonObject &message)
{
    Q_UNUSED(sessionId)
    const QString name = message.value(QStringLiteral("text")).toString().trimmed();
    if (name.isEmpty())
        return jsonResponse(QJsonObject{
                { QStringLiteral("messages"),
                  QJsonArray{ textBubble(QStringLiteral("demo-retry"), RetryMessage) } },
                { QStringLiteral("input"), nameInput() } });
    session.name = name;
    session.step = Step::WaitFiles;
    QString ask = m_config.demoBotMultipleFiles ? QStringLiteral("Please send me some files")
                                                : QStringLiteral("Please send me a file");
    if (!m_config.demoBotFileTypes.isEmpty())
        ask += QStringLiteral(" (%1)").arg(allowedTypesText(m_config.demoBotFileTypes));
    ask += m_config.demoBotFilesOptional ? QStringLiteral(", or skip.") : QStringLiteral(".");
    return jsonResponse(QJsonObject{
            { QStringLiteral("messages"),
              QJsonArray{ textBubble(QStringLiteral("demo-hello"),
                                     QStringLiteral("Nice to meet you, %1!").arg(name)),
                          textBubble(QStringLiteral("demo-file-question"), ask) } },
            { QStringLiteral("input"), fileInput() } });
}

QString DemoBot::checkFileUrls(const QStringList &urls) const
{
    if (urls.isEmpty())
        return QStringLiteral("no file");
    if (urls.size() > 1 && !m_config.demoBotMultipleFiles)
        return QStringLiteral("several files for a single-file block");
    const QStringList &types = m_config.demoBotFileTypes;
    for (const QString &text : urls) {
        const QUrl url(text.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http" && url.scheme() != u"https"))
            return QStringLiteral("not a URL: ") + text;
        if (types.isEmpty())
            continue;
        // Like the server: the text after the last '.' of the link's last path segment,
        // resolved through its extension table.
        const QString fileName = url.path().section(u'/', -1);
        const QString extension = fileName.contains(u'.') ? fileName.section(u'.', -1) : QString();
        if (!FileTypeTable::isExtensionAllowed(extension, types))
            return QStringLiteral("the bot accepts only %1, not %2")
                    .arg(allowedTypesText(types),
                         extension.isEmpty() ? QStringLiteral("a file without extension")
                                             : u'.' + extension);
    }
    return QString();
}

HttpResponse DemoBot::answerFiles(const QString &sessionId, const QJsonObject &message)
{
    const Session session = m_sessions.value(sessionId);
    if (message.isEmpty()) {
        if (!m_config.demoBotFilesOptional)
            return jsonResponse(QJsonObject{
                    { QStringLiteral("messages"),
                      QJsonArray{ textBubble(QStringLiteral("demo-retry"), RetryMessage) } },
                    { QStringLiteral("input"), fileInput() } });
        // The conversation ends here; the real server then forgets the session.
        m_sessions.remove(sessionId);
        return jsonResponse(QJsonObject{
                { QStringLiteral("messages"),
                  QJsonArray{ textBubble(QStringLiteral("demo-skipped"),
                                         QStringLiteral("No files this time? No problem, %1. Bye!")
                                                 .arg(session.name)) } } });
    }
    QStringList urls;
    const QJsonValue attached = message.value(QStringLiteral("attachedFileUrls"));
    if (attached.isArray()) {
        const QJsonArray array = attached.toArray();
        for (const auto &value : array)
            urls << value.toString();
    } else {
        // Older widgets: the links only in the text, joined by ", ".
        urls = message.value(QStringLiteral("text"))
                       .toString()
                       .split(QStringLiteral(", "), Qt::SkipEmptyParts);
    }
    if (const QString problem = checkFileUrls(urls); !problem.isEmpty()) {
        qCInfo(lcSandbox).noquote() << "demo bot refuses the files:" << problem;
        return jsonResponse(QJsonObject{
                { QStringLiteral("messages"),
                  QJsonArray{ textBubble(QStringLiteral("demo-retry"), RetryMessage) } },
                { QStringLiteral("input"), fileInput() } });
    }
    QJsonArray paragraphs{ paragraph(QJsonArray{
            leaf(QStringLiteral("Thanks, %1! I received %2:")
                         .arg(session.name,
                              urls.size() == 1 ? QStringLiteral("1 file")
                                               : QStringLiteral("%1 files").arg(urls.size()))) }) };
    for (const QString &url : std::as_const(urls))
        paragraphs.append(paragraph(QJsonArray{
                QJsonObject{ { QStringLiteral("type"), QStringLiteral("a") },
                             { QStringLiteral("url"), url },
                             { QStringLiteral("children"), QJsonArray{ leaf(url) } } } }));
    m_sessions.remove(sessionId);
    return jsonResponse(QJsonObject{
            { QStringLiteral("messages"),
              QJsonArray{ textBubble(QStringLiteral("demo-received"), paragraphs) } } });
}

} // namespace Sandbox
