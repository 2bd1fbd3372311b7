// SPDX-License-Identifier: GPL-3.0-or-later
#include "historydialog.h"

#include "engine/uploadservice.h"
#include "historymodel.h"
#include "mimeicons.h"
#include "profile.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using Typebot::HistoryEntry;

namespace {

constexpr int MaxLinksOpenedAtOnce = 10;

// Only web links are opened: a server could answer any scheme in fileUrl.
bool isWebUrl(const QString &text)
{
    const QUrl url(text);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https");
}

} // namespace

HistoryDialog::HistoryDialog(Typebot::UploadService *service, QWidget *parent)
    : QDialog(parent),
      m_service(service),
      m_model(new HistoryModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_search(new QLineEdit(this)),
      m_view(new QTableView(this)),
      m_summary(new QLabel(this)),
      m_copy(new QPushButton(tr("&Copy Link"), this)),
      m_open(new QPushButton(tr("&Open Link"), this)),
      m_delete(new QPushButton(tr("&Delete…"), this)),
      m_export(new QPushButton(tr("&Export CSV…"), this))
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("Upload History"));

    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search by name, link or folder"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the history"));
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(&m_searchTimer, &QTimer::timeout, this, &HistoryDialog::refresh);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryModel::SortRole);
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryModel::TimeColumn, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setColumnWidth(HistoryModel::TimeColumn, 150);
    m_view->setColumnWidth(HistoryModel::NameColumn, 200);
    m_view->setColumnWidth(HistoryModel::SizeColumn, 80);
    m_view->setColumnWidth(HistoryModel::ProfileColumn, 120);
    m_view->setColumnWidth(HistoryModel::SessionColumn, 130);
    m_view->setAccessibleName(tr("Stored files"));
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryDialog::updateActions);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &HistoryDialog::openLinks);

    m_copy->setObjectName(QStringLiteral("historyCopy"));
    m_copy->setIcon(MimeIcons::themed(QStringLiteral("edit-copy"), QStringLiteral("copy")));
    m_open->setObjectName(QStringLiteral("historyOpen"));
    m_open->setIcon(
            MimeIcons::themed(QStringLiteral("internet-web-browser"), QStringLiteral("link")));
    m_delete->setObjectName(QStringLiteral("historyDelete"));
    m_delete->setIcon(MimeIcons::themed(QStringLiteral("edit-delete"), QStringLiteral("remove")));
    m_delete->setToolTip(tr("Forget the selected entries; the stored files stay online"));
    m_export->setObjectName(QStringLiteral("historyExport"));
    m_export->setToolTip(tr("Save the entries shown to a CSV file"));
    for (QPushButton *button : { m_copy, m_open, m_delete, m_export })
        button->setAutoDefault(false);
    connect(m_copy, &QPushButton::clicked, this, &HistoryDialog::copyLinks);
    connect(m_open, &QPushButton::clicked, this, &HistoryDialog::openLinks);
    connect(m_delete, &QPushButton::clicked, this, &HistoryDialog::deleteSelected);
    connect(m_export, &QPushButton::clicked, this, &HistoryDialog::exportCsv);

    // Keys on the table: Ctrl+C copies links, Delete forgets, as in the queue.
    auto *copyAction = new QAction(this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &HistoryDialog::copyLinks);
    auto *deleteAction = new QAction(this);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(deleteAction, &QAction::triggered, this, &HistoryDialog::deleteSelected);
    m_view->addActions({ copyAction, deleteAction });

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_open);
    buttons->addWidget(m_delete);
    buttons->addSpacing(12);
    buttons->addWidget(m_export);
    buttons->addStretch();
    buttons->addWidget(m_summary);
    buttons->addSpacing(12);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_service, &Typebot::UploadService::historyLoaded, this,
            &HistoryDialog::handleHistoryLoaded);
    connect(m_service, &Typebot::UploadService::historyChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    resize(980, 480);
    updateActions();
}

void HistoryDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    refresh();
}

void HistoryDialog::refresh()
{
    m_searchTimer.stop();
    m_service->requestHistory(m_search->text().trimmed(), MaxEntries);
}

