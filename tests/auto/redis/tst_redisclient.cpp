#include <libredistore/redis/redisclient.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <functional>
#include <memory>

using namespace RediStore;
using RediStore::Test::RedisServer;
using RediStore::Test::waitFor;

class tst_RedisClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void replyTypes();
    void binaryValues();
    void largeValue();
    void nestedArray();
    void tenThousandInFlight();
    void callbackApi();
    void chainedCompletionsDoNotNest();
    void transaction();
    void selectDatabase();
    void clientName();
    void unixSocket();
    void aclUser();
    void passwordOnly();
    void wrongPassword();
    void connectFromUrl();
    void eventLoopTurnsDuringLargeReply();
    void waitingInsideCompletion_data();
    void waitingInsideCompletion();
    void largeCommandFromCompletion();
    void sharedRepliesInsideArrays();
    void repliesAcrossReadSlices();

private:
    std::unique_ptr<RedisClient> makeClient(const RedisConfig &config) const;
    static bool overTls();
    // The server's TCP port, or its TLS port with the test CA in the "tls" row.
    static RedisConfig configFor(const RedisServer &server);
    RedisConfig tcpConfig() const { return configFor(m_server); }
    RedisReply run(RedisClient &client, const QByteArrayList &args);

    RedisServer m_server { tlsOptions() };

    static RedisServer::Options tlsOptions()
    {
        RedisServer::Options options;
        options.tls = true;
        return options;
    }
};

// Every test runs over plain TCP and over TLS.
void tst_RedisClient::initTestCase_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("tcp") << false;
    QTest::newRow("tls") << true;
}

bool tst_RedisClient::overTls()
{
    QFETCH_GLOBAL(bool, tls);
    return tls;
}

RedisConfig tst_RedisClient::configFor(const RedisServer &server)
{
    RedisConfig config;
    config.setHost(server.host());
    if (overTls()) {
        config.setPort(server.tlsPort());
        RedisTlsOptions tls;
        tls.caFile = RedisServer::certificates().caFile;
        config.setTlsOptions(tls);
    } else {
        config.setPort(server.port());
    }
    return config;
}

void tst_RedisClient::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

std::unique_ptr<RedisClient> tst_RedisClient::makeClient(const RedisConfig &config) const
{
    auto client = std::make_unique<RedisClient>(config);
    client->connectToServer();
    return client;
}

void tst_RedisClient::init()
{
    m_server.command({ "FLUSHALL" });
}

RedisReply tst_RedisClient::run(RedisClient &client, const QByteArrayList &args)
{
    const auto reply = waitFor(client.execute(args));
    return reply.value_or(RedisReply::failure(
        RedisError(RedisError::Code::CommandTimeout, QStringLiteral("test wait expired"))));
}

void tst_RedisClient::replyTypes()
{
    auto client = makeClient(tcpConfig());
    QSignalSpy connected(client.get(), &RedisClient::connected);
    QVERIFY(connected.wait(5000));
    QCOMPARE(client->state(), RedisClient::State::Connected);

    const RedisReply ok = run(*client, { "SET", "types:s", "v" });
    QCOMPARE(ok.type(), RedisReply::Type::Status);
    QVERIFY(ok.isOk());
    QCOMPARE(run(*client, { "GET", "types:s" }).data(), QByteArray("v"));
    QCOMPARE(run(*client, { "GET", "types:s" }).type(), RedisReply::Type::String);
    QVERIFY(run(*client, { "GET", "types:missing" }).isNil());
    QCOMPARE(run(*client, { "INCRBY", "types:n", "41" }).toInteger(), 41);

    const RedisReply error = run(*client, { "NOSUCHCOMMAND" });
    QVERIFY(error.isError());
    QCOMPARE(error.error().code(), RedisError::Code::ServerError);
    QVERIFY(error.data().startsWith("ERR unknown command"));

    run(*client, { "RPUSH", "types:l", "a", "b", "c" });
    const RedisReply list = run(*client, { "LRANGE", "types:l", "0", "-1" });
    QVERIFY(list.isArray());
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(2).data(), QByteArray("c"));
    QVERIFY(run(*client, { "LRANGE", "types:none", "0", "-1" }).isArray());
}

void tst_RedisClient::binaryValues()
{
    auto client = makeClient(tcpConfig());
    const QByteArray key("bin\0key\r\n", 9);
    QByteArray value;
    for (int i = 0; i < 256; ++i)
        value.append(char(i));
    value.append(QByteArray("\0\0\r\n$3\r\n", 9));
    QVERIFY(run(*client, { "SET", key, value }).isOk());
    const RedisReply reply = run(*client, { "GET", key });
    QCOMPARE(reply.data().size(), value.size());
    QCOMPARE(reply.data(), value);
    QVERIFY(run(*client, { "SET", "empty", "" }).isOk());
    const RedisReply empty = run(*client, { "GET", "empty" });
    QVERIFY(empty.isString());
    QVERIFY(empty.data().isEmpty());
}

