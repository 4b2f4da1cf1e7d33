#ifndef REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H
#define REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H

#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QTimer>

namespace RediStore::Admin {

class SessionTableModel;

// Filters the session browser by ID and by value text. Sorting is passed on to
// SessionTableModel, which sorts its compact rows far faster than a proxy could; this proxy
// keeps the source's order.
//
// A filter change re-filters every row in one pass (invalidate()): QSortFilterProxyModel's
// incremental path removes hidden rows interval by interval, which takes minutes on a million
// rows. The value search's verdicts are applied the same way, in batches (at most once a second
// on big lists) and once more when the search is done, each time only when some row became a
// match or stopped being one since.
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
    void refilterValues(); // when the matches changed since the last time

    SessionTableModel *m_model = nullptr;
    QString m_idFilter;
    QByteArray m_idFilterUtf8;
    bool m_idFilterAscii = true;
    bool m_valueFilterActive = false;
    QTimer m_refilter;
    quint64 m_appliedMatchChanges = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H
