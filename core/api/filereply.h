// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Typebot {

// The text of a file-input reply, built as the web widget builds it: each link with its
// last path segment percent-encoded (encodeURIComponent), joined with ", ". The server
// checks only this text: it splits it on ", ", so a raw name with a space or a comma
// would break its check; the raw links travel in attachedFileUrls.
class FileReply final
{
public:
    static constexpr QStringView Separator = u", ";

    // "https://s3/b/my scan.png" -> "https://s3/b/my%20scan.png".
    static QString encodeLink(const QString &url);
    // The reply's text for these links.
    static QString text(const QStringList &urls);
    // encodeURIComponent: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) as UTF-8 %XX.
    static QString encodeUriComponent(const QString &text);
};

} // namespace Typebot
