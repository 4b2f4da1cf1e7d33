#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/redisstore.h>

#include "storetesthelpers.h"

#include <QtCore/QFuture>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

// Concurrent requests on one session lose nothing: compare-and-set saves, merges by key,
// update() re-runs, in-process queueing, and a session that is gone stays gone.
class tst_SessionConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void sixtyFourUpdatesKeepSixtyFourChanges();
    void updatesFromTwoStoresKeepEveryChange();
    void twoRequestsChangingDifferentKeysKeepBoth();
    void theKeysARequestChangedWinAConflict();
    void goSetexBetweenLoadAndSaveIsAConflict();
    void updateGivesConflictWhenAlwaysContended();
    void logoutRacingASlowSaveStaysLoggedOut();
    void unchangedSessionThatIsGoneIsNotRecreated();
    void newSessionIsCreatedOnlyIfItsIdIsFree();
    void storedBytesAreWhatGoWrites();
    void savesGoOnAfterAScriptFlush();
    void lastWriteWinsKeepsGosBehaviour();
    void storeDeletedWithWritesPendingCompletesThemAll();
    void storeDeletedInACallbackIsSafe();
    void regeneratedIdKeepsAChangeMadeMeanwhile();
    void updateThatLogsOutDeletesTheSession();
    void destroyWaitsForASaveOfTheSameHandle();

private:
    // A stored session with values, and the Cookie header that names it.
    QByteArray storedSession(RedisStore &store, const QVariantMap &values);
    QVariantMap storedValues(RedisStore &store, const QString &id);

    RedisServer m_server;
};

void tst_SessionConcurrency::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionConcurrency::init()
{
    m_server.command({ "FLUSHALL" });
}

QByteArray tst_SessionConcurrency::storedSession(RedisStore &store, const QVariantMap &values)
{
    Session session = store.newSession("s");
    session.setValues(values);
    const SessionSaveResult saved = save(store, session);
    if (!saved.ok())
        qWarning("%s", qPrintable(saved.error.message()));
    return cookieFrom(saved.setCookie);
}

QVariantMap tst_SessionConcurrency::storedValues(RedisStore &store, const QString &id)
{
    const QVariant bytes = m_server.command({ "GET", store.keyFor(id) });
    auto values
        = SessionSerializer::byName(QStringLiteral("datastream"))->deserialize(bytes.toByteArray());
    return values.ok() ? values.value() : QVariantMap();
}

void tst_SessionConcurrency::sixtyFourUpdatesKeepSixtyFourChanges()
{
    auto store = makeStore(m_server, { withMaxLength(0) });
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("cart"), QVariantList() } });
    // 64 requests load the same session, then all update it at once.
    QList<Session> sessions;
    for (int i = 0; i < 64; ++i) {
        const SessionLoadResult loaded = load(*store, "s", { cookie });
        QVERIFY(!loaded.session.isNew());
        sessions.append(loaded.session);
    }
    QList<QFuture<SessionSaveResult>> updates;
    for (int i = 0; i < 64; ++i) {
        updates.append(store->update(sessions.at(i), [i](Session &session) {
            QVariantList cart = session.value(QStringLiteral("cart")).toList();
            cart.append(i);
            session.setValue(QStringLiteral("cart"), cart);
        }));
    }
    for (const auto &update : std::as_const(updates)) {
        const auto result = waitFor(update);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error.message()));
    }
    const QVariantList cart
        = storedValues(*store, sessions.first().id()).value(QStringLiteral("cart")).toList();
    QCOMPARE(cart.size(), 64);
    QSet<int> seen;
    for (const QVariant &item : cart)
        seen.insert(item.toInt());
    QCOMPARE(seen.size(), 64);
}

void tst_SessionConcurrency::updatesFromTwoStoresKeepEveryChange()
{
    // Two stores are two processes: their writes meet in Redis, and retries settle it.
    auto first = makeStore(
        m_server, { withMaxLength(0), withConcurrency(SessionConcurrency::CompareAndSet, 40) });
    auto second = makeStore(
        m_server, { withMaxLength(0), withConcurrency(SessionConcurrency::CompareAndSet, 40) });
    QVERIFY(first && second);
    const QByteArray cookie = storedSession(*first, { { QStringLiteral("n"), 0 } });
    QList<QFuture<SessionSaveResult>> updates;
    QString id;
    for (int i = 0; i < 32; ++i) {
        RedisStore &store = i % 2 ? *second : *first;
        const SessionLoadResult loaded = load(store, "s", { cookie });
        id = loaded.session.id();
        updates.append(store.update(loaded.session, [](Session &session) {
            session.setValue(QStringLiteral("n"), session.value(QStringLiteral("n")).toInt() + 1);
        }));
    }
    for (const auto &update : std::as_const(updates)) {
        const auto result = waitFor(update);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error.message()));
    }
    QCOMPARE(storedValues(*first, id).value(QStringLiteral("n")).toInt(), 32);
}

