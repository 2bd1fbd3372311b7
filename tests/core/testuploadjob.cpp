// SPDX-License-Identifier: GPL-3.0-or-later
// UploadJob's state machine without sockets: the ticket source and the transport are
// scripted fakes handed in through the JobEnvironment, as the engine hands in the real
// ones. Each row is a story (answers in order) and what the job must end with. Network
// behaviour is TestUploadEngine's, against the sandbox.

#include "engine/uploadjob.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Typebot;

namespace {

// The answers a fake gives, in order; the last one repeats.
struct Script
{
    QStringList answers;
    int used = 0;
    QString next()
    {
        const QString answer = answers.value(std::min<int>(used, int(answers.size()) - 1));
        ++used;
        return answer;
    }
};

TicketResult ticketAnswer(const QString &code)
{
    TicketResult result;
    HttpExchange exchange;
    exchange.step = HttpExchange::Step::Ticket;
    exchange.method = "POST";
    exchange.url = QUrl(QStringLiteral("https://api.example.com/api/v3/generate-upload-url"));
    result.host = exchange.url.host();
    result.route = ServerKnowledge::Route::V3;
    if (code == u"slot") {
        result.ok = true;
        result.ticket.presignedUrl = QUrl(QStringLiteral("https://storage.example.com/put/a"));
        result.ticket.fileUrl = QStringLiteral("https://files.example.com/a.txt");
        result.ticket.fileType = QStringLiteral("text/plain");
        exchange.httpStatus = 200;
    } else if (code == u"503") {
        result.error = ApiError::fromHttpResponse(503, "Service Unavailable");
        result.error.httpStatus = 503;
        result.networkError = QNetworkReply::ServiceUnavailableError;
        exchange.httpStatus = 503;
    } else if (code == u"400") {
        result.error = ApiError::fromHttpResponse(
                400, R"({"message":"File size exceeds the limit","code":"BAD_REQUEST"})");
        result.error.httpStatus = 400;
        result.networkError = QNetworkReply::ProtocolInvalidOperationError;
        exchange.httpStatus = 400;
    } else if (code == u"refused") {
        result.error.kind = ApiError::Kind::Network;
        result.error.message = QStringLiteral("Connection refused");
        result.networkError = QNetworkReply::ConnectionRefusedError;
        exchange.error = result.error.message;
    } else {
        qFatal("unknown ticket answer");
    }
    result.exchanges = { exchange };
    return result;
}

TransferResult transferAnswer(const QString &code)
{
    TransferResult result;
    if (code == u"204") {
        result.outcome = TransferResult::Outcome::Stored;
        result.httpStatus = 204;
    } else if (code == u"500") {
        result.outcome = TransferResult::Outcome::HttpError;
        result.httpStatus = 500;
        result.networkError = QNetworkReply::InternalServerError;
        result.s3Error = S3Error::fromXml(
                "<Error><Code>InternalError</Code><Message>We encountered an internal "
                "error.</Message></Error>");
    } else if (code == u"expired") {
        result.outcome = TransferResult::Outcome::HttpError;
        result.httpStatus = 403;
        result.networkError = QNetworkReply::ContentAccessDenied;
        result.s3Error = S3Error::fromXml("<Error><Code>AccessDenied</Code><Message>Request has "
                                          "expired</Message></Error>");
    } else if (code == u"reset") {
        result.outcome = TransferResult::Outcome::NetworkError;
        result.networkError = QNetworkReply::RemoteHostClosedError;
        result.errorString = QStringLiteral("Connection closed");
    } else if (code == u"denied") {
        result.outcome = TransferResult::Outcome::HttpError;
        result.httpStatus = 403;
        result.networkError = QNetworkReply::ContentAccessDenied;
        result.s3Error = S3Error::fromXml(
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
    } else if (code == u"unreadable") {
        result.outcome = TransferResult::Outcome::LocalError;
        result.errorString = QStringLiteral("Permission denied");
    } else {
        qFatal("unknown transfer answer");
    }
    if (result.s3Error)
        result.errorString = result.s3Error->toString();
    return result;
}

class FakeTicketSource final : public TicketSource
{
public:
    FakeTicketSource(Script *script, QObject *parent) : TicketSource(parent), m_script(script) { }

private:
    void run() override
    {
        TicketResult result = ticketAnswer(m_script->next());
        if (!beginFinish())
            return;
        Q_EMIT finished(result);
    }
    bool abortInFlight() override { return false; }
    void reportCanceled() override
    {
        TicketResult result;
        result.canceled = true;
        if (beginFinish())
            Q_EMIT finished(result);
    }

    Script *m_script;
};

class FakeTransport final : public UploadTransport
{
public:
    FakeTransport(Script *script, QObject *parent) : UploadTransport(parent), m_script(script) { }

private:
    void run() override
    {
        recordSentHeaders({ { "Content-Type", request().contentType.toUtf8() } });
        TransferResult result = transferAnswer(m_script->next());
        if (result.ok()) {
            Q_EMIT progressChanged(request().expectedSize, request().expectedSize);
            result.bytesSent = request().expectedSize;
        }
        finishWith(result);
    }
    bool abortInFlight() override { return false; }
    void reportCanceled() override { finishWith(canceledResult()); }

    Script *m_script;
};

} // namespace

class TestUploadJob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void story_data();
    void story();
    void cancelWhileWaitingToRetry();

private:
    UploadJob *makeJob();

