#ifndef REDISTORE_ADMIN_SESSIONROWS_H
#define REDISTORE_ADMIN_SESSIONROWS_H

#include "sessions/idarena.h"
#include "sessions/slotindex.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <functional>

namespace RediStore::Admin {

// Whether a session's values contain the text of the value search.
enum class ValueMatch : quint8 { Unknown, Checking, Yes, No };

// IDs as the store makes them (unpadded upper-case RFC 4648 base32 of 32 random bytes: 52
// characters) are kept as their 32 bytes: 20 bytes less for each of a million rows.
namespace PackedId {
constexpr qsizetype textLength = 52;
constexpr qsizetype byteLength = 32;
// Writes the 32 bytes of text to bytes; false when text is not such an ID (then nothing is
// meant by bytes), so that unpack() gives text back exactly.
bool pack(QByteArrayView text, char *bytes);
void unpack(const char *bytes, char *text);
// Whether c is one of the text's characters (upper case, or a digit 2 to 7).
bool isAlphabet(char c);
// <0, 0, >0 as the two IDs' texts compare.
int compare(const char *a, const char *b);
} // namespace PackedId

// One session of the browser, kept small: a million of them must fit comfortably (40 bytes
// with a store-made ID's 32 bytes in the row, plus its place in the index; another ID's text
// is kept in the arena). The deadline is kept to a quarter of a second (a TTL shows whole
// seconds), the size up to 256 MiB (a larger value shows as at least that).
struct SessionRow
{
    enum class IdKind : quint8 { None, Packed, Text }; // None: a free slot
    static constexpr quint32 maxSize = (quint32(1) << 28) - 1;
    static constexpr qint64 deadlineUnitMs = 250;

    // Packed: the ID's 32 bytes (see PackedId). Text: where its UTF-8 (no prefix) is in the
    // arena, and its length.
    char idBytes[PackedId::byteLength] = {};

    // On the model's clock, in ms (at or before the one given to setDeadline(), by less than
    // deadlineUnitMs); -1: no expiry.
    qint64 deadline() const
    {
        return m_deadline == 0 ? -1 : qint64(m_deadline - 1) * deadlineUnitMs;
    }
    void setDeadline(qint64 ms); // < 0: no expiry
    // Orders as deadline() does, in deadlineUnitMs (a smaller range to sort); -1: no expiry.
    qint64 deadlineUnits() const { return qint64(m_deadline) - 1; }
    quint32 size() const { return m_size; } // bytes of the stored value, at most maxSize
    bool isSizeClamped() const { return m_size == maxSize; }
    void setSize(qint64 bytes);
    ValueMatch match() const { return ValueMatch(m_match); }
    void setMatch(ValueMatch match) { m_match = quint32(match); }
    IdKind idKind() const { return IdKind(m_idKind); }

    bool isUsed() const { return idKind() != IdKind::None; }
    bool isPacked() const { return idKind() == IdKind::Packed; }
    void setPackedId(const char *bytes);
    void setTextId(const char *data, quint32 length);
    // The ID as stored (its 32 bytes when packed), for the index.
    QByteArrayView storedId() const;
    QByteArray id() const; // the ID's UTF-8 text (a copy)
    // <0, 0, >0 as the two rows' ID texts compare.
    static int compareIds(const SessionRow &a, const SessionRow &b);

private:
    quint32 m_deadline = 0; // 0: no expiry, else 1 + the deadline in deadlineUnitMs
    quint32 m_size : 28 = 0;
    quint32 m_match : 2 = quint32(ValueMatch::Unknown);
    quint32 m_idKind : 2 = quint32(IdKind::None);
};
static_assert(sizeof(SessionRow) == 40);

// A row's ID as text without an allocation: decoded into a buffer of its own when packed.
class RowIdText
{
public:
    explicit RowIdText(const SessionRow &row);
    QByteArrayView view() const { return m_view; }

private:
    char m_text[PackedId::textLength];
    QByteArrayView m_view;
};

// The rows of the session browser: stable slots (so an ID finds its row through the index) and
// an order of slots (the rows as the model shows them, which sorting permutes).
//
// Sorting is by a column's order, then by slot: rows that compare equal keep the order of their
// slots, which is the order the scan brought them in until rows are removed (a new row takes
// the place a removed one left). Descending is the exact reverse of ascending, ties included.
class SessionRows
{
public:
    // <0, 0, >0 as the first row sorts before, with or after the second (ascending).
    using Compare = std::function<int(const SessionRow &, const SessionRow &)>;

