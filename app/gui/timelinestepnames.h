// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/timelineentry.h"

#include <QCoreApplication>

// The names of timeline steps as the app shows them, in the user's language. The engine
// records the step as a value and reports keep TimelineEntry::kindName()'s English words
// (support reads them); only the display is translated.
class TimelineStepNames final
{
    Q_DECLARE_TR_FUNCTIONS(TimelineStepNames)

public:
    static QString displayName(Typebot::TimelineEntry::Kind kind);
};
