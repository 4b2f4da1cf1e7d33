#include "sessions/sessionrows.h"

#include <QtCore/QSet>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <thread>
#include <utility>
#include <vector>

namespace RediStore::Admin {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Each byte's 5-bit value in the alphabet, or 0x80 for a byte outside it.
constexpr std::array<quint8, 256> decodeTable = [] {
    std::array<quint8, 256> table {};
    for (quint8 &value : table)
        value = 0x80;
    for (int i = 0; i < 32; ++i)
        table[quint8(alphabet[i])] = quint8(i);
    return table;
}();

// The 5-bit group at index of 32 bytes (group 51 holds the last bit, then zeros).
int groupAt(const char *bytes, int index)
{
    const int bit = index * 5;
    const int byte = bit / 8;
    const unsigned hi = quint8(bytes[byte]);
    const unsigned lo = byte + 1 < PackedId::byteLength ? quint8(bytes[byte + 1]) : 0;
    return int((((hi << 8) | lo) >> (11 - bit % 8)) & 31);
}

// Where a group's character sorts: '2'..'7' come before 'A'..'Z' in the text.
int rankOf(int value)
{
    return value >= 26 ? value - 26 : value + 6;
}

// Sorts numbers by their bits [from, from + bits) (the higher ones must be zero), least
// significant digit first: each pass is stable, so numbers equal in those bits keep their
// order. Digits are of at most 12 bits: a few sequential passes instead of n log n
// comparisons. Every pass's counts come from one read. other is as long as values; the sorted
// numbers end in one of the two, which is returned.
quint64 *radixSort(quint64 *values, quint64 *other, size_t n, int from, int bits)
{
    constexpr int maxDigitBits = 12;
    const int passes = qMax(1, (bits + maxDigitBits - 1) / maxDigitBits);
    const int digitBits = (bits + passes - 1) / passes;
    const size_t buckets = size_t(1) << digitBits;
    const quint64 mask = buckets - 1;
    std::vector<size_t> counts(buckets * size_t(passes));
    for (size_t i = 0; i < n; ++i) {
        for (int pass = 0; pass < passes; ++pass)
            ++counts[size_t(pass) * buckets + ((values[i] >> (from + pass * digitBits)) & mask)];
    }
    for (int pass = 0; pass < passes; ++pass) {
        size_t *starts = counts.data() + size_t(pass) * buckets;
        if (std::find(starts, starts + buckets, n) != starts + buckets)
            continue; // one digit for all: this pass would move nothing
        size_t at = 0;
        for (size_t digit = 0; digit < buckets; ++digit)
            at += std::exchange(starts[digit], at);
        const int shift = from + pass * digitBits;
        for (size_t i = 0; i < n; ++i)
            other[starts[(values[i] >> shift) & mask]++] = values[i];
        std::swap(values, other);
    }
    return values;
}

// Memory for a sort's numbers, fresh from the system. Its pages are made the process's own by
// a thread of its own (MADV_POPULATE_WRITE: in bulk, and without touching what is written
// meanwhile), so that the event loop does not take a page fault for each 4 KiB of it: tens of
// ms for a million numbers on a virtual machine.
class SortBuffer
{
public:
    explicit SortBuffer(size_t n)
        : m_values(new quint64[2 * n])
        , m_size(n)
    {
#if defined(Q_OS_LINUX)
        m_populate = std::thread([this]() {
            constexpr int populateWrite = 23; // MADV_POPULATE_WRITE, Linux 5.14
            const auto begin = quintptr(m_values.get()) & ~quintptr(4095);
            const auto end = quintptr(m_values.get() + 2 * m_size);
            madvise(reinterpret_cast<void *>(begin), end - begin, populateWrite);
        });
#endif
    }
    ~SortBuffer()
    {
        ready();
    }
    SortBuffer(const SortBuffer &) = delete;
    SortBuffer &operator=(const SortBuffer &) = delete;

    quint64 *values()
    {
        return m_values.get();
    }
    quint64 *other()
    {
        return m_values.get() + m_size;
    }
    void ready()
    {
        if (m_populate.joinable())
            m_populate.join();
    }

private:
    std::unique_ptr<quint64[]> m_values;
    size_t m_size;
    std::thread m_populate;
};

} // namespace

