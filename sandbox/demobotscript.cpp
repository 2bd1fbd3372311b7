// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobotscript.h"

namespace Sandbox {

int DemoBotScript::fileBlockIndex() const
{
    for (int i = 0; i < int(blocks.size()); ++i) {
        if (blocks.at(i).input.value(QStringLiteral("type")).toString() == u"file input")
            return i;
    }
    return -1;
}

} // namespace Sandbox
