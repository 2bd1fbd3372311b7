// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace Sandbox {

// Incremental multipart/form-data parser: feed it the body in chunks of any size (a
// boundary may straddle chunks) and it reports parts and their data as they stream,
// holding back only a boundary's length of bytes.
class MultipartStreamParser final
{
public:
    struct Part
    {
        QByteArray name; // form field name from Content-Disposition
        QByteArray fileName; // filename= as sent (quotes removed)
        bool hasFileName = false;
        QByteArray contentType;
        QList<QPair<QByteArray, QByteArray>> headers; // lower-case names
    };

    static constexpr qsizetype MaxPartHeaderBytes = qsizetype(16) * 1024;

    explicit MultipartStreamParser(const QByteArray &boundary);

    // Each callback returns false to stop parsing (the parser then reports an error).
    std::function<bool(const Part &part)> partBegin;
    std::function<bool(QByteArrayView data)> partData;
    std::function<bool()> partEnd;

    // Returns false on malformed input or when a callback stopped the parser.
    bool feed(QByteArrayView data);
    // End of input; false unless the closing boundary was seen.
    bool finish();
    bool isComplete() const { return m_state == State::Epilogue; }
    bool hasError() const { return m_state == State::Error; }
    bool stoppedByCallback() const { return m_stopped; }
    QString errorString() const { return m_error; }
    // Offset in the body where the current part's data starts (valid from partBegin on).
    qint64 partDataOffset() const { return m_partDataOffset; }
    qsizetype delimiterSize() const { return m_delimiter.size(); }

    // The boundary parameter of a multipart Content-Type (quoted or not); empty if none.
    static QByteArray boundaryFromContentType(const QByteArray &contentType);
    // Splits `value; a=b; c="d"` into the value and lower-cased parameters.
    static QList<QPair<QByteArray, QByteArray>> headerParameters(const QByteArray &headerValue,
                                                                 QByteArray *mainValue = nullptr);

private:
    enum class State { Preamble, AfterDelimiter, Headers, Body, Epilogue, Error };

    bool process();
    bool parseHeaders(const QByteArray &block, Part *part);
    bool fail(const QString &message);

    QByteArray m_delimiter; // CRLF "--" boundary
    QByteArray m_buffer;
    State m_state = State::Preamble;
    bool m_stopped = false;
    QString m_error;
    qint64 m_discarded = -2; // the pretend CRLF in front of the body
    qint64 m_partDataOffset = 0;
};

} // namespace Sandbox
