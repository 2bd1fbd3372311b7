// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/historyentry.h"

#include <QDialog>
#include <QSet>
#include <QTimer>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

class HistoryModel;

namespace Typebot {
class UploadService;
}

// Every file ever stored, with its link, kept after the queue row is cleared: search it,
// copy or open a link, forget entries, export them as CSV. Asks UploadService for rows
// and refreshes when the history changes.
class HistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDialog)

public:
    static constexpr int SearchDelayMs = 200;
    static constexpr int MaxEntries = 5000;

    explicit HistoryDialog(Typebot::UploadService *service, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }

    // Asks for the rows matching the search box now.
    void refresh();
    // Which of the given links no longer work (the built-in sandbox's, after its storage
    // or address changed); asked at each refresh.
    using UnavailableLinks = std::function<QSet<QString>(const QStringList &fileUrls)>;
    void setUnavailableLinks(UnavailableLinks check) { m_unavailableLinks = std::move(check); }
    QList<Typebot::HistoryEntry> selectedEntries() const;
    void copyLinks();
    void openLinks();
    // Asks before forgetting the selected entries.
    void deleteSelected();
    void removeEntries(const QList<quint64> &ids);
    // Asks where, then writes the entries shown.
    void exportCsv();
    bool exportCsvTo(const QString &fileName, QString *error) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void handleHistoryLoaded(const QList<Typebot::HistoryEntry> &entries);
    void updateActions();

    Typebot::UploadService *m_service;
    HistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_copy;
    QPushButton *m_open;
    QPushButton *m_delete;
    QPushButton *m_export;
    QTimer m_searchTimer;
    UnavailableLinks m_unavailableLinks;
};
