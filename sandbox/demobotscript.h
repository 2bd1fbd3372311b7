// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Sandbox {

// One scripted bot of the sandbox: its input blocks in order, each with the bubbles shown
// before it, then the closing bubbles. Bubbles are built when sent, from the answers kept
// so far (as Typebot variables would be).
struct DemoBotScript
{
    // Answers by variable name; a file block keeps its links one per line.
    using Variables = QHash<QString, QString>;
    // The bubbles to send, given the answers so far.
    using Bubbles = std::function<QJsonArray(const Variables &)>;

    struct Block
    {
        Bubbles bubbles; // shown before the input
        QJsonObject input; // the input block as the API sends it
        QString variable; // where the answer is kept
        QString retryMessage; // empty: the bot's invalid-reply message
        Bubbles skipped; // an optional file block skipped: these end the chat
    };

    QString id;
    QString name;
    QList<Block> blocks;
    Bubbles closing; // after the last block; the chat ends
    QString invalidMessage = QStringLiteral("Invalid message. Please, try again.");
    bool showsProgress = false; // the bot's progress bar: "progress" in each answer
    // A webhook runs at the end; its log is sent to preview chats only, as the server
    // filters such logs out of public ones.
    bool runsWebhook = false;

    // The file block's index, or -1.
    int fileBlockIndex() const;
};

} // namespace Sandbox
