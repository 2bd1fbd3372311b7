// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatresponse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

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

// The input types the server takes a plain text reply for.
bool isTextAnswered(const QString &type)
{
    static const QStringList types{
        QStringLiteral("text input"),         QStringLiteral("number input"),
        QStringLiteral("email input"),        QStringLiteral("url input"),
        QStringLiteral("phone number input"), QStringLiteral("date input"),
        QStringLiteral("time input"),         QStringLiteral("rating input"),
    };
    return types.contains(type);
}

ChatChoice choiceFromJson(const QJsonObject &item, bool cards)
{
    ChatChoice choice;
    choice.id = item.value(u"id").toString();
    choice.value = item.value(u"value").toString();
    choice.description = item.value(u"description").toString();
    if (cards) {
        choice.pictureSrc = item.value(u"imageUrl").toString();
        choice.content = item.value(u"title").toString();
        const QJsonArray paths = item.value(u"paths").toArray();
        for (const auto &path : paths) {
            const QJsonObject object = path.toObject();
            choice.buttons << ChatCardButton{ object.value(u"id").toString(),
                                              object.value(u"text").toString() };
        }
    } else if (item.contains(u"content")) {
        choice.content = item.value(u"content").toString();
    } else {
        // A picture choice: its title, or the picture itself when untitled.
        choice.pictureSrc = item.value(u"pictureSrc").toString();
        choice.content = item.value(u"title").toString();
    }
    if (choice.content.isEmpty())
        choice.content = choice.pictureSrc;
    return choice;
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
        if (content.value(u"richText").isArray()) {
            message.text = ChatResponse::flattenRichText(content.value(u"richText").toArray());
        } else if (content.value(u"markdown").isString()) { // textBubbleContentFormat=markdown
            message.text = content.value(u"markdown").toString().trimmed();
            message.isMarkdown = true;
        } else if (content.value(u"html").isString())
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

QString ChatMessage::displayText() const
{
    if (kind == Kind::Text || url.isEmpty())
        return text;
    return u'[' + type + QStringLiteral("] ") + url;
}

QString FileInputOptions::refusalFor(const QString &fileName, const QString &mimeType) const
{
    return rules().check(fileName, mimeType).reason;
}

QString FileInputOptions::allowedTypesText() const
{
    return rules().listedText();
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
    if (wanted.isEmpty())
        return std::nullopt;
    // Exact first, so "Car" and "car" can both be items; then forgiving.
    for (const Qt::CaseSensitivity cs : { Qt::CaseSensitive, Qt::CaseInsensitive }) {
        const auto same = [&](const QString &text) {
            return !text.isEmpty() && text.trimmed().compare(wanted, cs) == 0;
        };
        for (const ChatChoice &item : items) {
            if (same(item.content) || same(item.value) || same(item.id))
                return item;
        }
        for (const ChatChoice &item : items) {
            for (const ChatCardButton &button : item.buttons) {
                if (same(button.text) || same(button.id)) {
                    ChatChoice chosen = item;
                    chosen.buttons = { button }; // the one pressed
                    return chosen;
                }
            }
        }
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
    if (input.type == u"choice input" || input.type == u"picture choice input"
        || input.type == u"cards") {
        input.kind = Kind::Choice;
        // The real API puts items on the input; older payloads nest them in options.
        QJsonArray items = object.value(u"items").toArray();
        if (items.isEmpty())
            items = options.value(u"items").toArray();
        for (const auto &item : std::as_const(items))
            input.items << choiceFromJson(item.toObject(), input.isCards());
        input.isMultipleChoice = options.value(u"isMultipleChoice").toBool();
    } else if (input.type == u"payment input") {
        input.kind = Kind::Payment;
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
    } else if (isTextAnswered(input.type)) {
        // email, number, url, phone, date, time, rating: the server parses the text.
        input.kind = Kind::Text;
        if (input.type == u"rating input")
            input.ratingLength = options.value(u"length").toInt();
    } else {
        input.kind = Kind::Other;
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
    const QJsonArray actions = object.value(u"clientSideActions").toArray();
    response.hasClientSideActions = !actions.isEmpty();
    for (const auto &action : actions)
        response.clientSideActionTypes << action.toObject().value(u"type").toString();
    if (object.value(u"lastMessageNewFormat").isString())
        response.lastMessageNewFormat = object.value(u"lastMessageNewFormat").toString();
    if (object.value(u"progress").isDouble())
        response.progress = qBound(0.0, object.value(u"progress").toDouble(), 100.0);
    const QJsonArray logs = object.value(u"logs").toArray();
    for (const auto &log : logs) {
        const QJsonObject entry = log.toObject();
        const QString status = entry.value(u"status").toString();
        const QString description = entry.value(u"description").toString();
        response.logs << (status.isEmpty() ? description
                                           : status + QStringLiteral(": ") + description);
    }
    return response;
}

} // namespace Typebot
