#include "sessions/sessiontablemodel.h"

#include "common/displayformat.h"
#include "sessions/idneedle.h"
#include "sessions/previewcache.h"
#include "sessions/sessionprober.h"
#include "sessions/sessionscanner.h"
#include "sessions/valuesearch.h"

#include <libredistore/async.h>

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtGui/QColor>
#include <QtGui/QFontDatabase>

#include <algorithm>
#include <limits>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace RediStore::Admin {

namespace {
constexpr int firstPageSize = 200; // small, so that the first rows show at once
constexpr qint64 ttlTolerance = 1500; // ms of PTTL jitter that is not a change
constexpr int insertInterval = 100; // ms between insertions of rows while scanning
// Rows inserted in one turn of the event loop: as many as take about insertBudgetNs, from
// what the last batches took. Each insertion costs the views a layout and a repaint (a few ms
// with a million rows), so batches are big, but short enough to leave the event loop running.
constexpr qint64 insertBudgetNs = 10 * 1000 * 1000;
constexpr qsizetype minInsertBatch = 1024;
constexpr qsizetype maxInsertBatch = 32768;
constexpr qint64 maxReservedRows = 4 * 1024 * 1024; // 32 MiB of index

// A row's TTL as it sorts: the deadline, and no expiry after every deadline.
qint64 ttlKey(const SessionRow &row)
{
    const qint64 units = row.deadlineUnits();
    return units < 0 ? std::numeric_limits<qint64>::max() : units;
}

} // namespace

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_scanner(new SessionScanner(this))
    , m_prober(new SessionProber(this))
    , m_previews(new PreviewCache(this))
    , m_search(new ValueSearch(&m_rows, this))
{
    m_clock.start();
    // Rows stay and are updated when the new pass sees them again; the ones it does not see are
    // checked when it ends, as after refresh().
    connect(m_scanner, &SessionScanner::restarted, this, &SessionTableModel::startWalk);
    connect(m_scanner, &SessionScanner::pageReady, this, &SessionTableModel::onPage);
    connect(m_scanner, &SessionScanner::finished, this, &SessionTableModel::onScanFinished);
    connect(m_scanner, &SessionScanner::restarted, this, &SessionTableModel::listingRestarted);
    connect(m_scanner, &SessionScanner::pageReady, this, &SessionTableModel::sessionsListed);
    connect(m_scanner, &SessionScanner::failed, this, [this](const SessionError &error) {
        m_scanError = true;
        Q_EMIT scanFailed(error);
        Q_EMIT scanStateChanged();
    });
    connect(m_previews, &PreviewCache::ready, this, [this](const QByteArray &id) {
        const int row = m_rows.rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, ValuesColumn), index(row, ValuesColumn));
    });
    connect(m_prober, &SessionProber::probed, this, &SessionTableModel::onProbed);
    connect(m_search, &ValueSearch::verdictsChanged, this, &SessionTableModel::onVerdicts);
    connect(m_search, &ValueSearch::stateChanged, this,
            &SessionTableModel::valueSearchStateChanged);

    m_nextPageTimer.setSingleShot(true);
    m_nextPageTimer.setInterval(0);
    connect(&m_nextPageTimer, &QTimer::timeout, this, [this]() {
        if (m_scanToEnd)
            fetchMore(QModelIndex());
    });
    m_pendingTimer.setSingleShot(true);
    connect(&m_pendingTimer, &QTimer::timeout, this, &SessionTableModel::insertPendingBatch);
    m_resortTimer.setSingleShot(true);
    connect(&m_resortTimer, &QTimer::timeout, this, &SessionTableModel::resort);
}

SessionTableModel::~SessionTableModel() = default;

