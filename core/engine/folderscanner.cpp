// SPDX-License-Identifier: GPL-3.0-or-later
#include "folderscanner.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

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
    const QString shownFolder = QFile::decodeName(folder);
    // A tree deeper than any real one is a loop through bind mounts or a hostile layout.
    if (depth > 256) {
        found->append({ shownFolder, tr("%1 is nested too deep; not looked into").arg(shownFolder),
                        QStringLiteral("LocalFile") });
        return;
    }
    std::unique_ptr<DIR, DirCloser> dir(opendir(folder.constData()));
    if (!dir) {
        const int error = errno;
        found->append({ shownFolder,
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
        const QByteArray path = folder + '/' + name;
        const QString decoded = QFile::decodeName(path);
        if (QFile::encodeName(decoded) != path) {
            // Qt cannot name this file, so it cannot be opened by name: say so.
            const QString shown = shownFolder + u'/' + FolderScanner::renderName(name);
            found->append({ shown,
                            tr("The name of %1 is not valid UTF-8, so it cannot be read; "
                               "rename the file to upload it")
                                    .arg(shown),
                            QStringLiteral("LocalFile") });
            continue;
        }
        struct stat info = {};
        if (lstat(path.constData(), &info) != 0) {
            const int error = errno;
            found->append({ decoded,
                            tr("Cannot read %1: %2")
                                    .arg(decoded, QString::fromLocal8Bit(std::strerror(error))),
                            QStringLiteral("LocalFile") });
            continue;
        }
        if (S_ISLNK(info.st_mode)) {
            struct stat target = {};
            if (stat(path.constData(), &target) == 0 && S_ISDIR(target.st_mode)) {
                found->append({ decoded,
                                tr("%1 is a link to a folder, which is not followed; add the "
                                   "folder itself to upload what is in it")
                                        .arg(decoded),
                                QStringLiteral("LocalFile") });
                continue;
            }
            found->append({ decoded, QString(), QString() }); // a link to a file, or broken
            continue;
        }
        if (S_ISDIR(info.st_mode)) {
            scanInto(path, found, depth + 1);
            continue;
        }
        found->append({ decoded, QString(), QString() });
    }
}

} // namespace

QList<FolderScanner::Found> FolderScanner::scan(const QString &folder)
{
    QList<Found> found;
    QByteArray root = QFile::encodeName(folder);
    while (root.size() > 1 && root.endsWith('/'))
        root.chop(1);
    scanInto(root, &found, 0);
    return found;
}

QString FolderScanner::renderName(const QByteArray &name)
{
    // Each well-formed UTF-8 sequence as its character, every other byte as \xNN.
    QString shown;
    qsizetype i = 0;
    while (i < name.size()) {
        const auto lead = uchar(name.at(i));
        const int length = lead < 0x80  ? 1
                : (lead & 0xE0) == 0xC0 ? 2
                : (lead & 0xF0) == 0xE0 ? 3
                : (lead & 0xF8) == 0xF0 ? 4
                                        : 0;
        bool wellFormed = length > 0 && i + length <= name.size();
        for (int k = 1; wellFormed && k < length; ++k)
            wellFormed = (uchar(name.at(i + k)) & 0xC0) == 0x80;
        if (wellFormed) {
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString character = decoder.decode(QByteArrayView(name).sliced(i, length));
            wellFormed = !decoder.hasError(); // overlong forms and surrogates are not UTF-8
            if (wellFormed)
                shown += character;
        }
        if (!wellFormed) {
            shown += QStringLiteral("\\x")
                    + QStringLiteral("%1").arg(uint(lead), 2, 16, QLatin1Char('0')).toUpper();
            i += 1;
        } else {
            i += length;
        }
    }
    return shown;
}

} // namespace Typebot
