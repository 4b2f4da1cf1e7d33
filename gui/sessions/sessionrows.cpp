#include "sessions/sessionrows.h"

#include <QtCore/QSet>

#include <algorithm>

namespace RediStore::Admin {

SessionRows::SessionRows()
    : m_index([this](int slot) { return m_slots[slot].idView(); })
{ }

int SessionRows::rowOfSlot(int slot) const
{
    if (slot < 0 || slot >= m_slots.size() || !isUsed(slot))
        return -1;
    auto cached = [&]() {
        const int row = slot < m_rowOfSlot.size() ? m_rowOfSlot[slot] : -1;
        return row >= 0 && row < m_order.size() && m_order[row] == slot ? row : -1;
    };
    int row = cached();
    if (row >= 0)
        return row;
    // Stale after a removal or a sort: rebuild the inverse once, O(n).
    m_rowOfSlot.fill(-1, m_slots.size());
    for (int r = 0; r < m_order.size(); ++r)
        m_rowOfSlot[m_order[r]] = r;
    return cached();
}

int SessionRows::rowOf(QByteArrayView id) const
{
    return rowOfSlot(findSlot(id));
}

int SessionRows::append(QByteArrayView id, SessionRow row)
{
    row.seq = m_nextSeq++;
    row.idData = m_arena.store(id);
    row.idLength = quint32(id.size());
    int slot;
    if (!m_free.isEmpty()) {
        slot = m_free.takeLast();
        m_slots[slot] = row;
    } else {
        slot = int(m_slots.size());
        m_slots.append(row);
    }
    m_index.insert(slot);
    if (m_rowOfSlot.size() < m_slots.size())
        m_rowOfSlot.resize(m_slots.size(), -1);
    m_rowOfSlot[slot] = int(m_order.size());
    m_order.append(slot);
    return slot;
}

void SessionRows::releaseSlot(int slot)
{
    m_index.remove(slot);
    m_slots[slot] = SessionRow();
    if (slot == m_slots.size() - 1)
        m_slots.removeLast();
    else
        m_free.append(slot);
}

void SessionRows::removeRow(int row)
{
    const int slot = m_order[row];
    m_order.remove(row);
    releaseSlot(slot);
}

int SessionRows::moveToEnd(const QList<int> &slots)
{
    const QSet<int> moving(slots.cbegin(), slots.cend());
    const auto middle = std::stable_partition(m_order.begin(), m_order.end(),
                                              [&](int slot) { return !moving.contains(slot); });
    return int(m_order.end() - middle);
}

void SessionRows::removeTail(int n)
{
    for (int i = 0; i < n; ++i) {
        const int slot = m_order.takeLast();
        releaseSlot(slot);
    }
}

void SessionRows::clear()
{
    m_slots.clear();
    m_slots.squeeze();
    m_free.clear();
    m_free.squeeze();
    m_index.clear();
    m_arena.clear();
    m_order.clear();
    m_order.squeeze();
    m_rowOfSlot.clear();
    m_rowOfSlot.squeeze();
    m_nextSeq = 0;
}

void SessionRows::mergeTail(int from, const LessThan &lessThan)
{
    from = qBound(0, from, count());
    auto less = [&](int a, int b) { return lessThan(m_slots[a], m_slots[b]); };
    const auto middle = m_order.begin() + from;
    std::sort(middle, m_order.end(), less);
    std::inplace_merge(m_order.begin(), middle, m_order.end(), less);
}

void SessionRows::sortAll(const LessThan &lessThan)
{
    std::sort(m_order.begin(), m_order.end(),
              [&](int a, int b) { return lessThan(m_slots[a], m_slots[b]); });
}

void SessionRows::sortByKey(const std::function<qint64(const SessionRow &)> &key, bool descending)
{
    struct Keyed
    {
        qint64 key;
        quint32 seq;
        int slot;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(size_t(m_order.size()));
    for (int slot : std::as_const(m_order))
        keyed.push_back({ key(m_slots[slot]), m_slots[slot].seq, slot });
    std::sort(keyed.begin(), keyed.end(), [descending](const Keyed &a, const Keyed &b) {
        if (a.key != b.key)
            return descending ? a.key > b.key : a.key < b.key;
        return descending ? a.seq > b.seq : a.seq < b.seq;
    });
    for (size_t i = 0; i < keyed.size(); ++i)
        m_order[qsizetype(i)] = keyed[i].slot;
}

qint64 SessionRows::memoryEstimate() const
{
    return qint64(m_slots.capacity()) * qint64(sizeof(SessionRow)) + m_arena.bytesReserved()
        + m_index.bytesReserved()
        + qint64(m_order.capacity() + m_rowOfSlot.capacity() + m_free.capacity()) * 4;
}

} // namespace RediStore::Admin