bool PackedId::pack(QByteArrayView text, char *bytes)
{
    if (text.size() != textLength)
        return false;
    // Eight characters are 40 bits: five bytes. 52 characters are six such groups, then four
    // characters (20 bits: two bytes, and 4 bits that are zero in the canonical text).
    const auto *in = reinterpret_cast<const quint8 *>(text.data());
    quint8 invalid = 0; // any character outside the alphabet sets the top bit
    auto take = [&](int count) {
        quint64 group = 0;
        for (int i = 0; i < count; ++i) {
            const quint8 value = decodeTable[*in++];
            invalid |= value;
            group = (group << 5) | (value & 31);
        }
        return group;
    };
    for (int g = 0; g < 6; ++g) {
        const quint64 group = take(8);
        for (int b = 4; b >= 0; --b)
            *bytes++ = char((group >> (8 * b)) & 0xff);
    }
    const quint64 tail = take(4);
    bytes[0] = char((tail >> 12) & 0xff);
    bytes[1] = char((tail >> 4) & 0xff);
    return !(invalid & 0x80) && (tail & 0xf) == 0;
}

void PackedId::unpack(const char *bytes, char *text)
{
    // Five bytes are eight characters; the last two bytes are four (their 4 low bits zero).
    const auto *in = reinterpret_cast<const quint8 *>(bytes);
    for (int g = 0; g < 6; ++g, in += 5, text += 8) {
        const quint64 group = quint64(in[0]) << 32 | quint64(in[1]) << 24 | quint64(in[2]) << 16
            | quint64(in[3]) << 8 | quint64(in[4]);
        for (int i = 0; i < 8; ++i)
            text[i] = alphabet[(group >> (35 - 5 * i)) & 31];
    }
    const unsigned tail = unsigned(in[0]) << 8 | unsigned(in[1]);
    text[0] = alphabet[(tail >> 11) & 31];
    text[1] = alphabet[(tail >> 6) & 31];
    text[2] = alphabet[(tail >> 1) & 31];
    text[3] = alphabet[(tail << 4) & 31];
}

bool PackedId::isAlphabet(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
}

int PackedId::compare(const char *a, const char *b)
{
    for (int i = 0; i < byteLength; ++i) {
        if (a[i] == b[i])
            continue;
        // The first differing bit decides which group differs first.
        const unsigned diff = quint8(a[i]) ^ quint8(b[i]);
        int bit = i * 8;
        for (unsigned mask = 0x80; !(diff & mask); mask >>= 1)
            ++bit;
        const int group = bit / 5;
        return rankOf(groupAt(a, group)) - rankOf(groupAt(b, group));
    }
    return 0;
}

void SessionRow::setDeadline(qint64 ms)
{
    constexpr qint64 lastUnit = std::numeric_limits<quint32>::max() - 1; // 34 years
    m_deadline = ms < 0 ? 0 : quint32(qMin(ms / deadlineUnitMs, lastUnit) + 1);
}

void SessionRow::setSize(qint64 bytes)
{
    m_size = quint32(qBound(qint64(0), bytes, qint64(maxSize)));
}

void SessionRow::setPackedId(const char *bytes)
{
    m_idKind = quint32(IdKind::Packed);
    std::memcpy(idBytes, bytes, PackedId::byteLength);
}

void SessionRow::setTextId(const char *data, quint32 length)
{
    static_assert(sizeof(data) + sizeof(length) <= sizeof(idBytes));
    m_idKind = quint32(IdKind::Text);
    std::memcpy(idBytes, &data, sizeof(data));
    std::memcpy(idBytes + sizeof(data), &length, sizeof(length));
}

QByteArrayView SessionRow::storedId() const
{
    switch (idKind()) {
    case IdKind::Packed:
        return QByteArrayView(idBytes, PackedId::byteLength);
    case IdKind::Text: {
        const char *data = nullptr;
        quint32 length = 0;
        std::memcpy(&data, idBytes, sizeof(data));
        std::memcpy(&length, idBytes + sizeof(data), sizeof(length));
        return QByteArrayView(data, qsizetype(length));
    }
    case IdKind::None:
        break;
    }
    return QByteArrayView();
}

QByteArray SessionRow::id() const
{
    return RowIdText(*this).view().toByteArray();
}

int SessionRow::compareIds(const SessionRow &a, const SessionRow &b)
{
    if (a.isPacked() && b.isPacked())
        return PackedId::compare(a.idBytes, b.idBytes);
    return RowIdText(a).view().compare(RowIdText(b).view());
}

RowIdText::RowIdText(const SessionRow &row)
{
    if (row.isPacked()) {
        PackedId::unpack(row.idBytes, m_text);
        m_view = QByteArrayView(m_text, PackedId::textLength);
    } else {
        m_view = row.storedId();
    }
}