void SessionTableModel::setAdmin(SessionAdmin *admin)
{
    beginResetModel();
    ++m_token;
    m_admin = admin;
    m_keyPrefix = admin ? admin->keyPrefix().toUtf8() : QByteArray();
    m_rows.clear();
    m_pending.clear();
    m_pendingIds.clear();
    m_pendingTimer.stop();
    m_scanFinishing = false;
    m_dirtySlots.clear();
    m_seen = {};
    m_sortedCount = 0;
    m_scanError = false;
    m_scanner->setAdmin(admin);
    m_prober->setAdmin(admin);
    m_previews->setAdmin(admin);
    m_search->setAdmin(admin);
    m_valueFilter.clear();
    endResetModel();
    Q_EMIT listingRestarted();
    Q_EMIT scanStateChanged();
    Q_EMIT valueSearchStateChanged();
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.count();
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 SessionTableModel::remaining(const SessionRow &row) const
{
    const qint64 deadline = row.deadline();
    return deadline < 0 ? -1 : qMax(qint64(0), deadline - m_clock.elapsed());
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const SessionRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QString::fromUtf8(RowIdText(row).view());
        case TtlColumn:
            return DisplayFormat::ttl(remaining(row));
        case SizeColumn:
            if (row.isSizeClamped())
                return QString(QStringLiteral("\u2265 ") + DisplayFormat::size(row.size()));
            return DisplayFormat::size(row.size());
        case ValuesColumn:
            const QByteArray id = row.id();
            if (const PreviewCache::Preview *preview = m_previews->find(id))
                return preview->text;
            m_previews->request(id); // painted, so on screen: worth loading
            return tr("loading\u2026");
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ValuesColumn) {
            if (const PreviewCache::Preview *preview = m_previews->find(row.id()))
                return preview->toolTip;
        } else if (index.column() == TtlColumn && row.deadline() >= 0) {
            const QDateTime at = QDateTime::currentDateTime().addMSecs(remaining(row));
            return tr("Expires at %1").arg(QLocale().toString(at, QLocale::LongFormat));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == TtlColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    case Qt::ForegroundRole:
        if (index.column() == TtlColumn && row.deadline() >= 0) {
            const qint64 left = remaining(row);
            if (left == 0)
                return QColor(0x9e, 0x9e, 0x9e);
            if (left < 60 * 1000)
                return QColor(0xd3, 0x54, 0x00);
        } else if (index.column() == ValuesColumn) {
            const PreviewCache::Preview *preview = m_previews->find(row.id());
            if (!preview)
                return QColor(0x9e, 0x9e, 0x9e);
            if (!preview->decoded)
                return QColor(0xb7, 0x1c, 0x1c);
        }
        break;
    case Qt::FontRole:
        if (index.column() == IdColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    case IdRole:
        return QString::fromUtf8(RowIdText(row).view());
    case TtlRole:
        return remaining(row);
    case SizeRole:
        return qint64(row.size());
    case ValueMatchRole:
        return int(row.match());
    default:
        break;
    }
    return QVariant();
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Session ID");
        case TtlColumn:
            return tr("TTL");
        case SizeColumn:
            return tr("Size");
        case ValuesColumn:
            return tr("Values");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case TtlColumn:
            return tr("Time to live: when Redis deletes the session");
        case SizeColumn:
            return tr("Bytes stored in Redis");
        case ValuesColumn:
            return tr("The session's values, decoded");
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (section == TtlColumn || section == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    }
    return QVariant();
}

Qt::ItemFlags SessionTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

bool SessionTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_admin && !m_scanError && !m_scanner->isFinished();
}

void SessionTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_scanner->canFetch())
        return;
    const bool first = !m_scanner->hasStarted();
    if (first && m_scanToEnd) {
        // The whole walk, several pages in flight; rows are inserted in batches (appendRows).
        m_scanner->fetchAll(firstPageSize, qMax(m_pageSize, 1000));
        reserveForDatabase();
        Q_EMIT scanStateChanged();
        return;
    }
    // Bigger pages as the list grows: each page costs the views a pass over all rows.
    const int size = qBound(m_pageSize, m_rows.count() / 100, qMax(m_pageSize, 5000));
    m_scanner->fetch(first ? firstPageSize : size);
    if (first)
        Q_EMIT scanStateChanged();
}

void SessionTableModel::reserveForDatabase()
{
    // The keys of the database (sessions and others) are a fair guess of the rows to come:
    // room for them in the index before they come, so that it does not grow meanwhile. At most
    // maxReservedRows, for a database that holds much else.
    const quint64 token = m_token;
    whenFinished(m_admin->databaseSize(), this, [this, token](const SessionCount &keys) {
        if (token == m_token && keys.ok() && m_scanner->hasStarted() && !m_scanner->isFinished())
            m_rows.reserve(qMin(keys.count, maxReservedRows));
    });
}

