// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

    bool isPutVariant() const { return formFields.isEmpty(); }
    QString field(const QString &name) const; // case-insensitive; empty when absent

    // Validates a 2xx body. On failure returns nullopt and a message naming what is wrong.
    static std::optional<UploadTicket> fromJson(const QByteArray &json, QString *error);
};

} // namespace Typebot
