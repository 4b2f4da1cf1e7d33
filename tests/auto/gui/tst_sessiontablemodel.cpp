// SessionTableModel against a real redis-server: incremental SCAN, live TTLs, sorting, updates
// and removals, lazy previews, the value search, and a 100,000-session scan that must not
// stall the event loop.

#include "guitestsupport.h"
#include "sessions/previewcache.h"
#include "sessions/sessionfilterproxymodel.h"
#include "sessions/sessiontablemodel.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

#include <limits>
#include <memory>
#include <vector>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_SessionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void scanListsEverySession();
    void fetchMoreWithoutBackgroundScan();
    void ttlCountsDownWithoutModelSignals();
    void sortsByTtlAndSizeAndKeepsOrderForNewRows();
    void removesManyRowsAndKeepsPersistentIndexes();
    void touchAddsChangesAndRemovesRows();
    void refreshFindsNewAndGoneSessions();
    void idThatIsNotUtf8GoesWhenDeleted();
    void sizesFrom256MiBShowAsAtLeast();
    void previewsLoadForRequestedRowsOnlyAndStayBounded();
    void filtersByIdAndByValue();
    void filterFollowsInsertionsRemovalsAndSorts();
    void scanning100kSessionsKeepsTheEventLoopResponsive();

private:
    std::unique_ptr<SessionAdmin> makeAdmin();
    void scanToEnd(SessionTableModel &model);

    RedisServer m_server;
    std::unique_ptr<RedisPool> m_pool;
    RedisConfig m_config;
};

void tst_SessionTableModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    auto config = RedisConfig::fromUrl(m_server.url());
    QVERIFY(config.ok());
    m_config = config.value();
}

void tst_SessionTableModel::init()
{
    m_server.command({ "FLUSHALL" });
    m_pool = std::make_unique<RedisPool>(m_config);
}

void tst_SessionTableModel::cleanup()
{
    m_pool.reset();
}

std::unique_ptr<SessionAdmin> tst_SessionTableModel::makeAdmin()
{
    return std::make_unique<SessionAdmin>(m_pool.get(), QStringLiteral("session_"), nullptr);
}

void tst_SessionTableModel::scanToEnd(SessionTableModel &model)
{
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model.isScanComplete(), 60000);
}

void tst_SessionTableModel::scanListsEverySession()
{
    const QStringList ids = Test::fillSessions(m_server, 2500);
    QCOMPARE(ids.size(), 2500);
    m_server.command({ "SET", "other_key", "not a session" });
    auto admin = makeAdmin();
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    QVERIFY(model.canFetchMore(QModelIndex()));
    scanToEnd(model);
    QCOMPARE(model.rowCount(), 2500);
    QSet<QString> listed;
    for (int row = 0; row < model.rowCount(); ++row)
        listed.insert(model.sessionId(row));
    QCOMPARE(listed, QSet<QString>(ids.cbegin(), ids.cend()));
    QVERIFY(!model.canFetchMore(QModelIndex()));
    // Every row has a size and, for most, a TTL within what the filler set.
    const QModelIndex first = model.index(0, SessionTableModel::SizeColumn);
    QVERIFY(first.data(SessionTableModel::SizeRole).toLongLong() > 50);
    int withTtl = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 ttl = model.ttlMs(row);
        if (ttl >= 0) {
            ++withTtl;
            QVERIFY2(ttl <= 7200 * 1000 && ttl > 500 * 1000, qPrintable(QString::number(ttl)));
        }
    }
    QVERIFY(withTtl > 2300);
}

void tst_SessionTableModel::fetchMoreWithoutBackgroundScan()
{
    Test::fillSessions(m_server, 3000);
    auto admin = makeAdmin();
    SessionTableModel model; // no model tester here: it calls fetchMore() itself
    model.setScanToEnd(false);
    model.setPageSize(500);
    model.setAdmin(admin.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY(model.rowCount() > 0);
    QTRY_VERIFY(!model.isScanning());
    // One page only: the first rows show at once, the rest waits for the view to ask.
    QVERIFY(model.rowCount() < 1000);
    QVERIFY(model.canFetchMore(QModelIndex()));
    while (model.canFetchMore(QModelIndex())) {
        const int before = model.rowCount();
        model.fetchMore(QModelIndex());
        QTRY_VERIFY(!model.isScanning());
        QVERIFY(model.rowCount() >= before);
    }
    QCOMPARE(model.rowCount(), 3000);
}

void tst_SessionTableModel::ttlCountsDownWithoutModelSignals()
{
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_A"),
                               { { QStringLiteral("k"), 1 } }, QStringLiteral("json"), 100));
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_B"),
                               { { QStringLiteral("k"), 2 } }, QStringLiteral("json"), 0));
    auto admin = makeAdmin();
    SessionTableModel model;
    model.setAdmin(admin.get());
    scanToEnd(model);
    const int a = model.rowOf(QStringLiteral("A"));
    const int b = model.rowOf(QStringLiteral("B"));
    QVERIFY(a >= 0 && b >= 0);
    QCOMPARE(model.index(b, SessionTableModel::TtlColumn).data().toString(),
             QStringLiteral("no expiry"));
    const qint64 start = model.ttlMs(a);
    QVERIFY(start > 98000 && start <= 100000);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const QString shown = model.index(a, SessionTableModel::TtlColumn).data().toString();
    // The text changes once a second by itself: nothing is emitted, the painter asks again.
    QTRY_VERIFY(model.index(a, SessionTableModel::TtlColumn).data().toString() != shown);
    QVERIFY(model.ttlMs(a) < start);
    QCOMPARE(changes.count(), 0);
}

void tst_SessionTableModel::sortsByTtlAndSizeAndKeepsOrderForNewRows()
{
    for (int i = 0; i < 50; ++i) {
        QVariantMap values { { QStringLiteral("pad"),
                               QString(10 + (i * 37) % 50, QLatin1Char('x')) } };
        QVERIFY(Test::storeSession(m_server, QStringLiteral("session_S%1").arg(i), values,
                                   QStringLiteral("json"), i % 7 == 0 ? 0 : 1000 + (i * 53) % 900));
    }
    auto admin = makeAdmin();
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    scanToEnd(model);

    auto ttlKey = [&](int row) {
        const qint64 ttl = model.ttlMs(row);
        return ttl < 0 ? std::numeric_limits<qint64>::max() : ttl;
    };
    auto sizeOf = [&](int row) {
        return model.index(row, 0).data(SessionTableModel::SizeRole).toLongLong();
    };
    model.sort(SessionTableModel::TtlColumn, Qt::AscendingOrder);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY2(ttlKey(row - 1) <= ttlKey(row) || ttlKey(row - 1) - ttlKey(row) < 50,
                 qPrintable(QString::number(row)));
    QVERIFY(model.ttlMs(model.rowCount() - 1) == -1); // no expiry sorts last

    model.sort(SessionTableModel::SizeColumn, Qt::DescendingOrder);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(sizeOf(row - 1) >= sizeOf(row));

    // A new, larger session joins at its place.
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_BIG"),
                               { { QStringLiteral("pad"), QString(500, QLatin1Char('y')) } },
                               QStringLiteral("json"), 100));
    model.touchSessions({ QStringLiteral("BIG") });
    QTRY_COMPARE(model.sessionId(0), QStringLiteral("BIG"));
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(sizeOf(row - 1) >= sizeOf(row));

    model.sort(SessionTableModel::IdColumn, Qt::AscendingOrder);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.sessionId(row - 1) < model.sessionId(row));
}

void tst_SessionTableModel::removesManyRowsAndKeepsPersistentIndexes()
{
    const QStringList ids = Test::fillSessions(m_server, 300);
    auto admin = makeAdmin();
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    scanToEnd(model);
    model.sort(SessionTableModel::TtlColumn, Qt::AscendingOrder);

    const QString keep = model.sessionId(150);
    const QPersistentModelIndex kept(model.index(150, 0));
    QSignalSpy removed(&model, &SessionTableModel::sessionsRemoved);
    QSignalSpy rowsRemoved(&model, &QAbstractItemModel::rowsRemoved);
    const QStringList gone = { model.sessionId(3), model.sessionId(77), model.sessionId(149),
                               model.sessionId(151), model.sessionId(299) };
    model.removeSessions(gone + QStringList { QStringLiteral("not-listed") });
    QCOMPARE(model.rowCount(), 295);
    QCOMPARE(rowsRemoved.count(), 1); // one removal for all of them
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toStringList().size(), 5);
    for (const QString &id : gone)
        QCOMPARE(model.rowOf(id), -1);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(SessionTableModel::IdRole).toString(), keep);
    QCOMPARE(model.rowOf(keep), kept.row());
}

void tst_SessionTableModel::touchAddsChangesAndRemovesRows()
{
    Test::fillSessions(m_server, 20);
    auto admin = makeAdmin();
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    scanToEnd(model);
    QCOMPARE(model.rowCount(), 20);

    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_NEW"),
                               { { QStringLiteral("a"), 1 } }, QStringLiteral("json"), 60));
    QSignalSpy touched(&model, &SessionTableModel::sessionsTouched);
    model.touchSessions({ QStringLiteral("NEW") });
    QTRY_COMPARE(model.rowCount(), 21);
    const int row = model.rowOf(QStringLiteral("NEW"));
    QVERIFY(row >= 0);
    QVERIFY(model.ttlMs(row) > 55000);

    m_server.command({ "EXPIRE", "session_NEW", "5000" });
    model.touchSessions({ QStringLiteral("NEW") });
    QTRY_VERIFY(model.ttlMs(model.rowOf(QStringLiteral("NEW"))) > 4000 * 1000);
    QVERIFY(touched.count() >= 2);

    m_server.command({ "DEL", "session_NEW" });
    QSignalSpy removed(&model, &SessionTableModel::sessionsRemoved);
    model.touchSessions({ QStringLiteral("NEW") });
    QTRY_COMPARE(model.rowCount(), 20);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("NEW")), -1);
}

void tst_SessionTableModel::refreshFindsNewAndGoneSessions()
{
    const QStringList ids = Test::fillSessions(m_server, 500);
    auto admin = makeAdmin();
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    scanToEnd(model);
    QCOMPARE(model.rowCount(), 500);
    for (int i = 0; i < 40; ++i)
        m_server.command({ "DEL", "session_" + ids.at(i * 10).toUtf8() });
    Test::SessionFiller::Options other;
    other.seed = 99;
    const QStringList added = Test::fillSessions(m_server, 25, other);
    model.refresh();
    QTRY_VERIFY(model.isScanComplete());
    QTRY_COMPARE(model.rowCount(), 485);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(model.rowOf(ids.at(i * 10)), -1);
    for (const QString &id : added)
        QVERIFY(model.rowOf(id) >= 0);
}

// A row keeps sizes up to 256 MiB - 1; a larger value shows as at least that, and counts as
// changed at each scan (its clamped size could not show a change). The others do not.
void tst_SessionTableModel::sizesFrom256MiBShowAsAtLeast()
{
    Test::fillSessions(m_server, 20);
    const QByteArray huge = "session_HUGE";
    m_server.command({ "SETRANGE", huge, QByteArray::number(SessionRow::maxSize), "x" });
    m_server.command({ "EXPIRE", huge, "600" });
    auto admin = makeAdmin();
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    scanToEnd(model);
    QCOMPARE(model.rowCount(), 21);
    const int row = model.rowOf(QStringLiteral("HUGE"));
    QVERIFY(row >= 0);
    const QModelIndex size = model.index(row, SessionTableModel::SizeColumn);
    QCOMPARE(size.data(SessionTableModel::SizeRole).toLongLong(), qint64(SessionRow::maxSize));
    QVERIFY2(size.data().toString().startsWith(QChar(0x2265)), qPrintable(size.data().toString()));
    const QModelIndex other = model.index(row == 0 ? 1 : 0, SessionTableModel::SizeColumn);
    QVERIFY(other.data(SessionTableModel::SizeRole).toLongLong() < 100000);
    QVERIFY(!other.data().toString().startsWith(QChar(0x2265)));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refresh();
    QTRY_VERIFY(model.isScanComplete());
    QSet<int> changedRows;
    for (const QList<QVariant> &args : std::as_const(changed))
        changedRows.insert(args.at(0).toModelIndex().row());
    QCOMPARE(changedRows, QSet<int>({ model.rowOf(QStringLiteral("HUGE")) }));
    m_server.command({ "DEL", huge });
}

