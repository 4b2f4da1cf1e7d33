#include <libredistore/redis/redisclient.h>
#include <libredistore/redis/redispool.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fcntl.h>
#include <memory>
#include <vector>

using namespace RediStore;
using RediStore::Test::RedisServer;
using RediStore::Test::waitFor;

// What happens when things go wrong: refused, unresolvable, slow, killed, deleted.
class tst_RedisClientFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionRefused();
    void unresolvableHost();
    void failFastWhileDown();
    void offlineQueueLimit();
    void commandTimeoutThenWorksAgain();
    void serverKilledWithCommandsInFlight();
    void deleteWithCommandsPending();
    void deleteFromCompletionHandler();
    void deleteWhileConnecting();
    void disconnectFromServerIsGraceful();
    void usedFromAnotherThread();
    void connectStillInProgressIsNotConnected();
    void refusedConnectionsFailAfterOfflineWait();
    void queuedCommandsRunSoonAfterTheServerReturns();
    void poolLogsAnOutageOnce();
    void movedToAnotherThreadAfterConnecting();

private:
    static RedisConfig configFor(quint16 port)
    {
        RedisConfig config;
        config.setPort(port);
        return config;
    }
};

void tst_RedisClientFaults::connectionRefused()
{
    RedisConfig config = configFor(RedisServer::freePort()); // nothing listens there
    config.setAutoReconnect(false);
    RedisClient client(config);
    QSignalSpy errors(&client, &RedisClient::errorOccurred);
    QElapsedTimer clock;
    clock.start();
    const auto reply = waitFor(client.execute({ "PING" }));
    QVERIFY(reply.has_value());
    QCOMPARE(reply->error().code(), RedisError::Code::ConnectionRefused);
    QVERIFY2(reply->error().message().contains(QStringLiteral("refused")),
             qPrintable(reply->error().message()));
    QVERIFY(clock.elapsed() < 3000);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(client.state(), RedisClient::State::Disconnected);
}

void tst_RedisClientFaults::unresolvableHost()
{
    RedisConfig config;
    config.setHost(QStringLiteral("no-such-host.invalid"));
    config.setAutoReconnect(false);
    RedisClient client(config);
    const auto reply = waitFor(client.execute({ "PING" }), 20000);
    QVERIFY(reply.has_value());
    QCOMPARE(reply->error().code(), RedisError::Code::HostNotFound);
    QVERIFY(reply->error().message().contains(QStringLiteral("no-such-host.invalid")));
}

void tst_RedisClientFaults::failFastWhileDown()
{
    RedisConfig config = configFor(RedisServer::freePort());
    config.setOfflinePolicy(RedisConfig::OfflinePolicy::FailFast);
    RedisClient client(config);
    const auto reply = waitFor(client.execute({ "PING" }));
    QVERIFY(reply.has_value());
    QCOMPARE(reply->error().code(), RedisError::Code::NotConnected);
}

void tst_RedisClientFaults::offlineQueueLimit()
{
    RedisConfig config = configFor(RedisServer::freePort());
    config.setOfflineQueueLimit(3);
    config.setCommandTimeoutMs(300);
    RedisClient client(config);
    QList<QFuture<RedisReply>> replies;
    for (int i = 0; i < 5; ++i)
        replies.append(client.execute({ "PING" }));
    for (int i = 0; i < 5; ++i) {
        const auto reply = waitFor(replies[i]);
        QVERIFY(reply.has_value());
        // Three wait (bounded by the command timeout, nothing ever listens); the rest are
        // refused at once.
        QCOMPARE(reply->error().code(),
                 i < 3 ? RedisError::Code::NotConnected : RedisError::Code::QueueFull);
    }
}

void tst_RedisClientFaults::commandTimeoutThenWorksAgain()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisConfig config = configFor(server.port());
    config.setCommandTimeoutMs(200);
    RedisClient client(config);
    QVERIFY(waitFor(client.execute({ "PING" })).has_value());

    QElapsedTimer clock;
    clock.start();
    const auto slow = waitFor(client.execute({ "DEBUG", "SLEEP", "1" }));
    QVERIFY(slow.has_value());
    QCOMPARE(slow->error().code(), RedisError::Code::CommandTimeout);
    QVERIFY(clock.elapsed() < 900);

    // A command sent while the server still sleeps waits behind it and times out too.
    const auto during = waitFor(client.execute({ "ECHO", "during" }));
    QCOMPARE(during->error().code(), RedisError::Code::CommandTimeout);

    // Once the server is back, the late replies are dropped and each command gets its own.
    QTest::qWait(1000);
    QCOMPARE(waitFor(client.execute({ "ECHO", "after" }))->data(), QByteArray("after"));
    QCOMPARE(waitFor(client.execute({ "ECHO", "again" }))->data(), QByteArray("again"));
    QCOMPARE(client.state(), RedisClient::State::Connected);
}

