// Connection profiles, the connection probe and SessionConnection against real redis-servers:
// secrets are never saved in the settings file; refused, wrong password and timeouts are said
// plainly; a lost connection is reported and comes back by itself.

#include "common/errormessages.h"
#include "connection/connectionprobe.h"
#include "connection/connectionprofile.h"
#include "connection/profilestore.h"
#include "connection/sessionconnection.h"
#include "guitestsupport.h"
#include "translationloader.h"

#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_SessionConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void profileSavesSecretsOnlyWhenAsked();
    void profileBuildsConfigurations();
    void profileWithTls();
    void profileForClusterAndSentinel();
    void profileRefusesConflicts();
    void probeSaysWhatIsWrong_data();
    void probeSaysWhatIsWrong();
    void connectionOpensAndReportsFailurePlainly();
    void lostConnectionIsReportedAndRestored();

private:
    QTemporaryDir m_dir;
};

void tst_SessionConnection::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
}

void tst_SessionConnection::profileSavesSecretsOnlyWhenAsked()
{
    const QString ini = m_dir.filePath(QStringLiteral("profiles.ini"));
    ConnectionProfile p;
    p.name = QStringLiteral("Prod / EU");
    p.host = QStringLiteral("redis.example.com");
    p.port = 6380;
    p.username = QStringLiteral("admin");
    p.password = QStringLiteral("s3cret");
    p.database = 2;
    p.keyPrefix = QStringLiteral("app_");
    p.serializer = QStringLiteral("gob");
    p.cookieKeys = { QStringLiteral("hex:00ff"), QString() };
    p.readOnly = true;
    {
        ProfileStore store(ini);
        store.save(p);
    }
    QFile file(ini);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(!written.contains("s3cret"));
    QVERIFY(!written.contains("hex:00ff"));
    ProfileStore store(ini);
    QCOMPARE(store.names(), QStringList { QStringLiteral("Prod / EU") });
    ConnectionProfile back = store.load(QStringLiteral("Prod / EU"));
    QCOMPARE(back.host, p.host);
    QCOMPARE(back.port, 6380);
    QCOMPARE(back.username, QStringLiteral("admin"));
    QVERIFY(back.password.isEmpty());
    QVERIFY(back.cookieKeys.isEmpty());
    QCOMPARE(back.database, 2);
    QCOMPARE(back.keyPrefix, QStringLiteral("app_"));
    QCOMPARE(back.serializer, QStringLiteral("gob"));
    QVERIFY(back.readOnly);

    // Remembered secrets go to the keychain (tst_profilestore), never to the file; this store
    // has no keychain, so nothing is kept.
    p.savePassword = true;
    p.saveCookieKeys = true;
    store.save(p);
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cret"));
    back = store.load(p.name);
    QVERIFY(back.password.isEmpty());
    QVERIFY(back.cookieKeys.isEmpty());
    store.remove(p.name);
    QVERIFY(store.names().isEmpty());
}

void tst_SessionConnection::profileBuildsConfigurations()
{
    ConnectionProfile tcp;
    tcp.host = QStringLiteral("10.0.0.5");
    tcp.port = 6390;
    tcp.database = 4;
    auto config = tcp.toRedisConfig();
    QVERIFY(config.ok());
    QCOMPARE(config.value().endpoint(), QStringLiteral("10.0.0.5:6390"));
    QCOMPARE(config.value().database(), 4);

    ConnectionProfile unix;
    unix.transport = ConnectionProfile::Transport::Unix;
    unix.unixSocket = QStringLiteral("/run/redis.sock");
    QCOMPARE(unix.toRedisConfig().value().transport(), RedisConfig::Transport::Unix);

    ConnectionProfile url
        = ConnectionProfile::fromUrl(QStringLiteral("redis://bob:pw@127.0.0.1:6400/3"));
    url.username = QStringLiteral("bob");
    config = url.toRedisConfig();
    QVERIFY(config.ok());
    QCOMPARE(config.value().username(), QStringLiteral("bob"));
    QCOMPARE(config.value().password(), QStringLiteral("pw"));
    QCOMPARE(config.value().database(), 3);
    QCOMPARE(url.endpointText(), QStringLiteral("127.0.0.1:6400, database 3"));
}

