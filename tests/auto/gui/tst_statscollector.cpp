// StatsCollector and DistributionModel: the buckets' limits, and every count of a real scan of
// a real redis-server compared with counts computed here from what the test wrote.

#include "guitestsupport.h"
#include "sessions/sessiontablemodel.h"
#include "stats/distributionmodel.h"
#include "stats/statscollector.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>

#include <array>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_StatsCollector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ttlBuckets_data();
    void ttlBuckets();
    void sizeBuckets();
    void countsOfARealScanMatchWhatWasWritten();
    void aRestartedListingStartsTheCountsOver();
    void distributionModelKeepsItsContract();

private:
    RedisServer m_server;
};

void tst_StatsCollector::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_StatsCollector::ttlBuckets_data()
{
    QTest::addColumn<qint64>("ttlMs");
    QTest::addColumn<int>("bucket");
    QTest::newRow("gone") << qint64(-2) << int(StatsCollector::TtlGone);
    QTest::newRow("none") << qint64(-1) << int(StatsCollector::TtlNone);
    QTest::newRow("0") << qint64(0) << int(StatsCollector::TtlUnderMinute);
    QTest::newRow("59.999 s") << qint64(59999) << int(StatsCollector::TtlUnderMinute);
    QTest::newRow("1 min") << qint64(60000) << int(StatsCollector::TtlUnderTenMinutes);
    QTest::newRow("59 min") << qint64(59 * 60000) << int(StatsCollector::TtlUnderHour);
    QTest::newRow("1 h") << qint64(3600000) << int(StatsCollector::TtlUnderSixHours);
    QTest::newRow("23 h") << qint64(23 * 3600000LL) << int(StatsCollector::TtlUnderDay);
    QTest::newRow("6 days") << qint64(6 * 86400000LL) << int(StatsCollector::TtlUnderWeek);
    QTest::newRow("7 days") << qint64(7 * 86400000LL) << int(StatsCollector::TtlLonger);
}

void tst_StatsCollector::ttlBuckets()
{
    QFETCH(qint64, ttlMs);
    QFETCH(int, bucket);
    QCOMPARE(int(StatsCollector::ttlBucket(ttlMs)), bucket);
}

void tst_StatsCollector::sizeBuckets()
{
    QCOMPARE(StatsCollector::sizeBucket(0), StatsCollector::SizeUnder64);
    QCOMPARE(StatsCollector::sizeBucket(63), StatsCollector::SizeUnder64);
    QCOMPARE(StatsCollector::sizeBucket(64), StatsCollector::SizeUnder256);
    QCOMPARE(StatsCollector::sizeBucket(1023), StatsCollector::SizeUnder1K);
    QCOMPARE(StatsCollector::sizeBucket(1024), StatsCollector::SizeUnder4K);
    QCOMPARE(StatsCollector::sizeBucket(65535), StatsCollector::SizeUnder64K);
    QCOMPARE(StatsCollector::sizeBucket(65536), StatsCollector::SizeLarger);
}

