// SPDX-License-Identifier: GPL-3.0-or-later
// Both upload transports, driven directly against the in-process sandbox over loopback
// sockets: what reached the server (fields, names, headers, bytes), every fault, and what
// only the libcurl transport promises (one connection for many files, a shared bandwidth
// limit, an early refusal before the body).

#include "faultinjector.h"
#include "sandboxserver.h"
#include "stubhttpserver.h"
#include "transfer/bandwidthlimiter.h"
#include "transfer/curlmulti.h"
#include "transfer/curluploadtransport.h"
#include "transfer/formencoding.h"
#include "transfer/qnamuploadtransport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Typebot;
using Outcome = TransferResult::Outcome;

namespace {

enum class Kind { Qnam, Curl };

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * 1024;
constexpr int UploadTimeoutMs = 30000;

QByteArray randomBytes(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    auto *words = reinterpret_cast<quint32 *>(data.data());
    QRandomGenerator::global()->fillRange(words, size / qint64(sizeof(quint32)));
    for (qint64 i = size - size % qint64(sizeof(quint32)); i < size; ++i)
        data[i] = char(QRandomGenerator::global()->bounded(256));
    return data;
}

// What one transport attempt produced, with the contract checked on the way: finished()
// exactly once.
struct Run
{
    TransferResult result;
    int finishedCount = 0;
    QList<QPair<qint64, qint64>> progress;
    qint64 elapsedMs = 0;
};

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestCurlTransport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void limiterGrantsAtItsRate();

    void postsFieldsInOrderWithFileLast_data();
    void postsFieldsInOrderWithFileLast();
    void escapesAwkwardFileNames_data();
    void escapesAwkwardFileNames();
    void putSendsContentTypeAndCacheControl_data();
    void putSendsContentTypeAndCacheControl();
    void unreadableFileIsLocalError_data();
    void unreadableFileIsLocalError();
    void stallIsReported_data();
    void stallIsReported();
    void resetIsReported_data();
    void resetIsReported();
    void retryAfterIsSurfaced_data();
    void retryAfterIsSurfaced();
    void cancelMidUploadFinishesOnce_data();
    void cancelMidUploadFinishesOnce();
    void cancelBeforeStartFinishesOnce_data();
    void cancelBeforeStartFinishesOnce();
    void redirectIsNotFollowed_data();
    void redirectIsNotFollowed();
    void plainTextErrorBecomesServerMessage_data();
    void plainTextErrorBecomesServerMessage();
    void longAnswerIsCut_data();
    void longAnswerIsCut();
    void tlsTrustsExtraCaOnly_data();
    void tlsTrustsExtraCaOnly();

    void reusesOneConnectionForManyFiles();
    void bandwidthLimitIsSharedByConcurrentUploads();
    void bandwidthLimitChangesWhileUploading();

private:
    static void addTransportRows(const char *suffix = "");
    void startSandbox(Sandbox::ServerVersion version, const QString &tlsCert = {},
                      const QString &tlsKey = {});
    std::optional<UploadTicket> fetchTicket(const QString &fileName, const QString &fileType);
    QString makeFile(const QString &name, const QByteArray &content);
    TransferRequest requestFor(const UploadTicket &ticket, const QString &path,
                               const QString &uploadName, const QString &fileType) const;
    UploadTransport *makeTransport(Kind kind);
    Run upload(Kind kind, const TransferRequest &request, int timeoutMs = UploadTimeoutMs);
    QList<Sandbox::RequestRecord> uploadRecords(int atLeast);
    QByteArray storedBytes(const UploadTicket &ticket) const;
    bool makeCertificate(QString *cert, QString *key);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::shared_ptr<CurlMulti> m_multi;
    QList<QSslCertificate> m_apiCa; // trusted for ticket requests over TLS
};

void TestCurlTransport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_multi = CurlMulti::create();
    m_apiCa.clear();
}

void TestCurlTransport::cleanup()
{
    m_multi.reset();
    m_nam.reset();
    m_sandbox.reset();
    m_dir.reset();
}

void TestCurlTransport::addTransportRows(const char *suffix)
{
    QTest::addColumn<Kind>("kind");
    QTest::newRow(qPrintable(QStringLiteral("qnam") + QLatin1String(suffix))) << Kind::Qnam;
    QTest::newRow(qPrintable(QStringLiteral("curl") + QLatin1String(suffix))) << Kind::Curl;
}

void TestCurlTransport::startSandbox(Sandbox::ServerVersion version, const QString &tlsCert,
                                     const QString &tlsKey)
{
    Sandbox::SandboxConfig config;
    config.serverVersion = version;
    config.tlsCertFile = tlsCert;
    config.tlsKeyFile = tlsKey;
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(config);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
}