void tst_SessionConnection::profileForClusterAndSentinel()
{
    // Seed nodes typed with commas or spaces; a port left out is the topology's default.
    ConnectionProfile cluster;
    cluster.name = QStringLiteral("cluster");
    cluster.transport = ConnectionProfile::Transport::Cluster;
    cluster.nodes = QStringLiteral(" 10.0.0.1:7000, 10.0.0.2  [::1]:7002 ");
    auto config = cluster.toRedisConfig();
    QVERIFY(config.ok());
    QCOMPARE(config.value().topology(), RedisConfig::Topology::Cluster);
    QCOMPARE(config.value().seeds(),
             (QList<RedisNodeAddress> { { QStringLiteral("10.0.0.1"), 7000 },
                                        { QStringLiteral("10.0.0.2"), 6379 },
                                        { QStringLiteral("::1"), 7002 } }));
    QVERIFY(!cluster.endpointText().contains(QLatin1String("database")));

    // The same from a URL, and the form saved and read back.
    config = ConnectionProfile::fromUrl(
                 QStringLiteral("redis+cluster://10.0.0.1:7000,10.0.0.2:6379,[::1]:7002"))
                 .toRedisConfig();
    QVERIFY(config.ok());
    QCOMPARE(config.value().seeds().size(), 3);
    QSettings settings(m_dir.filePath(QStringLiteral("topologies.ini")), QSettings::IniFormat);
    cluster.save(settings);
    const ConnectionProfile loaded = ConnectionProfile::load(settings);
    QCOMPARE(loaded.transport, ConnectionProfile::Transport::Cluster);
    QCOMPARE(loaded.nodes, cluster.nodes);

    ConnectionProfile bad = cluster;
    bad.nodes = QStringLiteral("10.0.0.1:7000, 10.0.0.2:70000");
    QVERIFY(!bad.toRedisConfig().ok());
    QVERIFY2(bad.toRedisConfig().error().message().contains(QLatin1String("10.0.0.2:70000")),
             qPrintable(bad.toRedisConfig().error().message()));
    bad.nodes.clear();
    QVERIFY(!bad.toRedisConfig().ok());

    // Sentinels, the master's name and the sentinels' own password.
    ConnectionProfile sentinel;
    sentinel.transport = ConnectionProfile::Transport::Sentinel;
    sentinel.nodes = QStringLiteral("10.0.0.1,10.0.0.2:26380");
    sentinel.masterName = QStringLiteral("mymaster");
    sentinel.password = QStringLiteral("data-pw");
    sentinel.sentinelPassword = QStringLiteral("sentinel-pw");
    sentinel.database = 2;
    QVERIFY(sentinel.isSentinel());
    config = sentinel.toRedisConfig();
    QVERIFY(config.ok());
    QCOMPARE(config.value().topology(), RedisConfig::Topology::Sentinel);
    QCOMPARE(config.value().sentinelMasterName(), QStringLiteral("mymaster"));
    QCOMPARE(config.value().seeds().first().port, quint16(26379));
    QCOMPARE(config.value().password(), QStringLiteral("data-pw"));
    QCOMPARE(config.value().sentinelPassword(), QStringLiteral("sentinel-pw"));
    QCOMPARE(config.value().database(), 2);
    sentinel.masterName.clear();
    QVERIFY(!sentinel.toRedisConfig().ok());

    // A sentinel URL's password parameter, and a different one in the field: a conflict.
    ConnectionProfile url = ConnectionProfile::fromUrl(
        QStringLiteral("redis+sentinel://10.0.0.1:26379/mymaster?sentinel_password=one"));
    QVERIFY(url.isSentinel());
    QCOMPARE(url.toRedisConfig().value().sentinelPassword(), QStringLiteral("one"));
    url.sentinelPassword = QStringLiteral("one");
    QVERIFY(url.toRedisConfig().ok());
    url.sentinelPassword = QStringLiteral("two");
    QCOMPARE(url.toRedisConfig().error().code(), RedisError::Code::ConflictingSettings);
    QVERIFY(!ConnectionProfile::fromUrl(QStringLiteral("redis://h/0")).isSentinel());

    // What the sentinels and the cluster say comes with a hint of what to check.
    const QString unknown = ErrorMessages::forRedis(
        RedisError(RedisError::Code::SentinelUnknownMaster, QStringLiteral("no 'mymastr'")),
        QStringLiteral("sentinel:mymastr@10.0.0.1:26379"));
    QVERIFY2(unknown.contains(QLatin1String("check the master's name"))
                 && unknown.contains(QLatin1String("no 'mymastr'")),
             qPrintable(unknown));
    const QString none = ErrorMessages::forRedis(
        RedisError(RedisError::Code::NoSentinelReachable, QStringLiteral("refused")),
        QStringLiteral("sentinel:mymaster@10.0.0.1:26379"));
    QVERIFY2(none.startsWith(QLatin1String("No sentinel of sentinel:mymaster@10.0.0.1:26379")),
             qPrintable(none));
}

