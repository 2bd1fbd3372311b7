// SPDX-License-Identifier: GPL-3.0-or-later
#include "typebotapihandler.h"

#include "apierrorresponse.h"
#include "cuid.h"
#include "demobot.h"
#include "faultinjector.h"
#include "filetypetable.h"
#include "httpconnection.h"
#include "jsontext.h"
#include "sandboxconfig.h"
#include "sessionlist.h"
#include "uploadproxytoken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace Sandbox {

namespace {

const QString OctetStream = QStringLiteral("application/octet-stream");

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

// JavaScript's Number.prototype.toString for the values met here.
QString jsNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// An answer whose fields keep their order (QJsonObject would sort them) and can lose one
// to the missing-field fault.
class OrderedJson
{
public:
    void add(const QString &name, const QByteArray &jsonValue)
    {
        m_fields.append({ name, jsonValue });
    }
    QByteArray toJson(const QString &skipped) const
    {
        QByteArray json = "{";
        for (const auto &[name, value] : m_fields) {
            if (name == skipped)
                continue;
            if (json.size() > 1)
                json += ',';
            json += jsonString(name) + ':' + value;
        }
        return json + '}';
    }

private:
    QList<QPair<QString, QByteArray>> m_fields;
};

} // namespace

TypebotApiHandler::TypebotApiHandler(Context context, HttpConnection *connection,
                                     const HttpRequest &request, RequestRecord *record)
    : RequestHandler(connection, request, record),
      m_context(std::move(context)),
      m_version(m_context.config.serverVersion)
{
}

void TypebotApiHandler::respondError(int status, const QString &message)
{
    m_connection->respond(ApiErrorResponse::make(m_version, status, message));
}

void TypebotApiHandler::begin()
{
    if (m_request.contentLength > MaxBodyBytes)
        respondError(413, QStringLiteral("Request body too large"));
}

void TypebotApiHandler::bodyData(QByteArrayView data)
{
    m_body.append(data.data(), data.size());
}

void TypebotApiHandler::bodyFinished()
{
    if (const auto fault =
                m_context.faults.take(FaultSpec::Route::Api, FaultSpec::Action::Status)) {
        const int status = int(fault->value);
        HttpResponse response = ApiErrorResponse::make(
                m_version, status, QStringLiteral("Injected fault: status %1").arg(status));
        if (fault->retryAfterSeconds >= 0)
            response.setHeader("Retry-After", QByteArray::number(fault->retryAfterSeconds));
        m_connection->respond(response);
        return;
    }
    const ServerBehaviour behaviour = ServerVersions::behaviour(m_version);
    Route route = Route::V2;
    if (m_request.path == V2Path && behaviour.v2Route) {
        route = Route::V2;
    } else if (m_request.path == V3Path && behaviour.v3Route) {
        route = Route::V3;
    } else {
        m_connection->respond(ApiErrorResponse::notFound(m_version));
        return;
    }
    if (m_request.method != "POST") {
        // oRPC matches method and path together: another method is an unmatched route.
        if (behaviour.plainTextNotFound) {
            m_connection->respond(ApiErrorResponse::notFound(m_version));
            return;
        }
        HttpResponse response =
                ApiErrorResponse::make(m_version, 405, QStringLiteral("Method not supported"));
        response.setHeader("Allow", "POST");
        m_connection->respond(response);
        return;
    }
    generateUploadUrl(route);
}

bool TypebotApiHandler::checkAuthorization()
{
    const QString &token = m_context.config.token;
    if (token.isEmpty())
        return true;
    const QByteArray authorization = m_request.header("authorization");
    if (authorization.isEmpty()) {
        respondError(401, QStringLiteral("Authorization not provided"));
        return false;
    }
    if (authorization != "Bearer " + token.toUtf8()) {
        respondError(403, QStringLiteral("Insufficient access"));
        return false;
    }
    return true;
}