    QTemporaryDir m_dir;
    QString m_file;
    EngineConfig m_config;
    JobEnvironment m_env;
    Script m_tickets;
    Script m_transfers;
    int m_ticketSources = 0;
    int m_transports = 0;
};

void TestUploadJob::init()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("a.txt"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello");
    file.close();

    m_config = EngineConfig();
    m_config.retry.maxAttempts = 4;
    m_config.retry.base = std::chrono::milliseconds(1);
    m_config.retry.cap = std::chrono::milliseconds(1);
    m_config.retry.random = [] { return 0.0; }; // every backoff 0 ms: no sleeping
    m_tickets = Script();
    m_transfers = Script();
    m_ticketSources = 0;
    m_transports = 0;
    m_env = JobEnvironment();
    m_env.config = &m_config;
    m_env.ticketSourceFactory = [this](QObject *parent) -> TicketSource * {
        ++m_ticketSources;
        return new FakeTicketSource(&m_tickets, parent);
    };
    m_env.transportFactory = [this](QNetworkAccessManager *, QObject *parent) -> UploadTransport * {
        ++m_transports;
        return new FakeTransport(&m_transfers, parent);
    };
}

UploadJob *TestUploadJob::makeJob()
{
    auto *job = new UploadJob(1, m_file, &m_env, this);
    return job;
}

void TestUploadJob::story_data()
{
    QTest::addColumn<QStringList>("tickets");
    QTest::addColumn<QStringList>("transfers");
    QTest::addColumn<JobState::Value>("endState");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("ticketRequests");
    QTest::addColumn<int>("uploads");

    using S = JobState::Value;
    const auto list = [](const char *text) {
        return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
    };
    QTest::newRow("stored at once") << list("slot") << list("204") << S::Done << 1 << 1 << 1;
    QTest::newRow("API busy, then stored")
            << list("503 slot") << list("204") << S::Done << 2 << 2 << 1;
    QTest::newRow("API unreachable, then stored")
            << list("refused refused slot") << list("204") << S::Done << 3 << 3 << 1;
    QTest::newRow("storage error, then stored (fresh slot each attempt)")
            << list("slot") << list("500 500 204") << S::Done << 3 << 3 << 3;
    QTest::newRow("expired slot renewed")
            << list("slot") << list("expired 204") << S::Done << 2 << 2 << 2;
    QTest::newRow("connection reset, then stored")
            << list("slot") << list("reset 204") << S::Done << 2 << 2 << 2;
    QTest::newRow("API refuses the file: no retry")
            << list("400") << list("204") << S::Failed << 1 << 1 << 0;
    QTest::newRow("storage denies: no retry")
            << list("slot") << list("denied 204") << S::Failed << 1 << 1 << 1;
    QTest::newRow("file unreadable while sending: no retry")
            << list("slot") << list("unreadable 204") << S::Failed << 1 << 1 << 1;
    QTest::newRow("storage keeps failing: gives up after the budget")
            << list("slot") << list("500") << S::Failed << 4 << 4 << 4;
    QTest::newRow("API keeps failing: gives up after the budget")
            << list("503") << list("204") << S::Failed << 4 << 4 << 0;
}

