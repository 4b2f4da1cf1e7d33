// SessionListing and the page description behind SessionAdmin::scan() (one read-only script
// call per SCAN page, or key by key where scripts are refused): TTL, size and first bytes of
// every session, keys of other types skipped, sessions without expiry, several pages in flight,
// on one server and on a Redis Cluster.
#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionlisting.h>

#include "asyncwait.h"
#include "rediscluster.h"
#include "redisserver.h"

#include <QtCore/QHash>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <optional>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

// What a listing gave: every session by ID, every skipped key, how many pages.
struct Listed
{
    QHash<QString, SessionInfo> sessions;
    QList<SessionSkippedKey> skipped;
    int pages = 0;
    int duplicates = 0;
};

bool listAll(SessionListing &listing, Listed *out, int timeoutMs = 30000)
{
    QObject::connect(&listing, &SessionListing::pageReady, &listing,
                     [out](const SessionPage &page) {
                         ++out->pages;
                         for (const SessionInfo &info : page.sessions) {
                             if (out->sessions.contains(info.id))
                                 ++out->duplicates;
                             out->sessions.insert(info.id, info);
                         }
                         out->skipped += page.skipped;
                     });
    QSignalSpy finished(&listing, &SessionListing::finished);
    listing.start();
    return finished.wait(timeoutMs) || finished.count() == 1;
}

// A figure of INFO's text: FIELD=N in the line LINE:... ("cmdstat_scan", "calls"), or the
// line's own number when field is empty ("total_net_input_bytes"); 0 when there is none.
qint64 infoFigure(const QByteArray &info, const QByteArray &line, const QByteArray &field = {})
{
    const QList<QByteArray> lines = info.split('\n');
    for (const QByteArray &text : lines) {
        if (!text.startsWith(QByteArray(line + ':')))
            continue;
        const QByteArray value = text.mid(line.size() + 1).trimmed();
        if (field.isEmpty())
            return value.toLongLong();
        const QList<QByteArray> pairs = value.split(',');
        for (const QByteArray &pair : pairs) {
            if (pair.startsWith(QByteArray(field + '=')))
                return pair.mid(field.size() + 1).toLongLong();
        }
    }
    return 0;
}

} // namespace

class tst_SessionListing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsTtlSizeAndHead();
    void scanPageCarriesHead();
    void skipsOtherTypesAndNamesThem();
    void emptyDatabaseFinishes();
    void failedListingResumes();
    void walkFailsWhenItsAdminIsDeleted();
    void scriptsRefusedListsTheSame();
    void scriptsRefusedMidWalk();
    void clusterListsEveryMaster();
    void clusterWalkBeginsAgainAfterAFailover();

private:
    RedisConfig config() const
    {
        RedisConfig config;
        config.setPort(m_server.port());
        return config;
    }
    // The user "lister", with every right but those the rules take away ("-@scripting"), and
    // a config that logs in as it; none when the server refused the user.
    std::optional<RedisConfig> listerConfig(const QByteArrayList &rules = {})
    {
        const QVariant set
            = m_server.command(QByteArrayList { "ACL", "SETUSER", "lister", "reset", "on",
                                                ">lister-secret", "~*", "&*", "+@all" }
                               + rules);
        if (set.toByteArray() != "OK")
            return std::nullopt;
        RedisConfig lister = config();
        lister.setUsername(QStringLiteral("lister"));
        lister.setPassword(QStringLiteral("lister-secret"));
        return lister;
    }
    RedisServer m_server;
};

void tst_SessionListing::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionListing::init()
{
    m_server.command({ "FLUSHALL" });
}

void tst_SessionListing::cleanup()
{
    m_server.command({ "ACL", "DELUSER", "lister" });
}

