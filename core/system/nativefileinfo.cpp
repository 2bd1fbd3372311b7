// SPDX-License-Identifier: GPL-3.0-or-later
#include "nativefileinfo.h"

#include "nativepath.h"

#include <cerrno>

#include <sys/stat.h>

namespace Typebot {

NativeFileInfo::NativeFileInfo(const QString &path)
{
    struct stat info = {};
    if (::stat(NativePath::toNative(path).constData(), &info) != 0) {
        m_error = errno;
        return;
    }
    m_isFile = S_ISREG(info.st_mode);
    m_isDir = S_ISDIR(info.st_mode);
    m_size = qint64(info.st_size);
    // Milliseconds, as QFileInfo::lastModified() has them.
    m_modified = QDateTime::fromMSecsSinceEpoch(qint64(info.st_mtim.tv_sec) * 1000
                                                + info.st_mtim.tv_nsec / 1000000);
}

QString NativeFileInfo::errorString() const
{
    return m_error == 0 ? QString() : qt_error_string(m_error);
}

} // namespace Typebot
