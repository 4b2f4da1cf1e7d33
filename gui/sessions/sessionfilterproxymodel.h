#ifndef REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H
#define REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H

#include "sessions/idneedle.h"

#include <QtCore/QAbstractProxyModel>
#include <QtCore/QList>
#include <QtCore/QPersistentModelIndex>
#include <QtCore/QPointer>

#include <vector>

namespace RediStore::Admin {

class SessionTableModel;

// Filters the session browser by ID and by value text. Sorting is passed on to
// SessionTableModel, which sorts its compact rows far faster than a proxy could; this proxy
// keeps the source's order.
//
// Without a filter it maps each row to itself and holds nothing per row: no mapping to
// allocate and rebuild after every sort of a million rows (QSortFilterProxyModel's costs two
// lists of a million entries and a filterAcceptsRow() call per row at each layout change).
// With a filter it keeps the shown rows' source rows in ascending order.
//
// A filter change re-filters every row in one pass, as one layout change. So does the start
// of a value search (or a new text). Its verdicts then arrive as dataChanged() of
// ValueMatchRole, and only those rows are filtered again.
class SessionFilterProxyModel : public QAbstractProxyModel
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

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    // The source's titles, also while no row is shown.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    bool isFiltering() const { return m_filtering; }
    bool accepts(int sourceRow) const;
    // The place in m_rows of the first shown row at or after sourceRow.
    int lowerBound(int sourceRow) const;
    // m_rows from every row (empty without a filter).
    void findShownRows();
    // Filters every row again, as one layout change.
    void refilter();
    void onValueSearchProgress();

    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();
    // Shows or hides the source rows of [first, last] whose verdict changed.
    void filterAgain(int first, int last);

    // Null once the source is deleted (before this proxy, as a window's children go).
    QPointer<SessionTableModel> m_model;
    QString m_idFilter;
    IdNeedle m_idNeedle;
    bool m_valueFilterActive = false;
    QString m_appliedValueFilter;
    bool m_filtering = false;
    std::vector<int> m_rows; // the shown rows' source rows, ascending (when filtering)
    // Between a source's removal's two signals: the shown rows it takes.
    int m_removingFrom = -1;
    int m_removingTo = -1;
    // Across a source's layout change: the persistent indexes, and their source rows.
    QModelIndexList m_layoutFrom;
    QList<QPersistentModelIndex> m_layoutSources;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONFILTERPROXYMODEL_H
