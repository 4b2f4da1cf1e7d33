// The fixtures for cluster and sentinel tests, checked on real servers: RedisCluster
// (scripts/private-cluster.sh) and RedisSentinelSetup (scripts/private-sentinel.sh).

#include "rediscluster.h"
#include "redissentinel.h"
#include "redisserver.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QSet>
#include <QtTest/QTest>

using RediStore::Test::RedisCluster;
using RediStore::Test::redisCommand;
using RediStore::Test::RedisSentinelSetup;
using RediStore::Test::RedisServer;

class tst_PrivateTopologies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keySlotKnownValues_data();
    void keySlotKnownValues();
    void clusterStarts();
    void keySlotAgreesWithServer();
    void slotMigration();
    void clusterFailover();
    void clusterStops();
    void sentinelFailover();
    void sentinelKilledMaster();
    void sentinelStops();
    void passwords();

private:
    RedisCluster m_cluster;
    RedisSentinelSetup m_sentinel;
};

static QString elapsed(const QElapsedTimer &timer)
{
    return QStringLiteral("%1 s").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2);
}

void tst_PrivateTopologies::keySlotKnownValues_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("slot");
    // CRC16/XMODEM's check value is 0x31C3 for "123456789"; the others are CLUSTER KEYSLOT's.
    QTest::newRow("check value") << QByteArray("123456789") << 0x31C3;
    QTest::newRow("foo") << QByteArray("foo") << 12182;
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("hash tag") << QByteArray("{foo}bar") << 12182;
    QTest::newRow("first tag") << QByteArray("{foo}{bar}") << 12182;
}

void tst_PrivateTopologies::keySlotKnownValues()
{
    QFETCH(QByteArray, key);
    QFETCH(int, slot);
    QCOMPARE(RedisCluster::keySlot(key), slot);
    // An empty tag is no tag: the whole key counts.
    QVERIFY(RedisCluster::keySlot("{}foo") != RedisCluster::keySlot("foo"));
}

void tst_PrivateTopologies::clusterStarts()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
    qInfo("cluster ready in %s", qPrintable(elapsed(timer)));

    const QList<quint16> ports = m_cluster.ports();
    QCOMPARE(ports.size(), 6);
    QCOMPARE(m_cluster.masterPorts(), ports.mid(0, 3));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_cluster.replicaPorts(ports.at(i)), QList<quint16> { ports.at(i + 3) });
    QCOMPARE(m_cluster.url(),
             QStringLiteral("redis+cluster://127.0.0.1:%1,127.0.0.1:%2,127.0.0.1:%3")
                 .arg(ports.at(0))
                 .arg(ports.at(1))
                 .arg(ports.at(2)));

    // CLUSTER SLOTS: 16384 slots, served by the three masters.
    const QVariantList ranges = m_cluster.command(ports.at(0), { "CLUSTER", "SLOTS" }).toList();
    qint64 covered = 0;
    QSet<qint64> masters;
    for (const QVariant &range : ranges) {
        const QVariantList fields = range.toList();
        QVERIFY(fields.size() >= 4); // first, last, master, replica
        covered += fields.at(1).toLongLong() - fields.at(0).toLongLong() + 1;
        masters << fields.at(2).toList().value(1).toLongLong();
    }
    QCOMPARE(covered, 16384);
    QCOMPARE(masters.size(), 3);
    QCOMPARE(m_cluster.masterOfSlot(0), ports.at(0));
    QCOMPARE(m_cluster.masterOfSlot(5461), ports.at(1));
    QCOMPARE(m_cluster.masterOfSlot(16383), ports.at(2));
    for (const quint16 port : ports) {
        QVERIFY(m_cluster.isRunning(port));
        QCOMPARE(RediStore::Test::infoField(
                     m_cluster.command(port, { "CLUSTER", "INFO" }).toByteArray(), "cluster_state"),
                 QByteArray("ok"));
    }
    QCOMPARE(RediStore::Test::roleOf(m_cluster.command(ports.at(3), { "ROLE" })),
             QByteArray("slave"));
    QVERIFY(m_cluster.waitUntilOk(1000));
}

void tst_PrivateTopologies::keySlotAgreesWithServer()
{
    QVERIFY(!m_cluster.ports().isEmpty());
    QByteArrayList keys = { "",
                            "a",
                            "foo",
                            "user1",
                            "{user1}a",
                            "{user1}b",
                            "x{user1}y",
                            "{}a",
                            "a{}",
                            "{a",
                            "a}",
                            "}a{b}",
                            "{a}{b}",
                            "a{{b}}",
                            "{{}}",
                            "{}{a}",
                            QByteArray("\xff\x00\x80{\x01}", 7),
                            "webapp_session_0123456789abcdef" };
    for (int i = 0; i < 20; ++i)
        keys << "session_" + QByteArray::number(i * 7919);
    for (const QByteArray &key : std::as_const(keys)) {
        const QVariant server
            = m_cluster.command(m_cluster.ports().at(1), { "CLUSTER", "KEYSLOT", key });
        QVERIFY2(server.typeId() == QMetaType::LongLong, key.toPercentEncoding().constData());
        QCOMPARE(RedisCluster::keySlot(key), server.toInt());
    }
}

