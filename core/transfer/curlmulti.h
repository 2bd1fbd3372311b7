// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Typebot {

class BandwidthLimiter;

// One libcurl multi handle driven by the event loop of the thread it lives in: a socket
// notifier pair per socket curl watches and one timer for curl's timeouts, no extra thread.
// All upload transports of an engine share one, so connections stay open and are reused
// from file to file (no new TCP or TLS handshake per file), and one BandwidthLimiter
// covers all of their uploads together.
//
// Create it in the thread that runs the uploads (or moveToThread() it there before the
// first upload) and hand it to every CurlUploadTransport; create() gives a shared pointer
// that deletes it in its own thread.
class CurlMulti final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlMulti)

public:
    // CURL * (curl.h stays out of the headers: core links libcurl privately).
    using EasyHandle = void *;

    // The party that added an easy handle: told once when curl is done with it. The
    // handle has already been removed from the multi handle by then.
    class Transfer
    {
    public:
        virtual void curlTransferDone(int curlCode) = 0;

    protected:
        ~Transfer() = default;
    };

    // `limiter` may be null: then one is made, unlimited. It may be shared with other
    // multis (other threads); its rate may be set from any thread.
    explicit CurlMulti(std::shared_ptr<BandwidthLimiter> limiter = {}, QObject *parent = nullptr);
    ~CurlMulti() override;

    // A shared instance whose last owner deletes it in its own thread (deleteLater when
    // the last owner is elsewhere), as transports and the engine share it.
    static std::shared_ptr<CurlMulti> create(std::shared_ptr<BandwidthLimiter> limiter = {});

    const std::shared_ptr<BandwidthLimiter> &limiter() const { return m_limiter; }
    // Thread-safe: the limit for all uploads of this multi together; 0 means unlimited.
    void setMaxSendRate(qint64 bytesPerSecond);
    qint64 maxSendRate() const;

    // CURLMOPT_MAX_HOST_CONNECTIONS (0: no limit, the default) and the size of the pool
    // of idle connections kept for reuse.
    void setMaxHostConnections(int connections);
    void setMaxIdleConnections(int connections);

    // New connections curl had to open for the transfers that finished so far; a reused
    // connection adds nothing.
    qint64 connectionsOpened() const { return m_connectionsOpened; }
    int activeTransfers() const { return int(m_transfers.size()); }

    // For transports. The easy handle must not be in a multi already.
    bool addTransfer(EasyHandle easy, Transfer *transfer);
    // Removes it (a running transfer is aborted, its connection closed); no done callback.
    void removeTransfer(EasyHandle easy);
    // Before removing a transfer mid-request: its connection is then reset rather than
    // closed, so what the kernel still buffers for it is dropped instead of sent.
    void resetConnectionOf(EasyHandle easy);

    // For read callbacks: the bytes the limiter grants `easy` now (0: return
    // CURL_READFUNC_PAUSE and call pauseForBandwidth()).
    qint64 acquireBandwidth(qint64 wanted);
    void pauseForBandwidth(EasyHandle easy);
    bool isPausedForBandwidth(EasyHandle easy) const { return m_paused.contains(easy); }

private:
    struct SocketWatch;
    friend struct CurlMultiCallbacks; // curl's C callbacks, in the .cpp with curl's types

    void watchSocket(qintptr socket, int what, EasyHandle easy);
    void socketAction(qintptr socket, int eventMask);
    void processMessages();
    void resumePaused();

    void *m_multi = nullptr; // CURLM *
    std::shared_ptr<BandwidthLimiter> m_limiter;
    QTimer m_curlTimer; // the one timer curl asks for
    QTimer m_resumeTimer; // wakes transfers paused by the bandwidth limit
    QHash<EasyHandle, Transfer *> m_transfers;
    QHash<qintptr, SocketWatch *> m_sockets;
    QList<EasyHandle> m_paused;
    qint64 m_connectionsOpened = 0;
    bool m_inAction = false;
};

} // namespace Typebot
