// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Typebot {

// What stat(2) says about a path in NativePath's form, so that a file whose name is not
// UTF-8 can be checked at all: QFileInfo encodes the path as UTF-8 and would look for a
// file that does not exist. Links are followed, as QFileInfo's isFile() and size() do.
// Taken once, at construction: a value, not a live view.
class NativeFileInfo final
{
public:
    explicit NativeFileInfo(const QString &path);

    bool exists() const { return m_error == 0; }
    bool isFile() const { return m_isFile; }
    bool isDir() const { return m_isDir; }
    qint64 size() const { return m_size; } // -1 when it does not exist
    QDateTime lastModified() const { return m_modified; } // invalid when it does not exist
    // Why stat(2) failed, in the system's words ("No such file or directory"); empty when
    // the file exists.
    QString errorString() const;

private:
    int m_error = 0;
    bool m_isFile = false;
    bool m_isDir = false;
    qint64 m_size = -1;
    QDateTime m_modified;
};

} // namespace Typebot
