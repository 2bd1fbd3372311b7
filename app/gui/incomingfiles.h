// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QStringList>

class QMimeData;

// What a drop or a paste offers: local files and folders, or image data, or a reason in
// the user's words why it cannot be uploaded. Shared by the drop zone, the queue and paste.
class IncomingFiles final
{
    Q_DECLARE_TR_FUNCTIONS(IncomingFiles)

public:
    QStringList paths; // local files and folders, in NativePath's form
    QImage image; // image data without a file (a screenshot on the clipboard)
    QString rejection; // non-empty: nothing can be taken, and why

    bool isAcceptable() const
    {
        return rejection.isEmpty() && (!paths.isEmpty() || !image.isNull());
    }

    // `allowImageData`: take raw image data (paste); drops of files only take files.
    static IncomingFiles fromMimeData(const QMimeData *data, bool allowImageData);
};
