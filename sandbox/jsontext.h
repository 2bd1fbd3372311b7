// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

namespace Sandbox {

// A JSON string literal, quotes included. QJsonObject sorts its keys, but the API's
// formData order and the policy's field order matter, so some JSON is written by hand.
inline QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{ text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace Sandbox
