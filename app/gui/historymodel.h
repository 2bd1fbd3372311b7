// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/historyentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

// The upload history as a table: one row per stored file, newest first, as the engine's
// database answered it. Read-only; the history view asks the service for new rows.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column {
        TimeColumn,
        NameColumn,
        SizeColumn,
        ProfileColumn,
        SessionColumn,
        LinkColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole, // quint64: the history entry's id
        UrlRole, // QString: the stored file's link
        SortRole, // raw value for sorting
    };

    explicit HistoryModel(QObject *parent = nullptr);

    // `unavailableLinks`: links known not to work any more (the built-in sandbox's, once
    // its storage or address changed); they show as such instead of as plain links.
    void setEntries(const QList<Typebot::HistoryEntry> &entries,
                    const QSet<QString> &unavailableLinks = {});
    bool isUnavailable(int row) const;
    const QList<Typebot::HistoryEntry> &entries() const { return m_entries; }
    Typebot::HistoryEntry entryAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Typebot::HistoryEntry> m_entries;
    QSet<QString> m_unavailable;
};
