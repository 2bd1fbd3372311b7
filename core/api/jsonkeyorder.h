// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>

namespace Typebot {

// QJsonObject sorts its keys, but S3 form fields must be sent in the server's order.
// This small scanner reads the key order of one member object straight from the text.
class JsonKeyOrder final
{
public:
    // Keys of the object at top-level member `member` of `json`, in document order.
    // Empty when the text is not a JSON object or the member is not an object.
    static QStringList ofMember(const QByteArray &json, const QString &member);
};

} // namespace Typebot
