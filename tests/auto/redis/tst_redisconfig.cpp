#include <libredistore/redis/redisconfig.h>

#include <QtTest/QTest>

using namespace RediStore;

class tst_RedisConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void urlForms_data();
    void urlForms();
    void badUrls_data();
    void badUrls();
    void mergeWithExplicitSettings();
    void conflicts_data();
    void conflicts();
    void validation_data();
    void validation();
    void tlsUrl();
    void offlineWait();
    void displayUrlHidesPassword();
    void implicitSharing();
};

void tst_RedisConfig::defaults()
{
    const RedisConfig config;
    QCOMPARE(config.transport(), RedisConfig::Transport::Tcp);
    QCOMPARE(config.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(config.port(), quint16(6379));
    QCOMPARE(config.database(), 0);
    QVERIFY(config.autoReconnect());
    QCOMPARE(config.offlinePolicy(), RedisConfig::OfflinePolicy::Queue);
    QVERIFY(config.validate().ok());
}

void tst_RedisConfig::urlForms_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("unix");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("socket");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("db");

    QTest::newRow("host only") << "redis://example.com" << false << "example.com" << 6379 << ""
                               << ""
                               << "" << 0;
    QTest::newRow("host port") << "redis://10.0.0.2:6380" << false << "10.0.0.2" << 6380 << ""
                               << ""
                               << "" << 0;
    QTest::newRow("db in path") << "redis://localhost:6379/5" << false << "localhost" << 6379 << ""
                                << ""
                                << "" << 5;
    QTest::newRow("db in query") << "redis://localhost?db=7" << false << "localhost" << 6379 << ""
                                 << ""
                                 << "" << 7;
    QTest::newRow("password only")
        << "redis://:s3cret@localhost/1" << false << "localhost" << 6379 << ""
        << ""
        << "s3cret" << 1;
    QTest::newRow("acl user") << "redis://alice:pa%40ss@127.0.0.1:7000/2" << false << "127.0.0.1"
                              << 7000 << ""
                              << "alice"
                              << "pa@ss" << 2;
    QTest::newRow("ipv6") << "redis://[::1]:6379/0" << false << "::1" << 6379 << ""
                          << ""
                          << "" << 0;
    QTest::newRow("unix") << "unix:///run/redis/redis.sock" << true << "127.0.0.1" << 6379
                          << "/run/redis/redis.sock"
                          << ""
                          << "" << 0;
    QTest::newRow("unix db") << "unix:///tmp/r.sock?db=3" << true << "127.0.0.1" << 6379
                             << "/tmp/r.sock"
                             << ""
                             << "" << 3;
    QTest::newRow("unix auth") << "unix://bob:pw@/tmp/r.sock?db=4" << true << "127.0.0.1" << 6379
                               << "/tmp/r.sock"
                               << "bob"
                               << "pw" << 4;
    QTest::newRow("same db twice") << "redis://h/3?db=3" << false << "h" << 6379 << ""
                                   << ""
                                   << "" << 3;
}

void tst_RedisConfig::urlForms()
{
    QFETCH(QString, url);
    QFETCH(bool, unix);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, socket);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(int, db);

    const auto result = RedisConfig::fromUrl(url);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    const RedisConfig &config = result.value();
    QCOMPARE(config.transport(), unix ? RedisConfig::Transport::Unix : RedisConfig::Transport::Tcp);
    if (!unix) {
        QCOMPARE(config.host(), host);
        QCOMPARE(int(config.port()), port);
    } else {
        QCOMPARE(config.unixSocket(), socket);
    }
    QCOMPARE(config.username(), user);
    QCOMPARE(config.password(), password);
    QCOMPARE(config.database(), db);
}

