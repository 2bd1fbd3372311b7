// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultspec.h"
#include "multipartstreamparser.h"
#include "postpolicy.h"
#include "requesthandler.h"

#include <QCryptographicHash>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

class QFile;

namespace Sandbox {

class FaultInjector;
class ObjectStore;
class UploadCounter;
struct HttpResponse;

// The S3 bucket: presigned POST uploads checked like S3 checks them while the multipart
// body streams to a temporary file, query-signed PUTs, and GET/HEAD of stored objects.
class BucketHandler final : public RequestHandler
{
public:
    static constexpr qint64 MaxFieldBytes = Q_INT64_C(20) * 1024; // S3: fields before the file
    // Objects up to this size get an MD5 ETag like S3's. Above it the ETag is derived from
    // key, size and time with a "-1" suffix, as S3 does for multipart objects: Qt's MD5
    // would otherwise cap the sandbox below the clients it is meant to measure.
    static constexpr qint64 Md5EtagLimit = Q_INT64_C(64) * 1024 * 1024;

    // The part of the server this handler works with.
    struct Context
    {
        QString bucket;
        QString bucketUrl; // scheme://host:port/bucket, for Location headers
        ObjectStore &store;
        const PostPolicy::Credentials &credentials;
        FaultInjector &faults;
        UploadCounter &uploads;
    };

    BucketHandler(Context context, HttpConnection *connection, const HttpRequest &request,
                  RequestRecord *record);
    ~BucketHandler() override;

    void begin() override;
    void bodyData(QByteArrayView data) override;
    void bodyFinished() override;
    void aborted() override;

private:
    enum class Mode { PostUpload, Put, Get, Rejected };

    void fail(const HttpResponse &response);
    void failS3(int status, const QString &code, const QString &message,
                const QList<QPair<QString, QString>> &extra = {});
    bool injectStatusFault(FaultSpec::Route route);
    QString keyFromPath() const;

    // POST
    void beginPost();
    bool handlePartBegin(const MultipartStreamParser::Part &part);
    bool handlePartData(QByteArrayView data);
    bool handlePartEnd();
    bool validatePostFields(); // when the file part starts
    QString field(const QString &lowerName) const;
    void finishPost();

    // PUT and GET
    void beginPut();
    void finishPut();
    void serveGet();

    bool openTemporaryFile();
    bool writeFileData(QByteArrayView data);
    bool commitObject(const QString &key, const QString &contentType);

    Context m_context;
    Mode m_mode = Mode::Rejected;
    bool m_failed = false;
    bool m_countedUpload = false;

    std::unique_ptr<MultipartStreamParser> m_parser;
    QList<QPair<QString, QString>> m_fields; // before the file, in order, names as sent
    QString m_currentField;
    QByteArray m_currentValue;
    qint64 m_fieldBytes = 0;
    enum class PartKind { None, Field, File, Ignored } m_partKind = PartKind::None;
    bool m_fileStarted = false;
    bool m_fileDone = false;
    std::optional<qint64> m_minSize, m_maxSize;

    QString m_temporaryPath;
    std::unique_ptr<QFile> m_file;
    qint64 m_fileBytes = 0;
    QCryptographicHash m_md5{ QCryptographicHash::Md5 };
    QString m_putKey;
};

} // namespace Sandbox
