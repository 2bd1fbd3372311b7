// SPDX-License-Identifier: GPL-3.0-or-later
// A third-party client against the sandbox: the real curl binary posts the ticket's
// fields with -F, so the bucket is judged by bytes nobody here wrote.

#include "api/jsonkeyorder.h"
#include "sandboxserver.h"
#include "sandboxtestkit.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;
using Sandbox::ServerVersion;
using Kit = SandboxTestKit;

class TestSandboxCurl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void curlFormPostIsStored_data();
    void curlFormPostIsStored();
    void curlPutIsStored();
    void curlSeesS3Errors();
    void curlOverHttps();

private:
    // Runs curl without blocking the event loop the in-process server needs.
    bool runCurl(const QStringList &arguments, QByteArray *output, int *exitCode);

    QString m_curl;
    QTemporaryDir m_dir;
};

void TestSandboxCurl::initTestCase()
{
    m_curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (m_curl.isEmpty())
        QSKIP("curl is not installed");
    QVERIFY(m_dir.isValid());
}

bool TestSandboxCurl::runCurl(const QStringList &arguments, QByteArray *output, int *exitCode)
{
    QProcess curl;
    QSignalSpy finished(&curl, &QProcess::finished);
    curl.start(m_curl,
               QStringList{ QStringLiteral("--silent"), QStringLiteral("--show-error"),
                            QStringLiteral("--noproxy"), QStringLiteral("*") }
                       + arguments);
    if (!finished.wait(30000)) {
        curl.kill();
        finished.wait(5000);
        return false;
    }
    *output = curl.readAllStandardOutput();
    *exitCode = curl.exitCode();
    const QByteArray errors = curl.readAllStandardError();
    if (!errors.isEmpty())
        qWarning("curl: %s", errors.constData());
    return curl.exitStatus() == QProcess::NormalExit;
}

void TestSandboxCurl::curlFormPostIsStored_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("fileType");
    QTest::addColumn<int>("size");
    QTest::newRow("a small text file") << "note.txt"
                                       << "text/plain" << 100;
    QTest::newRow("a 3 MiB file, sent after Expect: 100-continue")
            << "big.bin"
            << "application/octet-stream" << 3 * 1024 * 1024;
    QTest::newRow("a name with spaces") << "my holiday photo.jpg"
                                        << "image/jpeg" << 5000;
    QTest::newRow("an empty file") << "empty.txt"
                                   << "text/plain" << 0;
}

void TestSandboxCurl::curlFormPostIsStored()
{
    QFETCH(QString, fileName);
    QFETCH(QString, fileType);
    QFETCH(int, size);

    SandboxConfig config = Kit::configFor(ServerVersion::V3_15); // presigned POST
    config.maxSizeBytes = 10 * 1024 * 1024;
    SandboxServer server(config);
    QVERIFY(server.start());
    const Kit::Ticket ticket = Kit::fetchTicket(server, fileName, fileType);
    QCOMPARE(ticket.status, 200);

    QByteArray data(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        data[i] = char(i % 251);
    const QString path = m_dir.filePath(fileName);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();

    // The ticket's fields, in order, then the file: what the spec tells clients to do.
    QStringList arguments{ QStringLiteral("--write-out"), QStringLiteral("%{http_code}"),
                           QStringLiteral("--output"), QStringLiteral("/dev/null") };
    for (const auto &[name, value] : ticket.form)
        arguments << QStringLiteral("--form-string") << name + u'=' + value;
    arguments << QStringLiteral("-F")
              << QStringLiteral("file=@") + path + QStringLiteral(";type=") + fileType;
    arguments << ticket.presignedUrl;
    QByteArray output;
    int exitCode = -1;
    QVERIFY(runCurl(arguments, &output, &exitCode));
    QCOMPARE(exitCode, 0);
    QCOMPARE(output, QByteArray("204"));
    QVERIFY(server.hasObject(ticket.key()));
    QCOMPARE(server.objectData(ticket.key()), data);
    QCOMPARE(server.objectContentType(ticket.key()), fileType);
    QCOMPARE(server.requests().last().fileName, fileName);
}

void TestSandboxCurl::curlPutIsStored()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_16); // presigned PUT
    SandboxServer server(config);
    QVERIFY(server.start());
    const Kit::Ticket ticket = Kit::fetchTicket(server, QStringLiteral("put via curl.csv"),
                                                QStringLiteral("text/csv"));
    QCOMPARE(ticket.status, 200);
    const QString path = m_dir.filePath(QStringLiteral("put.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,2\n");
    file.close();
    QByteArray output;
    int exitCode = -1;
    QVERIFY(runCurl({ QStringLiteral("--write-out"), QStringLiteral("%{http_code}"),
                      QStringLiteral("--output"), QStringLiteral("/dev/null"), QStringLiteral("-H"),
                      QStringLiteral("Content-Type: text/csv"), QStringLiteral("-T"), path,
                      ticket.presignedUrl },
                    &output, &exitCode));
    QCOMPARE(exitCode, 0);
    QCOMPARE(output, QByteArray("200"));
    QCOMPARE(server.objectData(ticket.key()), QByteArray("a,b\n1,2\n"));
    QCOMPARE(server.objectContentType(ticket.key()), QStringLiteral("text/csv"));

    // And curl can read it back through the unencoded fileUrl once it is encoded.
    QVERIFY(runCurl(
            { QStringLiteral("--globoff"), QString::fromUtf8(QUrl(ticket.fileUrl).toEncoded()) },
            &output, &exitCode));
    QCOMPARE(output, QByteArray("a,b\n1,2\n"));
}

