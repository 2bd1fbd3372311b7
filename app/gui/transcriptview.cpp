// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcriptview.h"

#include "themecolors.h"

#include <QDesktopServices>
#include <QEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QUrl>

TranscriptView::TranscriptView(QWidget *parent) : QTextBrowser(parent)
{
    // Links are opened here, after checking their scheme, never by QTextBrowser itself.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(this, &QTextBrowser::anchorClicked, this, &TranscriptView::handleAnchorClicked);
}

void TranscriptView::addEntry(Role role, const QString &text)
{
    m_entries.append(Entry{ role, text });
    render();
}

void TranscriptView::removeEntry(qsizetype index)
{
    if (index < 0 || index >= m_entries.size())
        return;
    m_entries.removeAt(index);
    render();
}

void TranscriptView::clearEntries()
{
    m_entries.clear();
    render();
}

QString TranscriptView::transcriptText() const
{
    QStringList paragraphs;
    for (const Entry &entry : m_entries) {
        QString prefix;
        switch (entry.role) {
        case Role::Bot:
            prefix = tr("Bot:") + u' ';
            break;
        case Role::User:
            prefix = tr("You:") + u' ';
            break;
        case Role::Notice:
            prefix = QStringLiteral("-- ");
            break;
        case Role::Error:
            prefix = tr("Error:") + u' ';
            break;
        }
        // Continuation lines line up under the first one.
        const QString indent(prefix.size(), u' ');
        QStringList lines = entry.text.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i)
            lines[i] = (i == 0 ? prefix : indent) + lines.at(i);
        paragraphs << lines.join(u'\n');
    }
    return paragraphs.join(u'\n') + (paragraphs.isEmpty() ? QString() : QStringLiteral("\n"));
}

QString TranscriptView::linkify(const QString &text)
{
    static const QRegularExpression urlPattern(QStringLiteral("https?://[^\\s<>\"]+"),
                                               QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype position = 0;
    QRegularExpressionMatchIterator it = urlPattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString url = match.captured();
        // Sentence punctuation after a link is not part of it.
        while (!url.isEmpty() && QStringLiteral(".,;:!?)]'").contains(url.back()))
            url.chop(1);
        const QUrl parsed(url, QUrl::StrictMode);
        html += text.mid(position, match.capturedStart() - position).toHtmlEscaped();
        if (parsed.isValid())
            html += QStringLiteral("<a href=\"%1\">%2</a>")
                            .arg(QString::fromUtf8(parsed.toEncoded()).toHtmlEscaped(),
                                 url.toHtmlEscaped());
        else
            html += url.toHtmlEscaped();
        position = match.capturedStart() + url.size();
    }
    html += text.mid(position).toHtmlEscaped();
    html.replace(u'\n', QStringLiteral("<br>"));
    return html;
}

QString TranscriptView::entryHtml(const Entry &entry) const
{
    // Every colour comes from the palette (a dark theme gets dark bubbles) and is nudged
    // until its text reads on its bubble.
    const QPalette &colors = palette();
    const QColor base = colors.color(QPalette::Base);
    const QColor text = colors.color(QPalette::Text);
    const auto name = [](const QColor &color) { return color.name(); };
    QString body = linkify(entry.text);
    const auto colorLinks = [&body](const QColor &color) {
        body.replace(QStringLiteral("<a href="),
                     QStringLiteral("<a style=\"color:%1;\" href=").arg(color.name()));
    };
    // Tables are what QTextDocument aligns and colours reliably; a spacer cell pushes the
    // bubble to its side.
    const QString bubble = QStringLiteral(
            "<td bgcolor=\"%1\" style=\"color:%2;\"><span style=\"color:%3; font-size:small;\">"
            "%4</span><br>%5</td>");
    const QString spacer = QStringLiteral("<td width=\"22%\"></td>");
    QString row;
    switch (entry.role) {
    case Role::Bot: {
        const QColor fill = ThemeColors::mix(base, text, 0.08);
        colorLinks(ThemeColors::readable(colors.color(QPalette::Link), { fill }));
        row = bubble.arg(name(fill), name(ThemeColors::readable(text, { fill })),
                         name(ThemeColors::readable(ThemeColors::mix(text, fill, 0.35), { fill })),
                         tr("Bot"), body)
                + spacer;
        break;
    }
    case Role::User: {
        // The selection colours, darkened or lightened until their text reads on them.
        const QColor onFill = colors.color(QPalette::HighlightedText);
        const QColor fill = ThemeColors::readable(colors.color(QPalette::Highlight), { onFill });
        colorLinks(onFill); // the default link blue is unreadable on the answer's blue
        row = spacer
                + bubble.arg(
                        name(fill), name(onFill),
                        name(ThemeColors::readable(ThemeColors::mix(onFill, fill, 0.2), { fill })),
                        tr("You"), body);
        break;
    }
    case Role::Notice:
        row = QStringLiteral("<td align=\"center\" style=\"color:%1;\"><i>%2</i></td>")
                      .arg(name(ThemeColors::readable(colors.color(QPalette::PlaceholderText),
                                                      { base })),
                           body);
        break;
    case Role::Error: {
        const QColor fill = ThemeColors::tint(ThemeColors::Tone::Error, base, 0.1);
        const QColor color = ThemeColors::textOn(ThemeColors::Tone::Error, fill);
        colorLinks(color);
        row = QStringLiteral("<td bgcolor=\"%1\" style=\"color:%2;\"><b>%3</b> %4</td>")
                      .arg(name(fill), name(color), tr("Error:").toHtmlEscaped(), body);
        break;
    }
    }
    const QString align =
            entry.role == Role::User ? QStringLiteral("right") : QStringLiteral("left");
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" "
                          "align=\"%1\" style=\"margin-bottom:6px;\"><tr>%2</tr></table>")
            .arg(align, row);
}

void TranscriptView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render(); // the bubbles' colours come from the palette
}

void TranscriptView::render()
{
    QString html = QStringLiteral("<html><body>");
    for (const Entry &entry : std::as_const(m_entries))
        html += entryHtml(entry);
    html += QStringLiteral("</body></html>");
    setHtml(html);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TranscriptView::handleAnchorClicked(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return;
    Q_EMIT linkOpened(url);
    QDesktopServices::openUrl(url);
}
