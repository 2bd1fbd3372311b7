// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace Typebot {

// An S3 XML error body: <Error><Code/><Message/><RequestId/>… plus any extra elements
// (MaxSizeAllowed, ProposedSize, StringToSign, …) that explain it.
struct S3Error
{
    QString code;
    QString message;
    QString requestId;
    QString hostId;
    QMap<QString, QString> extra;

    static std::optional<S3Error> fromXml(const QByteArray &body);

    bool isPolicyExpired() const;
    // e.g. "EntityTooLarge: Your proposed upload exceeds the maximum allowed size"
    QString toString() const;
};

} // namespace Typebot
