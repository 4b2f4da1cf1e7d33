// RedisPool on a real Redis Cluster (RedisCluster: three masters with a replica each): routing by
// slot, MOVED after a reshard, ASK while a slot migrates with commands in flight, CrossSlot,
// masters()/executeOn(), an unserved slot, and a master's failover.
#include <libredistore/redis/redispool.h>

#include "asyncwait.h"
#include "rediscluster.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QScopeGuard>
#include <QtCore/QSet>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

RedisReply run(const QFuture<RedisReply> &future, int timeoutMs = 15000)
{
    return waitFor(future, timeoutMs)
        .value_or(RedisReply::failure(
            RedisError(RedisError::Code::CommandTimeout, QStringLiteral("no reply in the test"))));
}

// Waits for every future; the replies in the same order.
QList<RedisReply> runAll(const QList<QFuture<RedisReply>> &futures, int timeoutMs = 15000)
{
    QElapsedTimer clock;
    clock.start();
    QList<RedisReply> replies;
    for (const QFuture<RedisReply> &future : futures)
        replies << run(future, int(qMax<qint64>(1, timeoutMs - clock.elapsed())));
    return replies;
}

QString describe(const RedisReply &reply)
{
    return reply.isError()
        ? reply.error().codeName() + QStringLiteral(": ") + reply.error().message()
        : reply.toDisplayString();
}

} // namespace

class tst_RedisCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mastersAndExecuteOn();
    void routesEachKeyToItsSlotsMaster();
    void transactionWithinOneSlot();
    void crossSlotIsRefusedBeforeSending();
    void askWhileASlotMigratesWithCommandsInFlight();
    void movedAfterAReshard();
    void unservedSlotIsTypedAndImmediate();
    void failoverChangesTheMasters();
    void cleanupTestCase();

private:
    RedisConfig config() const { return RedisConfig::fromUrl(m_cluster.url()).value(); }
    // Times the node answered with this error (INFO errorstats: ASK, MOVED, CLUSTERDOWN...).
    qint64 errorCount(quint16 port, const QByteArray &prefix) const
    {
        return infoField(m_cluster.command(port, { "INFO", "errorstats" }).toByteArray(),
                         "errorstat_" + prefix)
            .mid(6) // "count=N"
            .split(',')
            .value(0)
            .toLongLong();
    }
    // A hash tag whose slot the master at `port` serves, and that slot.
    QPair<QByteArray, int> tagServedBy(quint16 port, const QByteArray &stem) const
    {
        for (int i = 0;; ++i) {
            const QByteArray tag = stem + QByteArray::number(i);
            const int slot = RedisCluster::keySlot(tag);
            if (m_cluster.masterOfSlot(slot) == port)
                return { tag, slot };
        }
    }
    quint16 otherMaster(quint16 port) const
    {
        const QList<quint16> masters = m_cluster.masterPorts();
        return masters.at((masters.indexOf(port) + 1) % masters.size());
    }

    RedisCluster m_cluster;
};

void tst_RedisCluster::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void tst_RedisCluster::mastersAndExecuteOn()
{
    RedisPool pool(config());
    QCOMPARE(pool.topology(), RedisConfig::Topology::Cluster);
    QVERIFY(pool.masters().isEmpty()); // nothing asked yet

    bool known = false;
    RedisError failure;
    pool.whenTopologyKnown(this, [&](const RedisError &error) {
        known = true;
        failure = error;
    });
    QTRY_VERIFY_WITH_TIMEOUT(known, 10000);
    QVERIFY2(!failure.isError(), qPrintable(failure.message()));
    QVERIFY(pool.topologyEpoch() >= 1);

    const QList<RedisConfig> masters = pool.masters();
    QSet<quint16> ports;
    for (const RedisConfig &master : masters) {
        QCOMPARE(master.topology(), RedisConfig::Topology::Standalone);
        ports << master.port();
        // executeOn reaches that very node, unrouted.
        const RedisReply id = run(pool.executeOn(master, { "CLUSTER", "MYID" }));
        QVERIFY2(!id.isError(), qPrintable(describe(id)));
        QCOMPARE(id.data(), m_cluster.nodeId(master.port()));
        QVERIFY(run(pool.executeOn(master, { "DBSIZE" })).isInteger());
    }
    const QList<quint16> expected = m_cluster.masterPorts();
    QCOMPARE(ports, QSet<quint16>(expected.cbegin(), expected.cend()));
    QCOMPARE(masters.size(), 3);

    // A command without a key goes to some master.
    QCOMPARE(run(pool.execute({ "PING" })).data(), QByteArray("PONG"));
}

