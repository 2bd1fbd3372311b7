// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsconfiguration.h"

#include <QCoreApplication>

namespace Typebot {

std::optional<QList<QSslCertificate>> TlsConfiguration::loadCaFile(const QString &path,
                                                                   QString *error)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QCoreApplication::translate("TlsConfiguration", "%1 holds no PEM certificate")
                         .arg(path);
        return std::nullopt;
    }
    return certificates;
}

std::optional<QSslConfiguration> TlsConfiguration::withCaFile(const QString &path, QString *error)
{
    const auto certificates = loadCaFile(path, error);
    if (!certificates)
        return std::nullopt;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(*certificates);
    return configuration;
}

} // namespace Typebot
