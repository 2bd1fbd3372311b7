// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QUrl;
class QVariant;

namespace Typebot {

// A Unix path is any byte string; Qt turns one into a QString as UTF-8 and replaces what
// does not decode with U+FFFD, so a file named in Latin-1 can be listed but never opened.
// NativePath carries every path losslessly in a QString the way Python's "surrogateescape"
// (PEP 383) does: well-formed UTF-8 decodes as usual and each other byte B becomes the lone
// surrogate U+DC00+B (B is 0x80..0xFF). Such a string is for opening the file (toNative);
// for people, logs and the name sent to a server use readable(), which never holds a lone
// surrogate (they would turn into '?' or U+FFFD wherever the text is encoded).
class NativePath final
{
public:
    // The path for these bytes. Valid UTF-8 gives what QFile::decodeName gives, except that
    // a leading byte order mark is kept (Qt drops it, and names the wrong file).
    static QString fromNative(QByteArrayView bytes);
    // The exact bytes fromNative() was given; for any other text, its UTF-8.
    static QByteArray toNative(QStringView path);
    // True when the path holds escaped bytes, i.e. its name on disk is not UTF-8.
    static bool hasEscapedBytes(QStringView path);
    // The byte escaped at `index` (0x80..0xFF), or -1 when the UTF-16 unit there is text,
    // for code that writes the path out in its own syntax (a shell command).
    static int escapedByteAt(QStringView path, qsizetype index);
    // The local path a file:// URL names, every byte of it; an empty string for any other
    // URL. QUrl::toLocalFile() turns a percent-escape that is not UTF-8 into U+FFFD
    // ("caf%E9.txt" becomes "caf\uFFFD.txt"), naming a file that does not exist.
    static QString fromFileUrl(const QUrl &url);
    // The file:// URL of the path, every byte kept (fromFileUrl() gives the path back); for
    // a UTF-8 path, what QUrl::fromLocalFile() gives.
    static QUrl toFileUrl(const QString &path);
    // The path made absolute against the working folder and cleaned (no "." or ".."), as
    // QFileInfo::absoluteFilePath() does, without passing it through an encoding that
    // would lose escaped bytes (of the path or of the working folder).
    static QString absolute(const QString &path);

    // Valid UTF-8 text for people and for the name sent to a server: each escaped byte
    // shown as the Windows-1252 character it most likely was ("caf\xE9" -> "café"), as
    // non-UTF-8 names mostly come from Windows or Latin-1 systems. Not reversible: open
    // the file by the path itself.
    static QString readable(QStringView path);
    // The last part of the path (the file's own name), readable.
    static QString displayName(QStringView path);

    // For a database column: the path as text when text holds it, else its bytes (SQLite
    // stores them as a BLOB; text would lose the escaped bytes).
    static QVariant toStorable(const QString &path);
    // The path stored by toStorable(), whichever of the two it was stored as.
    static QString fromStored(const QVariant &value);
};

} // namespace Typebot
