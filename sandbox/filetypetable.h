// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Sandbox {

// The server's fixed MIME type <-> extension table, written for the sandbox (it must not
// share rules with the client it tests). A file block's allowed types (MIME types,
// "image/*" wildcards, extensions with or without the dot) resolve through it; types
// outside the table, such as text/plain or .csv, resolve to nothing.
class FileTypeTable final
{
public:
    // The MIME types the allowed types resolve to; empty when none is in the table.
    static QStringList allowedMimeTypes(const QStringList &allowedTypes);
    // Whether a link's extension (without the dot, any case) is one of the allowed types.
    static bool isExtensionAllowed(const QString &extension, const QStringList &allowedTypes);
    // The extension a stored object gets from its MIME type; "bin" when it has no entry.
    static QString extensionForMimeType(const QString &mimeType);
    // Lower case, parameters stripped; empty for an empty or missing type.
    static QString normalisedMimeType(const QString &fileType);
    // Types that would run in a browser: stored as application/octet-stream.
    static bool isUnsafeMimeType(const QString &mimeType);
};

} // namespace Sandbox