void tst_SessionListing::listsTtlSizeAndHead()
{
    // Enough for many pages with several in flight.
    for (int i = 0; i < 3000; ++i) {
        const QByteArray key = "session_id" + QByteArray::number(i);
        const QByteArray value = "value-" + QByteArray::number(i) + "-" + QByteArray(i % 40, 'x');
        if (i % 3 == 0)
            m_server.command({ "SET", key, value });
        else
            m_server.command({ "SET", key, value, "PX", "1000000" });
    }
    m_server.command({ "SET", "other_key", "no session" });
    SessionAdmin admin(config());
    SessionListing listing(&admin);
    listing.setFirstPageSize(10);
    listing.setPageSize(100);
    listing.setPagesInFlight(3);
    Listed listed;
    QVERIFY(listAll(listing, &listed));
    QVERIFY(listing.isFinished());
    QVERIFY(!listing.isRunning());
    QCOMPARE(listed.sessions.size(), 3000);
    QCOMPARE(listed.duplicates, 0);
    QVERIFY(listed.pages > 10);
    QCOMPARE(listing.pagesDone(), qint64(listed.pages));
    QVERIFY(listed.skipped.isEmpty());
    for (int i = 0; i < 3000; ++i) {
        const QString id = QStringLiteral("id%1").arg(i);
        const QByteArray value = "value-" + QByteArray::number(i) + "-" + QByteArray(i % 40, 'x');
        const SessionInfo info = listed.sessions.value(id);
        QCOMPARE(info.key, "session_" + id.toUtf8());
        QCOMPARE(info.size, value.size());
        QCOMPARE(info.head, value.left(16));
        if (i % 3 == 0)
            QCOMPARE(info.ttlMs, -1);
        else
            QVERIFY2(info.ttlMs > 900000 && info.ttlMs <= 1000000, qPrintable(id));
    }
}

void tst_SessionListing::scanPageCarriesHead()
{
    const QByteArray gob = SessionSerializer::byName(QStringLiteral("gob"))
                               ->serialize({ { QStringLiteral("user"), QStringLiteral("ann") } })
                               .value();
    m_server.command({ "SET", "session_gob", gob, "EX", "500" });
    m_server.command({ "SET", "session_empty", "" });
    SessionAdmin admin(config());
    const auto page = waitFor(admin.scan("0", 100));
    QVERIFY(page.has_value());
    QVERIFY2(page->ok(), qPrintable(page->error.message()));
    QCOMPARE(page->sessions.size(), 2);
    for (const SessionInfo &info : page->sessions) {
        if (info.id == QLatin1String("gob")) {
            QCOMPARE(info.head, gob.left(16));
            QCOMPARE(info.size, gob.size());
            QVERIFY(info.ttlMs > 490000 && info.ttlMs <= 500000);
        } else {
            QCOMPARE(info.id, QStringLiteral("empty"));
            QCOMPARE(info.size, 0);
            QVERIFY(info.head.isEmpty());
            QCOMPARE(info.ttlMs, -1);
        }
    }
}

void tst_SessionListing::skipsOtherTypesAndNamesThem()
{
    m_server.command({ "SET", "session_a", "aaaa" });
    m_server.command({ "HSET", "session_hash", "f", "v" });
    m_server.command({ "RPUSH", "session_list", "x" });
    SessionAdmin admin(config());
    SessionListing listing(&admin);
    Listed listed;
    QVERIFY(listAll(listing, &listed));
    QCOMPARE(listed.sessions.keys(), QStringList { QStringLiteral("a") });
    QCOMPARE(listed.skipped.size(), 2);
    QHash<QByteArray, QByteArray> types;
    for (const SessionSkippedKey &key : std::as_const(listed.skipped))
        types.insert(key.key, key.type);
    QCOMPARE(types.value("session_hash"), QByteArray("hash"));
    QCOMPARE(types.value("session_list"), QByteArray("list"));
    // scan() says the same.
    const auto page = waitFor(admin.scan("0", 100));
    QVERIFY(page.has_value() && page->ok());
    QCOMPARE(page->sessions.size(), 1);
    QCOMPARE(page->skipped.size(), 2);
}

