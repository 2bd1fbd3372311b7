// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Typebot {

// Lists what is under a folder the way the engine needs it: every entry found ends up as
// a file to upload or as a problem that says why it cannot be (a folder that cannot be
// read, a link to a folder), so nothing is skipped in silence. Works on the raw bytes of
// names, which Qt's own iterators drop when they do not decode: a name that is not UTF-8
// is a file like any other, its path carried in NativePath's form (open it by that, show
// NativePath::readable() of it).
class FolderScanner final
{
public:
    struct Found
    {
        QString path; // absolute, in NativePath's form
        QString problem; // empty: a file to upload; else a sentence with the readable path
        QString code; // "LocalFile" with a problem

        bool isFile() const { return problem.isEmpty(); }
    };

    // Everything under `folder` (a path in NativePath's form), files in path order. Links
    // to folders are not followed (a loop could expand forever); each is reported.
    static QList<Found> scan(const QString &folder);
};

} // namespace Typebot
