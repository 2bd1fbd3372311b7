// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include "diagnostics/redactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Typebot {

ApiError ApiError::fromHttpResponse(int status, const QByteArray &body)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = status;

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject object = doc.object();
        error.message = object.value(u"message").toString();
        error.code = object.value(u"code").toString();
        // Spec shape: issues[].message. Newer servers: data.issues or data.message.
        QJsonArray issues = object.value(u"issues").toArray();
        const QJsonValue data = object.value(u"data");
        if (issues.isEmpty() && data.isObject())
            issues = data.toObject().value(u"issues").toArray();
        for (const QJsonValue issue : std::as_const(issues)) {
            QString text = issue.isObject() ? issue.toObject().value(u"message").toString()
                                            : issue.toString();
            const QJsonArray path = issue.toObject().value(u"path").toArray();
            if (!path.isEmpty() && !text.isEmpty()) {
                QStringList parts;
                for (const QJsonValue p : path)
                    parts << (p.isDouble() ? QString::number(p.toInt()) : p.toString());
                text = parts.join(u'.') + u": " + text;
            }
            if (!text.isEmpty())
                error.issues << Redactor::text(text);
        }
        if (error.message.isEmpty() && data.isObject())
            error.message = data.toObject().value(u"message").toString();
        if (error.message.isEmpty() && object.value(u"error").isString())
            error.message = object.value(u"error").toString();
        error.message = Redactor::text(error.message);
    }
    if (error.message.isEmpty() && parseError.error != QJsonParseError::NoError) {
        // Plain text (unmatched routes from 3.15, the upload proxy): short text is the
        // server's own message; markup (a proxy's HTML page) stays an excerpt.
        const QString text = sanitizedExcerpt(body);
        if (!text.isEmpty() && !text.startsWith(u'<') && !text.startsWith(u'{')
            && !text.startsWith(u'[') && text.size() <= 160)
            error.message = text;
    }
    if (error.message.isEmpty()) {
        error.bodyExcerpt = sanitizedExcerpt(body);
        // A proxy's or platform's HTML page: its words, not its markup.
        if (error.bodyExcerpt.startsWith(u'<')) {
            static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
            static const QRegularExpression spaces(QStringLiteral("\\s+"));
            const QString text = sanitizedExcerpt(body, 2000)
                                         .replace(tags, QStringLiteral(" "))
                                         .replace(spaces, QStringLiteral(" "))
                                         .trimmed();
            error.bodyExcerpt = text.isEmpty() ? QString() : text.left(200);
        }
    }
    return error;
}

QString ApiError::sanitizedExcerpt(const QByteArray &body, int maxChars)
{
    QString text = QString::fromUtf8(body.left(qsizetype(maxChars) * 4));
    QString folded;
    folded.reserve(text.size());
    bool lastWasSpace = false;
    // By code point: a QChar half of an emoji is not printable on its own.
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        if (QChar::isSpace(c) || !QChar::isPrint(c)) {
            if (!lastWasSpace && !folded.isEmpty())
                folded += u' ';
            lastWasSpace = true;
        } else {
            folded += QChar::fromUcs4(c);
            lastWasSpace = false;
        }
    }
    folded = Redactor::text(folded.trimmed());
    if (folded.size() > maxChars) {
        qsizetype keep = maxChars - 1;
        if (keep > 0 && folded.at(keep - 1).isHighSurrogate())
            --keep;
        folded = folded.left(keep) + QChar(0x2026);
    }
    return folded;
}

QString ApiError::toString() const
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("ApiError", s); };
    QString detail = message;
    if (!issues.isEmpty())
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" (")) + issues.join(u"; ")
                + (detail.isEmpty() ? QString() : QStringLiteral(")"));
    switch (kind) {
    case Kind::Network:
        return tr("Could not reach the Typebot API: %1").arg(message);
    case Kind::Timeout:
        return tr("The Typebot API did not answer in time.");
    case Kind::InvalidResponse:
        return tr("The Typebot API sent an answer this app cannot use: %1").arg(message);
    case Kind::NoUploadRoute:
        return tr("There is no Typebot upload API at this address (404: %1). Check the API "
                  "URL: it is the bot's viewer address followed by /api, e.g. "
                  "https://bot.example.com/api.")
                .arg(detail.isEmpty() ? tr("not found") : detail);
    case Kind::Http:
        break;
    }
    if (detail.isEmpty())
        detail = bodyExcerpt.isEmpty() ? tr("no details given") : bodyExcerpt;
    switch (httpStatus) {
    case 401:
        return tr("The Typebot API wants an API token (401): %1").arg(detail);
    case 403:
        return tr("The Typebot API refused this token (403): %1").arg(detail);
    case 404:
        return tr("The Typebot API did not find what was asked for (404): %1").arg(detail);
    default:
        if (httpStatus >= 500)
            return tr("The Typebot API failed (%1): %2").arg(httpStatus).arg(detail);
        return tr("The Typebot API refused the request (%1): %2").arg(httpStatus).arg(detail);
    }
}

} // namespace Typebot
