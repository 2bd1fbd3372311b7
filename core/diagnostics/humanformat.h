// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Typebot {

// Sizes, speeds and durations the way people read them ("12.4 MB", "3 min 5 s").
// Sizes use 1024-based units labelled MB like Typebot's own "10MB limit" messages.
class HumanFormat final
{
public:
    static QString bytes(qint64 bytes);
    static QString speed(double bytesPerSecond);
    static QString duration(qint64 seconds);
    // Text from outside (file names, server messages, links) made safe for one line of a
    // terminal or log: control characters (C0, DEL, C1) and bidirectional overrides are
    // shown as escapes (\n, \x1b, \u{202e}) so they cannot forge lines or colours.
    static QString printable(const QString &text);
};

} // namespace Typebot
