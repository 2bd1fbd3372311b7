// SPDX-License-Identifier: GPL-3.0-or-later
#include "folderscanner.h"

#include "system/nativepath.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <sys/stat.h>

namespace Typebot {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FolderScanner", text);
}

struct DirCloser
{
    void operator()(DIR *dir) const
    {
        if (dir)
            closedir(dir);
    }
};

void scanInto(const QByteArray &folder, QList<FolderScanner::Found> *found, int depth)
{
    const QString folderPath = NativePath::fromNative(folder);
    const QString shownFolder = NativePath::readable(folderPath);
    // A tree deeper than any real one is a loop through bind mounts or a hostile layout.
    if (depth > 256) {
        found->append({ folderPath, tr("%1 is nested too deep; not looked into").arg(shownFolder),
                        QStringLiteral("LocalFile") });
        return;
    }
    std::unique_ptr<DIR, DirCloser> dir(opendir(folder.constData()));
    if (!dir) {
        const int error = errno;
        found->append({ folderPath,
                        tr("Cannot read the folder %1: %2")
                                .arg(shownFolder, QString::fromLocal8Bit(std::strerror(error))),
                        QStringLiteral("LocalFile") });
        return;
    }
    QList<QByteArray> names;
    errno = 0;
    while (const dirent *entry = readdir(dir.get())) {
        const QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            names << name;
    }
    std::sort(names.begin(), names.end());
    for (const QByteArray &name : std::as_const(names)) {
        const QByteArray bytes = folder + '/' + name;
        // Lossless whatever the bytes: the file is opened by this, never by a rendering.
        const QString path = NativePath::fromNative(bytes);
        const QString shown = NativePath::readable(path);
        struct stat info = {};
        if (lstat(bytes.constData(), &info) != 0) {
            const int error = errno;
            found->append({ path,
                            tr("Cannot read %1: %2")
                                    .arg(shown, QString::fromLocal8Bit(std::strerror(error))),
                            QStringLiteral("LocalFile") });
            continue;
        }
        if (S_ISLNK(info.st_mode)) {
            struct stat target = {};
            if (stat(bytes.constData(), &target) == 0 && S_ISDIR(target.st_mode)) {
                found->append({ path,
                                tr("%1 is a link to a folder, which is not followed; add the "
                                   "folder itself to upload what is in it")
                                        .arg(shown),
                                QStringLiteral("LocalFile") });
                continue;
            }
            found->append({ path, QString(), QString() }); // a link to a file, or broken
            continue;
        }
        if (S_ISDIR(info.st_mode)) {
            scanInto(bytes, found, depth + 1);
            continue;
        }
        found->append({ path, QString(), QString() });
    }
}

} // namespace

QList<FolderScanner::Found> FolderScanner::scan(const QString &folder)
{
    QList<Found> found;
    QByteArray root = NativePath::toNative(folder);
    while (root.size() > 1 && root.endsWith('/'))
        root.chop(1);
    scanInto(root, &found, 0);
    return found;
}

} // namespace Typebot
