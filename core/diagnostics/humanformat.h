// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

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
    // A rate as people and curl's --limit-rate write it: "500K", "2M", "1G" (1024-based) or
    // plain bytes per second. nullopt for anything else, zero or negative.
    static std::optional<qint64> parseRate(const QString &text);
};

} // namespace Typebot
