// RedisConfig's Cluster and Sentinel forms: URLs, options, display, and what is refused.
#include <libredistore/redis/redisconfig.h>

#include <QtTest/QtTest>

using namespace RediStore;

class tst_RedisConfigTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clusterUrl();
    void sentinelUrl();
    void tlsForms();
    void defaultPorts();
    void badUrls_data();
    void badUrls();
    void displayUrlRoundTrip_data();
    void displayUrlRoundTrip();
    void explicitSettings();
    void forNode();
};

void tst_RedisConfigTopology::clusterUrl()
{
    auto config = RedisConfig::fromUrl(
        QStringLiteral("redis+cluster://alice:s%40cret@10.0.0.1:7000,10.0.0.2:7001,[::1]:7002"));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message()));
    const RedisConfig &c = config.value();
    QCOMPARE(c.topology(), RedisConfig::Topology::Cluster);
    QCOMPARE(c.seeds().size(), 3);
    QCOMPARE(c.seeds().at(0).toString(), QStringLiteral("10.0.0.1:7000"));
    QCOMPARE(c.seeds().at(2).host, QStringLiteral("::1"));
    QCOMPARE(c.username(), QStringLiteral("alice"));
    QCOMPARE(c.password(), QStringLiteral("s@cret"));
    QCOMPARE(c.database(), 0);
    QCOMPARE(c.host(), QStringLiteral("10.0.0.1")); // the first seed
    QCOMPARE(c.endpoint(), QStringLiteral("cluster:10.0.0.1:7000,10.0.0.2:7001,[::1]:7002"));
}

void tst_RedisConfigTopology::sentinelUrl()
{
    auto config = RedisConfig::fromUrl(
        QStringLiteral("redis+sentinel://:datapass@s1:26379,s2:26380/my%20master/3"
                       "?sentinel_password=sp&sentinel_username=watcher"));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message()));
    const RedisConfig &c = config.value();
    QCOMPARE(c.topology(), RedisConfig::Topology::Sentinel);
    QCOMPARE(c.sentinelMasterName(), QStringLiteral("my master"));
    QCOMPARE(c.database(), 3);
    QCOMPARE(c.password(), QStringLiteral("datapass"));
    QCOMPARE(c.sentinelPassword(), QStringLiteral("sp"));
    QCOMPARE(c.sentinelUsername(), QStringLiteral("watcher"));
    QCOMPARE(c.seeds().size(), 2);
    QCOMPARE(c.endpoint(), QStringLiteral("sentinel:my master@s1:26379,s2:26380"));

    const RedisConfig sentinel = c.forSentinel(c.seeds().at(1));
    QCOMPARE(sentinel.topology(), RedisConfig::Topology::Standalone);
    QCOMPARE(sentinel.port(), quint16(26380));
    QCOMPARE(sentinel.password(), QStringLiteral("sp"));
    QCOMPARE(sentinel.username(), QStringLiteral("watcher"));
    QCOMPARE(sentinel.database(), 0);
}

void tst_RedisConfigTopology::tlsForms()
{
    auto cluster = RedisConfig::fromUrl(
        QStringLiteral("rediss+cluster://h1:7000,h2:7000?tls_ca=/etc/ca.pem&tls_verify=none"));
    QVERIFY(cluster.ok());
    QVERIFY(cluster.value().tlsEnabled());
    QCOMPARE(cluster.value().tlsOptions().caFile, QStringLiteral("/etc/ca.pem"));
    QVERIFY(!cluster.value().tlsOptions().verifyPeer);
    QCOMPARE(cluster.value().forNode({ QStringLiteral("h9"), 7009 }).tlsOptions().caFile,
             QStringLiteral("/etc/ca.pem"));

    auto sentinel = RedisConfig::fromUrl(
        QStringLiteral("rediss+sentinel://s1:26379/mymaster?tls_server_name=redis.example"));
    QVERIFY(sentinel.ok());
    QVERIFY(sentinel.value().tlsEnabled());
    QCOMPARE(sentinel.value().tlsOptions().serverName, QStringLiteral("redis.example"));
}

void tst_RedisConfigTopology::defaultPorts()
{
    auto cluster = RedisConfig::fromUrl(QStringLiteral("redis+cluster://h1,h2:7001"));
    QVERIFY(cluster.ok());
    QCOMPARE(cluster.value().seeds().at(0).port, quint16(6379));
    auto sentinel = RedisConfig::fromUrl(QStringLiteral("redis+sentinel://s1,[::1]/m"));
    QVERIFY(sentinel.ok());
    QCOMPARE(sentinel.value().seeds().at(0).port, quint16(26379));
    QCOMPARE(sentinel.value().seeds().at(1).toString(), QStringLiteral("[::1]:26379"));
}