void tst_RedisClientFaults::serverKilledWithCommandsInFlight()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisConfig config = configFor(server.port());
    config.setReconnectDelays(20, 200);
    config.setCommandTimeoutMs(0); // only the disconnect may end these commands
    RedisClient client(config);
    QVERIFY(waitFor(client.execute({ "PING" })).has_value());
    QSignalSpy disconnected(&client, &RedisClient::disconnected);

    QList<QFuture<RedisReply>> inFlight;
    inFlight.append(client.execute({ "DEBUG", "SLEEP", "2" }));
    for (int i = 0; i < 100; ++i)
        inFlight.append(client.execute({ "INCR", "k" }));
    QTest::qWait(100); // they are on the wire, the server is sleeping
    server.kill();
    for (const auto &future : std::as_const(inFlight)) {
        const auto reply = waitFor(future);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->error().code(), RedisError::Code::Disconnected);
    }
    QTRY_COMPARE(disconnected.size(), 1);

    // A server back on the same port: the client reconnects by itself.
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), RedisClient::State::Connected, 10000);
    const auto after = waitFor(client.execute({ "SET", "k", "1" }));
    QVERIFY(after.has_value());
    QVERIFY(after->isOk());
}

void tst_RedisClientFaults::deleteWithCommandsPending()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    auto client = std::make_unique<RedisClient>(configFor(server.port()));
    QVERIFY(waitFor(client->execute({ "PING" })).has_value());
    QList<QFuture<RedisReply>> sent;
    for (int i = 0; i < 50; ++i)
        sent.append(client->execute({ "DEBUG", "SLEEP", "0" }));
    int callbacks = 0;
    for (int i = 0; i < 50; ++i)
        client->execute({ "PING" }, this, [&callbacks](const RedisReply &) { ++callbacks; });
    client.reset();
    for (const auto &future : std::as_const(sent)) {
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().code(), RedisError::Code::ClientDestroyed);
    }
    // Callbacks still run, later, on their context's event loop.
    QCOMPARE(callbacks, 0);
    QTRY_COMPARE(callbacks, 50);
}

void tst_RedisClientFaults::deleteFromCompletionHandler()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    auto *client = new RedisClient(configFor(server.port()));
    QList<RedisError::Code> codes;
    bool deleted = false;
    client->execute({ "PING" }, this, [&](const RedisReply &) {
        delete client; // from inside a completion handler
        deleted = true;
    });
    for (int i = 0; i < 20; ++i) {
        client->execute({ "DEBUG", "SLEEP", "0.01" }, this,
                        [&codes](const RedisReply &reply) { codes.append(reply.error().code()); });
    }
    QTRY_VERIFY(deleted);
    QTRY_COMPARE(codes.size(), 20);
    for (const auto code : codes)
        QVERIFY(code == RedisError::Code::ClientDestroyed || code == RedisError::Code::NoError);
}

void tst_RedisClientFaults::deleteWhileConnecting()
{
    RedisConfig config;
    config.setHost(QStringLiteral("192.0.2.1")); // TEST-NET-1: no route, connect hangs
    config.setPort(6379);
    auto client = std::make_unique<RedisClient>(config);
    const auto future = client->execute({ "PING" });
    QTest::qWait(20);
    client.reset();
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().code(), RedisError::Code::ClientDestroyed);
}

void tst_RedisClientFaults::disconnectFromServerIsGraceful()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisClient client(configFor(server.port()));
    QVERIFY(waitFor(client.execute({ "PING" })).has_value());
    const auto pending = client.execute({ "DEBUG", "SLEEP", "0.2" });
    client.disconnectFromServer();
    const auto reply = waitFor(pending);
    QVERIFY(reply.has_value());
    QVERIFY(reply->isOk()); // the reply in flight still arrived
    QTRY_COMPARE(client.state(), RedisClient::State::Disconnected);
    // A new command opens the connection again.
    QCOMPARE(waitFor(client.execute({ "PING" }))->data(), QByteArray("PONG"));
}

