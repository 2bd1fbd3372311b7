// SPDX-License-Identifier: GPL-3.0-or-later
#include "dropzone.h"

#include "incomingfiles.h"
#include "mimeicons.h"
#include "themecolors.h"

#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr int RejectionVisibleMs = 6000;

} // namespace

DropZone::DropZone(QWidget *parent)
    : QWidget(parent),
      m_icon(new QLabel(this)),
      m_title(new QLabel(tr("Drop files or folders here"), this)),
      m_hint(new QLabel(tr("They are uploaded to the chat session of the current profile, "
                           "and each gets a link."),
                        this)),
      m_rejection(new QLabel(this)),
      m_browse(new QPushButton(
              MimeIcons::themed(QStringLiteral("document-open"), QStringLiteral("add-file")),
              tr("&Browse…"), this)),
      m_paste(new QPushButton(
              MimeIcons::themed(QStringLiteral("edit-paste"), QStringLiteral("paste")),
              tr("&Paste"), this))
{
    setAcceptDrops(true);
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Drop zone"));
    setAccessibleDescription(tr("Drop files or folders here to upload them, or use Browse or "
                                "Paste."));
    setMinimumSize(420, 300);

    m_icon->setPixmap(QIcon(QStringLiteral(":/icons/drop-upload.svg")).pixmap(72, 72));
    m_icon->setAlignment(Qt::AlignCenter);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);

    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_rejection->setAlignment(Qt::AlignCenter);
    m_rejection->setWordWrap(true);
    m_rejection->setObjectName(QStringLiteral("dropRejection"));
    QFont rejectionFont = m_rejection->font();
    rejectionFont.setWeight(QFont::DemiBold);
    m_rejection->setFont(rejectionFont);
    ThemeColors::setTextTone(m_rejection, ThemeColors::Tone::Error);
    m_rejection->hide();

    m_browse->setToolTip(tr("Choose files to upload (Ctrl+O)"));
    m_paste->setToolTip(tr("Upload the files or the image on the clipboard (Ctrl+V)"));
    for (QPushButton *button : { m_browse, m_paste }) {
        button->setMinimumSize(132, 36);
        button->setIconSize(QSize(18, 18));
    }
    m_browse->setDefault(true);
    connect(m_browse, &QPushButton::clicked, this, &DropZone::browseRequested);
    connect(m_paste, &QPushButton::clicked, this, &DropZone::pasteRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_browse);
    buttons->addSpacing(8);
    buttons->addWidget(m_paste);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    layout->addStretch(3);
    layout->addWidget(m_icon);
    layout->addSpacing(12);
    layout->addWidget(m_title);
    layout->addSpacing(4);
    layout->addWidget(m_hint);
    layout->addSpacing(20);
    layout->addLayout(buttons);
    layout->addSpacing(12);
    layout->addWidget(m_rejection);
    layout->addStretch(4);

    m_rejectionTimer.setSingleShot(true);
    m_rejectionTimer.setInterval(RejectionVisibleMs);
    connect(&m_rejectionTimer, &QTimer::timeout, this, [this] {
        m_rejection->hide();
        if (m_highlight == Highlight::Rejecting)
            setHighlight(Highlight::None);
    });
}

QString DropZone::rejectionText() const
{
    return m_rejection->isHidden() ? QString() : m_rejection->text();
}

void DropZone::setHighlight(Highlight highlight)
{
    if (m_highlight == highlight)
        return;
    m_highlight = highlight;
    update();
}

void DropZone::showRejection(const QString &reason)
{
    m_rejection->setText(reason);
    m_rejection->show();
    m_rejectionTimer.start();
    setHighlight(Highlight::Rejecting);
}

void DropZone::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(16.5, 16.5, -16.5, -16.5);
    QColor border = palette().color(QPalette::Mid);
    QColor fill = palette().color(QPalette::Base);
    Qt::PenStyle style = Qt::DashLine;
    if (m_highlight == Highlight::Accepting) {
        border = palette().color(QPalette::Highlight);
        fill = border;
        fill.setAlphaF(0.12f);
        style = Qt::SolidLine;
    } else if (m_highlight == Highlight::Rejecting) {
        border = ThemeColors::text(ThemeColors::Tone::Error, palette());
        fill = border;
        fill.setAlphaF(0.06f);
    }
    QPainterPath path;
    path.addRoundedRect(area, 14, 14);
    painter.fillPath(path, fill);
    QPen pen(border, 2.0, style);
    pen.setDashPattern({ 6, 4 });
    if (style == Qt::SolidLine)
        pen.setStyle(Qt::SolidLine);
    painter.setPen(pen);
    painter.drawPath(path);
}

void DropZone::dragEnterEvent(QDragEnterEvent *event)
{
    const IncomingFiles incoming = IncomingFiles::fromMimeData(event->mimeData(), false);
    if (!incoming.isAcceptable()) {
        showRejection(incoming.rejection);
        event->ignore();
        return;
    }
    m_rejection->hide();
    setHighlight(Highlight::Accepting);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void DropZone::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_highlight != Highlight::Accepting) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void DropZone::dragLeaveEvent(QDragLeaveEvent *event)
{
    if (m_highlight == Highlight::Accepting)
        setHighlight(Highlight::None);
    event->accept();
}

void DropZone::dropEvent(QDropEvent *event)
{
    const IncomingFiles incoming = IncomingFiles::fromMimeData(event->mimeData(), false);
    if (!incoming.isAcceptable()) {
        showRejection(incoming.rejection);
        event->ignore();
        return;
    }
    setHighlight(Highlight::None);
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT pathsDropped(incoming.paths);
}
