#include <libredistore/redis/redisclient.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace RediStore;
using RediStore::Test::RedisServer;
using RediStore::Test::waitFor;

// TLS to Redis (rediss://): what is verified, what is refused, and how failures look.
class tst_RedisTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifiedByName();
    void verifiedByIpAddress();
    void unrelatedCaRefused();
    void wrongServerNameRefused();
    void clientCertificate();
    void urlSaysEverything();
    void plaintextPortFailsWithinHandshakeTimeout();
    void missingCaFile();
    void insecureModeWarnsOnce();
    void serverKilledMidStreamAndRestarted();
    void largeValuesManyRecords();

private:
    RedisConfig tlsConfig(const QString &host, quint16 port) const
    {
        RedisConfig config;
        config.setHost(host);
        config.setPort(port);
        RedisTlsOptions tls;
        tls.caFile = RedisServer::certificates().caFile;
        config.setTlsOptions(tls);
        config.setAutoReconnect(false);
        return config;
    }
    static RedisReply run(const RedisConfig &config, const QByteArrayList &args)
    {
        RedisClient client(config);
        return waitFor(client.execute(args), 15000)
            .value_or(RedisReply::failure(
                RedisError(RedisError::Code::CommandTimeout, QStringLiteral("test wait expired"))));
    }
    static RedisServer::Options options(bool authClients)
    {
        RedisServer::Options options;
        options.tls = true;
        options.tlsAuthClients = authClients;
        return options;
    }

    RedisServer m_server { options(false) };
    RedisServer m_mutual { options(true) };
};

void tst_RedisTls::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_mutual.start(), qPrintable(m_mutual.errorString()));
}

void tst_RedisTls::verifiedByName()
{
    // "localhost" may resolve to ::1 first, where nothing listens: the next address is tried.
    const RedisReply reply
        = run(tlsConfig(QStringLiteral("localhost"), m_server.tlsPort()), { "PING" });
    QCOMPARE(reply.data(), QByteArray("PONG"));
    const RedisReply info
        = run(tlsConfig(QStringLiteral("localhost"), m_server.tlsPort()), { "CLIENT", "INFO" });
    const QByteArray local
        = QByteArray("laddr=127.0.0.1:") + QByteArray::number(m_server.tlsPort());
    QVERIFY2(info.data().contains(local), info.data().constData());
}

void tst_RedisTls::verifiedByIpAddress()
{
    QCOMPARE(run(tlsConfig(QStringLiteral("127.0.0.1"), m_server.tlsPort()), { "PING" }).data(),
             QByteArray("PONG"));
}

void tst_RedisTls::unrelatedCaRefused()
{
    RedisConfig config = tlsConfig(QStringLiteral("localhost"), m_server.tlsPort());
    RedisTlsOptions tls = config.tlsOptions();
    tls.caFile = RedisServer::certificates().otherCaFile;
    config.setTlsOptions(tls);
    const RedisReply reply = run(config, { "PING" });
    QCOMPARE(reply.error().code(), RedisError::Code::TlsCertificateRejected);
    QVERIFY2(reply.error().message().contains(QStringLiteral("certificate")),
             qPrintable(reply.error().message()));
}

void tst_RedisTls::wrongServerNameRefused()
{
    // The certificate names localhost and 127.0.0.1, not this name: refused, although the
    // chain is trusted (the name is checked, not only sent as SNI).
    RedisConfig config = tlsConfig(QStringLiteral("127.0.0.1"), m_server.tlsPort());
    RedisTlsOptions tls = config.tlsOptions();
    tls.serverName = QStringLiteral("redis.example.com");
    config.setTlsOptions(tls);
    const RedisReply reply = run(config, { "PING" });
    QCOMPARE(reply.error().code(), RedisError::Code::TlsCertificateRejected);
    QVERIFY2(reply.error().message().contains(QStringLiteral("mismatch"), Qt::CaseInsensitive),
             qPrintable(reply.error().message()));

    // An address that the certificate does not list is refused the same way.
    RedisConfig wrongIp = tlsConfig(QStringLiteral("127.0.0.1"), m_server.tlsPort());
    tls = wrongIp.tlsOptions();
    tls.serverName = QStringLiteral("10.1.2.3");
    wrongIp.setTlsOptions(tls);
    QCOMPARE(run(wrongIp, { "PING" }).error().code(), RedisError::Code::TlsCertificateRejected);
}

void tst_RedisTls::clientCertificate()
{
    const RedisServer::Certificates &certs = RedisServer::certificates();
    // Without a certificate the server ends the connection during or right after the handshake
    // (TLS 1.3 sends its alert after the client's Finished): an error, never a hang.
    const RedisReply refused
        = run(tlsConfig(QStringLiteral("localhost"), m_mutual.tlsPort()), { "PING" });
    QVERIFY(refused.isError());
    QVERIFY2(refused.error().code() == RedisError::Code::TlsHandshakeFailed
                 || refused.error().code() == RedisError::Code::Disconnected,
             qPrintable(refused.error().codeName() + QLatin1Char(' ') + refused.error().message()));

    RedisConfig config = tlsConfig(QStringLiteral("localhost"), m_mutual.tlsPort());
    RedisTlsOptions tls = config.tlsOptions();
    tls.certFile = certs.clientCert;
    tls.keyFile = certs.clientKey;
    config.setTlsOptions(tls);
    QCOMPARE(run(config, { "PING" }).data(), QByteArray("PONG"));
}

