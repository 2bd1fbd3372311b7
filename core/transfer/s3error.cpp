// SPDX-License-Identifier: GPL-3.0-or-later
#include "s3error.h"

#include "diagnostics/redactor.h"

#include <QXmlStreamReader>

namespace Typebot {

std::optional<S3Error> S3Error::fromXml(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    S3Error error;
    bool inError = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (!inError) {
            if (xml.name() != u"Error")
                return std::nullopt;
            inError = true;
            continue;
        }
        const QString name = xml.name().toString();
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        if (name == u"Code")
            error.code = text;
        else if (name == u"Message")
            error.message = Redactor::text(text);
        else if (name == u"RequestId")
            error.requestId = text;
        else if (name == u"HostId")
            error.hostId = text;
        else if (name.startsWith(u"StringToSign") || name.startsWith(u"CanonicalRequest")
                 || name.contains(u"Signature", Qt::CaseInsensitive)
                 || name.contains(u"AccessKeyId", Qt::CaseInsensitive))
            error.extra.insert(name, Redactor::Mask);
        else
            error.extra.insert(name, Redactor::text(text));
    }
    if (!inError || xml.hasError() || error.code.isEmpty())
        return std::nullopt;
    return error;
}

bool S3Error::isPolicyExpired() const
{
    // A POST policy says "Policy expired", a presigned PUT "Request has expired".
    return code == u"AccessDenied"
            && (message.contains(u"Policy expired", Qt::CaseInsensitive)
                || message.contains(u"Request has expired", Qt::CaseInsensitive));
}

QString S3Error::toString() const
{
    return message.isEmpty() ? code : code + u": " + message;
}

} // namespace Typebot
