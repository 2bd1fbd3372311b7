// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTreeView>

// The queue table: sortable, multi-selection, and a drop target for more files with the
// same rules as the drop zone.
class QueueView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueView)

public:
    explicit QueueView(QWidget *parent = nullptr);

    QList<quint64> selectedJobIds() const; // in view order
    quint64 currentJobId() const; // 0: none

Q_SIGNALS:
    void pathsDropped(const QStringList &paths);
    void dropRejected(const QString &reason);
    void contextMenuRequested(const QPoint &globalPos);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    bool m_dragHovering = false;
};
