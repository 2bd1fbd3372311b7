// SPDX-License-Identifier: GPL-3.0-or-later
#include "pastedimagestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>

PastedImageStore::PastedImageStore()
    : m_dir(QDir::tempPath() + QStringLiteral("/typebot-uploader-paste-XXXXXX"))
{
}

QString PastedImageStore::save(const QImage &image, QString *error)
{
    if (!m_dir.isValid()) {
        *error = QCoreApplication::translate("PastedImageStore",
                                             "Cannot create a temporary folder: %1")
                         .arg(m_dir.errorString());
        return QString();
    }
    // The file name becomes part of the stored link, so make it readable and unique.
    const QString stamp =
            QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd_HH-mm-ss"));
    QString name = QStringLiteral("pasted-image_%1.png").arg(stamp);
    if (++m_counter > 1)
        name = QStringLiteral("pasted-image_%1_%2.png").arg(stamp).arg(m_counter);
    const QString path = m_dir.filePath(name);
    if (!image.save(path, "PNG")) {
        *error = QCoreApplication::translate("PastedImageStore",
                                             "Cannot save the pasted image to %1")
                         .arg(path);
        return QString();
    }
    m_files.insert(path);
    return path;
}

void PastedImageStore::release(const QString &path)
{
    if (m_files.remove(path))
        QFile::remove(path);
}