void tst_RedisClient::largeValue()
{
    auto client = makeClient(tcpConfig());
    QByteArray big(1024 * 1024, '\0');
    for (int i = 0; i < big.size(); ++i)
        big[i] = char((i * 7919) & 0xff);
    QVERIFY(run(*client, { "SET", "big", big }).isOk());
    const RedisReply reply = run(*client, { "GET", "big" });
    QCOMPARE(reply.data().size(), big.size());
    QVERIFY(reply.data() == big);
}

void tst_RedisClient::nestedArray()
{
    auto client = makeClient(tcpConfig());
    const RedisReply reply = run(*client, { "EVAL", "return {1, {2, 'two', {3}}, 'x'}", "0" });
    QVERIFY2(reply.isArray(), qPrintable(reply.toDisplayString()));
    QCOMPARE(reply.size(), 3);
    QCOMPARE(reply.at(0).toInteger(), 1);
    QVERIFY(reply.at(1).isArray());
    QCOMPARE(reply.at(1).at(1).data(), QByteArray("two"));
    QCOMPARE(reply.at(1).at(2).at(0).toInteger(), 3);
    QCOMPARE(reply.at(2).data(), QByteArray("x"));
}

void tst_RedisClient::tenThousandInFlight()
{
    auto client = makeClient(tcpConfig());
    run(*client, { "DEL", "counter" });
    constexpr int count = 10000;
    QList<QFuture<RedisReply>> futures;
    futures.reserve(count);
    for (int i = 0; i < count; ++i)
        futures.append(client->execute({ "INCR", "counter" }));
    QVERIFY(client->pendingCount() > 0);
    QVERIFY(waitFor(futures.last(), 30000).has_value());
    for (int i = 0; i < count; ++i) {
        QVERIFY(futures[i].isFinished());
        // INCR returns the running count: replies arrive in the order sent.
        QCOMPARE(futures[i].result().toInteger(), i + 1);
    }
    QCOMPARE(client->pendingCount(), 0);
}

