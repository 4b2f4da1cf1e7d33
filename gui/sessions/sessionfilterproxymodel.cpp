#include "sessions/sessionfilterproxymodel.h"

#include "sessions/sessiontablemodel.h"

namespace RediStore::Admin {

SessionFilterProxyModel::SessionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // The value search's verdicts come as dataChanged() of this role: the proxy re-filters
    // just those rows.
    setFilterRole(SessionTableModel::ValueMatchRole);
}

void SessionFilterProxyModel::setSessionModel(SessionTableModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    setSourceModel(model);
    if (model)
        connect(model, &SessionTableModel::valueSearchStateChanged, this,
                &SessionFilterProxyModel::onValueSearchProgress);
}

void SessionFilterProxyModel::onValueSearchProgress()
{
    const bool active = !m_model->valueFilter().isEmpty();
    if (active != m_valueFilterActive) { // started, stopped, or reset with the admin
        m_valueFilterActive = active;
        m_appliedValueFilter = m_model->valueFilter();
        invalidate();
        return;
    }
    if (!active)
        return;
    // A new text while searching resets every verdict without a signal per row.
    if (m_model->valueFilter() != m_appliedValueFilter) {
        m_appliedValueFilter = m_model->valueFilter();
        invalidate();
    }
}

void SessionFilterProxyModel::setIdFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_idFilter)
        return;
    m_idFilter = trimmed;
    m_idFilterUtf8 = trimmed.toUtf8();
    m_idFilterAscii = true;
    for (const char c : std::as_const(m_idFilterUtf8))
        m_idFilterAscii = m_idFilterAscii && uchar(c) < 0x80;
    invalidate();
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

void SessionFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
}

bool SessionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    if (!m_idFilter.isEmpty() && !m_model->idContains(sourceRow, m_idFilterUtf8, m_idFilterAscii))
        return false;
    return !m_valueFilterActive || m_model->valueMatch(sourceRow) == ValueMatch::Yes;
}

} // namespace RediStore::Admin
