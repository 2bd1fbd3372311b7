// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpointsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>

namespace Typebot {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("EndpointSettings", text);
}
} // namespace

bool EndpointSettings::parseApiBase(const QString &text, QUrl *result, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("The API URL is empty.");
        return false;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = tr("\"%1\" is not a valid URL: %2").arg(trimmed, url.errorString());
        return false;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty() || url.host().isEmpty()) {
        *error = tr("\"%1\" is not a full URL; write it like https://typebot.io/api.").arg(trimmed);
        return false;
    }
    if (scheme != u"http" && scheme != u"https") {
        *error = tr("The API URL must start with http:// or https://, not %1://.").arg(scheme);
        return false;
    }
    if (url.hasQuery() || url.hasFragment()) {
        *error = tr("The API URL must not contain a query or fragment.");
        return false;
    }
    QUrl normalized = url;
    QString path = normalized.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    normalized.setPath(path);
    normalized.setScheme(scheme);
    *result = normalized;
    return true;
}

bool EndpointSettings::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0
        || host.endsWith(u".localhost", Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString EndpointSettings::validate() const
{
    QUrl parsed;
    QString error;
    if (!parseApiBase(apiBase.toString(), &parsed, &error))
        return error;
    if (parsed.scheme() == u"http" && !allowInsecureHttp && !isLoopbackHost(parsed.host()))
        return tr("Plain http:// to %1 would send the session id and token unencrypted. Use "
                  "https://, or allow insecure http explicitly.")
                .arg(parsed.host());
    const QString session = sessionId.trimmed();
    if (session.isEmpty())
        return tr("The session id is empty.");
    for (const QChar c : session) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return tr("The session id contains spaces or control characters.");
    }
    if (token.contains(u'\n') || token.contains(u'\r'))
        return tr("The API token contains a line break.");
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable())
        return tr("The CA file %1 cannot be read.").arg(caFile);
    return QString();
}

QUrl EndpointSettings::endpoint(const QString &relativePath) const
{
    QUrl base;
    QString error;
    if (!parseApiBase(apiBase.toString(), &base, &error))
        return QUrl();
    base.setPath(base.path() + u'/' + relativePath);
    return base;
}

QUrl EndpointSettings::generateUploadUrlEndpoint() const
{
    return endpoint(QStringLiteral("v2/generate-upload-url"));
}

} // namespace Typebot