std::optional<UploadTicket> TestCurlTransport::fetchTicket(const QString &fileName,
                                                           const QString &fileType)
{
    QUrl url = m_sandbox->apiBaseUrl();
    url.setPath(url.path() + QStringLiteral("/v2/generate-upload-url"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!m_apiCa.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_apiCa);
        request.setSslConfiguration(ssl);
    }
    const QJsonObject body{ { QStringLiteral("sessionId"), m_sandbox->defaultSessionId() },
                            { QStringLiteral("fileName"), fileName },
                            { QStringLiteral("fileType"), fileType } };
    QNetworkReply *reply = m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10000)) {
        qWarning("no ticket in time");
        reply->deleteLater();
        return std::nullopt;
    }
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    QString error;
    auto ticket = UploadTicket::fromJson(answer, &error);
    if (!ticket)
        qWarning("ticket refused: %s (%s)", qPrintable(error), answer.constData());
    return ticket;
}

QString TestCurlTransport::makeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write test file");
    return path;
}

TransferRequest TestCurlTransport::requestFor(const UploadTicket &ticket, const QString &path,
                                              const QString &uploadName,
                                              const QString &fileType) const
{
    TransferRequest request;
    request.ticket = ticket;
    request.filePath = path;
    request.uploadName = uploadName;
    // As UploadJob picks it: the signed type, the slot's type, else ours.
    request.contentType = ticket.field(QStringLiteral("Content-Type"));
    if (request.contentType.isEmpty())
        request.contentType = ticket.fileType;
    if (request.contentType.isEmpty())
        request.contentType = fileType;
    request.expectedSize = QFileInfo(path).size();
    request.stallTimeoutMs = 10000;
    request.userAgent = "TypebotUploaderTest/1.0";
    return request;
}

UploadTransport *TestCurlTransport::makeTransport(Kind kind)
{
    if (kind == Kind::Qnam)
        return new QnamUploadTransport(m_nam.get());
    return new CurlUploadTransport(m_multi);
}

Run TestCurlTransport::upload(Kind kind, const TransferRequest &request, int timeoutMs)
{
    Run run;
    std::unique_ptr<UploadTransport> transport(makeTransport(kind));
    connect(transport.get(), &UploadTransport::finished, this,
            [&run](const TransferResult &result) {
                ++run.finishedCount;
                run.result = result;
            });
    connect(transport.get(), &UploadTransport::progressChanged, this,
            [&run](qint64 sent, qint64 total) {
                run.progress.append({ sent, total });
            });
    QSignalSpy finished(transport.get(), &UploadTransport::finished);
    QElapsedTimer elapsed;
    elapsed.start();
    transport->start(request);
    if (!finished.wait(timeoutMs))
        qWarning("the transport did not finish in time");
    run.elapsedMs = elapsed.elapsed();
    // Exactly once: give a stray second signal the chance to show up.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return run;
}

QList<Sandbox::RequestRecord> TestCurlTransport::uploadRecords(int atLeast)
{
    const auto uploads = [this] {
        QList<Sandbox::RequestRecord> matching;
        const auto all = m_sandbox->requests();
        for (const auto &record : all) {
            if (record.route == u"upload")
                matching << record;
        }
        return matching;
    };
    // The sandbox logs a request when it is done with it, which may be just after the
    // client has its answer.
    QSignalSpy finished(m_sandbox.get(), &Sandbox::SandboxServer::requestFinished);
    while (uploads().size() < atLeast) {
        if (!finished.wait(10000))
            break;
    }
    return uploads();
}

