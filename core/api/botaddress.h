// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace Typebot {

// Which bot to chat with: a bare public id, or a bot link (https://<viewer>/<publicId>)
// that also names the API (https://<viewer>/api), so staff can paste what they share.
struct BotAddress
{
    QUrl apiBase; // empty for a bare id: use the configured API
    QString publicId;

    // Accepts "my-bot", "https://viewer.example.com/my-bot" (query, fragment and a
    // trailing slash ignored). nullopt and a user-facing message on anything else.
    static std::optional<BotAddress> parse(const QString &text, QString *error);
    static bool isValidId(const QString &id);
};

} // namespace Typebot