void tst_RedisCluster::routesEachKeyToItsSlotsMaster()
{
    RedisPool pool(config());
    const QList<quint16> masters = m_cluster.masterPorts();
    qint64 movedBefore = 0;
    for (const quint16 port : masters)
        movedBefore += errorCount(port, "MOVED");

    const int count = 90;
    QList<QFuture<RedisReply>> writes;
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "route:" + QByteArray::number(i);
        writes << pool.execute({ "SET", key, "value " + QByteArray::number(i) });
    }
    const QList<RedisReply> written = runAll(writes);
    QHash<quint16, int> perMaster;
    for (int i = 0; i < count; ++i) {
        QVERIFY2(written.at(i).isOk(), qPrintable(describe(written.at(i))));
        // Stored on the master of the key's slot, where any client finds it.
        const QByteArray key = "route:" + QByteArray::number(i);
        const quint16 owner = m_cluster.masterOfSlot(RedisCluster::keySlot(key));
        ++perMaster[owner];
        QCOMPARE(m_cluster.command(owner, { "GET", key }).toByteArray(),
                 "value " + QByteArray::number(i));
        QCOMPARE(run(pool.execute({ "GET", key })).data(), "value " + QByteArray::number(i));
    }
    QCOMPARE(perMaster.size(), 3);
    // Routed by the slot map, not by redirections.
    qint64 movedAfter = 0;
    for (const quint16 port : masters)
        movedAfter += errorCount(port, "MOVED");
    QCOMPARE(movedAfter, movedBefore);
}

void tst_RedisCluster::transactionWithinOneSlot()
{
    RedisPool pool(config());
    const RedisReply reply = run(pool.transaction(
        { { "SET", "{tx}a", "1" }, { "INCR", "{tx}a" }, { "SET", "{tx}b", "x" } }));
    QVERIFY2(!reply.isError(), qPrintable(describe(reply)));
    QCOMPARE(reply.size(), 3);
    QCOMPARE(reply.at(1).toInteger(), 2);
    const quint16 owner = m_cluster.masterOfSlot(RedisCluster::keySlot("tx"));
    QCOMPARE(m_cluster.command(owner, { "GET", "{tx}a" }).toByteArray(), QByteArray("2"));
    QCOMPARE(m_cluster.command(owner, { "GET", "{tx}b" }).toByteArray(), QByteArray("x"));
}

void tst_RedisCluster::crossSlotIsRefusedBeforeSending()
{
    RedisPool pool(config());
    const QByteArray a = "cross:a";
    const QByteArray b = "cross:b";
    QVERIFY(RedisCluster::keySlot(a) != RedisCluster::keySlot(b));

    const RedisReply transaction = run(pool.transaction({ { "SET", a, "1" }, { "SET", b, "2" } }));
    QVERIFY(transaction.isError());
    QCOMPARE(transaction.error().code(), RedisError::Code::CrossSlot);
    const RedisReply mget = run(pool.execute({ "MGET", a, b }));
    QCOMPARE(mget.error().code(), RedisError::Code::CrossSlot);

    // Nothing of the transaction ran anywhere.
    for (const QByteArray &key : { a, b }) {
        const quint16 owner = m_cluster.masterOfSlot(RedisCluster::keySlot(key));
        QCOMPARE(m_cluster.command(owner, { "EXISTS", key }).toLongLong(), 0);
    }
    // The same keys one by one are fine.
    QVERIFY(run(pool.execute({ "SET", a, "1" })).isOk());
    QVERIFY(run(pool.execute({ "SET", b, "2" })).isOk());
}

