#include "sessions/slotindex.h"

#include <QtCore/QHashFunctions>

namespace RediStore::Admin {

namespace {
constexpr qsizetype migrateStep = 512; // places moved per insertion while growing
} // namespace

SlotIndex::SlotIndex(IdOf idOf)
    : m_idOf(std::move(idOf))
{ }

quint32 SlotIndex::hashOf(QByteArrayView id)
{
    return quint32(qHash(id));
}

qsizetype SlotIndex::lookup(const QList<Place> &table, QByteArrayView id, quint32 hash,
                            const IdOf &idOf)
{
    if (table.isEmpty())
        return -1;
    const qsizetype mask = table.size() - 1;
    for (qsizetype at = qsizetype(hash) & mask;; at = (at + 1) & mask) {
        const Place &p = table.at(at);
        if (p.slot == empty)
            return -1;
        if (p.slot >= 0 && p.hash == hash && idOf(p.slot) == id)
            return at;
    }
}

qsizetype SlotIndex::placeOfSlot(const QList<Place> &table, int slot, quint32 hash)
{
    if (table.isEmpty())
        return -1;
    const qsizetype mask = table.size() - 1;
    for (qsizetype at = qsizetype(hash) & mask;; at = (at + 1) & mask) {
        const int found = table.at(at).slot;
        if (found == empty)
            return -1;
        if (found == slot)
            return at;
    }
}

void SlotIndex::place(QList<Place> &table, int slot, quint32 hash)
{
    const qsizetype mask = table.size() - 1;
    qsizetype at = qsizetype(hash) & mask;
    while (table.at(at).slot >= 0)
        at = (at + 1) & mask;
    table[at] = Place { slot, hash };
}

int SlotIndex::find(QByteArrayView id) const
{
    const quint32 hash = hashOf(id);
    qsizetype at = lookup(m_table, id, hash, m_idOf);
    if (at >= 0)
        return m_table.at(at).slot;
    at = lookup(m_old, id, hash, m_idOf);
    return at >= 0 ? m_old.at(at).slot : -1;
}

void SlotIndex::insert(int slot)
{
    if (!m_old.isEmpty())
        migrate(migrateStep);
    if ((m_size + m_deleted + 1) * 2 > m_table.size())
        startGrowing();
    const quint32 hash = hashOf(m_idOf(slot));
    const qsizetype mask = m_table.size() - 1;
    qsizetype at = qsizetype(hash) & mask;
    while (m_table.at(at).slot >= 0)
        at = (at + 1) & mask;
    if (m_table.at(at).slot == deleted)
        --m_deleted;
    m_table[at] = Place { slot, hash };
    ++m_size;
}

void SlotIndex::remove(int slot)
{
    const quint32 hash = hashOf(m_idOf(slot));
    qsizetype at = placeOfSlot(m_table, slot, hash);
    if (at >= 0) {
        m_table[at].slot = deleted;
        ++m_deleted;
        --m_size;
        return;
    }
    at = placeOfSlot(m_old, slot, hash);
    if (at >= 0) {
        m_old[at].slot = deleted; // keeps the probe chains of the old table intact
        --m_size;
    }
}

void SlotIndex::clear()
{
    m_table.clear();
    m_table.squeeze();
    m_old.clear();
    m_old.squeeze();
    m_migrated = m_size = m_deleted = 0;
}

void SlotIndex::startGrowing()
{
    migrate(m_old.size()); // finish a growth still going on
    // Twice the entries (between a quarter and half full until the next growth): with a
    // million rows the table takes 16 MiB, not 32.
    qsizetype capacity = 1024;
    while (capacity < (m_size + 1) * 2)
        capacity *= 2;
    m_old.swap(m_table);
    m_old.squeeze();
    m_table.fill(Place { empty, 0 }, capacity);
    m_migrated = 0;
    m_deleted = 0;
    if (m_old.isEmpty())
        return;
    // Tombstones of the old table do not move; entries move from the old to the new table.
    migrate(migrateStep);
}

void SlotIndex::migrate(qsizetype count)
{
    const qsizetype end = qMin(m_old.size(), m_migrated + count);
    for (; m_migrated < end; ++m_migrated) {
        Place &p = m_old[m_migrated];
        if (p.slot >= 0) {
            place(m_table, p.slot, p.hash);
            p.slot = deleted; // moved; still occupied for the old table's probe chains
        }
    }
    if (m_migrated >= m_old.size()) {
        m_old.clear();
        m_old.squeeze();
        m_migrated = 0;
    }
}

} // namespace RediStore::Admin