SessionRows::SessionRows()
    : m_index([this](int slot) { return m_slots[slot].storedId(); })
{ }

SessionRows::IdKey SessionRows::keyOf(QByteArrayView id)
{
    IdKey key;
    key.packed = PackedId::pack(id, key.bytes);
    key.text = id;
    key.hash = SlotIndex::hashOf(key.stored());
    return key;
}

int SessionRows::findSlot(QByteArrayView id) const
{
    return findSlot(keyOf(id));
}

int SessionRows::findSlot(const IdKey &key) const
{
    const int slot = m_index.find(key.stored(), key.hash);
    if (slot < 0 || m_slots[slot].isPacked() == key.packed)
        return slot;
    // Another ID's 32 bytes equal this one's text (only a made-up key can do that): look
    // at every row.
    for (int other = 0; other < m_slots.size(); ++other) {
        if (isUsed(other) && m_slots[other].isPacked() == key.packed
            && m_slots[other].storedId() == key.stored())
            return other;
    }
    return -1;
}

QList<int> SessionRows::findSlots(const QList<QByteArrayView> &ids) const
{
    std::vector<IdKey> keys;
    keys.reserve(size_t(ids.size()));
    for (QByteArrayView id : ids) {
        keys.push_back(keyOf(id));
        m_index.prefetch(keys.back().hash);
    }
    QList<int> slots;
    slots.reserve(ids.size());
    for (const IdKey &key : keys)
        slots.append(findSlot(key));
    return slots;
}

int SessionRows::rowOfSlot(int slot) const
{
    if (slot < 0 || slot >= m_slots.size() || !isUsed(slot))
        return -1;
    if (m_inSlotOrder)
        return slot;
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
    return append(keyOf(id), row);
}

void SessionRows::appendAll(const QList<NewRow> &rows)
{
    // A few hundred at a time: their index places are asked for, then filled.
    constexpr qsizetype chunk = 256;
    std::vector<IdKey> keys;
    keys.reserve(size_t(qMin(chunk, rows.size())));
    for (qsizetype from = 0; from < rows.size(); from += chunk) {
        const qsizetype to = qMin(rows.size(), from + chunk);
        keys.clear();
        for (qsizetype i = from; i < to; ++i) {
            keys.push_back(keyOf(rows.at(i).id));
            m_index.prefetch(keys.back().hash);
        }
        for (qsizetype i = from; i < to; ++i)
            append(keys[size_t(i - from)], rows.at(i).row);
    }
}

int SessionRows::append(const IdKey &key, SessionRow row)
{
    if (key.packed)
        row.setPackedId(key.bytes);
    else
        row.setTextId(m_arena.store(key.text), quint32(key.text.size()));
    int slot;
    if (!m_free.isEmpty()) {
        slot = m_free.takeLast();
        m_slots[slot] = row;
    } else {
        slot = int(m_slots.size());
        m_slots.append(row);
    }
    m_index.insert(slot, key.hash);
    if (m_inSlotOrder)
        return slot; // the new last row, in the new last slot
    // One at a time: append() grows the list in place (realloc), where resize() would copy it
    // to new memory and touch every page of it at once.
    while (m_rowOfSlot.size() < m_slots.size())
        m_rowOfSlot.append(-1);
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
    if (m_inSlotOrder && row == count() - 1) {
        releaseSlot(row); // the last slot: the rest stay in slot order
        return;
    }
    keepOrder();
    const int slot = m_order[row];
    m_order.remove(row);
    releaseSlot(slot);
}

int SessionRows::moveToEnd(const QList<int> &slots)
{
    keepOrder();
    const QSet<int> moving(slots.cbegin(), slots.cend());
    const auto middle = std::stable_partition(m_order.begin(), m_order.end(),
                                              [&](int slot) { return !moving.contains(slot); });
    return int(m_order.end() - middle);
}