// A key whose bytes after the prefix are not UTF-8: its row is found by the ID as the admin
// gives it (a QString), so probes and removals reach it.
void tst_SessionTableModel::idThatIsNotUtf8GoesWhenDeleted()
{
    Test::fillSessions(m_server, 10);
    const QByteArray raw("A\xff\xfe"
                         "B",
                         4);
    m_server.command({ "SET", "session_" + raw, "value", "EX", "600" });
    auto admin = makeAdmin();
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    scanToEnd(model);
    QCOMPARE(model.rowCount(), 11);
    const QString id = admin->idFromKey("session_" + raw);
    QVERIFY(model.rowOf(id) >= 0);
    m_server.command({ "DEL", "session_" + raw });
    model.refresh();
    QTRY_VERIFY(model.isScanComplete());
    QTRY_COMPARE(model.rowCount(), 10);
    QCOMPARE(model.rowOf(id), -1);
}

void tst_SessionTableModel::previewsLoadForRequestedRowsOnlyAndStayBounded()
{
    QVERIFY(Test::storeSession(
        m_server, QStringLiteral("session_P"),
        { { QStringLiteral("name"), QStringLiteral("alice") }, { QStringLiteral("user_id"), 42 } },
        QStringLiteral("gob"), 100));
    Test::fillSessions(m_server, 200);
    m_server.command({ "SET", "session_BAD", QByteArray("\x01\x02garbage", 9) });
    auto admin = makeAdmin();
    SessionTableModel model;
    model.previewCache()->setCapacity(20);
    model.setAdmin(admin.get());
    scanToEnd(model);
    QCOMPARE(model.previewCache()->size(), 0); // nothing loaded before anyone looks

    const QModelIndex preview
        = model.index(model.rowOf(QStringLiteral("P")), SessionTableModel::ValuesColumn);
    QCOMPARE(preview.data().toString(), QStringLiteral("loading\u2026"));
    QTRY_COMPARE(preview.data().toString(), QStringLiteral("name: alice  \u00b7  user_id: 42"));
    const QModelIndex bad
        = model.index(model.rowOf(QStringLiteral("BAD")), SessionTableModel::ValuesColumn);
    bad.data();
    QTRY_VERIFY(bad.data().toString().startsWith(QStringLiteral("does not decode")));

    for (int row = 0; row < 100; ++row)
        model.index(row, SessionTableModel::ValuesColumn).data();
    QTRY_COMPARE(model.previewCache()->pendingCount(), 0);
    QVERIFY(model.previewCache()->size() <= 20);
}

