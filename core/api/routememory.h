// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverknowledge.h"

#include <QObject>

namespace Typebot {

// The one place an engine keeps what it knows of its API base's upload route, shared by
// every ticket request. While the route is unknown only one request probes it; the others
// wait for settled(), so a server without the route tried first costs one wasted request,
// not one per file.
class RouteMemory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteMemory)

public:
    explicit RouteMemory(QObject *parent = nullptr);

    ServerKnowledge knowledge() const { return m_knowledge; }
    // Replaces what is known (from the persisted cache, or forgotten) without a signal.
    void reset(const ServerKnowledge &knowledge);

    // The route to try next: v3 (what current servers have) unless this server is known to
    // lack it, or is known to be older than 3.17 and the file block's id is unknown
    // (those servers file the upload under the block id sent on v3; v2 uses the real one).
    ServerKnowledge::Route routeToTry(bool haveBlockId) const;

    // True when the caller may send now: the route is known, or nobody else is probing
    // and the caller becomes the prober (it must call endProbe() or learn* later).
    bool tryBeginProbe(const QObject *prober);
    void endProbe(const QObject *prober); // inconclusive (network error, 5xx, canceled)
    bool isProbing() const { return m_prober != nullptr; }

    void learnRoute(ServerKnowledge::Route route);
    void learnAbsent(ServerKnowledge::Route route);
    void learnStyle(ServerKnowledge::SendStyle style);

Q_SIGNALS:
    void settled(); // a probe ended: waiting requests may go
    void knowledgeChanged(const Typebot::ServerKnowledge &knowledge);

private:
    void update(const ServerKnowledge &knowledge);

    ServerKnowledge m_knowledge;
    const QObject *m_prober = nullptr;
};

} // namespace Typebot