void tst_RedisClient::callbackApi()
{
    auto client = makeClient(tcpConfig());
    QList<qint64> seen;
    bool returned = false;
    run(*client, { "DEL", "cb" });
    for (int i = 0; i < 100; ++i) {
        client->execute({ "INCR", "cb" }, this, [&seen, &returned](const RedisReply &reply) {
            // Completion never runs inside execute().
            QVERIFY(returned);
            seen.append(reply.toInteger());
        });
    }
    returned = true;
    QTRY_COMPARE(seen.size(), 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(seen[i], i + 1);

    // A callback whose context is gone is not called.
    bool called = false;
    auto context = std::make_unique<QObject>();
    client->execute({ "PING" }, context.get(), [&called](const RedisReply &) { called = true; });
    context.reset();
    QVERIFY(run(*client, { "PING" }).data() == "PONG");
    QVERIFY(!called);
}

void tst_RedisClient::chainedCompletionsDoNotNest()
{
    // Each command is sent from the completion of the one before: replies are delivered as
    // soon as hiredis returns from a read, but never inside another completion.
    auto client = makeClient(tcpConfig());
    run(*client, { "DEL", "chain" });
    int depth = 0;
    int deepest = 0;
    int done = 0;
    QEventLoop loop;
    std::function<void()> next = [&]() {
        client->execute({ "INCR", "chain" }, this, [&](const RedisReply &reply) {
            ++depth;
            deepest = qMax(deepest, depth);
            if (reply.toInteger() == done + 1 && ++done < 1000)
                next();
            else
                loop.quit();
            --depth;
        });
    };
    next();
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(done, 1000);
    QCOMPARE(deepest, 1);
    // Empty and binary arguments go through the client's own command formatting unchanged.
    run(*client, { "SET", "chain:empty", "" });
    QCOMPARE(run(*client, { "GET", "chain:empty" }).type(), RedisReply::Type::String);
    QCOMPARE(run(*client, { "STRLEN", "chain:empty" }).toInteger(), 0);
    const QByteArray binary("\r\n$3\r\n*1\0\xff", 11);
    run(*client, { "SET", binary, binary });
    QCOMPARE(run(*client, { "GET", binary }).data(), binary);
}

void tst_RedisClient::transaction()
{
    auto client = makeClient(tcpConfig());
    const auto reply = waitFor(
        client->transaction({ { "SET", "tx:a", "1" }, { "INCR", "tx:a" }, { "GET", "tx:a" } }));
    QVERIFY(reply.has_value());
    QVERIFY2(reply->isArray(), qPrintable(reply->toDisplayString()));
    QCOMPARE(reply->size(), 3);
    QVERIFY(reply->at(0).isOk());
    QCOMPARE(reply->at(1).toInteger(), 2);
    QCOMPARE(reply->at(2).data(), QByteArray("2"));

    // A command that cannot be queued aborts the whole transaction.
    const auto aborted
        = waitFor(client->transaction({ { "SET", "tx:b", "1" }, { "NOSUCHCOMMAND" } }));
    QVERIFY(aborted.has_value());
    QVERIFY(aborted->isError());
    QVERIFY(aborted->data().startsWith("EXECABORT"));
    QVERIFY(run(*client, { "GET", "tx:b" }).isNil());
}

void tst_RedisClient::selectDatabase()
{
    RedisConfig config = tcpConfig();
    config.setDatabase(3);
    auto client = makeClient(config);
    QVERIFY(run(*client, { "SET", "in-db-3", "yes" }).isOk());
    QVERIFY(run(*client, { "CLIENT", "INFO" }).data().contains(" db=3 "));
    // The fixture's own connection uses database 0: the key is not there.
    QVERIFY(!m_server.command({ "GET", "in-db-3" }).isValid());

    RedisConfig missing = tcpConfig();
    missing.setDatabase(99);
    RedisClient bad(missing);
    const RedisReply refused = run(bad, { "PING" });
    QVERIFY(refused.isError());
    QCOMPARE(refused.error().code(), RedisError::Code::SelectFailed);
    QCOMPARE(bad.lastError().code(), RedisError::Code::SelectFailed);
}

void tst_RedisClient::clientName()
{
    RedisConfig config = tcpConfig();
    config.setClientName(QStringLiteral("redistore-test"));
    auto client = makeClient(config);
    QCOMPARE(run(*client, { "CLIENT", "GETNAME" }).data(), QByteArray("redistore-test"));
}

void tst_RedisClient::unixSocket()
{
    if (overTls())
        QSKIP("Redis has no TLS on Unix sockets");
    RedisConfig config;
    config.setUnixSocket(m_server.unixSocket());
    auto client = makeClient(config);
    QCOMPARE(run(*client, { "PING" }).data(), QByteArray("PONG"));
    QVERIFY(run(*client, { "CLIENT", "INFO" })
                .data()
                .contains(QByteArray(QByteArray("laddr=") + m_server.unixSocket().toUtf8())));

    const auto fromUrl
        = RedisConfig::fromUrl(QStringLiteral("unix://%1?db=2").arg(m_server.unixSocket()));
    QVERIFY(fromUrl.ok());
    auto viaUrl = makeClient(fromUrl.value());
    QVERIFY(run(*viaUrl, { "CLIENT", "INFO" }).data().contains(" db=2 "));
}

void tst_RedisClient::aclUser()
{
    RedisConfig config = tcpConfig();
    config.setUsername(QLatin1String(RedisServer::aclUser));
    config.setPassword(QLatin1String(RedisServer::aclPassword));
    auto client = makeClient(config);
    QCOMPARE(run(*client, { "ACL", "WHOAMI" }).data(), QByteArray(RedisServer::aclUser));
}

void tst_RedisClient::passwordOnly()
{
    RedisServer::Options options = tlsOptions();
    options.requirePassword = true;
    RedisServer secured(options);
    QVERIFY2(secured.start(), qPrintable(secured.errorString()));

    RedisConfig config = configFor(secured);
    config.setPassword(QLatin1String(RedisServer::defaultPassword));
    auto client = makeClient(config);
    QCOMPARE(run(*client, { "ACL", "WHOAMI" }).data(), QByteArray("default"));

    // Without AUTH the server refuses commands: the caller sees Redis's reply, typed as the
    // authentication failure it is, and told what to do.
    RedisConfig none = configFor(secured);
    auto anonymous = makeClient(none);
    const RedisReply refused = run(*anonymous, { "GET", "x" });
    QVERIFY(refused.isError());
    QVERIFY(refused.data().startsWith("NOAUTH"));
    QCOMPARE(refused.error().code(), RedisError::Code::AuthenticationFailed);
    QVERIFY2(refused.error().message().contains(QStringLiteral("requires a password")),
             qPrintable(refused.error().message()));
    // Other error replies stay ServerError.
    QCOMPARE(run(*client, { "INCR", "x", "y" }).error().code(), RedisError::Code::ServerError);
}

void tst_RedisClient::wrongPassword()
{
    RedisConfig config = tcpConfig();
    config.setUsername(QLatin1String(RedisServer::aclUser));
    config.setPassword(QStringLiteral("not-the-password"));
    RedisClient client(config);
    QSignalSpy errors(&client, &RedisClient::errorOccurred);
    const RedisReply reply = run(client, { "PING" });
    QVERIFY(reply.isError());
    QCOMPARE(reply.error().code(), RedisError::Code::AuthenticationFailed);
    QVERIFY(reply.error().message().contains(QStringLiteral("password")));
    QVERIFY(!reply.error().message().contains(QStringLiteral("not-the-password")));
    QTRY_VERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().first().value<RedisError>().code(),
             RedisError::Code::AuthenticationFailed);
    QCOMPARE(client.state(), RedisClient::State::Disconnected);
}

