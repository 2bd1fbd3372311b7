// SPDX-License-Identifier: GPL-3.0-or-later
#include "historymodel.h"

#include "diagnostics/humanformat.h"
#include "localsandbox.h"
#include "profile.h"
#include "system/nativepath.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

using Typebot::HistoryEntry;

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) { }

void HistoryModel::setEntries(const QList<HistoryEntry> &entries,
                              const QSet<QString> &unavailableLinks)
{
    beginResetModel();
    m_entries = entries;
    m_unavailable = unavailableLinks;
    endResetModel();
}

bool HistoryModel::isUnavailable(int row) const
{
    return row >= 0 && row < m_entries.size() && m_unavailable.contains(m_entries.at(row).fileUrl);
}

HistoryEntry HistoryModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : HistoryEntry();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &entry = m_entries.at(index.row());
    switch (role) {
    case IdRole:
        return entry.id;
    case UrlRole:
        return entry.fileUrl;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(entry.storedAt.toLocalTime(), QLocale::ShortFormat);
        case NameColumn:
            return entry.name;
        case SizeColumn:
            return Typebot::HumanFormat::bytes(entry.size);
        case ProfileColumn:
            return Profile::displayNameOfRecorded(entry.profile);
        case SessionColumn:
            return entry.sessionId;
        case LinkColumn:
            return m_unavailable.contains(entry.fileUrl) ? tr("No longer available")
                                                         : entry.fileUrl;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == LinkColumn && m_unavailable.contains(entry.fileUrl))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return entry.storedAt;
        case SizeColumn:
            return entry.size;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(entry.storedAt.toLocalTime(), QLocale::LongFormat);
        case NameColumn:
            return Typebot::NativePath::readable(entry.path); // a name may not be UTF-8
        case SizeColumn:
            return tr("%L1 bytes").arg(entry.size);
        case LinkColumn:
            return m_unavailable.contains(entry.fileUrl)
                    ? LocalSandbox::unavailableLinkText() + QStringLiteral("\n") + entry.fileUrl
                    : entry.fileUrl;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Stored");
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ProfileColumn:
        return tr("Profile");
    case SessionColumn:
        return tr("Session");
    case LinkColumn:
        return tr("Link");
    default:
        return {};
    }
}
