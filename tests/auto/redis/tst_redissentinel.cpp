// RedisClient, RedisPool and RedisSubscriber with a Sentinel configuration, on real servers
// (scripts/private-sentinel.sh): the master found through the sentinels, failovers followed,
// and the errors when the sentinels cannot say where the master is.

#include <libredistore/redis/redisclient.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/redis/redissubscriber.h>

#include "asyncwait.h"
#include "privatenodes.h"
#include "redissentinel.h"
#include "redisserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QThread>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace RediStore;
using RediStore::Test::hostList;
using RediStore::Test::RedisSentinelSetup;
using RediStore::Test::RedisServer;
using RediStore::Test::urlCredentials;
using RediStore::Test::waitFor;

namespace {

bool answers(RedisClient &client)
{
    const auto reply = waitFor(client.execute({ "PING" }));
    return reply && reply->isStatus();
}

const QByteArray dataPassword = "data-secret-4711";
const QByteArray sentinelPassword = "sentinel-secret-0815";

// Every line the library logs, debug lines included, to check that no password is in any.
QMutex logMutex;
QStringList libraryLog;
QtMessageHandler previousHandler = nullptr;

void recordLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category).startsWith("redistore")) {
        const QMutexLocker locker(&logMutex);
        libraryLog << message;
    }
    if (type != QtDebugMsg && previousHandler)
        previousHandler(type, context, message);
}

RedisConfig configFrom(const QString &url)
{
    const auto config = RedisConfig::fromUrl(url);
    if (!config) {
        qWarning("%s", qPrintable(config.error().message()));
        return {};
    }
    return config.value();
}

} // namespace

class tst_RedisSentinel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void resolvesAndRunsCommands();
    void lastAnsweringSentinelIsAskedFirst();
    void unknownMasterName();
    void wrongSentinelPassword();
    void noSentinelReachable();
    void replicaReportedAsMaster();
    void demotedMasterAnswersReadonly();
    void movedToAnotherThread();
    void followsFailover();
    void followsKilledMaster();
    void noPasswordInLogs();

private:
    // A URL of m_setup's sentinels for another master name (and other data node credentials).
    QString urlFor(const QString &masterName, const QList<quint16> &sentinels,
                   const QByteArray &password = dataPassword) const
    {
        return QStringLiteral("redis+sentinel://%1%2/%3?sentinel_password=%4")
            .arg(urlCredentials(password.isEmpty() ? QString() : QStringLiteral("default"),
                                QString::fromUtf8(password)),
                 hostList(sentinels), masterName, QString::fromUtf8(sentinelPassword));
    }

    std::unique_ptr<RedisSentinelSetup> m_setup;
};

void tst_RedisSentinel::initTestCase()
{
    previousHandler = qInstallMessageHandler(recordLog);
    QLoggingCategory::setFilterRules(QStringLiteral("redistore.redis.debug=true"));
    // Passwords on the data nodes and on the sentinels: every connection authenticates.
    m_setup = std::make_unique<RedisSentinelSetup>(
        RedisSentinelSetup::Options { dataPassword, sentinelPassword });
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(m_setup->start(), qPrintable(m_setup->errorString()));
    qInfo("sentinel setup ready in %lld ms", clock.elapsed());
}

void tst_RedisSentinel::cleanupTestCase()
{
    m_setup.reset();
    QLoggingCategory::setFilterRules(QString());
}

