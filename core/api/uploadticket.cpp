// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadticket.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

#include "jsonkeyorder.h"

namespace Typebot {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UploadTicket", text);
}
} // namespace

QString UploadTicket::field(const QString &name) const
{
    for (const FormField &f : formFields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return f.value;
    }
    return QString();
}

ServerKnowledge::SendStyle UploadTicket::sendStyle() const
{
    if (!isPutVariant())
        return ServerKnowledge::SendStyle::PostPolicy;
    const QUrlQuery query(presignedUrl);
    for (const auto &[key, value] : query.queryItems()) {
        if (key.compare(u"X-Amz-Signature", Qt::CaseInsensitive) == 0
            || key.compare(u"Signature", Qt::CaseInsensitive) == 0
            || key.compare(u"X-Goog-Signature", Qt::CaseInsensitive) == 0)
            return ServerKnowledge::SendStyle::PresignedPut;
    }
    return ServerKnowledge::SendStyle::UploadProxy;
}

qint64 UploadTicket::maxFileSizeBytes() const
{
    // Typebot compares fileSize with maxFileSize * 1024 * 1024.
    if (maxFileSizeMb <= 0)
        return -1;
    const double bytes = maxFileSizeMb * 1024.0 * 1024.0;
    // A limit no file can reach is no limit; casting it to qint64 would be undefined.
    return bytes < 9.0e18 ? qint64(bytes) : std::numeric_limits<qint64>::max();
}

std::optional<UploadTicket> UploadTicket::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("the answer is not valid JSON (%1 at byte %2)")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = tr("the answer is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = doc.object();

    UploadTicket ticket;
    const QJsonValue presigned = object.value(u"presignedUrl");
    if (!presigned.isString() || presigned.toString().isEmpty()) {
        *error = tr("\"presignedUrl\" is missing");
        return std::nullopt;
    }
    ticket.presignedUrl = QUrl(presigned.toString(), QUrl::StrictMode);
    const QString scheme = ticket.presignedUrl.scheme().toLower();
    if (!ticket.presignedUrl.isValid() || ticket.presignedUrl.host().isEmpty()
        || (scheme != u"http" && scheme != u"https")) {
        *error = tr("\"presignedUrl\" is not an absolute http(s) URL");
        return std::nullopt;
    }

    const QJsonValue fileUrl = object.value(u"fileUrl");
    if (!fileUrl.isString() || fileUrl.toString().trimmed().isEmpty()) {
        *error = tr("\"fileUrl\" is missing");
        return std::nullopt;
    }
    // Servers before 3.17 put the file's name into the link verbatim; control characters
    // in it (a name with a newline) are percent-encoded so the link stays one working line.
    for (const QChar c : fileUrl.toString().trimmed()) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            ticket.fileUrl +=
                    u'%' + QStringLiteral("%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper();
        else
            ticket.fileUrl += c;
    }
    // The link is shown, copied and opened: only an http(s) URL will do (a javascript: or
    // data: link is not a stored file).
    const QUrl link(ticket.fileUrl, QUrl::TolerantMode);
    const QString linkScheme = link.scheme().toLower();
    if (!link.isValid() || link.host().isEmpty()
        || (linkScheme != u"http" && linkScheme != u"https")) {
        *error = tr("\"fileUrl\" is not an http(s) link");
        return std::nullopt;
    }

    if (const QJsonValue type = object.value(u"fileType"); type.isString())
        ticket.fileType = type.toString().trimmed();
    if (const QJsonValue limit = object.value(u"maxFileSize"); limit.isDouble()) {
        if (limit.toDouble() > 0 && std::isfinite(limit.toDouble()))
            ticket.maxFileSizeMb = limit.toDouble();
    } else if (!limit.isUndefined() && !limit.isNull()) {
        *error = tr("\"maxFileSize\" is not a number");
        return std::nullopt;
    }

    const QJsonValue formData = object.value(u"formData");
    if (formData.isUndefined() || formData.isNull()) {
        // Newer servers may omit it entirely for the PUT variant.
    } else if (!formData.isObject()) {
        *error = tr("\"formData\" is not an object");
        return std::nullopt;
    } else {
        // QJsonObject sorts its keys; the fields go out in the server's order.
        const QJsonObject fields = formData.toObject();
        QStringList order = JsonKeyOrder::ofMember(json, QStringLiteral("formData"));
        if (order.size() != fields.size()) // duplicate keys or a scanner miss: keep them all
            order = fields.keys();
        for (const QString &name : std::as_const(order)) {
            const QJsonValue v = fields.value(name);
            QString value;
            if (v.isString())
                value = v.toString();
            else if (v.isDouble()) // whole numbers in full, fractions as short as they round-trip
                value = std::floor(v.toDouble()) == v.toDouble() && std::abs(v.toDouble()) < 1e15
                        ? QString::number(qint64(v.toDouble()))
                        : QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
            else if (v.isBool())
                value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else {
                *error = tr("form field \"%1\" is not text").arg(name);
                return std::nullopt;
            }
            ticket.formFields.append(FormField{ name, value });
        }
    }
    return ticket;
}

} // namespace Typebot