void tst_PrivateTopologies::slotMigration()
{
    QVERIFY(!m_cluster.ports().isEmpty());
    const int slot = RedisCluster::keySlot("move");
    const quint16 from = m_cluster.masterOfSlot(slot);
    const quint16 to
        = from == m_cluster.ports().at(0) ? m_cluster.ports().at(1) : m_cluster.ports().at(0);
    QVERIFY(from != 0);
    const int count = 150;
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "{move}" + QByteArray::number(i);
        QCOMPARE(m_cluster.command(from, { "SET", key, QByteArray::number(i) }).toByteArray(),
                 QByteArray("OK"));
    }

    // Halfway: a moved key answers -ASK on the source, one not moved yet is still there.
    QVERIFY(m_cluster.beginMigration(slot, from, to));
    QCOMPARE(m_cluster.migrateKeys(slot, from, to, 10), 10);
    const QByteArray number = QByteArray::number(slot);
    QCOMPARE(m_cluster.command(from, { "CLUSTER", "COUNTKEYSINSLOT", number }).toLongLong(),
             count - 10);
    const QVariantList moved
        = m_cluster.command(to, { "CLUSTER", "GETKEYSINSLOT", number, "100" }).toList();
    QCOMPARE(moved.size(), 10);
    QCOMPARE(m_cluster.command(from, { "GET", moved.first().toByteArray() }).toByteArray(),
             "-ASK " + number + " 127.0.0.1:" + QByteArray::number(to));
    const QByteArray staying = m_cluster.command(from, { "CLUSTER", "GETKEYSINSLOT", number, "1" })
                                   .toList()
                                   .value(0)
                                   .toByteArray();
    QCOMPARE(m_cluster.command(from, { "GET", staying }).toByteArray(),
             staying.mid(staying.indexOf('}') + 1));

    QVERIFY(m_cluster.moveSlot(slot, from, to));
    QVERIFY(m_cluster.waitUntilOk(10000));
    QCOMPARE(m_cluster.masterOfSlot(slot), to);
    QCOMPARE(m_cluster.command(from, { "CLUSTER", "COUNTKEYSINSLOT", number }).toLongLong(), 0);
    QCOMPARE(m_cluster.command(to, { "CLUSTER", "COUNTKEYSINSLOT", number }).toLongLong(), count);
    QCOMPARE(m_cluster.command(to, { "GET", "{move}42" }).toByteArray(), QByteArray("42"));
    QVERIFY(m_cluster.command(from, { "GET", "{move}42" }).toByteArray().startsWith("-MOVED "));
}

void tst_PrivateTopologies::clusterFailover()
{
    QVERIFY(!m_cluster.ports().isEmpty());
    const quint16 master = m_cluster.masterOfSlot(16383);
    const QList<quint16> replicas = m_cluster.replicaPorts(master);
    QCOMPARE(replicas.size(), 1);
    // A key of the master's, on its replica too before the kill.
    QByteArray key;
    for (int i = 0; key.isEmpty(); ++i) {
        if (m_cluster.masterOfSlot(RedisCluster::keySlot("failover" + QByteArray::number(i)))
            == master)
            key = "failover" + QByteArray::number(i);
    }
    QCOMPARE(m_cluster.command(master, { "SET", key, "kept" }).toByteArray(), QByteArray("OK"));
    QCOMPARE(m_cluster.command(master, { "WAIT", "1", "5000" }).toLongLong(), 1);

    QElapsedTimer timer;
    timer.start();
    m_cluster.kill(master);
    QTRY_VERIFY_WITH_TIMEOUT(!m_cluster.isRunning(master), 5000);
    const quint16 promoted = m_cluster.waitForFailover(master, 20000);
    qInfo("replica took over in %s", qPrintable(elapsed(timer)));
    QCOMPARE(promoted, replicas.first());
    QCOMPARE(m_cluster.masterOfSlot(16383), promoted);
    QVERIFY(!m_cluster.masterPorts().contains(master));
    QCOMPARE(m_cluster.command(promoted, { "GET", key }).toByteArray(), QByteArray("kept"));

    timer.restart();
    QVERIFY(m_cluster.restart(master));
    QVERIFY(m_cluster.waitUntilOk(20000));
    qInfo("old master back as a replica in %s", qPrintable(elapsed(timer)));
    QCOMPARE(m_cluster.replicaPorts(promoted), QList<quint16> { master });
    QCOMPARE(m_cluster.masterPorts().size(), 3);
}

void tst_PrivateTopologies::clusterStops()
{
    const QList<quint16> ports = m_cluster.ports();
    QVERIFY(!ports.isEmpty());
    m_cluster.stop();
    for (const quint16 port : ports)
        QVERIFY(!RediStore::Test::PrivateNodes::isListening(port));
    QVERIFY(m_cluster.ports().isEmpty());
}

