// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

// Files named by raw bytes, for tests of names that are not UTF-8: Qt can neither create
// nor remove them by name (QTemporaryDir leaves them, and their folder, behind).
class RawFiles final
{
public:
    static bool write(const QByteArray &path, const QByteArray &content);
    static QByteArray read(const QByteArray &path); // empty when it cannot be read
    // Removes `path` and everything under it, whatever the names; links are not followed.
    static bool removeTree(const QByteArray &path);
    // The bytes as printf(1)'s %b reads them back (every byte as \0NNN): a way to pass a
    // name to a child process through a shell, as QProcess encodes arguments as UTF-8.
    static QByteArray printfEscaped(const QByteArray &bytes);
};