QByteArray TestCurlTransport::storedBytes(const UploadTicket &ticket) const
{
    QFile file(m_sandbox->objectPath(Sandbox::SandboxServer::keyFromFileUrl(ticket.fileUrl)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// ---------------------------------------------------------------------------------------

void TestCurlTransport::limiterGrantsAtItsRate()
{
    qint64 nowMs = 0;
    BandwidthLimiter limiter(MiB, [&nowMs] { return nowMs; });
    const qint64 burst = BandwidthLimiter::burstFor(MiB);
    QCOMPARE(burst, MiB / 10);

    QCOMPARE(limiter.acquire(MiB), burst); // a full bucket to start with
    QCOMPARE(limiter.acquire(MiB), qint64(0)); // empty: wait
    QCOMPARE(limiter.waits(), quint64(1));
    QVERIFY(limiter.msUntilAvailable() >= 1);

    nowMs += 50; // half a bucket later
    QCOMPARE(limiter.acquire(MiB), MiB * 50 / 1000);
    nowMs += 1000; // refills to the burst, not beyond
    QCOMPARE(limiter.acquire(MiB, 4), std::max<qint64>(16 * KiB, burst / 4)); // fair share
    QCOMPARE(limiter.acquire(100), qint64(100)); // a small tail needs no full quantum

    limiter.setRate(0); // unlimited, at once
    QCOMPARE(limiter.acquire(5 * MiB), 5 * MiB);
    limiter.setRate(10 * KiB);
    QCOMPARE(limiter.acquire(MiB), BandwidthLimiter::burstFor(10 * KiB));
}

void TestCurlTransport::postsFieldsInOrderWithFileLast_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<qint64>("size");
    for (const Kind kind : { Kind::Qnam, Kind::Curl }) {
        const char *name = kind == Kind::Qnam ? "qnam" : "curl";
        QTest::addRow("%s, an empty file", name) << kind << qint64(0);
        QTest::addRow("%s, 64 KiB", name) << kind << 64 * KiB;
        QTest::addRow("%s, 3 MiB (over the Expect threshold)", name) << kind << 3 * MiB + 17;
    }
}

void TestCurlTransport::postsFieldsInOrderWithFileLast()
{
    QFETCH(Kind, kind);
    QFETCH(qint64, size);
    startSandbox(Sandbox::ServerVersion::V3_15);
    const QByteArray content = randomBytes(size);
    const QString path = makeFile(QStringLiteral("photo.png"), content);
    const auto ticket = fetchTicket(QStringLiteral("photo.png"), QStringLiteral("image/png"));
    QVERIFY(ticket);
    QVERIFY(!ticket->isPutVariant());

    const TransferRequest request =
            requestFor(*ticket, path, QStringLiteral("photo.png"), QStringLiteral("image/png"));
    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY2(run.result.ok(), qPrintable(run.result.errorString));
    QCOMPARE(run.result.httpStatus, 204);
    QVERIFY(run.result.bytesSent >= size);
    QCOMPARE(run.result.silentResends, 0);
    QVERIFY(run.result.durationMs >= 0);
    if (size > 0) {
        QVERIFY(!run.progress.isEmpty());
        QCOMPARE(run.progress.constLast().first, run.progress.constLast().second);
    }
    QCOMPARE(storedBytes(*ticket), content);

    const auto records = uploadRecords(1);
    QCOMPARE(records.size(), 1);
    const Sandbox::RequestRecord &record = records.first();
    QStringList expectedNames;
    for (const FormField &field : std::as_const(ticket->formFields))
        expectedNames << field.name;
    expectedNames << QStringLiteral("file");
    QCOMPARE(record.formFieldNames, expectedNames);
    QCOMPARE(record.fileName, QStringLiteral("photo.png"));
    QCOMPARE(record.fileContentType, request.contentType);
    QVERIFY(!record.headers.contains("authorization"));
    QCOMPARE(record.headers.value("user-agent"), request.userAgent);
    QVERIFY(record.headers.value("content-type").startsWith("multipart/form-data; boundary="));
    QVERIFY(!record.headers.value("content-type").contains('"')); // unquoted, like browsers
    if (kind == Kind::Curl) {
        // Big bodies ask first; small ones do not pay the round trip.
        QCOMPARE(record.headers.value("expect"),
                 size >= CurlUploadTransport::ExpectContinueThreshold ? QByteArray("100-continue")
                                                                      : QByteArray());
    }
}

void TestCurlTransport::escapesAwkwardFileNames_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("name");
    const QList<QPair<const char *, QString>> names = {
        { "a double quote", QStringLiteral("say \"cheese\".txt") },
        { "a line feed", QStringLiteral("two\nlines.txt") },
        { "a carriage return", QStringLiteral("cr\rhere.txt") },
        { "a directory part", QStringLiteral("some/dir/inner.txt") },
        { "a Windows directory part", QStringLiteral("C:\\Users\\me\\win.txt") },
        { "non-ASCII", QStringLiteral("ünïcødé 文件 😀.txt") },
        { "a percent sign", QStringLiteral("100% done.txt") },
        { "a semicolon and equals", QStringLiteral("a;b=c.txt") },
    };
    for (const Kind kind : { Kind::Qnam, Kind::Curl }) {
        for (const auto &[label, name] : names)
            QTest::addRow("%s, %s", kind == Kind::Qnam ? "qnam" : "curl", label) << kind << name;
    }
}

void TestCurlTransport::escapesAwkwardFileNames()
{
    QFETCH(Kind, kind);
    QFETCH(QString, name);
    startSandbox(Sandbox::ServerVersion::V3_15);
    const QByteArray content = "awkward name\n";
    const QString path = makeFile(QStringLiteral("plain.txt"), content);
    const auto ticket = fetchTicket(QStringLiteral("plain.txt"), QStringLiteral("text/plain"));
    QVERIFY(ticket);

    const Run run = upload(kind, requestFor(*ticket, path, name, QStringLiteral("text/plain")));
    QCOMPARE(run.finishedCount, 1);
    QVERIFY2(run.result.ok(), qPrintable(run.result.errorString));
    QCOMPARE(storedBytes(*ticket), content);
    const auto records = uploadRecords(1);
    QCOMPARE(records.size(), 1);
    // The bytes on the wire are exactly FormEncoding's, whichever transport sent them.
    QCOMPARE(records.first().fileName, QString::fromUtf8(FormEncoding::escapeFileName(name)));
}

void TestCurlTransport::putSendsContentTypeAndCacheControl_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<qint64>("size");
    for (const Kind kind : { Kind::Qnam, Kind::Curl }) {
        const char *name = kind == Kind::Qnam ? "qnam" : "curl";
        QTest::addRow("%s, an empty file", name) << kind << qint64(0);
        QTest::addRow("%s, 5 MiB", name) << kind << 5 * MiB + 3;
    }
}