void tst_SessionTableModel::filtersByIdAndByValue()
{
    Test::fillSessions(m_server, 300);
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_FINDME1"),
                               { { QStringLiteral("name"), QStringLiteral("Zebulon-the-unique") } },
                               QStringLiteral("datastream"), 100));
    QVERIFY(Test::storeSession(
        m_server, QStringLiteral("session_FINDME2"),
        { { QStringLiteral("nested"),
            QVariantMap { { QStringLiteral("who"), QStringLiteral("zebulon-THE-unique") } } } },
        QStringLiteral("gob"), 100));
    auto admin = makeAdmin();
    SessionTableModel model;
    SessionFilterProxyModel proxy;
    proxy.setSessionModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(admin.get());
    scanToEnd(model);
    QCOMPARE(proxy.rowCount(), 302);

    proxy.setIdFilter(QStringLiteral("findme"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setIdFilter(QString());
    QCOMPARE(proxy.rowCount(), 302);

    proxy.setValueFilter(QStringLiteral("zebulon-the-UNIQUE"));
    QVERIFY(model.isValueSearchRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isValueSearchRunning(), 20000);
    QCOMPARE(model.valueSearchChecked(), 302);
    QCOMPARE(proxy.rowCount(), 2);
    QStringList found { proxy.index(0, 0).data().toString(), proxy.index(1, 0).data().toString() };
    found.sort();
    QCOMPARE(found, (QStringList { QStringLiteral("FINDME1"), QStringLiteral("FINDME2") }));

    // A session that starts to match while the search is on shows up.
    Test::storeSession(m_server, QStringLiteral("session_LATER"),
                       { { QStringLiteral("x"), QStringLiteral("zebulon-the-unique too") } },
                       QStringLiteral("json"), 100);
    model.touchSessions({ QStringLiteral("LATER") });
    QTRY_COMPARE(proxy.rowCount(), 3);
    proxy.setValueFilter(QString());
    QCOMPARE(proxy.rowCount(), 303);
}

// The filter's proxy while the source changes under it: rows scanned, added, removed and sorted
// with a filter on; persistent indexes across a sort and across the filter's start and end;
// the column titles with no row shown.
void tst_SessionTableModel::filterFollowsInsertionsRemovalsAndSorts()
{
    const QStringList ids = Test::fillSessions(m_server, 400);
    auto admin = makeAdmin();
    SessionTableModel model;
    SessionFilterProxyModel proxy;
    proxy.setSessionModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString filter = QStringLiteral("q");
    const auto matches
        = [&](const QString &id) { return id.contains(filter, Qt::CaseInsensitive); };
    // Every shown row maps to a matching source row, in the source's order, and back; every
    // matching source row is shown.
    const auto checkMapping = [&]() {
        int previous = -1;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QModelIndex source = proxy.mapToSource(proxy.index(row, 1));
            QVERIFY(source.isValid());
            QVERIFY(source.row() > previous);
            previous = source.row();
            QCOMPARE(source.column(), 1);
            QVERIFY(matches(model.sessionId(source.row())));
            QCOMPARE(proxy.mapFromSource(source), proxy.index(row, 1));
        }
        int shown = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            shown += matches(model.sessionId(row)) ? 1 : 0;
        QCOMPARE(proxy.rowCount(), shown);
    };

    proxy.setIdFilter(filter); // before the scan: rows come in with the filter on
    model.setAdmin(admin.get());
    scanToEnd(model);
    QCOMPARE(model.rowCount(), 400);
    QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < 400);
    checkMapping();

    const QPersistentModelIndex kept(proxy.index(proxy.rowCount() / 2, 0));
    const QString keptId = kept.data(SessionTableModel::IdRole).toString();
    model.sort(SessionTableModel::TtlColumn, Qt::DescendingOrder);
    checkMapping();
    QCOMPARE(kept.data(SessionTableModel::IdRole).toString(), keptId);
    const auto ttlOf = [&](int row) {
        const qint64 ttl = proxy.index(row, 1).data(SessionTableModel::TtlRole).toLongLong();
        return ttl < 0 ? std::numeric_limits<qint64>::max() : ttl;
    };
    for (int row = 1; row < proxy.rowCount(); ++row)
        QVERIFY(ttlOf(row - 1) >= ttlOf(row));

    // Removed: some shown, some hidden; added: one that matches, one that does not.
    QStringList gone;
    for (const QString &id : ids) {
        if (gone.size() < 30 && id != keptId)
            gone.append(id);
    }
    for (const QString &id : std::as_const(gone))
        m_server.command({ "DEL", "session_" + id.toUtf8() });
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_QUEUED"),
                               { { QStringLiteral("a"), 1 } }, QStringLiteral("json"), 60));
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_OTHER"),
                               { { QStringLiteral("a"), 1 } }, QStringLiteral("json"), 60));
    model.touchSessions(gone + QStringList { QStringLiteral("QUEUED"), QStringLiteral("OTHER") });
    QTRY_COMPARE(model.rowCount(), 400 - 30 + 2);
    QTRY_VERIFY(model.rowOf(QStringLiteral("QUEUED")) >= 0);
    checkMapping();
    QVERIFY(proxy.mapFromSource(model.index(model.rowOf(QStringLiteral("QUEUED")), 0)).isValid());
    QVERIFY(!proxy.mapFromSource(model.index(model.rowOf(QStringLiteral("OTHER")), 0)).isValid());
    QCOMPARE(kept.data(SessionTableModel::IdRole).toString(), keptId);

    proxy.setIdFilter(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
    QCOMPARE(kept.data(SessionTableModel::IdRole).toString(), keptId);
    QCOMPARE(proxy.mapToSource(kept).row(), model.rowOf(keptId));

    proxy.setIdFilter(QStringLiteral("no such session"));
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(!kept.isValid());
    for (int column = 0; column < SessionTableModel::ColumnCount; ++column)
        QCOMPARE(proxy.headerData(column, Qt::Horizontal),
                 model.headerData(column, Qt::Horizontal));
}

