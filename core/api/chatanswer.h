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
    QString text;
    QStringList fileUrls;

    static ChatAnswer fromText(const QString &text);
    static ChatAnswer fromChoice(const ChatChoice &choice);
    static ChatAnswer fromFiles(const QStringList &fileUrls);
    static ChatAnswer skipped();

    // The continueChat body: {"message":{...}} or {} for a skip.
    QByteArray requestBody() const;
    // For a transcript: the text, the links, or "(skipped)".
    QString displayText() const;
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::ChatAnswer)
