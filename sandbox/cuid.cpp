// SPDX-License-Identifier: GPL-3.0-or-later
#include "cuid.h"

#include <QRandomGenerator>

namespace Sandbox {

QString Cuid::generate()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id = QStringLiteral("c");
    for (int i = 0; i < 24; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]);
    return id;
}

} // namespace Sandbox
