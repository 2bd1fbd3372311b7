// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlhandler.h"

#include "faultinjector.h"
#include "httpconnection.h"
#include "objectstore.h"
#include "requestlog.h"
#include "sessionlist.h"
#include "uploadcounter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sandbox {

ControlHandler::ControlHandler(Context context, HttpConnection *connection,
                               const HttpRequest &request, RequestRecord *record)
    : RequestHandler(connection, request, record),
      m_context(context)
{
}

void ControlHandler::begin()
{
    if (m_request.contentLength > MaxBodyBytes)
        respondError(413, QStringLiteral("control request body too large"));
}

void ControlHandler::bodyData(QByteArrayView data)
{
    m_body.append(data.data(), data.size());
}

void ControlHandler::respondJson(int status, const QByteArray &json)
{
    HttpResponse response;
    response.status = status;
    response.body = json;
    response.setHeader("Content-Type", "application/json");
    m_connection->respond(response);
}

void ControlHandler::respondError(int status, const QString &message)
{
    respondJson(status,
                QJsonDocument(QJsonObject{ { QStringLiteral("error"), message } })
                        .toJson(QJsonDocument::Compact));
}

void ControlHandler::bodyFinished()
{
    QString path = m_request.path;
    if (path.endsWith(u'/'))
        path.chop(1);
    const QByteArray &method = m_request.method;

    if (path == QLatin1String("/__sandbox/faults")) {
        FaultInjector &faults = m_context.faults;
        if (method == "POST") {
            QList<FaultSpec> specs;
            const QStringList lines = QString::fromUtf8(m_body).split(u'\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QString line = lines.at(i).trimmed();
                if (line.isEmpty() || line.startsWith(u'#'))
                    continue;
                QString error;
                const auto spec = FaultSpec::parse(line, &error);
                if (!spec) {
                    respondError(400, QStringLiteral("line %1: %2").arg(i + 1).arg(error));
                    return;
                }
                specs << *spec;
            }
            if (specs.isEmpty()) {
                respondError(400, QStringLiteral("no fault spec in the body (one per line)"));
                return;
            }
            QJsonArray ids;
            for (const FaultSpec &spec : std::as_const(specs))
                ids.append(faults.add(spec));
            respondJson(200,
                        QJsonDocument(QJsonObject{ { QStringLiteral("ids"), ids } })
                                .toJson(QJsonDocument::Compact));
            return;
        }
        if (method == "GET") {
            QJsonArray list;
            const auto entries = faults.entries();
            for (const auto &entry : entries) {
                list.append(QJsonObject{
                        { QStringLiteral("id"), entry.id },
                        { QStringLiteral("spec"), entry.spec.toString() },
                        { QStringLiteral("remaining"), entry.remaining }, // -1: until cleared
                        { QStringLiteral("fired"), entry.fired },
                });
            }
            respondJson(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
            return;
        }
        if (method == "DELETE") {
            faults.clear();
            respondJson(200, "{}");
            return;
        }
    } else if (path == QLatin1String("/__sandbox/requests")) {
        if (method == "GET") {
            QJsonArray list;
            const auto records = m_context.requests.records();
            for (const RequestRecord &record : records)
                list.append(record.toJson());
            respondJson(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
            return;
        }
        if (method == "DELETE") {
            m_context.requests.clear();
            respondJson(200, "{}");
            return;
        }
    } else if (path == QLatin1String("/__sandbox/sessions")) {
        if (method == "POST") {
            const QJsonDocument document = QJsonDocument::fromJson(m_body);
            const QJsonValue id = document.object().value(QStringLiteral("sessionId"));
            if (!id.isString() || id.toString().isEmpty()) {
                respondError(400, QStringLiteral("body must be {\"sessionId\": \"...\"}"));
                return;
            }
            m_context.sessions.add(id.toString());
            respondJson(200,
                        QJsonDocument(QJsonObject{ { QStringLiteral("sessionId"), id.toString() } })
                                .toJson(QJsonDocument::Compact));
            return;
        }
        if (method == "GET") {
            respondJson(200,
                        QJsonDocument(QJsonArray::fromStringList(m_context.sessions.ids()))
                                .toJson(QJsonDocument::Compact));
            return;
        }
    } else if (path == QLatin1String("/__sandbox/stats")) {
        if (method == "GET") {
            respondJson(
                    200,
                    QJsonDocument(QJsonObject{
                                          { QStringLiteral("maxConcurrentUploads"),
                                            m_context.uploads.maximum() },
                                          { QStringLiteral("uploadsInFlight"),
                                            m_context.uploads.inFlight() },
                                          { QStringLiteral("objects"), m_context.store.count() },
                                  })
                            .toJson(QJsonDocument::Compact));
            return;
        }
        if (method == "DELETE") {
            m_context.uploads.resetMaximum();
            respondJson(200, "{}");
            return;
        }
    } else {
        respondError(404, QStringLiteral("unknown control path %1").arg(path));
        return;
    }
    respondError(
            405,
            QStringLiteral("method %1 not allowed on %2").arg(QString::fromLatin1(method), path));
}

} // namespace Sandbox
