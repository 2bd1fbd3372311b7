// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/endpointsettings.h"
#include "retrypolicy.h"

#include <QByteArray>

namespace Typebot {

// Everything the engine's user can tune. Copied into the engine thread as a whole.
struct EngineConfig
{
    QString profileName; // recorded with each file, for the history
    EndpointSettings endpoint;
    RetryPolicy retry;
    int concurrency = 3;
    int stallTimeoutMs = 60000;
    int ticketTimeoutMs = 30000;
    QByteArray userAgent = QByteArray("TypebotUploader/" TBU_VERSION);
};

} // namespace Typebot
