// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimeicons.h"

#include <QFileIconProvider>
#include <QHash>
#include <QMimeDatabase>

namespace {

QString ownIconFor(const QMimeType &type)
{
    const QString name = type.name();
    if (name.startsWith(u"image/"))
        return QStringLiteral(":/icons/file-image.svg");
    if (name.startsWith(u"video/"))
        return QStringLiteral(":/icons/file-video.svg");
    if (name.startsWith(u"audio/"))
        return QStringLiteral(":/icons/file-audio.svg");
    if (name == u"application/pdf")
        return QStringLiteral(":/icons/file-pdf.svg");
    if (type.inherits(QStringLiteral("application/zip"))
        || type.inherits(QStringLiteral("application/x-tar"))
        || type.inherits(QStringLiteral("application/gzip")) || name.contains(u"compressed")
        || name.contains(u"archive"))
        return QStringLiteral(":/icons/file-archive.svg");
    if (type.inherits(QStringLiteral("text/plain")))
        return QStringLiteral(":/icons/file-text.svg");
    return QStringLiteral(":/icons/file-generic.svg");
}

} // namespace

QIcon MimeIcons::icon(const QString &mimeType)
{
    static QHash<QString, QIcon> cache;
    const auto it = cache.constFind(mimeType);
    if (it != cache.cend())
        return it.value();

    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    QIcon result = QIcon::fromTheme(type.iconName());
    if (result.isNull())
        result = QIcon::fromTheme(type.genericIconName());
    if (result.isNull())
        result = QIcon(ownIconFor(type));
    if (result.availableSizes().isEmpty() && result.pixmap(16, 16).isNull())
        result = QFileIconProvider().icon(QFileIconProvider::File);
    cache.insert(mimeType, result);
    return result;
}

QIcon MimeIcons::themed(const QString &themeName, const QString &resource)
{
    return QIcon::fromTheme(themeName,
                            QIcon(QStringLiteral(":/icons/") + resource + QStringLiteral(".svg")));
}