void tst_SessionListing::emptyDatabaseFinishes()
{
    SessionAdmin admin(config());
    SessionListing listing(&admin);
    Listed listed;
    QVERIFY(listAll(listing, &listed));
    QVERIFY(listed.sessions.isEmpty());
    QCOMPARE(listed.pages, 0);
}

// The server goes away mid-walk: failed(), and resume() goes on once it is back.
void tst_SessionListing::failedListingResumes()
{
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    for (int i = 0; i < 500; ++i)
        server.command({ "SET", "session_" + QByteArray::number(i), "v" });
    RedisConfig cfg;
    cfg.setPort(server.port());
    SessionAdmin admin(cfg);
    SessionListing listing(&admin);
    listing.setPageSize(10);
    QSignalSpy failed(&listing, &SessionListing::failed);
    QSignalSpy finished(&listing, &SessionListing::finished);
    listing.start();
    server.kill(); // before the event loop sends or reads anything more
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QVERIFY(listing.hasFailed());
    QVERIFY(!listing.isRunning());
    QCOMPARE(finished.count(), 0);
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    for (int i = 0; i < 500; ++i)
        server.command({ "SET", "session_" + QByteArray::number(i), "v" });
    QSet<QString> ids;
    connect(&listing, &SessionListing::pageReady, this, [&ids](const SessionPage &page) {
        for (const SessionInfo &info : page.sessions)
            ids.insert(info.id);
    });
    QTRY_VERIFY_WITH_TIMEOUT(
        [&]() {
            if (listing.hasFailed())
                listing.resume();
            return listing.isFinished();
        }(),
        20000);
    QCOMPARE(finished.count(), 1);
    QVERIFY(ids.size() > 400); // the walk went on from a cursor of the old server
}

// The admin's replies go with it: the walk fails, it does not wait for them.
void tst_SessionListing::walkFailsWhenItsAdminIsDeleted()
{
    for (int i = 0; i < 2000; ++i)
        m_server.command({ "SET", "session_" + QByteArray::number(i), "v" });
    auto *admin = new SessionAdmin(config());
    SessionListing listing(admin);
    listing.setPageSize(10);
    QSignalSpy failed(&listing, &SessionListing::failed);
    QSignalSpy pages(&listing, &SessionListing::pageReady);
    listing.start();
    QVERIFY(pages.wait(10000));
    delete admin;
    QCOMPARE(failed.count(), 1);
    QVERIFY(listing.hasFailed());
    QVERIFY(!listing.isRunning());
    QVERIFY(!listing.isFinished());
    QTest::qWait(100); // nothing more comes
    QCOMPARE(failed.count(), 1);
}

// A user whose ACL refuses scripts lists the same sessions, skipped keys and TTLs: SCAN, then
// each key's PTTL, STRLEN and GETRANGE.
void tst_SessionListing::scriptsRefusedListsTheSame()
{
    for (int i = 0; i < 300; ++i) {
        const QByteArray value = "value-" + QByteArray::number(i) + QByteArray(i % 30, 'x');
        m_server.command({ "SET", "session_" + QByteArray::number(i), value, "PX", "1000000" });
    }
    m_server.command({ "SET", "session_forever", "f" });
    m_server.command({ "HSET", "session_hash", "f", "v" });
    m_server.command({ "CONFIG", "RESETSTAT" });
    const std::optional<RedisConfig> lister = listerConfig({ "-@scripting" });
    QVERIFY(lister);
    SessionAdmin admin(*lister);
    SessionListing listing(&admin);
    listing.setPageSize(40);
    Listed listed;
    QVERIFY(listAll(listing, &listed));
    // Scripts were tried, and refused.
    const QByteArray stats = m_server.command({ "INFO", "commandstats" }).toByteArray();
    QVERIFY2(infoFigure(stats, "cmdstat_evalsha_ro", "rejected_calls") >= 1, stats.constData());
    QCOMPARE(listed.sessions.size(), 301);
    QCOMPARE(listed.duplicates, 0);
    for (int i = 0; i < 300; ++i) {
        const QByteArray value = "value-" + QByteArray::number(i) + QByteArray(i % 30, 'x');
        const SessionInfo info = listed.sessions.value(QString::number(i));
        QCOMPARE(info.size, value.size());
        QCOMPARE(info.head, value.left(16));
        QVERIFY2(info.ttlMs > 900000 && info.ttlMs <= 1000000, qPrintable(info.id));
    }
    QCOMPARE(listed.sessions.value(QStringLiteral("forever")).ttlMs, -1);
    QCOMPARE(listed.skipped.size(), 1);
    QCOMPARE(listed.skipped.first().key, QByteArray("session_hash"));
    QCOMPARE(listed.skipped.first().type, QByteArray("hash"));
}