void SessionTableModel::setScanToEnd(bool enabled)
{
    m_scanToEnd = enabled;
    if (enabled && m_scanner->hasStarted())
        m_nextPageTimer.start();
}

bool SessionTableModel::isScanning() const
{
    return m_admin && !m_scanError
        && (m_scanner->isBusy() || m_scanFinishing
            || (m_scanToEnd && m_scanner->hasStarted() && !m_scanner->isFinished()));
}

bool SessionTableModel::isScanComplete() const
{
    return m_scanner->isFinished() && !m_scanFinishing;
}

void SessionTableModel::refresh()
{
    if (!m_admin)
        return;
    startWalk();
    m_scanError = false;
    m_scanFinishing = false;
    m_scanner->restart();
    Q_EMIT listingRestarted();
    fetchMore(QModelIndex());
}

void SessionTableModel::retry()
{
    if (!m_scanError)
        return;
    m_scanError = false;
    fetchMore(QModelIndex());
}

void SessionTableModel::onPage(const QList<SessionInfo> &sessions)
{
    const qint64 now = m_clock.elapsed();
    // The IDs' UTF-8 is in the keys, after the prefix. Bytes that are not UTF-8 go through the
    // ID as a QString, as every other path (probes, removals) takes them.
    QList<QByteArrayView> ids;
    ids.reserve(sessions.size());
    QByteArrayList converted; // IDs that are not the key's bytes (none, as a rule)
    for (const SessionInfo &info : sessions) {
        const QByteArrayView id
            = QByteArrayView(info.key).sliced(qMin(m_keyPrefix.size(), info.key.size()));
        if (info.key.startsWith(m_keyPrefix) && id.isValidUtf8()) {
            ids.append(id);
        } else {
            converted.append(info.id.toUtf8());
            ids.append(converted.constLast());
        }
    }
    const QList<int> slots = m_rows.findSlots(ids);
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const SessionInfo &info = sessions.at(i);
        if (info.ttlMs == -2)
            continue; // gone between SCAN and PTTL
        const qint64 deadline = info.ttlMs >= 0 ? now + info.ttlMs : -1;
        const int slot = slots.at(i);
        const QByteArrayView idView = ids.at(i);
        if (slot >= 0) {
            setSeen(slot);
            updateSlot(slot, deadline, info.size, false);
        } else if (const QByteArray id = idView.toByteArray(); !m_pendingIds.contains(id)) {
            m_pendingIds.insert(id);
            SessionRow row;
            row.setDeadline(deadline);
            row.setSize(info.size);
            m_pending.append({ id, row, true });
        }
    }
    // The first rows at once, then together.
    if (!m_pending.isEmpty() && !m_pendingTimer.isActive())
        m_pendingTimer.start(m_rows.isEmpty() ? 0 : insertInterval);
    if (m_scanToEnd && !m_scanner->isFinished())
        m_nextPageTimer.start();
    Q_EMIT scanStateChanged();
}

void SessionTableModel::flushPending()
{
    m_pendingTimer.stop();
    m_pendingIds.clear();
    appendRows(std::exchange(m_pending, {}));
    if (m_scanFinishing)
        finishScan();
}

qsizetype SessionTableModel::insertBatchSize() const
{
    if (m_insertNsPerRow <= 0)
        return minInsertBatch * 4;
    return qBound(minInsertBatch, qsizetype(insertBudgetNs / m_insertNsPerRow), maxInsertBatch);
}

void SessionTableModel::insertPendingBatch()
{
    const qsizetype insertBatch = insertBatchSize();
    if (m_pending.size() <= insertBatch) {
        flushPending();
        return;
    }
    // A batch per turn of the event loop: many pages that came at once (a slow second of the
    // event loop) must not become one long stall.
    QList<NewRow> batch(std::make_move_iterator(m_pending.begin()),
                        std::make_move_iterator(m_pending.begin() + insertBatch));
    m_pending.remove(0, insertBatch);
    for (const NewRow &row : std::as_const(batch))
        m_pendingIds.remove(row.id);
    appendRows(std::move(batch));
    m_pendingTimer.start(0);
}

