// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpheadparser.h"

#include <QList>

#include <algorithm>

namespace Sandbox {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

} // namespace

void HttpHeadParser::skipLeadingEmptyLines(QByteArray *buffer)
{
    qsizetype skip = 0;
    while (skip < buffer->size()) {
        if (buffer->at(skip) == '\n')
            skip += 1;
        else if (buffer->at(skip) == '\r' && skip + 1 < buffer->size()
                 && buffer->at(skip + 1) == '\n')
            skip += 2;
        else
            break;
    }
    buffer->remove(0, skip);
}

qsizetype HttpHeadParser::findEnd(const QByteArray &buffer, qsizetype *terminatorLength)
{
    qsizetype end = buffer.indexOf("\r\n\r\n");
    *terminatorLength = 4;
    const qsizetype bare = buffer.indexOf("\n\n");
    if (bare >= 0 && (end < 0 || bare < end)) {
        end = bare;
        *terminatorLength = 2;
    }
    return end;
}

int HttpHeadParser::parse(const QByteArray &head, HttpRequest *request)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    if (lines.isEmpty())
        return 400;
    const QList<QByteArray> parts = lines.first().split(' ');
    if (parts.size() < 3)
        return 400;
    request->method = parts.first();
    request->version = parts.last();
    // Raw spaces in the target are not valid HTTP, but keys are sent raw by some clients;
    // being lenient here costs nothing.
    request->target = lines.first().mid(request->method.size() + 1,
                                        lines.first().size() - request->method.size()
                                                - request->version.size() - 2);
    if (request->method.isEmpty()
        || !std::all_of(request->method.cbegin(), request->method.cend(), isTokenChar))
        return 400;
    if (!request->version.startsWith("HTTP/"))
        return 400;
    if (request->version != "HTTP/1.1" && request->version != "HTTP/1.0")
        return 505;
    if (request->target.startsWith("http://") || request->target.startsWith("https://")) {
        const qsizetype slash = request->target.indexOf('/', request->target.indexOf("//") + 2);
        request->target = slash < 0 ? QByteArray("/") : request->target.mid(slash);
    }
    if (!request->target.startsWith('/'))
        return 400;
    const qsizetype question = request->target.indexOf('?');
    request->rawPath = question < 0 ? request->target : request->target.left(question);
    request->query =
            question < 0 ? QString() : QString::fromUtf8(request->target.mid(question + 1));
    request->path = QString::fromUtf8(QByteArray::fromPercentEncoding(request->rawPath));

    request->keepAlive = request->version == "HTTP/1.1";
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return 400; // obsolete line folding
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return 400;
        const QByteArray name = line.left(colon).toLower();
        if (!std::all_of(name.cbegin(), name.cend(), isTokenChar))
            return 400;
        const QByteArray value = line.mid(colon + 1).trimmed();
        request->headers.append({ name, value });
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || !std::all_of(value.cbegin(), value.cend(), [](char c) {
                    return c >= '0' && c <= '9';
                }))
                return 400;
            if (haveLength && length != request->contentLength)
                return 400;
            haveLength = true;
            request->contentLength = length;
        } else if (name == "transfer-encoding") {
            // Chunked request bodies are not supported; S3 refuses them too.
            return 411;
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return 417;
            request->expectContinue = true;
        } else if (name == "connection") {
            const QByteArray lower = value.toLower();
            if (lower.contains("close"))
                request->keepAlive = false;
            else if (lower.contains("keep-alive"))
                request->keepAlive = true;
        }
    }
    return 0;
}

} // namespace Sandbox
