// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Typebot {

// Sizes, speeds and durations the way people read them ("12.4 MB", "3 min 5 s").
// Sizes are decimal (1 kB = 1000 bytes), as their labels say and as GNOME and KDE show
// them, so a size here matches the one in the file manager.
class HumanFormat final
{
public:
    static QString bytes(qint64 bytes);
    // 1024-based with IEC labels ("10 MiB"), for limits that servers count that way.
    static QString binaryBytes(qint64 bytes);
    // A size limit in the server's own terms: Typebot's maxFileSize and S3's 5 GB are
    // 1024-based, so a whole number of KiB/MiB/GiB reads "10 MiB (10.5 MB)"; stating
    // it as "10 MB" would be 5% off. Anything else is shown as bytes() does.
    static QString sizeLimit(qint64 bytes);
    static QString speed(double bytesPerSecond);
    static QString duration(qint64 seconds);
    // Text from outside (file names, server messages, links) made safe for one line of a
    // terminal or log: control characters (C0, DEL, C1) and bidirectional overrides are
    // shown as escapes (\n, \x1b, \u{202e}) so they cannot forge lines or colours.
    static QString printable(const QString &text);
    // A rate as curl's --limit-rate takes it: "500K", "2M", "1G" or plain bytes per second.
    // K, M and G are 1024-based here, unlike bytes(): people copy their curl habits, and
    // "--limit-rate 2M" must mean what it means to curl. nullopt for anything else, zero or
    // negative.
    static std::optional<qint64> parseRate(const QString &text);
};

} // namespace Typebot
