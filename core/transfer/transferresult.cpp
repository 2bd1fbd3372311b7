// SPDX-License-Identifier: GPL-3.0-or-later
#include "transferresult.h"

#include "api/apierror.h"

namespace Typebot {

QByteArray TransferResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QString TransferResult::requestId() const
{
    const QByteArray id = header("x-amz-request-id");
    if (!id.isEmpty())
        return QString::fromLatin1(id);
    return s3Error ? s3Error->requestId : QString();
}

QString TransferResult::plainTextMessage(const QByteArray &body)
{
    const QString text = ApiError::sanitizedExcerpt(body, 200);
    if (text.isEmpty() || text.startsWith(u'<') || text.startsWith(u'{') || text.size() > 160)
        return QString();
    return text;
}

} // namespace Typebot
