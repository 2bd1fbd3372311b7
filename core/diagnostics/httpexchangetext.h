// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpexchange.h"

#include <QStringList>

namespace Typebot {

// An exchange as curl -v style lines ("> POST …", "< HTTP 204", headers both ways), always
// redacted: what `-vv` prints and the app's details pane shows.
class HttpExchangeText final
{
public:
    // A JSON body longer than this is cut, with the size said.
    static constexpr qsizetype MaxBodyChars = 2048;

    static QStringList lines(const HttpExchange &exchange);
};

} // namespace Typebot
