// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requesthandler.h"
#include "uploadproxytoken.h"

#include <QCryptographicHash>
#include <QString>

#include <memory>
#include <optional>

class QFile;

namespace Sandbox {

class FaultInjector;
class ObjectStore;
class UploadCounter;
struct HttpResponse;

// The viewer's upload proxy of Typebot 3.17+: PUT {viewer}/api/uploads/{token} streams the
// body into the bucket under the key the token names. The token and the declared size are
// judged from the request head, so refusals come before the body; errors are plain text.
class UploadProxyHandler final : public RequestHandler
{
public:
    static inline const QString PathPrefix = QStringLiteral("/api/uploads/");
    static constexpr qint64 Md5EtagLimit = Q_INT64_C(64) * 1024 * 1024;

    // The part of the server this handler works with.
    struct Context
    {
        ObjectStore &store;
        FaultInjector &faults;
        UploadCounter &uploads;
        const QByteArray &secret;
    };

    UploadProxyHandler(Context context, HttpConnection *connection, const HttpRequest &request,
                       RequestRecord *record);
    ~UploadProxyHandler() override;

    // /api/uploads/<token>, one path segment.
    static bool isUploadPath(const QString &path);
    // The proxy's plain-text answer for a status (also for injected faults).
    static QByteArray messageForStatus(int status);

    void begin() override;
    void bodyData(QByteArrayView data) override;
    void bodyFinished() override;
    void aborted() override;

private:
    void respond(int status, const QByteArray &text = {});
    void fail(int status);
    void discardFile();
    bool commitObject();

    Context m_context;
    std::optional<UploadProxyToken> m_token;
    qint64 m_maxBytes = -1; // -1: no limit
    QString m_temporaryPath;
    std::unique_ptr<QFile> m_file;
    qint64 m_bytes = 0;
    QCryptographicHash m_md5{ QCryptographicHash::Md5 };
    bool m_failed = false;
    bool m_countedUpload = false;
};

} // namespace Sandbox