void tst_SessionConnection::profileWithTls()
{
    // TLS fields with a host, saved and read back, and added to a rediss:// URL.
    ConnectionProfile tcp;
    tcp.name = QStringLiteral("secure");
    tcp.host = QStringLiteral("redis.example.com");
    tcp.port = 6380;
    tcp.tls = true;
    tcp.tlsCaFile = QStringLiteral("/etc/ca.pem");
    tcp.tlsCertFile = QStringLiteral("/c.pem");
    tcp.tlsKeyFile = QStringLiteral("/k.pem");
    auto config = tcp.toRedisConfig();
    QVERIFY(config.ok());
    QVERIFY(config.value().tlsEnabled());
    QCOMPARE(config.value().tlsOptions().caFile, QStringLiteral("/etc/ca.pem"));
    QCOMPARE(config.value().tlsOptions().keyFile, QStringLiteral("/k.pem"));
    QVERIFY(config.value().tlsOptions().verifyPeer);
    QCOMPARE(tcp.endpointText(), QStringLiteral("tls:redis.example.com:6380, database 0"));

    QSettings settings(m_dir.filePath(QStringLiteral("tls.ini")), QSettings::IniFormat);
    tcp.save(settings);
    const ConnectionProfile loaded = ConnectionProfile::load(settings);
    QVERIFY(loaded.tls);
    QCOMPARE(loaded.tlsCaFile, tcp.tlsCaFile);
    QCOMPARE(loaded.tlsCertFile, tcp.tlsCertFile);
    QCOMPARE(loaded.tlsKeyFile, tcp.tlsKeyFile);
    QVERIFY(loaded.tlsVerify);

    ConnectionProfile url = ConnectionProfile::fromUrl(
        QStringLiteral("rediss://127.0.0.1:6400/3?tls_server_name=cache.internal"));
    url.tls = true;
    url.tlsVerify = false;
    config = url.toRedisConfig();
    QVERIFY(config.ok());
    QCOMPARE(config.value().tlsOptions().serverName, QStringLiteral("cache.internal"));
    QVERIFY(!config.value().tlsOptions().verifyPeer);

    // Against a real TLS server: the probe connects with the test CA and is refused without it.
    RedisServer::Options options;
    options.tls = true;
    RedisServer server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ConnectionProfile real;
    real.host = QStringLiteral("localhost");
    real.port = server.tlsPort();
    real.tls = true;
    real.tlsCaFile = RedisServer::certificates().caFile;
    ConnectionProbe probe;
    QSignalSpy ok(&probe, &ConnectionProbe::succeeded);
    QSignalSpy failed(&probe, &ConnectionProbe::failed);
    probe.start(real.toRedisConfig().value());
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() == 1, 8000);
    QCOMPARE(ok.count(), 1);

    real.tlsCaFile = RedisServer::certificates().otherCaFile;
    ok.clear();
    probe.start(real.toRedisConfig().value());
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() == 1, 8000);
    QCOMPARE(failed.count(), 1);
    const QString text
        = ErrorMessages::forRedis(failed.first().first().value<RedisError>(), real.endpointText());
    QVERIFY2(text.contains(QStringLiteral("certificate")), qPrintable(text));
}

void tst_SessionConnection::profileRefusesConflicts()
{
    ConnectionProfile url = ConnectionProfile::fromUrl(QStringLiteral("redis://127.0.0.1/3"));
    url.database = 5;
    auto config = url.toRedisConfig();
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code(), RedisError::Code::ConflictingSettings);
    QVERIFY(ErrorMessages::forRedis(config.error(), QString())
                .startsWith(QStringLiteral("The connection settings are not valid")));
    QVERIFY(!ConnectionProfile::fromUrl(QStringLiteral("http://x")).toRedisConfig().ok());
}