void tst_PrivateTopologies::sentinelFailover()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(m_sentinel.start(), qPrintable(m_sentinel.errorString()));
    qInfo("sentinel setup ready in %s", qPrintable(elapsed(timer)));

    const QList<quint16> data = m_sentinel.dataPorts();
    const QList<quint16> sentinels = m_sentinel.sentinelPorts();
    QCOMPARE(sentinels.size(), 3);
    QCOMPARE(m_sentinel.masterPort(), data.at(0));
    QCOMPARE(m_sentinel.replicaPort(), data.at(1));
    QCOMPARE(m_sentinel.url(2),
             QStringLiteral("redis+sentinel://127.0.0.1:%1,127.0.0.1:%2,127.0.0.1:%3/mymaster/2")
                 .arg(sentinels.at(0))
                 .arg(sentinels.at(1))
                 .arg(sentinels.at(2)));
    QVERIFY(m_sentinel.waitUntilSynced(1000));
    QCOMPARE(m_sentinel.command(data.at(0), { "SET", "k", "v" }).toByteArray(), QByteArray("OK"));

    timer.restart();
    QVERIFY(m_sentinel.failover());
    const quint16 promoted = m_sentinel.waitForNewMaster(data.at(0), 20000);
    qInfo("SENTINEL FAILOVER done in %s", qPrintable(elapsed(timer)));
    QCOMPARE(promoted, data.at(1));
    QCOMPARE(m_sentinel.masterPort(), data.at(1));
    QCOMPARE(m_sentinel.replicaPort(), data.at(0));
    QCOMPARE(m_sentinel.command(promoted, { "GET", "k" }).toByteArray(), QByteArray("v"));
}

void tst_PrivateTopologies::sentinelKilledMaster()
{
    QVERIFY(!m_sentinel.dataPorts().isEmpty());
    // The old master a replica again (sooner than the sentinels would do it).
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_sentinel.waitUntilSynced(30000));
    qInfo("old master a replica again after %s", qPrintable(elapsed(timer)));
    QCOMPARE(m_sentinel.command(m_sentinel.replicaPort(), { "GET", "k" }).toByteArray(),
             QByteArray("v"));

    const quint16 master = m_sentinel.masterPort();
    const quint16 replica = m_sentinel.replicaPort();
    timer.restart();
    m_sentinel.kill(master);
    QTRY_VERIFY_WITH_TIMEOUT(!m_sentinel.isRunning(master), 5000);
    const quint16 promoted = m_sentinel.waitForNewMaster(master, 30000);
    qInfo("replica of the killed master took over in %s", qPrintable(elapsed(timer)));
    QCOMPARE(promoted, replica);
    QCOMPARE(m_sentinel.command(promoted, { "GET", "k" }).toByteArray(), QByteArray("v"));
    QVERIFY(m_sentinel.restart(master));
    QVERIFY(m_sentinel.isRunning(master));
}

void tst_PrivateTopologies::sentinelStops()
{
    const QList<quint16> ports = m_sentinel.ports();
    QCOMPARE(ports.size(), 5);
    m_sentinel.stop();
    for (const quint16 port : ports)
        QVERIFY(!RediStore::Test::PrivateNodes::isListening(port));
}

void tst_PrivateTopologies::passwords()
{
    RedisCluster::Options clusterOptions;
    clusterOptions.password = "cluster secret";
    RedisCluster cluster(clusterOptions);
    QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
    const quint16 node = cluster.ports().at(4);
    QVERIFY(redisCommand(node, { "PING" }).toByteArray().startsWith("-NOAUTH"));
    QCOMPARE(cluster.command(node, { "PING" }).toByteArray(), QByteArray("PONG"));
    QCOMPARE(redisCommand(node, { "PING" }, RedisServer::aclUser, RedisServer::aclPassword)
                 .toByteArray(),
             QByteArray("PONG"));
    QVERIFY(cluster.url().startsWith(QLatin1String("redis+cluster://default:cluster%20secret@")));
    QVERIFY(cluster.waitUntilOk(1000)); // the replicas synced with masterauth

    RedisSentinelSetup::Options sentinelOptions;
    sentinelOptions.password = "data:secret";
    sentinelOptions.sentinelPassword = "sentinel secret";
    RedisSentinelSetup sentinel(sentinelOptions);
    QVERIFY2(sentinel.start(), qPrintable(sentinel.errorString()));
    const quint16 first = sentinel.sentinelPorts().at(0);
    QVERIFY(redisCommand(first, { "PING" }).toByteArray().startsWith("-NOAUTH"));
    QVERIFY(redisCommand(sentinel.masterPort(), { "PING" }).toByteArray().startsWith("-NOAUTH"));
    QCOMPARE(sentinel.url(),
             QStringLiteral("redis+sentinel://default:data%3Asecret@%1/mymaster/0"
                            "?sentinel_password=sentinel%20secret")
                 .arg(RediStore::Test::hostList(sentinel.sentinelPorts())));
    QVERIFY(sentinel.waitUntilSynced(1000));
}

QTEST_GUILESS_MAIN(tst_PrivateTopologies)
#include "tst_privatetopologies.moc"