void tst_StatsCollector::countsOfARealScanMatchWhatWasWritten()
{
    m_server.command({ "FLUSHALL" });
    // Sessions of known TTLs (well inside their buckets), sizes and serializers, and values no
    // serializer wrote. The expected counts are computed here, with limits of our own.
    const QList<qint64> ttls = { -1,
                                 30000,
                                 5 * 60000,
                                 30 * 60000,
                                 3 * 3600000LL,
                                 12 * 3600000LL,
                                 3 * 86400000LL,
                                 10 * 86400000LL };
    const QList<int> pads = { 0, 100, 500, 2000, 8000, 30000, 70000 };
    const QStringList formats
        = { QStringLiteral("datastream"), QStringLiteral("gob"), QStringLiteral("json") };
    std::array<qint64, StatsCollector::TtlBucketCount> ttlExpected {};
    std::array<qint64, StatsCollector::SizeBucketCount> sizeExpected {};
    std::array<qint64, StatsCollector::FormatCount> formatExpected {};
    qint64 total = 0;
    qint64 smallest = std::numeric_limits<qint64>::max();
    qint64 largest = 0;
    const int count = 700;
    for (int i = 0; i < count; ++i) {
        const qint64 ttl = ttls[i % ttls.size()];
        const int pad = pads[(i / 3) % pads.size()];
        QByteArray bytes;
        int format;
        if (i % 10 == 9) {
            bytes = QByteArray("not a session ") + QByteArray(pad, 'x');
            format = StatsCollector::FormatUnknown;
        } else {
            format = i % 3;
            const QVariantMap values { { QStringLiteral("user"), QStringLiteral("u%1").arg(i) },
                                       { QStringLiteral("pad"), QString(pad, QLatin1Char('p')) } };
            bytes = SessionSerializer::byName(formats[format])->serialize(values).value();
        }
        QByteArrayList command = { "SET", "session_s" + QByteArray::number(i), bytes };
        if (ttl >= 0)
            command << "PX" << QByteArray::number(ttl);
        QCOMPARE(m_server.command(command).toByteArray(), QByteArray("OK"));

        const int ttlBucket = ttl == -1 ? StatsCollector::TtlNone
            : ttl < 60000               ? StatsCollector::TtlUnderMinute
            : ttl < 600000              ? StatsCollector::TtlUnderTenMinutes
            : ttl < 3600000             ? StatsCollector::TtlUnderHour
            : ttl < 6 * 3600000LL       ? StatsCollector::TtlUnderSixHours
            : ttl < 86400000LL          ? StatsCollector::TtlUnderDay
            : ttl < 7 * 86400000LL      ? StatsCollector::TtlUnderWeek
                                        : StatsCollector::TtlLonger;
        ++ttlExpected[ttlBucket];
        int sizeBucket = 0;
        for (qint64 limit = 64; sizeBucket < StatsCollector::SizeLarger && bytes.size() >= limit;
             limit *= 4)
            ++sizeBucket;
        ++sizeExpected[sizeBucket];
        ++formatExpected[format];
        total += bytes.size();
        smallest = qMin(smallest, qint64(bytes.size()));
        largest = qMax(largest, qint64(bytes.size()));
    }
    // Every bucket has sessions, so that each comparison means something.
    for (int bucket = StatsCollector::TtlUnderMinute; bucket < StatsCollector::TtlBucketCount;
         ++bucket)
        QVERIFY(ttlExpected[bucket] > 0); // none gone: that bucket stays empty
    for (qint64 n : sizeExpected)
        QVERIFY(n > 0);
    for (qint64 n : formatExpected)
        QVERIFY(n > 0);
    m_server.command({ "SET", "other_key", "not under the prefix" });
    m_server.command({ "HSET", "session_hash", "a", "b" }); // not a string: no session

    auto config = RedisConfig::fromUrl(m_server.url());
    QVERIFY(config.ok());
    RedisPool pool(config.value());
    SessionAdmin admin(&pool, QStringLiteral("session_"), nullptr);
    SessionTableModel model;
    model.setPageSize(50); // many pages
    StatsCollector stats;
    int pages = 0;
    connect(&model, &SessionTableModel::sessionsListed, &model,
            [&](const QList<SessionInfo> &sessions) {
                stats.add(sessions);
                ++pages;
            });
    model.setAdmin(&admin);
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model.isScanComplete(), 60000);
    QVERIFY(pages > 1);

    QCOMPARE(stats.sessions(), qint64(count));
    QCOMPARE(stats.gone(), qint64(0));
    for (int bucket = 0; bucket < StatsCollector::TtlBucketCount; ++bucket)
        QCOMPARE(stats.ttlCount(StatsCollector::TtlBucket(bucket)), ttlExpected[bucket]);
    for (int bucket = 0; bucket < StatsCollector::SizeBucketCount; ++bucket)
        QCOMPARE(stats.sizeCount(StatsCollector::SizeBucket(bucket)), sizeExpected[bucket]);
    for (int format = 0; format < StatsCollector::FormatCount; ++format)
        QCOMPARE(stats.formatCount(StatsCollector::Format(format)), formatExpected[format]);
    QCOMPARE(stats.totalBytes(), total);
    QCOMPARE(stats.smallest(), smallest);
    QCOMPARE(stats.largest(), largest);
    QVERIFY(stats.medianSize() >= smallest && stats.medianSize() <= largest);
}

void tst_StatsCollector::aRestartedListingStartsTheCountsOver()
{
    m_server.command({ "FLUSHALL" });
    const QStringList ids = Test::fillSessions(m_server, 300);
    QCOMPARE(ids.size(), 300);
    auto config = RedisConfig::fromUrl(m_server.url());
    RedisPool pool(config.value());
    SessionAdmin admin(&pool, QStringLiteral("session_"), nullptr);
    SessionTableModel model;
    StatsCollector stats;
    connect(&model, &SessionTableModel::sessionsListed, &model,
            [&](const QList<SessionInfo> &sessions) { stats.add(sessions); });
    QSignalSpy restarted(&model, &SessionTableModel::listingRestarted);
    connect(&model, &SessionTableModel::listingRestarted, &model, [&]() { stats.clear(); });
    model.setAdmin(&admin);
    QCOMPARE(restarted.size(), 1);
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model.isScanComplete(), 30000);
    QCOMPARE(stats.sessions(), qint64(300));

    // A third of them gone: after a refresh the counts are the new scan's, not a sum.
    for (int i = 0; i < 100; ++i)
        m_server.command({ "DEL", "session_" + ids[i].toUtf8() });
    model.refresh();
    QCOMPARE(restarted.size(), 2);
    QCOMPARE(stats.sessions(), qint64(0));
    QTRY_VERIFY_WITH_TIMEOUT(model.isScanComplete(), 30000);
    QCOMPARE(stats.sessions(), qint64(200));
}

void tst_StatsCollector::distributionModelKeepsItsContract()
{
    DistributionModel model(QStringLiteral("Bucket"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setBars({ { QStringLiteral("a"), 3 }, { QStringLiteral("b"), 1 } });
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, DistributionModel::CountColumn).data(DistributionModel::CountRole),
             QVariant(qint64(3)));
    QCOMPARE(model.index(1, DistributionModel::ShareColumn)
                 .data(DistributionModel::ShareRole)
                 .toDouble(),
             0.25);
    QCOMPARE(model.index(1, DistributionModel::ShareColumn).data().toString(),
             DistributionModel::shareText(0.25));
    // Same labels: the numbers change in place.
    model.setBars({ { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 1 } });
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.share(0), 0.5);
    // Other labels, another total: a reset.
    model.setBars({ { QStringLiteral("c"), 2 } }, 8);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.share(0), 0.25);
    QVERIFY(model.text().contains(QStringLiteral("c: 2")));
    model.setBars({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.maxCount(), qint64(0));
}

QTEST_MAIN(tst_StatsCollector)
#include "tst_statscollector.moc"