void tst_RedisCluster::askWhileASlotMigratesWithCommandsInFlight()
{
    const quint16 from = m_cluster.masterPorts().first();
    const quint16 to = otherMaster(from);
    const auto [tag, slot] = tagServedBy(from, "mig");
    const auto key = [&tag = tag](const char *kind, int i) -> QByteArray {
        return '{' + tag + '}' + kind + QByteArray::number(i);
    };
    const int count = 60;
    for (int i = 0; i < count; ++i)
        QCOMPARE(m_cluster.command(from, { "SET", key("old", i), QByteArray::number(i) }),
                 QVariant(QByteArray("OK")));

    RedisPool pool(config());
    QVERIFY(run(pool.execute({ "GET", key("old", 0) })).isString()); // the map is known
    const qint64 askBefore = errorCount(from, "ASK");

    QVERIFY(m_cluster.beginMigration(slot, from, to));
    // Rounds of commands on the slot's keys, each sent before a step of the migration and
    // answered after it: reads of moved and unmoved keys, new keys, updates.
    QList<QFuture<RedisReply>> gets;
    QList<int> getIndexes;
    QList<QFuture<RedisReply>> writes;
    int created = 0;
    int moved = 0;
    for (int round = 0; moved < count; ++round) {
        for (int i = 0; i < count; i += 3) {
            gets << pool.execute({ "GET", key("old", i) });
            getIndexes << i;
        }
        for (int j = 0; j < 4; ++j, ++created)
            writes << pool.execute({ "SET", key("new", created), QByteArray::number(created) });
        writes << pool.execute({ "INCR", key("counter", 0) });
        const int step = m_cluster.migrateKeys(slot, from, to, 7);
        QVERIFY(step >= 0);
        moved += step;
        QTest::qWait(0); // the replies of this round arrive, the next round goes out
        QVERIFY2(round < 100, "the migration does not end");
    }
    // Keys created meanwhile went to the target (the source answers ASK for a missing key).
    QCOMPARE(m_cluster.migrateKeys(slot, from, to, 50), 0);

    const QList<RedisReply> read = runAll(gets);
    for (qsizetype i = 0; i < read.size(); ++i) {
        QVERIFY2(read.at(i).isString(), qPrintable(describe(read.at(i))));
        QCOMPARE(read.at(i).data(), QByteArray::number(getIndexes.at(i)));
    }
    const QList<RedisReply> written = runAll(writes);
    for (const RedisReply &reply : written)
        QVERIFY2(!reply.isError(), qPrintable(describe(reply)));
    QVERIFY2(errorCount(from, "ASK") > askBefore, "no command was redirected with ASK");

    // Done: every key of the slot is on the target, and the pool knows nothing changed.
    QVERIFY(m_cluster.endMigration(slot, to));
    QVERIFY(m_cluster.waitUntilOk(15000));
    const QByteArray number = QByteArray::number(slot);
    QCOMPARE(m_cluster.command(from, { "CLUSTER", "COUNTKEYSINSLOT", number }).toLongLong(), 0);
    QCOMPARE(m_cluster.command(to, { "CLUSTER", "COUNTKEYSINSLOT", number }).toLongLong(),
             count + created + 1);
    QCOMPARE(run(pool.execute({ "GET", key("counter", 0) })).data(),
             QByteArray::number(written.size() - created));
    for (int j = 0; j < created; ++j)
        QCOMPARE(run(pool.execute({ "GET", key("new", j) })).data(), QByteArray::number(j));

    QVERIFY(m_cluster.moveSlot(slot, to, from));
    QVERIFY(m_cluster.waitUntilOk(15000));
}

void tst_RedisCluster::movedAfterAReshard()
{
    const quint16 from = m_cluster.masterPorts().last();
    const quint16 to = otherMaster(from);
    const auto [tag, slot] = tagServedBy(from, "reshard");
    const QByteArray key = '{' + tag + "}key";
    QCOMPARE(m_cluster.command(from, { "SET", key, "before" }), QVariant(QByteArray("OK")));

    RedisPool pool(config());
    QCOMPARE(run(pool.execute({ "GET", key })).data(), QByteArray("before")); // the map is known
    QSignalSpy topology(&pool, &RedisPool::topologyChanged);

    QVERIFY(m_cluster.moveSlot(slot, from, to));
    QVERIFY(m_cluster.waitUntilOk(15000));
    const qint64 movedBefore = errorCount(from, "MOVED");

    // The pool still sends it to the old owner, which answers MOVED: followed.
    const RedisReply after = run(pool.execute({ "GET", key }));
    QVERIFY2(after.isString(), qPrintable(describe(after)));
    QCOMPARE(after.data(), QByteArray("before"));
    QVERIFY(run(pool.execute({ "SET", key, "after" })).isOk());
    QCOMPARE(m_cluster.command(to, { "GET", key }).toByteArray(), QByteArray("after"));
    // Once: the slot map was mended, later commands go straight to the new owner.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(run(pool.execute({ "GET", key })).data(), QByteArray("after"));
    QCOMPARE(errorCount(from, "MOVED") - movedBefore, 1);
    // The same three masters: no topology change for a slot moved between them.
    QCOMPARE(topology.count(), 0);

    QVERIFY(m_cluster.moveSlot(slot, to, from));
    QVERIFY(m_cluster.waitUntilOk(15000));
    QCOMPARE(run(pool.execute({ "GET", key })).data(), QByteArray("after"));
}

