// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Typebot {

// Why a file failed, or why it waits to be tried again, as facts and not as a sentence:
// each view (the app, the command line) words it in the user's current language, and the
// journal keeps it so the reason survives a restart. Built by ErrorClassifier::describe
// for network answers and by UploadJob for the file's own problems.
struct JobFailure
{
    Q_GADGET

public:
    // What happened, from the user's point of view. The names are stable: they are
    // written to the journal and to --json.
    enum class Kind {
        None,
        FileMissing, // not there when it was to be read
        IsFolder,
        NotAFile, // a device, a socket: nothing to send
        FileUnreadable, // no permission, a folder that cannot be listed, a name Qt cannot open
        FileChanged, // changed or deleted while it was sent
        TooLarge, // over the bot's or the storage's limit (limitBytes when known)
        TooSmall,
        TypeRefused, // the bot does not take this type of file
        SessionGone, // the chat session ended or is unknown
        NotWaitingForFile, // the chat is not at a file question
        BotNotFound,
        TokenNeeded, // the API wants a token (401)
        TokenRefused, // the API refused the token (403)
        RequestRefused, // any other refusal by the Typebot API
        NoUploadRoute, // no Typebot upload API at this address
        StorageNotConfigured, // the Typebot server has no file storage set up
        SlotExpired, // the upload link expired before it was used
        StorageRefused, // the storage refused the server's link: the server's setup is wrong
        StorageError, // the storage failed (5xx)
        ServerError, // the Typebot API failed (5xx)
        ServerBusy, // 429, 503, SlowDown: not accepting files right now
        Unreachable, // refused, DNS, no network
        ConnectionLost, // closed or reset while the file was sent
        SecureConnectionFailed, // TLS handshake or certificate
        TimedOut, // no answer in time
        Stalled, // no progress for the stall timeout
        BadServerAnswer, // a 2xx that could not be used
        Canceled,
        Other, // none of the above, and failures recorded before kinds existed
    };
    Q_ENUM(Kind)

    enum class Step {
        None,
        File, // reading the local file, before or after sending it
        Ticket, // asking the Typebot API for an upload slot
        Upload, // sending the file to the slot
    };
    Q_ENUM(Step)

    Kind kind = Kind::None;
    Step step = Step::None;
    int httpStatus = 0; // 0: no HTTP answer
    QString serverMessage; // the server's own words, redacted
    QString code; // the S3 or API code, or the network error's name
    int attempts = 0; // attempts made when it happened
    QDateTime at; // UTC
    qint64 limitBytes = -1; // TooLarge/TooSmall: the limit, when known
    QString detail; // a technical note (an OS error, the path), redacted; not for the status

    bool isNull() const { return kind == Kind::None; }
    // A fault of the network or the servers that may go away by itself.
    bool isTransient() const;

    static QString kindName(Kind kind); // "SlotExpired"
    static Kind kindFromName(const QString &name); // Other for unknown names
    static QString stepName(Step step); // "ticket"
    static Step stepFromName(const QString &name);

    bool operator==(const JobFailure &other) const;
    bool operator!=(const JobFailure &other) const { return !(*this == other); }
};

} // namespace Typebot

Q_DECLARE_METATYPE(Typebot::JobFailure)
