// SPDX-License-Identifier: GPL-3.0-or-later
// Qt's own client against the sandbox: QHttpMultiPart (quoted boundary, part headers as
// Qt writes them) and QNetworkAccessManager::put, the way the app uploads.

#include "sandboxserver.h"
#include "sandboxtestkit.h"

#include <QBuffer>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;
using Sandbox::ServerVersion;
using Kit = SandboxTestKit;

class TestSandboxQnam final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multipartPostIsStored_data();
    void multipartPostIsStored();
    void putIsStored();

private:
    QNetworkReply *finish(QNetworkReply *reply);
    QNetworkAccessManager m_manager;
};

QNetworkReply *TestSandboxQnam::finish(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(Kit::TimeoutMs);
    return reply;
}

void TestSandboxQnam::multipartPostIsStored_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("a small file is stored") << 1000 << 0 << 204 << QByteArray();
    QTest::newRow("a 5 MiB file is stored") << 5 * 1024 * 1024 << 0 << 204 << QByteArray();
    QTest::newRow("a file over the limit gets EntityTooLarge")
            << 2 * 1024 * 1024 << 1024 << 400 << QByteArray("EntityTooLarge");
}

void TestSandboxQnam::multipartPostIsStored()
{
    QFETCH(int, size);
    QFETCH(int, limit);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    SandboxConfig config = Kit::configFor(ServerVersion::V3_15); // presigned POST
    config.maxSizeBytes = limit;
    SandboxServer server(config);
    QVERIFY(server.start());
    const Kit::Ticket ticket = Kit::fetchTicket(server, QStringLiteral("qnam file.bin"),
                                                QStringLiteral("application/octet-stream"));
    QCOMPARE(ticket.status, 200);

    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    for (const auto &[name, value] : ticket.form) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"%1\"").arg(name));
        part.setBody(value.toUtf8());
        multipart->append(part);
    }
    const QByteArray data(size, 'q');
    auto *buffer = new QBuffer(multipart);
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    QHttpPart filePart;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"file\"; filename=\"qnam file.bin\""));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader,
                       QStringLiteral("application/octet-stream"));
    filePart.setBodyDevice(buffer);
    multipart->append(filePart);

    QNetworkRequest request{ QUrl(ticket.presignedUrl) };
    QNetworkReply *reply = finish(m_manager.post(request, multipart));
    multipart->setParent(reply);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    if (status == 204) {
        QCOMPARE(server.objectData(ticket.key()), data);
        QVERIFY(server.requests().last().headers.value("content-type").contains("boundary=\""));
    } else {
        QCOMPARE(Kit::xmlElement(reply->readAll(), "Code"), code);
        QVERIFY(server.objectKeys().isEmpty());
    }
    reply->deleteLater();
}

void TestSandboxQnam::putIsStored()
{
    SandboxConfig config = Kit::configFor(ServerVersion::V3_16); // presigned PUT
    SandboxServer server(config);
    QVERIFY(server.start());
    const Kit::Ticket ticket = Kit::fetchTicket(server, QStringLiteral("qnam put [1] ü.txt"),
                                                QStringLiteral("text/plain"));
    QCOMPARE(ticket.status, 200);
    QNetworkRequest request{ QUrl(ticket.presignedUrl) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
    QNetworkReply *reply = finish(m_manager.put(request, QByteArray("put by QNAM")));
    QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
             reply->readAll().constData());
    QCOMPARE(server.objectData(ticket.key()), QByteArray("put by QNAM"));
    QCOMPARE(server.objectContentType(ticket.key()), QStringLiteral("text/plain"));
    reply->deleteLater();

    // The fileUrl is not encoded; QUrl's tolerant parsing makes it fetchable as is.
    QNetworkReply *get = finish(m_manager.get(QNetworkRequest(QUrl(ticket.fileUrl))));
    QCOMPARE(get->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(get->readAll(), QByteArray("put by QNAM"));
    get->deleteLater();
}

QTEST_GUILESS_MAIN(TestSandboxQnam)
#include "testsandboxqnam.moc"