void tst_SessionConnection::probeSaysWhatIsWrong_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("refused") << "refused"
                             << "refused the connection";
    QTest::newRow("wrong password") << "password"
                                    << "rejected the user name or password";
    QTest::newRow("no password") << "nopassword"
                                 << "requires a password";
    QTest::newRow("timeout") << "timeout"
                             << "did not answer in time";
    QTest::newRow("no such database") << "database"
                                      << "has no such database";
    QTest::newRow("fine") << "fine"
                          << "";
}

void tst_SessionConnection::probeSaysWhatIsWrong()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    RedisServer server(RedisServer::Options { true, { QStringLiteral("databases 4") } });
    QTcpServer silent; // accepts and never answers
    RedisConfig config;
    if (kind == QLatin1String("refused")) {
        config.setHost(QStringLiteral("127.0.0.1"));
        config.setPort(RedisServer::freePort());
    } else if (kind == QLatin1String("timeout")) {
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        config.setHost(QStringLiteral("127.0.0.1"));
        config.setPort(silent.serverPort());
        config.setConnectTimeoutMs(300);
        config.setCommandTimeoutMs(300);
    } else {
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        config.setHost(server.host());
        config.setPort(server.port());
        if (kind != QLatin1String("nopassword")) {
            config.setPassword(kind == QLatin1String("password")
                                   ? QStringLiteral("wrong")
                                   : QString::fromLatin1(RedisServer::defaultPassword));
        }
        if (kind == QLatin1String("database"))
            config.setDatabase(7);
    }
    ConnectionProbe probe;
    QSignalSpy ok(&probe, &ConnectionProbe::succeeded);
    QSignalSpy failed(&probe, &ConnectionProbe::failed);
    QElapsedTimer clock;
    clock.start();
    probe.start(config);
    QTRY_VERIFY_WITH_TIMEOUT(ok.count() + failed.count() == 1, 8000);
    if (message.isEmpty()) {
        QCOMPARE(ok.count(), 1);
        QVERIFY(!server.software().isEmpty());
        QCOMPARE(ok.first().first().toString(), server.software());
        return;
    }
    QCOMPARE(failed.count(), 1);
    const QString text
        = ErrorMessages::forRedis(failed.first().first().value<RedisError>(), config.endpoint());
    QVERIFY2(text.contains(message), qPrintable(text));
    QVERIFY(text.contains(config.endpoint()));
    QVERIFY2(clock.elapsed() < 5000, "the probe does not retry");
}

void tst_SessionConnection::connectionOpensAndReportsFailurePlainly()
{
    SessionConnection connection;
    QSignalSpy failed(&connection, &SessionConnection::failed);
    ConnectionProfile profile;
    profile.port = RedisServer::freePort();
    connection.open(profile);
    QCOMPARE(connection.state(), SessionConnection::State::Connecting);
    QVERIFY(failed.wait(5000));
    QCOMPARE(connection.state(), SessionConnection::State::Failed);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("refused the connection")));
    QVERIFY(!connection.admin());

    profile.serializer = QStringLiteral("xml");
    failed.clear();
    connection.open(profile);
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("Unknown serializer")));
}

void tst_SessionConnection::lostConnectionIsReportedAndRestored()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SessionConnection connection;
    connection.setHeartbeatInterval(200);
    QSignalSpy opened(&connection, &SessionConnection::opened);
    QSignalSpy lost(&connection, &SessionConnection::lost);
    QSignalSpy restored(&connection, &SessionConnection::restored);
    ConnectionProfile profile = ConnectionProfile::fromUrl(server.url());
    profile.readOnly = true;
    connection.open(profile);
    QVERIFY(opened.wait(5000));
    QCOMPARE(connection.state(), SessionConnection::State::Connected);
    QVERIFY(connection.admin());
    QVERIFY(connection.admin()->isReadOnly());
    QVERIFY(!server.software().isEmpty());
    QCOMPARE(connection.serverSoftware(), server.software());

    server.kill();
    QVERIFY(lost.wait(5000));
    QCOMPARE(connection.state(), SessionConnection::State::Lost);
    QVERIFY(lost.first().first().toString().contains(server.host()));
    QVERIFY(server.restart());
    QTRY_VERIFY_WITH_TIMEOUT(restored.count() >= 1, 15000);
    QCOMPARE(connection.state(), SessionConnection::State::Connected);
}

QTEST_MAIN(tst_SessionConnection)
#include "tst_sessionconnection.moc"
