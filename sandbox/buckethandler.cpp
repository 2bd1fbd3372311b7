// SPDX-License-Identifier: GPL-3.0-or-later
#include "buckethandler.h"

#include "faultinjector.h"
#include "httpconnection.h"
#include "objectstore.h"
#include "s3errorresponse.h"
#include "uploadcounter.h"

#include <QFile>
#include <QLocale>
#include <QUrl>

namespace Sandbox {

namespace {

QString lower(const QString &text)
{
    return text.toLower();
}

QList<QPair<QByteArray, QByteArray>> parseQuery(const QString &query)
{
    QList<QPair<QByteArray, QByteArray>> items;
    const QList<QByteArray> pairs = query.toUtf8().split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        items.append(
                { QByteArray::fromPercentEncoding(name), QByteArray::fromPercentEncoding(value) });
    }
    return items;
}

QByteArray queryValue(const QList<QPair<QByteArray, QByteArray>> &items, const QByteArray &name)
{
    for (const auto &[key, value] : items) {
        if (key == name)
            return value;
    }
    return {};
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
            .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
            .toLatin1();
}

} // namespace

BucketHandler::BucketHandler(Context context, HttpConnection *connection,
                             const HttpRequest &request, RequestRecord *record)
    : RequestHandler(connection, request, record),
      m_context(std::move(context))
{
}

BucketHandler::~BucketHandler()
{
    // A failed or cut upload leaves nothing behind.
    if (m_file) {
        m_file->close();
        m_file.reset();
    }
    if (!m_temporaryPath.isEmpty())
        QFile::remove(m_temporaryPath);
    if (m_countedUpload)
        m_context.uploads.end();
}

void BucketHandler::fail(const HttpResponse &response)
{
    if (m_failed)
        return;
    m_failed = true;
    if (m_file) {
        m_file->close();
        m_file.reset();
    }
    if (!m_temporaryPath.isEmpty()) {
        QFile::remove(m_temporaryPath);
        m_temporaryPath.clear();
    }
    HttpResponse copy = response;
    if (m_request.method == "HEAD")
        copy.headOnly = true;
    m_connection->respond(copy);
}

void BucketHandler::failS3(int status, const QString &code, const QString &message,
                           const QList<QPair<QString, QString>> &extra)
{
    m_record->s3ErrorCode = code;
    fail(S3ErrorResponse::make(status, code, message, extra));
}

bool BucketHandler::injectStatusFault(FaultSpec::Route route)
{
    const auto fault = m_context.faults.take(route, FaultSpec::Action::Status);
    if (!fault)
        return false;
    HttpResponse response = S3ErrorResponse::forStatus(int(fault->value));
    if (fault->retryAfterSeconds >= 0)
        response.setHeader("Retry-After", QByteArray::number(fault->retryAfterSeconds));
    m_record->s3ErrorCode = S3ErrorResponse::codeForStatus(int(fault->value));
    fail(response);
    return true;
}

QString BucketHandler::keyFromPath() const
{
    const QString prefix = u'/' + m_context.bucket + u'/';
    return m_request.path.startsWith(prefix) ? m_request.path.mid(prefix.size()) : QString();
}

void BucketHandler::begin()
{
    const QString bucketPath = u'/' + m_context.bucket;
    const bool isBucketRoot = m_request.path == bucketPath || m_request.path == bucketPath + u'/';
    const bool isObject = m_request.path.startsWith(bucketPath + u'/') && !isBucketRoot;
    if (!isBucketRoot && !isObject) {
        m_mode = Mode::Rejected;
        const QString bucket = m_request.path.section(u'/', 1, 1);
        failS3(404, QStringLiteral("NoSuchBucket"),
               QStringLiteral("The specified bucket does not exist"),
               { { QStringLiteral("BucketName"), bucket } });
        return;
    }
    if (m_request.method == "POST" && isBucketRoot) {
        m_mode = Mode::PostUpload;
        beginPost();
    } else if (m_request.method == "PUT" && isObject) {
        m_mode = Mode::Put;
        beginPut();
    } else if ((m_request.method == "GET" || m_request.method == "HEAD") && isObject) {
        m_mode = Mode::Get;
    } else {
        m_mode = Mode::Rejected;
        failS3(405, QStringLiteral("MethodNotAllowed"),
               QStringLiteral("The specified method is not allowed against this resource."),
               { { QStringLiteral("Method"), QString::fromLatin1(m_request.method) },
                 { QStringLiteral("ResourceType"),
                   isObject ? QStringLiteral("OBJECT") : QStringLiteral("BUCKET") } });
    }
}