void SessionTableModel::onScanFinished()
{
    m_scanFinishing = true;
    insertPendingBatch(); // the rest in batches: finishScan() once they are in
}

void SessionTableModel::finishScan()
{
    m_scanFinishing = false;
    // Rows the scan did not see again may be gone: check them one by one.
    for (int slot = 0; slot < m_rows.slotCount(); ++slot) {
        if (m_rows.isUsed(slot) && !isSeen(slot))
            m_prober->probe(m_rows.slot(slot).id());
    }
    // The list is as long as it gets, for now: give back the room kept for growth and the
    // heap's free pages (the pages' replies were many small allocations). In a turn of the
    // event loop of its own, not to add to this one.
    QTimer::singleShot(0, this, [this]() {
        if (!m_scanner->isFinished())
            return;
        m_rows.squeeze();
#if defined(__GLIBC__)
        malloc_trim(0);
#endif
    });
    Q_EMIT scanStateChanged();
}

void SessionTableModel::startWalk()
{
    m_seen = {};
    for (NewRow &row : m_pending) // seen by the walk before, not by this one
        row.seen = false;
}

void SessionTableModel::setSeen(int slot, bool seen)
{
    if (size_t(slot) >= m_seen.size()) {
        if (!seen)
            return;
        m_seen.resize(size_t(m_rows.slotCount()), false);
    }
    m_seen[size_t(slot)] = seen;
}

bool SessionTableModel::isSeen(int slot) const
{
    return size_t(slot) < m_seen.size() && m_seen[size_t(slot)];
}

bool SessionTableModel::updateSlot(int slot, qint64 deadline, qint64 size, bool valueChanged)
{
    SessionRow &row = m_rows.slot(slot);
    const qint64 was = row.deadline();
    const bool ttlChanged
        = (deadline < 0) != (was < 0) || (deadline >= 0 && qAbs(deadline - was) > ttlTolerance);
    const quint32 oldSize = row.size();
    row.setSize(size);
    // A value of maxSize or more may have changed without its clamped size showing it.
    const bool sizeChanged = row.size() != oldSize || row.isSizeClamped();
    if (!ttlChanged && !sizeChanged && !valueChanged)
        return false;
    if (ttlChanged)
        row.setDeadline(deadline);
    if (sizeChanged || valueChanged) {
        m_previews->invalidate(row.id());
        m_search->rowChanged(slot);
    }
    if ((m_sortColumn == TtlColumn && ttlChanged) || (m_sortColumn == SizeColumn && sizeChanged))
        markDirty(slot);
    const int r = m_rows.rowOfSlot(slot);
    Q_EMIT dataChanged(index(r, TtlColumn), index(r, ValuesColumn));
    return true;
}

void SessionTableModel::appendRows(QList<NewRow> rows)
{
    if (rows.isEmpty())
        return;
    QElapsedTimer clock;
    clock.start();
    const int first = m_rows.count();
    beginInsertRows(QModelIndex(), first, first + int(rows.size()) - 1);
    for (NewRow &row : rows)
        m_search->rowAdded(row.row);
    m_rows.appendAll(rows);
    for (qsizetype i = 0; i < rows.size(); ++i) // a slot may be one a removed row left
        setSeen(m_rows.slotAt(first + int(i)), rows.at(i).seen);
    if (m_sortColumn < 0)
        m_sortedCount = m_rows.count(); // the scan order is the arrival order
    endInsertRows();
    if (rows.size() >= minInsertBatch) {
        // The cost of a row, smoothed: one slow batch (a list that doubled) moves it little.
        const qint64 perRow = qMax<qint64>(1, clock.nsecsElapsed() / rows.size());
        m_insertNsPerRow = m_insertNsPerRow <= 0 ? perRow : (3 * m_insertNsPerRow + perRow) / 4;
    }
    if (m_sortColumn >= 0 && !m_resortTimer.isActive())
        m_resortTimer.start(isScanning() ? 1000 : 100);
}

