#ifndef REDISTORE_ADMIN_SESSIONTABLEMODEL_H
#define REDISTORE_ADMIN_SESSIONTABLEMODEL_H

#include "sessions/sessionrows.h"

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <vector>

namespace RediStore::Admin {

class IdNeedle;
class PreviewCache;
class SessionProber;
class SessionScanner;
class ValueSearch;

// The sessions of one Redis, one row each: ID, TTL (computed when painted, so it counts down
// without touching the rows), size and a preview of the values (loaded for painted rows only).
//
// Rows arrive by incremental SCAN: fetchMore() asks for the next page, and with scanToEnd the
// pages keep coming in the background, one per turn of the event loop. Sorting happens here
// on the compact rows (a proxy would call data() millions of times); new rows are merged in
// with one layout change per batch. Several rows leave with one layout change and one removal.
// With scanToEnd the whole walk runs with several pages in flight, and the rows of the pages
// that arrive meanwhile are inserted together, at most every 100 ms.
class SessionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, TtlColumn, SizeColumn, ValuesColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        TtlRole, // qint64 ms left, -1 no expiry
        SizeRole, // qint64 bytes
        ValueMatchRole, // int(ValueMatch)
    };

    explicit SessionTableModel(QObject *parent = nullptr);
    ~SessionTableModel() override;

    // Forgets every row and starts over with admin (null: empty).
    void setAdmin(SessionAdmin *admin);
    SessionAdmin *admin() const { return m_admin; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Column -1 (or the values column): the order of the scan.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Keep scanning until every session is listed (default on).
    void setScanToEnd(bool enabled);
    bool scanToEnd() const { return m_scanToEnd; }
    void setPageSize(int keys) { m_pageSize = qMax(10, keys); }
    bool isScanning() const;
    bool isScanComplete() const;
    // Scans again from the start: updates rows, adds new sessions, drops the ones gone.
    void refresh();
    // Resumes a scan that stopped on an error.
    void retry();

    // Re-reads the TTL and size of these sessions (adds them when new, drops them when gone).
    void touchSessions(const QStringList &ids);
    void removeSessions(const QStringList &ids);

    QString sessionId(int row) const;
    // Fast checks for filtering a million rows (no QString, no QVariant per row).
    bool idContains(int row, const IdNeedle &needle) const;
    // The rows, ascending, whose ID holds the needle (every ID when it is empty) and, with
    // found, whose value search verdict is ValueMatch::Yes. Several times faster than asking
    // row by row with a million rows: the rows are read in the order they lie in memory.
    std::vector<int> rowsMatching(const IdNeedle &needle, bool found) const;
    ValueMatch valueMatch(int row) const { return m_rows.at(row).match(); }
    int rowOf(const QString &id) const;
    qint64 ttlMs(int row) const;
    qint64 now() const { return m_clock.elapsed(); }

    // Searches the values of every session for text (empty: no search). Rows get ValueMatch
    // verdicts as the search proceeds; see SessionFilterProxyModel.
    void setValueFilter(const QString &text);
    QString valueFilter() const { return m_valueFilter; }
    bool isValueSearchRunning() const;
    qint64 valueSearchChecked() const;

    PreviewCache *previewCache() const { return m_previews; }
    qint64 memoryEstimate() const { return m_rows.memoryEstimate(); }

Q_SIGNALS:
    void scanStateChanged();
    void scanFailed(const RediStore::SessionError &error);
    void valueSearchStateChanged();
    // Sessions that changed in Redis (after touchSessions) or are gone from it.
    void sessionsTouched(const QStringList &ids);
    void sessionsRemoved(const QStringList &ids);
    // The scan's pages as they arrive (for statistics "from the same scan"), and that the
    // listing starts over (new admin, refresh, a cluster's masters changed): what the pages
    // gave before may be gone, and the next pages may repeat it.
    void sessionsListed(const QList<RediStore::SessionInfo> &sessions);
    void listingRestarted();

private:
    using NewRow = SessionRows::NewRow;

    void reserveForDatabase(); // before a whole walk
    void onPage(const QList<SessionInfo> &sessions);
    void flushPending(); // every pending row at once
    void insertPendingBatch();
    qsizetype insertBatchSize() const;
    void onScanFinished();
    void finishScan(); // once the last rows are in
    // A walk over the keys starts (refresh, or a cluster's masters changed): no row is seen yet.
    void startWalk();
    void setSeen(int slot, bool seen = true);
    bool isSeen(int slot) const;
    bool updateSlot(int slot, qint64 deadline, qint64 size, bool valueChanged);
    void appendRows(QList<NewRow> rows);
    void removeSlots(const QList<int> &slots);
    void relayout(const std::function<void()> &change);
    // The sort column's order (ties are left to SessionRows), and whether it is reversed.
    SessionRows::Compare compare() const;
    bool isDescending() const;
    void markDirty(int slot);
    void resort();
    void onProbed(const QList<SessionInfo> &sessions);
    void onVerdicts(const QList<int> &slots);
    qint64 remaining(const SessionRow &row) const;

    QPointer<SessionAdmin> m_admin;
    SessionRows m_rows;
    QElapsedTimer m_clock;
    SessionScanner *m_scanner;
    SessionProber *m_prober;
    PreviewCache *m_previews;
    ValueSearch *m_search;
    std::vector<bool> m_seen; // by slot: seen by this walk (rows not seen are probed at its end)
    quint64 m_token = 0; // changes with the admin, to drop replies meant for the old one
    QByteArray m_keyPrefix; // the admin's, in UTF-8
    bool m_scanToEnd = true;
    bool m_scanError = false;
    int m_pageSize = 1000;
    QTimer m_nextPageTimer;
    // New rows of the pages that came since the last insertion: pages arrive faster than the
    // views can take one insertion each, so they go in together.
    QList<NewRow> m_pending;
    QSet<QByteArray> m_pendingIds;
    QTimer m_pendingTimer;
    bool m_scanFinishing = false; // the scan is done; its last rows are going in

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_sortedCount = 0; // rows [0, m_sortedCount) are in order
    qint64 m_insertNsPerRow = 0; // what inserting a row took lately (insertBatchSize())
    QSet<int> m_dirtySlots; // sorted rows whose sort key changed
    QTimer m_resortTimer;

    QString m_valueFilter;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONTABLEMODEL_H