void BucketHandler::bodyData(QByteArrayView data)
{
    if (m_failed)
        return;
    if (m_mode == Mode::PostUpload && m_parser) {
        if (!m_parser->feed(data) && !m_failed) {
            failS3(400, QStringLiteral("MalformedPOSTRequest"),
                   QStringLiteral("The body of your POST request is not well-formed "
                                  "multipart/form-data."));
        }
    } else if (m_mode == Mode::Put) {
        writeFileData(data);
    }
}

void BucketHandler::bodyFinished()
{
    if (m_failed)
        return;
    switch (m_mode) {
    case Mode::PostUpload:
        finishPost();
        break;
    case Mode::Put:
        finishPut();
        break;
    case Mode::Get:
        serveGet();
        break;
    case Mode::Rejected:
        break;
    }
}

void BucketHandler::aborted()
{
    m_failed = true; // the destructor removes the temporary file
}

// ---- POST -------------------------------------------------------------------------

void BucketHandler::beginPost()
{
    if (injectStatusFault(FaultSpec::Route::Upload))
        return;
    QByteArray mediaType;
    const QByteArray contentType = m_request.header("content-type");
    MultipartStreamParser::headerParameters(contentType, &mediaType);
    if (mediaType.toLower() != "multipart/form-data") {
        failS3(412, QStringLiteral("PreconditionFailed"),
               QStringLiteral("At least one of the pre-conditions you specified did not hold"),
               { { QStringLiteral("Condition"),
                   QStringLiteral(
                           "Bucket POST must be of the enclosure-type multipart/form-data") } });
        return;
    }
    if (m_request.header("content-length").isEmpty()) {
        failS3(411, QStringLiteral("MissingContentLength"),
               QStringLiteral("You must provide the Content-Length HTTP header."));
        return;
    }
    const QByteArray boundary = MultipartStreamParser::boundaryFromContentType(contentType);
    if (boundary.isEmpty()) {
        failS3(400, QStringLiteral("MalformedPOSTRequest"),
               QStringLiteral(
                       "The body of your POST request is not well-formed multipart/form-data."));
        return;
    }
    m_context.uploads.begin();
    m_countedUpload = true;
    m_parser = std::make_unique<MultipartStreamParser>(boundary);
    m_parser->partBegin = [this](const MultipartStreamParser::Part &part) {
        return handlePartBegin(part);
    };
    m_parser->partData = [this](QByteArrayView data) { return handlePartData(data); };
    m_parser->partEnd = [this] { return handlePartEnd(); };
}

bool BucketHandler::handlePartBegin(const MultipartStreamParser::Part &part)
{
    const QString name = QString::fromUtf8(part.name);
    m_record->formFieldNames << name;
    if (m_fileStarted) {
        // S3 ignores everything after the file.
        m_partKind = PartKind::Ignored;
        return true;
    }
    if (lower(name) == QLatin1String("file")) {
        m_fileStarted = true;
        m_partKind = PartKind::File;
        m_record->fileName = QString::fromUtf8(part.fileName);
        m_record->fileContentType = QString::fromUtf8(part.contentType);
        if (!validatePostFields())
            return false;
        return openTemporaryFile();
    }
    m_partKind = PartKind::Field;
    m_currentField = name;
    m_currentValue.clear();
    return true;
}

bool BucketHandler::handlePartData(QByteArrayView data)
{
    switch (m_partKind) {
    case PartKind::Field:
        m_fieldBytes += data.size();
        if (m_fieldBytes > MaxFieldBytes) {
            failS3(400, QStringLiteral("MaxPostPreDataLengthExceeded"),
                   QStringLiteral(
                           "Your POST request fields preceding the upload file were too large."),
                   { { QStringLiteral("MaxPostPreDataLength"), QString::number(MaxFieldBytes) } });
            return false;
        }
        m_currentValue.append(data.data(), data.size());
        return true;
    case PartKind::File:
        if (m_maxSize && m_fileBytes + data.size() > *m_maxSize) {
            failS3(400, QStringLiteral("EntityTooLarge"),
                   QStringLiteral("Your proposed upload exceeds the maximum allowed size"),
                   { { QStringLiteral("ProposedSize"), QString::number(m_fileBytes + data.size()) },
                     { QStringLiteral("MaxSizeAllowed"), QString::number(*m_maxSize) } });
            return false;
        }
        return writeFileData(data);
    case PartKind::None:
    case PartKind::Ignored:
        break;
    }
    return true;
}

bool BucketHandler::handlePartEnd()
{
    if (m_partKind == PartKind::Field) {
        m_fields.append({ m_currentField, QString::fromUtf8(m_currentValue) });
    } else if (m_partKind == PartKind::File) {
        m_fileDone = true;
        if (m_file && !m_file->flush()) {
            failS3(500, QStringLiteral("InternalError"),
                   QStringLiteral("We encountered an internal error. Please try again."));
            return false;
        }
    }
    m_partKind = PartKind::None;
    return true;
}

QString BucketHandler::field(const QString &lowerName) const
{
    for (const auto &[name, value] : m_fields) {
        if (lower(name) == lowerName)
            return value;
    }
    return {};
}

