// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlcommand.h"

#include "redactor.h"
#include "system/nativepath.h"

#include <QStringList>

namespace Typebot {

namespace {

QString urlText(const QUrl &url, CurlCommand::Secrets secrets)
{
    return secrets == CurlCommand::Secrets::Show ? QString::fromUtf8(url.toEncoded())
                                                 : Redactor::url(url);
}

// Headers curl writes itself (or, for a multipart body, must write itself: the boundary
// is its own); repeating them would send them twice or break the body.
bool curlWritesItself(const QByteArray &name, bool multipart)
{
    static const QByteArrayList own{
        "host",   "content-length",    "connection", "accept-encoding", "accept-language",
        "expect", "transfer-encoding", "user-agent"
    };
    const QByteArray lower = name.toLower();
    return own.contains(lower) || (multipart && lower == "content-type");
}

QString headerValue(const QByteArray &name, const QByteArray &value,
                    const CurlCommand::Options &options)
{
    if (name.compare("Authorization", Qt::CaseInsensitive) == 0) {
        const qsizetype space = value.indexOf(' ');
        const QString scheme =
                space > 0 ? QString::fromLatin1(value.left(space + 1)) : QStringLiteral("Bearer ");
        return scheme
                + (options.secrets == CurlCommand::Secrets::Show && !options.token.isEmpty()
                           ? options.token
                           : Redactor::Mask);
    }
    return options.secrets == CurlCommand::Secrets::Show ? QString::fromLatin1(value)
                                                         : Redactor::header(name, value);
}

} // namespace

QString CurlCommand::shellQuote(const QString &word)
{
    if (word.isEmpty())
        return QStringLiteral("''");
    // A file name that is not UTF-8 holds bytes no text can show (NativePath): each comes
    // from printf, the one way POSIX sh writes such a byte, beside the quoted text.
    QString quoted;
    QString text;
    const auto flushText = [&] {
        if (text.isEmpty())
            return;
        text.replace(u'\'', QStringLiteral("'\\''"));
        quoted += u'\'' + text + u'\'';
        text.clear();
    };
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (const int byte = NativePath::escapedByteAt(word, i); byte >= 0) {
            flushText();
            quoted += QStringLiteral("\"$(printf '\\%1')\"").arg(byte, 3, 8, QLatin1Char('0'));
        } else {
            text += word.at(i);
        }
    }
    flushText();
    return quoted;
}

QString CurlCommand::formQuoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

QString CurlCommand::fromExchange(const HttpExchange &exchange, const Options &options)
{
    const bool show = options.secrets == Secrets::Show;
    QStringList words{ QStringLiteral("curl"), QStringLiteral("-sS") };
    if (!exchange.isFileUpload())
        words << QStringLiteral("-X") << QString::fromLatin1(exchange.method);
    if (!options.caFile.isEmpty())
        words << QStringLiteral("--cacert") << shellQuote(options.caFile);
    if (exchange.isFileUpload() && !exchange.isMultipart())
        words << QStringLiteral("-T") << shellQuote(exchange.filePath);
    for (const auto &[name, value] : exchange.requestHeaders) {
        if (curlWritesItself(name, exchange.isMultipart()))
            continue;
        words << QStringLiteral("-H")
              << shellQuote(QString::fromLatin1(name) + QStringLiteral(": ")
                            + headerValue(name, value, options));
    }
    if (exchange.isMultipart()) {
        // --form-string, not -F: a value starting with '@' or '<', or holding ";type=",
        // must go out verbatim, as the client sends it.
        for (const FormField &field : exchange.formFields) {
            const QString value = show ? field.value : Redactor::formField(field.name, field.value);
            words << QStringLiteral("--form-string") << shellQuote(field.name + u'=' + value);
        }
        QString filePart = QStringLiteral("file=@") + formQuoted(exchange.filePath);
        if (!exchange.fileName.isEmpty())
            filePart += QStringLiteral(";filename=") + formQuoted(exchange.fileName);
        if (!exchange.fileContentType.isEmpty())
            filePart += QStringLiteral(";type=") + exchange.fileContentType;
        words << QStringLiteral("-F") << shellQuote(filePart);
    } else if (!exchange.isFileUpload() && !exchange.requestBody.isEmpty()) {
        const QString body = QString::fromUtf8(exchange.requestBody);
        words << QStringLiteral("--data-binary") << shellQuote(show ? body : Redactor::text(body));
    }
    words << shellQuote(urlText(exchange.url, options.secrets));
    return words.join(u' ');
}

} // namespace Typebot
