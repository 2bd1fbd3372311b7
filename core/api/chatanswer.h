// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatresponse.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Typebot {

// What the user says to the bot in one continueChat call: text, a choice, the uploaded
// files (sent the way the web widget sends them), or nothing (skips an optional block).
struct ChatAnswer
{
    enum class Kind { Text, Files, Skip };

    Kind kind = Kind::Skip;
    QString text; // the message's text: what the server checks
    QStringList fileUrls; // attachedFileUrls: the raw links
    QString replyId; // metadata.replyId: the button of a card

    static ChatAnswer fromText(const QString &text);
    // The widget's reply to a button: the item's value, or its content when it has none.
    static ChatAnswer fromChoice(const ChatChoice &choice);
    // Several items of a multiple-choice input: value || content of each, joined ", ".
    static ChatAnswer fromChoices(const QList<ChatChoice> &choices);
    // A card: the pressed button's id as text and replyId (the card's title without one);
    // its picture travels as an attached link, as the widget sends it.
    static ChatAnswer fromCard(const ChatChoice &card);
    // Links as the widget sends them: text with each last path segment percent-encoded,
    // joined with ", " (FileReply); attachedFileUrls with the raw links.
    static ChatAnswer fromFiles(const QStringList &fileUrls);
    static ChatAnswer skipped();

    // The continueChat body: {"message":{...}} or {} for a skip.
    QByteArray requestBody() const;
    // For a transcript: the text sent, or "(skipped)".
    QString displayText() const;
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::ChatAnswer)
