// SPDX-License-Identifier: GPL-3.0-or-later
#include "transferrequest.h"

namespace Typebot {

HttpExchange TransferRequest::exchange() const
{
    HttpExchange record;
    record.step = HttpExchange::Step::Upload;
    record.method = ticket.isPutVariant() ? "PUT" : "POST";
    QUrl url = ticket.presignedUrl;
    url.setUserInfo(QString()); // never sent: the storage gets no credentials from us
    record.url = url;
    if (!ticket.isPutVariant())
        record.formFields = ticket.formFields;
    record.filePath = filePath;
    record.fileName = uploadName;
    record.fileContentType = contentType;
    record.fileSize = expectedSize;
    return record;
}

} // namespace Typebot