void tst_RedisClientFaults::usedFromAnotherThread()
{
#ifdef QT_NO_DEBUG
    RedisClient client(configFor(RedisServer::freePort()));
    QFuture<RedisReply> future;
    std::unique_ptr<QThread> thread(
        QThread::create([&]() { future = client.execute({ "PING" }); }));
    thread->start();
    QVERIFY(thread->wait(5000));
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().code(), RedisError::Code::WrongThread);
#else
    QSKIP("debug builds assert on the wrong thread instead");
#endif
}

// A server whose accept queue is full drops new SYNs: a connect to it stays in progress. The
// client must not take that for a connection, even while it writes the output of other
// connections at every turn of the event loop (which a completion that sends a command sets
// up).
void tst_RedisClientFaults::connectStillInProgressIsNotConnected()
{
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    QCOMPARE(::listen(listener, 0), 0);
    QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length), 0);
    std::vector<int> fillers;
    for (int i = 0; i < 4; ++i) {
        const int filler = ::socket(AF_INET, SOCK_STREAM, 0);
        ::fcntl(filler, F_SETFL, O_NONBLOCK);
        ::connect(filler, reinterpret_cast<sockaddr *>(&address), sizeof address);
        fillers.push_back(filler);
    }
    QTest::qWait(100);

    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisClient working(configFor(server.port()));
    QEventLoop loop;
    working.execute({ "PING" }, &loop, [&](const RedisReply &) {
        working.execute({ "PING" }, &loop, [&](const RedisReply &) { loop.quit(); });
    });
    loop.exec();

    RedisConfig config = configFor(ntohs(address.sin_port));
    config.setHost(QStringLiteral("127.0.0.1"));
    config.setConnectTimeoutMs(1500);
    config.setOfflineWaitMs(0); // the command waits for the whole connect timeout
    config.setAutoReconnect(false);
    RedisClient client(config);
    QSignalSpy connected(&client, &RedisClient::connected);
    const QFuture<RedisReply> reply = client.execute({ "PING" });
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 600) {
        working.execute({ "PING" }, this, [](const RedisReply &) {});
        QTest::qWait(20);
    }
    QCOMPARE(connected.size(), 0);
    QVERIFY(client.state() != RedisClient::State::Connected);
    const auto failed = waitFor(reply, 10000);
    QVERIFY(failed.has_value());
    QVERIFY2(failed->isError(), qPrintable(failed->toDisplayString()));
    QCOMPARE(failed->error().code(), RedisError::Code::ConnectTimeout);
    QCOMPARE(connected.size(), 0);
    for (int filler : fillers)
        ::close(filler);
    ::close(listener);
}

namespace {
// Counts the warnings of redistore.redis while it is installed.
struct WarningCounter
{
    static inline int count = 0;
    static inline QtMessageHandler previous = nullptr;
    WarningCounter()
    {
        count = 0;
        previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
                if (type == QtWarningMsg && qstrcmp(context.category, "redistore.redis") == 0)
                    ++count;
                previous(type, context, message);
            });
    }
    ~WarningCounter() { qInstallMessageHandler(previous); }
};
} // namespace

// While nothing listens, a command waits the offline wait (1 s by default), not the 5 s
// command timeout, and fails typed; the outage is logged once, not once per command.
void tst_RedisClientFaults::refusedConnectionsFailAfterOfflineWait()
{
    RedisConfig config = configFor(RedisServer::freePort());
    QCOMPARE(config.offlineWaitMs(), 1000);
    QCOMPARE(config.commandTimeoutMs(), 5000);
    RedisClient client(config);
    const WarningCounter warnings;
    QElapsedTimer clock;
    clock.start();
    QList<QFuture<RedisReply>> replies;
    for (int i = 0; i < 20; ++i)
        replies.append(client.execute({ "PING" }));
    for (const QFuture<RedisReply> &future : replies) {
        const auto reply = waitFor(future, 10000);
        QVERIFY(reply.has_value());
        QCOMPARE(reply->error().code(), RedisError::Code::NotConnected);
        QVERIFY2(reply->error().message().contains(QStringLiteral("refused")),
                 qPrintable(reply->error().message()));
        QVERIFY(reply->error().isTransient());
    }
    const qint64 waited = clock.elapsed();
    qInfo("20 commands against a refused port failed after %lld ms", waited);
    QVERIFY2(waited >= 900 && waited < 2500, qPrintable(QString::number(waited)));
    QCOMPARE(WarningCounter::count, 1);
}

