// SPDX-License-Identifier: GPL-3.0-or-later
// Step 2 alone, with either upload transport, for bench/transport.sh: asks the API for a
// ticket (not timed), then uploads FILE with the chosen transport, --repeat times on one
// transport stack (so the libcurl transport keeps its connection), and prints one line per
// upload plus a summary. Measures, never judges.

#include "api/uploadticket.h"
#include "transfer/curlmulti.h"
#include "transfer/curluploadtransport.h"
#include "transfer/qnamuploadtransport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTextStream>

#include <algorithm>
#include <memory>

using namespace Typebot;

namespace {

std::optional<UploadTicket> fetchTicket(QNetworkAccessManager *nam, const QUrl &api,
                                        const QString &session, const QString &fileName,
                                        const QList<QSslCertificate> &ca, QString *error)
{
    QUrl url = api;
    url.setPath(url.path() + QStringLiteral("/v2/generate-upload-url"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!ca.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(ca);
        request.setSslConfiguration(ssl);
    }
    const QJsonObject body{ { QStringLiteral("sessionId"), session },
                            { QStringLiteral("fileName"), fileName },
                            { QStringLiteral("fileType"),
                              QStringLiteral("application/octet-stream") } };
    QNetworkReply *reply = nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return UploadTicket::fromJson(answer, error);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Uploads FILE with one transport against a Typebot API (bench)."));
    parser.addHelpOption();
    const QCommandLineOption apiOption(QStringLiteral("api"), QStringLiteral("API base URL."),
                                       QStringLiteral("url"));
    const QCommandLineOption sessionOption(QStringLiteral("session"), QStringLiteral("Session id."),
                                           QStringLiteral("id"));
    const QCommandLineOption transportOption(QStringLiteral("transport"),
                                             QStringLiteral("curl (default) or qnam."),
                                             QStringLiteral("name"), QStringLiteral("curl"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Uploads of FILE, one after another."),
                                          QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption rateOption(QStringLiteral("limit-rate"),
                                        QStringLiteral("curl only: bytes per second, 0 = none."),
                                        QStringLiteral("bytes"), QStringLiteral("0"));
    const QCommandLineOption caOption(QStringLiteral("ca-file"),
                                      QStringLiteral("Extra CA certificates (PEM)."),
                                      QStringLiteral("file"));
    parser.addOptions(
            { apiOption, sessionOption, transportOption, repeatOption, rateOption, caOption });
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The file to upload."));
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1 || !parser.isSet(apiOption) || !parser.isSet(sessionOption)) {
        err << "usage: bench_transport --api URL --session ID [--transport curl|qnam] FILE\n";
        return 2;
    }
    const QString path = files.first();
    const QString name = QFileInfo(path).fileName();
    const bool useCurl = parser.value(transportOption) != u"qnam";
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const QUrl api = QUrl::fromUserInput(parser.value(apiOption));
    QList<QSslCertificate> ca;
    if (parser.isSet(caOption))
        ca = QSslCertificate::fromPath(parser.value(caOption));

    QNetworkAccessManager nam;
    std::shared_ptr<CurlMulti> multi = CurlMulti::create();
    multi->setMaxSendRate(parser.value(rateOption).toLongLong());

    QList<double> uploadMs;
    qint64 bytes = 0;
    for (int i = 0; i < repeat; ++i) {
        QString error;
        const auto ticket = fetchTicket(&nam, api, parser.value(sessionOption), name, ca, &error);
        if (!ticket) {
            err << "no ticket: " << error << Qt::endl;
            return 1;
        }
        TransferRequest request;
        request.ticket = *ticket;
        request.filePath = path;
        request.uploadName = name;
        request.contentType = ticket->field(QStringLiteral("Content-Type"));
        if (request.contentType.isEmpty())
            request.contentType = ticket->fileType;
        if (request.contentType.isEmpty())
            request.contentType = QStringLiteral("application/octet-stream");
        request.expectedSize = QFileInfo(path).size();
        request.extraCaCertificates = ca;
        request.userAgent = "typebot-uploader-bench";

        std::unique_ptr<UploadTransport> transport;
        if (useCurl)
            transport = std::make_unique<CurlUploadTransport>(multi);
        else
            transport = std::make_unique<QnamUploadTransport>(&nam);
        TransferResult result;
        QEventLoop loop;
        QObject::connect(transport.get(), &UploadTransport::finished, &loop,
                         [&](const TransferResult &r) {
                             result = r;
                             loop.quit();
                         });
        QElapsedTimer timer;
        timer.start();
        transport->start(request);
        loop.exec();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!result.ok()) {
            err << "upload " << i << " failed: " << result.errorString << Qt::endl;
            return 1;
        }
        uploadMs << ms;
        bytes += request.expectedSize;
        out << "upload " << i << ' ' << request.expectedSize << " bytes "
            << QString::number(ms, 'f', 2) << " ms " << result.httpStatus << Qt::endl;
    }
    std::sort(uploadMs.begin(), uploadMs.end());
    double total = 0;
    for (const double ms : std::as_const(uploadMs))
        total += ms;
    out << "summary transport=" << (useCurl ? "curl" : "qnam") << " uploads=" << repeat
        << " bytes=" << bytes << " upload_ms_total=" << QString::number(total, 'f', 2)
        << " upload_ms_median=" << QString::number(uploadMs.at(uploadMs.size() / 2), 'f', 2)
        << " connections="
        << (useCurl ? QString::number(multi->connectionsOpened()) : QStringLiteral("n/a"))
        << Qt::endl;
    return 0;
}
