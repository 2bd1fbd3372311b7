// SPDX-License-Identifier: GPL-3.0-or-later
#include "choicereply.h"

#include <algorithm>

namespace Typebot {

namespace {

qsizetype indexOfItem(const ChatInput &input, const ChatChoice &choice)
{
    for (qsizetype i = 0; i < input.items.size(); ++i) {
        if (input.items.at(i).id == choice.id)
            return i;
    }
    return input.items.size();
}

void addUnique(QList<ChatChoice> *choices, const ChatChoice &choice)
{
    for (const ChatChoice &known : std::as_const(*choices)) {
        if (known.id == choice.id)
            return;
    }
    choices->append(choice);
}

} // namespace

ChoiceReply::Match ChoiceReply::match(const ChatInput &input, const QStringList &answers)
{
    Match result;
    if (answers.isEmpty())
        return result;
    const QString &first = answers.constFirst();
    result.answersUsed = 1;
    if (const auto whole = input.matchChoice(first)) {
        result.choices << *whole;
    } else if (input.isMultipleChoice && first.contains(u',')) {
        const QStringList parts = first.split(u',', Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            if (part.trimmed().isEmpty())
                continue;
            const auto item = input.matchChoice(part);
            if (!item) {
                result.unmatched = part.trimmed();
                return result;
            }
            addUnique(&result.choices, *item);
        }
    } else {
        result.unmatched = first.trimmed();
        return result;
    }
    if (input.isMultipleChoice) {
        // --answer Car --answer Home: the following answers, while they name an item.
        for (qsizetype i = 1; i < answers.size(); ++i) {
            const auto item = input.matchChoice(answers.at(i));
            if (!item)
                break;
            addUnique(&result.choices, *item);
            ++result.answersUsed;
        }
    }
    std::stable_sort(result.choices.begin(), result.choices.end(),
                     [&input](const ChatChoice &a, const ChatChoice &b) {
                         return indexOfItem(input, a) < indexOfItem(input, b);
                     });
    return result;
}

QString ChoiceReply::text(const QList<ChatChoice> &choices)
{
    QStringList texts;
    for (const ChatChoice &choice : choices)
        texts << choice.replyText();
    return texts.join(QStringLiteral(", "));
}

ChatAnswer ChoiceReply::answer(const ChatInput &input, const QList<ChatChoice> &choices)
{
    if (input.isCards() && !choices.isEmpty())
        return ChatAnswer::fromCard(choices.constFirst());
    return ChatAnswer::fromChoices(choices);
}

} // namespace Typebot