void tst_SessionConcurrency::twoRequestsChangingDifferentKeysKeepBoth()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    Session one = load(*store, "s", { cookie }).session;
    Session two = load(*store, "s", { cookie }).session;
    one.setValue(QStringLiteral("x"), QStringLiteral("from one"));
    two.setValue(QStringLiteral("y"), QStringLiteral("from two"));
    auto savedOne = store->save(one);
    auto savedTwo = store->save(two);
    QVERIFY(waitFor(savedOne)->ok());
    QVERIFY(waitFor(savedTwo)->ok());
    const QVariantMap stored = storedValues(*store, one.id());
    QCOMPARE(stored.value(QStringLiteral("a")).toInt(), 1);
    QCOMPARE(stored.value(QStringLiteral("x")).toString(), QStringLiteral("from one"));
    QCOMPARE(stored.value(QStringLiteral("y")).toString(), QStringLiteral("from two"));
    // The second save merged: its handle holds what it wrote.
    QCOMPARE(two.value(QStringLiteral("x")).toString(), QStringLiteral("from one"));
}

void tst_SessionConcurrency::theKeysARequestChangedWinAConflict()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(
        *store,
        { { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 2 }, { QStringLiteral("c"), 3 } });
    Session one = load(*store, "s", { cookie }).session;
    Session two = load(*store, "s", { cookie }).session;
    one.setValue(QStringLiteral("a"), 10);
    one.remove(QStringLiteral("b"));
    QVERIFY(save(*store, one).ok());
    two.setValue(QStringLiteral("a"), 20); // two changed a too: the later writer's a wins
    two.setValue(QStringLiteral("c"), 30);
    QVERIFY(save(*store, two).ok());
    const QVariantMap stored = storedValues(*store, one.id());
    QCOMPARE(stored.value(QStringLiteral("a")).toInt(), 20);
    QVERIFY(!stored.contains(QStringLiteral("b"))); // one's removal stays
    QCOMPARE(stored.value(QStringLiteral("c")).toInt(), 30);
}

void tst_SessionConcurrency::goSetexBetweenLoadAndSaveIsAConflict()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    Session ours = load(*store, "s", { cookie }).session;
    // Another service (Go's redistore: a plain SETEX) writes the session meanwhile.
    const auto theirs = SessionSerializer::byName(QStringLiteral("datastream"))
                            ->serialize({ { QStringLiteral("a"), 1 },
                                          { QStringLiteral("go"), QStringLiteral("was here") } });
    QVERIFY(theirs.ok());
    QCOMPARE(m_server.command({ "SETEX", store->keyFor(ours.id()), "600", theirs.value() })
                 .toByteArray(),
             QByteArray("OK"));
    ours.setValue(QStringLiteral("qt"), true);
    QVERIFY(save(*store, ours).ok());
    const QVariantMap stored = storedValues(*store, ours.id());
    QCOMPARE(stored.value(QStringLiteral("go")).toString(), QStringLiteral("was here"));
    QCOMPARE(stored.value(QStringLiteral("qt")).toBool(), true);
}

void tst_SessionConcurrency::updateGivesConflictWhenAlwaysContended()
{
    auto store = makeStore(m_server, { withConcurrency(SessionConcurrency::CompareAndSet, 3) });
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("n"), 0 } });
    Session session = load(*store, "s", { cookie }).session;
    const QByteArray key = store->keyFor(session.id());
    int runs = 0;
    // Another process writes the session every time the change runs.
    const auto result = waitFor(store->update(session, [&](Session &s) {
        ++runs;
        const auto other = SessionSerializer::byName(QStringLiteral("datastream"))
                               ->serialize({ { QStringLiteral("n"), 1000 + runs } });
        m_server.command({ "SETEX", key, "600", other.value() });
        s.setValue(QStringLiteral("n"), s.value(QStringLiteral("n")).toInt() + 1);
    }));
    QVERIFY(result);
    QCOMPARE(result->error.code(), SessionError::Code::Conflict);
    QCOMPARE(runs, 3);
    QCOMPARE(storedValues(*store, session.id()).value(QStringLiteral("n")).toInt(), 1003);
    // The handle is as it was before the update: a retry does not count twice.
    QCOMPARE(session.value(QStringLiteral("n")).toInt(), 0);
    QVERIFY(!session.isModified());
}