void tst_RedisClient::connectFromUrl()
{
    const QString credentials = QStringLiteral("%1:%2").arg(
        QLatin1String(RedisServer::aclUser), QLatin1String(RedisServer::aclPassword));
    const auto config = RedisConfig::fromUrl(
        overTls()
            ? QStringLiteral("rediss://%1@127.0.0.1:%2/4?tls_ca=%3")
                  .arg(credentials)
                  .arg(m_server.tlsPort())
                  .arg(RedisServer::certificates().caFile)
            : QStringLiteral("redis://%1@127.0.0.1:%2/4").arg(credentials).arg(m_server.port()));
    QVERIFY(config.ok());
    auto client = makeClient(config.value());
    const QByteArray info = run(*client, { "CLIENT", "INFO" }).data();
    QVERIFY2(info.contains(" db=4 "), info.constData());
    QVERIFY(info.contains(" user=alice "));
}

void tst_RedisClient::eventLoopTurnsDuringLargeReply()
{
    auto client = makeClient(tcpConfig());
    const QByteArray big(1024 * 1024, 'z');
    QVERIFY(run(*client, { "SET", "stall", big }).isOk());

    // A 1 ms timer measures how long the event loop is kept from turning.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(1);
    connect(&ticker, &QTimer::timeout, this, [&]() {
        const qint64 now = clock.nsecsElapsed();
        longest = qMax(longest, now - last);
        last = now;
    });
    QList<QFuture<RedisReply>> replies;
    for (int i = 0; i < 20; ++i)
        replies.append(client->execute({ "GET", "stall" }));
    last = clock.nsecsElapsed();
    ticker.start();
    QVERIFY(waitFor(replies.last(), 30000).has_value());
    ticker.stop();
    for (const auto &reply : replies)
        QCOMPARE(reply.result().data().size(), big.size());
    qInfo("longest event-loop stall while 20 x 1 MiB replies arrived: %.2f ms",
          double(longest) / 1e6);
    // Generous: the point is that the loop turns between reads, not a speed claim.
    QVERIFY2(longest < 250 * 1000 * 1000, "the event loop stalled for more than 250 ms");
}

// Commands sent from a completion are written when the read that delivered it is done. A
// completion that waits for the reply of such a command must still get it, however it waits.
void tst_RedisClient::waitingInsideCompletion_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("nested QEventLoop") << QStringLiteral("loop");
    QTest::newRow("QTest::qWait (processEvents without waiting)") << QStringLiteral("qWait");
    QTest::newRow("processEvents(WaitForMoreEvents)") << QStringLiteral("processEvents");
}

