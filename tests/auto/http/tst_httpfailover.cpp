// An HTTP server whose sessions live on a Redis Cluster or behind Sentinel, under the load of a
// few browsers, while a master dies or hands over: no request hangs, the errors stop soon
// after the replica's promotion, and acknowledged sessions read back. The figures of each run
// are printed (qInfo).
//
// The browsers and the server share this thread's event loop; the fault and the watch for the
// promotion run in a thread of their own, since the fixtures' commands block.
#include <libredistore/http/httpsessions.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/session/redisstore.h>

#include "asyncwait.h"
#include "rediscluster.h"
#include "redissentinel.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QScopeGuard>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtHttpServer/QHttpServer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

const QByteArray sessionName = "failover-session";
const QByteArray hashKey = "0123456789abcdef0123456789abcdef";
constexpr int browserCount = 6;
constexpr int hangLimitMs = 10000; // no request may take longer
constexpr int quietAfterMs = 1000; // errors stop this long after the cluster can serve again

// When things happened, in ms on the run's clock (-1: not yet); written by the fault thread.
struct Timeline
{
    std::atomic<qint64> fault { -1 }; // the kill, or SENTINEL FAILOVER
    std::atomic<qint64> promoted { -1 }; // the replica's ROLE says master
    std::atomic<qint64> announced { -1 }; // a sentinel names the new master
    std::atomic<qint64> agreed { -1 }; // every node (sentinel) names the new master
    std::atomic<qint64> resynced { -1 }; // the old master is back as the new one's replica
    std::atomic<quint16> newMaster { 0 };
};

// A session one browser made: its cookie and the last value a 2xx answer acknowledged.
struct Tracked
{
    QByteArray cookie;
    int acknowledged = 0;
    qint64 acknowledgedAt = -1;
};

// What the browsers saw.
struct Figures
{
    int requests = 0;
    int errors = 0; // non-2xx answers and failed connections
    qint64 firstError = -1;
    qint64 lastError = -1;
    qint64 longest = 0; // the longest request, ms
    int staleReads = 0; // a read that did not give the value last acknowledged
    QList<Tracked> sessions;
};

// A browser in a loop: a new session (set v=1), read it, change it (set v=2), read it, then the
// next session; a failed request abandons its session (what it acknowledged stays tracked).
class Browser : public QObject
{
public:
    Browser(const QUrl &base, const QElapsedTimer &clock, Figures &figures)
        : m_base(base)
        , m_clock(clock)
        , m_figures(figures)
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    void start()
    {
        m_running = true;
        next();
    }
    void stop() { m_running = false; }
    bool isIdle() const { return m_inFlight == nullptr; }

private:
    void next()
    {
        if (!m_running)
            return;
        if (m_step == 0)
            m_session = -1;
        const bool write = m_step % 2 == 0;
        QUrl url = m_base.resolved(QUrl(QString::fromLatin1(write ? "/set" : "/get")));
        if (write)
            url.setQuery(QStringLiteral("v=%1").arg(m_step / 2 + 1));
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setTransferTimeout(3 * hangLimitMs); // a hang fails the test; this ends it
        if (m_session >= 0)
            request.setRawHeader("Cookie", m_figures.sessions.at(m_session).cookie);
        m_started = m_clock.elapsed();
        m_inFlight = m_nam.get(request);
        connect(m_inFlight, &QNetworkReply::finished, this, [this]() { finished(); });
    }

