// SPDX-License-Identifier: GPL-3.0-or-later
#include "typebotapihandler.h"

#include "demobot.h"
#include "httpconnection.h"
#include "jsontext.h"
#include "postpolicy.h"
#include "sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Sandbox {

namespace {

const QString GenerateUploadUrlPath = QStringLiteral("/api/v2/generate-upload-url");

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

} // namespace

TypebotApiHandler::TypebotApiHandler(SandboxServer *server, HttpConnection *connection,
                                     const HttpRequest &request, RequestRecord *record)
    : RequestHandler(connection, request, record),
      m_server(server)
{
}

QString TypebotApiHandler::codeForStatus(int status)
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

HttpResponse TypebotApiHandler::jsonError(int status, const QString &message, const QString &code,
                                          const QStringList &issues)
{
    QJsonArray issueArray;
    for (const QString &issue : issues)
        issueArray.append(QJsonObject{ { QStringLiteral("message"), issue } });
    // Key order as the spec shows it: message, code, issues.
    QByteArray body = "{\"message\":" + jsonString(message) + ",\"code\":" + jsonString(code);
    if (!issues.isEmpty())
        body += ",\"issues\":" + QJsonDocument(issueArray).toJson(QJsonDocument::Compact);
    body += '}';
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.setHeader("Content-Type", "application/json");
    return response;
}

void TypebotApiHandler::begin()
{
    if (m_request.contentLength > MaxBodyBytes)
        m_connection->respond(
                jsonError(413, QStringLiteral("Request body too large"), codeForStatus(413)));
}

void TypebotApiHandler::bodyData(QByteArrayView data)
{
    m_body.append(data.data(), data.size());
}

void TypebotApiHandler::bodyFinished()
{
    if (const auto fault =
                m_server->faults()->take(FaultSpec::Route::Api, FaultSpec::Action::Status)) {
        const int status = int(fault->value);
        HttpResponse response =
                jsonError(status, QStringLiteral("Injected fault: status %1").arg(status),
                          codeForStatus(status));
        if (fault->retryAfterSeconds >= 0)
            response.setHeader("Retry-After", QByteArray::number(fault->retryAfterSeconds));
        m_connection->respond(response);
        return;
    }
    if (m_request.path != GenerateUploadUrlPath) {
        m_connection->respond(jsonError(404, QStringLiteral("Not found"), codeForStatus(404)));
        return;
    }
    if (m_request.method != "POST") {
        HttpResponse response =
                jsonError(405, QStringLiteral("Method not supported"), codeForStatus(405));
        response.setHeader("Allow", "POST");
        m_connection->respond(response);
        return;
    }
    generateUploadUrl();
}