bool BucketHandler::validatePostFields()
{
    auto has = [this](const QString &lowerName) {
        for (const auto &entry : std::as_const(m_fields)) {
            if (lower(entry.first) == lowerName)
                return true;
        }
        return false;
    };
    auto missingField = [this](const QString &name) {
        failS3(400, QStringLiteral("InvalidArgument"),
               QStringLiteral("Bucket POST must contain a field named '%1'.  If it is specified, "
                              "please check the order of the fields.")
                       .arg(name),
               { { QStringLiteral("ArgumentName"), name },
                 { QStringLiteral("ArgumentValue"), QString() } });
        return false;
    };

    if (!has(QStringLiteral("key")))
        return missingField(QStringLiteral("key"));
    if (!has(QStringLiteral("policy"))) {
        // Without a policy the POST is anonymous, and this bucket is not public-write.
        failS3(403, QStringLiteral("AccessDenied"), QStringLiteral("Access Denied"));
        return false;
    }
    for (const QString &required :
         { QStringLiteral("x-amz-algorithm"), QStringLiteral("x-amz-credential"),
           QStringLiteral("x-amz-date"), QStringLiteral("x-amz-signature") }) {
        if (!has(required))
            return missingField(required);
    }
    if (field(QStringLiteral("x-amz-algorithm")) != PostPolicy::Algorithm) {
        failS3(400, QStringLiteral("InvalidArgument"),
               QStringLiteral("Only AWS4-HMAC-SHA256 is supported"),
               { { QStringLiteral("ArgumentName"), QStringLiteral("x-amz-algorithm") },
                 { QStringLiteral("ArgumentValue"), field(QStringLiteral("x-amz-algorithm")) } });
        return false;
    }
    const QString credential = field(QStringLiteral("x-amz-credential"));
    const QStringList scope = credential.split(u'/');
    if (scope.size() != 5 || scope.at(3) != QLatin1String("s3")
        || scope.at(4) != QLatin1String("aws4_request")) {
        failS3(400, QStringLiteral("InvalidArgument"),
               QStringLiteral("Error parsing the X-Amz-Credential parameter; the Credential is "
                              "mal-formed; expecting "
                              "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."),
               { { QStringLiteral("ArgumentName"), QStringLiteral("x-amz-credential") },
                 { QStringLiteral("ArgumentValue"), credential } });
        return false;
    }
    const PostPolicy::Credentials &credentials = m_context.credentials;
    if (scope.at(0) != credentials.accessKeyId) {
        failS3(403, QStringLiteral("InvalidAccessKeyId"),
               QStringLiteral("The AWS Access Key Id you provided does not exist in our records."),
               { { QStringLiteral("AWSAccessKeyId"), scope.at(0) } });
        return false;
    }
    const QByteArray policyBase64 = field(QStringLiteral("policy")).toLatin1();
    const QByteArray expected = PostPolicy::hexHmac(
            PostPolicy::signingKey(credentials.secretKey, scope.at(1), scope.at(2), scope.at(3)),
            policyBase64);
    const QString provided = field(QStringLiteral("x-amz-signature"));
    if (provided.toLatin1().toLower() != expected) {
        failS3(403, QStringLiteral("SignatureDoesNotMatch"),
               QStringLiteral("The request signature we calculated does not match the signature "
                              "you provided. Check your key and signing method."),
               { { QStringLiteral("AWSAccessKeyId"), credentials.accessKeyId },
                 { QStringLiteral("StringToSign"), QString::fromLatin1(policyBase64) },
                 { QStringLiteral("SignatureProvided"), provided } });
        return false;
    }
    QString policyError;
    const auto policy = PostPolicy::decode(policyBase64, &policyError);
    if (!policy) {
        failS3(400, QStringLiteral("InvalidPolicyDocument"), policyError);
        return false;
    }
    if (policy->expiration < QDateTime::currentDateTimeUtc()) {
        failS3(403, QStringLiteral("AccessDenied"),
               QStringLiteral("Invalid according to Policy: Policy expired."));
        return false;
    }

    // Every field needs a condition, except these S3 exempts.
    for (const auto &[name, value] : std::as_const(m_fields)) {
        const QString lowerName = lower(name);
        if (lowerName == QLatin1String("policy") || lowerName == QLatin1String("x-amz-signature")
            || lowerName == QLatin1String("file")
            || lowerName.startsWith(QLatin1String("x-ignore-")))
            continue;
        const bool covered = std::any_of(policy->conditions.cbegin(), policy->conditions.cend(),
                                         [&](const PostPolicy::Condition &condition) {
                                             return condition.field == lowerName;
                                         });
        if (!covered) {
            failS3(403, QStringLiteral("AccessDenied"),
                   QStringLiteral("Invalid according to Policy: Extra input fields: ") + name);
            return false;
        }
    }

    for (const PostPolicy::Condition &condition : policy->conditions) {
        if (condition.op == PostPolicy::Condition::Op::ContentLengthRange) {
            m_minSize = condition.min;
            m_maxSize = condition.max;
            continue;
        }
        const QString actual = condition.field == QLatin1String("bucket") ? m_context.bucket
                                                                          : field(condition.field);
        const bool present = condition.field == QLatin1String("bucket") || has(condition.field);
        const bool holds = condition.op == PostPolicy::Condition::Op::Eq
                ? present && actual == condition.value
                : actual.startsWith(condition.value);
        if (!holds) {
            failS3(403, QStringLiteral("AccessDenied"),
                   QStringLiteral("Invalid according to Policy: Policy Condition failed: ")
                           + condition.text);
            return false;
        }
    }

    const QString key = field(QStringLiteral("key"));
    if (key.isEmpty()) {
        failS3(400, QStringLiteral("InvalidArgument"),
               QStringLiteral("User key must have a length greater than 0."),
               { { QStringLiteral("ArgumentName"), QStringLiteral("key") },
                 { QStringLiteral("ArgumentValue"), key } });
        return false;
    }
    if (key.toUtf8().size() > 1024) {
        failS3(400, QStringLiteral("KeyTooLongError"), QStringLiteral("Your key is too long"));
        return false;
    }

    // S3 refuses from Content-Length alone, before reading the file.
    if (m_maxSize) {
        const qint64 proposed = m_request.contentLength - m_parser->partDataOffset()
                - m_parser->delimiterSize() - 4;
        if (proposed > *m_maxSize) {
            failS3(400, QStringLiteral("EntityTooLarge"),
                   QStringLiteral("Your proposed upload exceeds the maximum allowed size"),
                   { { QStringLiteral("ProposedSize"), QString::number(proposed) },
                     { QStringLiteral("MaxSizeAllowed"), QString::number(*m_maxSize) } });
            return false;
        }
    }
    return true;
}