// Scripts refused in the middle of a walk: the node goes on with SCAN from where it was, and
// every session comes once.
void tst_SessionListing::scriptsRefusedMidWalk()
{
    for (int i = 0; i < 2000; ++i)
        m_server.command({ "SET", "session_" + QByteArray::number(i), "v", "EX", "1000" });
    const std::optional<RedisConfig> lister = listerConfig();
    QVERIFY(lister);
    m_server.command({ "CONFIG", "RESETSTAT" });
    SessionAdmin admin(*lister);
    SessionListing listing(&admin);
    listing.setPageSize(20);
    bool refused = false;
    connect(&listing, &SessionListing::pageReady, this, [this, &refused]() {
        if (!refused) {
            refused = true;
            m_server.command({ "ACL", "SETUSER", "lister", "-@scripting" });
        }
    });
    Listed listed;
    QVERIFY(listAll(listing, &listed));
    QVERIFY(refused);
    QCOMPARE(listed.sessions.size(), 2000);
    QCOMPARE(listed.duplicates, 0);
    const QByteArray stats = m_server.command({ "INFO", "commandstats" }).toByteArray();
    QVERIFY2(infoFigure(stats, "cmdstat_evalsha_ro", "calls") >= 1, stats.constData());
    QVERIFY2(infoFigure(stats, "cmdstat_evalsha_ro", "rejected_calls") >= 1, stats.constData());
}

void tst_SessionListing::clusterListsEveryMaster()
{
    RedisCluster cluster;
    QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
    RedisPool pool(RedisConfig::fromUrl(cluster.url()).value());
    QSet<quint16> mastersUsed;
    for (int i = 0; i < 600; ++i) {
        const QByteArray key = "session_c" + QByteArray::number(i);
        const quint16 port = cluster.masterOfSlot(RedisCluster::keySlot(key));
        mastersUsed.insert(port);
        if (i % 2)
            cluster.command(port, { "SET", key, "cluster-value-" + QByteArray::number(i) });
        else
            cluster.command(port,
                            { "SET", key, "cluster-value-" + QByteArray::number(i), "EX", "3000" });
    }
    QVERIFY(mastersUsed.size() > 1);
    const QByteArray hashKey = "session_h";
    cluster.command(cluster.masterOfSlot(RedisCluster::keySlot(hashKey)),
                    { "HSET", hashKey, "f", "v" });
    // A store's pool that waits for a replica after each write: the listing reads only, so
    // no WAIT follows its calls.
    pool.setReplicaAcks(1, 2000);
    SessionAdmin admin(&pool, QStringLiteral("session_"), nullptr);
    SessionListing listing(&admin);
    listing.setPageSize(50);
    Listed listed;
    QVERIFY(listAll(listing, &listed));
    QCOMPARE(listed.sessions.size(), 600);
    QCOMPARE(listed.duplicates, 0);
    QCOMPARE(listed.skipped.size(), 1);
    QCOMPARE(listed.skipped.first().type, QByteArray("hash"));
    for (int i = 0; i < 600; ++i) {
        const SessionInfo info = listed.sessions.value(QStringLiteral("c%1").arg(i));
        const QByteArray value = "cluster-value-" + QByteArray::number(i);
        QCOMPARE(info.size, value.size());
        QCOMPARE(info.head, value.left(16));
        if (i % 2)
            QCOMPARE(info.ttlMs, -1);
        else
            QVERIFY(info.ttlMs > 2900000 && info.ttlMs <= 3000000);
    }
    // The keys of one SCAN page lie in many slots: the script ran on their node all the same,
    // not refused (and so not described key by key instead).
    qint64 scriptCalls = 0;
    for (quint16 port : cluster.masterPorts()) {
        const QByteArray stats = cluster.command(port, { "INFO", "commandstats" }).toByteArray();
        scriptCalls += infoFigure(stats, "cmdstat_evalsha_ro", "calls")
            + infoFigure(stats, "cmdstat_eval_ro", "calls");
        QCOMPARE(infoFigure(stats, "cmdstat_wait", "calls"), 0);
        // A script refused on a node shows as an error there (NOSCRIPT aside: the first call).
        const QByteArray errors = cluster.command(port, { "INFO", "errorstats" }).toByteArray();
        QVERIFY2(!errors.contains("errorstat_ERR"), errors.constData());
    }
    QVERIFY2(scriptCalls >= mastersUsed.size(), qPrintable(QString::number(scriptCalls)));
    const auto page = waitFor(admin.scan("0", 1000));
    QVERIFY(page.has_value());
    QVERIFY2(page->ok(), qPrintable(page->error.message()));
    QVERIFY(!page->sessions.isEmpty());
    QVERIFY(!page->sessions.first().head.isEmpty());
}