void tst_SessionConcurrency::logoutRacingASlowSaveStaysLoggedOut()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie
        = storedSession(*store, { { QStringLiteral("user"), QStringLiteral("alice") } });
    Session slow = load(*store, "s", { cookie }).session;
    Session logout = load(*store, "s", { cookie }).session;
    const QString id = slow.id();
    QVERIFY(waitFor(store->destroy(logout))->ok());
    slow.setValue(QStringLiteral("cart"), QVariantList { QStringLiteral("tea") });
    const SessionSaveResult saved = save(*store, slow);
    QCOMPARE(saved.error.code(), SessionError::Code::SessionGone);
    // No cookie: an expired one could delete the cookie of a login in a parallel request.
    QVERIFY(saved.setCookie.isEmpty());
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(id) }).toLongLong(), 0);
    // The handle is a new visitor's now: nothing of the old session comes back.
    QVERIFY(slow.isNew());
    QVERIFY(slow.values().isEmpty());
    QVERIFY(slow.id().isEmpty());
    // An update on a gone session reports it as well.
    Session again = load(*store, "s", { cookie }).session;
    QVERIFY(again.isNew()); // the cookie's data is gone
}

void tst_SessionConcurrency::unchangedSessionThatIsGoneIsNotRecreated()
{
    auto store = makeStore(m_server, { withLazySave(false) });
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    Session session = load(*store, "s", { cookie }).session;
    m_server.command({ "DEL", store->keyFor(session.id()) });
    const QString id = session.id();
    QCOMPARE(save(*store, session).error.code(), SessionError::Code::SessionGone);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(id) }).toLongLong(), 0);
}

void tst_SessionConcurrency::newSessionIsCreatedOnlyIfItsIdIsFree()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    Session session = store->newSession("s");
    session.setValue(QStringLiteral("a"), 1);
    QVERIFY(save(*store, session).ok());
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(session.id()) }).toLongLong(), 1);
    // A regenerated ID: the new key exists, the old one is gone.
    const QString oldId = session.id();
    session.regenerateId();
    QVERIFY(save(*store, session).ok());
    QVERIFY(session.id() != oldId);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(oldId) }).toLongLong(), 0);
    QCOMPARE(storedValues(*store, session.id()).value(QStringLiteral("a")).toInt(), 1);
    // A regenerated ID of a session logged out meanwhile brings nothing back.
    m_server.command({ "DEL", store->keyFor(session.id()) });
    session.setValue(QStringLiteral("b"), 2);
    session.regenerateId();
    QCOMPARE(save(*store, session).error.code(), SessionError::Code::SessionGone);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
}

void tst_SessionConcurrency::storedBytesAreWhatGoWrites()
{
    // Compare-and-set changes how a save writes, not what: the bytes are the serializer's.
    auto store
        = makeStore(m_server, { withSerializer(SessionSerializer::byName(QStringLiteral("gob"))) });
    QVERIFY(store);
    Session session = store->newSession("s");
    session.setValue(QStringLiteral("user"), QStringLiteral("alice"));
    QVERIFY(save(*store, session).ok());
    session.setValue(QStringLiteral("n"), 2);
    QVERIFY(save(*store, session).ok());
    const auto expected
        = SessionSerializer::byName(QStringLiteral("gob"))->serialize(session.values());
    QCOMPARE(m_server.command({ "GET", store->keyFor(session.id()) }).toByteArray(),
             expected.value());
    const qint64 ttl = m_server.command({ "TTL", store->keyFor(session.id()) }).toLongLong();
    QVERIFY(ttl > 2591000 && ttl <= 2592000); // MaxAge: 30 days, as Go's
}

void tst_SessionConcurrency::savesGoOnAfterAScriptFlush()
{
    // A restarted or flushed server forgets the script: it is sent again, once, by its text.
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("n"), 1 } });
    Session session = load(*store, "s", { cookie }).session;
    session.setValue(QStringLiteral("n"), 2);
    QVERIFY(save(*store, session).ok());
    QCOMPARE(m_server.command({ "SCRIPT", "FLUSH" }).toByteArray(), QByteArray("OK"));
    QCOMPARE(m_server.command({ "CONFIG", "RESETSTAT" }).toByteArray(), QByteArray("OK"));
    session.setValue(QStringLiteral("n"), 3);
    QVERIFY(save(*store, session).ok());
    QCOMPARE(storedValues(*store, session.id()).value(QStringLiteral("n")).toInt(), 3);
    const QByteArray stats = m_server.command({ "INFO", "commandstats" }).toByteArray();
    QVERIFY2(stats.contains("cmdstat_eval:calls=1,"), stats.constData());
}

