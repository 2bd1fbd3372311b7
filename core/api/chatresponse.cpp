// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatresponse.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>

namespace Typebot {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChatResponse", text);
}

// Inline elements continue the line they are in; everything else is a block.
bool isInlineElement(const QString &type)
{
    return type == u"a" || type == u"inline-variable" || type == u"inline-code";
}

void flattenNode(const QJsonValue &node, QString *out, bool insideInline)
{
    const QJsonObject object = node.toObject();
    if (object.contains(u"text") && !object.contains(u"children")) {
        *out += object.value(u"text").toString();
        return;
    }
    const QString type = object.value(u"type").toString();
    const bool isInline = insideInline || isInlineElement(type);
    // A variable's value comes wrapped in its own paragraph; it still stays on the line.
    if (!isInline && !out->isEmpty() && !out->endsWith(u'\n'))
        *out += u'\n';
    const QJsonArray children = object.value(u"children").toArray();
    for (const auto &child : children)
        flattenNode(child, out, isInline);
}

QString labelText(const QJsonValue &value)
{
    // labels.success is a string on older servers, {single, multiple} on newer ones.
    if (value.isObject())
        return value.toObject().value(u"single").toString();
    return value.toString();
}

QString normalizedSuffix(const QString &type)
{
    QString suffix = type.trimmed().toLower();
    while (suffix.startsWith(u'.') || suffix.startsWith(u'*'))
        suffix.remove(0, 1);
    return suffix;
}

} // namespace

ChatMessage ChatMessage::fromJson(const QJsonObject &object)
{
    ChatMessage message;
    message.id = object.value(u"id").toString();
    message.type = object.value(u"type").toString();
    const QJsonObject content = object.value(u"content").toObject();
    if (message.type == u"text") {
        message.kind = Kind::Text;
        if (content.value(u"richText").isArray())
            message.text = ChatResponse::flattenRichText(content.value(u"richText").toArray());
        else if (content.value(u"markdown").isString()) // textBubbleContentFormat=markdown
            message.text = content.value(u"markdown").toString();
        else if (content.value(u"html").isString())
            message.text = content.value(u"plainText").toString(content.value(u"html").toString());
        else
            message.text = content.value(u"plainText").toString();
        return message;
    }
    if (message.type == u"image")
        message.kind = Kind::Image;
    else if (message.type == u"video")
        message.kind = Kind::Video;
    else if (message.type == u"audio")
        message.kind = Kind::Audio;
    else if (message.type == u"embed")
        message.kind = Kind::Embed;
    else
        message.kind = Kind::Other;
    message.url = content.value(u"url").toString();
    message.text = message.url.isEmpty() ? u'[' + message.type + u']' : message.url;
    return message;
}

QString FileInputOptions::refusalFor(const QString &fileName, const QString &mimeType) const
{
    if (!typesRestricted || allowedTypes.isEmpty())
        return QString();
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    QString mime = mimeType.toLower();
    if (mime.isEmpty())
        mime = QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension).name();
    for (const QString &type : allowedTypes) {
        const QString t = type.trimmed().toLower();
        if (t.contains(u'/')) {
            if (t.endsWith(u"/*") ? mime.startsWith(t.chopped(1)) : mime == t)
                return QString();
        } else if (!suffix.isEmpty() && normalizedSuffix(t) == suffix) {
            return QString();
        }
    }
    return tr("the bot accepts only %1, not %2")
            .arg(allowedTypesText(),
                 suffix.isEmpty() ? tr("a file without extension") : u'.' + suffix);
}

QString FileInputOptions::allowedTypesText() const
{
    QStringList shown;
    for (const QString &type : allowedTypes) {
        const QString t = type.trimmed();
        shown << (t.contains(u'/') || t.startsWith(u'.') ? t : u'.' + t);
    }
    return shown.join(QStringLiteral(", "));
}

QString ChatInput::describe() const
{
    if (!placeholder.isEmpty())
        return QStringLiteral("%1 (%2)").arg(placeholder, type);
    return type;
}

std::optional<ChatChoice> ChatInput::matchChoice(const QString &answer) const
{
    const QString wanted = answer.trimmed();
    for (const ChatChoice &item : items) {
        if (item.content.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return item;
    }
    return std::nullopt;
}

ChatInput ChatInput::fromJson(const QJsonObject &object)
{
    ChatInput input;
    input.id = object.value(u"id").toString();
    input.type = object.value(u"type").toString();
    const QJsonObject options = object.value(u"options").toObject();
    const QJsonObject labels = options.value(u"labels").toObject();
    input.placeholder = labels.value(u"placeholder").toString();
    if (input.type == u"choice input") {
        input.kind = Kind::Choice;
        // The real API puts items on the input; older payloads nest them in options.
        QJsonArray items = object.value(u"items").toArray();
        if (items.isEmpty())
            items = options.value(u"items").toArray();
        for (const auto &item : std::as_const(items)) {
            const QJsonObject itemObject = item.toObject();
            input.items << ChatChoice{ itemObject.value(u"id").toString(),
                                       itemObject.value(u"content").toString() };
        }
        input.isMultipleChoice = options.value(u"isMultipleChoice").toBool();
    } else if (input.type == u"file input") {
        input.kind = Kind::File;
        FileInputOptions &file = input.file;
        file.isMultipleAllowed = options.value(u"isMultipleAllowed").toBool(false);
        file.isRequired = options.value(u"isRequired").toBool(true);
        const QJsonObject types = options.value(u"allowedFileTypes").toObject();
        file.typesRestricted = types.value(u"isEnabled").toBool(false);
        const QJsonArray typeArray = types.value(u"types").toArray();
        for (const auto &type : typeArray) {
            if (!type.toString().trimmed().isEmpty())
                file.allowedTypes << type.toString().trimmed();
        }
        file.placeholderLabel = labels.value(u"placeholder").toString();
        file.buttonLabel = labels.value(u"button").toString();
        file.clearLabel = labels.value(u"clear").toString();
        file.skipLabel = labels.value(u"skip").toString();
        file.successLabel = labelText(labels.value(u"success"));
        // The file block's placeholder is HTML-ish help text, not a prompt name.
        input.placeholder.clear();
    } else if (input.type.endsWith(u" input")) {
        // email, number, url, phone, date, rating...: all answered with text.
        input.kind = input.type == u"text input" || input.type == u"email input"
                        || input.type == u"number input" || input.type == u"url input"
                        || input.type == u"phone number input" || input.type == u"date input"
                ? Kind::Text
                : Kind::Other;
    }
    return input;
}

QString ChatResponse::text() const
{
    QStringList lines;
    for (const ChatMessage &message : messages)
        lines << message.text;
    return lines.join(u'\n');
}

QString ChatResponse::flattenRichText(const QJsonArray &nodes)
{
    QString out;
    for (const auto &node : nodes)
        flattenNode(node, &out, false);
    return out.trimmed();
}

std::optional<ChatResponse> ChatResponse::fromJson(const QByteArray &body, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                ? tr("the chat answer is not valid JSON (%1)").arg(parseError.errorString())
                : tr("the chat answer is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    if (!object.value(u"messages").isArray() && !object.contains(u"input")
        && !object.contains(u"sessionId")) {
        *error = tr("the chat answer has neither messages nor an input");
        return std::nullopt;
    }
    ChatResponse response;
    response.sessionId = object.value(u"sessionId").toString();
    response.resultId = object.value(u"resultId").toString();
    const QJsonArray messages = object.value(u"messages").toArray();
    for (const auto &message : messages) {
        if (message.isObject())
            response.messages << ChatMessage::fromJson(message.toObject());
    }
    if (object.value(u"input").isObject())
        response.input = ChatInput::fromJson(object.value(u"input").toObject());
    response.hasClientSideActions = !object.value(u"clientSideActions").toArray().isEmpty();
    return response;
}

} // namespace Typebot