    void finished()
    {
        QNetworkReply *reply = std::exchange(m_inFlight, nullptr);
        reply->deleteLater();
        const qint64 now = m_clock.elapsed();
        ++m_figures.requests;
        m_figures.longest = qMax(m_figures.longest, now - m_started);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError || status < 200 || status > 299) {
            ++m_figures.errors;
            if (m_figures.firstError < 0)
                m_figures.firstError = now;
            m_figures.lastError = now;
            m_step = 0; // a new session next
        } else if (m_step % 2 == 0) {
            const QByteArray cookie = cookieOf(reply);
            if (m_session < 0) {
                m_session = int(m_figures.sessions.size());
                m_figures.sessions.append(Tracked { cookie, 0, -1 });
            } else if (!cookie.isEmpty()) {
                m_figures.sessions[m_session].cookie = cookie;
            }
            Tracked &tracked = m_figures.sessions[m_session];
            tracked.acknowledged = m_step / 2 + 1;
            tracked.acknowledgedAt = now;
            m_step = (m_step + 1) % 4;
        } else {
            if (body != QByteArray::number(m_figures.sessions.at(m_session).acknowledged))
                ++m_figures.staleReads;
            m_step = (m_step + 1) % 4;
        }
        // A short pause between clicks keeps the number of sessions to check bounded.
        QTimer::singleShot(5, this, [this]() { next(); });
    }

    static QByteArray cookieOf(QNetworkReply *reply)
    {
        const QList<QByteArray> lines = reply->rawHeader("Set-Cookie").split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith(QByteArray(sessionName + '=')))
                return line.left(line.indexOf(';'));
        }
        return QByteArray();
    }

    QNetworkAccessManager m_nam;
    QUrl m_base;
    const QElapsedTimer &m_clock;
    Figures &m_figures;
    bool m_running = false;
    int m_step = 0; // 0: set v=1 (new session), 1: get, 2: set v=2, 3: get
    int m_session = -1;
    qint64 m_started = 0;
    QNetworkReply *m_inFlight = nullptr;
};

QString at(qint64 ms, qint64 from)
{
    if (ms < 0 || from < 0)
        return QStringLiteral("-");
    return QStringLiteral("%1%2 ms")
        .arg(ms >= from ? QStringLiteral("+") : QString())
        .arg(ms - from);
}

} // namespace

class tst_HttpFailover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clusterMasterKilledUnderLoad_data();
    void clusterMasterKilledUnderLoad();
    void sentinelFailoverUnderLoad_data();
    void sentinelFailoverUnderLoad();
    void sentinelMasterKilledUnderLoad();
    void cleanupTestCase();

private:
    // Serves /set?v=N (stores N in the session) and /get (answers it) from a store with these
    // options; then drives the browsers until fault() has run and settleMs more, and checks
    // what a user would notice. quietFrom(timeline) says from when on no error may come.
    void runUnderLoad(const char *label, const QList<RedisStoreOption> &options,
                      const std::function<void(Timeline &, const QElapsedTimer &)> &fault,
                      const std::function<qint64(const Timeline &)> &quietFrom,
                      bool acknowledgedMustSurvive);
    void sentinelUnderLoad(const char *label, bool kill, bool replicaAcks);

    std::unique_ptr<RedisCluster> m_cluster;
};

