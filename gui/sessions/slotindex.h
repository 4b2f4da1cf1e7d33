#ifndef REDISTORE_ADMIN_SLOTINDEX_H
#define REDISTORE_ADMIN_SLOTINDEX_H

#include <QtCore/QByteArrayView>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <memory>
#include <thread>

namespace RediStore::Admin {

// Finds a row's slot from its session ID: an open-addressing hash table of 4-byte places (the
// slot and 4 bits of the ID's hash, so that most other IDs are told apart without reading
// their rows), at most half full: 8 MiB for a million rows. A QHash of QByteArray keys would
// cost several times as much per row. Growing moves the entries over a few at a time, so that
// no single insertion stalls the event loop with a million rows. A new table is zeroed memory
// fresh from the system (an empty place is all zeros). Its pages would all be faulted in
// within a few thousand insertions at random places (2,000 faults for a million rows: 30 ms
// and more on a slow virtual machine), so a big one is prepared: once the table is half
// full, a thread of its own touches every page of the next one, while insertions go on in
// this one (up to 5/8 full) until it is ready.
class SlotIndex
{
public:
    using IdOf = std::function<QByteArrayView(int slot)>;

    explicit SlotIndex(IdOf idOf);
    ~SlotIndex();
    SlotIndex(const SlotIndex &) = delete;
    SlotIndex &operator=(const SlotIndex &) = delete;

    // The hash the index keys an ID by (computed once by the caller, for all three below).
    static quint32 hashOf(QByteArrayView id);

    int find(QByteArrayView id, quint32 hash) const; // -1 when absent
    // The slot's ID (hash: hashOf() it) must not be in the index yet.
    void insert(int slot, quint32 hash);
    // Asks for the memory where an ID of this hash is looked for, ahead of a find() or an
    // insert(): with a million entries that memory is seldom in the cache, and asking for
    // several at once waits for them together rather than one after the other.
    void prefetch(quint32 hash) const;
    // Room for entries in all, prepared (as a growth's table is) while insertions go on, so
    // that an index filled to that size never grows: with a million entries, growing would
    // read each moved entry's row again, a million reads at random places.
    void reserve(qsizetype entries);
    void remove(int slot);
    void clear();
    qsizetype size() const { return m_size; }
    qint64 bytesReserved() const
    {
        return qint64(m_table.size + m_old.size) * qint64(sizeof(Place));
    }

private:
    // 0: empty; deleted; else the hash's top 4 bits, then the slot + 1 in the low 28 bits.
    using Place = quint32;
    static constexpr Place empty = 0;
    static constexpr Place deleted = 0xffffffffu;
    static constexpr int slotBits = 28;
    static constexpr Place slotMask = (Place(1) << slotBits) - 1;
    static constexpr int maxSlot = int(slotMask) - 2; // so that no place reads as deleted

    static qsizetype capacityFor(qsizetype entries);
    static bool isEntry(Place place) { return place != empty && place != deleted; }
    static int slotOf(Place place) { return int(place & slotMask) - 1; }
    static Place tagOf(quint32 hash) { return hash & ~slotMask; }
    static Place entryFor(int slot, quint32 hash) { return tagOf(hash) | Place(slot + 1); }

    struct FreeDeleter
    {
        void operator()(Place *places) const { std::free(places); }
    };
    struct Table
    {
        std::unique_ptr<Place[], FreeDeleter> places;
        qsizetype size = 0; // a power of two, or 0

        static Table zeroed(qsizetype size);
        Place &at(qsizetype i) { return places[i]; }
        const Place &at(qsizetype i) const { return places[i]; }
    };

    static qsizetype lookup(const Table &table, QByteArrayView id, quint32 hash, const IdOf &idOf);
    static qsizetype placeOfSlot(const Table &table, int slot, quint32 hash);
    static void place(Table &table, Place entry, quint32 hash);
    void startGrowing(bool wait = true);
    void migrate(qsizetype count);
    void prepareNext(qsizetype size);
    Table takeNext(qsizetype atLeast, bool wait = true);

    IdOf m_idOf;
    Table m_table;
    Table m_old; // being moved into m_table
    Table m_next; // for the next growth: its pages are being touched by m_toucher
    std::thread m_toucher;
    std::atomic<bool> m_nextReady { false };
    qsizetype m_migrated = 0;
    qsizetype m_size = 0;
    qsizetype m_deleted = 0; // tombstones in m_table
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SLOTINDEX_H
