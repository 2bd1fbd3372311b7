// SPDX-License-Identifier: GPL-3.0-or-later
#include "queueview.h"

#include "incomingfiles.h"
#include "queuemodel.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QPainter>

QueueView::QueueView(QWidget *parent) : QTreeView(parent)
{
    setRootIsDecorated(false);
    setUniformRowHeights(true); // keeps 10,000 rows cheap to lay out
    setItemsExpandable(false);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideMiddle);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    setDropIndicatorShown(false);
    setAccessibleName(tr("Upload queue"));
    setAccessibleDescription(tr("Files being uploaded, one per row. Drop more files here."));
    header()->setSectionsMovable(true);
    header()->setStretchLastSection(true);
    header()->setSortIndicatorShown(true);
}

QList<quint64> QueueView::selectedJobIds() const
{
    QList<quint64> ids;
    if (!selectionModel())
        return ids;
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    ids.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        ids << index.data(QueueModel::JobIdRole).toULongLong();
    return ids;
}

quint64 QueueView::currentJobId() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(QueueModel::JobIdRole).toULongLong() : 0;
}

void QueueView::dragEnterEvent(QDragEnterEvent *event)
{
    const IncomingFiles incoming = IncomingFiles::fromMimeData(event->mimeData(), false);
    if (!incoming.isAcceptable()) {
        Q_EMIT dropRejected(incoming.rejection);
        event->ignore();
        return;
    }
    m_dragHovering = true;
    viewport()->update();
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void QueueView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!m_dragHovering) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void QueueView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dragHovering = false;
    viewport()->update();
    event->accept();
}

void QueueView::dropEvent(QDropEvent *event)
{
    m_dragHovering = false;
    viewport()->update();
    const IncomingFiles incoming = IncomingFiles::fromMimeData(event->mimeData(), false);
    if (!incoming.isAcceptable()) {
        Q_EMIT dropRejected(incoming.rejection);
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT pathsDropped(incoming.paths);
}

void QueueView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (!m_dragHovering)
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    QColor color = palette().color(QPalette::Highlight);
    painter.setPen(QPen(color, 2.0));
    color.setAlphaF(0.08f);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(viewport()->rect()).adjusted(2, 2, -2, -2), 6, 6);
}

void QueueView::contextMenuEvent(QContextMenuEvent *event)
{
    if (event->reason() == QContextMenuEvent::Keyboard) {
        // Menu key or Shift+F10: open at the current row, not wherever the mouse is.
        const QRect rect = visualRect(currentIndex());
        Q_EMIT contextMenuRequested(viewport()->mapToGlobal(
                rect.isValid() ? rect.bottomLeft() : viewport()->rect().topLeft()));
        return;
    }
    const QModelIndex index = indexAt(viewport()->mapFromGlobal(event->globalPos()));
    if (index.isValid() && !selectionModel()->isRowSelected(index.row(), index.parent()))
        setCurrentIndex(index);
    Q_EMIT contextMenuRequested(event->globalPos());
}