void tst_RedisSentinel::resolvesAndRunsCommands()
{
    const RedisConfig config = configFrom(m_setup->url(3));
    QCOMPARE(config.topology(), RedisConfig::Topology::Sentinel);
    const quint16 master = m_setup->masterPort();
    QVERIFY(master != 0);

    RedisClient client(config);
    auto reply = waitFor(client.execute({ "SET", "sentinel:resolve", "client" }));
    QVERIFY(reply && reply->isOk());
    reply = waitFor(client.execute({ "CONFIG", "GET", "port" }));
    QVERIFY(reply && reply->isArray());
    QCOMPARE(reply->at(1).data().toUShort(), master);
    reply = waitFor(client.execute({ "CLIENT", "INFO" }));
    QVERIFY(reply);
    QVERIFY2(reply->data().contains(" db=3 "), reply->data().constData()); // as the URL says
    QCOMPARE(client.lastError().code(), RedisError::Code::NoError);

    RedisPool pool(config);
    reply = waitFor(pool.execute({ "INCR", "sentinel:pool" }));
    QVERIFY(reply && reply->isInteger());
    reply = waitFor(pool.transaction({ { "INCR", "sentinel:pool" }, { "GET", "sentinel:pool" } }));
    QVERIFY(reply && reply->isArray());
    QCOMPARE(reply->at(1).data(), QByteArray("2"));

    RedisSubscriber subscriber(config);
    QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
    QSignalSpy messages(&subscriber, &RedisSubscriber::messageReceived);
    subscriber.subscribe({ "sentinel:news" });
    QTRY_COMPARE(subscribed.size(), 1);
    QCOMPARE(m_setup->command(master, { "PUBLISH", "sentinel:news", "hello" }).toLongLong(), 1);
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.first().at(1).toByteArray(), QByteArray("hello"));
}

void tst_RedisSentinel::lastAnsweringSentinelIsAskedFirst()
{
    // A "sentinel" that accepts connections and never answers, listed first.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> accepted;
    connect(&silent, &QTcpServer::newConnection, this, [&]() {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            accepted << socket;
    });
    RedisConfig config = configFrom(urlFor(
        m_setup->masterName(), QList<quint16> { silent.serverPort() } + m_setup->sentinelPorts()));
    config.setConnectTimeoutMs(300); // each sentinel's budget: min(connect timeout, 1 s)

    RedisClient first(config);
    QElapsedTimer clock;
    clock.start();
    auto reply = waitFor(first.execute({ "PING" }));
    QVERIFY(reply);
    QVERIFY2(reply->isStatus(), qPrintable(reply->toDisplayString()));
    QCOMPARE(accepted.size(), 1); // asked first, and given up on
    qInfo("first command through a silent sentinel and a good one: %lld ms", clock.elapsed());

    // The next connection of that configuration asks the sentinel that answered first.
    RedisClient second(config);
    reply = waitFor(second.execute({ "PING" }));
    QVERIFY(reply && reply->isStatus());
    QCOMPARE(accepted.size(), 1);
}

void tst_RedisSentinel::unknownMasterName()
{
    RedisConfig config
        = configFrom(urlFor(QStringLiteral("nosuchmaster"), m_setup->sentinelPorts()));
    config.setAutoReconnect(false);
    RedisClient client(config);
    auto reply = waitFor(client.execute({ "PING" }));
    QVERIFY(reply);
    QCOMPARE(reply->error().code(), RedisError::Code::SentinelUnknownMaster);
    QVERIFY2(reply->error().message().contains(QStringLiteral("do not know master 'nosuchmaster'")),
             qPrintable(reply->error().message()));
    for (const quint16 port : m_setup->sentinelPorts())
        QVERIFY(reply->error().message().contains(QString::number(port)));

    // Reconnecting: the commands wait and fail as for a server that is down, and lastError()
    // says why.
    config.setAutoReconnect(true);
    config.setOfflineWaitMs(300);
    RedisClient waiting(config);
    reply = waitFor(waiting.execute({ "PING" }));
    QVERIFY(reply);
    QCOMPARE(reply->error().code(), RedisError::Code::NotConnected);
    QVERIFY2(reply->error().message().contains(QStringLiteral("nosuchmaster")),
             qPrintable(reply->error().message()));
    QCOMPARE(waiting.lastError().code(), RedisError::Code::SentinelUnknownMaster);
}

