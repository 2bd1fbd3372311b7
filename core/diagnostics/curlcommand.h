// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpexchange.h"

#include <QString>

namespace Typebot {

// "Copy as curl": the curl command that does what one recorded request did (the ticket
// request, the multipart POST or the raw PUT), shell-quoted for /bin/sh, secrets redacted
// unless asked. Built from the HttpExchange the engine recorded, so it sends the same
// name, type and fields as the client did. Shared by the CLI's --print-curl and the GUI.
class CurlCommand final
{
public:
    enum class Secrets { Redact, Show };

    struct Options
    {
        Secrets secrets = Secrets::Redact;
        QString caFile; // --cacert
        // The API token, put back into the Authorization header with Secrets::Show (the
        // record never holds it). Empty: the header keeps its mask.
        QString token;
    };

    // JSON requests: `-X POST -H … --data-binary BODY URL`. Multipart uploads:
    // `--form-string` per field in the recorded order, the file last as
    // `-F file=@path;filename=…;type=…`. PUT uploads: `-T path -H …`.
    static QString fromExchange(const HttpExchange &exchange, const Options &options);

    // Single-quotes a word for a POSIX shell ('it'\''s').
    static QString shellQuote(const QString &word);
    // Quotes a path or name for curl's -F syntax ("...": backslash before '"' and '\').
    static QString formQuoted(const QString &value);
};

} // namespace Typebot
