#include "sessions/sessionfilterproxymodel.h"

#include "sessions/sessiontablemodel.h"

#include <algorithm>
#include <numeric>

namespace RediStore::Admin {

SessionFilterProxyModel::SessionFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void SessionFilterProxyModel::setSessionModel(SessionTableModel *model)
{
    if (model == m_model)
        return; // (disconnecting would also cut the base class's own connections)
    beginResetModel();
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    QAbstractProxyModel::setSourceModel(model);
    m_valueFilterActive = model && !model->valueFilter().isEmpty();
    m_appliedValueFilter = model ? model->valueFilter() : QString();
    m_filtering = !m_idFilter.isEmpty() || m_valueFilterActive;
    if (model) {
        using Model = QAbstractItemModel;
        connect(model, &Model::rowsAboutToBeInserted, this,
                &SessionFilterProxyModel::onRowsAboutToBeInserted);
        connect(model, &Model::rowsInserted, this, &SessionFilterProxyModel::onRowsInserted);
        connect(model, &Model::rowsAboutToBeRemoved, this,
                &SessionFilterProxyModel::onRowsAboutToBeRemoved);
        connect(model, &Model::rowsRemoved, this, &SessionFilterProxyModel::onRowsRemoved);
        connect(model, &Model::dataChanged, this, &SessionFilterProxyModel::onDataChanged);
        connect(model, &Model::layoutAboutToBeChanged, this,
                &SessionFilterProxyModel::onLayoutAboutToBeChanged);
        connect(model, &Model::layoutChanged, this, &SessionFilterProxyModel::onLayoutChanged);
        connect(model, &Model::modelAboutToBeReset, this, [this]() { beginResetModel(); });
        connect(model, &Model::modelReset, this, [this]() {
            findShownRows();
            endResetModel();
        });
        connect(model, &Model::headerDataChanged, this, &Model::headerDataChanged);
        connect(model, &SessionTableModel::valueSearchStateChanged, this,
                &SessionFilterProxyModel::onValueSearchProgress);
    }
    findShownRows();
    endResetModel();
}

void SessionFilterProxyModel::onValueSearchProgress()
{
    const bool active = !m_model->valueFilter().isEmpty();
    if (active != m_valueFilterActive) { // started, stopped, or reset with the admin
        m_valueFilterActive = active;
        m_appliedValueFilter = m_model->valueFilter();
        refilter();
        return;
    }
    if (!active)
        return;
    // A new text while searching resets every verdict without a signal per row.
    if (m_model->valueFilter() != m_appliedValueFilter) {
        m_appliedValueFilter = m_model->valueFilter();
        refilter();
    }
}

void SessionFilterProxyModel::setIdFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_idFilter)
        return;
    m_idFilter = trimmed;
    m_idNeedle = IdNeedle(trimmed);
    refilter();
}

void SessionFilterProxyModel::setValueFilter(const QString &text)
{
    if (!m_model || text.trimmed() == m_model->valueFilter())
        return;
    m_model->setValueFilter(text); // re-filtered in onValueSearchProgress()
}

QString SessionFilterProxyModel::valueFilter() const
{
    return m_model ? m_model->valueFilter() : QString();
}

QModelIndex SessionFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex SessionFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int SessionFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_model)
        return 0;
    return m_filtering ? int(m_rows.size()) : m_model->rowCount();
}

int SessionFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool SessionFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QVariant SessionFilterProxyModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (!m_model)
        return {};
    if (orientation == Qt::Vertical && m_filtering) {
        if (section < 0 || size_t(section) >= m_rows.size())
            return {};
        section = m_rows[size_t(section)];
    }
    return m_model->headerData(section, orientation, role);
}

QModelIndex SessionFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    int row = proxyIndex.row();
    if (m_filtering) {
        if (size_t(row) >= m_rows.size())
            return {};
        row = m_rows[size_t(row)];
    }
    return m_model->index(row, proxyIndex.column());
}

QModelIndex SessionFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    int row = sourceIndex.row();
    if (m_filtering) {
        row = lowerBound(sourceIndex.row());
        if (size_t(row) >= m_rows.size() || m_rows[size_t(row)] != sourceIndex.row())
            return {};
    }
    return index(row, sourceIndex.column());
}

void SessionFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
}

bool SessionFilterProxyModel::accepts(int sourceRow) const
{
    if (!m_idFilter.isEmpty() && !m_model->idContains(sourceRow, m_idNeedle))
        return false;
    return !m_valueFilterActive || m_model->valueMatch(sourceRow) == ValueMatch::Yes;
}

