// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Sandbox {

// How the server reads a continueChat message for the input block it waits on, written
// for the sandbox from typebot-api.md and the server's observable behaviour (never the
// client's code): the text is what counts; choices match trimmed and case-sensitive by
// id, value or content and become value || content; a file reply is split on ", " and
// every link's extension must be allowed. Simplified where the server uses big parsers
// (dates, phone numbers) but strict in the same direction.
class DemoReplyCheck final
{
public:
    struct Parsed
    {
        enum class Status { Success, Fail, Skip };

        Status status = Status::Fail;
        QString content; // what the server records (and echoes as lastMessageNewFormat)
    };

    // `input`: the input block as sent to the client; `message`: the continueChat message,
    // nullopt when none was sent.
    static Parsed parse(const QJsonObject &input, const std::optional<QJsonObject> &message);

    // The file block's check alone (also used by the demo bot's tests).
    static Parsed parseFiles(const QJsonObject &options, const QString &text);
    // Whether `link` passes the server's URL check (http(s), a host that is an IP,
    // localhost or has a top-level domain, no spaces).
    static bool isUrl(const QString &link, bool requireProtocol = true);
};

} // namespace Sandbox
