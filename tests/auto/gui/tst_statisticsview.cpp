// StatisticsView on a real redis-server (and a private Redis Cluster): it fills from the
// session browser's scan and settles once the scan is complete and the per-user index read,
// its tables say what its charts show, a refresh starts the counts over, and it is reachable
// by keyboard.

#include "guitestsupport.h"
#include "rediscluster.h"
#include "sessions/sessiontablemodel.h"
#include "stats/barchart.h"
#include "stats/distributionmodel.h"
#include "stats/statisticsview.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QDateTime>
#include <QtGui/QClipboard>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisCluster;
using RediStore::Test::RedisServer;

class tst_StatisticsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void settlesAfterTheScanWithTablesThatMatchTheCharts();
    void saysSoWhenThereIsNoUserIndex();
    void refreshStartsTheCountsOver();
    void readsTheUserIndexOnlyWhenShown();
    void chartsAndTablesAreReachableByKeyboard();
    void countsEveryMasterOfACluster();

private:
    void indexUser(const QString &user, int sessions, int expired = 0);
    std::unique_ptr<SessionAdmin> makeAdmin();

    RedisServer m_server;
    std::unique_ptr<RedisPool> m_pool;
};

void tst_StatisticsView::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_StatisticsView::init()
{
    m_server.command({ "FLUSHALL" });
    m_pool = std::make_unique<RedisPool>(RedisConfig::fromUrl(m_server.url()).value());
}

std::unique_ptr<SessionAdmin> tst_StatisticsView::makeAdmin()
{
    return std::make_unique<SessionAdmin>(m_pool.get(), QStringLiteral("session_"), nullptr);
}

// Index entries as RedisStore's withUserIndex writes them: scored by their expiry in ms.
void tst_StatisticsView::indexUser(const QString &user, int sessions, int expired)
{
    const QByteArray key = "redistore:user:session_:" + user.toUtf8();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < sessions + expired; ++i) {
        const qint64 score = i < sessions ? now + 3600000 : now - 60000;
        m_server.command({ "ZADD", key, QByteArray::number(score),
                           user.toUtf8() + "-session-" + QByteArray::number(i) });
    }
}