void TestCurlTransport::putSendsContentTypeAndCacheControl()
{
    QFETCH(Kind, kind);
    QFETCH(qint64, size);
    startSandbox(Sandbox::ServerVersion::V3_16);
    const QByteArray content = randomBytes(size);
    const QString path = makeFile(QStringLiteral("clip.mp4"), content);
    const auto ticket = fetchTicket(QStringLiteral("clip.mp4"), QStringLiteral("video/mp4"));
    QVERIFY(ticket);
    QVERIFY(ticket->isPutVariant());

    const TransferRequest request =
            requestFor(*ticket, path, QStringLiteral("clip.mp4"), QStringLiteral("video/mp4"));
    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY2(run.result.ok(), qPrintable(run.result.errorString));
    QCOMPARE(run.result.httpStatus, 200);
    QCOMPARE(run.result.bytesSent, size);
    QCOMPARE(storedBytes(*ticket), content);

    const auto records = uploadRecords(1);
    QCOMPARE(records.size(), 1);
    const Sandbox::RequestRecord &record = records.first();
    QCOMPARE(record.method, QByteArray("PUT"));
    QCOMPARE(record.headers.value("content-type"), request.contentType.toUtf8());
    QCOMPARE(record.headers.value("cache-control"), QByteArray(TransferRequest::CacheControl));
    QCOMPARE(record.headers.value("content-length"), QByteArray::number(size));
    QVERIFY(!record.headers.contains("authorization"));
}

void TestCurlTransport::unreadableFileIsLocalError_data()
{
    addTransportRows();
}

void TestCurlTransport::unreadableFileIsLocalError()
{
    QFETCH(Kind, kind);
    startSandbox(Sandbox::ServerVersion::V3_15);
    const auto ticket = fetchTicket(QStringLiteral("gone.txt"), QStringLiteral("text/plain"));
    QVERIFY(ticket);
    TransferRequest request = requestFor(*ticket, m_dir->filePath(QStringLiteral("gone.txt")),
                                         QStringLiteral("gone.txt"), QStringLiteral("text/plain"));
    request.expectedSize = 10;
    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.outcome, Outcome::LocalError);
    QVERIFY2(run.result.errorString.startsWith(QStringLiteral("Cannot read ")),
             qPrintable(run.result.errorString));
    QCOMPARE(uploadRecords(0).size(), 0);
}

void TestCurlTransport::stallIsReported_data()
{
    addTransportRows();
}

