#ifndef REDISTORE_ADMIN_SLOTINDEX_H
#define REDISTORE_ADMIN_SLOTINDEX_H

#include <QtCore/QByteArrayView>
#include <QtCore/QList>

#include <functional>

namespace RediStore::Admin {

// Finds a row's slot from its session ID: an open-addressing hash table of (slot, hash) pairs,
// 8 bytes per place and at most half full; the IDs themselves are read from the rows. A QHash
// of QByteArray keys would cost several times as much per row. Growing moves the entries over
// a few hundred at a time, so that no single insertion stalls the event loop with a million
// rows.
class SlotIndex
{
public:
    using IdOf = std::function<QByteArrayView(int slot)>;

    explicit SlotIndex(IdOf idOf);

    int find(QByteArrayView id) const; // -1 when absent
    void insert(int slot); // the slot's ID must not be in the index yet
    void remove(int slot);
    void clear();
    qsizetype size() const { return m_size; }
    qint64 bytesReserved() const
    {
        return qint64(m_table.capacity() + m_old.capacity()) * qint64(sizeof(Place));
    }

private:
    struct Place
    {
        int slot;
        quint32 hash;
    };
    static constexpr int empty = -1;
    static constexpr int deleted = -2;
    static quint32 hashOf(QByteArrayView id);
    static qsizetype lookup(const QList<Place> &table, QByteArrayView id, quint32 hash,
                            const IdOf &idOf);
    static qsizetype placeOfSlot(const QList<Place> &table, int slot, quint32 hash);
    static void place(QList<Place> &table, int slot, quint32 hash);
    void startGrowing();
    void migrate(qsizetype count);

    IdOf m_idOf;
    QList<Place> m_table;
    QList<Place> m_old; // being moved into m_table
    qsizetype m_migrated = 0;
    qsizetype m_size = 0;
    qsizetype m_deleted = 0; // tombstones in m_table
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SLOTINDEX_H
