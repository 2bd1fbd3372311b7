// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QTextBrowser>

class QUrl;

// The conversation of the bot tester: the bot's bubbles on the left, the user's answers on
// the right, notices and errors across. Text stays selectable; only http(s) links open.
class TranscriptView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    enum class Role { Bot, User, Notice, Error };

    struct Entry
    {
        Role role = Role::Bot;
        QString text;
    };

    explicit TranscriptView(QWidget *parent = nullptr);

    void addEntry(Role role, const QString &text);
    // Drops one entry, e.g. a notice that no longer holds ("Starting a chat…").
    void removeEntry(qsizetype index);
    void clearEntries();
    QList<Entry> entries() const { return m_entries; }
    // The whole conversation as plain text, one "Bot:"/"You:" paragraph per entry.
    QString transcriptText() const;

    // `text` as HTML: escaped, line breaks kept, http and https addresses as links.
    static QString linkify(const QString &text);

Q_SIGNALS:
    void linkOpened(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    QString entryHtml(const Entry &entry) const;
    void handleAnchorClicked(const QUrl &url);

    QList<Entry> m_entries;
};