void tst_SessionConcurrency::lastWriteWinsKeepsGosBehaviour()
{
    auto store = makeStore(m_server, { withConcurrency(SessionConcurrency::LastWriteWins) });
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    Session one = load(*store, "s", { cookie }).session;
    Session two = load(*store, "s", { cookie }).session;
    one.setValue(QStringLiteral("x"), 1);
    two.setValue(QStringLiteral("y"), 2);
    QVERIFY(save(*store, one).ok());
    QVERIFY(save(*store, two).ok());
    const QVariantMap stored = storedValues(*store, one.id());
    QVERIFY(!stored.contains(QStringLiteral("x"))); // the last write won
    QCOMPARE(stored.value(QStringLiteral("y")).toInt(), 2);
}

void tst_SessionConcurrency::storeDeletedWithWritesPendingCompletesThemAll()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    QList<Session> sessions;
    for (int i = 0; i < 8; ++i)
        sessions.append(load(*store, "s", { cookie }).session);
    QList<QFuture<SessionSaveResult>> writes;
    for (int i = 0; i < 8; ++i) {
        Session session = sessions.at(i);
        session.setValue(QStringLiteral("i"), i);
        writes.append(i % 2 ? store->save(session) : store->update(session, [](Session &s) {
            s.setValue(QStringLiteral("u"), 1);
        }));
    }
    auto revoked = store->ping();
    store.reset();
    for (const auto &write : std::as_const(writes)) {
        const auto result = waitFor(write);
        QVERIFY(result); // finished, not cancelled
        QCOMPARE(result->error.code(), SessionError::Code::InvalidSession);
    }
    QVERIFY(waitFor(revoked));
}

void tst_SessionConcurrency::storeDeletedInACallbackIsSafe()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    Session one = load(*store, "s", { cookie }).session;
    Session two = load(*store, "s", { cookie }).session;
    one.setValue(QStringLiteral("b"), 2);
    two.setValue(QStringLiteral("c"), 3);
    QObject context;
    bool firstDone = false;
    bool secondDone = false;
    // The first save's callback deletes the store while the second waits in its queue.
    store->save(one, &context, [&](const SessionSaveResult &) {
        firstDone = true;
        store.reset();
    });
    store->save(two, &context, [&](const SessionSaveResult &result) {
        secondDone = true;
        QCOMPARE(result.error.code(), SessionError::Code::InvalidSession);
    });
    QTRY_VERIFY(firstDone);
    QTRY_VERIFY(secondDone);
}

void tst_SessionConcurrency::regeneratedIdKeepsAChangeMadeMeanwhile()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    Session login = load(*store, "s", { cookie }).session;
    Session cart = load(*store, "s", { cookie }).session;
    const QString oldId = login.id();
    cart.setValue(QStringLiteral("cart"), QStringLiteral("tea"));
    QVERIFY(save(*store, cart).ok());
    login.setValue(QStringLiteral("user"), QStringLiteral("alice"));
    login.regenerateId();
    QVERIFY(save(*store, login).ok());
    QVERIFY(login.id() != oldId);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(oldId) }).toLongLong(), 0);
    const QVariantMap stored = storedValues(*store, login.id());
    QCOMPARE(stored.value(QStringLiteral("cart")).toString(), QStringLiteral("tea"));
    QCOMPARE(stored.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
    QCOMPARE(stored.value(QStringLiteral("a")).toInt(), 1);
}

void tst_SessionConcurrency::updateThatLogsOutDeletesTheSession()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const QByteArray cookie = storedSession(*store, { { QStringLiteral("a"), 1 } });
    Session session = load(*store, "s", { cookie }).session;
    const QString id = session.id();
    const auto result = waitFor(store->update(session, [](Session &s) { s.setMaxAge(-1); }));
    QVERIFY(result && result->ok());
    QVERIFY(result->setCookie.contains("Max-Age=0"));
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(id) }).toLongLong(), 0);
}

void tst_SessionConcurrency::destroyWaitsForASaveOfTheSameHandle()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    Session session = store->newSession("s");
    session.setValue(QStringLiteral("user"), QStringLiteral("alice"));
    auto saved = store->save(session);
    auto destroyed = store->destroy(session); // while the save is in flight
    QVERIFY(waitFor(saved)->ok());
    QVERIFY(waitFor(destroyed)->ok());
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
}

QTEST_GUILESS_MAIN(tst_SessionConcurrency)
#include "tst_sessionconcurrency.moc"
