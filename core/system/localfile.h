// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QString>

class QFile;

namespace Typebot {

// Reading a file given by a path in NativePath's form. QFile(path) encodes the path as
// UTF-8, so a name that is not UTF-8 (an escaped byte) would be looked for under another
// name; these open by the exact bytes and hand Qt the open descriptor.
class LocalFile final
{
public:
    // Opens `file` (not open, no name needed) for reading `path`. On failure `file` stays
    // closed and `error` says why in the system's words ("Permission denied").
    static bool openForReading(QFile *file, const QString &path,
                               QIODevice::OpenMode mode = QIODevice::ReadOnly,
                               QString *error = nullptr);

    // The MIME type of the file, by its name and content as QMimeDatabase::mimeTypeForFile
    // finds it; an empty file by its name alone (it has no content to sniff, and a
    // browser would send the type its name says).
    static QString mimeType(const QString &path);
};

} // namespace Typebot
