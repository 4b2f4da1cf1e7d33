// The session layer on a real Redis Cluster (RedisCluster: three masters with a replica each,
// one cluster for the whole class): sessions spread over the masters, a new ID written before
// the old key goes, the per-user index across slots, SessionAdmin and SessionWatcher over every
// master, slots migrating under load, acknowledged saves through a failover, and an unserved
// slot.
#include <libredistore/redis/redispool.h>
#include <libredistore/session/redisstore.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionwatcher.h>

#include "rediscluster.h"
#include "storetesthelpers.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QScopeGuard>
#include <QtCore/QSet>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <functional>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

const QByteArray sessionName = "cluster-session";

// A session saved by the test: its ID and the Cookie header that brings it back.
struct Saved
{
    QString id;
    QByteArray cookie;
};

template<typename T> QList<T> waitAll(const QList<QFuture<T>> &futures, int timeoutMs = 30000)
{
    QElapsedTimer clock;
    clock.start();
    QList<T> results;
    for (const QFuture<T> &future : futures) {
        const auto result = waitFor(future, int(qMax<qint64>(1, timeoutMs - clock.elapsed())));
        results << result.value_or(T {});
    }
    return results;
}

QString describe(const SessionError &error)
{
    return error.codeName() + QStringLiteral(": ") + error.message();
}

} // namespace

class tst_SessionCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sessionsSpreadOverEveryMaster();
    void regenerateIdWritesTheNewKeyFirst_data();
    void regenerateIdWritesTheNewKeyFirst();
    void userIndexAcrossSlots();
    void adminListsCountsAndRemovesOverEveryMaster();
    void watcherHearsEveryMaster();
    void sessionsWhileTheirSlotMigrates();
    void sessionsAfterAReshard();
    void unservedSlotGivesATypedErrorAtOnce();
    void acknowledgedSavesSurviveAFailover();
    void cleanupTestCase();

private:
    std::unique_ptr<RedisStore> makeStore(QList<RedisStoreOption> options = {}) const
    {
        options.prepend(withUrl(m_cluster.url()));
        auto store = RedisStore::create(KeyRing::keys({ hashKey }), options);
        if (!store.ok()) {
            qWarning("%s", qPrintable(store.error().message()));
            return nullptr;
        }
        return std::move(store).value();
    }
    RedisConfig config() const { return RedisConfig::fromUrl(m_cluster.url()).value(); }
    quint16 masterOf(const QByteArray &key) const
    {
        return m_cluster.masterOfSlot(RedisCluster::keySlot(key));
    }
    qint64 existsOnItsMaster(const QByteArray &key) const
    {
        return m_cluster.command(masterOf(key), { "EXISTS", key }).toLongLong();
    }
    // Times the node answered with this error (INFO errorstats: ASK, MOVED...).
    qint64 errorCount(quint16 port, const QByteArray &prefix) const
    {
        return infoField(m_cluster.command(port, { "INFO", "errorstats" }).toByteArray(),
                         "errorstat_" + prefix)
            .mid(6) // "count=N"
            .split(',')
            .value(0)
            .toLongLong();
    }
    // Saves count new sessions at once, each filled by fill(session, i); empty on a failure.
    QList<Saved> saveMany(RedisStore &store, int count,
                          const std::function<void(Session &, int)> &fill) const;
    // Moves a slot's keys to another master and back, step by step, with commands in flight.
    void migrateUnderLoad(RedisStore &store, const QList<Saved> &sessions, int slot, quint16 from,
                          quint16 to);

    RedisCluster m_cluster;
};

QList<Saved> tst_SessionCluster::saveMany(RedisStore &store, int count,
                                          const std::function<void(Session &, int)> &fill) const
{
    QList<Session> sessions;
    QList<QFuture<SessionSaveResult>> futures;
    for (int i = 0; i < count; ++i) {
        Session session = store.newSession(sessionName);
        fill(session, i);
        sessions << session;
        futures << store.save(session);
    }
    const QList<SessionSaveResult> results = waitAll(futures);
    QList<Saved> saved;
    for (int i = 0; i < count; ++i) {
        if (!results.at(i).ok() || results.at(i).setCookie.isEmpty()) {
            qWarning("save %d of %d failed: %s", i, count,
                     qPrintable(describe(results.at(i).error)));
            return {};
        }
        saved << Saved { sessions.at(i).id(), cookieFrom(results.at(i).setCookie) };
    }
    return saved;
}

