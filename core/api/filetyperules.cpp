// SPDX-License-Identifier: GPL-3.0-or-later
#include "filetyperules.h"

#include "system/localfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>

namespace Typebot {

namespace {

// The server's table (typebot-api.md): each MIME type with the one extension it stands
// for. Deliberately without text types: the server has none, so text/plain, .txt and
// .csv match nothing there.
const QList<FileTypeRules::Type> &serverTable()
{
    static const QList<FileTypeRules::Type> table = [] {
        const char *const rows[][2] = {
            { "audio/aac", "aac" },
            { "audio/mp3", "mp3" },
            { "audio/mp4", "m4a" },
            { "audio/mpeg", "mp3" },
            { "audio/ogg", "ogg" },
            { "audio/wav", "wav" },
            { "audio/wave", "wav" },
            { "audio/webm", "webm" },
            { "image/avif", "avif" },
            { "image/bmp", "bmp" },
            { "image/gif", "gif" },
            { "image/heic", "heic" },
            { "image/heif", "heif" },
            { "image/jpeg", "jpeg" },
            { "image/jpg", "jpg" },
            { "image/png", "png" },
            { "image/svg+xml", "svg" },
            { "image/tiff", "tif" },
            { "image/webp", "webp" },
            { "image/wmf", "wmf" },
            { "video/mp4", "mp4" },
            { "video/mpeg", "mpeg" },
            { "video/ogg", "ogv" },
            { "video/quicktime", "mov" },
            { "video/webm", "webm" },
            { "application/pdf", "pdf" },
            { "application/msword", "doc" },
            { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx" },
            { "application/vnd.ms-excel", "xls" },
            { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx" },
            { "application/vnd.ms-powerpoint", "ppt" },
            { "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx" },
            { "application/zip", "zip" },
            { "application/x-rar-compressed", "rar" },
            { "application/x-7z-compressed", "7z" },
            { "application/json", "json" },
            { "application/xml", "xml" },
            { "application/javascript", "js" },
            { "application/x-tar", "tar" },
            { "application/gzip", "gz" },
            { "application/vnd.android.package-archive", "apk" },
            { "application/x-executable", "exe" },
            { "application/vnd.apple.installer+xml", "mpkg" },
            { "application/rtf", "rtf" },
            { "application/x-sh", "sh" },
            { "application/x-font-ttf", "ttf" },
            { "application/vnd.oasis.opendocument.text", "odt" },
            { "application/vnd.oasis.opendocument.spreadsheet", "ods" },
            { "application/vnd.oasis.opendocument.presentation", "odp" },
        };
        QList<FileTypeRules::Type> list;
        for (const auto &row : rows)
            list.append({ QLatin1String(row[0]), QLatin1String(row[1]) });
        return list;
    }();
    return table;
}

// Extensions the server treats as one when it resolves the listed types (only there: a
// link's extension is compared with the table's own spelling).
QString equivalentExtension(const QString &extension)
{
    if (extension == u"jpg" || extension == u"jpe")
        return QStringLiteral("jpeg");
    if (extension == u"tiff")
        return QStringLiteral("tif");
    return extension;
}

QString baseType(const QString &mimeType)
{
    return mimeType.section(u'/', 0, 0);
}

// A listed extension as the server reads it: one leading dot dropped, nothing more.
QString listedExtension(const QString &type)
{
    return equivalentExtension(type.startsWith(u'.') ? type.mid(1) : type);
}

QString suffixOf(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    return dot < 0 ? QString() : fileName.mid(dot + 1).toLower();
}

QString shownExtension(const QString &extension)
{
    return extension.isEmpty()
            ? QCoreApplication::translate("FileTypeRules", "a file without extension")
            : u'.' + extension;
}

} // namespace

FileTypeRules::FileTypeRules(const QStringList &types, bool enabled) : m_enabled(enabled)
{
    for (const QString &type : types) {
        if (!type.trimmed().isEmpty())
            m_types << type.trimmed();
    }
    QStringList normalised;
    QSet<QString> wildcards;
    QSet<QString> extensions;
    for (const QString &type : std::as_const(m_types)) {
        const QString t = type.toLower();
        normalised << t;
        if (t.endsWith(QLatin1String("/*")))
            wildcards.insert(t.chopped(2));
        if (!t.contains(u'/'))
            extensions.insert(listedExtension(t));
    }
    for (const Type &row : serverTable()) {
        if (normalised.contains(row.mimeType)
            || extensions.contains(equivalentExtension(row.extension))
            || wildcards.contains(baseType(row.mimeType)))
            m_resolved << row;
    }
}

QStringList FileTypeRules::extensions() const
{
    QStringList list;
    for (const Type &row : m_resolved) {
        if (!list.contains(row.extension))
            list << row.extension;
    }
    return list;
}

QStringList FileTypeRules::mimeTypes() const
{
    QStringList list;
    for (const Type &row : m_resolved)
        list << row.mimeType;
    return list;
}

QStringList FileTypeRules::unmatchedTypes() const
{
    QStringList unmatched;
    for (const QString &type : m_types) {
        if (FileTypeRules(QStringList{ type }, true).m_resolved.isEmpty())
            unmatched << type;
    }
    return unmatched;
}

QString FileTypeRules::listedText() const
{
    QStringList shown;
    for (const QString &type : m_types)
        shown << (type.contains(u'/') || type.startsWith(u'.') ? type : u'.' + type);
    return shown.join(QStringLiteral(", "));
}

bool FileTypeRules::isListedByBot(const QString &extension, const QString &mimeType) const
{
    for (const QString &type : m_types) {
        const QString t = type.toLower();
        if (t.contains(u'/')) {
            if (t == mimeType
                || (t.endsWith(QLatin1String("/*")) && baseType(t) == baseType(mimeType)))
                return true;
        } else if (!extension.isEmpty() && listedExtension(t) == equivalentExtension(extension)) {
            return true;
        }
    }
    return false;
}

FileTypeRules::Check FileTypeRules::check(const QString &fileName, const QString &mimeType,
                                          Naming naming) const
{
    if (!isRestricted())
        return {};
    const QString extension = suffixOf(QFileInfo(fileName).fileName());
    QString mime = normalisedMimeType(mimeType);
    if (mime.isEmpty())
        mime = QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension).name();

    if (m_resolved.isEmpty())
        return { Verdict::NothingMatches,
                 QCoreApplication::translate(
                         "FileTypeRules",
                         "none of the bot's allowed types (%1) is in Typebot's file type "
                         "table, so the server refuses every file at this block; the bot's "
                         "author must allow types such as .pdf or image/*")
                         .arg(listedText()) };

    // The slot (v3 from 3.15) and, from 3.17, the stored name both follow the MIME type;
    // up to 3.16 the link keeps the file's own name, so its extension must pass too.
    const bool mimeOk = mimeTypes().contains(mime);
    const bool extensionOk = naming == Naming::ByType || extensions().contains(extension);
    if (mimeOk && extensionOk)
        return {};

    if (!isListedByBot(extension, mime))
        return { Verdict::NotListed,
                 QCoreApplication::translate("FileTypeRules", "the bot accepts only %1, not %2")
                         .arg(listedText(), shownExtension(extension)) };
    if (mimeOk) {
        // e.g. photo.jpg where only image/jpeg (.jpeg) is allowed, or scan.tiff (.tif).
        return { Verdict::ExtensionDiffers,
                 QCoreApplication::translate(
                         "FileTypeRules",
                         "servers that keep file names (before 3.17) compare the link's "
                         "extension %1 with %2 and refuse it; rename the file to .%3")
                         .arg(shownExtension(extension),
                              u'.' + extensions().join(QStringLiteral(", .")),
                              extensionForMimeType(mime)) };
    }
    if (extensions().contains(extension)) {
        // e.g. photo.jpg whose bytes are a PNG, or a .wav the system calls audio/x-wav.
        return { Verdict::ContentDiffers,
                 QCoreApplication::translate("FileTypeRules",
                                             "its content is %1, which the server does not take "
                                             "for this block (it takes %2)")
                         .arg(mime, mimeTypes().join(QStringLiteral(", "))) };
    }
    return { Verdict::NotInServerTable,
             QCoreApplication::translate("FileTypeRules",
                                         "the bot lists %1, but Typebot's server cannot match "
                                         "%2 (%3 is not in its file type table), so it refuses "
                                         "the file")
                     .arg(listedText(), shownExtension(extension), mime) };
}

bool FileTypeRules::acceptsLink(const QString &link) const
{
    if (!isRestricted())
        return true;
    const qsizetype dot = link.lastIndexOf(u'.');
    if (dot < 0)
        return false;
    const QString extension = link.mid(dot + 1).toLower();
    return !extension.isEmpty() && extensions().contains(extension);
}

const QList<FileTypeRules::Type> &FileTypeRules::table()
{
    return serverTable();
}

QString FileTypeRules::extensionForMimeType(const QString &mimeType)
{
    const QString mime = normalisedMimeType(mimeType);
    for (const Type &row : serverTable()) {
        if (row.mimeType == mime)
            return row.extension;
    }
    return QStringLiteral("bin");
}

QString FileTypeRules::normalisedMimeType(const QString &mimeType)
{
    return mimeType.toLower().section(u';', 0, 0).trimmed();
}

QString FileTypeRules::mimeTypeForFile(const QString &path)
{
    // The same guess as UploadJob's, so the check sees the fileType the slot will get.
    return LocalFile::mimeType(path);
}

FileTypeRules::Naming FileTypeRules::namingFor(const ServerKnowledge &knowledge)
{
    switch (knowledge.style) {
    case ServerKnowledge::SendStyle::UploadProxy:
        return Naming::ByType;
    case ServerKnowledge::SendStyle::PostPolicy:
    case ServerKnowledge::SendStyle::PresignedPut:
        return Naming::AsSent;
    case ServerKnowledge::SendStyle::Unknown:
        break;
    }
    return Naming::Unknown;
}

} // namespace Typebot
