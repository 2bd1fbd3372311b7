// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonlinewriter.h"

#include "system/nativepath.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

namespace TypebotCli {

QString JsonLineWriter::timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QJsonObject JsonLineWriter::failureFields(const Typebot::JobFailure &failure)
{
    using Typebot::JobFailure;
    return { { QStringLiteral("kind"),
               failure.isNull() ? QString() : JobFailure::kindName(failure.kind) },
             { QStringLiteral("step"), JobFailure::stepName(failure.step) },
             { QStringLiteral("status"), failure.httpStatus },
             { QStringLiteral("code"), failure.code },
             { QStringLiteral("serverMessage"), failure.serverMessage } };
}

void JsonLineWriter::write(const QString &event, const QJsonObject &fields)
{
    // QJsonObject sorts keys; "event" and "time" are put first by hand for readability.
    QJsonObject head{ { QStringLiteral("event"), event } };
    QByteArray line = QJsonDocument(head).toJson(QJsonDocument::Compact);
    line.chop(1); // '}'
    line += ",\"time\":\"" + timestamp().toUtf8() + '"';
    QJsonObject rest = fields;
    rest.remove(QStringLiteral("event"));
    rest.remove(QStringLiteral("time"));
    // Paths of names that are not UTF-8 carry escaped bytes, which JSON (UTF-8) cannot
    // hold: each string is written as NativePath reads it.
    for (auto it = rest.begin(); it != rest.end(); ++it) {
        if (it.value().isString())
            it.value() = Typebot::NativePath::readable(it.value().toString());
    }
    if (!rest.isEmpty()) {
        const QByteArray body = QJsonDocument(rest).toJson(QJsonDocument::Compact);
        line += ',' + body.mid(1); // drops '{', keeps '}'
    } else {
        line += '}';
    }
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

} // namespace TypebotCli
