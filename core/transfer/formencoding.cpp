// SPDX-License-Identifier: GPL-3.0-or-later
#include "formencoding.h"

namespace Typebot {

QByteArray FormEncoding::escape(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "%22";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray FormEncoding::escapeFileName(const QString &fileName)
{
    QString base = fileName;
    const qsizetype slash = std::max(base.lastIndexOf(u'/'), base.lastIndexOf(u'\\'));
    if (slash >= 0)
        base = base.mid(slash + 1);
    return escape(base);
}

QByteArray FormEncoding::fieldDisposition(const QString &name)
{
    return "form-data; name=\"" + escape(name) + '"';
}

QByteArray FormEncoding::fileDisposition(const QString &name, const QString &fileName)
{
    return "form-data; name=\"" + escape(name) + "\"; filename=\"" + escapeFileName(fileName) + '"';
}

} // namespace Typebot