void TestUploadJob::story()
{
    QFETCH(QStringList, tickets);
    QFETCH(QStringList, transfers);
    QFETCH(JobState::Value, endState);
    QFETCH(int, attempts);
    QFETCH(int, ticketRequests);
    QFETCH(int, uploads);
    m_tickets.answers = tickets;
    m_transfers.answers = transfers;

    UploadJob *job = makeJob();
    QSignalSpy finished(job, &UploadJob::finished);
    QSignalSpy exchanges(job, &UploadJob::exchangeRecorded);
    QVERIFY(job->checkFile());
    job->start();
    QVERIFY(finished.wait(2000));
    QTest::qWait(20); // nothing may follow the one finished()
    QCOMPARE(finished.size(), 1);

    const JobSnapshot snapshot = job->snapshot();
    QCOMPARE(snapshot.state, endState);
    QCOMPARE(snapshot.attempt, attempts);
    QCOMPARE(m_ticketSources, ticketRequests);
    QCOMPARE(m_transports, uploads);
    QCOMPARE(exchanges.size(), ticketRequests + uploads); // one record per request made
    if (endState == JobState::Value::Done) {
        QCOMPARE(snapshot.fileUrl, QStringLiteral("https://files.example.com/a.txt"));
        QCOMPARE(snapshot.bytesSent, qint64(5));
        // Copy-as-curl's material: the slot request and the upload as sent.
        QCOMPARE(snapshot.exchanges.size(), 2);
        QCOMPARE(snapshot.exchanges.at(0).step, HttpExchange::Step::Ticket);
        const HttpExchange &upload = snapshot.exchanges.at(1);
        QCOMPARE(upload.step, HttpExchange::Step::Upload);
        QCOMPARE(upload.method, QByteArray("PUT"));
        QCOMPARE(upload.filePath, m_file);
        QCOMPARE(upload.fileContentType, QStringLiteral("text/plain")); // the slot's fileType
        QCOMPARE(upload.requestHeader("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(upload.httpStatus, 204);
        QCOMPARE(upload.attempt, attempts);
    } else {
        QVERIFY(snapshot.fileUrl.isEmpty());
    }
    delete job;
}

void TestUploadJob::cancelWhileWaitingToRetry()
{
    // A wait long enough to cancel in, short enough to have passed when checked.
    m_config.retry.base = std::chrono::milliseconds(300);
    m_config.retry.cap = std::chrono::milliseconds(300);
    m_config.retry.random = [] { return 0.99; };
    m_tickets.answers = QStringList{ QStringLiteral("503") };
    UploadJob *job = makeJob();
    QSignalSpy finished(job, &UploadJob::finished);
    QVERIFY(job->checkFile());
    job->start();
    QTRY_COMPARE(job->state(), JobState::Value::WaitingToRetry);
    job->cancel();
    QCOMPARE(job->state(), JobState::Value::Canceled);
    QTest::qWait(600); // the retry would have asked for a slot by now
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_ticketSources, 1);
    QCOMPARE(m_transports, 0);
    delete job;
}

QTEST_GUILESS_MAIN(TestUploadJob)
#include "testuploadjob.moc"
