// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Typebot {

// Lists what is under a folder the way the engine needs it: every entry found ends up as
// a file to upload or as a problem that says why it cannot be (a folder that cannot be
// read, a name that is not valid UTF-8, a link to a folder), so nothing is skipped in
// silence. Works on the raw bytes of names, which Qt's own iterators drop when they do
// not decode.
class FolderScanner final
{
public:
    struct Found
    {
        QString path; // absolute; for an undecodable name, a readable rendering of it
        QString problem; // empty: a file to upload
        QString code; // "LocalFile" with a problem

        bool isFile() const { return problem.isEmpty(); }
    };

    // Everything under `folder`, files in path order. Links to folders are not followed
    // (a loop could expand forever); each is reported.
    static QList<Found> scan(const QString &folder);
    // "bad\xFF.txt": the bytes that are not UTF-8 shown as \x escapes, the rest as text.
    static QString renderName(const QByteArray &name);
};

} // namespace Typebot