    SessionRows();
    SessionRows(const SessionRows &) = delete;
    SessionRows &operator=(const SessionRows &) = delete;

    int count() const { return int(m_inSlotOrder ? m_slots.size() : m_order.size()); }
    bool isEmpty() const { return count() == 0; }
    const SessionRow &at(int row) const { return m_slots[slotAt(row)]; }
    SessionRow &at(int row) { return m_slots[slotAt(row)]; }
    int slotAt(int row) const { return m_inSlotOrder ? row : m_order[row]; }

    int slotCount() const { return int(m_slots.size()); }
    bool isUsed(int slot) const { return m_slots[slot].isUsed(); }
    const SessionRow &slot(int slot) const { return m_slots[slot]; }
    SessionRow &slot(int slot) { return m_slots[slot]; }

    // A new row: its ID's UTF-8 text (no prefix) and the rest.
    struct NewRow
    {
        QByteArray id;
        SessionRow row;
        bool seen = false; // for the caller: seen by the walk going on
    };

    int findSlot(QByteArrayView id) const;
    // findSlot() of each ID, faster than one by one (the index's memory is asked for ahead).
    QList<int> findSlots(const QList<QByteArrayView> &ids) const;
    // The row showing slot, or -1 when the slot is free.
    int rowOfSlot(int slot) const;
    int rowOf(QByteArrayView id) const;

    // Adds a row at the end (row count() - 1) for id, which must not be listed yet; returns
    // its slot.
    int append(QByteArrayView id, SessionRow row);
    // append() of each row in turn, faster than one by one; none of the IDs may be listed
    // yet, nor two of them alike.
    void appendAll(const QList<NewRow> &rows);
    // Removes one row.
    void removeRow(int row);
    // Moves the rows whose slots are in slots to the end, keeping the others' order (for a
    // layout change followed by one removal of the tail); returns how many moved.
    int moveToEnd(const QList<int> &slots);
    // Removes the last n rows.
    void removeTail(int n);
    void clear();

    // Sorts rows [from, count()) and merges them into the sorted rows [0, from).
    void mergeTail(int from, const Compare &compare, bool descending);
    // Sorts every row.
    void sortAll(const Compare &compare, bool descending);
    // Sorts every row by slot (the scan's order until rows are removed).
    void sortBySlot();
    // Sorts every row by an integer key (the largest qint64 after all others): the same order
    // as sortAll() with the matching Compare, by a radix sort that reads the rows once, in
    // the order they lie in memory (several times faster with a million rows).
    void sortByKey(const std::function<qint64(const SessionRow &)> &key, bool descending);

    // Room in the index for ids IDs in all (before a scan that will list about that many).
    void reserve(qsizetype ids) { m_index.reserve(ids); }
    // Gives back the room kept for growth that holds memory (once a scan is complete).
    void squeeze();
    // Bytes held, for diagnostics.
    qint64 memoryEstimate() const;

private:
    // An ID as the index keys it: a store-made ID's 32 bytes, else its text.
    struct IdKey
    {
        char bytes[PackedId::byteLength];
        QByteArrayView text;
        bool packed = false;
        quint32 hash = 0;
        QByteArrayView stored() const
        {
            return packed ? QByteArrayView(bytes, PackedId::byteLength) : text;
        }
    };
    static IdKey keyOf(QByteArrayView id);
    int findSlot(const IdKey &key) const;
    int append(const IdKey &key, SessionRow row);
    void releaseSlot(int slot);
    std::function<bool(int, int)> slotLess(const Compare &compare, bool descending) const;
    // Keeps the order of slots (and room for its inverse) from now on.
    void keepOrder();

    QList<SessionRow> m_slots;
    QList<int> m_free;
    IdArena m_arena;
    SlotIndex m_index;
    // Row r shows slot r, and no slot is free: true until rows are sorted or one is removed
    // before the last. Meanwhile the order and its inverse are not kept (8 MiB for a million
    // rows).
    bool m_inSlotOrder = true;
    QList<int> m_order; // row -> slot
    mutable QList<int> m_rowOfSlot; // slot -> row, rebuilt when stale
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONROWS_H
