// SPDX-License-Identifier: GPL-3.0-or-later
#include "filetypetable.h"

#include <QSet>

namespace Sandbox {

namespace {

struct Row
{
    const char *mimeType;
    const char *extension;
};

// As the server has it: one extension per MIME type, no text types at all.
constexpr Row kTable[] = {
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

// Only while resolving the allowed types: jpg and jpe are jpeg, tiff is tif.
QString sameExtension(const QString &extension)
{
    if (extension == QLatin1String("jpg") || extension == QLatin1String("jpe"))
        return QStringLiteral("jpeg");
    if (extension == QLatin1String("tiff"))
        return QStringLiteral("tif");
    return extension;
}

QList<const Row *> resolve(const QStringList &allowedTypes)
{
    QSet<QString> mimeTypes;
    QSet<QString> families; // "image" for "image/*"
    QSet<QString> extensions;
    for (const QString &raw : allowedTypes) {
        const QString type = raw.trimmed().toLower();
        if (type.isEmpty())
            continue;
        mimeTypes.insert(type);
        if (type.endsWith(QLatin1String("/*")))
            families.insert(type.chopped(2));
        if (!type.contains(u'/'))
            extensions.insert(sameExtension(type.startsWith(u'.') ? type.mid(1) : type));
    }
    QList<const Row *> rows;
    for (const Row &row : kTable) {
        const QString mimeType = QLatin1String(row.mimeType);
        if (mimeTypes.contains(mimeType)
            || extensions.contains(sameExtension(QLatin1String(row.extension)))
            || families.contains(mimeType.section(u'/', 0, 0)))
            rows << &row;
    }
    return rows;
}

} // namespace

QStringList FileTypeTable::allowedMimeTypes(const QStringList &allowedTypes)
{
    QStringList list;
    for (const Row *row : resolve(allowedTypes))
        list << QLatin1String(row->mimeType);
    return list;
}

QStringList FileTypeTable::allowedExtensions(const QStringList &allowedTypes)
{
    QStringList list;
    for (const Row *row : resolve(allowedTypes)) {
        const QString extension = QLatin1String(row->extension);
        if (!list.contains(extension))
            list << extension;
    }
    return list;
}

bool FileTypeTable::isExtensionAllowed(const QString &extension, const QStringList &allowedTypes)
{
    return !extension.isEmpty() && allowedExtensions(allowedTypes).contains(extension.toLower());
}

bool FileTypeTable::isLinkAllowed(const QString &link, const QStringList &allowedTypes)
{
    const qsizetype dot = link.lastIndexOf(u'.');
    return dot >= 0 && isExtensionAllowed(link.mid(dot + 1), allowedTypes);
}

QString FileTypeTable::extensionForMimeType(const QString &mimeType)
{
    for (const Row &row : kTable) {
        if (mimeType == QLatin1String(row.mimeType))
            return QLatin1String(row.extension);
    }
    return QStringLiteral("bin");
}

QString FileTypeTable::normalisedMimeType(const QString &fileType)
{
    return fileType.toLower().section(u';', 0, 0).trimmed();
}

bool FileTypeTable::isUnsafeMimeType(const QString &mimeType)
{
    static const QStringList unsafe{
        QStringLiteral("image/svg+xml"),
        QStringLiteral("text/html"),
        QStringLiteral("text/xml"),
        QStringLiteral("application/xml"),
        QStringLiteral("application/xhtml+xml"),
        QStringLiteral("application/javascript"),
        QStringLiteral("application/ecmascript"),
        QStringLiteral("text/javascript"),
        QStringLiteral("text/ecmascript"),
    };
    return unsafe.contains(normalisedMimeType(mimeType));
}

} // namespace Sandbox
