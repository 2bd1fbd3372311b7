// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverknowledge.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Typebot {

// A file block's allowedFileTypes judged the way Typebot's server judges them: through its
// fixed MIME type <-> extension table (typebot-api.md, "How a file reply is checked"), not
// through the system's MIME database. So a file is refused here, before a byte is sent,
// exactly when the server would refuse its slot or the link the bot gets.
class FileTypeRules final
{
public:
    // One row of the server's table.
    struct Type
    {
        QString mimeType;
        QString extension; // what the server compares a link's extension with

        friend bool operator==(const Type &a, const Type &b)
        {
            return a.mimeType == b.mimeType && a.extension == b.extension;
        }
    };

    // How the server names the stored object, which decides the extension the bot sees.
    enum class Naming {
        Unknown, // not known yet: a file must pass both ways
        AsSent, // up to 3.16: the file's own name
        ByType, // from 3.17: a random id and the extension of the file's MIME type
    };

    enum class Verdict {
        Allowed,
        NotListed, // the bot does not list this file's type
        NotInServerTable, // the bot lists it, but the server's table cannot match it
        ExtensionDiffers, // the type is allowed, its extension is not what the server compares
        ContentDiffers, // the extension is allowed, the file's content type is not
        NothingMatches, // no listed type is in the server's table: every file is refused
    };

    struct Check
    {
        Verdict verdict = Verdict::Allowed;
        QString reason; // empty when allowed; a translated sentence otherwise

        bool isAllowed() const { return verdict == Verdict::Allowed; }
    };

    FileTypeRules() = default;
    // `types` as the bot builder lets authors write them: ".png", "png", "image/png",
    // "image/*"; `enabled`: allowedFileTypes.isEnabled.
    FileTypeRules(const QStringList &types, bool enabled);

    // Whether the block restricts types at all (enabled with at least one type).
    bool isRestricted() const { return m_enabled && !m_types.isEmpty(); }
    QStringList types() const { return m_types; }
    // The table rows the listed types stand for, in table order.
    QList<Type> resolved() const { return m_resolved; }
    QStringList extensions() const; // the link extensions the bot takes
    QStringList mimeTypes() const; // the fileTypes the upload slot takes (v3, 3.15+)
    // The listed types the server's table cannot match ("text/plain", ".csv").
    QStringList unmatchedTypes() const;
    // The listed types for messages: ".png, .jpg, image/*".
    QString listedText() const;

    // Whether `fileName` of content `mimeType` ends as a link the bot accepts, uploaded to
    // a server that names objects as `naming` says. An empty `mimeType` is guessed from
    // the name.
    Check check(const QString &fileName, const QString &mimeType,
                Naming naming = Naming::Unknown) const;
    // The server's reply check for one link as sent in `text`: the text after its last
    // '.' must be one of extensions(), compared case-insensitively.
    bool acceptsLink(const QString &link) const;

    // The server's table, and the extension it names a stored object of `mimeType` with
    // ("bin" when the table has no row for it).
    static const QList<Type> &table();
    static QString extensionForMimeType(const QString &mimeType);
    // Lower case, parameters stripped: "Image/PNG; x=y" -> "image/png".
    static QString normalisedMimeType(const QString &mimeType);
    // The MIME type the upload engine sends for this file (content first, then the name).
    static QString mimeTypeForFile(const QString &path);
    // What a server known to send files this way does with their names.
    static Naming namingFor(const ServerKnowledge &knowledge);

private:
    bool isListedByBot(const QString &extension, const QString &mimeType) const;

    QStringList m_types;
    bool m_enabled = false;
    QList<Type> m_resolved;
};

} // namespace Typebot
