// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

// The empty queue's invitation: a large drop target with Browse… and Paste buttons. It
// highlights while acceptable files hover and says why when something cannot be dropped.
class DropZone final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropZone)

public:
    enum class Highlight { None, Accepting, Rejecting };

    explicit DropZone(QWidget *parent = nullptr);

    Highlight highlight() const { return m_highlight; }
    QString rejectionText() const; // empty unless the last drag was refused

Q_SIGNALS:
    void pathsDropped(const QStringList &paths);
    void browseRequested();
    void pasteRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setHighlight(Highlight highlight);
    void showRejection(const QString &reason);

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_hint;
    QLabel *m_rejection;
    QPushButton *m_browse;
    QPushButton *m_paste;
    QTimer m_rejectionTimer;
    Highlight m_highlight = Highlight::None;
};
