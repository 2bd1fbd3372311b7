// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatanswer.h"

#include "choicereply.h"
#include "filereply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Typebot {

ChatAnswer ChatAnswer::fromText(const QString &text)
{
    return ChatAnswer{ Kind::Text, text, {}, {} };
}

ChatAnswer ChatAnswer::fromChoice(const ChatChoice &choice)
{
    return fromChoices({ choice });
}

ChatAnswer ChatAnswer::fromChoices(const QList<ChatChoice> &choices)
{
    return ChatAnswer{ Kind::Text, ChoiceReply::text(choices), {}, {} };
}

ChatAnswer ChatAnswer::fromCard(const ChatChoice &card)
{
    ChatAnswer answer{ Kind::Text, card.content, {}, {} };
    if (!card.buttons.isEmpty() && !card.buttons.constFirst().id.isEmpty()) {
        answer.text = card.buttons.constFirst().id;
        answer.replyId = answer.text;
    }
    if (!card.pictureSrc.isEmpty())
        answer.fileUrls = QStringList{ card.pictureSrc };
    return answer;
}

ChatAnswer ChatAnswer::fromFiles(const QStringList &fileUrls)
{
    return ChatAnswer{ Kind::Files, FileReply::text(fileUrls), fileUrls, {} };
}

ChatAnswer ChatAnswer::skipped()
{
    return ChatAnswer{};
}

QByteArray ChatAnswer::requestBody() const
{
    if (kind == Kind::Skip)
        return QByteArray("{}");
    QJsonObject message{ { QStringLiteral("type"), QStringLiteral("text") },
                         { QStringLiteral("text"), text } };
    if (!fileUrls.isEmpty())
        message.insert(QStringLiteral("attachedFileUrls"), QJsonArray::fromStringList(fileUrls));
    if (!replyId.isEmpty())
        message.insert(QStringLiteral("metadata"),
                       QJsonObject{ { QStringLiteral("replyId"), replyId } });
    return QJsonDocument(QJsonObject{ { QStringLiteral("message"), message } })
            .toJson(QJsonDocument::Compact);
}

QString ChatAnswer::displayText() const
{
    if (kind == Kind::Skip)
        return QCoreApplication::translate("ChatAnswer", "(skipped)");
    return text;
}

} // namespace Typebot
