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
    // Which implementation sends step 2. libcurl is the fast one (TCP_NODELAY, large reads,
    // 100-continue, the bandwidth limit); QNAM stays selectable (the API and chat calls
    // always use QNAM).
    enum class Transport { Curl, Qnam };

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
    Transport transport = Transport::Curl;
    // All uploads together send at most this many bytes per second (libcurl transport);
    // 0: no limit. Takes effect at once, also for uploads already running.
    qint64 maxUploadBytesPerSecond = 0;
    int stallTimeoutMs = 60000;
    int ticketTimeoutMs = 30000;
    QByteArray userAgent = QByteArray("TypebotUploader/" TBU_VERSION);
};

} // namespace Typebot
