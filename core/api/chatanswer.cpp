// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatanswer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Typebot {

ChatAnswer ChatAnswer::fromText(const QString &text)
{
    return ChatAnswer{ Kind::Text, text, {} };
}

ChatAnswer ChatAnswer::fromChoice(const ChatChoice &choice)
{
    // The widget answers a button with the item's content as plain text.
    return ChatAnswer{ Kind::Text, choice.content, {} };
}

ChatAnswer ChatAnswer::fromFiles(const QStringList &fileUrls)
{
    // The widget's text is the links joined by ", "; servers split on it.
    return ChatAnswer{ Kind::Files, fileUrls.join(QStringLiteral(", ")), fileUrls };
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
    if (kind == Kind::Files)
        message.insert(QStringLiteral("attachedFileUrls"), QJsonArray::fromStringList(fileUrls));
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