void tst_RedisClient::waitingInsideCompletion()
{
    QFETCH(QString, how);
    auto client = makeClient(tcpConfig());
    run(*client, { "SET", "nested:k", "inner" });
    QByteArray inner;
    bool outerDone = false;
    qint64 waited = -1;
    client->execute({ "PING" }, this, [&](const RedisReply &) {
        QElapsedTimer clock;
        clock.start();
        QFuture<RedisReply> reply = client->execute({ "GET", "nested:k" });
        QDeadlineTimer deadline(5000);
        if (how == QLatin1String("loop")) {
            QEventLoop loop;
            client->execute({ "PING" }, &loop, [&](const RedisReply &) { loop.quit(); });
            QTimer::singleShot(5000, &loop, &QEventLoop::quit);
            loop.exec();
        } else if (how == QLatin1String("qWait")) {
            while (!reply.isFinished() && !deadline.hasExpired())
                QTest::qWait(1);
        } else {
            QTimer guard; // ends the wait below if nothing arrives
            guard.start(3000);
            while (!reply.isFinished() && !deadline.hasExpired())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        waited = clock.elapsed();
        while (!reply.isFinished() && !deadline.hasExpired())
            QTest::qWait(1);
        if (reply.isFinished())
            inner = reply.result().data();
        outerDone = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(outerDone, 15000);
    QCOMPARE(inner, QByteArray("inner"));
    // Sent at once, not when a timer or the end of the completion happened to flush it.
    QVERIFY2(waited >= 0 && waited < 1000, qPrintable(QString::number(waited)));
}

// A command too large for the socket's buffer, sent from a completion, is written in parts
// as the socket takes them.
void tst_RedisClient::largeCommandFromCompletion()
{
    auto client = makeClient(tcpConfig());
    QByteArray big(8 * 1024 * 1024, '\0');
    for (int i = 0; i < big.size(); ++i)
        big[i] = char((i * 131) & 0xff);
    QFuture<RedisReply> set;
    QFuture<RedisReply> get;
    bool sent = false;
    client->execute({ "PING" }, this, [&](const RedisReply &) {
        set = client->execute({ "SET", "bigfromcompletion", big });
        get = client->execute({ "GET", "bigfromcompletion" });
        sent = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(sent, 5000);
    const auto reply = waitFor(get, 30000);
    QVERIFY(reply.has_value());
    QVERIFY(set.result().isOk());
    QCOMPARE(reply->data().size(), big.size());
    QVERIFY(reply->data() == big);
}

// "+OK" and nil replies are shared objects while hiredis parses; inside arrays too.
void tst_RedisClient::sharedRepliesInsideArrays()
{
    auto client = makeClient(tcpConfig());
    for (int round = 0; round < 3; ++round) {
        const RedisReply reply
            = run(*client,
                  { "EVAL",
                    "return {redis.status_reply('OK'), false, 'x', {}, {redis.status_reply('OK'),"
                    " false, redis.status_reply('QUEUED'), redis.error_reply('ERR inner')}}",
                    "0" });
        QVERIFY2(reply.isArray(), qPrintable(reply.toDisplayString()));
        QCOMPARE(reply.size(), 5);
        QVERIFY(reply.at(0).isOk());
        QVERIFY(reply.at(1).isNil());
        QCOMPARE(reply.at(2).data(), QByteArray("x"));
        QVERIFY(reply.at(3).isArray());
        QCOMPARE(reply.at(3).size(), 0);
        const RedisReply inner = reply.at(4);
        QCOMPARE(inner.size(), 4);
        QVERIFY(inner.at(0).isOk());
        QVERIFY(inner.at(1).isNil());
        QCOMPARE(inner.at(2).type(), RedisReply::Type::Status);
        QCOMPARE(inner.at(2).data(), QByteArray("QUEUED"));
        QVERIFY(inner.at(3).isError());
        QCOMPARE(inner.at(3).data(), QByteArray("ERR inner"));
    }
    run(*client, { "DEL", "shared:missing" });
    const RedisReply values
        = run(*client, { "MGET", "shared:missing", "shared:missing", "shared:missing" });
    QCOMPARE(values.size(), 3);
    for (const RedisReply &value : values.elements())
        QVERIFY(value.isNil());
}

// What one read brings goes to the parser in slices: replies of every size around the slice
// and read sizes arrive whole and in order, many to a read.
void tst_RedisClient::repliesAcrossReadSlices()
{
    auto client = makeClient(tcpConfig());
    QList<int> sizes;
    for (int edge : { 1, 1024, 4096, 8192, 16384, 32768 }) {
        for (int delta = -12; delta <= 12; ++delta) {
            if (edge + delta >= 0)
                sizes.append(edge + delta);
        }
    }
    auto valueOf = [](int size) {
        QByteArray value(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            value[i] = char('a' + (i + size) % 26);
        return value;
    };
    QList<QFuture<RedisReply>> writes;
    for (int size : sizes)
        writes.append(
            client->execute({ "SET", "slice:" + QByteArray::number(size), valueOf(size) }));
    QVERIFY(waitFor(writes.last(), 20000).has_value());
    for (const auto &write : writes)
        QVERIFY(write.result().isOk());
    QList<QFuture<RedisReply>> reads;
    for (int round = 0; round < 3; ++round) {
        for (int size : sizes)
            reads.append(client->execute({ "GET", "slice:" + QByteArray::number(size) }));
    }
    QVERIFY(waitFor(reads.last(), 20000).has_value());
    for (int i = 0; i < reads.size(); ++i) {
        const int size = sizes.at(i % sizes.size());
        QCOMPARE(reads.at(i).result().data(), valueOf(size));
    }
}

QTEST_GUILESS_MAIN(tst_RedisClient)
#include "tst_redisclient.moc"
