// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QTemporaryDir>

class QImage;

// Images pasted from the clipboard become PNG files in a private temporary folder, long
// enough to be uploaded; each is deleted once stored or dropped from the queue.
class PastedImageStore final
{
public:
    PastedImageStore();

    // Returns the new file's path, or an empty string and `error`.
    QString save(const QImage &image, QString *error);
    bool isPasted(const QString &path) const { return m_files.contains(path); }
    void release(const QString &path); // deletes the file if it is one of ours

private:
    QTemporaryDir m_dir;
    QSet<QString> m_files;
    int m_counter = 0;
};
