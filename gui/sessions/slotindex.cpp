#include "sessions/slotindex.h"

#include <QtCore/QHashFunctions>

namespace RediStore::Admin {

namespace {
// Places moved per insertion while growing. The old table has two places per entry, and the
// next growth comes after as many insertions as there are entries: the move is done after a
// quarter of them, and each insertion costs a few places, never a whole table in one batch.
constexpr qsizetype migrateStep = 8;
// Tables of this many places (4 MiB) and more are prepared ahead.
constexpr qsizetype prepareFrom = qsizetype(1) << 20;
constexpr qsizetype pageSize = 4096;
} // namespace

SlotIndex::Table SlotIndex::Table::zeroed(qsizetype size)
{
    // calloc: a large block comes straight from the system, already zero, and is not written.
    Table table;
    table.places.reset(static_cast<Place *>(std::calloc(size_t(size), sizeof(Place))));
    Q_CHECK_PTR(table.places.get());
    table.size = size;
    return table;
}

SlotIndex::SlotIndex(IdOf idOf)
    : m_idOf(std::move(idOf))
{ }

SlotIndex::~SlotIndex()
{
    takeNext(0);
}

void SlotIndex::prepareNext(qsizetype size)
{
    m_next = Table::zeroed(size);
    m_nextReady.store(false, std::memory_order_relaxed);
    char *bytes = reinterpret_cast<char *>(m_next.places.get());
    const qsizetype length = size * qsizetype(sizeof(Place));
    // Writing a zero where there is a zero: the page becomes the process's own, off the event
    // loop. Nothing else reads or writes this table until the thread is joined.
    m_toucher = std::thread([this, bytes, length]() {
        for (qsizetype at = 0; at < length; at += pageSize)
            static_cast<volatile char *>(bytes)[at] = 0;
        m_nextReady.store(true, std::memory_order_release);
    });
}

// The prepared table when it has at least atLeast places (0: none wanted), else an empty one.
// Without wait, a table still being prepared is not waited for: it stays for later.
SlotIndex::Table SlotIndex::takeNext(qsizetype atLeast, bool wait)
{
    if (atLeast > 0 && !wait && m_toucher.joinable()
        && !m_nextReady.load(std::memory_order_acquire))
        return Table();
    if (m_toucher.joinable())
        m_toucher.join(); // done already, as a rule: 2,000 pages take a few ms
    Table next = std::move(m_next);
    m_next = Table();
    if (atLeast == 0 || next.size < atLeast)
        return Table();
    return next;
}

quint32 SlotIndex::hashOf(QByteArrayView id)
{
    return quint32(qHash(id));
}

qsizetype SlotIndex::lookup(const Table &table, QByteArrayView id, quint32 hash, const IdOf &idOf)
{
    if (table.size == 0)
        return -1;
    const qsizetype mask = table.size - 1;
    const Place tag = tagOf(hash);
    for (qsizetype at = qsizetype(hash) & mask;; at = (at + 1) & mask) {
        const Place p = table.at(at);
        if (p == empty)
            return -1;
        if (isEntry(p) && (p & ~slotMask) == tag && idOf(slotOf(p)) == id)
            return at;
    }
}

qsizetype SlotIndex::placeOfSlot(const Table &table, int slot, quint32 hash)
{
    if (table.size == 0)
        return -1;
    const qsizetype mask = table.size - 1;
    const Place entry = entryFor(slot, hash);
    for (qsizetype at = qsizetype(hash) & mask;; at = (at + 1) & mask) {
        const Place found = table.at(at);
        if (found == empty)
            return -1;
        if (found == entry)
            return at;
    }
}

void SlotIndex::place(Table &table, Place entry, quint32 hash)
{
    const qsizetype mask = table.size - 1;
    qsizetype at = qsizetype(hash) & mask;
    while (isEntry(table.at(at)))
        at = (at + 1) & mask;
    table.at(at) = entry;
}

int SlotIndex::find(QByteArrayView id, quint32 hash) const
{
    qsizetype at = lookup(m_table, id, hash, m_idOf);
    if (at >= 0)
        return slotOf(m_table.at(at));
    at = lookup(m_old, id, hash, m_idOf);
    return at >= 0 ? slotOf(m_old.at(at)) : -1;
}

// Twice the entries (between a quarter and half full until the next growth): with a million
// rows the table takes 8 MiB, not 16.
qsizetype SlotIndex::capacityFor(qsizetype entries)
{
    qsizetype capacity = 1024;
    while (capacity < entries * 2)
        capacity *= 2;
    return capacity;
}

void SlotIndex::reserve(qsizetype entries)
{
    entries = qMin(entries, qsizetype(maxSlot) + 1);
    const qsizetype capacity = capacityFor(entries);
    if (capacity <= m_table.size || capacity <= m_next.size)
        return;
    takeNext(0); // a smaller one being prepared
    if (capacity >= prepareFrom) {
        prepareNext(capacity);
        return;
    }
    m_next = Table::zeroed(capacity); // small: its pages are few
    m_nextReady.store(true, std::memory_order_relaxed);
}

void SlotIndex::prefetch(quint32 hash) const
{
#if defined(__GNUC__)
    if (m_table.size > 0)
        __builtin_prefetch(&m_table.at(qsizetype(hash) & (m_table.size - 1)));
#else
    Q_UNUSED(hash);
#endif
}

void SlotIndex::insert(int slot, quint32 hash)
{
    if (slot < 0 || slot > maxSlot)
        qFatal("SlotIndex: slot %d is beyond the %d rows an index holds", slot, maxSlot + 1);
    if (m_old.size > 0)
        migrate(migrateStep);
    const qsizetype used = m_size + m_deleted + 1;
    if (m_next.size > m_table.size && m_old.size == 0
        && m_nextReady.load(std::memory_order_acquire)) {
        startGrowing(); // into the reserved table
    } else if (used * 2 > m_table.size) {
        if (m_table.size * 2 < prepareFrom)
            startGrowing(false); // small: a reserved table still being prepared can wait
        else if (!m_toucher.joinable())
            prepareNext(m_table.size * 2);
        else if (m_nextReady.load(std::memory_order_acquire) || used * 8 > m_table.size * 5)
            startGrowing();
    }
    const qsizetype mask = m_table.size - 1;
    qsizetype at = qsizetype(hash) & mask;
    while (isEntry(m_table.at(at)))
        at = (at + 1) & mask;
    if (m_table.at(at) == deleted)
        --m_deleted;
    m_table.at(at) = entryFor(slot, hash);
    ++m_size;
}

void SlotIndex::remove(int slot)
{
    const quint32 hash = hashOf(m_idOf(slot));
    qsizetype at = placeOfSlot(m_table, slot, hash);
    if (at >= 0) {
        m_table.at(at) = deleted;
        ++m_deleted;
        --m_size;
        return;
    }
    at = placeOfSlot(m_old, slot, hash);
    if (at >= 0) {
        m_old.at(at) = deleted; // keeps the probe chains of the old table intact
        --m_size;
    }
}

void SlotIndex::clear()
{
    takeNext(0);
    m_table = Table();
    m_old = Table();
    m_migrated = m_size = m_deleted = 0;
}

void SlotIndex::startGrowing(bool wait)
{
    migrate(m_old.size); // finish a growth still going on
    const qsizetype capacity = capacityFor(m_size + 1);
    m_old = std::move(m_table);
    m_table = takeNext(capacity, wait);
    if (m_table.size == 0)
        m_table = Table::zeroed(capacity);
    m_migrated = 0;
    m_deleted = 0;
    if (m_old.size == 0)
        return;
    // Tombstones of the old table do not move; entries move from the old to the new table.
    migrate(migrateStep);
}

void SlotIndex::migrate(qsizetype count)
{
    const qsizetype end = qMin(m_old.size, m_migrated + count);
    for (; m_migrated < end; ++m_migrated) {
        Place &p = m_old.at(m_migrated);
        if (isEntry(p)) {
            // A place keeps 4 bits of the hash: the rest comes from the ID again.
            place(m_table, p, hashOf(m_idOf(slotOf(p))));
            p = deleted; // moved; still occupied for the old table's probe chains
        }
    }
    if (m_migrated >= m_old.size) {
        m_old = Table();
        m_migrated = 0;
    }
}

} // namespace RediStore::Admin
