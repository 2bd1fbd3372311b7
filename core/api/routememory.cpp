// SPDX-License-Identifier: GPL-3.0-or-later
#include "routememory.h"

namespace Typebot {

RouteMemory::RouteMemory(QObject *parent) : QObject(parent) { }

void RouteMemory::reset(const ServerKnowledge &knowledge)
{
    m_knowledge = knowledge;
}

ServerKnowledge::Route RouteMemory::routeToTry(bool haveBlockId) const
{
    using Route = ServerKnowledge::Route;
    if (m_knowledge.v3Absent)
        return Route::V2;
    if (m_knowledge.v2Absent)
        return Route::V3;
    if (!haveBlockId && m_knowledge.isKnown()
        && ServerKnowledge::usesBlockIdInPath(m_knowledge.style))
        return Route::V2;
    return m_knowledge.isKnown() ? m_knowledge.route : Route::V3;
}

bool RouteMemory::tryBeginProbe(const QObject *prober)
{
    if (m_knowledge.isKnown() || m_prober == prober)
        return true;
    if (m_prober)
        return false;
    m_prober = prober;
    return true;
}

void RouteMemory::endProbe(const QObject *prober)
{
    if (m_prober != prober || !prober)
        return;
    m_prober = nullptr;
    Q_EMIT settled();
}

void RouteMemory::learnRoute(ServerKnowledge::Route route)
{
    ServerKnowledge next = m_knowledge;
    next.route = route;
    if (route == ServerKnowledge::Route::V2)
        next.v2Absent = false;
    else
        next.v3Absent = false;
    update(next);
    if (m_prober) {
        m_prober = nullptr;
        Q_EMIT settled();
    }
}

void RouteMemory::learnAbsent(ServerKnowledge::Route route)
{
    ServerKnowledge next = m_knowledge;
    if (route == ServerKnowledge::Route::V2)
        next.v2Absent = true;
    else
        next.v3Absent = true;
    if (next.route == route)
        next.route = ServerKnowledge::Route::Unknown; // the server changed under us
    update(next);
}

void RouteMemory::learnStyle(ServerKnowledge::SendStyle style)
{
    ServerKnowledge next = m_knowledge;
    next.style = style;
    update(next);
}

void RouteMemory::update(const ServerKnowledge &knowledge)
{
    if (knowledge == m_knowledge)
        return;
    m_knowledge = knowledge;
    m_knowledge.learnedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT knowledgeChanged(m_knowledge);
}

} // namespace Typebot