void tst_HttpFailover::runUnderLoad(
    const char *label, const QList<RedisStoreOption> &options,
    const std::function<void(Timeline &, const QElapsedTimer &)> &fault,
    const std::function<qint64(const Timeline &)> &quietFrom, bool acknowledgedMustSurvive)
{
    auto created = RedisStore::create(KeyRing::keys({ hashKey }), options);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message()));
    const std::unique_ptr<RedisStore> store = std::move(created).value();
    const auto ping = waitFor(store->ping());
    QVERIFY(ping);
    QVERIFY2(ping->ok(), qPrintable(ping->error.message()));
    HttpSessions sessions(store.get());
    sessions.setSessionName(sessionName);
    QHttpServer server;
    sessions.route(&server, QStringLiteral("/set"), [](HttpExchange *exchange, Session &session) {
        session.setValue(QStringLiteral("v"),
                         exchange->query().queryItemValue(QStringLiteral("v")).toInt());
        exchange->respond("ok");
    });
    sessions.route(&server, QStringLiteral("/get"), [](HttpExchange *exchange, Session &session) {
        exchange->respond(session.contains(QStringLiteral("v"))
                              ? session.value(QStringLiteral("v")).toByteArray()
                              : QByteArray("none"));
    });
    const quint16 port = HttpSessions::listen(&server, QHostAddress::LocalHost);
    QVERIFY(port != 0);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1/").arg(port));

    QElapsedTimer clock;
    clock.start();
    Figures figures;
    std::vector<std::unique_ptr<Browser>> browsers;
    for (int i = 0; i < browserCount; ++i) {
        browsers.push_back(std::make_unique<Browser>(base, clock, figures));
        browsers.back()->start();
    }
    const auto stopAll = [&]() {
        for (const auto &browser : browsers)
            browser->stop();
    };
    const auto idle = [&]() {
        return std::all_of(browsers.cbegin(), browsers.cend(),
                           [](const auto &browser) { return browser->isIdle(); });
    };
    auto stopped = qScopeGuard([&]() {
        stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 3 * hangLimitMs);
    });

    // Some sessions before the fault, then the fault in its own thread.
    QTRY_VERIFY_WITH_TIMEOUT(figures.sessions.size() >= 30 && clock.elapsed() >= 1000, 20000);
    QCOMPARE(figures.errors, 0);
    Timeline timeline;
    std::unique_ptr<QThread> thread(QThread::create([&]() { fault(timeline, clock); }));
    thread->start();
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 60000);
    QVERIFY2(timeline.promoted >= 0, "the replica was not promoted");
    QVERIFY2(timeline.agreed >= 0, "the nodes did not agree on the new master");
    const qint64 quiet = quietFrom(timeline);
    QVERIFY(quiet >= 0);
    // Load goes on past the point from which no error may come.
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= quiet + quietAfterMs + 1000, 20000);
    stopped.dismiss();
    stopAll();
    // No request hangs: every one answers.
    QTRY_VERIFY_WITH_TIMEOUT(idle(), 3 * hangLimitMs);
    const qint64 end = clock.elapsed();

    // Every session a 2xx answer acknowledged reads back, through the store, with that value
    // (or the next one, written by a request that failed after writing).
    QList<QFuture<SessionLoadResult>> loads;
    for (const Tracked &tracked : std::as_const(figures.sessions))
        loads << store->load(sessionName, { tracked.cookie });
    int lost = 0;
    int lostBeforeFault = 0;
    int acknowledgedBeforeFault = 0;
    qint64 firstLost = -1; // when the lost values were acknowledged
    qint64 lastLost = -1;
    for (qsizetype i = 0; i < loads.size(); ++i) {
        const Tracked &tracked = figures.sessions.at(i);
        const auto loaded = waitFor(loads.at(i), 20000);
        QVERIFY(loaded);
        QVERIFY2(!loaded->error.isError(), qPrintable(loaded->error.message()));
        const bool beforeFault = tracked.acknowledgedAt < timeline.fault;
        acknowledgedBeforeFault += beforeFault ? 1 : 0;
        if (loaded->session.value(QStringLiteral("v")).toInt() < tracked.acknowledged) {
            ++lost;
            lostBeforeFault += beforeFault ? 1 : 0;
            if (firstLost < 0 || tracked.acknowledgedAt < firstLost)
                firstLost = tracked.acknowledgedAt;
            lastLost = qMax(lastLost, tracked.acknowledgedAt);
        }
    }

    const qint64 faultAt = timeline.fault;
    QString events = QStringLiteral("the promotion at %1").arg(at(timeline.promoted, faultAt));
    if (timeline.announced >= 0)
        events
            += QStringLiteral(", a sentinel naming it at %1").arg(at(timeline.announced, faultAt));
    events += QStringLiteral(", every node at %1").arg(at(timeline.agreed, faultAt));
    if (timeline.resynced >= 0)
        events += QStringLiteral(", the old master its replica at %1")
                      .arg(at(timeline.resynced, faultAt));
    qInfo("%s: %d requests by %d browsers in %lld ms, longest %lld ms. %d errors, first %s and "
          "last %s after the fault, the last %s after the point from which none may come (%s). "
          "%lld sessions acknowledged (%d before the fault): %d lost (%d of those before the "
          "fault; acknowledged from %s to %s), %d stale reads",
          label, figures.requests, browserCount, end, figures.longest, figures.errors,
          qPrintable(at(figures.firstError, faultAt)), qPrintable(at(figures.lastError, faultAt)),
          qPrintable(at(figures.lastError, quiet)), qPrintable(events),
          qint64(figures.sessions.size()), acknowledgedBeforeFault, lost, lostBeforeFault,
          qPrintable(at(firstLost, faultAt)), qPrintable(at(lastLost, faultAt)),
          figures.staleReads);

    QVERIFY2(figures.longest <= hangLimitMs, qPrintable(QString::number(figures.longest)));
    QVERIFY2(figures.lastError <= quiet + quietAfterMs,
             qPrintable(QStringLiteral("an error %1 ms after the cluster could serve again")
                            .arg(figures.lastError - quiet)));
    QVERIFY(acknowledgedBeforeFault >= 30);
    if (acknowledgedMustSurvive) {
        QCOMPARE(lost, 0);
        QCOMPARE(figures.staleReads, 0);
    }
}

