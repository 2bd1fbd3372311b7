// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <optional>

namespace Typebot {

// A user-supplied CA bundle (self-hosted MinIO or viewer behind a private CA) added to the
// system's trust, never a blanket "ignore SSL errors".
class TlsConfiguration final
{
public:
    static std::optional<QList<QSslCertificate>> loadCaFile(const QString &path, QString *error);
    static std::optional<QSslConfiguration> withCaFile(const QString &path, QString *error);
};

} // namespace Typebot
