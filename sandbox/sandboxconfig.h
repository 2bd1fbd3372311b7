// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Sandbox {

// Everything a SandboxServer needs to know before it listens; the defaults give a
// loopback server on a free port with one generated session and no auth.
struct SandboxConfig
{
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    QString storageDir; // empty: a QTemporaryDir the server owns
    QString token; // empty: no auth required
    QStringList sessionIds; // empty: one generated default session
    qint64 maxSizeBytes = 0; // 0: no content-length-range
    int expirySeconds = 600;
    bool putVariant = false;
    // Newer servers refuse a declared fileSize over the limit at ticket time; older ones
    // ignore the field and leave it to the policy. False imitates the older ones.
    bool checkFileSize = true;
    QString tlsCertFile, tlsKeyFile;
    QString bucket = QStringLiteral("typebot");
    QString botId = QStringLiteral("sandbox-bot");
    // The demo bot served by startChat/continueChat: greeting, name question, file block,
    // then a reply listing the links.
    QString demoBotId = QStringLiteral("demo-bot");
    bool demoBotMultipleFiles = false;
    QStringList demoBotFileTypes; // empty: any type; else ".png", "png", "image/png", "image/*"
    bool demoBotFilesOptional = false;
};

} // namespace Sandbox