void tst_RedisConfigTopology::badUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<RedisError::Code>("code");
    QTest::newRow("cluster db") << QStringLiteral("redis+cluster://h:1/2")
                                << RedisError::Code::InvalidDatabase;
    QTest::newRow("no master") << QStringLiteral("redis+sentinel://h:26379")
                               << RedisError::Code::InvalidUrl;
    QTest::newRow("empty host") << QStringLiteral("redis+cluster://h:1,,h:2")
                                << RedisError::Code::InvalidUrl;
    QTest::newRow("bad port") << QStringLiteral("redis+cluster://h:99999")
                              << RedisError::Code::InvalidUrl;
    QTest::newRow("unknown base") << QStringLiteral("http+cluster://h:1")
                                  << RedisError::Code::InvalidUrl;
    QTest::newRow("tls parameter without tls")
        << QStringLiteral("redis+cluster://h:1?tls_ca=x") << RedisError::Code::InvalidUrl;
    QTest::newRow("sentinel_password on a cluster")
        << QStringLiteral("redis+cluster://h:1?sentinel_password=x")
        << RedisError::Code::InvalidUrl;
    QTest::newRow("too many path parts")
        << QStringLiteral("redis+sentinel://h/m/1/2") << RedisError::Code::InvalidUrl;
    QTest::newRow("fragment") << QStringLiteral("redis+cluster://h:1#x")
                              << RedisError::Code::InvalidUrl;
}

void tst_RedisConfigTopology::badUrls()
{
    QFETCH(QString, url);
    QFETCH(RedisError::Code, code);
    auto config = RedisConfig::fromUrl(url);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code(), code);
}

void tst_RedisConfigTopology::displayUrlRoundTrip_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("cluster") << QStringLiteral("redis+cluster://bob:pw@h1:7000,h2:7001")
                             << QStringLiteral("redis+cluster://bob@h1:7000,h2:7001");
    QTest::newRow("sentinel") << QStringLiteral("redis+sentinel://:pw@s1:26379/mymaster/2")
                              << QStringLiteral("redis+sentinel://s1:26379/mymaster/2");
    QTest::newRow("tls cluster") << QStringLiteral("rediss+cluster://h1:7000?tls_ca=/ca.pem")
                                 << QStringLiteral("rediss+cluster://h1:7000?tls_ca=/ca.pem");
}

void tst_RedisConfigTopology::displayUrlRoundTrip()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    auto config = RedisConfig::fromUrl(url);
    QVERIFY(config.ok());
    QCOMPARE(config.value().toDisplayUrl(), shown);
    QVERIFY(!config.value().toDisplayUrl().contains(QLatin1String("pw")));
    auto again = RedisConfig::fromUrl(config.value().toDisplayUrl());
    QVERIFY(again.ok());
    QCOMPARE(again.value().seeds(), config.value().seeds());
    QCOMPARE(again.value().sentinelMasterName(), config.value().sentinelMasterName());
}

void tst_RedisConfigTopology::explicitSettings()
{
    RedisConfig config;
    config.setPassword(QStringLiteral("one"));
    auto merged = config.applyUrl(QStringLiteral("redis+cluster://:two@h:1"));
    QVERIFY(!merged.ok());
    QCOMPARE(merged.error().code(), RedisError::Code::ConflictingSettings);
    QVERIFY(!merged.error().message().contains(QLatin1String("two")));

    RedisConfig cluster;
    cluster.setCluster({ { QStringLiteral("h"), 7000 } });
    cluster.setDatabase(1);
    QCOMPARE(cluster.validate().error().code(), RedisError::Code::InvalidDatabase);
    RedisConfig sentinel;
    sentinel.setSentinel({ { QStringLiteral("h"), 26379 } }, QString());
    QVERIFY(!sentinel.validate().ok());
    RedisConfig none;
    none.setCluster({});
    QCOMPARE(none.validate().error().code(), RedisError::Code::InvalidHost);
}

void tst_RedisConfigTopology::forNode()
{
    auto config = RedisConfig::fromUrl(QStringLiteral("redis+cluster://u:p@h1:7000"));
    QVERIFY(config.ok());
    const RedisConfig node = config.value().forNode({ QStringLiteral("h2"), 7002 });
    QCOMPARE(node.topology(), RedisConfig::Topology::Standalone);
    QCOMPARE(node.endpoint(), QStringLiteral("h2:7002"));
    QCOMPARE(node.username(), QStringLiteral("u"));
    QCOMPARE(node.password(), QStringLiteral("p"));
    QVERIFY(node.seeds().isEmpty());
    QVERIFY(node != config.value());
}

QTEST_GUILESS_MAIN(tst_RedisConfigTopology)
#include "tst_redisconfigtopology.moc"