void tst_RedisSentinel::wrongSentinelPassword()
{
    const QString wrong = QStringLiteral("not-the-sentinel-password");
    for (const QString &password : { wrong, QString() }) {
        RedisConfig config = configFrom(m_setup->url(0));
        config.setSentinelCredentials(QString(), password);
        RedisClient client(config);
        QSignalSpy errors(&client, &RedisClient::errorOccurred);
        const auto reply = waitFor(client.execute({ "PING" }));
        QVERIFY(reply);
        QCOMPARE(reply->error().code(), RedisError::Code::AuthenticationFailed);
        const QString message = reply->error().message();
        QVERIFY2(message.contains(QStringLiteral("sentinel")), qPrintable(message));
        QVERIFY(!message.contains(wrong));
        QVERIFY(!message.contains(QString::fromUtf8(sentinelPassword)));
        // Refused credentials are not retried, as with a server's.
        QTRY_COMPARE(errors.size(), 1);
        QTest::qWait(300);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(client.state(), RedisClient::State::Disconnected);
    }
}

void tst_RedisSentinel::noSentinelReachable()
{
    const QList<quint16> nobody = { RedisServer::freePort(), RedisServer::freePort() };
    RedisConfig config
        = configFrom(QStringLiteral("redis+sentinel://%1/mymaster").arg(hostList(nobody)));
    config.setAutoReconnect(false);
    RedisClient client(config);
    auto reply = waitFor(client.execute({ "PING" }));
    QVERIFY(reply);
    QCOMPARE(reply->error().code(), RedisError::Code::NoSentinelReachable);
    const QString message = reply->error().message();
    QVERIFY2(
        message.startsWith(QStringLiteral("no sentinel reachable at 127.0.0.1:%1, 127.0.0.1:%2")
                               .arg(nobody.at(0))
                               .arg(nobody.at(1))),
        qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("refused")), qPrintable(message));

    // Fail fast: once the sentinels are known to be down, commands fail at once.
    config.setAutoReconnect(true);
    config.setOfflinePolicy(RedisConfig::OfflinePolicy::FailFast);
    RedisClient failFast(config);
    failFast.connectToServer();
    QTRY_COMPARE(failFast.lastError().code(), RedisError::Code::NoSentinelReachable);
    reply = waitFor(failFast.execute({ "PING" }));
    QVERIFY(reply);
    QCOMPARE(reply->error().code(), RedisError::Code::NotConnected);
}

void tst_RedisSentinel::replicaReportedAsMaster()
{
    // One sentinel watches the replica as master "fake"; with quorum 2 it never fails it over.
    const quint16 sentinel = m_setup->sentinelPorts().first();
    const quint16 replica = m_setup->replicaPort();
    QVERIFY(replica != 0);
    QCOMPARE(m_setup
                 ->command(sentinel,
                           { "SENTINEL", "MONITOR", "fake", "127.0.0.1",
                             QByteArray::number(replica), "2" })
                 .toByteArray(),
             QByteArray("OK"));
    const auto removeFake = qScopeGuard([&]() {
        m_setup->command(sentinel, { "SENTINEL", "REMOVE", "fake" });
    });

    RedisConfig config = configFrom(urlFor(QStringLiteral("fake"), { sentinel }));
    config.setAutoReconnect(false);
    RedisClient client(config);
    const auto reply = waitFor(client.execute({ "SET", "sentinel:fake", "1" }));
    QVERIFY(reply);
    QCOMPARE(reply->error().code(), RedisError::Code::NotMaster);
    QVERIFY2(reply->error().message().contains(
                 QStringLiteral("fake at 127.0.0.1:%1 (sentinel) is a replica, not the master")
                     .arg(replica)),
             qPrintable(reply->error().message()));

    // Reconnecting, it keeps asking: the error stays NotMaster.
    config.setAutoReconnect(true);
    RedisClient retrying(config);
    retrying.connectToServer();
    QTRY_COMPARE(retrying.lastError().code(), RedisError::Code::NotMaster);
    QVERIFY(!retrying.isConnected());
}

