// SessionRows, its ID arena and slot index: random additions and removals across many index
// growths agree with a plain reference; sorting and merging keep a consistent order.

#include "sessions/idneedle.h"
#include "sessions/sessionrows.h"

#include <QtCore/QHash>
#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

#include <algorithm>
#include <functional>
#include <limits>

using namespace RediStore::Admin;

class tst_SessionRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowFieldsKeepTheirValues();
    void slotOrderKeepsNoOrderList();
    void randomOperationsMatchAReference();
    void growsPastPreparedTables();
    void reservedIndexTakesOver();
    void moveToEndAndRemoveTail();
    void sortByKeyMatchesSortAll_data();
    void sortByKeyMatchesSortAll();
    void mergeTailKeepsOrder();
    void longAndEmptyIds();
    void storeIdsArePacked_data();
    void storeIdsArePacked();
    void packedIdsSortAsTheirText();
    void idNeedleFindsWhatTextSearchFinds();
};

// base32 of 32 random bytes, unpadded, as RedisStore::generateId() makes them.
static QByteArray storeId(QRandomGenerator &random)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray id;
    quint64 buffer = 0;
    int bits = 0;
    for (int i = 0; i < 32; ++i) {
        buffer = (buffer << 8) | random.bounded(256);
        bits += 8;
        while (bits >= 5) {
            id += alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    id += alphabet[(buffer << (5 - bits)) & 31];
    return id;
}

static QByteArray makeId(int n)
{
    return "ID-" + QByteArray::number(n) + QByteArray(40, 'A' + char(n % 26));
}

// Appends the IDs 0 to count - 1; after each multiple of every (but 0) removes the ID before
// it. before(i) runs ahead of each append.
static void fillRemovingEvery(SessionRows &rows, int count, int every,
                              const std::function<void(int)> &before = nullptr)
{
    for (int i = 0; i < count; ++i) {
        if (before)
            before(i);
        rows.append(makeId(i), SessionRow());
        if (i % every == 0 && i > 0)
            rows.removeRow(rows.rowOf(makeId(i - 1)));
    }
}

// The first ID that fillRemovingEvery() left wrong (not found, found though removed, or
// another ID in its slot), or -1.
static int firstWrongId(const SessionRows &rows, int count, int every)
{
    for (int i = 0; i < count; ++i) {
        const bool removed = i % every == every - 1 && i < count - 1;
        const int slot = rows.findSlot(makeId(i));
        if ((slot >= 0) == removed || (slot >= 0 && rows.slot(slot).id() != makeId(i)))
            return i;
    }
    return -1;
}

// The compact row: a deadline to a quarter of a second, never later than given; sizes up to
// 256 MiB exact, larger ones clamped; fields that share a word leave each other alone.
void tst_SessionRows::rowFieldsKeepTheirValues()
{
    SessionRow row;
    QCOMPARE(row.deadline(), -1);
    QCOMPARE(row.size(), 0u);
    QCOMPARE(row.match(), ValueMatch::Unknown);
    QVERIFY(!row.isUsed());
    for (qint64 ms : { qint64(0), qint64(1), qint64(249), qint64(250), qint64(86'400'123),
                       qint64(400) * 24 * 3600 * 1000 }) {
        row.setDeadline(ms);
        QVERIFY2(row.deadline() <= ms && row.deadline() > ms - SessionRow::deadlineUnitMs,
                 qPrintable(QString::number(ms)));
    }
    row.setDeadline(-1);
    QCOMPARE(row.deadline(), -1);
    row.setDeadline(std::numeric_limits<qint64>::max()); // beyond 34 years: the last one
    QVERIFY(row.deadline() > qint64(34) * 365 * 24 * 3600 * 1000);

    row.setSize(SessionRow::maxSize - 1);
    QCOMPARE(row.size(), SessionRow::maxSize - 1);
    QVERIFY(!row.isSizeClamped());
    row.setSize(qint64(512) * 1024 * 1024);
    QCOMPARE(row.size(), SessionRow::maxSize);
    QVERIFY(row.isSizeClamped());
    row.setSize(-5);
    QCOMPARE(row.size(), 0u);

    const QByteArray id = makeId(3);
    SessionRows rows;
    SessionRow stored;
    stored.setSize(SessionRow::maxSize - 7);
    stored.setDeadline(123'456'750);
    rows.append(id, stored);
    SessionRow &kept = rows.slot(rows.findSlot(id));
    for (ValueMatch match : { ValueMatch::Checking, ValueMatch::Yes, ValueMatch::No }) {
        kept.setMatch(match);
        QCOMPARE(kept.match(), match);
        QCOMPARE(kept.size(), SessionRow::maxSize - 7);
        QCOMPARE(kept.deadline(), 123'456'750);
        QCOMPARE(kept.id(), id);
    }
    kept.setSize(12);
    QCOMPARE(kept.match(), ValueMatch::No);
    QVERIFY(kept.isUsed());
}

// Until rows are sorted or one before the last is removed, row r is slot r and no order is
// kept; sorting back by slot with no free slot drops it again.
void tst_SessionRows::slotOrderKeepsNoOrderList()
{
    SessionRows rows;
    for (int i = 0; i < 1000; ++i) {
        SessionRow row;
        row.setSize(1000 - i);
        rows.append(makeId(i), row);
    }
    const qint64 unordered = rows.memoryEstimate();
    for (int slot : { 0, 17, 999 })
        QCOMPARE(rows.rowOfSlot(slot), slot);
    rows.removeRow(999); // the last: still in slot order
    rows.removeTail(2);
    QCOMPARE(rows.count(), 997);
    QCOMPARE(rows.rowOf(makeId(996)), 996);
    QCOMPARE(rows.rowOf(makeId(997)), -1);
    QVERIFY(rows.memoryEstimate() <= unordered);

    rows.sortByKey([](const SessionRow &row) { return qint64(row.size()); }, false);
    QVERIFY(rows.memoryEstimate() >= unordered + 2 * 997 * qint64(sizeof(int)));
    QCOMPARE(rows.slotAt(0), 996);
    QCOMPARE(rows.rowOfSlot(996), 0);
    QCOMPARE(rows.rowOf(makeId(0)), 996);

    rows.sortBySlot();
    QCOMPARE(rows.memoryEstimate(), unordered);
    QCOMPARE(rows.rowOf(makeId(5)), 5);

    rows.removeRow(5); // a free slot: the order is kept from now on
    QCOMPARE(rows.count(), 996);
    QCOMPARE(rows.rowOf(makeId(6)), 5);
    QCOMPARE(rows.rowOf(makeId(5)), -1);
    SessionRow row;
    rows.append(makeId(2000), row); // takes slot 5, at the end
    QCOMPARE(rows.slotAt(996), 5);
    rows.sortBySlot();
    QCOMPARE(rows.rowOf(makeId(2000)), 5);
    QCOMPARE(rows.rowOf(makeId(6)), 6);
    for (int r = 0; r < rows.count(); ++r)
        QCOMPARE(rows.slotAt(r), r);
}

void tst_SessionRows::randomOperationsMatchAReference()
{
    SessionRows rows;
    QHash<QByteArray, quint32> reference; // id -> size
    QRandomGenerator random(42);
    int next = 0;
    for (int step = 0; step < 200000; ++step) {
        if (reference.isEmpty() || random.bounded(100) < 70) {
            const QByteArray id = makeId(next++);
            SessionRow row;
            row.setSize(next);
            rows.append(id, row);
            reference.insert(id, quint32(next));
        } else {
            const int row = int(random.bounded(rows.count()));
            const QByteArray id = rows.at(row).id();
            QVERIFY(reference.contains(id));
            rows.removeRow(row);
            reference.remove(id);
            QCOMPARE(rows.findSlot(id), -1);
        }
        if (step % 20011 == 0) {
            QCOMPARE(rows.count(), int(reference.size()));
            for (auto it = reference.cbegin(); it != reference.cend(); ++it) {
                const int slot = rows.findSlot(it.key());
                QVERIFY(slot >= 0);
                QCOMPARE(rows.slot(slot).size(), it.value());
                QCOMPARE(rows.slot(slot).id(), it.key());
                QCOMPARE(rows.at(rows.rowOfSlot(slot)).id(), it.key());
            }
        }
    }
    QCOMPARE(rows.count(), int(reference.size()));
    QCOMPARE(rows.findSlot("never-added"), -1);
    rows.clear();
    QCOMPARE(rows.count(), 0);
    QCOMPARE(rows.findSlot(makeId(0)), -1);
}

// Past 262,144 rows the index prepares its next table on a thread of its own: every
// row is still found through two such growths, with removals and a clear() in between.
void tst_SessionRows::growsPastPreparedTables()
{
    SessionRows rows;
    constexpr int count = 800000;
    fillRemovingEvery(rows, count, 3);
    QCOMPARE(firstWrongId(rows, count, 3), -1);
    rows.clear();
    QCOMPARE(rows.findSlot(makeId(1)), -1);
    for (int i = 0; i < 300000; ++i)
        rows.append(makeId(i), SessionRow());
    QCOMPARE(rows.findSlot(makeId(299999)) >= 0, true);
    QCOMPARE(rows.count(), 300000);
}

// Room reserved while rows come in (the database's size arrives after the first page): the
// reserved table takes over, small or prepared on its thread, with removals meanwhile, and a
// reservation smaller than the index changes nothing.
void tst_SessionRows::reservedIndexTakesOver()
{
    for (const int reserved : { 5000, 600000 }) {
        SessionRows rows;
        const int count = reserved + reserved / 4; // past the reservation too
        fillRemovingEvery(rows, count, 5, [&](int i) {
            if (i == 300)
                rows.reserve(reserved);
            if (i == 400)
                rows.reserve(10); // less than there is: nothing changes
        });
        QCOMPARE(firstWrongId(rows, count, 5), -1);
        rows.reserve(reserved * 4); // being prepared when cleared
        rows.clear();
        QCOMPARE(rows.findSlot(makeId(1)), -1);
        rows.append(makeId(1), SessionRow());
        QCOMPARE(rows.rowOf(makeId(1)), 0);
    }
}

void tst_SessionRows::moveToEndAndRemoveTail()
{
    SessionRows rows;
    for (int i = 0; i < 10; ++i)
        rows.append(makeId(i), SessionRow());
    const QList<int> gone
        = { rows.findSlot(makeId(2)), rows.findSlot(makeId(5)), rows.findSlot(makeId(6)) };
    QCOMPARE(rows.moveToEnd(gone), 3);
    QCOMPARE(rows.at(2).id(), makeId(3)); // the others keep their order
    rows.removeTail(3);
    QCOMPARE(rows.count(), 7);
    for (int i : { 2, 5, 6 })
        QCOMPARE(rows.findSlot(makeId(i)), -1);
    QCOMPARE(rows.rowOf(makeId(9)), 6);
}

void tst_SessionRows::sortByKeyMatchesSortAll_data()
{
    QTest::addColumn<int>("spread");
    QTest::addColumn<bool>("removals"); // else the rows are still in slot order
    QTest::newRow("many ties") << 0 << true;
    QTest::newRow("no expiry among deadlines") << 1 << true;
    QTest::newRow("no expiry among deadlines, in slot order") << 1 << false;
    QTest::newRow("negative keys") << 2 << true;
    QTest::newRow("range too wide for one number") << 3 << true;
    QTest::newRow("range too wide for one number, in slot order") << 3 << false;
}

// The radix sort (and its fallback for wide ranges) against comparisons: by key, ties by slot,
// descending as the exact reverse, free slots left by removals skipped.
void tst_SessionRows::sortByKeyMatchesSortAll()
{
    QFETCH(int, spread);
    QFETCH(bool, removals);
    SessionRows a, b;
    QRandomGenerator random(7);
    // Each row's key is keys[its size]: any 64-bit keys, whatever a row can hold.
    std::vector<qint64> keys;
    for (int i = 0; i < 5000; ++i) {
        switch (spread) {
        case 0:
            keys.push_back(random.bounded(50));
            break;
        case 1:
            keys.push_back(i % 7 == 0 ? std::numeric_limits<qint64>::max()
                                      : 1'000'000'000'000 + random.bounded(86'400'000));
            break;
        case 2:
            keys.push_back(qint64(random.bounded(2000)) - 1000);
            break;
        default:
            keys.push_back(qint64(random.generate64() >> 1) - (qint64(1) << 61));
            break;
        }
        SessionRow row;
        row.setSize(i);
        a.append(makeId(i), row);
        b.append(makeId(i), row);
        if (removals && i % 10 == 9) { // a free slot, taken again by the next row
            a.removeRow(a.rowOf(makeId(i - 5)));
            b.removeRow(b.rowOf(makeId(i - 5)));
        }
    }
    auto key = [&keys](const SessionRow &r) { return keys[r.size()]; };
    for (bool descending : { false, true }) {
        a.sortByKey(key, descending);
        b.sortAll(
            [&key](const SessionRow &x, const SessionRow &y) {
                return key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0;
            },
            descending);
        QCOMPARE(a.count(), b.count());
        for (int row = 0; row < a.count(); ++row) {
            QCOMPARE(a.at(row).id(), b.at(row).id());
            QCOMPARE(a.slotAt(row), b.slotAt(row));
        }
        for (int row = 1; row < a.count(); ++row) {
            const qint64 before = key(a.at(row - 1)), after = key(a.at(row));
            QVERIFY(descending ? before >= after : before <= after);
            if (before == after) // ties by slot, reversed when descending
                QVERIFY(descending ? a.slotAt(row - 1) > a.slotAt(row)
                                   : a.slotAt(row - 1) < a.slotAt(row));
        }
    }
}

void tst_SessionRows::mergeTailKeepsOrder()
{
    SessionRows rows;
    auto compare = [](const SessionRow &x, const SessionRow &y) {
        return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    };
    for (int i = 0; i < 100; ++i) {
        SessionRow row;
        row.setSize((i * 37) % 101);
        rows.append(makeId(i), row);
    }
    rows.sortAll(compare, false);
    for (int i = 100; i < 150; ++i) {
        SessionRow row;
        row.setSize((i * 53) % 101);
        rows.append(makeId(i), row);
    }
    rows.mergeTail(100, compare, false);
    for (int row = 1; row < rows.count(); ++row)
        QVERIFY(rows.at(row - 1).size() <= rows.at(row).size());
    QCOMPARE(rows.count(), 150);
}

void tst_SessionRows::longAndEmptyIds()
{
    SessionRows rows;
    const QByteArray huge(200000, 'x');
    rows.append(huge, SessionRow());
    rows.append(QByteArray(), SessionRow());
    rows.append(QByteArray("\xc3\xa9t\xc3\xa9"), SessionRow());
    QCOMPARE(rows.findSlot(huge), 0);
    QCOMPARE(rows.findSlot(QByteArray()), 1);
    QCOMPARE(rows.at(2).id(), QByteArray("\xc3\xa9t\xc3\xa9"));
    QVERIFY(rows.memoryEstimate() > 200000);
}

void tst_SessionRows::storeIdsArePacked_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<bool>("packed");
    QRandomGenerator random(7);
    QTest::newRow("store ID") << storeId(random) << true;
    QTest::newRow("all A") << QByteArray(52, 'A') << true;
    QTest::newRow("all 7, last Q") << QByteArray(51, '7') + 'Q' << true;
    // Not what pack() can give back exactly: kept as text.
    QTest::newRow("last bits set") << QByteArray(51, 'A') + 'B' << false;
    QTest::newRow("lower case") << QByteArray(52, 'a') << false;
    QTest::newRow("padding") << QByteArray(48, 'A') + "====" << false;
    QTest::newRow("51 chars") << QByteArray(51, 'A') << false;
    QTest::newRow("53 chars") << QByteArray(53, 'A') << false;
    QTest::newRow("digit 1") << QByteArray(51, '1') + 'A' << false;
    QTest::newRow("one digit 0 inside") << QByteArray(20, 'B') + '0' + QByteArray(31, 'C') << false;
    QTest::newRow("one byte of UTF-8 inside")
        << QByteArray(40, 'B') + '\xc3' + QByteArray(11, 'A') << false;
    QTest::newRow("an 8 in the last four") << QByteArray(47, 'A') + '8' + "AAAA" << false;
    QTest::newRow("32 bytes of text") << QByteArray(32, 'Z') << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void tst_SessionRows::storeIdsArePacked()
{
    QFETCH(QByteArray, id);
    QFETCH(bool, packed);
    SessionRows rows;
    const int slot = rows.append(id, SessionRow());
    QCOMPARE(rows.slot(slot).isPacked(), packed);
    QCOMPARE(rows.slot(slot).id(), id);
    QCOMPARE(RowIdText(rows.slot(slot)).view(), QByteArrayView(id));
    QCOMPARE(rows.slot(slot).storedId().size(), packed ? 32 : id.size());
    QCOMPARE(rows.findSlot(id), slot);
    QCOMPARE(rows.rowOf(id), 0);
    // A text ID equal to the packed bytes is another session.
    if (packed) {
        const QByteArray bytes = rows.slot(slot).storedId().toByteArray();
        QCOMPARE(rows.findSlot(bytes), -1);
        const int other = rows.append(bytes, SessionRow());
        QVERIFY(!rows.slot(other).isPacked());
        QCOMPARE(rows.findSlot(bytes), other);
        QCOMPARE(rows.findSlot(id), slot);
    }
}

void tst_SessionRows::packedIdsSortAsTheirText()
{
    QRandomGenerator random(11);
    QList<QByteArray> ids;
    for (int i = 0; i < 3000; ++i)
        ids.append(storeId(random));
    // Neighbours that differ late, and in digits against letters.
    ids.append(QByteArray(51, '2') + 'A');
    ids.append(QByteArray(51, 'A') + 'A');
    ids.append(QByteArray(50, 'A') + "7A");
    ids.append(QByteArray(50, 'A') + "ZA");
    ids.append(QByteArray(50, 'A') + "AQ");
    ids.append("SHORT-ID");
    SessionRows rows;
    for (const QByteArray &id : std::as_const(ids))
        rows.append(id, SessionRow());
    rows.sortAll(SessionRow::compareIds, false);
    std::sort(ids.begin(), ids.end());
    QCOMPARE(rows.count(), ids.size());
    for (int row = 0; row < rows.count(); ++row)
        QCOMPARE(rows.at(row).id(), ids.at(row));
}

// The ID filter's search against QString's, ignoring case: store-made IDs (decoded and
// searched a block at a time) and others, texts at every place of an ID, in either case, too
// long, with characters a store-made ID never holds.
void tst_SessionRows::idNeedleFindsWhatTextSearchFinds()
{
    QRandomGenerator random(11);
    SessionRows rows;
    QList<QByteArray> ids;
    for (int i = 0; i < 200; ++i)
        ids.append(storeId(random));
    ids << "plain-id-42"
        << "Ünïcode-Sitzung" << QByteArray() << QByteArray(60, 'Q');
    for (const QByteArray &id : std::as_const(ids))
        rows.append(id, SessionRow());
    QCOMPARE(rows.slot(0).isPacked(), true);

    QList<QByteArray> needles { "",
                                "q",
                                "Q",
                                "qq",
                                "QQQ",
                                "a2",
                                "7",
                                "1",
                                "0",
                                "-",
                                "id-4",
                                "ÜNÏ",
                                "sitzung",
                                QByteArray(53, 'Q'),
                                QByteArray(52, 'Q') };
    for (int i = 0; i < 40; ++i) { // pieces of IDs: at the start, the end and between
        const QByteArray &id = ids.at(i);
        const int length = 1 + int(random.bounded(12));
        const int at = i % 3 == 0 ? 0 : i % 3 == 1 ? 52 - length : int(random.bounded(52 - length));
        QByteArray piece = id.mid(at, length);
        if (i % 2)
            piece = piece.toLower();
        needles << piece << id;
    }
    for (const QByteArray &needle : std::as_const(needles)) {
        const QString text = QString::fromUtf8(needle);
        const IdNeedle idNeedle(text);
        for (int slot = 0; slot < rows.slotCount(); ++slot) {
            const QString id = QString::fromUtf8(rows.slot(slot).id());
            QVERIFY2(idNeedle.isIn(rows.slot(slot)) == id.contains(text, Qt::CaseInsensitive),
                     qPrintable(text + QStringLiteral(" in ") + id));
        }
    }
}

QTEST_MAIN(tst_SessionRows)
#include "tst_sessionrows.moc"