// A master fails over while the walk is under way: the walk begins again by itself (or on
// resume(), when it failed first), says so with restarted(), and lists every session once more.
void tst_SessionListing::clusterWalkBeginsAgainAfterAFailover()
{
    RedisCluster cluster;
    QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
    QSet<QString> ids;
    QSet<quint16> written;
    for (int i = 0; i < 300; ++i) {
        const QByteArray key = "session_f" + QByteArray::number(i);
        const quint16 port = cluster.masterOfSlot(RedisCluster::keySlot(key));
        cluster.command(port, { "SET", key, "failover-value" });
        written.insert(port);
        ids.insert(QStringLiteral("f%1").arg(i));
    }
    for (quint16 port : std::as_const(written)) // the replicas have every key before the kill
        cluster.command(port, { "WAIT", "1", "5000" });
    RedisPool pool(RedisConfig::fromUrl(cluster.url()).value());
    SessionAdmin admin(&pool, QStringLiteral("session_"), nullptr);
    SessionListing listing(&admin);
    listing.setPageSize(5);
    listing.setPagesInFlight(1);
    const quint16 victim = cluster.masterPorts().last();
    QSet<QString> listed;
    int restarts = 0;
    bool killed = false;
    connect(&listing, &SessionListing::restarted, this, [&]() {
        ++restarts;
        listed.clear();
    });
    connect(&listing, &SessionListing::pageReady, this, [&](const SessionPage &page) {
        for (const SessionInfo &info : page.sessions)
            listed.insert(info.id);
        if (!killed) {
            killed = true;
            cluster.kill(victim);
        }
    });
    QSignalSpy topology(&pool, &RedisPool::topologyChanged);
    listing.start();
    QTRY_VERIFY_WITH_TIMEOUT(killed, 10000);
    QVERIFY(!listing.isFinished());
    QVERIFY(cluster.waitForFailover(victim) != 0);
    pool.refreshTopology();
    QTRY_VERIFY_WITH_TIMEOUT(topology.count() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&]() {
            if (listing.hasFailed())
                listing.resume();
            return listing.isFinished();
        }(),
        30000);
    QVERIFY(restarts >= 1);
    QCOMPARE(listed, ids);
}

QTEST_MAIN(tst_SessionListing)
#include "tst_sessionlisting.moc"
