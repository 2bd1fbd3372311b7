// SPDX-License-Identifier: GPL-3.0-or-later
// JsonKeyOrder::ofMember on any bytes, checked against QJsonDocument: when it returns as
// many keys as the member object has, they are that object's keys (UploadTicket relies on
// exactly this to send S3 form fields in the server's order).

#include "fuzzcheck.h"

#include "api/jsonkeyorder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    // The first line names the member (usually "formData"); the rest is the document.
    QByteArray input = Fuzz::bytes(data, size);
    QString member = QStringLiteral("formData");
    if (const qsizetype newline = input.indexOf('\n'); newline >= 0 && newline <= 32) {
        member = QString::fromUtf8(input.left(newline));
        input.remove(0, newline + 1);
    }
    const QStringList keys = Typebot::JsonKeyOrder::ofMember(input, member);

    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(input, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return 0;
    const QJsonValue value = document.object().value(member);
    if (!value.isObject())
        return 0;
    const QStringList actual = value.toObject().keys();
    if (keys.size() == actual.size()) {
        FUZZ_CHECK((QSet<QString>(keys.cbegin(), keys.cend())
                    == QSet<QString>(actual.cbegin(), actual.cend())),
                   "as many keys as the member object has, and the same ones");
    }
    return 0;
}