void SessionRows::removeTail(int n)
{
    for (int i = 0; i < n; ++i) {
        if (m_inSlotOrder) { // the last slot: the rest stay in slot order
            releaseSlot(int(m_slots.size()) - 1);
            continue;
        }
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
    m_inSlotOrder = true;
}

void SessionRows::keepOrder()
{
    if (!m_inSlotOrder)
        return;
    m_order.resize(m_slots.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    m_rowOfSlot.clear(); // stale: rebuilt when asked for
    m_inSlotOrder = false;
}

void SessionRows::sortBySlot()
{
    if (m_inSlotOrder)
        return;
    if (m_free.isEmpty()) { // every slot used: row r is slot r
        m_order = QList<int>();
        m_rowOfSlot = QList<int>();
        m_inSlotOrder = true;
        return;
    }
    std::sort(m_order.begin(), m_order.end());
}

std::function<bool(int, int)> SessionRows::slotLess(const Compare &compare, bool descending) const
{
    return [this, &compare, descending](int a, int b) {
        int order = compare(m_slots[a], m_slots[b]);
        if (order == 0)
            order = a < b ? -1 : a > b ? 1 : 0;
        return descending ? order > 0 : order < 0;
    };
}

void SessionRows::mergeTail(int from, const Compare &compare, bool descending)
{
    from = qBound(0, from, count());
    keepOrder();
    const auto less = slotLess(compare, descending);
    const auto middle = m_order.begin() + from;
    std::sort(middle, m_order.end(), less);
    std::inplace_merge(m_order.begin(), middle, m_order.end(), less);
}

void SessionRows::sortAll(const Compare &compare, bool descending)
{
    keepOrder();
    std::sort(m_order.begin(), m_order.end(), slotLess(compare, descending));
}

void SessionRows::sortByKey(const std::function<qint64(const SessionRow &)> &key, bool descending)
{
    if (isEmpty())
        return;
    // Its pages are prepared while the rows are read, slot by slot as they lie in memory; so
    // are the order's and its inverse's when they are not kept yet (4 MiB each for a million
    // rows, 1,000 page faults each).
    SortBuffer buffer { size_t(count()) };
    std::thread orderPages;
    if (m_inSlotOrder) {
        orderPages = std::thread([this, n = m_slots.size()]() {
            m_order.resize(n);
            std::iota(m_order.begin(), m_order.end(), 0); // as kept in slot order
            m_rowOfSlot.resize(n); // stale: rowOfSlot() checks it against the order
        });
    }
    auto keepOrderNow = [&]() {
        if (!orderPages.joinable())
            return;
        orderPages.join();
        m_inSlotOrder = false;
    };
    // The rows are read once: each key, and its slot beside it in the buffer's other half.
    constexpr qint64 last = std::numeric_limits<qint64>::max();
    qint64 low = last;
    qint64 high = std::numeric_limits<qint64>::min();
    quint64 *packed = buffer.values();
    quint64 *slots = buffer.other();
    size_t n = 0;
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        const SessionRow &row = m_slots[slot];
        if (!row.isUsed())
            continue;
        const qint64 k = key(row);
        packed[n] = quint64(k);
        slots[n++] = quint64(slot);
        if (k != last) {
            low = qMin(low, k);
            high = qMax(high, k);
        }
    }
    if (low > high) // every key is the last one
        low = high = 0;
    // Each row as one number: its key's place in the range, then its slot. The radix sort
    // orders by the place alone and keeps the slots' order among equal places. A range too
    // wide for that is sorted by comparing.
    const quint64 lastPlace = quint64(high) - quint64(low) + 1;
    const int slotBits = std::bit_width(quint64(m_slots.size()));
    const int keyBits = std::bit_width(lastPlace);
    if (lastPlace == 0 || keyBits + slotBits > 64) {
        keepOrderNow();
        sortAll(
            [&key](const SessionRow &a, const SessionRow &b) {
                const qint64 x = key(a), y = key(b);
                return x < y ? -1 : x > y ? 1 : 0;
            },
            descending);
        return;
    }
    for (size_t i = 0; i < n; ++i) {
        const quint64 place = packed[i] == quint64(last) ? lastPlace : packed[i] - quint64(low);
        packed[i] = (place << slotBits) | slots[i];
    }
    buffer.ready();
    const quint64 *sorted = radixSort(packed, slots, n, slotBits, keyBits);
    const quint64 slotMask = (quint64(1) << slotBits) - 1;
    keepOrderNow();
    for (size_t i = 0; i < n; ++i)
        m_order[qsizetype(descending ? n - 1 - i : i)] = int(sorted[i] & slotMask);
}

void SessionRows::squeeze()
{
    // The big lists keep their room: it was never written, so it holds no memory, and giving
    // it back would copy every row (a long stall with a million of them).
    m_free.squeeze();
}

qint64 SessionRows::memoryEstimate() const
{
    return qint64(m_slots.capacity()) * qint64(sizeof(SessionRow)) + m_arena.bytesReserved()
        + m_index.bytesReserved()
        + qint64(m_order.capacity() + m_rowOfSlot.capacity() + m_free.capacity()) * 4;
}

} // namespace RediStore::Admin
