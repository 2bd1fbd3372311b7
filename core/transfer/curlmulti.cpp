// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlmulti.h"

#include "bandwidthlimiter.h"
#include "diagnostics/logging.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QThread>

#include <curl/curl.h>

#ifdef Q_OS_WIN
#    include <winsock2.h>
#else
#    include <sys/socket.h>
#endif

namespace Typebot {

namespace {

void initialiseCurlOnce()
{
    // Thread-safe since 7.84 when curl is built with atomics; a static makes it once.
    static const bool initialised = [] {
        const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (code != CURLE_OK)
            qCWarning(lcTransfer) << "curl_global_init failed:" << curl_easy_strerror(code);
        return code == CURLE_OK;
    }();
    Q_UNUSED(initialised);
}

} // namespace

struct CurlMulti::SocketWatch
{
    QSocketNotifier *read = nullptr;
    QSocketNotifier *write = nullptr;
    CurlMulti::EasyHandle easy = nullptr; // the transfer curl last named for this socket
};

// The C callbacks, kept here so that curl's types stay out of the header.
struct CurlMultiCallbacks
{
    static int socket(CURL *easy, curl_socket_t socket, int what, void *userp, void *)
    {
        static_cast<CurlMulti *>(userp)->watchSocket(qintptr(socket), what, easy);
        return 0;
    }

    static int timer(CURLM *, long timeoutMs, void *userp)
    {
        auto *self = static_cast<CurlMulti *>(userp);
        // Never act from inside the callback (curl forbids re-entry): the event loop runs
        // the timer, even when it is due at once.
        if (timeoutMs < 0)
            self->m_curlTimer.stop();
        else
            self->m_curlTimer.start(int(std::min<long>(timeoutMs, 24L * 3600 * 1000)));
        return 0;
    }
};

CurlMulti::CurlMulti(std::shared_ptr<BandwidthLimiter> limiter, QObject *parent)
    : QObject(parent),
      m_limiter(limiter ? std::move(limiter) : std::make_shared<BandwidthLimiter>()),
      m_curlTimer(this),
      m_resumeTimer(this)
{
    initialiseCurlOnce();
    m_multi = curl_multi_init();
    Q_ASSERT(m_multi);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlMultiCallbacks::socket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlMultiCallbacks::timer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);

    m_curlTimer.setSingleShot(true);
    connect(&m_curlTimer, &QTimer::timeout, this,
            [this] { socketAction(qintptr(CURL_SOCKET_TIMEOUT), 0); });
    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, &CurlMulti::resumePaused);
}

CurlMulti::~CurlMulti()
{
    // Transports hold the multi through a shared pointer, so none should be left; a
    // transfer still here is aborted without a callback.
    const QList<EasyHandle> easies = m_transfers.keys();
    for (EasyHandle easy : easies)
        curl_multi_remove_handle(m_multi, easy);
    m_transfers.clear();
    // Closing the pooled connections must not call back into a half-destroyed object.
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, nullptr);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, nullptr);
    curl_multi_cleanup(m_multi);
    for (SocketWatch *watch : std::as_const(m_sockets)) {
        delete watch->read;
        delete watch->write;
        delete watch;
    }
    m_sockets.clear();
}

std::shared_ptr<CurlMulti> CurlMulti::create(std::shared_ptr<BandwidthLimiter> limiter)
{
    return std::shared_ptr<CurlMulti>(new CurlMulti(std::move(limiter)), [](CurlMulti *multi) {
        if (multi->thread() == QThread::currentThread())
            delete multi;
        else
            multi->deleteLater();
    });
}

void CurlMulti::setMaxSendRate(qint64 bytesPerSecond)
{
    m_limiter->setRate(bytesPerSecond);
}

qint64 CurlMulti::maxSendRate() const
{
    return m_limiter->rate();
}

void CurlMulti::setMaxHostConnections(int connections)
{
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(std::max(0, connections)));
}

void CurlMulti::setMaxIdleConnections(int connections)
{
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(std::max(0, connections)));
}

