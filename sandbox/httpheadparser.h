// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"

#include <QByteArray>

namespace Sandbox {

// The pure part of reading an HTTP/1.x request head: framing (where the head ends) and
// parsing, with no socket in sight, so that it can be tested and fuzzed on its own.
class HttpHeadParser final
{
public:
    // Drops the empty lines a client may send between requests (RFC 9112 section 2.2).
    static void skipLeadingEmptyLines(QByteArray *buffer);
    // Offset of the blank line that ends the head in `buffer` ("\r\n\r\n" or a bare
    // "\n\n", whichever comes first), or -1; `terminatorLength` gets its length.
    static qsizetype findEnd(const QByteArray &buffer, qsizetype *terminatorLength);
    // Parses a head without its blank line. Returns 0, or the status to refuse it with
    // (400, 411, 417, 505).
    static int parse(const QByteArray &head, HttpRequest *request);
};

} // namespace Sandbox