void tst_SessionCluster::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void tst_SessionCluster::init()
{
    for (const quint16 port : m_cluster.masterPorts())
        QCOMPARE(m_cluster.command(port, { "FLUSHALL" }), QVariant(QByteArray("OK")));
}

void tst_SessionCluster::sessionsSpreadOverEveryMaster()
{
    // withCluster, from the masters as seed nodes.
    QStringList seeds;
    const QList<quint16> masters = m_cluster.masterPorts();
    for (const quint16 port : masters)
        seeds << QStringLiteral("127.0.0.1:%1").arg(port);
    auto created = RedisStore::create(KeyRing::keys({ hashKey }), { withCluster(seeds) });
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message()));
    RedisStore &store = *created.value();
    QCOMPARE(store.pool()->topology(), RedisConfig::Topology::Cluster);

    const int count = 300;
    const QList<Saved> saved = saveMany(
        store, count, [](Session &session, int i) { session.setValue(QStringLiteral("n"), i); });
    QCOMPARE(saved.size(), count);

    // Spread over the three masters by their keys' slots (about a third each).
    qint64 total = 0;
    for (const quint16 port : masters) {
        const qint64 size = m_cluster.command(port, { "DBSIZE" }).toLongLong();
        QVERIFY2(size >= count / 6,
                 qPrintable(QStringLiteral("%1 keys on %2").arg(size).arg(port)));
        total += size;
    }
    QCOMPARE(total, count);
    for (const Saved &session : saved)
        QCOMPARE(existsOnItsMaster(store.keyFor(session.id)), 1);

    // And all read back, at once.
    QList<QFuture<SessionLoadResult>> loads;
    for (const Saved &session : saved)
        loads << store.load(sessionName, { session.cookie });
    const QList<SessionLoadResult> loaded = waitAll(loads);
    for (int i = 0; i < count; ++i) {
        QVERIFY2(!loaded.at(i).error.isError(), qPrintable(describe(loaded.at(i).error)));
        QVERIFY(!loaded.at(i).session.isNew());
        QCOMPARE(loaded.at(i).session.id(), saved.at(i).id);
        QCOMPARE(loaded.at(i).session.value(QStringLiteral("n")).toInt(), i);
    }

    SessionAdmin admin(store.pool(), QStringLiteral("session_"), nullptr);
    const auto size = waitFor(admin.databaseSize());
    QVERIFY(size && size->ok());
    QCOMPARE(size->count, count);
}

void tst_SessionCluster::regenerateIdWritesTheNewKeyFirst_data()
{
    QTest::addColumn<bool>("lastWriteWins");
    QTest::newRow("compare and set") << false;
    QTest::newRow("last write wins") << true;
}