void TestSandboxCurl::curlSeesS3Errors()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15); // presigned POST
    config.maxSizeBytes = 1000;
    SandboxServer server(config);
    QVERIFY(server.start());
    const Kit::Ticket ticket = Kit::fetchTicket(server, QStringLiteral("too big.bin"),
                                                QStringLiteral("application/octet-stream"));
    const QString path = m_dir.filePath(QStringLiteral("toobig.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2 * 1024 * 1024, 'z'));
    file.close();
    QStringList arguments;
    for (const auto &[name, value] : ticket.form)
        arguments << QStringLiteral("--form-string") << name + u'=' + value;
    arguments << QStringLiteral("-F") << QStringLiteral("file=@") + path << ticket.presignedUrl;
    QByteArray output;
    int exitCode = -1;
    QVERIFY(runCurl(arguments, &output, &exitCode));
    QCOMPARE(Kit::xmlElement(output, "Code"), QByteArray("EntityTooLarge"));
    QCOMPARE(Kit::xmlElement(output, "MaxSizeAllowed"), QByteArray("1000"));
    QVERIFY(server.objectKeys().isEmpty());
    QCOMPARE(Kit::leftoverTemporaryFiles(server), 0);
}

void TestSandboxCurl::curlOverHttps()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed to make a test certificate");
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess make;
    QSignalSpy made(&make, &QProcess::finished);
    make.start(openssl,
               { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1") });
    QVERIFY(made.wait(30000));
    QCOMPARE(make.exitCode(), 0);

    SandboxConfig config = Kit::configFor(ServerVersion::V3_15); // v2, presigned POST
    config.tlsCertFile = cert;
    config.tlsKeyFile = key;
    SandboxServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QCOMPARE(server.apiBaseUrl().scheme(), QStringLiteral("https"));

    QByteArray output;
    int exitCode = -1;
    const QString body =
            QStringLiteral(R"({"sessionId":"%1","fileName":"tls.txt","fileType":"text/plain"})")
                    .arg(server.defaultSessionId());
    QVERIFY(runCurl({ QStringLiteral("--insecure"), QStringLiteral("-H"),
                      QStringLiteral("Content-Type: application/json"), QStringLiteral("--data"),
                      body,
                      server.apiBaseUrl().toString() + QStringLiteral("/v2/generate-upload-url") },
                    &output, &exitCode));
    QCOMPARE(exitCode, 0);
    const QJsonObject ticket = QJsonDocument::fromJson(output).object();
    const QString presignedUrl = ticket.value(QStringLiteral("presignedUrl")).toString();
    QVERIFY2(presignedUrl.startsWith(QStringLiteral("https://127.0.0.1:")), output.constData());

    const QString path = m_dir.filePath(QStringLiteral("tls.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("over TLS\n");
    file.close();
    QStringList arguments{ QStringLiteral("--insecure"), QStringLiteral("--write-out"),
                           QStringLiteral("%{http_code}"), QStringLiteral("--output"),
                           QStringLiteral("/dev/null") };
    const QJsonObject form = ticket.value(QStringLiteral("formData")).toObject();
    const QStringList order = Typebot::JsonKeyOrder::ofMember(output, QStringLiteral("formData"));
    for (const QString &name : order)
        arguments << QStringLiteral("--form-string") << name + u'=' + form.value(name).toString();
    arguments << QStringLiteral("-F") << QStringLiteral("file=@") + path << presignedUrl;
    QVERIFY(runCurl(arguments, &output, &exitCode));
    QCOMPARE(exitCode, 0);
    QCOMPARE(output, QByteArray("204"));
    QCOMPARE(server.objectData(SandboxServer::keyFromFileUrl(
                     ticket.value(QStringLiteral("fileUrl")).toString())),
             QByteArray("over TLS\n"));
}

QTEST_GUILESS_MAIN(TestSandboxCurl)
#include "testsandboxcurl.moc"
