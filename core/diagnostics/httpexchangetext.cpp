// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpexchangetext.h"

#include "humanformat.h"
#include "redactor.h"

namespace Typebot {

namespace {

QString headerLine(const char *direction, const QByteArray &name, const QByteArray &value)
{
    return QLatin1String(direction) + QString::fromLatin1(name) + QStringLiteral(": ")
            + HumanFormat::printable(Redactor::header(name, value));
}

} // namespace

QStringList HttpExchangeText::lines(const HttpExchange &exchange)
{
    QStringList out;
    out << QStringLiteral("> %1 %2").arg(QString::fromLatin1(exchange.method),
                                         Redactor::url(exchange.url));
    for (const auto &[name, value] : exchange.requestHeaders)
        out << headerLine("> ", name, value);
    if (exchange.isMultipart()) {
        for (const FormField &field : exchange.formFields)
            out << QStringLiteral(">   field %1=%2")
                            .arg(HumanFormat::printable(field.name),
                                 HumanFormat::printable(
                                         Redactor::formField(field.name, field.value)));
    }
    if (exchange.isFileUpload()) {
        out << QStringLiteral(">   file %1 (%2, %3 bytes) from %4")
                        .arg(HumanFormat::printable(exchange.fileName),
                             HumanFormat::printable(exchange.fileContentType))
                        .arg(exchange.fileSize)
                        .arg(HumanFormat::printable(exchange.filePath));
    } else if (!exchange.requestBody.isEmpty()) {
        QString body = Redactor::text(QString::fromUtf8(exchange.requestBody));
        if (body.size() > MaxBodyChars)
            body = body.left(MaxBodyChars)
                    + QStringLiteral("… (%1 bytes in all)").arg(exchange.requestBody.size());
        out << QStringLiteral(">   ") + HumanFormat::printable(body);
    }
    const QString took = exchange.durationMs >= 0
            ? QStringLiteral("  (%1 s)").arg(double(exchange.durationMs) / 1000.0, 0, 'f', 3)
            : QString();
    if (exchange.httpStatus <= 0) {
        out << QStringLiteral("< no HTTP answer: ")
                        + HumanFormat::printable(Redactor::text(exchange.error)) + took;
        return out;
    }
    out << QStringLiteral("< HTTP %1").arg(exchange.httpStatus) + took;
    for (const auto &[name, value] : exchange.responseHeaders)
        out << headerLine("< ", name, value);
    return out;
}

} // namespace Typebot
