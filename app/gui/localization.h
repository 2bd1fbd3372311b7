// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

// Picks the user interface language (the setting, else the system locale) and installs
// our translation and Qt's own for it.
class Localization final
{
public:
    // `language`: empty for the system's, else a locale name such as "pt_BR" or "en".
    static QLocale install(const QString &language);
};
