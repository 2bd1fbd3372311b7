// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierrorresponse.h"

#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sandbox {

QString ApiErrorResponse::codeForStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("BAD_REQUEST");
    case 401:
        return QStringLiteral("UNAUTHORIZED");
    case 403:
        return QStringLiteral("FORBIDDEN");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 405:
        return QStringLiteral("METHOD_NOT_SUPPORTED");
    case 408:
        return QStringLiteral("TIMEOUT");
    case 409:
        return QStringLiteral("CONFLICT");
    case 413:
        return QStringLiteral("PAYLOAD_TOO_LARGE");
    case 429:
        return QStringLiteral("TOO_MANY_REQUESTS");
    case 502:
        return QStringLiteral("BAD_GATEWAY");
    case 503:
        return QStringLiteral("SERVICE_UNAVAILABLE");
    case 504:
        return QStringLiteral("GATEWAY_TIMEOUT");
    default:
        return status >= 500 ? QStringLiteral("INTERNAL_SERVER_ERROR")
                             : QStringLiteral("BAD_REQUEST");
    }
}

HttpResponse ApiErrorResponse::make(ServerVersion version, int status, const QString &message,
                                    const QList<Issue> &issues)
{
    const ServerBehaviour::ErrorShape shape = ServerVersions::behaviour(version).errorShape;
    const QString code = codeForStatus(status);
    QByteArray body;
    if (shape == ServerBehaviour::ErrorShape::Trpc) {
        // Key order as the spec shows it: message, code, issues.
        body = "{\"message\":" + jsonString(message) + ",\"code\":" + jsonString(code);
        if (!issues.isEmpty()) {
            QJsonArray issueArray;
            for (const Issue &issue : issues) {
                const QString where =
                        issue.path.isEmpty() ? QStringLiteral("body") : issue.path.join(u'.');
                const QString text = where + QStringLiteral(": ") + issue.message;
                issueArray.append(QJsonObject{ { QStringLiteral("message"), text } });
            }
            body += ",\"issues\":" + QJsonDocument(issueArray).toJson(QJsonDocument::Compact);
        }
        body += '}';
    } else {
        // oRPC's ORPCError.toJSON(): defined, code, status, message, data.
        body = QByteArray("{\"defined\":")
                + (shape == ServerBehaviour::ErrorShape::OrpcDefined ? "true" : "false")
                + ",\"code\":" + jsonString(code) + ",\"status\":" + QByteArray::number(status)
                + ",\"message\":" + jsonString(message);
        if (!issues.isEmpty()) {
            QByteArray issueJson;
            for (const Issue &issue : issues) {
                if (!issueJson.isEmpty())
                    issueJson += ',';
                issueJson += "{\"code\":" + jsonString(issue.code) + ",\"path\":"
                        + QJsonDocument(QJsonArray::fromStringList(issue.path))
                                  .toJson(QJsonDocument::Compact)
                        + ",\"message\":" + jsonString(issue.message) + '}';
            }
            body += ",\"data\":{\"issues\":[" + issueJson + "]}";
        }
        body += '}';
    }
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.setHeader("Content-Type", "application/json");
    return response;
}

HttpResponse ApiErrorResponse::notFound(ServerVersion version)
{
    HttpResponse response;
    response.status = 404;
    if (ServerVersions::behaviour(version).plainTextNotFound) {
        // Next.js route handler: new Response("Not found", { status: 404 }).
        response.body = "Not found";
        response.setHeader("Content-Type", "text/plain;charset=UTF-8");
    } else {
        response.body = R"({"message":"Not found","code":"NOT_FOUND",)"
                        R"("data":{"code":"NOT_FOUND","httpStatus":404}})";
        response.setHeader("Content-Type", "application/json");
    }
    return response;
}

} // namespace Sandbox
