// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demobotscript.h"

#include <QList>
#include <QString>

namespace Sandbox {

struct SandboxConfig;

// The bots the sandbox serves, each walking to a file-input block a different way:
// - demo-bot (SandboxConfig::demoBotId): a name, then the configured file block;
// - demo-buttons-bot: a choice with values, a multiple choice, then the configured file
//   block, with a progress bar;
// - demo-files-bot: an email, then several files of listed types (image/*, .pdf);
// - demo-form-bot: every input answered with text (number, email, URL, phone, date,
//   time, rating), a picture choice and cards, media bubbles, then the configured block;
// - demo-payment-bot: a payment first, which only a browser can make.
class DemoBotCatalog final
{
public:
    static inline const QString ButtonsBotId = QStringLiteral("demo-buttons-bot");
    static inline const QString FilesBotId = QStringLiteral("demo-files-bot");
    static inline const QString FormBotId = QStringLiteral("demo-form-bot");
    static inline const QString PaymentBotId = QStringLiteral("demo-payment-bot");
    static inline const QString FilesBotInputId = QStringLiteral("demo-files-file-input");
    static inline const QString FilesBotRetryMessage =
            QStringLiteral("Only pictures and PDF files, please. Try again.");
    static inline const QString EmailRetryMessage =
            QStringLiteral("This email doesn't seem to be valid. Can you type it again?");

    static QList<DemoBotScript> scripts(const SandboxConfig &config);

    // A text bubble shaped like the real API's: content.richText, one paragraph per line.
    static QJsonObject textBubble(const QString &id, const QString &text);
    // The file block the configuration describes (demo-bot, buttons and form bots).
    static QJsonObject configuredFileInput(const SandboxConfig &config);
};

} // namespace Sandbox
