// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticebanner.h"

#include "themecolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>

NoticeBanner::NoticeBanner(QWidget *parent)
    : QFrame(parent),
      m_icon(new QLabel(this)),
      m_text(new QLabel(this)),
      m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("noticeBanner"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_action, &QPushButton::clicked, this, &NoticeBanner::actionTriggered);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    hide();
}

void NoticeBanner::showMessage(Kind kind, const QString &text, const QString &actionText)
{
    const bool warning = kind == Kind::Warning;
    m_kind = kind;
    applyColors();
    const QStyle::StandardPixmap pixmap =
            warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation;
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(20, 20));
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    setAccessibleName(text);
    show();
}

QString NoticeBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void NoticeBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // A theme switch: derive the colours again from the new palette.
    if (event->type() == QEvent::PaletteChange && !m_applyingColors)
        applyColors();
}

void NoticeBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(m_border);
    painter.drawLine(rect().bottomLeft(), rect().bottomRight());
}

void NoticeBanner::applyColors()
{
    const ThemeColors::Tone tone =
            m_kind == Kind::Warning ? ThemeColors::Tone::Warning : ThemeColors::Tone::Information;
    // From the parent's palette: our own is the tinted one.
    const QPalette surrounding = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor background = ThemeColors::tint(tone, surrounding.color(QPalette::Window));
    m_border = ThemeColors::tint(tone, surrounding.color(QPalette::Window), 0.45);
    QPalette colors = surrounding;
    colors.setColor(QPalette::Window, background);
    colors.setColor(QPalette::WindowText,
                    ThemeColors::readable(surrounding.color(QPalette::WindowText), { background }));
    m_applyingColors = true;
    setPalette(colors);
    m_applyingColors = false;
    update();
}