void TestCurlTransport::stallIsReported()
{
    QFETCH(Kind, kind);
    startSandbox(Sandbox::ServerVersion::V3_15);
    // More than loopback socket buffers hold, so the client really has to wait.
    const QByteArray content(24 * MiB, 'x');
    const QString path = makeFile(QStringLiteral("big.bin"), content);
    const auto ticket =
            fetchTicket(QStringLiteral("big.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(ticket);
    QString error;
    QVERIFY2(m_sandbox->faults()->add(QStringLiteral("upload:stall=30"), &error),
             qPrintable(error));

    TransferRequest request = requestFor(*ticket, path, QStringLiteral("big.bin"),
                                         QStringLiteral("application/octet-stream"));
    request.stallTimeoutMs = 700;
    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.outcome, Outcome::Stalled);
    QVERIFY2(run.result.errorString.startsWith(QStringLiteral("No progress for 0.7 s")),
             qPrintable(run.result.errorString));
    QVERIFY(run.result.bytesSent < content.size());
}

void TestCurlTransport::resetIsReported_data()
{
    addTransportRows();
}

void TestCurlTransport::resetIsReported()
{
    QFETCH(Kind, kind);
    startSandbox(Sandbox::ServerVersion::V3_15);
    const QByteArray content = randomBytes(256 * KiB);
    const QString path = makeFile(QStringLiteral("reset.bin"), content);
    const auto ticket =
            fetchTicket(QStringLiteral("reset.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(ticket);
    QString error;
    // Every attempt: QNAM re-sends by itself after a close and must give up too.
    QVERIFY2(m_sandbox->faults()->add(QStringLiteral("upload:reset-after=1000,count=0"), &error),
             qPrintable(error));

    const Run run = upload(kind,
                           requestFor(*ticket, path, QStringLiteral("reset.bin"),
                                      QStringLiteral("application/octet-stream")));
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.outcome, Outcome::NetworkError);
    QCOMPARE(run.result.httpStatus, 0);
    if (kind == Kind::Curl)
        QCOMPARE(run.result.networkError, QNetworkReply::RemoteHostClosedError);
    else // Qt says one or the other, depending on when it notices
        QVERIFY(run.result.networkError == QNetworkReply::RemoteHostClosedError
                || run.result.networkError == QNetworkReply::UnknownNetworkError);
    QVERIFY2(run.result.errorString.startsWith(
                     QStringLiteral("The storage server closed the connection during the upload")),
             qPrintable(run.result.errorString));
    if (kind == Kind::Curl) {
        QCOMPARE(run.result.silentResends, 0);
        QCOMPARE(uploadRecords(1).size(), 1); // sent once, never behind the caller's back
    }
}

void TestCurlTransport::retryAfterIsSurfaced_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<qint64>("size");
    for (const Kind kind : { Kind::Qnam, Kind::Curl }) {
        const char *name = kind == Kind::Qnam ? "qnam" : "curl";
        QTest::addRow("%s, 64 KiB", name) << kind << 64 * KiB;
        QTest::addRow("%s, 4 MiB", name) << kind << 4 * MiB;
    }
}

void TestCurlTransport::retryAfterIsSurfaced()
{
    QFETCH(Kind, kind);
    QFETCH(qint64, size);
    startSandbox(Sandbox::ServerVersion::V3_15);
    const QByteArray content = randomBytes(size);
    const QString path = makeFile(QStringLiteral("busy.bin"), content);
    const auto ticket =
            fetchTicket(QStringLiteral("busy.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(ticket);
    QString error;
    QVERIFY2(m_sandbox->faults()->add(QStringLiteral("upload:status=503,retry-after=7"), &error),
             qPrintable(error));

    const Run run = upload(kind,
                           requestFor(*ticket, path, QStringLiteral("busy.bin"),
                                      QStringLiteral("application/octet-stream")));
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.outcome, Outcome::HttpError);
    QCOMPARE(run.result.httpStatus, 503);
    QCOMPARE(run.result.networkError, QNetworkReply::ServiceUnavailableError);
    QCOMPARE(run.result.header("Retry-After"), QByteArray("7"));
    QVERIFY(run.result.s3Error);
    QCOMPARE(run.result.errorString, run.result.s3Error->toString());
    if (kind == Kind::Curl && size >= CurlUploadTransport::ExpectContinueThreshold) {
        // Expect: 100-continue: the refusal came before the body was sent.
        QCOMPARE(run.result.bytesSent, qint64(0));
        const auto records = uploadRecords(1);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().bodyBytes, qint64(0));
    }
}

void TestCurlTransport::cancelMidUploadFinishesOnce_data()
{
    addTransportRows();
}

void TestCurlTransport::cancelMidUploadFinishesOnce()
{
    QFETCH(Kind, kind);
    startSandbox(Sandbox::ServerVersion::V3_15);
    const QByteArray content(24 * MiB, 'c');
    const QString path = makeFile(QStringLiteral("slow.bin"), content);
    const auto ticket =
            fetchTicket(QStringLiteral("slow.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(ticket);
    QString error;
    QVERIFY2(m_sandbox->faults()->add(QStringLiteral("upload:throttle=65536"), &error),
             qPrintable(error));

    std::unique_ptr<UploadTransport> transport(makeTransport(kind));
    QSignalSpy progress(transport.get(), &UploadTransport::progressChanged);
    QSignalSpy finished(transport.get(), &UploadTransport::finished);
    QSignalSpy sandboxDone(m_sandbox.get(), &Sandbox::SandboxServer::requestFinished);
    transport->start(requestFor(*ticket, path, QStringLiteral("slow.bin"),
                                QStringLiteral("application/octet-stream")));
    while (finished.isEmpty()
           && (progress.isEmpty() || progress.constLast().at(0).toLongLong() == 0)) {
        QVERIFY(progress.wait(10000));
    }
    QVERIFY(finished.isEmpty());
    transport->cancel();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    transport->cancel(); // a second cancel is a no-op
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 1);
    const auto result = finished.first().first().value<TransferResult>();
    QCOMPARE(result.outcome, Outcome::Canceled);
    QCOMPARE(result.errorString, QStringLiteral("Canceled"));
    QVERIFY(result.bytesSent < content.size());

    // Nothing is stored. (When the server learns of the abort depends on how much the
    // kernels buffered: the throttled sandbox reads its socket buffer first.)
    QVERIFY(m_sandbox->objectKeys().isEmpty());
}

void TestCurlTransport::cancelBeforeStartFinishesOnce_data()
{
    addTransportRows();
}

void TestCurlTransport::cancelBeforeStartFinishesOnce()
{
    QFETCH(Kind, kind);
    startSandbox(Sandbox::ServerVersion::V3_15);
    const QString path = makeFile(QStringLiteral("early.txt"), "never sent");
    const auto ticket = fetchTicket(QStringLiteral("early.txt"), QStringLiteral("text/plain"));
    QVERIFY(ticket);
    std::unique_ptr<UploadTransport> transport(makeTransport(kind));
    QSignalSpy finished(transport.get(), &UploadTransport::finished);
    transport->start(
            requestFor(*ticket, path, QStringLiteral("early.txt"), QStringLiteral("text/plain")));
    transport->cancel();
    QCOMPARE(finished.count(), 1);
    QCoreApplication::processEvents(); // the scheduled start must not run any more
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<TransferResult>().outcome, Outcome::Canceled);
    QCOMPARE(uploadRecords(0).size(), 0);
}

void TestCurlTransport::redirectIsNotFollowed_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    for (const Kind kind : { Kind::Qnam, Kind::Curl }) {
        const char *name = kind == Kind::Qnam ? "qnam" : "curl";
        QTest::addRow("%s, 301", name) << kind << 301;
        QTest::addRow("%s, 307", name) << kind << 307;
    }
}

