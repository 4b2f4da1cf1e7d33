#include "sessionfilterproxymodel.h"

#include "sessiontablemodel.h"

namespace RediStore::Admin {

SessionFilterProxyModel::SessionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // Verdicts of the value search arrive as changes of this role: re-filter on them.
    setFilterRole(SessionTableModel::ValueMatchRole);
}

void SessionFilterProxyModel::setSessionModel(SessionTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void SessionFilterProxyModel::setIdFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_idFilter)
        return;
    m_idFilter = trimmed;
    invalidateRowsFilter();
}

void SessionFilterProxyModel::setValueFilter(const QString &text)
{
    if (!m_model || text.trimmed() == m_model->valueFilter())
        return;
    m_model->setValueFilter(text);
    invalidateRowsFilter();
}

QString SessionFilterProxyModel::valueFilter() const
{
    return m_model ? m_model->valueFilter() : QString();
}

void SessionFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
}

bool SessionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    if (!m_idFilter.isEmpty()
        && !m_model->sessionId(sourceRow).contains(m_idFilter, Qt::CaseInsensitive))
        return false;
    if (!m_model->valueFilter().isEmpty()) {
        const QModelIndex index = m_model->index(sourceRow, SessionTableModel::IdColumn);
        return index.data(SessionTableModel::ValueMatchRole).toInt() == int(ValueMatch::Yes);
    }
    return true;
}

} // namespace RediStore::Admin
