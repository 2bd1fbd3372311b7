// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>

namespace Typebot {

// The file as an upload body. It never yields more than the size taken when the attempt
// began (Content-Length is fixed then; a growing log file would otherwise corrupt the
// multipart framing), and it counts how often Qt rewinds it to re-send the body by
// itself after the server closed mid-upload, so those silent resends count as attempts.
// The path is in NativePath's form and opened by its exact bytes, so a file whose name is
// not UTF-8 is read like any other.
class UploadBodyFile final : public QFile
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadBodyFile)

public:
    UploadBodyFile(const QString &path, qint64 sizeLimit, QObject *parent = nullptr);

    // Reading only; errorString() says why it failed.
    bool open(OpenMode mode) override;
    bool seek(qint64 position) override;
    qint64 size() const override;
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

    int rewinds() const { return m_rewinds; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    QString m_path;
    qint64 m_limit;
    qint64 m_highestRead = 0;
    int m_rewinds = 0;
};

} // namespace Typebot
