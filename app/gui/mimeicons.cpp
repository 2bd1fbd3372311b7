// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimeicons.h"

#include <QFile>
#include <QFileIconProvider>
#include <QGuiApplication>
#include <QHash>
#include <QMimeDatabase>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

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
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    return ownActionIcon(resource, QGuiApplication::palette().color(QPalette::WindowText));
}

QIcon MimeIcons::ownActionIcon(const QString &resource, const QColor &ink)
{
    // The bundled action icons are drawn in one ink (#37474f) for light themes; without an
    // icon theme (a bare desktop, Xvfb) they are redrawn in the palette's text colour, so
    // the toolbar stays readable in a dark theme too.
    QFile file(QStringLiteral(":/icons/") + resource + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace(OwnIconInk, ink.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    QIcon icon;
    for (const int size : { 16, 22, 24, 32, 48, 64 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
