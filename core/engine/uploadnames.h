// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Typebot {

// The names files are sent under in one chat session. Servers up to 3.16 store an upload
// under the name sent, so a second "readme.txt" in the same session would silently
// overwrite the first; each file claims a distinct name, "readme (2).txt" as browsers and
// file managers do, and keeps it once stored.
class UploadNames final
{
public:
    // Starts a session whose stored objects already use these names (from the history).
    void reset(const QStringList &takenNames);

    // The name job `jobId` sends `name` under: its earlier claim, the name itself when
    // free, else the first free "stem (n).ext".
    QString claim(quint64 jobId, const QString &name);
    // The job's file was not stored (failed, canceled, removed): its name is free again.
    void release(quint64 jobId);
    // The job's file was stored: its name stays taken, whatever happens to the job.
    void keep(quint64 jobId);

    static QString numbered(const QString &name, int n); // "a.tar.gz", 2 -> "a (2).tar.gz"

private:
    QSet<QString> m_taken; // stored, or claimed by a job in flight
    QHash<quint64, QString> m_claims; // by jobs not stored yet
};

} // namespace Typebot
