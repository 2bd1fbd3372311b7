// SPDX-License-Identifier: GPL-3.0-or-later
#include "transferresult.h"

#include "api/apierror.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

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

void TransferResult::judgeSuccess()
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("TransferResult", text);
    };
    s3Error = S3Error::fromXml(bodySnippet);
    if (s3Error) {
        outcome = Outcome::HttpError;
        errorString = tr("The storage answered %1 with an error document, so the file is not "
                         "stored: %2")
                              .arg(httpStatus)
                              .arg(s3Error->toString());
        return;
    }
    etag = QString::fromLatin1(header("ETag"));
    if (httpStatus == 201) {
        bool sawPostResponse = false;
        QXmlStreamReader xml(bodySnippet);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"PostResponse")
                sawPostResponse = true;
            else if (xml.name() == u"Location")
                location = xml.readElementText();
            else if (xml.name() == u"ETag")
                etag = xml.readElementText();
        }
        if (!sawPostResponse) {
            outcome = Outcome::HttpError;
            errorString = tr("The storage answered 201 without the PostResponse that says what "
                             "it stored; the file may not be stored");
            return;
        }
    }
    outcome = Outcome::Stored;
}

QString TransferResult::plainTextMessage(const QByteArray &body)
{
    QString text = ApiError::sanitizedExcerpt(body, 200);
    if (text.isEmpty() || text.startsWith(u'<') || text.startsWith(u'{') || text.size() > 160)
        return QString();
    return text;
}

} // namespace Typebot

namespace Typebot {

void TransferResult::recordIn(HttpExchange *exchange) const
{
    exchange->durationMs = durationMs;
    exchange->httpStatus = httpStatus;
    exchange->responseHeaders = headers;
    exchange->error = httpStatus > 0 ? QString() : errorString;
}

} // namespace Typebot