void tst_RedisCluster::unservedSlotIsTypedAndImmediate()
{
    // With cluster-require-full-coverage yes (the default), a node without a slot puts itself
    // in the fail state and answers every command with "CLUSTERDOWN The cluster is down"; with
    // no, the other slots stay available and only the unserved slot's keys are refused
    // ("CLUSTERDOWN Hash slot not served"): that is the case a client can name.
    const QList<quint16> ports = m_cluster.ports();
    const QByteArray key = "unserved";
    const int slot = RedisCluster::keySlot(key);
    const QByteArray number = QByteArray::number(slot);
    const quint16 owner = m_cluster.masterOfSlot(slot);
    const QByteArray other = '{' + tagServedBy(owner, "same-master").first + "}x";
    const auto restore = qScopeGuard([&]() {
        m_cluster.command(owner, { "CLUSTER", "ADDSLOTS", number });
        for (const quint16 port : ports)
            m_cluster.command(port, { "CONFIG", "SET", "cluster-require-full-coverage", "yes" });
        QVERIFY(m_cluster.waitUntilOk(15000));
    });
    for (const quint16 port : ports)
        QCOMPARE(
            m_cluster.command(port, { "CONFIG", "SET", "cluster-require-full-coverage", "no" }),
            QVariant(QByteArray("OK")));

    RedisPool known(config()); // reads the map while the slot is served
    QVERIFY(run(known.execute({ "SET", key, "1" })).isOk());

    // Every node forgets the slot, the owner and its replica first (their gossip would give it
    // back to the others); again on any node that learnt it back meanwhile.
    const auto servedSomewhere = [&]() {
        bool served = false;
        for (const quint16 port : ports) {
            const QVariantList ranges = m_cluster.command(port, { "CLUSTER", "SLOTS" }).toList();
            for (const QVariant &range : ranges) {
                const QVariantList fields = range.toList();
                if (fields.value(0).toInt() <= slot && slot <= fields.value(1).toInt()) {
                    served = true;
                    m_cluster.command(port, { "CLUSTER", "DELSLOTS", number });
                }
            }
        }
        return served;
    };
    QList<quint16> order = { owner };
    order += m_cluster.replicaPorts(owner);
    order += ports;
    for (const quint16 port : std::as_const(order))
        m_cluster.command(port, { "CLUSTER", "DELSLOTS", number });
    QTRY_VERIFY_WITH_TIMEOUT(!servedSomewhere(), 10000);

    RedisPool fresh(config());
    for (RedisPool *pool : { &fresh, &known }) {
        const char *which = pool == &fresh ? "a new pool" : "a pool that knew the slot's master";
        QElapsedTimer clock;
        clock.start();
        const RedisReply reply = run(pool->execute({ "GET", key }));
        QVERIFY2(reply.isError(), which);
        QVERIFY2(reply.error().code() == RedisError::Code::ClusterSlotUnserved,
                 qPrintable(QString::fromLatin1(which) + QStringLiteral(": ") + describe(reply)));
        QVERIFY(reply.error().message().contains(QString::number(slot)));
        // Told at once (a map read or two), not after retries or the command timeout.
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        // The rest of the cluster, the same master too, still answers.
        QVERIFY(run(pool->execute({ "SET", other, "1" })).isOk());
    }

    // Served again: the pools find it by themselves.
    QCOMPARE(m_cluster.command(owner, { "CLUSTER", "ADDSLOTS", number }),
             QVariant(QByteArray("OK")));
    QVERIFY(m_cluster.waitUntilOk(15000));
    QTRY_COMPARE_WITH_TIMEOUT(run(known.execute({ "GET", key })).data(), QByteArray("1"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(run(fresh.execute({ "GET", key })).data(), QByteArray("1"), 10000);
}

void tst_RedisCluster::failoverChangesTheMasters()
{
    RedisPool pool(config());
    const quint16 master = m_cluster.masterPorts().at(1);
    const quint16 replica = m_cluster.replicaPorts(master).value(0);
    QVERIFY(replica != 0);
    const QByteArray key = '{' + tagServedBy(master, "failover").first + "}key";
    QVERIFY(run(pool.execute({ "SET", key, "kept" })).isOk());
    QCOMPARE(m_cluster.command(master, { "WAIT", "1", "5000" }).toLongLong(), 1);
    QSignalSpy changed(&pool, &RedisPool::topologyChanged);
    const int epoch = pool.topologyEpoch();

    m_cluster.kill(master);
    QCOMPARE(m_cluster.waitForFailover(master), replica);
    // The pool finds the new master by itself on its next command there.
    const RedisReply reply = run(pool.execute({ "GET", key }));
    QVERIFY2(reply.isString(), qPrintable(describe(reply)));
    QCOMPARE(reply.data(), QByteArray("kept"));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
    QVERIFY(pool.topologyEpoch() > epoch);
    QSet<quint16> ports;
    for (const RedisConfig &config : pool.masters())
        ports << config.port();
    QVERIFY(ports.contains(replica));
    QVERIFY(!ports.contains(master));
    QCOMPARE(ports.size(), 3);

    QVERIFY(m_cluster.restart(master));
    QVERIFY(m_cluster.waitUntilOk(20000));
}

void tst_RedisCluster::cleanupTestCase()
{
    m_cluster.stop();
}

QTEST_GUILESS_MAIN(tst_RedisCluster)
#include "tst_rediscluster.moc"