void tst_SessionCluster::regenerateIdWritesTheNewKeyFirst()
{
    // The old and the new key live in different slots, most often on different masters: no
    // transaction holds both. The new key is written first, then the old one goes, so that the
    // session is never missing. Shown by pausing the writes of the old key's master: the new key
    // is there, the old one still too, and the save waits; after the pause the old one is gone.
    // (When the new ID lands on the paused master as well, nothing can be seen: another try.)
    QFETCH(bool, lastWriteWins);
    auto store = makeStore({ withConcurrency(lastWriteWins ? SessionConcurrency::LastWriteWins
                                                           : SessionConcurrency::CompareAndSet) });
    QVERIFY(store);
    Session session = store->newSession(sessionName);
    session.setValue(QStringLiteral("user"), QStringLiteral("carol"));
    const auto first = save(*store, session);
    QVERIFY2(first.ok(), qPrintable(describe(first.error)));
    QByteArray cookie = cookieFrom(first.setCookie);

    bool seenBothKeys = false;
    for (int attempt = 0; attempt < 12 && !seenBothKeys; ++attempt) {
        SessionLoadResult loaded = load(*store, sessionName, { cookie });
        QVERIFY2(!loaded.error.isError(), qPrintable(describe(loaded.error)));
        QVERIFY(!loaded.session.isNew());
        const QString oldId = loaded.session.id();
        const QByteArray oldKey = store->keyFor(oldId);
        const quint16 oldMaster = masterOf(oldKey);
        auto unpause = qScopeGuard([&]() {
            m_cluster.command(oldMaster, { "CLIENT", "UNPAUSE" });
        });
        QCOMPARE(m_cluster.command(oldMaster, { "CLIENT", "PAUSE", "4000", "WRITE" }),
                 QVariant(QByteArray("OK")));

        loaded.session.regenerateId();
        loaded.session.setValue(QStringLiteral("role"), QStringLiteral("admin"));
        const QFuture<SessionSaveResult> saving = store->save(loaded.session);
        // A new session key on another master, while the old master takes no writes.
        QByteArray newKey;
        const QDeadlineTimer deadline(2000);
        while (newKey.isEmpty() && !deadline.hasExpired() && !saving.isFinished()) {
            for (const quint16 port : m_cluster.masterPorts()) {
                if (port == oldMaster)
                    continue;
                const QVariantList keys = m_cluster.command(port, { "KEYS", "session_*" }).toList();
                if (!keys.isEmpty())
                    newKey = keys.first().toByteArray();
            }
            QTest::qWait(10);
        }
        if (!newKey.isEmpty()) {
            QCOMPARE(m_cluster.command(oldMaster, { "EXISTS", oldKey }).toLongLong(), 1);
            QVERIFY(!saving.isFinished()); // the old key's removal waits for the pause
            seenBothKeys = true;
        }
        unpause.dismiss();
        m_cluster.command(oldMaster, { "CLIENT", "UNPAUSE" });

        const auto saved = waitFor(saving);
        QVERIFY(saved);
        QVERIFY2(saved->ok(), qPrintable(describe(saved->error)));
        const QString newId = loaded.session.id();
        QVERIFY(newId != oldId);
        if (!newKey.isEmpty())
            QCOMPARE(newKey, store->keyFor(newId));
        QCOMPARE(existsOnItsMaster(store->keyFor(newId)), 1);
        QCOMPARE(existsOnItsMaster(oldKey), 0);

        // The new cookie brings the session back with its values; the old one opens nothing.
        const QByteArray oldCookie = cookie;
        cookie = cookieFrom(saved->setCookie);
        const SessionLoadResult again = load(*store, sessionName, { cookie });
        QCOMPARE(again.session.id(), newId);
        QCOMPARE(again.session.value(QStringLiteral("user")).toString(), QStringLiteral("carol"));
        QCOMPARE(again.session.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QVERIFY(load(*store, sessionName, { oldCookie }).session.isNew());
    }
    QVERIFY2(seenBothKeys, "the new ID never landed on another master than the old one");
}

void tst_SessionCluster::userIndexAcrossSlots()
{
    auto store = makeStore({ withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    // Alice's sessions, until they live on at least two masters; the index key has a slot of
    // its own.
    QList<Saved> alice;
    QSet<quint16> aliceMasters;
    while (alice.size() < 6 || aliceMasters.size() < 2) {
        QVERIFY(alice.size() < 40);
        const QList<Saved> more = saveMany(*store, 3, [](Session &session, int) {
            session.setValue(QStringLiteral("user"), QStringLiteral("alice"));
        });
        QCOMPARE(more.size(), 3);
        for (const Saved &session : more)
            aliceMasters << masterOf(store->keyFor(session.id));
        alice += more;
    }
    const QList<Saved> bob = saveMany(*store, 2, [](Session &session, int) {
        session.setValue(QStringLiteral("user"), QStringLiteral("bob"));
    });
    QCOMPARE(bob.size(), 2);
    QStringList aliceIds;
    for (const Saved &session : std::as_const(alice))
        aliceIds << session.id;
    aliceIds.sort();

    // Listed by the store and by the admin.
    auto listed = waitFor(store->sessionsOfUser(QStringLiteral("alice")));
    QVERIFY(listed);
    QVERIFY2(listed->ok(), qPrintable(describe(listed->error)));
    QStringList ids = listed->ids();
    ids.sort();
    QCOMPARE(ids, aliceIds);
    for (const UserSession &entry : std::as_const(listed->sessions))
        QVERIFY(entry.ttlMs > 0);
    SessionAdmin admin(config());
    listed = waitFor(admin.sessionsOfUser(QStringLiteral("alice")));
    QVERIFY(listed && listed->ok());
    ids = listed->ids();
    ids.sort();
    QCOMPARE(ids, aliceIds);

    // A new ID for one of Bob's sessions moves it in his index.
    SessionLoadResult bobs = load(*store, sessionName, { bob.first().cookie });
    QCOMPARE(bobs.session.id(), bob.first().id);
    bobs.session.regenerateId();
    const auto regenerated = save(*store, bobs.session);
    QVERIFY2(regenerated.ok(), qPrintable(describe(regenerated.error)));
    listed = waitFor(store->sessionsOfUser(QStringLiteral("bob")));
    QVERIFY(listed && listed->ok());
    ids = listed->ids();
    ids.sort();
    QStringList bobIds = { bobs.session.id(), bob.last().id };
    bobIds.sort();
    QCOMPARE(ids, bobIds);

    // Log out everywhere: every session of Alice's, on whichever master, ends.
    const auto revoked = waitFor(store->revokeUser(QStringLiteral("alice")));
    QVERIFY(revoked);
    QVERIFY2(revoked->ok(), qPrintable(describe(revoked->error)));
    QCOMPARE(revoked->ended, alice.size());
    for (const Saved &session : std::as_const(alice)) {
        QCOMPARE(existsOnItsMaster(store->keyFor(session.id)), 0);
        const SessionLoadResult gone = load(*store, sessionName, { session.cookie });
        QVERIFY(!gone.error.isError());
        QVERIFY(gone.session.isNew());
        QVERIFY(!gone.session.contains(QStringLiteral("user")));
    }
    listed = waitFor(store->sessionsOfUser(QStringLiteral("alice")));
    QVERIFY(listed && listed->ok());
    QVERIFY(listed->sessions.isEmpty());
    // Bob is still logged in, and the admin logs him out.
    QCOMPARE(existsOnItsMaster(store->keyFor(bob.last().id)), 1);
    const auto bobRevoked = waitFor(admin.revokeUser(QStringLiteral("bob")));
    QVERIFY(bobRevoked && bobRevoked->ok());
    QCOMPARE(bobRevoked->ended, 2);
    QCOMPARE(existsOnItsMaster(store->keyFor(bobs.session.id())), 0);
    QCOMPARE(existsOnItsMaster(store->keyFor(bob.last().id)), 0);
}

void tst_SessionCluster::adminListsCountsAndRemovesOverEveryMaster()
{
    auto store = makeStore();
    QVERIFY(store);
    const int count = 240;
    const QList<Saved> saved = saveMany(
        *store, count, [](Session &session, int i) { session.setValue(QStringLiteral("n"), i); });
    QCOMPARE(saved.size(), count);
    // Keys that are not sessions: other prefixes, and another type under the prefix.
    for (int i = 0; i < 5; ++i) {
        const QByteArray key = "other:" + QByteArray::number(i);
        QCOMPARE(m_cluster.command(masterOf(key), { "SET", key, "x" }), QVariant(QByteArray("OK")));
    }
    QCOMPARE(m_cluster.command(masterOf("session_hash"), { "HSET", "session_hash", "f", "v" })
                 .toLongLong(),
             1);

    SessionAdmin admin(config());
    QHash<QString, int> seen;
    QSet<QByteArray> skipped;
    QByteArray cursor = "0";
    int pages = 0;
    for (;;) {
        const auto page = waitFor(admin.scan(cursor, 20));
        QVERIFY(page);
        QVERIFY2(page->ok(), qPrintable(describe(page->error)));
        QVERIFY(!page->restarted);
        for (const SessionInfo &info : page->sessions) {
            ++seen[info.id];
            QVERIFY(info.ttlMs > 0);
            QVERIFY(info.size > 0);
        }
        for (const SessionSkippedKey &key : page->skipped)
            skipped << key.key + '/' + key.type;
        ++pages;
        QVERIFY(pages < 1000);
        if (page->finished)
            break;
        QVERIFY(page->nextCursor != "0");
        cursor = page->nextCursor;
    }
    // Every session exactly once, over several pages of each master.
    QCOMPARE(seen.size(), count);
    for (const Saved &session : saved)
        QCOMPARE(seen.value(session.id), 1);
    QVERIFY2(pages >= 6, qPrintable(QString::number(pages)));
    QCOMPARE(skipped, QSet<QByteArray> { "session_hash/hash" });

    auto counted = waitFor(admin.count());
    QVERIFY(counted && counted->ok());
    QCOMPARE(counted->count, count);
    auto size = waitFor(admin.databaseSize());
    QVERIFY(size && size->ok());
    QCOMPARE(size->count, count + 5 + 1);

    // Forty IDs of sessions on every master, and one that never was.
    QStringList doomed;
    QSet<quint16> doomedMasters;
    for (int i = 0; i < 40; ++i) {
        doomed << saved.at(i).id;
        doomedMasters << masterOf(store->keyFor(saved.at(i).id));
    }
    QCOMPARE(doomedMasters.size(), 3);
    doomed << RedisStore::generateId();
    const auto removed = waitFor(admin.remove(doomed));
    QVERIFY(removed);
    QVERIFY2(removed->ok(), qPrintable(describe(removed->error)));
    QCOMPARE(removed->deleted, 40);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(existsOnItsMaster(store->keyFor(saved.at(i).id)), 0);
    QCOMPARE(existsOnItsMaster(store->keyFor(saved.at(40).id)), 1);
    counted = waitFor(admin.count());
    QVERIFY(counted && counted->ok());
    QCOMPARE(counted->count, count - 40);
}

void tst_SessionCluster::watcherHearsEveryMaster()
{
    // Keyspace events off on every master (the nodes start with them on), back as they were
    // afterwards.
    const QList<quint16> masters = m_cluster.masterPorts();
    QHash<quint16, QByteArray> flagsBefore;
    for (const quint16 port : masters) {
        flagsBefore.insert(port,
                           m_cluster.command(port, { "CONFIG", "GET", "notify-keyspace-events" })
                               .toList()
                               .value(1)
                               .toByteArray());
        QCOMPARE(m_cluster.command(port, { "CONFIG", "SET", "notify-keyspace-events", "" }),
                 QVariant(QByteArray("OK")));
    }
    const auto restore = qScopeGuard([&]() {
        for (const quint16 port : masters)
            m_cluster.command(
                port, { "CONFIG", "SET", "notify-keyspace-events", flagsBefore.value(port) });
    });
    auto store = makeStore();
    QVERIFY(store);
    SessionAdmin admin(config());
    SessionWatcher watcher(&admin);
    QSignalSpy changes(&watcher, &SessionWatcher::sessionChanged);
    watcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(watcher.mode(), SessionWatcher::Mode::Polling, 10000);
    QCOMPARE(watcher.notifications(), SessionWatcher::Notifications::Disabled);

    // Turned on on each master, since each sends its own keyspace events.
    const auto enabled = waitFor(watcher.enableNotifications());
    QVERIFY(enabled);
    QVERIFY2(enabled->ok(), qPrintable(describe(enabled->error)));
    QCOMPARE(enabled->affected, 3);
    for (const quint16 port : masters) {
        const QVariantList flags
            = m_cluster.command(port, { "CONFIG", "GET", "notify-keyspace-events" }).toList();
        QVERIFY(SessionWatcher::flagsSuffice(QString::fromLatin1(flags.value(1).toByteArray())));
    }
    QTRY_COMPARE_WITH_TIMEOUT(watcher.mode(), SessionWatcher::Mode::Listening, 10000);
    // Subscribed on every master.
    for (const quint16 port : masters)
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.command(port, { "PUBSUB", "NUMPAT" }).toLongLong() >= 1,
                                 10000);

    // A session on each master.
    QHash<quint16, Saved> onMaster;
    for (int round = 0; onMaster.size() < 3; ++round) {
        QVERIFY(round < 20);
        const QList<Saved> saved = saveMany(
            *store, 3, [](Session &session, int i) { session.setValue(QStringLiteral("n"), i); });
        QCOMPARE(saved.size(), 3);
        for (const Saved &session : saved)
            onMaster.insert(masterOf(store->keyFor(session.id)), session);
    }
    const auto heard = [&](const QString &id, SessionWatcher::Event event) {
        for (const QList<QVariant> &change : std::as_const(changes)) {
            if (change.at(0).toString() == id
                && change.at(1).value<SessionWatcher::Event>() == event)
                return true;
        }
        return false;
    };
    QStringList ids;
    for (const Saved &session : std::as_const(onMaster)) {
        QTRY_VERIFY_WITH_TIMEOUT(heard(session.id, SessionWatcher::Event::Written), 10000);
        ids << session.id;
    }
    const auto removed = waitFor(admin.remove(ids));
    QVERIFY(removed && removed->ok());
    QCOMPARE(removed->deleted, 3);
    for (const QString &id : std::as_const(ids))
        QTRY_VERIFY_WITH_TIMEOUT(heard(id, SessionWatcher::Event::Deleted), 10000);

    watcher.stop();
    for (const quint16 port : masters)
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.command(port, { "PUBSUB", "NUMPAT" }).toLongLong(), 0,
                                  10000);
}

void tst_SessionCluster::migrateUnderLoad(RedisStore &store, const QList<Saved> &sessions, int slot,
                                          quint16 from, quint16 to)
{
    // Rounds of loads and saves of every session, each sent before a step of the migration and
    // answered after it, plus new sessions: reads of moved and unmoved keys (ASK), the
    // compare-and-set script on both sides, SET NX of a new key on the target.
    QVERIFY(m_cluster.beginMigration(slot, from, to));
    const QByteArray number = QByteArray::number(slot);
    int round = 0;
    int newSessions = 0;
    while (m_cluster.command(from, { "CLUSTER", "COUNTKEYSINSLOT", number }).toLongLong() > 0) {
        QVERIFY2(round < 50, "the migration does not end");
        QList<QFuture<SessionLoadResult>> loads;
        for (const Saved &session : sessions)
            loads << store.load(sessionName, { session.cookie });
        QVERIFY(m_cluster.migrateKeys(slot, from, to, 3) >= 0);
        const QList<SessionLoadResult> loaded = waitAll(loads);
        QList<QFuture<SessionSaveResult>> saves;
        for (qsizetype i = 0; i < loaded.size(); ++i) {
            QVERIFY2(!loaded.at(i).error.isError(), qPrintable(describe(loaded.at(i).error)));
            Session session = loaded.at(i).session;
            QCOMPARE(session.id(), sessions.at(i).id);
            QCOMPARE(session.value(QStringLiteral("round")).toInt(), round);
            session.setValue(QStringLiteral("round"), round + 1);
            saves << store.save(session);
        }
        Session fresh = store.newSession(sessionName);
        fresh.setValue(QStringLiteral("new"), round);
        saves << store.save(fresh);
        ++newSessions;
        QVERIFY(m_cluster.migrateKeys(slot, from, to, 3) >= 0);
        for (const SessionSaveResult &saved : waitAll(saves))
            QVERIFY2(saved.ok(), qPrintable(describe(saved.error)));
        ++round;
    }
    QVERIFY(m_cluster.endMigration(slot, to));
    QVERIFY(m_cluster.waitUntilOk(15000));
    QCOMPARE(m_cluster.command(to, { "CLUSTER", "COUNTKEYSINSLOT", number }).toLongLong(),
             sessions.size() + newSessions);

    // The store's map still names the old master: MOVED, followed.
    for (const Saved &session : sessions) {
        const SessionLoadResult loaded = load(store, sessionName, { session.cookie });
        QVERIFY2(!loaded.error.isError(), qPrintable(describe(loaded.error)));
        QCOMPARE(loaded.session.value(QStringLiteral("round")).toInt(), round);
    }
}

void tst_SessionCluster::sessionsWhileTheirSlotMigrates()
{
    // A hash tag in the key prefix keeps every session of this store in one slot.
    auto store = makeStore({ withKeyPrefix(QStringLiteral("{migrating}session_")) });
    QVERIFY(store);
    const int slot = RedisCluster::keySlot("migrating");
    const quint16 from = m_cluster.masterOfSlot(slot);
    const QList<quint16> masters = m_cluster.masterPorts();
    const quint16 to = masters.at((masters.indexOf(from) + 1) % masters.size());
    const QList<Saved> sessions = saveMany(
        *store, 20, [](Session &session, int) { session.setValue(QStringLiteral("round"), 0); });
    QCOMPARE(sessions.size(), 20);
    const qint64 askBefore = errorCount(from, "ASK");

    migrateUnderLoad(*store, sessions, slot, from, to);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(errorCount(from, "ASK") > askBefore,
             "no command of the store was redirected with ASK");
    QVERIFY(m_cluster.moveSlot(slot, to, from));
    QVERIFY(m_cluster.waitUntilOk(15000));
}

void tst_SessionCluster::sessionsAfterAReshard()
{
    auto store = makeStore({ withKeyPrefix(QStringLiteral("{resharded}session_")) });
    QVERIFY(store);
    const int slot = RedisCluster::keySlot("resharded");
    const quint16 from = m_cluster.masterOfSlot(slot);
    const QList<quint16> masters = m_cluster.masterPorts();
    const quint16 to = masters.at((masters.indexOf(from) + 1) % masters.size());
    const QList<Saved> sessions = saveMany(
        *store, 10, [](Session &session, int i) { session.setValue(QStringLiteral("n"), i); });
    QCOMPARE(sessions.size(), 10);

    QVERIFY(m_cluster.moveSlot(slot, from, to));
    QVERIFY(m_cluster.waitUntilOk(15000));
    // Read, changed and saved again through the store that still sends them to the old master.
    for (int i = 0; i < sessions.size(); ++i) {
        SessionLoadResult loaded = load(*store, sessionName, { sessions.at(i).cookie });
        QVERIFY2(!loaded.error.isError(), qPrintable(describe(loaded.error)));
        QCOMPARE(loaded.session.value(QStringLiteral("n")).toInt(), i);
        loaded.session.setValue(QStringLiteral("n"), i + 100);
        const auto saved = save(*store, loaded.session);
        QVERIFY2(saved.ok(), qPrintable(describe(saved.error)));
        QCOMPARE(m_cluster.command(to, { "EXISTS", store->keyFor(sessions.at(i).id) }).toLongLong(),
                 1);
    }
    QVERIFY(m_cluster.moveSlot(slot, to, from));
    QVERIFY(m_cluster.waitUntilOk(15000));
    const SessionLoadResult back = load(*store, sessionName, { sessions.at(3).cookie });
    QCOMPARE(back.session.value(QStringLiteral("n")).toInt(), 103);
}

void tst_SessionCluster::unservedSlotGivesATypedErrorAtOnce()
{
    // No node serves the sessions' slot (CLUSTER DELSLOTS on every node, with
    // cluster-require-full-coverage no so that the rest of the cluster stays up): loads and
    // saves fail at once with RedisUnavailable, whose RedisError is ClusterSlotUnserved (an HTTP
    // server answers 503), instead of waiting for a timeout.
    auto store = makeStore({ withKeyPrefix(QStringLiteral("{gap}session_")) });
    QVERIFY(store);
    const int slot = RedisCluster::keySlot("gap");
    const QByteArray number = QByteArray::number(slot);
    const quint16 owner = m_cluster.masterOfSlot(slot);
    const QList<quint16> ports = m_cluster.ports();
    Session session = store->newSession(sessionName);
    session.setValue(QStringLiteral("k"), 1);
    const auto saved = save(*store, session);
    QVERIFY(saved.ok());

    const auto restore = qScopeGuard([&]() {
        m_cluster.command(owner, { "CLUSTER", "ADDSLOTS", number });
        for (const quint16 port : ports)
            m_cluster.command(port, { "CONFIG", "SET", "cluster-require-full-coverage", "yes" });
        QVERIFY(m_cluster.waitUntilOk(15000));
    });
    for (const quint16 port : ports)
        m_cluster.command(port, { "CONFIG", "SET", "cluster-require-full-coverage", "no" });
    QList<quint16> order = { owner };
    order += m_cluster.replicaPorts(owner);
    order += ports;
    const auto servedSomewhere = [&]() {
        bool served = false;
        for (const quint16 port : std::as_const(order)) {
            const QVariantList ranges = m_cluster.command(port, { "CLUSTER", "SLOTS" }).toList();
            for (const QVariant &range : ranges) {
                const QVariantList fields = range.toList();
                if (fields.value(0).toInt() <= slot && slot <= fields.value(1).toInt()) {
                    served = true;
                    m_cluster.command(port, { "CLUSTER", "DELSLOTS", number });
                }
            }
        }
        return served;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!servedSomewhere(), 10000);

    QElapsedTimer clock;
    clock.start();
    const SessionLoadResult loaded = load(*store, sessionName, { cookieFrom(saved.setCookie) });
    QCOMPARE(loaded.error.code(), SessionError::Code::RedisUnavailable);
    QCOMPARE(loaded.error.redisError().code(), RedisError::Code::ClusterSlotUnserved);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    clock.restart();
    Session fresh = store->newSession(sessionName);
    fresh.setValue(QStringLiteral("k"), 2);
    const auto refused = save(*store, fresh);
    QCOMPARE(refused.error.code(), SessionError::Code::RedisUnavailable);
    QCOMPARE(refused.error.redisError().code(), RedisError::Code::ClusterSlotUnserved);
    QVERIFY(refused.setCookie.isEmpty());
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
}

void tst_SessionCluster::acknowledgedSavesSurviveAFailover()
{
    // Each save waits for a replica's acknowledgement (WAIT 1): a master killed right after
    // loses none of them when its replica takes over.
    auto store = makeStore({ withReplicaAcks(1, 1000) });
    QVERIFY(store);
    const int count = 60;
    const QList<Saved> saved = saveMany(
        *store, count, [](Session &session, int i) { session.setValue(QStringLiteral("n"), i); });
    QCOMPARE(saved.size(), count);
    const quint16 victim = m_cluster.masterPorts().at(0);
    int onVictim = 0;
    for (const Saved &session : saved)
        onVictim += masterOf(store->keyFor(session.id)) == victim ? 1 : 0;
    QVERIFY(onVictim > 0);

    QElapsedTimer clock;
    clock.start();
    m_cluster.kill(victim);
    const quint16 promoted = m_cluster.waitForFailover(victim);
    QVERIFY2(promoted != 0, qPrintable(m_cluster.logTail(m_cluster.replicaPorts(victim).value(0))));
    qInfo("%d of %d acknowledged sessions were on the killed master; its replica took over in "
          "%lld ms",
          onVictim, count, clock.elapsed());

    QList<QFuture<SessionLoadResult>> loads;
    for (const Saved &session : saved)
        loads << store->load(sessionName, { session.cookie });
    const QList<SessionLoadResult> loaded = waitAll(loads);
    int lost = 0;
    for (int i = 0; i < count; ++i) {
        QVERIFY2(!loaded.at(i).error.isError(), qPrintable(describe(loaded.at(i).error)));
        if (loaded.at(i).session.isNew() || loaded.at(i).session.value(QStringLiteral("n")) != i)
            ++lost;
    }
    QCOMPARE(lost, 0);

    // Until the old master is back as its replica, the promoted master cannot acknowledge.
    QVERIFY(m_cluster.restart(victim));
    QVERIFY(m_cluster.waitUntilOk(20000));
    QCOMPARE(m_cluster.replicaPorts(promoted), QList<quint16> { victim });
    const QList<Saved> after = saveMany(
        *store, 30, [](Session &session, int i) { session.setValue(QStringLiteral("n"), i); });
    QCOMPARE(after.size(), 30);
}

void tst_SessionCluster::cleanupTestCase()
{
    m_cluster.stop();
}

QTEST_GUILESS_MAIN(tst_SessionCluster)
#include "tst_sessioncluster.moc"
