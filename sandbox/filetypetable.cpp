// SPDX-License-Identifier: GPL-3.0-or-later
#include "filetypetable.h"

#include <QSet>

namespace Sandbox {

namespace {

struct Entry
{
    const char *mimeType;
    const char *extension; // what a stored object of this type is named with
    const char *aliases; // other extensions that mean the same, space-separated
};

// Deliberately small: what a file-input block meets in practice. No text types.
constexpr Entry kTable[] = {
    { "image/png", "png", "" },
    { "image/jpeg", "jpeg", "jpg jpe" },
    { "image/jpg", "jpg", "jpeg jpe" },
    { "image/gif", "gif", "" },
    { "image/webp", "webp", "" },
    { "image/avif", "avif", "" },
    { "image/bmp", "bmp", "" },
    { "image/heic", "heic", "" },
    { "image/heif", "heif", "" },
    { "image/svg+xml", "svg", "" },
    { "image/tiff", "tif", "tiff" },
    { "audio/mpeg", "mp3", "" },
    { "audio/mp3", "mp3", "" },
    { "audio/mp4", "m4a", "" },
    { "audio/aac", "aac", "" },
    { "audio/ogg", "ogg", "" },
    { "audio/wav", "wav", "" },
    { "audio/webm", "weba", "" },
    { "video/mp4", "mp4", "" },
    { "video/mpeg", "mpeg", "" },
    { "video/ogg", "ogv", "" },
    { "video/quicktime", "mov", "" },
    { "video/webm", "webm", "" },
    { "application/pdf", "pdf", "" },
    { "application/msword", "doc", "" },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "" },
    { "application/vnd.ms-excel", "xls", "" },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "" },
    { "application/vnd.ms-powerpoint", "ppt", "" },
    { "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "" },
    { "application/vnd.oasis.opendocument.text", "odt", "" },
    { "application/vnd.oasis.opendocument.spreadsheet", "ods", "" },
    { "application/vnd.oasis.opendocument.presentation", "odp", "" },
    { "application/rtf", "rtf", "" },
    { "application/zip", "zip", "" },
    { "application/gzip", "gz", "" },
    { "application/x-tar", "tar", "" },
    { "application/x-7z-compressed", "7z", "" },
    { "application/x-rar-compressed", "rar", "" },
    { "application/json", "json", "" },
    { "application/xml", "xml", "" },
};

QSet<QString> extensionsOf(const Entry &entry)
{
    QSet<QString> extensions{ QLatin1String(entry.extension) };
    for (const QString &alias : QString::fromLatin1(entry.aliases).split(u' ', Qt::SkipEmptyParts))
        extensions.insert(alias);
    return extensions;
}

QString baseType(const QString &mimeType)
{
    return mimeType.section(u'/', 0, 0);
}

// Every extension the allowed types stand for, aliases included.
QSet<QString> allowedExtensions(const QStringList &allowedTypes)
{
    QSet<QString> allowed;
    for (const QString &raw : allowedTypes) {
        QString type = raw.trimmed().toLower();
        if (type.contains(u'/')) {
            const bool wildcard = type.endsWith(QLatin1String("/*"));
            for (const Entry &entry : kTable) {
                const QString mimeType = QLatin1String(entry.mimeType);
                if (wildcard ? baseType(mimeType) == baseType(type) : mimeType == type)
                    allowed.unite(extensionsOf(entry));
            }
            continue;
        }
        while (type.startsWith(u'*') || type.startsWith(u'.'))
            type.remove(0, 1);
        for (const Entry &entry : kTable) {
            const QSet<QString> extensions = extensionsOf(entry);
            if (extensions.contains(type))
                allowed.unite(extensions);
        }
    }
    return allowed;
}

} // namespace

QStringList FileTypeTable::allowedMimeTypes(const QStringList &allowedTypes)
{
    const QSet<QString> extensions = allowedExtensions(allowedTypes);
    QStringList mimeTypes;
    for (const Entry &entry : kTable) {
        if (extensionsOf(entry).intersects(extensions))
            mimeTypes << QLatin1String(entry.mimeType);
    }
    return mimeTypes;
}

bool FileTypeTable::isExtensionAllowed(const QString &extension, const QStringList &allowedTypes)
{
    return !extension.isEmpty() && allowedExtensions(allowedTypes).contains(extension.toLower());
}

QString FileTypeTable::extensionForMimeType(const QString &mimeType)
{
    for (const Entry &entry : kTable) {
        if (mimeType == QLatin1String(entry.mimeType))
            return QLatin1String(entry.extension);
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
