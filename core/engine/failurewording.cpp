// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurewording.h"

#include "diagnostics/humanformat.h"

#include <QStringList>

namespace Typebot {

namespace {

using Kind = JobFailure::Kind;
using Step = JobFailure::Step;

} // namespace

QString FailureWording::whatHappened(const JobFailure &failure, qint64 fileSize)
{
    const QString status = QString::number(failure.httpStatus);
    const bool answered = failure.httpStatus > 0;
    const bool storage = failure.step == Step::Upload;
    switch (failure.kind) {
    case Kind::None:
        return QString();
    case Kind::FileMissing:
        return tr("The file is no longer where it was added from.");
    case Kind::IsFolder:
        return tr("This is a folder, not a file.");
    case Kind::NotAFile:
        return tr("This is not a regular file, so there is nothing to send.");
    case Kind::FileUnreadable:
        return tr("The file could not be opened for reading.");
    case Kind::FileChanged:
        return tr("The file changed while it was being sent, so the stored copy may not match "
                  "it.");
    case Kind::TooLarge:
        // Just over the limit, both sizes round to the same words ("6.3 MB"): then
        // bytes, so the message does not contradict itself.
        if (failure.limitBytes > 0 && fileSize > 0
            && HumanFormat::bytes(fileSize) == HumanFormat::bytes(failure.limitBytes))
            return tr("The file is too large for this bot: it is %L1 bytes and the bot accepts "
                      "at most %L2 bytes (%3).")
                    .arg(fileSize)
                    .arg(failure.limitBytes)
                    .arg(HumanFormat::binaryBytes(failure.limitBytes));
        if (failure.limitBytes > 0 && fileSize > 0)
            return tr("The file is too large for this bot: it is %1 and the bot accepts at most "
                      "%2.")
                    .arg(HumanFormat::bytes(fileSize), HumanFormat::sizeLimit(failure.limitBytes));
        if (failure.limitBytes > 0)
            return tr("The file is too large for this bot: it accepts at most %1.")
                    .arg(HumanFormat::sizeLimit(failure.limitBytes));
        return tr("The file is too large for this bot.");
    case Kind::TooSmall:
        if (failure.limitBytes > 0)
            return tr("The file is too small for this bot: it wants at least %1.")
                    .arg(HumanFormat::sizeLimit(failure.limitBytes));
        return tr("The file is too small for this bot.");
    case Kind::TypeRefused:
        return tr("This bot does not accept this type of file.");
    case Kind::SessionGone:
        return tr("The chat this file was meant for has ended or cannot be found.");
    case Kind::NotWaitingForFile:
        return tr("The chat is not waiting for a file right now.");
    case Kind::BotNotFound:
        return tr("The bot could not be found.");
    case Kind::TokenNeeded:
        return tr("The Typebot server asks for an API token.");
    case Kind::TokenRefused:
        return tr("The Typebot server did not accept the API token.");
    case Kind::RequestRefused:
        return answered
                ? tr("The Typebot server refused to take this file (it answered %1).").arg(status)
                : tr("The Typebot server refused to take this file.");
    case Kind::NoUploadRoute:
        return tr("There is no Typebot upload service at this address.");
    case Kind::StorageNotConfigured:
        return tr("The Typebot server has no file storage set up.");
    case Kind::SlotExpired:
        return tr("The link to upload this file expired before it could be used.");
    case Kind::StorageRefused:
        return answered ? tr("The file storage did not accept the upload link the Typebot server "
                             "gave (it answered %1).")
                                  .arg(status)
                        : tr("The file storage did not accept the upload link the Typebot server "
                             "gave.");
    case Kind::StorageError:
        return tr("The file storage had a problem and could not keep the file (it answered %1).")
                .arg(status);
    case Kind::ServerError:
        return tr("The Typebot server had a problem (it answered %1).").arg(status);
    case Kind::ServerBusy:
        return answered
                ? tr("The server is not accepting files right now (it answered %1).").arg(status)
                : tr("The server is not accepting files right now.");
    case Kind::Unreachable:
        return storage ? tr("The file storage could not be reached.")
                       : tr("The Typebot server could not be reached.");
    case Kind::ConnectionLost:
        return tr("The connection was cut while the file was being sent.");
    case Kind::SecureConnectionFailed:
        return tr("A secure connection to the server could not be made.");
    case Kind::TimedOut:
        return tr("The server took too long to answer.");
    case Kind::Stalled:
        return tr("The upload stopped moving: nothing got through for a while.");
    case Kind::BadServerAnswer:
        return tr("The server sent an answer this app cannot use.");
    case Kind::Canceled:
        return tr("The upload was canceled.");
    case Kind::Other:
        break;
    }
    // Failures from before kinds were recorded keep the words they had.
    if (!failure.detail.isEmpty())
        return tr("The upload failed: %1").arg(failure.detail);
    return answered ? tr("The upload failed (the server answered %1).").arg(status)
                    : tr("The upload failed.");
}

QString FailureWording::whatToDo(const JobFailure &failure, Outlook outlook)
{
    if (outlook == Outlook::Retrying) {
        if (failure.kind == Kind::SlotExpired)
            return tr("It will get a new one and try again.");
        return tr("It will try again.");
    }
    switch (failure.kind) {
    case Kind::None:
    case Kind::Canceled:
        return QString();
    case Kind::FileMissing:
        return tr("Check that it was not moved, renamed or deleted, then add it again.");
    case Kind::IsFolder:
        return tr("Add the files inside it instead.");
    case Kind::NotAFile:
        return tr("Add a regular file instead.");
    case Kind::FileUnreadable:
        return tr("Check that it exists and that you are allowed to read it.");
    case Kind::FileChanged:
        return tr("Retry to send the current version.");
    case Kind::TooLarge:
        return tr("Send a smaller file, or ask the bot's owner to raise the limit.");
    case Kind::TooSmall:
        return tr("Check that this is the file you meant to send.");
    case Kind::TypeRefused:
        return tr("Check which types of file the bot asks for, or save the file in another "
                  "format.");
    case Kind::SessionGone:
        return tr("Start a new chat with the bot and send the file there.");
    case Kind::NotWaitingForFile:
        return tr("Send the file when the bot asks for one.");
    case Kind::BotNotFound:
        return tr("Check the bot's address in the settings.");
    case Kind::TokenNeeded:
        return tr("Add the API token to the profile in the settings.");
    case Kind::TokenRefused:
        return tr("Check the API token in the profile settings.");
    case Kind::RequestRefused:
        return tr("The details say what the server answered; ask the bot's owner if it does not "
                  "help.");
    case Kind::NoUploadRoute:
        return tr("Check the API address in the settings: it is the bot's address followed by "
                  "/api.");
    case Kind::StorageNotConfigured:
    case Kind::StorageRefused:
        return tr("This is a problem with the server's storage settings; ask the bot's owner to "
                  "fix it.");
    case Kind::SlotExpired:
        return tr("The server's clock may be wrong. Try again later, or tell the bot's owner.");
    case Kind::SecureConnectionFailed:
        return tr("The server's certificate may be invalid or not trusted; check the certificate "
                  "setting of the profile.");
    case Kind::StorageError:
    case Kind::ServerError:
    case Kind::ServerBusy:
    case Kind::Unreachable:
    case Kind::ConnectionLost:
    case Kind::TimedOut:
    case Kind::Stalled:
    case Kind::BadServerAnswer:
        // Only said from two attempts on: a plural without %n reads right without a .qm
        // (the command line loads none).
        if (failure.attempts > 1)
            return tr("Tried %1 times. Check your connection and try again later.")
                    .arg(failure.attempts);
        return tr("Check your connection and try again later.");
    case Kind::Other:
        break;
    }
    return tr("Try again; if it fails again, copy the report for the bot's owner.");
}

QString FailureWording::explanation(const JobFailure &failure, Outlook outlook, qint64 fileSize)
{
    const QString happened = whatHappened(failure, fileSize);
    const QString next = whatToDo(failure, outlook);
    return next.isEmpty() ? happened : happened + u' ' + next;
}

QString FailureWording::technical(const JobFailure &failure)
{
    if (failure.isNull())
        return QString();
    QStringList parts;
    if (failure.httpStatus > 0)
        parts << tr("HTTP %1").arg(failure.httpStatus);
    if (!failure.code.isEmpty())
        parts << failure.code;
    if (!failure.serverMessage.isEmpty())
        parts << u'\u201c' + failure.serverMessage + u'\u201d';
    switch (failure.step) {
    case Step::File:
        parts << tr("reading the file");
        break;
    case Step::Ticket:
        parts << tr("asking for an upload link");
        break;
    case Step::Upload:
        parts << tr("sending the file");
        break;
    case Step::None:
        break;
    }
    if (failure.attempts > 0)
        parts << tr("attempts: %1").arg(failure.attempts);
    if (!failure.detail.isEmpty())
        parts << failure.detail;
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace Typebot
