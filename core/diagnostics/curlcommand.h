// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/endpointsettings.h"
#include "api/ticketrequest.h"
#include "api/uploadticket.h"

#include <QString>

namespace Typebot {

// "Copy as curl": the two curl commands that do what one upload did (the ticket request,
// then the multipart POST or the raw PUT), shell-quoted for /bin/sh, secrets redacted
// unless asked. Shared by the CLI's --print-curl and the GUI.
class CurlCommand final
{
public:
    enum class Secrets { Redact, Show };

    // POST {api}/v3/generate-upload-url (or v2) with the same JSON body and headers the
    // client sends on that route.
    static QString ticketRequest(const EndpointSettings &endpoint, ServerKnowledge::Route route,
                                 const TicketRequest::Input &input,
                                 Secrets secrets = Secrets::Redact);
    // The step-2 upload: `--form-string` per field in the ticket's order, the file last as
    // `-F file=@path;type=...`; or `curl -T path -H 'Content-Type: ...'` for the PUT variant.
    static QString upload(const UploadTicket &ticket, const QString &filePath,
                          const QString &contentType, const QString &caFile = QString(),
                          Secrets secrets = Secrets::Redact);

    // Single-quotes a word for a POSIX shell ('it'\''s').
    static QString shellQuote(const QString &word);
    // Quotes a path for curl's -F syntax (@"...": backslash before '"' and '\').
    static QString formFilePath(const QString &path);
};

} // namespace Typebot
