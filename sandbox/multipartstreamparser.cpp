// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipartstreamparser.h"

namespace Sandbox {

MultipartStreamParser::MultipartStreamParser(const QByteArray &boundary)
    : m_delimiter("\r\n--" + boundary)
      // The first delimiter may open the body without a CRLF before it; pretending one
      // was there lets a single search handle both cases.
      ,
      m_buffer("\r\n")
{
}

bool MultipartStreamParser::fail(const QString &message)
{
    m_state = State::Error;
    m_error = message;
    return false;
}

bool MultipartStreamParser::feed(QByteArrayView data)
{
    if (m_state == State::Error)
        return false;
    if (m_state == State::Epilogue)
        return true; // anything after the closing boundary is ignored
    m_buffer.append(data.data(), data.size());
    return process();
}

bool MultipartStreamParser::finish()
{
    if (m_state == State::Error)
        return false;
    if (m_state != State::Epilogue)
        return fail(QStringLiteral("the body ended before the closing boundary"));
    return true;
}

bool MultipartStreamParser::process()
{
    qsizetype pos = 0;
    bool more = true;
    while (more) {
        switch (m_state) {
        case State::Preamble: {
            const qsizetype index = m_buffer.indexOf(m_delimiter, pos);
            if (index < 0) {
                pos = qMax(pos, m_buffer.size() - (m_delimiter.size() - 1));
                more = false;
                break;
            }
            pos = index + m_delimiter.size();
            m_state = State::AfterDelimiter;
            break;
        }
        case State::AfterDelimiter: {
            if (m_buffer.size() - pos < 2) {
                more = false;
                break;
            }
            if (m_buffer.at(pos) == '-' && m_buffer.at(pos + 1) == '-') {
                pos = m_buffer.size();
                m_state = State::Epilogue;
                more = false;
                break;
            }
            qsizetype cursor = pos;
            while (cursor < m_buffer.size()
                   && (m_buffer.at(cursor) == ' ' || m_buffer.at(cursor) == '\t'))
                ++cursor;
            // The same limit whether the padding arrived whole or byte by byte (a fuzzer
            // found a body accepted whole and refused in chunks).
            if (cursor - pos > 256)
                return fail(QStringLiteral("boundary line too long"));
            if (m_buffer.size() - cursor < 2) {
                more = false;
                break;
            }
            if (m_buffer.at(cursor) != '\r' || m_buffer.at(cursor + 1) != '\n')
                return fail(QStringLiteral("malformed boundary line"));
            pos = cursor + 2;
            m_state = State::Headers;
            break;
        }
        case State::Headers: {
            qsizetype blockEnd = -1;
            qsizetype next = -1;
            if (m_buffer.size() - pos >= 2 && m_buffer.at(pos) == '\r'
                && m_buffer.at(pos + 1) == '\n') {
                blockEnd = pos;
                next = pos + 2;
            } else {
                const qsizetype index = m_buffer.indexOf("\r\n\r\n", pos);
                if (index >= 0) {
                    blockEnd = index;
                    next = index + 4;
                }
            }
            if (blockEnd < 0) {
                if (m_buffer.size() - pos > MaxPartHeaderBytes)
                    return fail(QStringLiteral("part headers too large"));
                more = false;
                break;
            }
            Part part;
            if (!parseHeaders(m_buffer.mid(pos, blockEnd - pos), &part))
                return false;
            pos = next;
            m_partDataOffset = m_discarded + next;
            m_state = State::Body;
            if (partBegin && !partBegin(part)) {
                m_stopped = true;
                return fail(QStringLiteral("stopped"));
            }
            break;
        }
        case State::Body: {
            const qsizetype index = m_buffer.indexOf(m_delimiter, pos);
            if (index >= 0) {
                if (index > pos && partData
                    && !partData(QByteArrayView(m_buffer).sliced(pos, index - pos))) {
                    m_stopped = true;
                    return fail(QStringLiteral("stopped"));
                }
                pos = index + m_delimiter.size();
                m_state = State::AfterDelimiter;
                if (partEnd && !partEnd()) {
                    m_stopped = true;
                    return fail(QStringLiteral("stopped"));
                }
                break;
            }
            // Hold back what could be the start of a delimiter cut by the chunk end.
            const qsizetype safe = m_buffer.size() - (m_delimiter.size() - 1);
            if (safe > pos) {
                if (partData && !partData(QByteArrayView(m_buffer).sliced(pos, safe - pos))) {
                    m_stopped = true;
                    return fail(QStringLiteral("stopped"));
                }
                pos = safe;
            }
            more = false;
            break;
        }
        case State::Epilogue:
            pos = m_buffer.size();
            more = false;
            break;
        case State::Error:
            return false;
        }
    }
    m_buffer.remove(0, pos);
    m_discarded += pos;
    return true;
}

bool MultipartStreamParser::parseHeaders(const QByteArray &block, Part *part)
{
    const QList<QByteArray> lines = block.split('\n');
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(QStringLiteral("malformed part header line"));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        part->headers.append({ name, value });
        if (name == "content-disposition") {
            QByteArray disposition;
            const auto params = headerParameters(value, &disposition);
            if (disposition.toLower() != "form-data")
                return fail(QStringLiteral("part is not form-data"));
            for (const auto &[key, paramValue] : params) {
                if (key == "name") {
                    part->name = paramValue;
                } else if (key == "filename") {
                    part->fileName = paramValue;
                    part->hasFileName = true;
                }
            }
        } else if (name == "content-type") {
            part->contentType = value;
        }
    }
    return true;
}

QList<QPair<QByteArray, QByteArray>>
MultipartStreamParser::headerParameters(const QByteArray &headerValue, QByteArray *mainValue)
{
    QList<QPair<QByteArray, QByteArray>> result;
    qsizetype pos = headerValue.indexOf(';');
    if (mainValue)
        *mainValue = (pos < 0 ? headerValue : headerValue.left(pos)).trimmed();
    while (pos >= 0 && pos < headerValue.size()) {
        ++pos; // past ';'
        while (pos < headerValue.size()
               && (headerValue.at(pos) == ' ' || headerValue.at(pos) == '\t'))
            ++pos;
        const qsizetype equals = headerValue.indexOf('=', pos);
        const qsizetype semicolon = headerValue.indexOf(';', pos);
        if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
            pos = semicolon;
            continue;
        }
        const QByteArray key = headerValue.mid(pos, equals - pos).trimmed().toLower();
        pos = equals + 1;
        QByteArray value;
        if (pos < headerValue.size() && headerValue.at(pos) == '"') {
            ++pos;
            while (pos < headerValue.size() && headerValue.at(pos) != '"') {
                // A backslash escapes the next character inside a quoted string.
                if (headerValue.at(pos) == '\\' && pos + 1 < headerValue.size())
                    ++pos;
                value += headerValue.at(pos);
                ++pos;
            }
            pos = headerValue.indexOf(';', pos);
        } else {
            const qsizetype end = headerValue.indexOf(';', pos);
            value = (end < 0 ? headerValue.mid(pos) : headerValue.mid(pos, end - pos)).trimmed();
            pos = end;
        }
        result.append({ key, value });
    }
    return result;
}

QByteArray MultipartStreamParser::boundaryFromContentType(const QByteArray &contentType)
{
    const auto params = headerParameters(contentType);
    for (const auto &[key, value] : params) {
        if (key == "boundary")
            return value.size() <= 200 ? value : QByteArray();
    }
    return {};
}

} // namespace Sandbox
