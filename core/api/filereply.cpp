// SPDX-License-Identifier: GPL-3.0-or-later
#include "filereply.h"

#include <QByteArray>

namespace Typebot {

QString FileReply::encodeUriComponent(const QString &text)
{
    // QByteArray::toPercentEncoding keeps A-Z a-z 0-9 - . _ ~; the rest of the set that
    // encodeURIComponent leaves alone is added here.
    return QString::fromLatin1(text.toUtf8().toPercentEncoding("!*'()"));
}

QString FileReply::encodeLink(const QString &url)
{
    // The widget takes the text after the last '/' (query and all; the links the server
    // hands out have none) and encodes it.
    const qsizetype slash = url.lastIndexOf(u'/');
    const QString name = url.mid(slash + 1);
    if (name.isEmpty())
        return url;
    return url.left(slash + 1) + encodeUriComponent(name);
}

QString FileReply::text(const QStringList &urls)
{
    QStringList encoded;
    encoded.reserve(urls.size());
    for (const QString &url : urls)
        encoded << encodeLink(url);
    return encoded.join(Separator);
}

} // namespace Typebot