void SessionTableModel::removeSlots(const QList<int> &slots)
{
    if (slots.isEmpty())
        return;
    for (int slot : slots) {
        m_dirtySlots.remove(slot);
        m_search->rowRemoved(slot);
        m_prober->forget(m_rows.slot(slot).id());
        m_previews->invalidate(m_rows.slot(slot).id());
    }
    int inSortedPart = 0;
    for (int slot : slots) {
        if (m_rows.rowOfSlot(slot) < m_sortedCount)
            ++inSortedPart;
    }
    if (slots.size() == 1) {
        const int row = m_rows.rowOfSlot(slots.first());
        beginRemoveRows(QModelIndex(), row, row);
        m_rows.removeRow(row);
    } else {
        // One layout change gathers them at the end, one removal takes them all: two O(n)
        // steps for the views instead of one per row.
        relayout([&]() { m_rows.moveToEnd(slots); });
        const int n = m_rows.count();
        beginRemoveRows(QModelIndex(), n - int(slots.size()), n - 1);
        m_rows.removeTail(int(slots.size()));
    }
    m_sortedCount = qMax(0, m_sortedCount - inSortedPart);
    endRemoveRows();
}

void SessionTableModel::relayout(const std::function<void()> &change)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<int> slots;
    slots.reserve(from.size());
    for (const QModelIndex &index : from)
        slots.append(m_rows.slotAt(index.row()));
    change();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int row = m_rows.rowOfSlot(slots.at(i));
        to.append(row >= 0 ? index(row, from.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

SessionRows::Compare SessionTableModel::compare() const
{
    const int column = m_sortColumn;
    return [column](const SessionRow &a, const SessionRow &b) {
        switch (column) {
        case IdColumn:
            return SessionRow::compareIds(a, b);
        case TtlColumn:
            return ttlKey(a) < ttlKey(b) ? -1 : ttlKey(a) > ttlKey(b) ? 1 : 0;
        case SizeColumn:
            return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
        default:
            return 0;
        }
    };
}

bool SessionTableModel::isDescending() const
{
    return m_sortColumn >= 0 && m_sortOrder == Qt::DescendingOrder;
}

void SessionTableModel::sort(int column, Qt::SortOrder order)
{
    if (column == ValuesColumn || column >= ColumnCount)
        column = -1;
    m_sortColumn = column;
    m_sortOrder = order;
    m_dirtySlots.clear();
    m_resortTimer.stop();
    const bool descending = isDescending();
    relayout([&]() {
        if (column == TtlColumn)
            m_rows.sortByKey(ttlKey, descending);
        else if (column == SizeColumn)
            m_rows.sortByKey([](const SessionRow &row) { return qint64(row.size()); }, descending);
        else if (column < 0)
            m_rows.sortBySlot();
        else
            m_rows.sortAll(compare(), descending);
    });
    m_sortedCount = m_rows.count();
}

void SessionTableModel::markDirty(int slot)
{
    if (m_rows.rowOfSlot(slot) >= m_sortedCount)
        return; // in the unsorted tail already
    m_dirtySlots.insert(slot);
    if (!m_resortTimer.isActive())
        m_resortTimer.start(isScanning() ? 1000 : 100);
}

void SessionTableModel::resort()
{
    if (m_sortColumn < 0 || (m_dirtySlots.isEmpty() && m_sortedCount >= m_rows.count())) {
        m_sortedCount = m_rows.count();
        m_dirtySlots.clear();
        return;
    }
    const SessionRows::Compare order = compare();
    relayout([&]() {
        int from = m_sortedCount;
        if (!m_dirtySlots.isEmpty()) {
            const QList<int> dirty(m_dirtySlots.cbegin(), m_dirtySlots.cend());
            for (int slot : dirty) {
                if (m_rows.rowOfSlot(slot) < m_sortedCount)
                    --from;
            }
            m_rows.moveToEnd(dirty);
        }
        m_rows.mergeTail(from, order, isDescending());
    });
    m_sortedCount = m_rows.count();
    m_dirtySlots.clear();
}

void SessionTableModel::touchSessions(const QStringList &ids)
{
    for (const QString &id : ids)
        m_prober->probe(id.toUtf8());
}

void SessionTableModel::onProbed(const QList<SessionInfo> &sessions)
{
    flushPending(); // so that a listed session is found, never added twice
    const qint64 now = m_clock.elapsed();
    QList<int> gone;
    QStringList goneIds, touchedIds;
    QList<NewRow> fresh;
    for (const SessionInfo &info : sessions) {
        if (info.ttlMs == SessionProber::NoAnswer)
            continue; // connection trouble: leave the row as it is
        const QByteArray id = info.id.toUtf8();
        const int slot = m_rows.findSlot(id);
        if (info.ttlMs == -2) {
            if (slot >= 0) {
                gone.append(slot);
                goneIds << info.id;
            }
            continue;
        }
        const qint64 deadline = info.ttlMs >= 0 ? now + info.ttlMs : -1;
        touchedIds << info.id;
        if (slot >= 0) {
            setSeen(slot);
            updateSlot(slot, deadline, info.size, true);
        } else {
            SessionRow row;
            row.setDeadline(deadline);
            row.setSize(info.size);
            fresh.append({ id, row, true });
        }
    }
    removeSlots(gone);
    appendRows(std::move(fresh));
    if (!goneIds.isEmpty())
        Q_EMIT sessionsRemoved(goneIds);
    if (!touchedIds.isEmpty())
        Q_EMIT sessionsTouched(touchedIds);
}

void SessionTableModel::removeSessions(const QStringList &ids)
{
    flushPending();
    QList<int> slots;
    QStringList removed;
    for (const QString &id : ids) {
        const QByteArray key = id.toUtf8();
        const int slot = m_rows.findSlot(key);
        if (slot >= 0 && !slots.contains(slot)) {
            slots.append(slot);
            removed << id;
        }
    }
    removeSlots(slots);
    if (!removed.isEmpty())
        Q_EMIT sessionsRemoved(removed);
}

QString SessionTableModel::sessionId(int row) const
{
    return row >= 0 && row < m_rows.count() ? QString::fromUtf8(RowIdText(m_rows.at(row)).view())
                                            : QString();
}

std::vector<int> SessionTableModel::rowsMatching(const IdNeedle &needle, bool found) const
{
    // Slot by slot, as the rows lie in memory; with many rows, half of them on a thread of
    // its own (the rows are only read meanwhile, and each half writes its own bytes).
    const int slots = m_rows.slotCount();
    std::vector<quint8> matches(size_t(slots), 0);
    auto check = [&](int from, int to) {
        for (int slot = from; slot < to; ++slot) {
            const SessionRow &row = m_rows.slot(slot);
            matches[size_t(slot)]
                = row.isUsed() && (!found || row.match() == ValueMatch::Yes) && needle.isIn(row);
        }
    };
    if (slots >= 65536) {
        std::thread other(check, slots / 2, slots);
        check(0, slots / 2);
        other.join();
    } else {
        check(0, slots);
    }
    std::vector<int> rows;
    for (int row = 0; row < m_rows.count(); ++row) {
        if (matches[size_t(m_rows.slotAt(row))])
            rows.push_back(row);
    }
    return rows;
}

bool SessionTableModel::idContains(int row, const IdNeedle &needle) const
{
    return needle.isIn(m_rows.at(row));
}

int SessionTableModel::rowOf(const QString &id) const
{
    return m_rows.rowOf(id.toUtf8());
}

qint64 SessionTableModel::ttlMs(int row) const
{
    return row >= 0 && row < m_rows.count() ? remaining(m_rows.at(row)) : -2;
}

void SessionTableModel::setValueFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_valueFilter)
        return;
    m_valueFilter = trimmed;
    m_search->setText(trimmed);
}

bool SessionTableModel::isValueSearchRunning() const
{
    return m_search->isRunning();
}

qint64 SessionTableModel::valueSearchChecked() const
{
    return m_search->checkedCount();
}

void SessionTableModel::onVerdicts(const QList<int> &slots)
{
    QList<int> rows;
    rows.reserve(slots.size());
    for (int slot : slots) {
        const int row = m_rows.rowOfSlot(slot);
        if (row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    // One signal per run of neighbouring rows.
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(rows.at(i), IdColumn), index(rows.at(j), ValuesColumn),
                           { ValueMatchRole });
        i = j + 1;
    }
}

} // namespace RediStore::Admin
