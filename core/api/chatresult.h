// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "chatresponse.h"
#include "diagnostics/httpexchange.h"

#include <QMetaType>

namespace Typebot {

// The outcome of one startChat or continueChat call.
struct ChatResult
{
    enum class Call { StartChat, StartPreviewChat, ContinueChat };
    enum class Failure {
        None,
        Canceled,
        Network,
        Timeout,
        BotNotFound,
        SessionNotFound,
        SessionExpired,
        Unauthorized,
        Refused, // any other 4xx
        Server, // 5xx
        InvalidResponse,
    };

    Call call = Call::StartChat;
    bool ok = false;
    bool canceled = false;
    ChatResponse response;
    ApiError error;
    QString botId; // start calls: the id asked for, for messages
    qint64 durationMs = 0;
    HttpExchange exchange; // the request as sent and the answer (none: never sent)

    // One pure classification of the error, so the GUI and the CLI word it the same.
    static Failure classify(Call call, const ApiError &error);
    Failure failure() const;
    // One line a user can act on, e.g. "The chat session expired; start a new chat."
    QString errorString() const;
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::ChatResult)
