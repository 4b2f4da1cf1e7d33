#include <libredistore/redis/redispool.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtTest/QTest>

using namespace RediStore;
using RediStore::Test::RedisServer;
using RediStore::Test::waitFor;

class tst_RedisPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void defaultsFollowGo();
    void opensConnectionsOnDemandUpToSize();
    void fillsConnectionsInOrder();
    void idleConnectionsCloseAndReopen();
    void transactionStaysOnOneConnection();

private:
    // The server's TCP port, or its TLS port with the test CA in the "tls" row.
    RedisConfig config() const
    {
        QFETCH_GLOBAL(bool, tls);
        RedisConfig config;
        if (tls) {
            config.setPort(m_server.tlsPort());
            RedisTlsOptions options;
            options.caFile = RedisServer::certificates().caFile;
            config.setTlsOptions(options);
        } else {
            config.setPort(m_server.port());
        }
        return config;
    }
    qint64 connectedClients() const
    {
        const QByteArray info = m_server.command({ "INFO", "clients" }).toByteArray();
        const int at = info.indexOf("connected_clients:");
        return info.mid(at + 18, info.indexOf('\r', at) - at - 18).toLongLong();
    }

    static RedisServer::Options withTls()
    {
        RedisServer::Options options;
        options.tls = true;
        return options;
    }
    RedisServer m_server { withTls() };
};

void tst_RedisPool::initTestCase_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("tcp") << false;
    QTest::newRow("tls") << true;
}

void tst_RedisPool::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_RedisPool::defaultsFollowGo()
{
    RedisPool pool(config());
    QCOMPARE(pool.maxConnections(), 10);
    QCOMPARE(pool.idleTimeoutMs(), 240000);
    QCOMPARE(pool.connectionCount(), 0); // nothing opened before it is needed
}

void tst_RedisPool::opensConnectionsOnDemandUpToSize()
{
    RedisPool pool(config());
    pool.setMaxConnections(3);
    pool.setPipelineDepth(1);
    QList<QFuture<RedisReply>> replies;
    for (int i = 0; i < 30; ++i)
        replies.append(pool.execute({ "DEBUG", "SLEEP", "0.01" }));
    QCOMPARE(pool.connectionCount(), 3);
    for (const auto &reply : std::as_const(replies))
        QVERIFY(waitFor(reply)->isOk());
    // One command at a time needs just one connection.
    RedisPool lazy(config());
    for (int i = 0; i < 5; ++i)
        QVERIFY(waitFor(lazy.execute({ "PING" })).has_value());
    QCOMPARE(lazy.connectionCount(), 1);
}

void tst_RedisPool::fillsConnectionsInOrder()
{
    // The first connection takes commands until pipelineDepth wait on it, then the next:
    // a burst of 10 with depth 4 uses three connections, holding 4, 4 and 2.
    RedisPool pool(config());
    pool.setMaxConnections(5);
    pool.setPipelineDepth(4);
    QList<RedisClient *> used;
    QList<QFuture<RedisReply>> replies;
    for (int i = 0; i < 10; ++i) {
        RedisClient *client = pool.acquire();
        used.append(client);
        replies.append(client->execute({ "PING" }));
    }
    QCOMPARE(pool.connectionCount(), 3);
    QCOMPARE(used.count(used.at(0)), 4);
    QCOMPARE(used.count(used.at(4)), 4);
    QCOMPARE(used.count(used.at(8)), 2);
    for (const auto &reply : std::as_const(replies))
        QVERIFY(waitFor(reply).has_value());
    // Once they are answered, the first connection takes everything again.
    QCOMPARE(pool.acquire(), used.at(0));
    // At the limit, the least busy connection takes the command.
    pool.setMaxConnections(3);
    for (int i = 0; i < 12; ++i)
        replies.append(pool.acquire()->execute({ "PING" }));
    QCOMPARE(pool.connectionCount(), 3);
    RedisClient *next = pool.acquire();
    for (RedisClient *client : { used.at(0), used.at(4), used.at(8) })
        QVERIFY(next->pendingCount() <= client->pendingCount());
    for (const auto &reply : std::as_const(replies))
        QVERIFY(waitFor(reply).has_value());
}

void tst_RedisPool::idleConnectionsCloseAndReopen()
{
    const qint64 before = connectedClients();
    RedisPool pool(config());
    pool.setIdleTimeoutMs(200);
    QVERIFY(waitFor(pool.execute({ "PING" })).has_value());
    QCOMPARE(pool.connectionCount(), 1);
    QTRY_COMPARE(connectedClients(), before + 1);
    QTRY_COMPARE_WITH_TIMEOUT(pool.connectionCount(), 0, 5000);
    QTRY_COMPARE(connectedClients(), before);
    // Re-opened on demand.
    QCOMPARE(waitFor(pool.execute({ "PING" }))->data(), QByteArray("PONG"));
    QCOMPARE(pool.connectionCount(), 1);
}

void tst_RedisPool::transactionStaysOnOneConnection()
{
    RedisPool pool(config());
    pool.setPipelineDepth(1);
    QList<QFuture<RedisReply>> busy;
    for (int i = 0; i < 5; ++i)
        busy.append(pool.execute({ "DEBUG", "SLEEP", "0.01" }));
    const auto reply = waitFor(pool.transaction({ { "SET", "p", "1" }, { "INCR", "p" } }));
    QVERIFY(reply.has_value());
    QVERIFY2(reply->isArray(), qPrintable(reply->toDisplayString()));
    QCOMPARE(reply->at(1).toInteger(), 2);
}

QTEST_GUILESS_MAIN(tst_RedisPool)
#include "tst_redispool.moc"
