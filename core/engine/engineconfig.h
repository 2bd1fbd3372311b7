// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/endpointsettings.h"
#include "api/serverknowledge.h"
#include "retrypolicy.h"

#include <QByteArray>

namespace Typebot {

// Everything the engine's user can tune. Copied into the engine thread as a whole.
struct EngineConfig
{
    QString profileName; // recorded with each file, for the history
    EndpointSettings endpoint;
    // The file-input block the session waits on, sent as v3's blockId; empty when unknown
    // (servers from 3.17 ignore it, older ones are then asked on v2).
    QString blockId;
    // What an earlier run learned of endpoint.apiBase (persisted by the front end), so the
    // first file goes straight to the right route.
    ServerKnowledge knownServer;
    RetryPolicy retry;
    int concurrency = 3;
    int stallTimeoutMs = 60000;
    int ticketTimeoutMs = 30000;
    QByteArray userAgent = QByteArray("TypebotUploader/" TBU_VERSION);
};

} // namespace Typebot