void TestCurlTransport::redirectIsNotFollowed()
{
    QFETCH(Kind, kind);
    QFETCH(int, status);
    StubHttpServer stub;
    StubHttpServer elsewhere;
    const QUrl target = elsewhere.url(QStringLiteral("/other-bucket"));
    stub.setResponse(status, QByteArray(), { { "Location", target.toEncoded() } });
    UploadTicket ticket;
    ticket.presignedUrl = stub.url(QStringLiteral("/typebot"));
    ticket.formFields = { { QStringLiteral("key"), QStringLiteral("a/b.txt") },
                          { QStringLiteral("policy"), QStringLiteral("e30=") } };
    const QString path = makeFile(QStringLiteral("b.txt"), "redirected?");
    TransferRequest request;
    request.ticket = ticket;
    request.filePath = path;
    request.uploadName = QStringLiteral("b.txt");
    request.contentType = QStringLiteral("text/plain");
    request.expectedSize = QFileInfo(path).size();

    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.outcome, Outcome::HttpError);
    QCOMPARE(run.result.httpStatus, status);
    QVERIFY2(run.result.errorString.contains(QStringLiteral("redirects are not followed")),
             qPrintable(run.result.errorString));
    QVERIFY2(run.result.errorString.contains(target.toString()),
             qPrintable(run.result.errorString));
    QCOMPARE(stub.requests().size(), 1);
    QCOMPARE(elsewhere.requests().size(), 0);
    QVERIFY(!stub.requests().first().headers.contains("authorization"));
}

void TestCurlTransport::plainTextErrorBecomesServerMessage_data()
{
    addTransportRows();
}

void TestCurlTransport::plainTextErrorBecomesServerMessage()
{
    QFETCH(Kind, kind);
    StubHttpServer stub;
    stub.setResponse(403, "Upload URL has expired", { { "Content-Type", "text/plain" } });
    UploadTicket ticket;
    ticket.presignedUrl = stub.url(QStringLiteral("/api/uploads/token"));
    const QString path = makeFile(QStringLiteral("late.txt"), "too late");
    TransferRequest request;
    request.ticket = ticket; // no fields: a PUT
    request.filePath = path;
    request.uploadName = QStringLiteral("late.txt");
    request.contentType = QStringLiteral("text/plain");
    request.expectedSize = QFileInfo(path).size();

    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QCOMPARE(run.result.outcome, Outcome::HttpError);
    QCOMPARE(run.result.httpStatus, 403);
    QCOMPARE(run.result.networkError, QNetworkReply::ContentAccessDenied);
    QVERIFY(!run.result.s3Error);
    QCOMPARE(run.result.serverMessage, QStringLiteral("Upload URL has expired"));
    QCOMPARE(run.result.errorString,
             QStringLiteral("The upload server answered 403: Upload URL has expired"));
    QCOMPARE(stub.requests().first().method, QByteArray("PUT"));
}

