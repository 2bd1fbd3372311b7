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
    QString serverMessage; // upload step: a plain-text error (the 3.17+ upload proxy)
    bool stalled = false; // no progress for the stall timeout
    bool invalidResponse = false; // a 2xx the client could not use
};

} // namespace Typebot
