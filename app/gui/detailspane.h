// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/jobsnapshot.h"

#include <QWidget>

class QResizeEvent;

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

// The selected file in depth: where it is, where it went, and the redacted timeline of
// every request and retry, copyable as text for a support ticket.
class DetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void setJob(const Typebot::JobSnapshot &job); // id 0: nothing selected
    quint64 jobId() const { return m_job.id; }
    // A plain-text report: the file, its outcome and the timeline, redacted.
    static QString reportText(const Typebot::JobSnapshot &job);
    // A failure's facts for support: status, code, the server's words, step, attempts, when.
    static QString failureFacts(const Typebot::JobFailure &failure);
    // Where the file goes or went, in today's language: "Production (bot.example.com)".
    static QString destinationText(const Typebot::JobSnapshot &job);

public Q_SLOTS:
    void copyReport();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // QFormLayout does not give a wrapped label the lines it needs in a dock; each gets
    // the height its text takes at its current width.
    void fitWrappedLabels();

    void rebuildTimeline();

    Typebot::JobSnapshot m_job;
    QStackedWidget *m_pages;
    QLabel *m_name;
    QLabel *m_path;
    QLabel *m_type;
    QLabel *m_destination;
    QLabel *m_status;
    QLabel *m_problem; // the failure's codes and the server's words
    QFormLayout *m_form = nullptr;
    QLabel *m_link;
    QTreeWidget *m_timeline;
    QPushButton *m_copy;
};
