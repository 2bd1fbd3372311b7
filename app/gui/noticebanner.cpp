// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticebanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
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
    setStyleSheet(warning ? QStringLiteral("#noticeBanner { background: #fdf0d5; "
                                           "border-bottom: 1px solid #e5c07b; } "
                                           "#noticeBanner QLabel { color: #3d2c00; }")
                          : QStringLiteral("#noticeBanner { background: #e3effd; "
                                           "border-bottom: 1px solid #a8c7f0; } "
                                           "#noticeBanner QLabel { color: #0b2a4f; }"));
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