void tst_SessionTableModel::scanning100kSessionsKeepsTheEventLoopResponsive()
{
    QElapsedTimer fillClock;
    fillClock.start();
    QCOMPARE(Test::fillSessions(m_server, 100000).size(), 100000);
    qInfo("filled 100,000 sessions in %lld ms", fillClock.elapsed());

    auto admin = makeAdmin();
    SessionTableModel model;
    SessionFilterProxyModel proxy;
    proxy.setSessionModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // A 1 ms timer: the longest gap between its ticks is the longest the UI could not react.
    QElapsedTimer sinceTick;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(1);
    connect(&ticker, &QTimer::timeout, this,
            [&]() { longest = qMax(longest, sinceTick.restart()); });
    QElapsedTimer firstRows;
    qint64 firstRowsMs = -1;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&]() {
        if (firstRowsMs < 0)
            firstRowsMs = firstRows.elapsed();
    });
    sinceTick.start();
    firstRows.start();
    ticker.start();
    model.setAdmin(admin.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model.isScanComplete(), 120000);
    const qint64 scanMs = firstRows.elapsed();
    QTest::qWait(20);
    const qint64 longestWhileScanning = longest;
    // Sorting the full list happens in one go; measure it separately.
    QElapsedTimer sortClock;
    sortClock.start();
    proxy.sort(SessionTableModel::TtlColumn, Qt::AscendingOrder);
    const qint64 sortMs = sortClock.elapsed();
    QTest::qWait(20);
    ticker.stop();
    qInfo("100,000 sessions: first rows after %lld ms, whole scan %lld ms, longest event-loop "
          "stall while scanning %lld ms, TTL sort of all rows %lld ms, model memory ~%lld KiB",
          firstRowsMs, scanMs, longestWhileScanning, sortMs, model.memoryEstimate() / 1024);
    QCOMPARE(model.rowCount(), 100000);
    QCOMPARE(proxy.rowCount(), 100000);
    QVERIFY2(firstRowsMs < 2000, qPrintable(QString::number(firstRowsMs)));
    // Generous for a shared, busy machine and sanitizer builds; typical is far less.
    QVERIFY2(longestWhileScanning < 500,
             qPrintable(QStringLiteral("longest stall %1 ms").arg(longestWhileScanning)));
    QVERIFY2(longest < 2000, qPrintable(QStringLiteral("sorting stalled %1 ms").arg(longest)));

    // Filtering this many rows reads them on two threads: the same rows as one by one.
    proxy.setIdFilter(QStringLiteral("qq"));
    std::vector<int> expected;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.sessionId(row).contains(QLatin1String("QQ")))
            expected.push_back(row);
    }
    QVERIFY(!expected.empty());
    QCOMPARE(proxy.rowCount(), int(expected.size()));
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.mapToSource(proxy.index(row, 0)).row(), expected[size_t(row)]);
}

QTEST_MAIN(tst_SessionTableModel)
#include "tst_sessiontablemodel.moc"