void tst_HttpFailover::clusterMasterKilledUnderLoad_data()
{
    QTest::addColumn<bool>("replicaAcks");
    // Without acknowledgements the promoted replica serves at once, but a write the master
    // took just before dying may be lost (counted). With them, none is lost, but the promoted
    // master cannot acknowledge a write until it has a replica again: its slots' saves fail
    // until the old master is back as that replica.
    QTest::newRow("no replica acks") << false;
    QTest::newRow("replica acks") << true;
}

void tst_HttpFailover::clusterMasterKilledUnderLoad()
{
    QFETCH(bool, replicaAcks);
    if (!m_cluster) {
        m_cluster = std::make_unique<RedisCluster>();
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }
    QVERIFY(m_cluster->waitUntilOk(20000));
    RedisCluster &cluster = *m_cluster;
    const quint16 victim = cluster.masterPorts().at(1);
    const quint16 replica = cluster.replicaPorts(victim).value(0);
    QVERIFY(replica != 0);

    QList<RedisStoreOption> options = { withUrl(cluster.url()) };
    if (replicaAcks)
        options << withReplicaAcks(1, 500);
    const auto fault = [&](Timeline &timeline, const QElapsedTimer &clock) {
        timeline.fault = clock.elapsed();
        cluster.kill(victim);
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            if (roleOf(cluster.command(replica, { "ROLE" })) == "master") {
                timeline.promoted = clock.elapsed();
                break;
            }
            QThread::msleep(10);
        }
        timeline.newMaster = cluster.waitForFailover(victim, 20000);
        timeline.agreed = clock.elapsed();
        // As a supervisor would: the dead node starts again, and comes back as a replica.
        if (cluster.restart(victim) && cluster.waitUntilOk(20000))
            timeline.resynced = clock.elapsed();
    };
    const auto quietFrom = [replicaAcks](const Timeline &timeline) -> qint64 {
        return replicaAcks ? timeline.resynced.load() : timeline.promoted.load();
    };
    runUnderLoad(replicaAcks ? "cluster, master killed, replica acks"
                             : "cluster, master killed, no replica acks",
                 options, fault, quietFrom, replicaAcks);
}

