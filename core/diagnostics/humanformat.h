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
};

} // namespace Typebot
