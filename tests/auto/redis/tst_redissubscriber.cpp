#include <libredistore/redis/redisclient.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/redis/redissubscriber.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace RediStore;
using RediStore::Test::RedisServer;
using RediStore::Test::waitFor;

// Pub/sub on its own connection: channels, patterns, subscriptions restored after a restart,
// and command clients that never end up in subscriber mode.
class tst_RedisSubscriber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void channels();
    void patterns();
    void resubscribesAfterRestart();
    void overTls();
    void poolIsNeverPoisoned();

private:
    RedisConfig config() const
    {
        RedisConfig config;
        config.setPort(m_server.port());
        return config;
    }
    RedisReply run(const QByteArrayList &args)
    {
        RedisClient client(config());
        return waitFor(client.execute(args)).value_or(RedisReply());
    }

    RedisServer m_server { tlsOptions() };
    static RedisServer::Options tlsOptions()
    {
        RedisServer::Options options;
        options.tls = true;
        return options;
    }
};

void tst_RedisSubscriber::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_RedisSubscriber::channels()
{
    RedisSubscriber subscriber(config());
    QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
    QSignalSpy messages(&subscriber, &RedisSubscriber::messageReceived);
    subscriber.subscribe({ "news", "alerts" });
    QTRY_COMPARE(subscribed.size(), 2);
    QCOMPARE(subscriber.state(), RedisClient::State::Connected);
    QCOMPARE(run({ "PUBLISH", "news", QByteArray("hello\0world", 11) }).toInteger(), 1);
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.first().at(0).toByteArray(), QByteArray("news"));
    QCOMPARE(messages.first().at(1).toByteArray(), QByteArray("hello\0world", 11));

    subscriber.unsubscribe({ "news" });
    QTRY_COMPARE(run({ "PUBSUB", "NUMSUB", "news" }).at(1).toInteger(), 0);
    QCOMPARE(run({ "PUBLISH", "news", "x" }).toInteger(), 0);
    QCOMPARE(run({ "PUBLISH", "alerts", "y" }).toInteger(), 1);
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages.last().at(1).toByteArray(), QByteArray("y"));
    QCOMPARE(subscriber.channels(), QByteArrayList { "alerts" });
}

void tst_RedisSubscriber::patterns()
{
    RedisSubscriber subscriber(config());
    QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
    QSignalSpy messages(&subscriber, &RedisSubscriber::patternMessageReceived);
    subscriber.psubscribe({ "__keyspace@0__:session_*" });
    QTRY_COMPARE(subscribed.size(), 1);
    QVERIFY(run({ "CONFIG", "SET", "notify-keyspace-events", "Kg$x" }).isOk());
    run({ "SET", "session_abc", "1" });
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.first().at(0).toByteArray(), QByteArray("__keyspace@0__:session_*"));
    QCOMPARE(messages.first().at(1).toByteArray(), QByteArray("__keyspace@0__:session_abc"));
    QCOMPARE(messages.first().at(2).toByteArray(), QByteArray("set"));
    subscriber.punsubscribe({ "__keyspace@0__:session_*" });
    QTRY_COMPARE(run({ "PUBSUB", "NUMPAT" }).toInteger(), 0);
}

void tst_RedisSubscriber::resubscribesAfterRestart()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisConfig config;
    config.setPort(server.port());
    config.setReconnectDelays(20, 200);
    RedisSubscriber subscriber(config);
    QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
    QSignalSpy messages(&subscriber, &RedisSubscriber::messageReceived);
    QSignalSpy patternMessages(&subscriber, &RedisSubscriber::patternMessageReceived);
    QSignalSpy disconnected(&subscriber, &RedisSubscriber::disconnected);
    subscriber.subscribe({ "a" });
    subscriber.psubscribe({ "p.*" });
    QTRY_COMPARE(subscribed.size(), 2);

    server.kill();
    QTRY_COMPARE(disconnected.size(), 1);
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 4, 5000);
    RedisClient publisher(config);
    QCOMPARE(waitFor(publisher.execute({ "PUBLISH", "a", "1" }))->toInteger(), 1);
    QCOMPARE(waitFor(publisher.execute({ "PUBLISH", "p.x", "2" }))->toInteger(), 1);
    QTRY_COMPARE(messages.size(), 1);
    QTRY_COMPARE(patternMessages.size(), 1);
}

void tst_RedisSubscriber::overTls()
{
    RedisConfig config;
    config.setHost(QStringLiteral("127.0.0.1"));
    config.setPort(m_server.tlsPort());
    RedisTlsOptions tls;
    tls.caFile = RedisServer::certificates().caFile;
    config.setTlsOptions(tls);
    RedisSubscriber subscriber(config);
    QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
    QSignalSpy messages(&subscriber, &RedisSubscriber::messageReceived);
    subscriber.subscribe({ "secure" });
    QTRY_COMPARE(subscribed.size(), 1);
    QCOMPARE(run({ "PUBLISH", "secure", "s" }).toInteger(), 1);
    QTRY_COMPARE(messages.size(), 1);
}

void tst_RedisSubscriber::poolIsNeverPoisoned()
{
    RedisPool pool(config());
    pool.setMaxConnections(1);
    // SUBSCRIBE through a command client is refused before it reaches Redis.
    for (const char *command : { "SUBSCRIBE", "psubscribe", "SSUBSCRIBE", "MONITOR" }) {
        const RedisReply refused = *waitFor(pool.execute({ command, "x" }));
        QCOMPARE(refused.error().code(), RedisError::Code::InvalidCommand);
        QVERIFY(refused.error().message().contains(QStringLiteral("RedisSubscriber")));
    }
    QVERIFY(waitFor(pool.execute({ "SET", "after", "1" }))->isOk());
    QCOMPARE(waitFor(pool.execute({ "GET", "after" }))->data(), QByteArray("1"));
}

QTEST_GUILESS_MAIN(tst_RedisSubscriber)
#include "tst_redissubscriber.moc"
