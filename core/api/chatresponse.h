// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace Typebot {

// One bot bubble, reduced to what a transcript shows: text, or the media's URL.
struct ChatMessage
{
    enum class Kind { Text, Image, Video, Audio, Embed, Other };

    Kind kind = Kind::Text;
    QString id;
    QString type; // as the API names it: "text", "image", ...
    QString text; // flattened rich text, or the media URL
    QString url; // media bubbles only

    static ChatMessage fromJson(const QJsonObject &object);
};

struct ChatChoice
{
    QString id;
    QString content;
};

// The settings of a file-input block, with the defaults Typebot applies when absent.
struct FileInputOptions
{
    bool isMultipleAllowed = false;
    bool isRequired = true;
    bool typesRestricted = false; // allowedFileTypes.isEnabled
    QStringList allowedTypes; // ".png", "png", "image/png" or "image/*"
    QString placeholderLabel;
    QString buttonLabel;
    QString clearLabel;
    QString skipLabel;
    QString successLabel;

    // Empty when the bot accepts this file; otherwise why not, in plain words.
    QString refusalFor(const QString &fileName, const QString &mimeType = QString()) const;
    // The allowed types for a message, e.g. ".png, .jpg".
    QString allowedTypesText() const;
};

// What the bot now waits for.
struct ChatInput
{
    enum class Kind { Text, Choice, File, Other };

    Kind kind = Kind::Other;
    QString id;
    QString type; // "text input", "choice input", "file input", "email input", ...
    QString placeholder;
    QList<ChatChoice> items; // choice input
    bool isMultipleChoice = false;
    FileInputOptions file; // file input

    // A short name for messages: the placeholder, or the type.
    QString describe() const;
    // The choice whose content matches `answer` (case and surrounding spaces ignored).
    std::optional<ChatChoice> matchChoice(const QString &answer) const;

    static ChatInput fromJson(const QJsonObject &object);
};

// A startChat or continueChat answer: the bot's new bubbles and the input it waits for
// (none when the conversation ended).
struct ChatResponse
{
    QString sessionId; // startChat only; continueChat answers leave it out
    QString resultId;
    QList<ChatMessage> messages;
    std::optional<ChatInput> input;
    bool hasClientSideActions = false;

    bool isFinished() const { return !input.has_value(); }
    bool waitsForFiles() const { return input && input->kind == ChatInput::Kind::File; }
    // All bubbles, one per line.
    QString text() const;

    static std::optional<ChatResponse> fromJson(const QByteArray &body, QString *error);
    // content.richText: a Slate tree of {type, children} elements and {text} leaves; each
    // block element starts a new line.
    static QString flattenRichText(const QJsonArray &nodes);
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::ChatResponse)
Q_DECLARE_METATYPE(Typebot::ChatInput)
