// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadservice.h"

#include "uploadengine.h"

namespace Typebot {

UploadService::UploadService(QObject *parent) : QObject(parent), m_engine(new UploadEngine)
{
    m_thread.setObjectName(QStringLiteral("UploadEngine"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    // Cross-thread, so these are queued: snapshots arrive in the receiver's thread.
    connect(m_engine, &UploadEngine::jobsAdded, this, &UploadService::jobsAdded);
    connect(m_engine, &UploadEngine::jobsChanged, this, &UploadService::jobsChanged);
    connect(m_engine, &UploadEngine::jobsRemoved, this, &UploadService::jobsRemoved);
    connect(m_engine, &UploadEngine::statsChanged, this, &UploadService::statsChanged);
    connect(m_engine, &UploadEngine::jobFinished, this, &UploadService::jobFinished);
    connect(m_engine, &UploadEngine::idle, this, &UploadService::idle);
    m_thread.start();
}

UploadService::~UploadService()
{
    // Running uploads are aborted by the engine's destructor, in its own thread.
    m_thread.quit();
    m_thread.wait();
}

template<typename F>
void UploadService::post(F &&function)
{
    QMetaObject::invokeMethod(m_engine, std::forward<F>(function), Qt::QueuedConnection);
}

void UploadService::setConfig(const EngineConfig &config)
{
    post([engine = m_engine, config] { engine->setConfig(config); });
}

void UploadService::addPaths(const QStringList &paths, bool recursive)
{
    post([engine = m_engine, paths, recursive] { engine->addPaths(paths, recursive); });
}

void UploadService::pause()
{
    post([engine = m_engine] { engine->pause(); });
}

void UploadService::resume()
{
    post([engine = m_engine] { engine->resume(); });
}

void UploadService::cancel(const QList<quint64> &ids)
{
    post([engine = m_engine, ids] { engine->cancel(ids); });
}

void UploadService::cancelAll()
{
    post([engine = m_engine] { engine->cancelAll(); });
}

void UploadService::retry(const QList<quint64> &ids)
{
    post([engine = m_engine, ids] { engine->retry(ids); });
}

void UploadService::retryAllFailed()
{
    post([engine = m_engine] { engine->retryAllFailed(); });
}

void UploadService::remove(const QList<quint64> &ids)
{
    post([engine = m_engine, ids] { engine->remove(ids); });
}

void UploadService::clearFinished()
{
    post([engine = m_engine] { engine->clearFinished(); });
}

} // namespace Typebot