void tst_HttpFailover::sentinelUnderLoad(const char *label, bool kill, bool replicaAcks)
{
    RedisSentinelSetup setup;
    QVERIFY2(setup.start(), qPrintable(setup.errorString()));
    const quint16 master = setup.masterPort();
    const quint16 replica = setup.replicaPort();
    QVERIFY(master != 0 && replica != 0);
    {
        // A library without Sentinel support refuses the URL, or talks to the first sentinel
        // itself instead of the master the sentinels name.
        auto probe = RedisStore::create(KeyRing::keys({ hashKey }), { withUrl(setup.url()) });
        if (!probe.ok())
            QSKIP(qPrintable(QStringLiteral("redis+sentinel:// is refused: ")
                             + probe.error().message()));
        const auto role = waitFor(probe.value()->pool()->execute({ "ROLE" }));
        QVERIFY(role);
        if (role->isArray() && role->at(0).data() == "sentinel")
            QSKIP("this library does not resolve the master through Sentinel: a "
                  "redis+sentinel:// URL reaches the first sentinel itself");
        QVERIFY2(role->isArray() && role->at(0).data() == "master",
                 qPrintable(role->toDisplayString()));
    }
    const auto fault = [&](Timeline &timeline, const QElapsedTimer &clock) {
        timeline.fault = clock.elapsed();
        if (kill)
            setup.kill(master);
        else if (!setup.failover())
            return;
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired() && (timeline.promoted < 0 || timeline.announced < 0)) {
            if (timeline.promoted < 0 && roleOf(setup.command(replica, { "ROLE" })) == "master")
                timeline.promoted = clock.elapsed();
            for (const quint16 sentinel : setup.sentinelPorts()) {
                const QVariantList named = setup
                                               .command(sentinel,
                                                        { "SENTINEL", "GET-MASTER-ADDR-BY-NAME",
                                                          setup.masterName().toUtf8() })
                                               .toList();
                if (timeline.announced < 0 && named.value(1).toByteArray().toUShort() == replica)
                    timeline.announced = clock.elapsed();
            }
            if (timeline.promoted < 0)
                setup.askFailoverAgainIfStalled();
            QThread::msleep(10);
        }
        timeline.newMaster = setup.waitForNewMaster(master, 20000);
        if (timeline.newMaster == 0)
            return;
        timeline.agreed = clock.elapsed();
        if (replicaAcks && setup.waitUntilSynced(30000))
            timeline.resynced = clock.elapsed();
    };
    // A client learns of the new master from the sentinels, which see the promotion on their
    // next look at the replica (INFO, every second during a failover).
    QList<RedisStoreOption> options = { withUrl(setup.url()) };
    if (replicaAcks)
        options << withReplicaAcks(1, 500);
    runUnderLoad(
        label, options, fault,
        [replicaAcks](const Timeline &timeline) -> qint64 {
            return replicaAcks ? timeline.resynced.load() : timeline.announced.load();
        },
        replicaAcks);
}

void tst_HttpFailover::sentinelFailoverUnderLoad_data()
{
    QTest::addColumn<bool>("replicaAcks");
    // The old master takes writes until the sentinels announce the new one: without
    // acknowledgements, those are lost when it becomes the new master's replica (counted).
    // With them, none is lost, but the new master acknowledges nothing until the sentinels
    // have made the old one its replica (their own pace: some 8 s after the failover).
    QTest::newRow("no replica acks") << false;
    QTest::newRow("replica acks") << true;
}

void tst_HttpFailover::sentinelFailoverUnderLoad()
{
    QFETCH(bool, replicaAcks);
    sentinelUnderLoad(replicaAcks ? "sentinel, SENTINEL FAILOVER, replica acks"
                                  : "sentinel, SENTINEL FAILOVER, no replica acks",
                      false, replicaAcks);
}

void tst_HttpFailover::sentinelMasterKilledUnderLoad()
{
    sentinelUnderLoad("sentinel, master killed, no replica acks", true, false);
}

void tst_HttpFailover::cleanupTestCase()
{
    m_cluster.reset();
}

QTEST_GUILESS_MAIN(tst_HttpFailover)
#include "tst_httpfailover.moc"