// The server is killed and comes back while commands keep arriving: the client retries every
// 200 to 250 ms while they wait, so they run again soon after the server is back.
void tst_RedisClientFaults::queuedCommandsRunSoonAfterTheServerReturns()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisConfig config = configFor(server.port());
    config.setOfflineWaitMs(5000);
    RedisClient client(config);
    QVERIFY(waitFor(client.execute({ "PING" }))->data() == "PONG");

    const WarningCounter warnings;
    server.kill();
    QList<QFuture<RedisReply>> during;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 700) {
        during.append(client.execute({ "INCR", "n" }));
        QTest::qWait(25);
    }
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QElapsedTimer back;
    back.start();
    const auto first = waitFor(client.execute({ "INCR", "n" }), 5000);
    const qint64 recovery = back.elapsed();
    QVERIFY(first.has_value());
    QVERIFY2(!first->isError(), qPrintable(first->toDisplayString()));
    qInfo("commands ran again %lld ms after the server was back", recovery);
    QVERIFY2(recovery < 500, qPrintable(QString::number(recovery)));
    int succeeded = 0;
    for (const QFuture<RedisReply> &future : during) {
        const auto reply = waitFor(future, 5000);
        QVERIFY(reply.has_value());
        if (!reply->isError())
            ++succeeded;
        else
            QVERIFY2(reply->error().isTransient(), qPrintable(reply->error().message()));
    }
    // Those issued after the kill was noticed waited and ran once the server was back.
    QVERIFY2(succeeded >= during.size() - 2, qPrintable(QString::number(succeeded)));
    QCOMPARE(waitFor(client.execute({ "GET", "n" }))->data().toInt(), succeeded + 1);
    QCOMPARE(WarningCounter::count, 1);
}

// Four connections of a pool lose the same server: one warning when it goes, not four.
void tst_RedisClientFaults::poolLogsAnOutageOnce()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisPool pool(configFor(server.port()));
    pool.setMaxConnections(4);
    pool.setPipelineDepth(1);
    QList<QFuture<RedisReply>> warmUp;
    for (int i = 0; i < 16; ++i)
        warmUp.append(pool.execute({ "PING" }));
    for (const QFuture<RedisReply> &future : warmUp)
        QVERIFY(waitFor(future).has_value());
    QCOMPARE(pool.connectionCount(), 4);

    const WarningCounter warnings;
    server.kill();
    QList<QFuture<RedisReply>> during;
    for (int i = 0; i < 16; ++i)
        during.append(pool.execute({ "PING" }));
    QTest::qWait(300);
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    for (const QFuture<RedisReply> &future : during)
        QVERIFY(waitFor(future, 5000).has_value());
    QTRY_VERIFY(waitFor(pool.execute({ "PING" }))->data() == "PONG");
    QCOMPARE(WarningCounter::count, 1);
}

// A client made and connected in one thread, then moved to a worker thread (as a server that
// makes its stores up front does): its socket, timers and pending output move with it.
void tst_RedisClientFaults::movedToAnotherThreadAfterConnecting()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    auto client = std::make_unique<RedisClient>(configFor(server.port()));
    QCOMPARE(waitFor(client->execute({ "SET", "moved", "0" }))->isOk(), true);
    client->execute({ "INCR", "moved" }); // output still waiting when it moves

    QThread worker;
    worker.start();
    client->moveToThread(&worker);
    std::atomic<int> done { 0 };
    std::atomic<bool> sawError { false };
    QMetaObject::invokeMethod(client.get(), [&, c = client.get()]() {
        for (int i = 0; i < 100; ++i) {
            c->execute({ "INCR", "moved" }, c, [&](const RedisReply &reply) {
                if (reply.isError())
                    sawError = true;
                ++done;
            });
        }
    });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 100, 10000);
    QVERIFY(!sawError);
    QCOMPARE(server.command({ "GET", "moved" }).toByteArray(), QByteArray("101"));
    QMetaObject::invokeMethod(
        client.get(), [c = client.release()]() { delete c; }, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();
}

QTEST_GUILESS_MAIN(tst_RedisClientFaults)
#include "tst_redisclientfaults.moc"