void HistoryDialog::handleHistoryLoaded(const QList<HistoryEntry> &entries)
{
    // Keep the selection across a refresh: rows are known by their entry id.
    QSet<quint64> selected;
    for (const HistoryEntry &entry : selectedEntries())
        selected.insert(entry.id);
    const quint64 current = m_view->currentIndex().data(HistoryModel::IdRole).toULongLong();

    QSet<QString> unavailable;
    if (m_unavailableLinks) {
        QStringList links;
        for (const HistoryEntry &entry : entries)
            links << entry.fileUrl;
        unavailable = m_unavailableLinks(links);
    }
    m_model->setEntries(entries, unavailable);

    QItemSelection selection;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const quint64 id = index.data(HistoryModel::IdRole).toULongLong();
        if (selected.contains(id))
            selection.select(index, m_proxy->index(row, HistoryModel::ColumnCount - 1));
        if (id == current)
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);

    if (m_search->text().trimmed().isEmpty())
        m_summary->setText(tr("%n stored file(s)", nullptr, int(entries.size())));
    else
        m_summary->setText(tr("%n match(es)", nullptr, int(entries.size())));
    updateActions();
}

QList<HistoryEntry> HistoryDialog::selectedEntries() const
{
    QList<HistoryEntry> entries;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &index : std::as_const(rows))
        entries << m_model->entryAt(m_proxy->mapToSource(index).row());
    return entries;
}

void HistoryDialog::updateActions()
{
    bool anyLink = false;
    bool anyWebLink = false;
    const QList<HistoryEntry> entries = selectedEntries();
    for (const HistoryEntry &entry : entries) {
        anyLink = anyLink || !entry.fileUrl.isEmpty();
        anyWebLink = anyWebLink || isWebUrl(entry.fileUrl);
    }
    m_copy->setEnabled(anyLink);
    m_open->setEnabled(anyWebLink);
    m_delete->setEnabled(!entries.isEmpty());
    m_export->setEnabled(m_model->rowCount() > 0);
}

void HistoryDialog::copyLinks()
{
    QStringList links;
    for (const HistoryEntry &entry : selectedEntries()) {
        if (!entry.fileUrl.isEmpty())
            links << entry.fileUrl;
    }
    if (!links.isEmpty())
        QApplication::clipboard()->setText(links.join(u'\n'));
}

void HistoryDialog::openLinks()
{
    int opened = 0;
    for (const HistoryEntry &entry : selectedEntries()) {
        if (opened >= MaxLinksOpenedAtOnce)
            break;
        if (!isWebUrl(entry.fileUrl))
            continue;
        QDesktopServices::openUrl(QUrl(entry.fileUrl));
        ++opened;
    }
}

void HistoryDialog::deleteSelected()
{
    const QList<HistoryEntry> entries = selectedEntries();
    if (entries.isEmpty())
        return;
    const QString question = entries.size() == 1
            ? tr("Forget “%1” and its link?").arg(entries.constFirst().name)
            : tr("Forget these %n files and their links?", nullptr, int(entries.size()));
    QMessageBox box(QMessageBox::Question, tr("Delete from History"), question,
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("The files stay stored online; only this record of them is "
                              "removed. This cannot be undone."));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(qobject_cast<QPushButton *>(box.buttons().constLast()));
    box.exec();
    if (box.clickedButton() != remove)
        return;
    QList<quint64> ids;
    for (const HistoryEntry &entry : entries)
        ids << entry.id;
    removeEntries(ids);
}

void HistoryDialog::removeEntries(const QList<quint64> &ids)
{
    if (!ids.isEmpty())
        m_service->removeHistory(ids); // historyChanged() refreshes the table
}

void HistoryDialog::exportCsv()
{
    QSettings settings;
    const QString dir =
            settings.value(QStringLiteral("ui/lastExportFolder"),
                           QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .toString();
    const QString fileName = QFileDialog::getSaveFileName(
            this, tr("Export History"), QDir(dir).filePath(QStringLiteral("typebot-uploads.csv")),
            tr("CSV files (*.csv);;All files (*)"));
    if (fileName.isEmpty())
        return;
    settings.setValue(QStringLiteral("ui/lastExportFolder"), QFileInfo(fileName).absolutePath());
    QString error;
    if (!exportCsvTo(fileName, &error))
        QMessageBox::warning(this, tr("Export History"),
                             tr("The history could not be saved to %1: %2")
                                     .arg(QDir::toNativeSeparators(fileName), error));
}

bool HistoryDialog::exportCsvTo(const QString &fileName, QString *error) const
{
    // In the order shown, so the file matches what the user sees.
    QList<HistoryEntry> entries;
    entries.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        HistoryEntry entry = m_model->entryAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        entry.profile = Profile::displayNameOfRecorded(entry.profile); // as shown, not "@sandbox"
        entries << entry;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(HistoryEntry::toCsv(entries)) < 0
        || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}
