// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Sandbox {

// The server's fixed MIME type <-> extension table, written for the sandbox from
// typebot-api.md (it must not share rules with the client it tests). A file block's
// allowed types (MIME types, "image/*" wildcards, extensions with or without the dot)
// resolve to rows of it, jpg/jpe meaning jpeg and tiff meaning tif there; a link then
// passes when the text after its last '.' is the extension of one of those rows. Types
// outside the table, such as text/plain or .csv, resolve to nothing.
class FileTypeTable final
{
public:
    // The MIME types the allowed types resolve to; empty when none is in the table.
    static QStringList allowedMimeTypes(const QStringList &allowedTypes);
    // The extensions a link may end with, as the table spells them ("jpeg", "jpg", "tif").
    static QStringList allowedExtensions(const QStringList &allowedTypes);
    // Whether a link's extension (without the dot, any case) is one of allowedExtensions().
    static bool isExtensionAllowed(const QString &extension, const QStringList &allowedTypes);
    // The server's check of one link as it appears in the reply's text: the text after
    // its last '.', whatever it is.
    static bool isLinkAllowed(const QString &link, const QStringList &allowedTypes);
    // The extension a stored object gets from its MIME type; "bin" when it has no entry.
    static QString extensionForMimeType(const QString &mimeType);
    // Lower case, parameters stripped; empty for an empty or missing type.
    static QString normalisedMimeType(const QString &fileType);
    // Types that would run in a browser: stored as application/octet-stream.
    static bool isUnsafeMimeType(const QString &mimeType);
};

} // namespace Sandbox
