// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkReply>
#include <QString>

namespace Typebot {

// The facts about a failed step that decide whether to try again.
struct FailureInfo
{
    enum class Step { Ticket, Upload };

    Step step = Step::Upload;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    int httpStatus = 0; // 0: no HTTP answer
    QString s3Code; // upload step only
    QString s3Message;
    // The server's own words: the upload proxy's plain text (3.17+) on the upload step, the
    // API's message on the ticket step.
    QString serverMessage;
    QString apiCode; // ticket step: "BAD_REQUEST", "UNAUTHORIZED", ...
    bool stalled = false; // no progress for the stall timeout
    bool invalidResponse = false; // a 2xx the client could not use
    bool noUploadRoute = false; // ticket step: no generate-upload-url route at this address
    qint64 sizeLimit = -1; // the slot's size limit in bytes, when the ticket had one
    QString detail; // the transport's own error text, for the details only
};

} // namespace Typebot