void tst_StatisticsView::settlesAfterTheScanWithTablesThatMatchTheCharts()
{
    QCOMPARE(Test::fillSessions(m_server, 2000).size(), 2000);
    indexUser(QStringLiteral("alice"), 5);
    indexUser(QStringLiteral("bob"), 3, 4); // the expired entries are not counted
    indexUser(QStringLiteral("carol"), 1);

    auto admin = makeAdmin();
    SessionTableModel model;
    StatisticsView view(&model);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (int chart = 0; chart < StatisticsView::ChartCount; ++chart) {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            view.distribution(StatisticsView::Chart(chart)),
            QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    view.resize(1200, 800);
    view.show();
    QVERIFY(!view.isSettled());
    QSignalSpy updated(&view, &StatisticsView::updated);
    model.setAdmin(admin.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 60000);
    QVERIFY(model.isScanComplete());
    QVERIFY(updated.size() >= 2);

    // Every listed session in each chart, and the table holds the chart's numbers.
    QCOMPARE(view.collector().sessions(), qint64(model.rowCount()));
    QCOMPARE(view.collector().sessions(), qint64(2000));
    for (const auto chart :
         { StatisticsView::TtlChart, StatisticsView::SizeChart, StatisticsView::SerializerChart }) {
        DistributionModel *numbers = view.distribution(chart);
        qint64 sum = 0;
        for (int row = 0; row < numbers->rowCount(); ++row) {
            const qint64 count = numbers->index(row, DistributionModel::CountColumn)
                                     .data(DistributionModel::CountRole)
                                     .toLongLong();
            sum += count;
            QCOMPARE(view.table(chart)->model()->index(row, 1).data().toString(),
                     QLocale().toString(count));
            QVERIFY(view.chart(chart)->accessibleDescription().contains(
                numbers->index(row, 0).data().toString()));
        }
        QCOMPARE(sum, qint64(2000));
    }
    // The filler wrote all three serializers, and about 2% without expiry.
    for (int format = 0; format < 3; ++format)
        QVERIFY(view.collector().formatCount(StatsCollector::Format(format)) > 300);
    QCOMPARE(view.collector().formatCount(StatsCollector::FormatUnknown), qint64(0));
    QVERIFY(view.collector().ttlCount(StatsCollector::TtlNone) > 0);

    // Users, most sessions first, live entries only; shares of all indexed sessions.
    DistributionModel *users = view.distribution(StatisticsView::UserChart);
    QCOMPARE(users->rowCount(), 3);
    QCOMPARE(users->bars().at(0).label, QStringLiteral("alice"));
    QCOMPARE(users->bars().at(0).count, qint64(5));
    QCOMPARE(users->bars().at(1).label, QStringLiteral("bob"));
    QCOMPARE(users->bars().at(1).count, qint64(3));
    QCOMPARE(users->total(), qint64(9));
    QVERIFY(view.progressText().contains(QLocale().toString(2000)));

    // "Copy numbers" gives them all as text.
    const QString text = view.numbersText();
    QVERIFY(text.contains(QStringLiteral("alice: 5")));
    QVERIFY(text.contains(QStringLiteral("No expiry: ")));
    QVERIFY(text.contains(QStringLiteral("gob (Go): ")));
}

void tst_StatisticsView::saysSoWhenThereIsNoUserIndex()
{
    QCOMPARE(Test::fillSessions(m_server, 100).size(), 100);
    auto admin = makeAdmin();
    SessionTableModel model;
    StatisticsView view(&model);
    view.show(); // the per-user index is read while the view is shown
    model.setAdmin(admin.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 30000);
    QVERIFY(view.usersAnswered());
    QCOMPARE(view.distribution(StatisticsView::UserChart)->rowCount(), 0);
    QVERIFY(view.chart(StatisticsView::UserChart)
                ->accessibleDescription()
                .contains(QStringLiteral("No per-user index")));
    QVERIFY(view.numbersText().contains(QStringLiteral("No per-user index")));
    QCOMPARE(view.collector().sessions(), qint64(100));
}

void tst_StatisticsView::refreshStartsTheCountsOver()
{
    const QStringList ids = Test::fillSessions(m_server, 600);
    auto admin = makeAdmin();
    SessionTableModel model;
    StatisticsView view(&model);
    view.show(); // the per-user index is read while the view is shown
    model.setAdmin(admin.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 30000);
    QCOMPARE(view.collector().sessions(), qint64(600));

    for (int i = 0; i < 250; ++i)
        m_server.command({ "DEL", "session_" + ids[i].toUtf8() });
    indexUser(QStringLiteral("dave"), 2);
    model.refresh();
    QVERIFY(!view.isSettled());
    QCOMPARE(view.collector().sessions(), qint64(0));
    QVERIFY2(view.progressText().contains(QStringLiteral("Scanning")),
             qPrintable(view.progressText()));
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 30000);
    QCOMPARE(view.collector().sessions(), qint64(350));
    qint64 sum = 0;
    for (const auto &bar : view.distribution(StatisticsView::TtlChart)->bars())
        sum += bar.count;
    QCOMPARE(sum, qint64(350));
    // The users were read again too.
    QCOMPARE(view.distribution(StatisticsView::UserChart)->rowCount(), 1);

    // A new admin (another connection) starts over as well; none: not connected.
    model.setAdmin(nullptr);
    QCOMPARE(view.collector().sessions(), qint64(0));
    QVERIFY(!view.isSettled());
}

void tst_StatisticsView::readsTheUserIndexOnlyWhenShown()
{
    QCOMPARE(Test::fillSessions(m_server, 50).size(), 50);
    indexUser(QStringLiteral("alice"), 2);
    auto admin = makeAdmin();
    SessionTableModel model;
    StatisticsView view(&model);
    model.setAdmin(admin.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model.isScanComplete(), 30000);
    // Hidden: the sessions are counted, but no walk over the keys for the index.
    QTRY_COMPARE(view.collector().sessions(), qint64(50));
    QTest::qWait(100);
    QVERIFY(!view.usersAnswered());
    QVERIFY(!view.isSettled());
    view.show();
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 30000);
    QCOMPARE(view.distribution(StatisticsView::UserChart)->rowCount(), 1);
}