void tst_RedisTls::urlSaysEverything()
{
    const RedisServer::Certificates &certs = RedisServer::certificates();
    const auto config = RedisConfig::fromUrl(
        QStringLiteral("rediss://%1:%2@127.0.0.1:%3/3?tls_ca=%4&tls_cert=%5&tls_key=%6"
                       "&tls_server_name=localhost")
            .arg(QLatin1String(RedisServer::aclUser), QLatin1String(RedisServer::aclPassword))
            .arg(m_mutual.tlsPort())
            .arg(certs.caFile, certs.clientCert, certs.clientKey));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message()));
    const RedisReply info = run(config.value(), { "CLIENT", "INFO" });
    QVERIFY2(info.data().contains(" db=3 ") && info.data().contains(" user=alice "),
             info.data().constData());
}

void tst_RedisTls::plaintextPortFailsWithinHandshakeTimeout()
{
    RedisConfig config = tlsConfig(QStringLiteral("127.0.0.1"), m_server.port());
    config.setConnectTimeoutMs(1000);
    config.setOfflineWaitMs(0);
    QElapsedTimer clock;
    clock.start();
    const RedisReply reply = run(config, { "PING" });
    const qint64 took = clock.elapsed();
    QVERIFY(reply.isError());
    QVERIFY2(reply.error().code() == RedisError::Code::TlsHandshakeFailed
                 || reply.error().code() == RedisError::Code::ConnectTimeout,
             qPrintable(reply.error().codeName() + QLatin1Char(' ') + reply.error().message()));
    QVERIFY2(reply.error().message().contains(QStringLiteral("TLS")),
             qPrintable(reply.error().message()));
    QVERIFY2(took < 3000, qPrintable(QString::number(took)));
}

void tst_RedisTls::missingCaFile()
{
    RedisConfig config = tlsConfig(QStringLiteral("localhost"), m_server.tlsPort());
    RedisTlsOptions tls = config.tlsOptions();
    tls.caFile = QStringLiteral("/nonexistent/ca.pem");
    config.setTlsOptions(tls);
    const RedisReply reply = run(config, { "PING" });
    QCOMPARE(reply.error().code(), RedisError::Code::TlsSetupFailed);
    QVERIFY2(reply.error().message().contains(QStringLiteral("/nonexistent/ca.pem")),
             qPrintable(reply.error().message()));
}

void tst_RedisTls::insecureModeWarnsOnce()
{
    RedisConfig config = tlsConfig(QStringLiteral("127.0.0.1"), m_server.tlsPort());
    RedisTlsOptions tls = config.tlsOptions();
    tls.caFile = RedisServer::certificates().otherCaFile; // would be refused if verified
    tls.serverName = QStringLiteral("wrong.example");
    tls.verifyPeer = false;
    config.setTlsOptions(tls);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("verification is off")));
    QCOMPARE(run(config, { "PING" }).data(), QByteArray("PONG"));
    QCOMPARE(run(config, { "PING" }).data(), QByteArray("PONG")); // no second warning
}

void tst_RedisTls::serverKilledMidStreamAndRestarted()
{
    RedisServer server(options(false));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisConfig config = tlsConfig(QStringLiteral("127.0.0.1"), server.tlsPort());
    config.setAutoReconnect(true);
    RedisClient client(config);
    QCOMPARE(waitFor(client.execute({ "PING" }))->data(), QByteArray("PONG"));
    const QByteArray value(64 * 1024, 'v');
    QList<QFuture<RedisReply>> replies;
    for (int i = 0; i < 2000; ++i)
        replies.append(client.execute({ "SET", "k" + QByteArray::number(i), value }));
    QTest::qWait(5);
    server.kill();
    int failed = 0;
    for (const QFuture<RedisReply> &future : replies) {
        const auto reply = waitFor(future, 15000);
        QVERIFY(reply.has_value()); // each completes, exactly once
        if (reply->isError()) {
            ++failed;
            QVERIFY2(reply->error().isTransient(), qPrintable(reply->error().message()));
        }
    }
    QVERIFY(failed > 0);
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    const auto again = waitFor(client.execute({ "PING" }), 10000);
    QVERIFY(again.has_value());
    QCOMPARE(again->data(), QByteArray("PONG"));
}

void tst_RedisTls::largeValuesManyRecords()
{
    // 1 MiB values take many TLS records both ways; 10,000 pipelined commands keep their order.
    RedisClient client(tlsConfig(QStringLiteral("localhost"), m_server.tlsPort()));
    QByteArray big(1024 * 1024, Qt::Uninitialized);
    for (int i = 0; i < big.size(); ++i)
        big[i] = char(i * 7 + i / 251);
    QVERIFY(waitFor(client.execute({ "SET", "big", big }))->isOk());
    QCOMPARE(waitFor(client.execute({ "GET", "big" }))->data(), big);
    QList<QFuture<RedisReply>> replies;
    for (int i = 0; i < 10000; ++i)
        replies.append(client.execute({ "INCR", "order" }));
    for (int i = 0; i < 10000; ++i)
        QCOMPARE(waitFor(replies[i])->toInteger(), i + 1);
}

QTEST_GUILESS_MAIN(tst_RedisTls)
#include "tst_redistls.moc"
