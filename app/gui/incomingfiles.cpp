// SPDX-License-Identifier: GPL-3.0-or-later
#include "incomingfiles.h"

#include "system/nativefileinfo.h"
#include "system/nativepath.h"

#include <QCoreApplication>
#include <QMimeData>
#include <QUrl>

IncomingFiles IncomingFiles::fromMimeData(const QMimeData *data, bool allowImageData)
{
    IncomingFiles result;
    if (!data) {
        result.rejection = tr("Nothing to add.");
        return result;
    }
    if (data->hasUrls()) {
        const QList<QUrl> urls = data->urls();
        for (const QUrl &url : urls) {
            if (!url.isLocalFile()) {
                const QString shown = url.toDisplayString(QUrl::RemovePassword | QUrl::RemoveQuery);
                result.paths.clear();
                result.rejection = url.scheme().startsWith(u"http")
                        ? tr("%1 is a web address, not a file on this computer. Download it "
                             "first, then add the file.")
                                  .arg(shown)
                        : tr("%1 is not a file on this computer; only local files and folders "
                             "can be uploaded.")
                                  .arg(shown);
                return result;
            }
            // Every byte of the name, in NativePath's form: a name that is not UTF-8 arrives
            // percent-escaped, and QUrl alone would name another file.
            const QString path = Typebot::NativePath::fromFileUrl(url);
            if (!Typebot::NativeFileInfo(path).exists()) {
                result.paths.clear();
                result.rejection = tr("%1 does not exist (any more).")
                                           .arg(Typebot::NativePath::readable(path));
                return result;
            }
            result.paths << path;
        }
        if (!result.paths.isEmpty())
            return result;
    }
    if (allowImageData && data->hasImage()) {
        result.image = qvariant_cast<QImage>(data->imageData());
        if (!result.image.isNull())
            return result;
    }
    if (data->hasImage())
        result.rejection = tr("This is image data, not a file. Paste it with Ctrl+V instead, "
                              "and it is saved as a PNG and uploaded.");
    else if (data->hasText())
        result.rejection = tr("This is text, not a file. Only files and folders can be uploaded.");
    else
        result.rejection = tr("This is not a file. Only files and folders can be uploaded.");
    return result;
}
