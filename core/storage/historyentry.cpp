// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyentry.h"

#include "system/nativepath.h"

namespace Typebot {

namespace {
QByteArray csvField(const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    // Spreadsheet apps run cells that start with these as formulas.
    if (!utf8.isEmpty() && QByteArray("=+-@\t\r").contains(utf8.at(0)))
        utf8.prepend('\'');
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}
} // namespace

QByteArray HistoryEntry::toCsv(const QList<HistoryEntry> &entries)
{
    QByteArray csv = "stored_at,name,size,profile,session,file_url,path\r\n";
    for (const HistoryEntry &e : entries) {
        csv += csvField(e.storedAt.toString(Qt::ISODate)) + ',' + csvField(e.name) + ','
                + QByteArray::number(e.size) + ',' + csvField(e.profile) + ','
                + csvField(e.sessionId) + ',' + csvField(e.fileUrl) + ','
                + csvField(NativePath::readable(e.path)) // UTF-8 text: a name may not be
                + "\r\n";
    }
    return csv;
}

} // namespace Typebot