std::optional<QJsonObject> TypebotApiHandler::validatedBody(Route route)
{
    const ServerBehaviour behaviour = ServerVersions::behaviour(m_version);
    const bool trpc = behaviour.errorShape == ServerBehaviour::ErrorShape::Trpc;
    auto fail = [this](const QList<ApiErrorResponse::Issue> &issues) {
        m_connection->respond(ApiErrorResponse::make(
                m_version, 400, QStringLiteral("Input validation failed"), issues));
        return std::nullopt;
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (trpc) {
        if (parseError.error != QJsonParseError::NoError)
            return fail(
                    { { {}, QStringLiteral("invalid JSON (%1)").arg(parseError.errorString()) } });
        if (!document.isObject())
            return fail(
                    { { {},
                        QStringLiteral("Expected object, received %1")
                                .arg(jsonTypeName(document.isArray() ? QJsonValue(document.array())
                                                                     : QJsonValue())) } });
    } else {
        // oRPC reads an empty body as no input at all, and refuses one that is not JSON.
        const bool empty = m_body.trimmed().isEmpty();
        if (!empty && parseError.error != QJsonParseError::NoError) {
            respondError(400,
                         QStringLiteral("Malformed request. Ensure the request body is properly "
                                        "formatted and the 'Content-Type' header is set "
                                        "correctly."));
            return std::nullopt;
        }
        if (!document.isObject()) {
            const QString received = empty ? QStringLiteral("undefined")
                    : document.isArray()   ? QStringLiteral("array")
                                           : jsonTypeName(QJsonValue());
            return fail(
                    { { {},
                        QStringLiteral("Invalid input: expected object, received ") + received } });
        }
    }

    const QJsonObject body = document.object();
    QList<ApiErrorResponse::Issue> issues;
    auto check = [&](const QString &field, QJsonValue::Type type, bool required) {
        const QJsonValue value = body.value(field);
        if (value.isUndefined() && !required)
            return;
        if (value.type() == type)
            return;
        const QString expected =
                type == QJsonValue::String ? QStringLiteral("string") : QStringLiteral("number");
        if (trpc)
            issues.append({ { field },
                            value.isUndefined() ? QStringLiteral("Required")
                                                : QStringLiteral("Expected %1, received %2")
                                                          .arg(expected, jsonTypeName(value)) });
        else
            issues.append({ { field },
                            QStringLiteral("Invalid input: expected %1, received %2")
                                    .arg(expected, jsonTypeName(value)) });
    };
    check(QStringLiteral("sessionId"), QJsonValue::String, true);
    if (route == Route::V3)
        check(QStringLiteral("blockId"), QJsonValue::String, true);
    check(QStringLiteral("fileName"), QJsonValue::String, true);
    check(QStringLiteral("fileType"), QJsonValue::String, false);
    // fileSize joined the schema in 3.16 (older zod schemas drop unknown keys).
    if (trpc || behaviour.checksFileSize)
        check(QStringLiteral("fileSize"), QJsonValue::Double, false);
    if (!issues.isEmpty())
        return fail(issues);
    return body;
}

std::optional<TypebotApiHandler::SessionFacts>
TypebotApiHandler::sessionFacts(const QString &sessionId)
{
    const SandboxConfig &config = m_context.config;
    // Sessions from the configuration always wait on the server's file block; the demo
    // bot's only while its conversation is at its file block, like a real bot.
    if (const auto step = m_context.demoBot.step(sessionId)) {
        if (*step != DemoBot::Step::WaitFiles) {
            respondError(400, QStringLiteral("Current block does not expect file upload"));
            return std::nullopt;
        }
        // Each demo bot files uploads under its own id and block, with its own types.
        return SessionFacts{ m_context.demoBot.botId(sessionId),
                             m_context.demoBot.resultId(sessionId),
                             m_context.demoBot.fileBlockId(sessionId),
                             m_context.demoBot.fileTypes(sessionId) };
    }
    if (!m_context.sessions.contains(sessionId)) {
        respondError(400, QStringLiteral("Can't find session"));
        return std::nullopt;
    }
    return SessionFacts{
        config.botId, m_context.sessions.resultId(sessionId), config.fileBlockId, {}
    };
}

void TypebotApiHandler::generateUploadUrl(Route route)
{
    const SandboxConfig &config = m_context.config;
    const ServerBehaviour behaviour = ServerVersions::behaviour(m_version);
    if (!checkAuthorization())
        return;
    const auto body = validatedBody(route);
    if (!body)
        return;
    const QString sessionId = body->value(QStringLiteral("sessionId")).toString();
    const auto session = sessionFacts(sessionId);
    if (!session)
        return;

    const QJsonValue fileTypeValue = body->value(QStringLiteral("fileType"));
    const QString fileType = fileTypeValue.toString();
    // 3.17+ names the type it stores: normalised, application/octet-stream when missing.
    const QString normalised = FileTypeTable::normalisedMimeType(fileType);
    const QString resolvedType = normalised.isEmpty() ? OctetStream : normalised;

    if (route == Route::V3 && behaviour.checksFileTypes && !session->allowedTypes.isEmpty()) {
        const QStringList allowed = FileTypeTable::allowedMimeTypes(session->allowedTypes);
        const bool restricted = behaviour.emptyTypeListRefusesAll || !allowed.isEmpty();
        const QString compared = behaviour.normalisesFileType ? resolvedType : fileType;
        if (restricted && (fileType.isEmpty() || !allowed.contains(compared))) {
            const QString shown = behaviour.normalisesFileType ? resolvedType
                    : fileTypeValue.isString()                 ? fileType
                                                               : QStringLiteral("undefined");
            respondError(400, QStringLiteral("File type %1 not allowed").arg(shown));
            return;
        }
    }

    std::optional<double> maxFileSize; // MB, as the server states it
    if (behaviour.checksFileSize && config.maxSizeBytes > 0)
        maxFileSize = double(config.maxSizeBytes) / (1024.0 * 1024.0);
    const double fileSize = body->value(QStringLiteral("fileSize")).toDouble();
    if (maxFileSize && fileSize > *maxFileSize * 1024 * 1024) {
        respondError(
                400,
                QStringLiteral("File size exceeds the %1MB limit").arg(jsNumber(*maxFileSize)));
        return;
    }

    FaultInjector &faults = m_context.faults;
    QDateTime now = QDateTime::currentDateTimeUtc();
    bool clockShifted = false;
    if (const auto shift = faults.take(FaultSpec::Route::Api, FaultSpec::Action::ClockShift)) {
        now = now.addSecs(shift->value);
        clockShifted = true;
    }
    int lifetimeSeconds = config.expirySeconds;
    if (faults.take(FaultSpec::Route::Api, FaultSpec::Action::ExpiredPolicy)) {
        // Issued an hour ago with the usual lifetime: long expired, yet validly signed.
        now = now.addSecs(-3600);
        lifetimeSeconds = qMin(config.expirySeconds, 600);
    }
    const QDateTime expiration = now.addSecs(lifetimeSeconds);

    const QString objectName = behaviour.randomObjectNames
            ? Cuid::generate() + u'.' + FileTypeTable::extensionForMimeType(resolvedType)
            : body->value(QStringLiteral("fileName")).toString();
    QString key;
    if (route == Route::V2) {
        key = QStringLiteral("public/tmp/") + config.botId + u'/' + sessionId + u'/' + objectName;
    } else {
        // Up to 3.16 the request's blockId goes into the path unchecked; from 3.17 the
        // session's current block does.
        const QString block = behaviour.randomObjectNames
                ? session->currentBlockId
                : body->value(QStringLiteral("blockId")).toString();
        key = QStringLiteral("public/workspaces/") + config.workspaceId
                + QStringLiteral("/typebots/") + session->botId + QStringLiteral("/results/")
                + session->resultId + QStringLiteral("/blocks/") + block + u'/' + objectName;
    }
    const QString bucketBase = m_context.origin + u'/' + config.bucket;
    const QString fileUrl = bucketBase + u'/' + key; // not URL-encoded, like the real server's

    QString missing;
    if (const auto fault = faults.take(FaultSpec::Route::Api, FaultSpec::Action::MissingField))
        missing = fault->field;
    const QByteArray maxFileSizeJson =
            maxFileSize ? jsNumber(*maxFileSize).toLatin1() : QByteArray();
    OrderedJson answer;
    switch (behaviour.uploadStyle) {
    case ServerBehaviour::UploadStyle::PostPolicy: {
        const auto form = PostPolicy::buildPostForm(m_context.credentials, config.bucket, key,
                                                    fileTypeValue.isString() ? fileType : QString(),
                                                    config.maxSizeBytes, now, expiration);
        OrderedJson formData;
        for (const auto &[name, value] : form)
            formData.add(name, jsonString(value));
        answer.add(QStringLiteral("presignedUrl"), jsonString(bucketBase));
        answer.add(QStringLiteral("formData"), formData.toJson(missing));
        answer.add(QStringLiteral("fileUrl"), jsonString(fileUrl));
        break;
    }
    case ServerBehaviour::UploadStyle::PresignedPut: {
        const QString host = m_context.origin.section(QStringLiteral("://"), 1);
        answer.add(QStringLiteral("presignedUrl"),
                   jsonString(PostPolicy::presignPut(m_context.credentials, m_context.origin, host,
                                                     config.bucket, key, now, lifetimeSeconds)));
        // The type as sent; absent when none was.
        if (fileTypeValue.isString())
            answer.add(QStringLiteral("fileType"), jsonString(fileType));
        if (maxFileSize)
            answer.add(QStringLiteral("maxFileSize"), maxFileSizeJson);
        answer.add(QStringLiteral("fileUrl"), jsonString(fileUrl));
        break;
    }
    case ServerBehaviour::UploadStyle::UploadProxy: {
        UploadProxyToken token;
        token.filePath = key;
        token.fileType = FileTypeTable::isUnsafeMimeType(resolvedType) ? OctetStream : resolvedType;
        token.maxFileSizeMegabytes = maxFileSize;
        token.expiresAtMs = expiration.toMSecsSinceEpoch();
        const QString presignedUrl = m_context.origin + QStringLiteral("/api/uploads/")
                + QString::fromLatin1(token.encode(m_context.uploadProxySecret));
        answer.add(QStringLiteral("presignedUrl"), jsonString(presignedUrl));
        answer.add(QStringLiteral("formData"), "{}");
        answer.add(QStringLiteral("fileType"), jsonString(resolvedType));
        if (maxFileSize)
            answer.add(QStringLiteral("maxFileSize"), maxFileSizeJson);
        answer.add(QStringLiteral("fileUrl"), jsonString(fileUrl));
        break;
    }
    }

    QByteArray json = answer.toJson(missing);
    if (faults.take(FaultSpec::Route::Api, FaultSpec::Action::MalformedJson))
        json = json.left(json.size() / 2);
    HttpResponse response;
    response.status = 200;
    response.body = json;
    response.setHeader("Content-Type", "application/json");
    // A server whose clock is off says so in its Date header too, as a real one would:
    // clients that correct for skew see a ticket that looks valid to them.
    if (clockShifted)
        response.setHeader("Date",
                           QLocale::c()
                                   .toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                   .toLatin1());
    m_connection->respond(response);
}

} // namespace Sandbox