void tst_RedisConfig::badUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<RedisError::Code>("code");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << "" << RedisError::Code::InvalidUrl << "empty";
    QTest::newRow("scheme") << "http://localhost" << RedisError::Code::InvalidUrl << "http";
    QTest::newRow("tls parameter without tls")
        << "redis://localhost?tls_ca=/x.pem" << RedisError::Code::InvalidUrl << "rediss://";
    QTest::newRow("unknown tls parameter")
        << "rediss://localhost?tls_foo=1" << RedisError::Code::InvalidUrl << "tls_foo";
    QTest::newRow("tls_verify value")
        << "rediss://localhost?tls_verify=maybe" << RedisError::Code::InvalidUrl << "tls_verify";
    QTest::newRow("tls key without cert")
        << "rediss://localhost?tls_key=/k.pem" << RedisError::Code::InvalidOption << "tls_cert";
    QTest::newRow("no host") << "redis:///0" << RedisError::Code::InvalidHost << "host";
    QTest::newRow("port range") << "redis://localhost:70000" << RedisError::Code::InvalidUrl
                                << "70000";
    QTest::newRow("db not a number")
        << "redis://localhost/abc" << RedisError::Code::InvalidDatabase << "/abc";
    QTest::newRow("db negative") << "redis://localhost?db=-1" << RedisError::Code::InvalidDatabase
                                 << "-1";
    QTest::newRow("unknown parameter")
        << "redis://localhost?timeout=3" << RedisError::Code::InvalidUrl << "timeout";
    QTest::newRow("path and query disagree")
        << "redis://localhost/2?db=3" << RedisError::Code::ConflictingSettings << "db=3";
    QTest::newRow("unix without path") << "unix://" << RedisError::Code::InvalidUrl << "socket";
    // A message never shows the password.
    QTest::newRow("invalid, with a password")
        << "redis://alice:pa55word@[::1" << RedisError::Code::InvalidUrl
        << "redis://alice:***@[::1";
    QTest::newRow("no host, with a password")
        << "redis://alice:pa55word@/0" << RedisError::Code::InvalidHost << "host";
}

void tst_RedisConfig::badUrls()
{
    QFETCH(QString, url);
    QFETCH(RedisError::Code, code);
    QFETCH(QString, mentions);

    const auto result = RedisConfig::fromUrl(url);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), code);
    QVERIFY2(result.error().message().contains(mentions), qPrintable(result.error().message()));
    QVERIFY2(!result.error().message().contains(QLatin1String("pa55word")),
             qPrintable(result.error().message()));
}

void tst_RedisConfig::mergeWithExplicitSettings()
{
    RedisConfig config;
    config.setPassword(QStringLiteral("secret"));
    config.setDatabase(2);
    const auto merged = config.applyUrl(QStringLiteral("redis://cache.internal:6390"));
    QVERIFY(merged.ok());
    QCOMPARE(merged.value().host(), QStringLiteral("cache.internal"));
    QCOMPARE(merged.value().port(), quint16(6390));
    // The URL says nothing about them: the explicit settings stay, not silently dropped.
    QCOMPARE(merged.value().password(), QStringLiteral("secret"));
    QCOMPARE(merged.value().database(), 2);

    // The same value in both places is not a conflict.
    const auto same = config.applyUrl(QStringLiteral("redis://:secret@h/2"));
    QVERIFY(same.ok());
}

void tst_RedisConfig::conflicts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("field");

    QTest::newRow("db") << "redis://localhost/2"
                        << "database";
    QTest::newRow("password") << "redis://:zebra-pass@localhost"
                              << "password";
    QTest::newRow("user") << "redis://bob:secret@localhost"
                          << "username";
    QTest::newRow("address") << "unix:///tmp/x.sock"
                             << "address";
}

void tst_RedisConfig::conflicts()
{
    QFETCH(QString, url);
    QFETCH(QString, field);

    RedisConfig config;
    config.setHost(QStringLiteral("localhost"));
    config.setUsername(QStringLiteral("alice"));
    config.setPassword(QStringLiteral("secret"));
    config.setDatabase(5);
    const auto result = config.applyUrl(url);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), RedisError::Code::ConflictingSettings);
    QVERIFY2(result.error().message().startsWith(field), qPrintable(result.error().message()));
    QVERIFY(!result.error().message().contains(QStringLiteral("zebra"))); // no password leaks
    QVERIFY(!result.error().message().contains(QStringLiteral("secret")));
}

void tst_RedisConfig::validation_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("db");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<QString>("name");
    QTest::addColumn<RedisError::Code>("code");

    QTest::newRow("ok") << 6379 << 0 << 100 << "app" << RedisError::Code::NoError;
    QTest::newRow("port 0") << 0 << 0 << 100 << "" << RedisError::Code::InvalidPort;
    QTest::newRow("port 65536") << 65536 << 0 << 100 << "" << RedisError::Code::InvalidPort;
    QTest::newRow("db -1") << 6379 << -1 << 100 << "" << RedisError::Code::InvalidDatabase;
    QTest::newRow("timeout -5") << 6379 << 0 << -5 << "" << RedisError::Code::InvalidTimeout;
    QTest::newRow("name with space")
        << 6379 << 0 << 100 << "my app" << RedisError::Code::InvalidClientName;
}

