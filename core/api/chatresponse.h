// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filetyperules.h"

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
    QString id; // the bubble's block id (a retry message carries the input block's id)
    QString type; // as the API names it: "text", "image", ...
    QString text; // flattened rich text or markdown, or the media URL
    QString url; // media bubbles only
    bool isMarkdown = false; // content.type "markdown" (textBubbleContentFormat=markdown)

    // For a transcript: the text, or "[image] URL" for a media bubble.
    QString displayText() const;

    static ChatMessage fromJson(const QJsonObject &object);
};

// A button of a card (cards input): the widget replies with its id.
struct ChatCardButton
{
    QString id;
    QString text;
};

// One item of a choice, picture choice or cards input.
struct ChatChoice
{
    QString id;
    QString content; // the button's text; a picture's title (or its URL); a card's title
    QString value; // the internal value, sent instead of the content when set
    QString pictureSrc; // picture choice and cards
    QString description;
    QList<ChatCardButton> buttons; // cards

    // What the web widget sends for this item: value || content.
    QString replyText() const { return value.isEmpty() ? content : value; }
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

    // The allowed types judged by the server's own table (see FileTypeRules).
    FileTypeRules rules() const { return FileTypeRules(allowedTypes, typesRestricted); }
    // Empty when the bot accepts this file on any server; otherwise why not, in plain
    // words. An empty `mimeType` is guessed from the name.
    QString refusalFor(const QString &fileName, const QString &mimeType = QString()) const;
    // The allowed types for a message, e.g. ".png, .jpg".
    QString allowedTypesText() const;
};

// What the bot now waits for.
struct ChatInput
{
    enum class Kind {
        Text, // text, number, email, URL, phone, date, time, rating: answered with text
        Choice, // buttons, picture choice, cards: answered with an item
        File,
        Payment, // needs a browser (the payment provider's form)
        Other, // a type this client does not know; answered with text
    };

    Kind kind = Kind::Other;
    QString id;
    QString type; // "text input", "choice input", "file input", "email input", ...
    QString placeholder;
    QList<ChatChoice> items; // choice, picture choice and cards inputs
    bool isMultipleChoice = false;
    FileInputOptions file; // file input
    int ratingLength = 0; // rating input: the highest rating (0: not said)

    bool isCards() const { return type == u"cards"; }
    // A short name for messages: the placeholder, or the type.
    QString describe() const;
    // The item `answer` names: its content, value or id, case and surrounding spaces
    // ignored (an exact match wins over a case-insensitive one); for cards also a
    // button's text. See ChoiceReply for several at once.
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
    QStringList clientSideActionTypes; // e.g. "redirect", "scriptToExecute", "wait"
    // The server's reading of the last answer when it differs from what was sent (the
    // first link of a single-file block, a normalised choice or email).
    std::optional<QString> lastMessageNewFormat;
    std::optional<double> progress; // 0..100, when the bot shows a progress bar
    QStringList logs; // "status: description" of each log entry

    bool isFinished() const { return !input.has_value(); }
    bool waitsForFiles() const { return input && input->kind == ChatInput::Kind::File; }
    // All bubbles, one per line (media bubbles as their URL).
    QString text() const;

    static std::optional<ChatResponse> fromJson(const QByteArray &body, QString *error);
    // content.richText: a Slate tree of {type, children} elements and {text} leaves; each
    // block element starts a new line.
    static QString flattenRichText(const QJsonArray &nodes);
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::ChatResponse)
Q_DECLARE_METATYPE(Typebot::ChatInput)