void tst_RedisSentinel::demotedMasterAnswersReadonly()
{
    // A single server watched by one sentinel as "solo", then made a replica by hand (the
    // sentinel leaves it alone: quorum 2).
    RedisServer solo;
    QVERIFY2(solo.start(), qPrintable(solo.errorString()));
    const quint16 sentinel = m_setup->sentinelPorts().first();
    QCOMPARE(m_setup
                 ->command(sentinel,
                           { "SENTINEL", "MONITOR", "solo", "127.0.0.1",
                             QByteArray::number(solo.port()), "2" })
                 .toByteArray(),
             QByteArray("OK"));
    const auto removeSolo = qScopeGuard([&]() {
        m_setup->command(sentinel, { "SENTINEL", "REMOVE", "solo" });
    });

    RedisConfig config = configFrom(urlFor(QStringLiteral("solo"), { sentinel }, {}));
    RedisClient client(config);
    QSignalSpy disconnected(&client, &RedisClient::disconnected);
    auto reply = waitFor(client.execute({ "SET", "sentinel:solo", "1" }));
    QVERIFY(reply && reply->isOk());

    QCOMPARE(solo.command({ "REPLICAOF", "127.0.0.1", QByteArray::number(RedisServer::freePort()) })
                 .toByteArray(),
             QByteArray("OK"));
    reply = waitFor(client.execute({ "SET", "sentinel:solo", "2" }));
    QVERIFY(reply);
    QCOMPARE(reply->error().code(), RedisError::Code::ServerError);
    QVERIFY2(reply->data().startsWith("READONLY"), reply->data().constData());
    // The connection is dropped; the next attempts find a replica where the sentinel points.
    QTRY_COMPARE(disconnected.size(), 1);
    QTRY_COMPARE(client.lastError().code(), RedisError::Code::NotMaster);
    QVERIFY2(client.errorString().contains(
                 QStringLiteral("solo at 127.0.0.1:%1 (sentinel)").arg(solo.port())),
             qPrintable(client.errorString()));

    QCOMPARE(solo.command({ "REPLICAOF", "NO", "ONE" }).toByteArray(), QByteArray("OK"));
    QTRY_VERIFY(client.isConnected());
    reply = waitFor(client.execute({ "SET", "sentinel:solo", "3" }));
    QVERIFY(reply && reply->isOk());
    QCOMPARE(solo.command({ "GET", "sentinel:solo" }).toByteArray(), QByteArray("3"));
}

void tst_RedisSentinel::movedToAnotherThread()
{
    const quint16 master = m_setup->masterPort();
    auto client = std::make_unique<RedisClient>(configFrom(m_setup->url(0)));
    auto reply = waitFor(client->execute({ "SET", "sentinel:moved", "0" }));
    QVERIFY(reply && reply->isOk());

    QThread worker;
    worker.start();
    client->moveToThread(&worker);
    std::atomic<bool> lost { false };
    connect(client.get(), &RedisClient::disconnected, client.get(), [&]() { lost = true; });
    // The next connect, from the worker thread, asks the sentinels again from there.
    m_setup->command(master, { "CLIENT", "KILL", "TYPE", "normal" });
    QTRY_VERIFY(lost.load());
    std::atomic<int> done { 0 };
    std::atomic<int> failed { 0 };
    QMetaObject::invokeMethod(client.get(), [&, c = client.get()]() {
        for (int i = 0; i < 50; ++i) {
            c->execute({ "INCR", "sentinel:moved" }, c, [&](const RedisReply &reply) {
                if (!reply.isInteger())
                    ++failed;
                ++done;
            });
        }
    });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 50, 10000);
    QCOMPARE(failed.load(), 0);
    QCOMPARE(m_setup->command(master, { "GET", "sentinel:moved" }).toByteArray(), QByteArray("50"));
    RedisClient *moved = client.release();
    QMetaObject::invokeMethod(
        moved, [moved]() { delete moved; }, Qt::BlockingQueuedConnection);
    worker.quit();
    worker.wait();
}