void TestCurlTransport::longAnswerIsCut_data()
{
    addTransportRows();
}

void TestCurlTransport::longAnswerIsCut()
{
    QFETCH(Kind, kind);
    StubHttpServer stub;
    stub.setResponse(500, QByteArray(3 * MiB, 'e'), { { "Content-Type", "text/html" } });
    UploadTicket ticket;
    ticket.presignedUrl = stub.url(QStringLiteral("/bucket/key"));
    const QString path = makeFile(QStringLiteral("x.txt"), "x");
    TransferRequest request;
    request.ticket = ticket;
    request.filePath = path;
    request.uploadName = QStringLiteral("x.txt");
    request.contentType = QStringLiteral("text/plain");
    request.expectedSize = 1;

    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY(!run.result.ok());
    QCOMPARE(run.result.httpStatus, 500);
    QVERIFY(run.result.bodySnippet.size() <= 64 * KiB);
    if (kind == Kind::Curl) {
        // Storage answers are short XML: one that goes on is not read to its end.
        QCOMPARE(run.result.outcome, Outcome::NetworkError);
        QCOMPARE(run.result.networkError, QNetworkReply::ProtocolFailure);
        QVERIFY(!run.result.bodySnippet.isEmpty());
        QCOMPARE(run.result.errorString,
                 QStringLiteral("The storage server's answer went on past 1024 KiB; stopped "
                                "reading it"));
    }
}

