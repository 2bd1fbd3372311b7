// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFrame>

class QLabel;
class QPushButton;

// A one-line message above the queue with an optional action button, like a browser's
// info bar: the first-run sandbox notice or a profile problem.
class NoticeBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeBanner)

public:
    enum class Kind { Information, Warning };

    explicit NoticeBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, const QString &actionText);
    QString text() const;

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    // Background, border and text from the surrounding palette, tinted by the kind.
    void applyColors();

    Kind m_kind = Kind::Information;
    bool m_applyingColors = false;
    QColor m_border;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
};
