// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadbodyfile.h"

#include "system/localfile.h"

#include <algorithm>

namespace Typebot {

UploadBodyFile::UploadBodyFile(const QString &path, qint64 sizeLimit, QObject *parent)
    : QFile(parent),
      m_path(path),
      m_limit(std::max<qint64>(0, sizeLimit))
{
}

bool UploadBodyFile::open(OpenMode mode)
{
    QString error;
    if (LocalFile::openForReading(this, m_path, mode, &error))
        return true;
    setErrorString(error);
    return false;
}

bool UploadBodyFile::seek(qint64 position)
{
    // Going back over bytes already handed out means Qt is sending them again.
    if (position < m_highestRead)
        ++m_rewinds;
    m_highestRead = std::min(m_highestRead, position);
    return QFile::seek(position);
}

qint64 UploadBodyFile::size() const
{
    return std::min(QFile::size(), m_limit);
}

bool UploadBodyFile::atEnd() const
{
    return pos() >= size();
}

qint64 UploadBodyFile::bytesAvailable() const
{
    return std::max<qint64>(0, size() - pos());
}

qint64 UploadBodyFile::readData(char *data, qint64 maxSize)
{
    const qint64 allowed = std::min(maxSize, m_limit - pos());
    if (allowed <= 0)
        return 0;
    const qint64 read = QFile::readData(data, allowed);
    if (read > 0)
        m_highestRead = std::max(m_highestRead, pos() + read);
    return read;
}

} // namespace Typebot
