// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Sandbox {

// The token of a 3.17+ upload proxy URL ({viewer}/api/uploads/{token}):
// base64url(JSON payload) "." base64url(HMAC-SHA256(server secret, encoded payload)).
class UploadProxyToken final
{
public:
    QString filePath; // the object key; starts with public/ or private/
    QString fileType; // stored as the object's Content-Type
    std::optional<double> maxFileSizeMegabytes;
    qint64 expiresAtMs = 0; // ms since the epoch

    QByteArray encode(const QByteArray &secret) const;
    // Checks the signature and the payload's shape (not the expiry); nullopt when the
    // token was not made by this server or was changed.
    static std::optional<UploadProxyToken> verify(const QByteArray &token,
                                                  const QByteArray &secret);
    static QByteArray generateSecret();
};

} // namespace Sandbox
