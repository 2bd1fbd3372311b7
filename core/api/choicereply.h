// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatanswer.h"
#include "chatresponse.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Typebot {

// Which items of a choice, picture choice or cards input a person's answers name, and the
// reply the web widget would send for them. Matching forgives case and spaces (people type
// --answer); what is sent is the item's own value || content, which the server matches
// exactly. A multiple-choice input takes "Car, Home" or the answers that follow, as long as
// each names one of its items.
class ChoiceReply final
{
public:
    struct Match
    {
        QList<ChatChoice> choices; // in the input's item order
        int answersUsed = 0; // how many of the answers this input took
        QString unmatched; // the answer (or part of it) that names no item

        bool isValid() const { return !choices.isEmpty() && unmatched.isEmpty(); }
    };

    static Match match(const ChatInput &input, const QStringList &answers);
    // value || content of each item, joined ", ".
    static QString text(const QList<ChatChoice> &choices);
    // The continueChat answer for these items: a card replies with its button's id.
    static ChatAnswer answer(const ChatInput &input, const QList<ChatChoice> &choices);
};

} // namespace Typebot