void BucketHandler::finishPost()
{
    if (!m_parser)
        return;
    const bool complete = m_parser->finish();
    if (!m_fileStarted) {
        if (!complete) {
            failS3(400, QStringLiteral("MalformedPOSTRequest"),
                   QStringLiteral("The body of your POST request is not well-formed "
                                  "multipart/form-data."));
        } else {
            failS3(400, QStringLiteral("InvalidArgument"),
                   QStringLiteral("POST requires exactly one file upload per request."),
                   { { QStringLiteral("ArgumentName"), QStringLiteral("file") },
                     { QStringLiteral("ArgumentValue"), QStringLiteral("0") } });
        }
        return;
    }
    if (!complete || !m_fileDone) {
        failS3(400, QStringLiteral("MalformedPOSTRequest"),
               QStringLiteral(
                       "The body of your POST request is not well-formed multipart/form-data."));
        return;
    }
    if (m_minSize && m_fileBytes < *m_minSize) {
        failS3(400, QStringLiteral("EntityTooSmall"),
               QStringLiteral("Your proposed upload is smaller than the minimum allowed size"),
               { { QStringLiteral("ProposedSize"), QString::number(m_fileBytes) },
                 { QStringLiteral("MinSizeAllowed"), QString::number(*m_minSize) } });
        return;
    }
    QString key = field(QStringLiteral("key"));
    key.replace(QStringLiteral("${filename}"), m_record->fileName);
    QString contentType = field(QStringLiteral("content-type"));
    if (contentType.isEmpty())
        contentType = m_record->fileContentType.isEmpty() ? QStringLiteral("binary/octet-stream")
                                                          : m_record->fileContentType;
    if (!commitObject(key, contentType))
        return;

    const auto object = m_context.store.find(key);
    const QByteArray etag = '"' + object->etag + '"';
    const QString encodedKey = QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
    const QString location = m_context.bucketUrl + u'/' + encodedKey;
    HttpResponse response;
    response.setHeader("ETag", etag);
    response.setHeader("Location", location.toUtf8());
    response.setHeader("x-amz-request-id", S3ErrorResponse::newRequestId());
    response.setHeader("Server", "AmazonS3");
    const QString status = field(QStringLiteral("success_action_status"));
    if (status == QLatin1String("200")) {
        response.status = 200;
    } else if (status == QLatin1String("201")) {
        response.status = 201;
        response.setHeader("Content-Type", "application/xml");
        response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>"
                + S3ErrorResponse::xmlEscape(location) + "</Location><Bucket>"
                + S3ErrorResponse::xmlEscape(m_context.bucket) + "</Bucket><Key>"
                + S3ErrorResponse::xmlEscape(key) + "</Key><ETag>" + etag
                + "</ETag></PostResponse>";
    } else {
        response.status = 204;
    }
    m_connection->respond(response);
}

// ---- PUT --------------------------------------------------------------------------

