// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverknowledge.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Typebot {

struct FormField
{
    QString name;
    QString value;
    friend bool operator==(const FormField &a, const FormField &b)
    {
        return a.name == b.name && a.value == b.value;
    }
};

// An upload slot handed out by generate-upload-url: where to send the file, the form
// fields to send first (in the server's order), and where the file will live.
struct UploadTicket
{
    QUrl presignedUrl;
    QList<FormField> formFields; // empty: the newer servers' raw PUT variant
    QString fileUrl; // as the server gave it; not necessarily URL-encoded
    QString fileType; // 3.16+: the Content-Type the server expects for a PUT
    double maxFileSizeMb = -1; // 3.16+: the bot's size limit in MB (MiB); -1 when not sent

    bool isPutVariant() const { return formFields.isEmpty(); }
    // How the file is sent: a POST policy (form fields), an S3 presigned PUT (the URL is
    // query-signed), or the 3.17+ upload proxy (a PUT to the viewer with a token).
    ServerKnowledge::SendStyle sendStyle() const;
    qint64 maxFileSizeBytes() const; // -1 when the server sent no limit
    QString field(const QString &name) const; // case-insensitive; empty when absent

    // Validates a 2xx body. On failure returns nullopt and a message naming what is wrong.
    static std::optional<UploadTicket> fromJson(const QByteArray &json, QString *error);
};

} // namespace Typebot
