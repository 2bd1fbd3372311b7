// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Sandbox {

// Ids shaped like Typebot's (cuid): a 'c' and 24 lower-case alphanumerics. Sessions,
// results, blocks and uploaded objects get them.
class Cuid final
{
public:
    static QString generate();
};

} // namespace Sandbox
