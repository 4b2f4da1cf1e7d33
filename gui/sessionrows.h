#ifndef REDISTORE_ADMIN_SESSIONROWS_H
#define REDISTORE_ADMIN_SESSIONROWS_H

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QList>

#include <functional>

namespace RediStore::Admin {

// Whether a session's values contain the text of the value search.
enum class ValueMatch : quint8 { Unknown, Checking, Yes, No };

// One session of the browser, kept small: a million of them must fit comfortably.
struct SessionRow
{
    QByteArray id; // UTF-8, without the key prefix
    qint64 deadline = -1; // on the model's clock, in ms; -1: no expiry
    quint32 seq = 0; // arrival order (the order of the scan)
    quint32 size = 0; // bytes of the stored value
    quint16 generation = 0; // the scan that last saw it
    ValueMatch match = ValueMatch::Unknown;
};

// The rows of the session browser: stable slots (so an ID finds its row in O(1) through a hash)
// and an order of slots (the rows as the model shows them, which sorting permutes).
class SessionRows
{
public:
    using LessThan = std::function<bool(const SessionRow &, const SessionRow &)>;

    int count() const { return int(m_order.size()); }
    bool isEmpty() const { return m_order.isEmpty(); }
    const SessionRow &at(int row) const { return m_slots[m_order[row]]; }
    SessionRow &at(int row) { return m_slots[m_order[row]]; }
    int slotAt(int row) const { return m_order[row]; }

    int slotCount() const { return int(m_slots.size()); }
    bool isUsed(int slot) const { return !m_slots[slot].id.isNull(); }
    const SessionRow &slot(int slot) const { return m_slots[slot]; }
    SessionRow &slot(int slot) { return m_slots[slot]; }

    int findSlot(const QByteArray &id) const { return m_slotOf.value(id, -1); }
    // The row showing slot, or -1 when the slot is free.
    int rowOfSlot(int slot) const;
    int rowOf(const QByteArray &id) const;

    // Adds a row at the end (row count() - 1); returns its slot.
    int append(SessionRow row);
    // Removes one row.
    void removeRow(int row);
    // Moves the rows whose slots are in slots to the end, keeping the others' order (for a
    // layout change followed by one removal of the tail); returns how many moved.
    int moveToEnd(const QList<int> &slots);
    // Removes the last n rows.
    void removeTail(int n);
    void clear();

    // Sorts rows [from, count()) with lessThan and merges them into the sorted rows [0, from).
    void mergeTail(int from, const LessThan &lessThan);
    // Sorts every row.
    void sortAll(const LessThan &lessThan);

    // Approximate bytes held, for diagnostics.
    qint64 memoryEstimate() const;

private:
    void releaseSlot(int slot);

    QList<SessionRow> m_slots;
    QList<int> m_free;
    QHash<QByteArray, int> m_slotOf;
    QList<int> m_order; // row -> slot
    mutable QList<int> m_rowOfSlot; // slot -> row, rebuilt when stale
    quint32 m_nextSeq = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONROWS_H
