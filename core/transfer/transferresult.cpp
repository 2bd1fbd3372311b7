// SPDX-License-Identifier: GPL-3.0-or-later
#include "transferresult.h"

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

} // namespace Typebot
