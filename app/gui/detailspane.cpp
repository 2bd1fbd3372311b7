// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspane.h"

#include "diagnostics/humanformat.h"
#include "diagnostics/redactor.h"
#include "diagnostics/timelinenotes.h"
#include "engine/failurewording.h"
#include "mimeicons.h"
#include "profile.h"
#include "queuemodel.h"
#include "system/nativepath.h"
#include "themecolors.h"
#include "timelinestepnames.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using Typebot::FailureWording;
using Typebot::HumanFormat;
using Typebot::JobSnapshot;
using Typebot::TimelineEntry;

namespace {

QLabel *selectableLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    // Any width, and as many lines as that width needs: setSizePolicy() replaces the
    // height-for-width flag word wrap sets, so it is set again (without it a long
    // status, as in pt_BR, is cut at the right edge).
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    label->setSizePolicy(policy);
    return label;
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent),
      m_pages(new QStackedWidget(this)),
      m_name(selectableLabel(this)),
      m_path(selectableLabel(this)),
      m_type(selectableLabel(this)),
      m_destination(selectableLabel(this)),
      m_status(selectableLabel(this)),
      m_problem(selectableLabel(this)),
      m_link(new QLabel(this)),
      m_timeline(new QTreeWidget(this)),
      m_copy(new QPushButton(MimeIcons::themed(QStringLiteral("edit-copy"), QStringLiteral("copy")),
                             tr("Copy &report"), this))
{
    setAccessibleName(tr("File details"));

    auto *placeholder = new QLabel(tr("Select a file to see where it went and every request "
                                      "made for it."),
                                   this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);
    placeholder->setMargin(24);

    QFont nameFont = m_name->font();
    nameFont.setWeight(QFont::DemiBold);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    m_name->setFont(nameFont);

    m_link->setTextFormat(Qt::RichText);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->setOpenExternalLinks(false);
    m_link->setWordWrap(true);
    QSizePolicy linkPolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    linkPolicy.setHeightForWidth(true);
    m_link->setSizePolicy(linkPolicy);
    connect(m_link, &QLabel::linkActivated, this, [](const QString &link) {
        const QUrl url(link);
        // Only web links leave the app; a file:// or custom scheme from a server is ignored.
        if (url.scheme() == u"http" || url.scheme() == u"https")
            QDesktopServices::openUrl(url);
    });

    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_timeline->setHeaderLabels({ tr("Time"), tr("Attempt"), tr("Step"), tr("Request"),
                                  tr("Result"), tr("Duration"), tr("Details") });
    m_timeline->setAccessibleName(tr("Timeline of requests"));
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->setTextElideMode(Qt::ElideRight);

    m_copy->setToolTip(tr("Copy the file's outcome and timeline as text, with secrets removed, "
                          "for a support ticket"));
    connect(m_copy, &QPushButton::clicked, this, &DetailsPane::copyReport);

    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("Path:"), m_path);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Destination:"), m_destination);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Details:"), m_problem);
    m_form = form;
    form->addRow(tr("Link:"), m_link);

    auto *bottom = new QHBoxLayout;
    auto *timelineLabel = new QLabel(tr("Timeline"), page);
    QFont boldFont = timelineLabel->font();
    boldFont.setWeight(QFont::DemiBold);
    timelineLabel->setFont(boldFont);
    bottom->addWidget(timelineLabel);
    bottom->addStretch();
    bottom->addWidget(m_copy);

    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(8, 6, 8, 8);
    pageLayout->addWidget(m_name);
    pageLayout->addLayout(form);
    pageLayout->addSpacing(4);
    pageLayout->addLayout(bottom);
    pageLayout->addWidget(m_timeline, 1);

    m_pages->addWidget(placeholder);
    m_pages->addWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

void DetailsPane::setJob(const JobSnapshot &job)
{
    const bool sameJob = job.id == m_job.id;
    const bool timelineChanged = !sameJob || job.timeline.size() != m_job.timeline.size();
    m_job = job;
    if (job.id == 0) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_name->setText(job.displayName);
    m_path->setText(Typebot::NativePath::readable(job.filePath)); // a name may not be UTF-8
    const QString comment = QMimeDatabase().mimeTypeForName(job.mimeType).comment();
    m_type->setText(tr("%1 · %2 (%3)")
                            .arg(job.size >= 0 ? HumanFormat::bytes(job.size) : tr("unknown size"),
                                 comment.isEmpty() ? job.mimeType : comment, job.mimeType));
    m_destination->setText(destinationText(job));
    m_form->setRowVisible(m_destination, !m_destination->text().isEmpty());
    // The status in words and what to do; the codes and the server's own words below it.
    const QString tip = QueueModel::statusToolTip(job);
    m_status->setText(tip.isEmpty() ? QueueModel::statusText(job, QDateTime::currentDateTimeUtc())
                                    : tip);
    // The last failure of a job that is running again is history: the timeline has it.
    const bool failing = job.state == Typebot::JobState::Value::Failed
            || job.state == Typebot::JobState::Value::WaitingToRetry;
    const QString facts = failing ? failureFacts(job.failure) : QString();
    m_problem->setText(facts);
    m_form->setRowVisible(m_problem, !facts.isEmpty());
    if (job.fileUrl.isEmpty()) {
        m_link->setText(tr("<i>not stored yet</i>"));
    } else {
        m_link->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                                .arg(job.fileUrl.toHtmlEscaped(), job.fileUrl.toHtmlEscaped()));
    }
    m_copy->setEnabled(true);
    fitWrappedLabels();
    if (timelineChanged)
        rebuildTimeline();
}

void DetailsPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitWrappedLabels();
}

void DetailsPane::fitWrappedLabels()
{
    for (QLabel *label : { m_path, m_type, m_destination, m_status, m_problem, m_link }) {
        const int width = label->width() > 0 ? label->width() : this->width();
        const int height = label->heightForWidth(width);
        if (height >= 0) // -1: the label has no text to wrap
            label->setMinimumHeight(height);
    }
}

void DetailsPane::rebuildTimeline()
{
    m_timeline->clear();
    QList<QTreeWidgetItem *> items;
    for (const TimelineEntry &entry : std::as_const(m_job.timeline)) {
        QStringList details;
        if (!entry.errorCode.isEmpty())
            details << entry.errorCode;
        if (!entry.requestId.isEmpty())
            details << tr("request id %1").arg(entry.requestId);
        if (entry.bytes >= 0)
            details << HumanFormat::bytes(entry.bytes);
        const QString words = Typebot::TimelineNotes::text(entry); // today's language
        if (!words.isEmpty())
            details << words;
        QString result;
        if (entry.httpStatus > 0)
            result = QString::number(entry.httpStatus);
        QString duration;
        if (entry.kind == TimelineEntry::Kind::Retry && entry.durationMs >= 0)
            duration = tr("wait %1 s")
                               .arg(QLocale().toString(double(entry.durationMs) / 1000.0, 'f', 1));
        else if (entry.durationMs >= 0)
            duration =
                    tr("%1 s").arg(QLocale().toString(double(entry.durationMs) / 1000.0, 'f', 2));
        auto *item = new QTreeWidgetItem(QStringList{
                entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                entry.attempt > 0 ? QString::number(entry.attempt) : QString(),
                TimelineStepNames::displayName(entry.kind),
                entry.method.isEmpty() ? QString() : entry.method + u' ' + entry.host, result,
                duration, Typebot::Redactor::text(details.join(QStringLiteral(" · "))) });
        item->setToolTip(6, item->text(6));
        if (entry.httpStatus >= 400 || !entry.errorCode.isEmpty())
            item->setForeground(4,
                                ThemeColors::text(ThemeColors::Tone::Error, m_timeline->palette()));
        items << item;
    }
    m_timeline->addTopLevelItems(items);
    for (int column = 0; column < 6; ++column)
        m_timeline->resizeColumnToContents(column);
    if (!items.isEmpty())
        m_timeline->scrollToItem(items.constLast());
}

QString DetailsPane::reportText(const JobSnapshot &job)
{
    QStringList lines;
    lines << QStringLiteral("Typebot Uploader %1").arg(QStringLiteral(TBU_VERSION));
    lines << QStringLiteral("File: %1 (%2, %3)")
                     .arg(job.displayName,
                          job.size >= 0 ? HumanFormat::bytes(job.size) : QStringLiteral("?"),
                          job.mimeType);
    lines << QStringLiteral("State: %1").arg(Typebot::JobState::name(job.state));
    if (job.attempt > 0)
        lines << QStringLiteral("Attempts: %1 of %2").arg(job.attempt).arg(job.maxAttempts);
    if (!job.destinationProfile.isEmpty())
        lines << QStringLiteral("Destination: %1 (%2)")
                         .arg(job.destinationProfile, job.destinationHost);
    if (!job.fileUrl.isEmpty())
        lines << QStringLiteral("Link: %1").arg(job.fileUrl);
    if (!job.failure.isNull()) {
        const QString tip = QueueModel::statusToolTip(job);
        if (!tip.isEmpty())
            lines << QStringLiteral("Error: %1").arg(tip);
        lines << QStringLiteral("Error kind: %1")
                         .arg(Typebot::JobFailure::kindName(job.failure.kind));
        lines << QStringLiteral("Error details: %1").arg(failureFacts(job.failure));
    }
    lines << QString() << QStringLiteral("Timeline:") << TimelineEntry::toText(job.timeline);
    return Typebot::Redactor::text(lines.join(u'\n'));
}

QString DetailsPane::destinationText(const JobSnapshot &job)
{
    if (job.destinationProfile.isEmpty())
        return {};
    const QString profile = Profile::displayNameOfRecorded(job.destinationProfile);
    return job.destinationHost.isEmpty()
            ? profile
            : tr("%1 (%2)", "destination: profile (host)").arg(profile, job.destinationHost);
}

QString DetailsPane::failureFacts(const Typebot::JobFailure &failure)
{
    if (failure.isNull() || failure.kind == Typebot::JobFailure::Kind::Canceled)
        return QString();
    QString facts = FailureWording::technical(failure);
    if (failure.at.isValid())
        facts = tr("%1, at %2")
                        .arg(facts,
                             QLocale().toString(failure.at.toLocalTime(), QLocale::ShortFormat));
    return facts;
}

void DetailsPane::copyReport()
{
    if (m_job.id == 0)
        return;
    QApplication::clipboard()->setText(reportText(m_job));
}
