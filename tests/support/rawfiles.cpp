// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawfiles.h"

#include <QFile>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

bool RawFiles::write(const QByteArray &path, const QByteArray &content)
{
    const int fd = ::open(path.constData(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool written =
            ::write(fd, content.constData(), size_t(content.size())) == ssize_t(content.size());
    return ::close(fd) == 0 && written;
}

QByteArray RawFiles::read(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    QFile file;
    if (fd < 0 || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        if (fd >= 0)
            ::close(fd);
        return QByteArray();
    }
    return file.readAll();
}

bool RawFiles::removeTree(const QByteArray &path)
{
    struct stat info = {};
    if (::lstat(path.constData(), &info) != 0)
        return true; // nothing there
    if (!S_ISDIR(info.st_mode))
        return ::unlink(path.constData()) == 0;
    ::chmod(path.constData(), 0700); // a test may have locked it
    bool ok = true;
    if (DIR *dir = ::opendir(path.constData())) {
        while (const dirent *entry = ::readdir(dir)) {
            const QByteArray name(entry->d_name);
            if (name != "." && name != "..")
                ok = removeTree(path + '/' + name) && ok;
        }
        ::closedir(dir);
    }
    return ::rmdir(path.constData()) == 0 && ok;
}

QByteArray RawFiles::printfEscaped(const QByteArray &bytes)
{
    QByteArray escaped;
    for (const char byte : bytes)
        escaped += "\\0" + QByteArray::number(uchar(byte), 8).rightJustified(3, '0');
    return escaped;
}
