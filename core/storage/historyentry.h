// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Typebot {

// One stored file, kept after its queue row is cleared: a link must never be forgotten.
struct HistoryEntry
{
    quint64 id = 0;
    quint64 jobId = 0;
    QString name;
    QString path;
    qint64 size = 0;
    QString profile;
    QString sessionId;
    QString fileUrl;
    QDateTime storedAt; // UTC

    // RFC 4180 CSV with a header row; fields quoted where needed.
    static QByteArray toCsv(const QList<HistoryEntry> &entries);
};

} // namespace Typebot