void TypebotApiHandler::generateUploadUrl()
{
    const SandboxConfig &config = m_server->config();
    if (!config.token.isEmpty()) {
        const QByteArray authorization = m_request.header("authorization");
        if (authorization.isEmpty()) {
            m_connection->respond(jsonError(401, QStringLiteral("Authorization not provided"),
                                            codeForStatus(401)));
            return;
        }
        const QByteArray expected = "Bearer " + config.token.toUtf8();
        if (authorization != expected) {
            m_connection->respond(
                    jsonError(403, QStringLiteral("Insufficient access"), codeForStatus(403)));
            return;
        }
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString issue = parseError.error != QJsonParseError::NoError
                ? QStringLiteral("body: invalid JSON (%1)").arg(parseError.errorString())
                : QStringLiteral("body: Expected object, received %1")
                          .arg(jsonTypeName(document.isArray() ? QJsonValue(document.array())
                                                               : QJsonValue()));
        m_connection->respond(jsonError(400, QStringLiteral("Input validation failed"),
                                        codeForStatus(400), { issue }));
        return;
    }
    const QJsonObject body = document.object();
    QStringList issues;
    auto checkString = [&](const QString &field, bool required) {
        const QJsonValue value = body.value(field);
        if (value.isUndefined()) {
            if (required)
                issues << field + QStringLiteral(": Required");
        } else if (!value.isString()) {
            issues << field + QStringLiteral(": Expected string, received ") + jsonTypeName(value);
        }
    };
    checkString(QStringLiteral("sessionId"), true);
    checkString(QStringLiteral("fileName"), true);
    checkString(QStringLiteral("fileType"), false);
    const QJsonValue fileSizeValue = body.value(QStringLiteral("fileSize"));
    if (!fileSizeValue.isUndefined() && !fileSizeValue.isDouble())
        issues << QStringLiteral("fileSize: Expected number, received ")
                        + jsonTypeName(fileSizeValue);
    if (!issues.isEmpty()) {
        m_connection->respond(jsonError(400, QStringLiteral("Input validation failed"),
                                        codeForStatus(400), issues));
        return;
    }

    const QString sessionId = body.value(QStringLiteral("sessionId")).toString();
    // Sessions given by --session always wait on a file block; the demo bot's only while
    // its conversation is at the file block, like a real bot.
    if (const auto step = m_server->demoBot()->step(sessionId)) {
        if (*step != DemoBot::Step::WaitFiles) {
            m_connection->respond(
                    jsonError(400, QStringLiteral("Current block does not expect file upload"),
                              codeForStatus(400)));
            return;
        }
    } else if (!m_server->m_sessions.contains(sessionId)) {
        m_connection->respond(
                jsonError(400, QStringLiteral("Can't find session"), codeForStatus(400)));
        return;
    }
    if (config.checkFileSize && config.maxSizeBytes > 0 && fileSizeValue.isDouble()
        && fileSizeValue.toDouble() > double(config.maxSizeBytes)) {
        const QString megabytes = QString::number(double(config.maxSizeBytes) / (1024.0 * 1024.0));
        m_connection->respond(
                jsonError(400, QStringLiteral("File size exceeds the %1MB limit").arg(megabytes),
                          codeForStatus(400)));
        return;
    }

    FaultInjector *faults = m_server->faults();
    QDateTime now = QDateTime::currentDateTimeUtc();
    bool clockShifted = false;
    if (const auto shift = faults->take(FaultSpec::Route::Api, FaultSpec::Action::ClockShift)) {
        now = now.addSecs(shift->value);
        clockShifted = true;
    }
    QDateTime expiration = now.addSecs(config.expirySeconds);
    int expiresSeconds = config.expirySeconds;
    if (faults->take(FaultSpec::Route::Api, FaultSpec::Action::ExpiredPolicy)) {
        // Signed an hour ago with the usual lifetime: long expired, yet validly signed.
        now = now.addSecs(-3600);
        expiration = now.addSecs(qMin(config.expirySeconds, 600));
        expiresSeconds = qMin(config.expirySeconds, 600);
    }

    const QString fileName = body.value(QStringLiteral("fileName")).toString();
    const QJsonValue fileType = body.value(QStringLiteral("fileType"));
    const QString key =
            QStringLiteral("public/tmp/") + config.botId + u'/' + sessionId + u'/' + fileName;
    const QString bucketBase = m_server->origin() + u'/' + config.bucket;

    QList<QPair<QString, QByteArray>> top; // field name -> JSON text, in order
    QList<QPair<QString, QString>> form;
    QString presignedUrl;
    if (config.putVariant) {
        const QString host = m_server->origin().section(QStringLiteral("://"), 1);
        presignedUrl = PostPolicy::presignPut(m_server->m_credentials, m_server->origin(), host,
                                              config.bucket, key, now, expiresSeconds);
    } else {
        presignedUrl = bucketBase;
        form = PostPolicy::buildPostForm(m_server->m_credentials, config.bucket, key,
                                         fileType.isString() ? fileType.toString() : QString(),
                                         config.maxSizeBytes, now, expiration);
    }

    QString missing;
    if (const auto fault = faults->take(FaultSpec::Route::Api, FaultSpec::Action::MissingField))
        missing = fault->field;
    QByteArray formJson = "{";
    bool first = true;
    for (const auto &[name, value] : std::as_const(form)) {
        if (name == missing)
            continue;
        if (!first)
            formJson += ',';
        first = false;
        formJson += jsonString(name) + ':' + jsonString(value);
    }
    formJson += '}';
    // fileUrl is not URL-encoded, like the real server's.
    top << qMakePair(QStringLiteral("presignedUrl"), jsonString(presignedUrl))
        << qMakePair(QStringLiteral("formData"), formJson)
        << qMakePair(QStringLiteral("fileUrl"), jsonString(bucketBase + u'/' + key));
    QByteArray json = "{";
    first = true;
    for (const auto &[name, value] : std::as_const(top)) {
        if (name == missing)
            continue;
        if (!first)
            json += ',';
        first = false;
        json += jsonString(name) + ':' + value;
    }
    json += '}';
    if (faults->take(FaultSpec::Route::Api, FaultSpec::Action::MalformedJson))
        json = json.left(json.size() / 2);

    HttpResponse response;
    response.status = 200;
    response.body = json;
    response.setHeader("Content-Type", "application/json");
    // A server whose clock is off says so in its Date header too, as a real one would:
    // clients that correct for skew see a policy that looks valid to them.
    if (clockShifted)
        response.setHeader("Date",
                           QLocale::c()
                                   .toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                   .toLatin1());
    m_connection->respond(response);
}

} // namespace Sandbox
