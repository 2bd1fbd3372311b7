// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfile.h"

#include "nativefileinfo.h"
#include "nativepath.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace Typebot {

bool LocalFile::openForReading(QFile *file, const QString &path, QIODevice::OpenMode mode,
                               QString *error)
{
    Q_ASSERT(!(mode & QIODevice::WriteOnly));
    const int fd = ::open(NativePath::toNative(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = qt_error_string(errno);
        return false;
    }
    if (!file->open(fd, mode, QFileDevice::AutoCloseHandle)) {
        if (error)
            *error = file->errorString();
        ::close(fd); // Qt only takes the descriptor over once it opened it
        return false;
    }
    return true;
}

QString LocalFile::mimeType(const QString &path)
{
    const QMimeDatabase mimes;
    const QString name = NativePath::displayName(path);
    QString type;
    if (NativeFileInfo(path).isFile()) {
        // What mimeTypeForFile does for a regular file, with the file opened by its bytes.
        QFile file;
        type = openForReading(&file, path)
                ? mimes.mimeTypeForFileNameAndData(name, &file).name()
                : mimes.mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    } else if (!NativePath::hasEscapedBytes(path)) {
        // Folders, devices and pipes (never opened: opening a pipe can block until someone
        // writes to it), missing files: Qt knows what to say about them by path.
        type = mimes.mimeTypeForFile(QFileInfo(path)).name();
    } else {
        type = mimes.mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    }
    if (type == u"application/x-zerosize")
        type = mimes.mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    return type;
}

} // namespace Typebot
