// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "curlmulti.h"
#include "uploadtransport.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>

namespace Typebot {

class UploadBodyFile;

// The libcurl transport: the same multipart POST (fields in order, file last, the file
// name escaped as browsers do) or raw PUT as QnamUploadTransport, read from disk in large
// blocks on the shared CurlMulti of the engine's thread. Unlike QNAM it keeps TCP_NODELAY
// on (no delayed-ACK wait at the end of each body on a reused connection), sends
// `Expect: 100-continue` for bodies of 1 MiB or more so that an early refusal (an expired
// URL, a body too large) arrives before the body is sent, and obeys the multi's shared
// bandwidth limit.
class CurlUploadTransport final : public UploadTransport, private CurlMulti::Transfer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlUploadTransport)

public:
    static constexpr qint64 ExpectContinueThreshold = Q_INT64_C(1024) * 1024;
    static constexpr int ExpectContinueTimeoutMs = 1000;
    static constexpr qint64 UploadBufferBytes = Q_INT64_C(512) * 1024;
    static constexpr qint64 MaxBodySnippet = Q_INT64_C(64) * 1024; // kept for the result
    static constexpr qint64 MaxResponseBody = Q_INT64_C(1024) * 1024; // then the reply is cut
    static constexpr int ProgressIntervalMs = 100;

    // `multi` must live in this transport's thread.
    explicit CurlUploadTransport(std::shared_ptr<CurlMulti> multi, QObject *parent = nullptr);
    ~CurlUploadTransport() override;

    // A factory for the engine: every transport it makes uses `multi`.
    static UploadTransportFactory factory(const std::shared_ptr<CurlMulti> &multi);
    // A factory that creates its CurlMulti (with `limiter`, which may be null) at the first
    // call, in the calling thread (the engine's), and shares it with every later transport.
    static UploadTransportFactory lazyFactory(std::shared_ptr<BandwidthLimiter> limiter = {});

private:
    struct Callbacks;
    friend struct Callbacks;

    void run() override;
    bool abortInFlight() override;
    void reportCanceled() override;
    bool setUpEasy(TransferResult *failure); // false: *failure says why
    void handleTick();
    void emitProgress();
    void curlTransferDone(int curlCode) override;
    void abortWith(TransferResult::Outcome outcome, const QString &errorString);
    TransferResult baseResult() const;
    void fillHttpResult(TransferResult *result) const;
    void releaseEasy();
    void finish(TransferResult result);
    void requestHeadSent(const QByteArray &head);

    // From curl's callbacks.
    qint64 readBody(char *buffer, qint64 size);
    bool seekBody(qint64 offset);
    bool headerLine(const QByteArray &line); // false: stop, too many header bytes
    qint64 bodyData(const char *data, qint64 size);
    void uploadProgress(qint64 sent, qint64 total);

    std::shared_ptr<CurlMulti> m_multi;
    CurlMulti::EasyHandle m_easy = nullptr;
    void *m_mime = nullptr; // curl_mime *
    void *m_headerList = nullptr; // curl_slist *
    QByteArray m_caBlob;
    QByteArray m_url;
    std::unique_ptr<UploadBodyFile> m_body;
    QByteArray m_errorBuffer;
    QString m_readError;

    int m_status = 0;
    QByteArray m_reason;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    bool m_headersComplete = false;
    qint64 m_headerBytes = 0; // of the current response
    bool m_headersCut = false; // more than BoundedReply::MaxHeaderBytes
    QByteArray m_bodySnippet;
    qint64 m_bodyBytes = 0;
    bool m_bodyCut = false;

    QTimer m_tick;
    QElapsedTimer m_sinceProgress;
    qint64 m_sent = 0;
    qint64 m_total = 0;
    qint64 m_emittedSent = -1;
    qint64 m_emittedTotal = -1;
};

} // namespace Typebot