void tst_StatisticsView::chartsAndTablesAreReachableByKeyboard()
{
    QCOMPARE(Test::fillSessions(m_server, 50).size(), 50);
    auto admin = makeAdmin();
    SessionTableModel model;
    StatisticsView view(&model);
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.setAdmin(admin.get());
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 30000);

    BarChart *ttl = view.chart(StatisticsView::TtlChart);
    QCOMPARE(ttl->focusPolicy(), Qt::StrongFocus);
    ttl->setFocus();
    QTRY_VERIFY(ttl->hasFocus());
    QCOMPARE(ttl->currentBar(), 0);
    QTest::keyClick(ttl, Qt::Key_Down);
    QTest::keyClick(ttl, Qt::Key_Down);
    QCOMPARE(ttl->currentBar(), 2);
    QTest::keyClick(ttl, Qt::Key_End);
    QCOMPARE(ttl->currentBar(), StatsCollector::TtlBucketCount - 1);
    // Tab: from the chart to its table, then to the next chart.
    QTest::keyClick(ttl, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), view.table(StatisticsView::TtlChart));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), view.chart(StatisticsView::SizeChart));
    // Ctrl+Shift+C copies the numbers.
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), view.numbersText());
    QVERIFY(!view.table(StatisticsView::SizeChart)->accessibleName().isEmpty());
    QVERIFY(!ttl->accessibleName().isEmpty());
}

void tst_StatisticsView::countsEveryMasterOfACluster()
{
    RedisCluster cluster;
    QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
    QHash<quint16, int> perMaster;
    const QByteArray bytes = SessionSerializer::byName(QStringLiteral("json"))
                                 ->serialize({ { QStringLiteral("user"), QStringLiteral("x") } })
                                 .value();
    for (int i = 0; i < 300; ++i) {
        const QByteArray key = "session_c" + QByteArray::number(i);
        const quint16 master = cluster.masterOfSlot(RedisCluster::keySlot(key));
        QCOMPARE(cluster.command(master, { "SET", key, bytes, "PX", "5000000" }).toByteArray(),
                 QByteArray("OK"));
        ++perMaster[master];
    }
    QCOMPARE(perMaster.size(), 3);
    // Two users' index keys, on whichever masters their slots are.
    for (const QByteArray &user : { QByteArray("erin"), QByteArray("frank") }) {
        const QByteArray key = "redistore:user:session_:" + user;
        const quint16 master = cluster.masterOfSlot(RedisCluster::keySlot(key));
        const int n = user == "erin" ? 4 : 2;
        for (int i = 0; i < n; ++i) {
            cluster.command(master,
                            { "ZADD", key,
                              QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 3600000),
                              user + QByteArray::number(i) });
        }
    }

    auto config = RedisConfig::fromUrl(cluster.url());
    QVERIFY(config.ok());
    SessionAdmin admin(config.value(), QStringLiteral("session_"));
    SessionTableModel model;
    StatisticsView view(&model);
    view.show();
    model.setAdmin(&admin);
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 60000);
    QCOMPARE(view.collector().sessions(), qint64(300));
    QCOMPARE(view.collector().formatCount(StatsCollector::FormatJson), qint64(300));
    QCOMPARE(view.collector().ttlCount(StatsCollector::TtlUnderSixHours), qint64(300));
    DistributionModel *users = view.distribution(StatisticsView::UserChart);
    QCOMPARE(users->rowCount(), 2);
    QCOMPARE(users->bars().at(0).label, QStringLiteral("erin"));
    QCOMPARE(users->bars().at(0).count, qint64(4));
    QCOMPARE(users->bars().at(1).count, qint64(2));
}

QTEST_MAIN(tst_StatisticsView)
#include "tst_statisticsview.moc"
