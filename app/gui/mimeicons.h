// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

class QColor;

// File-type icons for the queue: the desktop theme's MIME icon where there is one, else
// one of our own by broad kind (image, video, audio, text, archive, PDF, other). Cached.
class MimeIcons final
{
public:
    static QIcon icon(const QString &mimeType);
    // An action icon: the theme's `themeName`, else our :/icons/<resource>.svg.
    static QIcon themed(const QString &themeName, const QString &resource);
    // A bundled action icon with its ink replaced by `ink`.
    static QIcon ownActionIcon(const QString &resource, const QColor &ink);
    static constexpr const char OwnIconInk[] = "#37474f";
};