bool CurlMulti::addTransfer(EasyHandle easy, Transfer *transfer)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (m_transfers.contains(easy))
        return false;
    const CURLMcode code = curl_multi_add_handle(m_multi, easy);
    if (code != CURLM_OK) {
        qCWarning(lcTransfer) << "curl_multi_add_handle failed:" << curl_multi_strerror(code);
        return false;
    }
    m_transfers.insert(easy, transfer);
    return true;
}

void CurlMulti::removeTransfer(EasyHandle easy)
{
    m_paused.removeAll(easy);
    if (m_transfers.remove(easy) > 0)
        curl_multi_remove_handle(m_multi, easy);
}

qint64 CurlMulti::acquireBandwidth(qint64 wanted)
{
    return m_limiter->acquire(wanted, std::max(1, int(m_transfers.size())));
}

void CurlMulti::pauseForBandwidth(EasyHandle easy)
{
    if (!m_paused.contains(easy))
        m_paused.append(easy);
    if (!m_resumeTimer.isActive())
        m_resumeTimer.start(m_limiter->msUntilAvailable());
}

void CurlMulti::resumePaused()
{
    // The first to be paused asks first; each one that finds the bucket empty again
    // queues itself behind the others.
    const QList<EasyHandle> paused = std::exchange(m_paused, {});
    for (EasyHandle easy : paused) {
        if (m_transfers.contains(easy))
            curl_easy_pause(easy, CURLPAUSE_CONT);
    }
}

void CurlMulti::resetConnectionOf(EasyHandle easy)
{
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it.value()->easy != easy)
            continue;
        linger reset{};
        reset.l_onoff = 1;
        reset.l_linger = 0;
        setsockopt(curl_socket_t(it.key()), SOL_SOCKET, SO_LINGER,
                   reinterpret_cast<const char *>(&reset), sizeof reset);
    }
}

void CurlMulti::watchSocket(qintptr socket, int what, EasyHandle easy)
{
    if (what == CURL_POLL_REMOVE) {
        if (SocketWatch *watch = m_sockets.take(socket)) {
            // This may run inside the notifier's own activated() signal.
            for (QSocketNotifier *notifier : { watch->read, watch->write }) {
                if (notifier) {
                    notifier->setEnabled(false);
                    notifier->deleteLater();
                }
            }
            delete watch;
        }
        return;
    }
    SocketWatch *&watch = m_sockets[socket];
    if (!watch)
        watch = new SocketWatch;
    watch->easy = easy;
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (wantRead && !watch->read) {
        watch->read = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(watch->read, &QSocketNotifier::activated, this,
                [this, socket] { socketAction(socket, CURL_CSELECT_IN); });
    }
    if (wantWrite && !watch->write) {
        watch->write = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(watch->write, &QSocketNotifier::activated, this,
                [this, socket] { socketAction(socket, CURL_CSELECT_OUT); });
    }
    if (watch->read)
        watch->read->setEnabled(wantRead);
    if (watch->write)
        watch->write->setEnabled(wantWrite);
}

void CurlMulti::socketAction(qintptr socket, int eventMask)
{
    if (m_inAction) {
        // Cannot happen from curl's callbacks; a nested event loop in a slot could.
        m_curlTimer.start(0);
        return;
    }
    m_inAction = true;
    int running = 0;
    const CURLMcode code =
            curl_multi_socket_action(m_multi, curl_socket_t(socket), eventMask, &running);
    m_inAction = false;
    if (code != CURLM_OK)
        qCWarning(lcTransfer) << "curl_multi_socket_action failed:" << curl_multi_strerror(code);
    processMessages();
}

void CurlMulti::processMessages()
{
    // Collect first: a transfer told it is done may start the next one at once.
    QList<QPair<EasyHandle, CURLcode>> done;
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
        if (message->msg == CURLMSG_DONE)
            done.append({ message->easy_handle, message->data.result });
    }
    QPointer<CurlMulti> guard(this);
    for (const auto &[easy, result] : std::as_const(done)) {
        Transfer *transfer = m_transfers.value(easy);
        if (!transfer)
            continue;
        long connects = 0;
        if (curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK)
            m_connectionsOpened += connects;
        removeTransfer(easy);
        transfer->curlTransferDone(int(result));
        if (!guard)
            return;
    }
}

} // namespace Typebot