bool TestCurlTransport::makeCertificate(QString *cert, QString *key)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return false;
    *cert = m_dir->filePath(QStringLiteral("cert.pem"));
    *key = m_dir->filePath(QStringLiteral("key.pem"));
    QProcess make;
    QSignalSpy made(&make, &QProcess::finished);
    make.start(openssl,
               { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 *key, QStringLiteral("-out"), *cert, QStringLiteral("-days"), QStringLiteral("1"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1") });
    return made.wait(30000) && make.exitCode() == 0;
}

void TestCurlTransport::tlsTrustsExtraCaOnly_data()
{
    addTransportRows();
}

void TestCurlTransport::tlsTrustsExtraCaOnly()
{
    QFETCH(Kind, kind);
    QString cert, key;
    if (!makeCertificate(&cert, &key))
        QSKIP("openssl cannot make a test certificate here");
    startSandbox(Sandbox::ServerVersion::V3_15, cert, key);
    QCOMPARE(m_sandbox->apiBaseUrl().scheme(), QStringLiteral("https"));
    m_apiCa = QSslCertificate::fromPath(cert);
    QCOMPARE(m_apiCa.size(), 1);

    const QByteArray content = randomBytes(200 * KiB);
    const QString path = makeFile(QStringLiteral("secure.bin"), content);
    const auto ticket =
            fetchTicket(QStringLiteral("secure.bin"), QStringLiteral("application/octet-stream"));
    QVERIFY(ticket);
    QCOMPARE(ticket->presignedUrl.scheme(), QStringLiteral("https"));
    TransferRequest request = requestFor(*ticket, path, QStringLiteral("secure.bin"),
                                         QStringLiteral("application/octet-stream"));

    // Without the profile's CA the self-signed server is refused. (QNAM keeps one
    // connection pool per host whatever the TLS settings, so each attempt starts clean.)
    m_nam->clearConnectionCache();
    const Run refused = upload(kind, request);
    QCOMPARE(refused.finishedCount, 1);
    QCOMPARE(refused.result.outcome, Outcome::NetworkError);
    QCOMPARE(refused.result.networkError, QNetworkReply::SslHandshakeFailedError);
    QVERIFY2(refused.result.errorString.startsWith(QStringLiteral("SSL handshake failed")),
             qPrintable(refused.result.errorString));

    request.extraCaCertificates = m_apiCa;
    m_nam->clearConnectionCache();
    const Run run = upload(kind, request);
    QCOMPARE(run.finishedCount, 1);
    QVERIFY2(run.result.ok(), qPrintable(run.result.errorString));
    QCOMPARE(storedBytes(*ticket), content);
}

void TestCurlTransport::reusesOneConnectionForManyFiles()
{
    startSandbox(Sandbox::ServerVersion::V3_15);
    QList<qint64> durations;
    for (int i = 0; i < 3; ++i) {
        const QString name = QStringLiteral("small-%1.bin").arg(i);
        const QByteArray content = randomBytes(64 * KiB);
        const QString path = makeFile(name, content);
        const auto ticket = fetchTicket(name, QStringLiteral("application/octet-stream"));
        QVERIFY(ticket);
        const Run run =
                upload(Kind::Curl,
                       requestFor(*ticket, path, name, QStringLiteral("application/octet-stream")));
        QVERIFY2(run.result.ok(), qPrintable(run.result.errorString));
        QCOMPARE(storedBytes(*ticket), content);
        durations << run.result.durationMs;
    }
    // One TCP connection for all three: kept alive in the shared multi handle.
    QCOMPARE(m_multi->connectionsOpened(), qint64(1));
    qInfo() << "64 KiB uploads, ms each (the first one connects):" << durations;
}

void TestCurlTransport::bandwidthLimitIsSharedByConcurrentUploads()
{
    startSandbox(Sandbox::ServerVersion::V3_15);
    const qint64 rate = 2 * MiB;
    const qint64 size = 2 * MiB;
    m_multi->setMaxSendRate(rate);
    QCOMPARE(m_multi->maxSendRate(), rate);

    std::vector<std::unique_ptr<UploadTransport>> transports;
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    QList<UploadTicket> tickets;
    QList<QByteArray> contents;
    for (int i = 0; i < 2; ++i) {
        const QString name = QStringLiteral("limited-%1.bin").arg(i);
        contents << randomBytes(size);
        const QString path = makeFile(name, contents.constLast());
        const auto ticket = fetchTicket(name, QStringLiteral("application/octet-stream"));
        QVERIFY(ticket);
        tickets << *ticket;
        transports.emplace_back(makeTransport(Kind::Curl));
        spies.push_back(
                std::make_unique<QSignalSpy>(transports.back().get(), &UploadTransport::finished));
        transports.back()->start(
                requestFor(*ticket, path, name, QStringLiteral("application/octet-stream")));
    }
    QElapsedTimer elapsed;
    elapsed.start();
    for (const auto &spy : spies)
        QVERIFY(spy->count() == 1 || spy->wait(UploadTimeoutMs));
    const qint64 ms = elapsed.elapsed();
    for (int i = 0; i < 2; ++i) {
        const auto result = spies[i]->first().first().value<TransferResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorString));
        QCOMPARE(storedBytes(tickets[i]), contents[i]);
    }
    QCOMPARE(m_sandbox->maxConcurrentUploads(), 2);
    QVERIFY(m_multi->limiter()->waits() > 0);
    // 4 MiB at 2 MiB/s for both together takes about 2 s (one bucket of slack); with the
    // limit per upload it would take 1 s. Only a lower bound: a slow machine is slower.
    const qint64 floorMs = (2 * size - BandwidthLimiter::burstFor(rate)) * 1000 / rate;
    QVERIFY2(ms >= floorMs * 8 / 10, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    qInfo() << "two 2 MiB uploads under one 2 MiB/s limit took" << ms << "ms";
}

void TestCurlTransport::bandwidthLimitChangesWhileUploading()
{
    startSandbox(Sandbox::ServerVersion::V3_15);
    m_multi->setMaxSendRate(64 * KiB); // 8 MiB would take two minutes
    const QByteArray content = randomBytes(8 * MiB);
    const QString path = makeFile(QStringLiteral("unleashed.bin"), content);
    const auto ticket = fetchTicket(QStringLiteral("unleashed.bin"),
                                    QStringLiteral("application/octet-stream"));
    QVERIFY(ticket);
    std::unique_ptr<UploadTransport> transport(makeTransport(Kind::Curl));
    QSignalSpy progress(transport.get(), &UploadTransport::progressChanged);
    QSignalSpy finished(transport.get(), &UploadTransport::finished);
    transport->start(requestFor(*ticket, path, QStringLiteral("unleashed.bin"),
                                QStringLiteral("application/octet-stream")));
    while (finished.isEmpty()
           && (progress.isEmpty() || progress.constLast().at(0).toLongLong() == 0)) {
        QVERIFY(progress.wait(10000));
    }
    QVERIFY(finished.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_multi->limiter()->waits() > 0, 5000);
    m_multi->setMaxSendRate(0); // e.g. the user clears the limit in the settings
    QVERIFY(finished.count() == 1 || finished.wait(UploadTimeoutMs));
    const auto result = finished.first().first().value<TransferResult>();
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QCOMPARE(storedBytes(*ticket), content);
}

QTEST_GUILESS_MAIN(TestCurlTransport)
#include "testcurltransport.moc"
