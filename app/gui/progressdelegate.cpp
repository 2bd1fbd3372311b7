// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressdelegate.h"

#include "queuemodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include <cmath>

ProgressDelegate::ProgressDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    if (index.column() != QueueModel::ProgressColumn) {
        QStyleOptionViewItem item(option);
        // A status reads from its start ("Failed: …"); names and links keep both ends.
        if (index.column() == QueueModel::StatusColumn)
            item.textElideMode = Qt::ElideRight;
        QStyledItemDelegate::paint(painter, item, index);
        return;
    }
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // The item background (selection, alternating rows, focus) first, then the bar on top.
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    item.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const double progress = index.data(QueueModel::ProgressRole).toDouble();
    if (progress < 0.0)
        return;

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.state = (option.state & QStyle::State_Enabled) | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    const int height = std::min(option.rect.height() - 4, option.fontMetrics.height() + 4);
    bar.rect = QRect(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1,
                     option.rect.width() - 8, height);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = int(std::lround(progress * 1000.0));
    bar.text = tr("%1%").arg(int(std::floor(progress * 100.0)));
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == QueueModel::ProgressColumn)
        size.setWidth(std::max(size.width(), 120));
    return size;
}
