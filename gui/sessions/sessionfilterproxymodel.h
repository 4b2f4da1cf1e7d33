#ifndef REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H
#define REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H

#include <QtCore/QSortFilterProxyModel>

namespace RediStore::Admin {

class SessionTableModel;

// Filters the session browser by ID and by value text. Sorting is passed on to
// SessionTableModel, which sorts its compact rows far faster than a proxy could; this proxy
// keeps the source's order.
//
// A filter change re-filters every row in one pass (invalidate()): QSortFilterProxyModel's
// incremental path removes hidden rows interval by interval, which takes minutes on a million
// rows. So does the start of a value search (or a new text). Its verdicts then arrive as
// dataChanged() of ValueMatchRole, the filter role, and only those rows are filtered again.
class SessionFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SessionFilterProxyModel(QObject *parent = nullptr);

    void setSessionModel(SessionTableModel *model);
    SessionTableModel *sessionModel() const { return m_model; }

    // Rows whose ID contains text (ignoring case).
    void setIdFilter(const QString &text);
    QString idFilter() const { return m_idFilter; }
    // Rows whose values contain text: starts the source model's value search, and shows the
    // sessions found so far.
    void setValueFilter(const QString &text);
    QString valueFilter() const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void onValueSearchProgress();

    SessionTableModel *m_model = nullptr;
    QString m_idFilter;
    QByteArray m_idFilterUtf8;
    bool m_idFilterAscii = true;
    bool m_valueFilterActive = false;
    QString m_appliedValueFilter;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H
