// SPDX-License-Identifier: GPL-3.0-or-later
#include "botaddress.h"

#include <QCoreApplication>

namespace Typebot {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("BotAddress", text);
}
} // namespace

bool BotAddress::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 200)
        return false;
    // Public ids and typebot ids are slugs or cuids; anything else would change the path.
    for (const QChar c : id) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.';
        if (!ok)
            return false;
    }
    return id != u"." && id != u"..";
}

std::optional<BotAddress> BotAddress::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("The bot id is empty.");
        return std::nullopt;
    }
    if (!trimmed.contains(u"://")) {
        if (!isValidId(trimmed)) {
            *error = tr("\"%1\" is neither a bot id (letters, digits, - and _) nor a bot link "
                        "like https://typebot.co/my-bot.")
                             .arg(trimmed);
            return std::nullopt;
        }
        return BotAddress{ QUrl(), trimmed };
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        *error = tr("\"%1\" is not a bot link; write it like https://typebot.co/my-bot.")
                         .arg(trimmed);
        return std::nullopt;
    }
    QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
    if (segments.isEmpty()) {
        *error = tr("The link %1 has no bot id after the host.").arg(trimmed);
        return std::nullopt;
    }
    const QString id = segments.takeLast();
    if (!isValidId(id)) {
        *error = tr("\"%1\" at the end of the link is not a bot id.").arg(id);
        return std::nullopt;
    }
    // A viewer served under a path prefix keeps it: https://host/bots/my-bot → /bots/api.
    QUrl api;
    api.setScheme(scheme);
    api.setHost(url.host());
    api.setPort(url.port());
    segments << QStringLiteral("api");
    api.setPath(u'/' + segments.join(u'/'));
    return BotAddress{ api, id };
}

} // namespace Typebot