void BucketHandler::beginPut()
{
    if (injectStatusFault(FaultSpec::Route::Upload))
        return;
    m_record->fileContentType = QString::fromUtf8(m_request.header("content-type"));
    if (m_request.header("content-length").isEmpty()) {
        failS3(411, QStringLiteral("MissingContentLength"),
               QStringLiteral("You must provide the Content-Length HTTP header."));
        return;
    }
    const auto query = parseQuery(m_request.query);
    const QByteArray signature = queryValue(query, "X-Amz-Signature");
    if (signature.isEmpty() || queryValue(query, "X-Amz-Credential").isEmpty()) {
        failS3(403, QStringLiteral("AccessDenied"), QStringLiteral("Access Denied"));
        return;
    }
    if (queryValue(query, "X-Amz-Algorithm") != PostPolicy::Algorithm.toLatin1()) {
        failS3(400, QStringLiteral("AuthorizationQueryParametersError"),
               QStringLiteral("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
        return;
    }
    const QStringList scope = QString::fromUtf8(queryValue(query, "X-Amz-Credential")).split(u'/');
    const QDateTime signedAt =
            QDateTime::fromString(QString::fromLatin1(queryValue(query, "X-Amz-Date")),
                                  QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    bool expiresOk = false;
    const int expires = queryValue(query, "X-Amz-Expires").toInt(&expiresOk);
    if (scope.size() != 5 || !signedAt.isValid() || !expiresOk || expires <= 0
        || expires > 604800) {
        failS3(400, QStringLiteral("AuthorizationQueryParametersError"),
               QStringLiteral("Query-string authentication version 4 requires the X-Amz-Algorithm, "
                              "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, "
                              "and X-Amz-Expires parameters."));
        return;
    }
    QDateTime signedAtUtc = signedAt;
    signedAtUtc.setTimeSpec(Qt::UTC);
    const PostPolicy::Credentials &credentials = m_context.credentials;
    if (scope.at(0) != credentials.accessKeyId) {
        failS3(403, QStringLiteral("InvalidAccessKeyId"),
               QStringLiteral("The AWS Access Key Id you provided does not exist in our records."),
               { { QStringLiteral("AWSAccessKeyId"), scope.at(0) } });
        return;
    }
    m_putKey = keyFromPath();
    const QString scopeText = scope.mid(1).join(u'/');
    auto signatureFor = [&](const QString &key) {
        const QByteArray stringToSign = PostPolicy::putStringToSign(
                PostPolicy::canonicalUri(m_context.bucket, key), query, m_request.header("host"),
                QString::fromLatin1(queryValue(query, "X-Amz-Date")), scopeText);
        return PostPolicy::hexHmac(PostPolicy::signingKey(credentials.secretKey, scope.at(1),
                                                          scope.at(2), scope.at(3)),
                                   stringToSign);
    };
    if (signatureFor(m_putKey) != signature.toLower()) {
        // The key may have been sent raw with a literal '%' in it.
        const QString rawKey =
                QString::fromUtf8(m_request.rawPath).mid(m_context.bucket.size() + 2);
        if (rawKey == m_putKey || signatureFor(rawKey) != signature.toLower()) {
            failS3(403, QStringLiteral("SignatureDoesNotMatch"),
                   QStringLiteral("The request signature we calculated does not match the "
                                  "signature you provided. Check your key and signing method."),
                   { { QStringLiteral("AWSAccessKeyId"), credentials.accessKeyId },
                     { QStringLiteral("SignatureProvided"), QString::fromLatin1(signature) } });
            return;
        }
        m_putKey = rawKey;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime expiresAt = signedAtUtc.addSecs(expires);
    if (now > expiresAt) {
        failS3(403, QStringLiteral("AccessDenied"), QStringLiteral("Request has expired"),
               { { QStringLiteral("X-Amz-Expires"), QString::number(expires) },
                 { QStringLiteral("Expires"), expiresAt.toString(Qt::ISODate) },
                 { QStringLiteral("ServerTime"), now.toString(Qt::ISODate) } });
        return;
    }
    if (signedAtUtc > now.addSecs(qint64(15) * 60)) {
        failS3(403, QStringLiteral("AccessDenied"), QStringLiteral("Request is not valid yet"));
        return;
    }
    if (m_putKey.isEmpty() || m_putKey.toUtf8().size() > 1024) {
        failS3(400, QStringLiteral("KeyTooLongError"), QStringLiteral("Your key is too long"));
        return;
    }
    m_context.uploads.begin();
    m_countedUpload = true;
    openTemporaryFile();
}

void BucketHandler::finishPut()
{
    const QString contentType = m_record->fileContentType.isEmpty()
            ? QStringLiteral("binary/octet-stream")
            : m_record->fileContentType;
    if (!commitObject(m_putKey, contentType))
        return;
    HttpResponse response;
    response.status = 200;
    response.setHeader("ETag", '"' + m_context.store.find(m_putKey)->etag + '"');
    response.setHeader("x-amz-request-id", S3ErrorResponse::newRequestId());
    response.setHeader("Server", "AmazonS3");
    m_connection->respond(response);
}

// ---- GET / HEAD -------------------------------------------------------------------

void BucketHandler::serveGet()
{
    if (injectStatusFault(FaultSpec::Route::Get))
        return;
    QString key = keyFromPath();
    auto object = m_context.store.find(key);
    if (!object) {
        // Keys may come raw, with a literal '%' that decoding changed.
        const QString rawKey =
                QString::fromUtf8(m_request.rawPath).mid(m_context.bucket.size() + 2);
        object = m_context.store.find(rawKey);
        if (object)
            key = rawKey;
    }
    if (!object) {
        failS3(404, QStringLiteral("NoSuchKey"),
               QStringLiteral("The specified key does not exist."),
               { { QStringLiteral("Key"), key } });
        return;
    }
    HttpResponse response;
    response.status = 200;
    response.bodyFile = object->path;
    response.headOnly = m_request.method == "HEAD";
    response.setHeader("Content-Type", object->contentType.toUtf8());
    response.setHeader("ETag", '"' + object->etag + '"');
    response.setHeader("Last-Modified", httpDate(object->lastModified));
    response.setHeader("x-amz-request-id", S3ErrorResponse::newRequestId());
    response.setHeader("Server", "AmazonS3");
    m_record->fileContentType = object->contentType;
    m_connection->respond(response);
}

// ---- storage ----------------------------------------------------------------------

bool BucketHandler::openTemporaryFile()
{
    m_temporaryPath = m_context.store.newTemporaryPath();
    m_file = std::make_unique<QFile>(m_temporaryPath);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        failS3(500, QStringLiteral("InternalError"),
               QStringLiteral("We encountered an internal error. Please try again."));
        return false;
    }
    return true;
}

bool BucketHandler::writeFileData(QByteArrayView data)
{
    if (!m_file)
        return false;
    if (m_context.store.discardsBodies()) {
        m_fileBytes += data.size();
        return true;
    }
    if (m_file->write(data.data(), data.size()) != data.size()) {
        failS3(500, QStringLiteral("InternalError"),
               QStringLiteral("We encountered an internal error. Please try again."));
        return false;
    }
    if (m_fileBytes + data.size() <= Md5EtagLimit)
        m_md5.addData(data);
    m_fileBytes += data.size();
    return true;
}

bool BucketHandler::commitObject(const QString &key, const QString &contentType)
{
    if (!m_file) {
        failS3(500, QStringLiteral("InternalError"),
               QStringLiteral("We encountered an internal error. Please try again."));
        return false;
    }
    m_file->close();
    const bool writeOk = m_file->error() == QFileDevice::NoError;
    m_file.reset();
    ObjectStore::Object object;
    object.key = key;
    object.contentType = contentType;
    object.size = m_fileBytes;
    object.lastModified = QDateTime::currentDateTimeUtc();
    if (m_fileBytes <= Md5EtagLimit && !m_context.store.discardsBodies()) {
        object.etag = m_md5.result().toHex();
    } else {
        const QByteArray identity = key.toUtf8() + '\0' + QByteArray::number(m_fileBytes) + '\0'
                + object.lastModified.toString(Qt::ISODateWithMs).toLatin1();
        object.etag = QCryptographicHash::hash(identity, QCryptographicHash::Md5).toHex() + "-1";
    }
    QString error;
    if (!writeOk || !m_context.store.commit(m_temporaryPath, object, &error)) {
        failS3(500, QStringLiteral("InternalError"),
               QStringLiteral("We encountered an internal error. Please try again."));
        return false;
    }
    m_temporaryPath.clear();
    return true;
}

} // namespace Sandbox
