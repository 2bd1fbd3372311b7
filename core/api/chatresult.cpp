// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatresult.h"

#include <QCoreApplication>

namespace Typebot {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ChatResult", text);
}
} // namespace

ChatResult::Failure ChatResult::classify(Call call, const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
        return Failure::Network;
    case ApiError::Kind::Timeout:
        return Failure::Timeout;
    case ApiError::Kind::InvalidResponse:
        return Failure::InvalidResponse;
    case ApiError::Kind::Http:
    case ApiError::Kind::NoUploadRoute:
        break;
    }
    const int status = error.httpStatus;
    const QString message = error.message.toLower();
    // Typebot answers 404 for both; only the message tells an expired session apart.
    if (message.contains(u"expired"))
        return Failure::SessionExpired;
    if (message.contains(u"session") && (status == 404 || status == 400))
        return Failure::SessionNotFound;
    if (status == 404)
        return call == Call::ContinueChat ? Failure::SessionNotFound : Failure::BotNotFound;
    if (status == 401 || status == 403)
        return Failure::Unauthorized;
    if (status >= 500)
        return Failure::Server;
    return Failure::Refused;
}

ChatResult::Failure ChatResult::failure() const
{
    if (canceled)
        return Failure::Canceled;
    if (ok)
        return Failure::None;
    return classify(call, error);
}

QString ChatResult::errorString() const
{
    switch (failure()) {
    case Failure::None:
        return QString();
    case Failure::Canceled:
        return tr("The chat request was canceled.");
    case Failure::BotNotFound:
        return tr("There is no published bot \"%1\" on this server (404). Check the bot id or "
                  "link, and that the bot is published.")
                .arg(botId);
    case Failure::SessionNotFound:
        return tr("The chat session no longer exists on the server (it ended or was never "
                  "started); start a new chat.");
    case Failure::SessionExpired:
        return tr("The chat session expired; start a new chat.");
    case Failure::Unauthorized:
        return call == Call::StartPreviewChat ? tr("Preview chats need a valid API token (%1): %2")
                                                        .arg(error.httpStatus)
                                                        .arg(error.message)
                                              : error.toString();
    case Failure::Network:
    case Failure::Timeout:
    case Failure::InvalidResponse:
    case Failure::Refused:
    case Failure::Server:
        break;
    }
    return error.toString();
}

} // namespace Typebot