void tst_RedisConfig::validation()
{
    QFETCH(int, port);
    QFETCH(int, db);
    QFETCH(int, timeout);
    QFETCH(QString, name);
    QFETCH(RedisError::Code, code);

    RedisConfig config;
    config.setPort(port);
    config.setDatabase(db);
    config.setCommandTimeoutMs(timeout);
    config.setClientName(name);
    const auto result = config.validate();
    QCOMPARE(result.ok() ? RedisError::Code::NoError : result.error().code(), code);
}

void tst_RedisConfig::tlsUrl()
{
    const auto config = RedisConfig::fromUrl(QStringLiteral(
        "rediss://alice:pw@redis.example.com:6380/2?tls_ca=/etc/ca.pem&tls_cert=/c.pem"
        "&tls_key=/k.pem&tls_server_name=cache.internal&tls_verify=none"));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message()));
    QVERIFY(config.value().tlsEnabled());
    QCOMPARE(config.value().host(), QStringLiteral("redis.example.com"));
    QCOMPARE(config.value().port(), 6380);
    QCOMPARE(config.value().database(), 2);
    QCOMPARE(config.value().username(), QStringLiteral("alice"));
    const RedisTlsOptions tls = config.value().tlsOptions();
    QCOMPARE(tls.caFile, QStringLiteral("/etc/ca.pem"));
    QCOMPARE(tls.certFile, QStringLiteral("/c.pem"));
    QCOMPARE(tls.keyFile, QStringLiteral("/k.pem"));
    QCOMPARE(tls.serverName, QStringLiteral("cache.internal"));
    QVERIFY(!tls.verifyPeer);
    QCOMPARE(config.value().endpoint(), QStringLiteral("tls:redis.example.com:6380"));
    // The display URL says everything but the password, and reads back the same.
    const QString display = config.value().toDisplayUrl();
    QVERIFY2(!display.contains(QStringLiteral("pw")), qPrintable(display));
    const auto again = RedisConfig::fromUrl(display);
    QVERIFY2(again.ok(), qPrintable(display));
    QCOMPARE(again.value().tlsOptions(), tls);

    // rediss:// alone: TLS with verification and the system's CAs.
    const auto plain = RedisConfig::fromUrl(QStringLiteral("rediss://cache"));
    QVERIFY(plain.ok());
    QVERIFY(plain.value().tlsEnabled());
    QVERIFY(plain.value().tlsOptions().verifyPeer);
    QVERIFY(plain.value().tlsOptions().caFile.isEmpty());
    QVERIFY(!RedisConfig::fromUrl(QStringLiteral("redis://cache")).value().tlsEnabled());

    // Explicit TLS options and a URL that names other ones conflict; a bare URL keeps them.
    RedisConfig explicitTls;
    RedisTlsOptions mine;
    mine.caFile = QStringLiteral("/mine.pem");
    explicitTls.setTlsOptions(mine);
    QCOMPARE(explicitTls.applyUrl(QStringLiteral("rediss://h?tls_ca=/other.pem")).error().code(),
             RedisError::Code::ConflictingSettings);
    QCOMPARE(explicitTls.applyUrl(QStringLiteral("rediss://h")).value().tlsOptions().caFile,
             QStringLiteral("/mine.pem"));
    QVERIFY(explicitTls.applyUrl(QStringLiteral("redis://h")).value().tlsEnabled());

    // No TLS over a Unix socket.
    RedisConfig unixTls;
    unixTls.setUnixSocket(QStringLiteral("/tmp/r.sock"));
    unixTls.setTlsEnabled(true);
    QCOMPARE(unixTls.validate().error().code(), RedisError::Code::InvalidOption);
}

void tst_RedisConfig::offlineWait()
{
    RedisConfig config;
    QCOMPARE(config.offlineWaitMs(), 1000);
    config.setOfflineWaitMs(-1);
    QCOMPARE(config.validate().error().code(), RedisError::Code::InvalidTimeout);
    config.setOfflineWaitMs(0);
    QVERIFY(config.validate().ok());
}

void tst_RedisConfig::displayUrlHidesPassword()
{
    const auto config = RedisConfig::fromUrl(QStringLiteral("redis://alice:hunter2@h:7/3"));
    QVERIFY(config.ok());
    const QString shown = config.value().toDisplayUrl();
    QVERIFY(!shown.contains(QStringLiteral("hunter2")));
    QCOMPARE(shown, QStringLiteral("redis://alice@h:7/3"));
}

void tst_RedisConfig::implicitSharing()
{
    RedisConfig a;
    RedisConfig b = a;
    b.setDatabase(9);
    QCOMPARE(a.database(), 0);
    QCOMPARE(b.database(), 9);
    QVERIFY(a != b);
}

QTEST_APPLESS_MAIN(tst_RedisConfig)
#include "tst_redisconfig.moc"
