// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlcommand.h"

#include "api/ticketrequest.h"
#include "redactor.h"
#include "transfer/transferrequest.h"

#include <QStringList>

namespace Typebot {

namespace {

QString urlText(const QUrl &url, CurlCommand::Secrets secrets)
{
    return secrets == CurlCommand::Secrets::Show ? QString::fromUtf8(url.toEncoded())
                                                 : Redactor::url(url);
}

} // namespace

QString CurlCommand::shellQuote(const QString &word)
{
    if (word.isEmpty())
        return QStringLiteral("''");
    QString quoted = word;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString CurlCommand::formFilePath(const QString &path)
{
    QString escaped = path;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

QString CurlCommand::ticketRequest(const EndpointSettings &endpoint, ServerKnowledge::Route route,
                                   const TicketRequest::Input &input, Secrets secrets)
{
    const QByteArray body = TicketRequest::requestBody(route, endpoint.sessionId, input);
    QStringList words{ QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("-X"),
                       QStringLiteral("POST") };
    if (!endpoint.caFile.isEmpty())
        words << QStringLiteral("--cacert") << shellQuote(endpoint.caFile);
    words << QStringLiteral("-H") << shellQuote(QStringLiteral("Content-Type: application/json"))
          << QStringLiteral("-H") << shellQuote(QStringLiteral("Accept: application/json"));
    if (!endpoint.token.isEmpty()) {
        const QString value = secrets == Secrets::Show ? endpoint.token : Redactor::Mask;
        words << QStringLiteral("-H")
              << shellQuote(QStringLiteral("Authorization: Bearer ") + value);
    }
    const QString bodyText = QString::fromUtf8(body);
    words << QStringLiteral("--data")
          << shellQuote(secrets == Secrets::Show ? bodyText : Redactor::text(bodyText));
    words << shellQuote(urlText(endpoint.endpoint(ServerKnowledge::routePath(route)), secrets));
    return words.join(u' ');
}

QString CurlCommand::upload(const UploadTicket &ticket, const QString &filePath,
                            const QString &contentType, const QString &caFile, Secrets secrets)
{
    QStringList words{ QStringLiteral("curl"), QStringLiteral("-sS") };
    if (!caFile.isEmpty())
        words << QStringLiteral("--cacert") << shellQuote(caFile);
    if (ticket.isPutVariant()) {
        words << QStringLiteral("-T") << shellQuote(filePath);
        if (!contentType.isEmpty())
            words << QStringLiteral("-H")
                  << shellQuote(QStringLiteral("Content-Type: ") + contentType);
        words << QStringLiteral("-H")
              << shellQuote(QStringLiteral("Cache-Control: ")
                            + QLatin1String(TransferRequest::CacheControl));
        words << shellQuote(urlText(ticket.presignedUrl, secrets));
        return words.join(u' ');
    }
    // --form-string, not -F: a value starting with '@' or '<', or holding ";type=", must go
    // out verbatim, as the client sends it.
    for (const FormField &field : ticket.formFields) {
        const QString value = secrets == Secrets::Show
                ? field.value
                : Redactor::formField(field.name, field.value);
        words << QStringLiteral("--form-string") << shellQuote(field.name + u'=' + value);
    }
    QString filePart = QStringLiteral("file=@") + formFilePath(filePath);
    if (!contentType.isEmpty())
        filePart += QStringLiteral(";type=") + contentType;
    words << QStringLiteral("-F") << shellQuote(filePart);
    words << shellQuote(urlText(ticket.presignedUrl, secrets));
    return words.join(u' ');
}

} // namespace Typebot