void SessionFilterProxyModel::findShownRows()
{
    m_rows = m_filtering && m_model ? m_model->rowsMatching(m_idNeedle, m_valueFilterActive)
                                    : std::vector<int>(); // no filter: nothing kept
}

int SessionFilterProxyModel::lowerBound(int sourceRow) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), sourceRow) - m_rows.cbegin());
}

void SessionFilterProxyModel::refilter()
{
    if (!m_model) {
        m_filtering = !m_idFilter.isEmpty() || m_valueFilterActive;
        return;
    }
    onLayoutAboutToBeChanged();
    m_filtering = !m_idFilter.isEmpty() || m_valueFilterActive;
    onLayoutChanged();
}

void SessionFilterProxyModel::onLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_layoutFrom = persistentIndexList();
    m_layoutSources.clear();
    m_layoutSources.reserve(m_layoutFrom.size());
    for (const QModelIndex &index : std::as_const(m_layoutFrom))
        m_layoutSources.append(QPersistentModelIndex(mapToSource(index)));
}

void SessionFilterProxyModel::onLayoutChanged()
{
    // Source rows moved, or the filter changed: the shown rows are found again.
    findShownRows();
    QModelIndexList to;
    to.reserve(m_layoutFrom.size());
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSources))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_layoutFrom, to);
    m_layoutFrom.clear();
    m_layoutSources.clear();
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SessionFilterProxyModel::onRowsAboutToBeInserted(const QModelIndex &parent, int first,
                                                      int last)
{
    if (!parent.isValid() && !m_filtering)
        beginInsertRows({}, first, last);
}

void SessionFilterProxyModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (!m_filtering) {
        endInsertRows();
        return;
    }
    const int count = last - first + 1;
    const int at = lowerBound(first);
    for (size_t i = size_t(at); i < m_rows.size(); ++i)
        m_rows[i] += count;
    std::vector<int> shown;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            shown.push_back(row);
    }
    if (shown.empty())
        return;
    beginInsertRows({}, at, at + int(shown.size()) - 1);
    m_rows.insert(m_rows.begin() + at, shown.cbegin(), shown.cend());
    endInsertRows();
}

void SessionFilterProxyModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (!m_filtering) {
        beginRemoveRows({}, first, last);
        return;
    }
    m_removingFrom = lowerBound(first);
    m_removingTo = lowerBound(last + 1);
    if (m_removingTo > m_removingFrom)
        beginRemoveRows({}, m_removingFrom, m_removingTo - 1);
}

void SessionFilterProxyModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (!m_filtering) {
        endRemoveRows();
        return;
    }
    const int count = last - first + 1;
    const bool removing = m_removingTo > m_removingFrom;
    m_rows.erase(m_rows.begin() + m_removingFrom, m_rows.begin() + m_removingTo);
    for (size_t i = size_t(m_removingFrom); i < m_rows.size(); ++i)
        m_rows[i] -= count;
    m_removingFrom = m_removingTo = -1;
    if (removing)
        endRemoveRows();
}

void SessionFilterProxyModel::onDataChanged(const QModelIndex &topLeft,
                                            const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    if (!m_filtering) {
        Q_EMIT dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()),
                           roles);
        return;
    }
    if (roles.isEmpty() || roles.contains(SessionTableModel::ValueMatchRole))
        filterAgain(first, last);
    const int from = lowerBound(first);
    const int to = lowerBound(last + 1);
    if (to > from)
        Q_EMIT dataChanged(index(from, topLeft.column()), index(to - 1, bottomRight.column()),
                           roles);
}

void SessionFilterProxyModel::filterAgain(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const int at = lowerBound(row);
        const bool shown = size_t(at) < m_rows.size() && m_rows[size_t(at)] == row;
        if (shown == accepts(row))
            continue;
        // A run of neighbouring rows that all change the same way: one signal for them.
        int end = row;
        if (shown) {
            while (end < last && size_t(at + end - row + 1) < m_rows.size()
                   && m_rows[size_t(at + end - row + 1)] == end + 1 && !accepts(end + 1))
                ++end;
            beginRemoveRows({}, at, at + end - row);
            m_rows.erase(m_rows.begin() + at, m_rows.begin() + at + (end - row + 1));
            endRemoveRows();
        } else {
            while (end < last && (size_t(at) >= m_rows.size() || m_rows[size_t(at)] != end + 1)
                   && accepts(end + 1))
                ++end;
            beginInsertRows({}, at, at + end - row);
            std::vector<int> added(size_t(end - row + 1));
            std::iota(added.begin(), added.end(), row);
            m_rows.insert(m_rows.begin() + at, added.cbegin(), added.cend());
            endInsertRows();
        }
        row = end;
    }
}

} // namespace RediStore::Admin