void tst_RedisSentinel::followsFailover()
{
    const RedisConfig config = configFrom(m_setup->url(0));
    const quint16 oldMaster = m_setup->masterPort();
    QVERIFY(oldMaster != 0);
    QVERIFY(m_setup->waitUntilSynced());

    RedisClient client(config);
    RedisPool pool(config);
    RedisSubscriber subscriber(config);
    QSignalSpy subscribed(&subscriber, &RedisSubscriber::subscribed);
    QSignalSpy messages(&subscriber, &RedisSubscriber::messageReceived);
    subscriber.subscribe({ "sentinel:failover" });
    QTRY_COMPARE(subscribed.size(), 1);
    QVERIFY(answers(client));
    const auto pong = waitFor(pool.execute({ "PING" }));
    QVERIFY(pong && pong->isStatus());

    // The sentinel they asked goes away: the +switch-master subscription moves to another one.
    const QList<quint16> sentinels = m_setup->sentinelPorts();
    m_setup->kill(sentinels.first());
    const auto watched = [&]() {
        for (const quint16 sentinel : sentinels.mid(1)) {
            if (m_setup->command(sentinel, { "CLIENT", "LIST" }).toByteArray().contains(" sub=1 "))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(watched(), 10000);

    // A write every 20 ms, each to a key of its own, from before the failover until the writes
    // have gone through for a while after the promotion.
    struct Write
    {
        qint64 sentAt = 0;
        qint64 doneAt = -1;
        bool ok = false;
    };
    // Shared with the callbacks, which may outlive this function when a check fails.
    struct Log
    {
        QElapsedTimer clock;
        std::vector<Write> writes;
    };
    const auto log = std::make_shared<Log>();
    log->clock.start();
    std::vector<Write> &writes = log->writes;
    const QElapsedTimer &clock = log->clock;
    qint64 promotedAt = -1;
    quint16 newMaster = 0;
    QVERIFY(m_setup->failover());
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        const size_t index = writes.size();
        writes.push_back({ clock.elapsed() });
        client.execute({ "SET", "failover:" + QByteArray::number(qulonglong(index)), "1" }, this,
                       [log, index](const RedisReply &reply) {
                           log->writes[index].doneAt = log->clock.elapsed();
                           log->writes[index].ok = reply.isOk();
                       });
        QTest::qWait(20);
        if (!newMaster) {
            const quint16 named = m_setup->masterPort();
            if (named != 0 && named != oldMaster) {
                newMaster = named;
                promotedAt = clock.elapsed();
            } else {
                m_setup->askFailoverAgainIfStalled();
            }
        } else if (clock.elapsed() - promotedAt > 2000) {
            break;
        }
    }
    QVERIFY2(newMaster != 0, "no failover within 20 s");
    QTRY_VERIFY(writes.back().doneAt >= 0);

    // The figures: how long writes failed, and how many after the promotion still went to the
    // old master (whose writes the new one never sees).
    qint64 firstErrorAt = -1;
    qint64 lastErrorAt = -1;
    int failed = 0;
    int lostAfterPromotion = 0;
    qint64 firstOnNewMaster = -1;
    for (size_t i = 0; i < writes.size(); ++i) {
        const Write &write = writes[i];
        if (!write.ok) {
            ++failed;
            if (firstErrorAt < 0)
                firstErrorAt = write.sentAt;
            lastErrorAt = write.sentAt;
            continue;
        }
        if (write.sentAt < promotedAt)
            continue;
        const bool onNew
            = m_setup
                  ->command(newMaster,
                            { "EXISTS", "failover:" + QByteArray::number(qulonglong(i)) })
                  .toLongLong()
            == 1;
        if (onNew && firstOnNewMaster < 0)
            firstOnNewMaster = write.sentAt;
        if (!onNew)
            ++lostAfterPromotion;
    }
    const QString failures = failed == 0
        ? QStringLiteral("none failed")
        : QStringLiteral("%1 failed, sent from %2 to %3 ms after the promotion")
              .arg(failed)
              .arg(firstErrorAt - promotedAt)
              .arg(lastErrorAt - promotedAt);
    qInfo("failover: %zu writes, %s; the first write on the new master was sent %lld ms after "
          "the promotion; %d writes sent after the promotion went to the old master",
          writes.size(), qPrintable(failures), firstOnNewMaster - promotedAt, lostAfterPromotion);
    QVERIFY(firstOnNewMaster >= 0);
    // The sentinels make the old master a replica (and close its clients) only seconds later:
    // until then, only +switch-master tells the connections to move.
    qInfo("the old master is %s now",
          RediStore::Test::roleOf(m_setup->command(oldMaster, { "ROLE" })).constData());
    // After the switch, every write went through, to the new master.
    for (size_t i = writes.size() - 10; i < writes.size(); ++i)
        QVERIFY(writes[i].ok);

    auto reply = waitFor(client.execute({ "CONFIG", "GET", "port" }));
    QVERIFY(reply && reply->isArray());
    QCOMPARE(reply->at(1).data().toUShort(), newMaster);
    QCOMPARE(client.lastError().code(), RedisError::Code::NoError);
    for (int i = 0; i < 3; ++i) {
        reply = waitFor(pool.execute({ "SET", "failover:pool", QByteArray::number(i) }));
        QVERIFY2(reply && reply->isOk(), reply ? qPrintable(reply->toDisplayString()) : "none");
    }
    QCOMPARE(m_setup->command(newMaster, { "GET", "failover:pool" }).toByteArray(),
             QByteArray("2"));

    // The subscriber moved to the new master: it counts there (PUBSUB NUMSUB counts a node's own
    // subscribers) and hears what is published there.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_setup->command(newMaster, { "PUBSUB", "NUMSUB", "sentinel:failover" })
            .toList()
            .value(1)
            .toLongLong(),
        1, 10000);
    QCOMPARE(subscriber.state(), RedisClient::State::Connected);
    m_setup->command(newMaster, { "PUBLISH", "sentinel:failover", "after" });
    QTRY_VERIFY(!messages.isEmpty());
    QCOMPARE(messages.last().at(1).toByteArray(), QByteArray("after"));
}

