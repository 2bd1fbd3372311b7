// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpexchange.h"

#include "redactor.h"

namespace Typebot {

namespace {
QByteArray headerValue(const HttpExchange::Headers &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}
} // namespace

QByteArray HttpExchange::requestHeader(const QByteArray &name) const
{
    return headerValue(requestHeaders, name);
}

QByteArray HttpExchange::responseHeader(const QByteArray &name) const
{
    return headerValue(responseHeaders, name);
}

HttpExchange::Headers HttpExchange::withoutToken(const Headers &headers)
{
    Headers kept = headers;
    for (auto &[key, value] : kept) {
        // The Redactor's masking ("Bearer [redacted]"); only credentials, so the rest of
        // the record stays as sent for --show-secrets.
        if (key.compare("Authorization", Qt::CaseInsensitive) == 0
            || key.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0)
            value = Redactor::header(key, value).toLatin1();
    }
    return kept;
}

} // namespace Typebot