void tst_RedisSentinel::followsKilledMaster()
{
    // A setup of its own, without passwords: the shared one has a demoted master that the
    // sentinels make a replica only some seconds after the failover.
    RedisSentinelSetup setup;
    QVERIFY2(setup.start(), qPrintable(setup.errorString()));
    const quint16 oldMaster = setup.masterPort();
    QVERIFY(oldMaster != 0);
    RedisConfig config = configFrom(setup.url(0));
    RedisClient client(config);
    QVERIFY(answers(client));

    QElapsedTimer clock;
    clock.start();
    setup.kill(oldMaster);
    const qint64 killedAt = clock.elapsed();
    qint64 firstOkAt = -1;
    int failed = 0;
    int inARow = 0;
    const QDeadlineTimer deadline(20000);
    // One command at a time: while the master is away, each waits up to the offline wait.
    while (!deadline.hasExpired() && inARow < 10) {
        const auto reply = waitFor(client.execute({ "INCR", "killed:counter" }));
        QVERIFY(reply);
        if (reply->isInteger()) {
            if (firstOkAt < 0 && failed > 0)
                firstOkAt = clock.elapsed();
            ++inARow;
        } else {
            ++failed;
            inARow = 0;
        }
        QTest::qWait(20);
    }
    QCOMPARE(inARow, 10);
    const quint16 newMaster = setup.masterPort();
    QVERIFY(newMaster != 0 && newMaster != oldMaster);
    qInfo("killed master: %d commands failed; the first to succeed again completed %lld ms after "
          "the kill",
          failed, firstOkAt - killedAt);
    QCOMPARE(client.lastError().code(), RedisError::Code::NoError);

    // Without any sentinel, a connection that is up goes on; a new one cannot find the master.
    for (const quint16 sentinel : setup.sentinelPorts())
        setup.kill(sentinel);
    QVERIFY(answers(client));
    config.setAutoReconnect(false);
    RedisClient late(config);
    const auto reply = waitFor(late.execute({ "PING" }));
    QVERIFY(reply);
    QCOMPARE(reply->error().code(), RedisError::Code::NoSentinelReachable);
}

void tst_RedisSentinel::noPasswordInLogs()
{
    const QMutexLocker locker(&logMutex);
    QVERIFY(!libraryLog.isEmpty());
    for (const QString &line : std::as_const(libraryLog)) {
        QVERIFY2(!line.contains(QString::fromUtf8(dataPassword)), qPrintable(line));
        QVERIFY2(!line.contains(QString::fromUtf8(sentinelPassword)), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("not-the-sentinel-password")), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(tst_RedisSentinel)
#include "tst_redissentinel.moc"
