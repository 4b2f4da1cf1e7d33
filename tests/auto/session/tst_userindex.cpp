#include <libredistore/session/redisstore.h>
#include <libredistore/session/sessionadmin.h>

#include "storetesthelpers.h"

#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

// The per-user index: sessionsOfUser() and revokeUser() ("log out everywhere").
class tst_UserIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void sessionsOfAUserAreListed();
    void indexFollowsAChangeOfUserAndDestroy();
    void regeneratedIdMovesInTheIndex();
    void indexKeysLiveOutsideThePrefixWithATtl();
    void revokeUserEndsEverySession();
    void revokeUserWithSavesInFlightLeavesNothing();
    void goneSessionsLeaveTheIndexWhenRead();
    void regeneratingARevokedSessionBringsNothingBack();
    void withoutTheOptionTheCallsAreRefused();
    void sessionAdminListsAndRevokesByUser();
    void indexKeysNeverListedAsSessions();
    void anonymousSessionsLiveShorter();
    void readOnlyListingWritesNothing();

private:
    Session loggedIn(RedisStore &store, const QString &user);

    RedisServer m_server;
};

void tst_UserIndex::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_UserIndex::init()
{
    m_server.command({ "FLUSHALL" });
}

void tst_UserIndex::anonymousSessionsLiveShorter()
{
    auto store
        = makeStore(m_server, { withUserIndex(QStringLiteral("user")), withAnonymousMaxAge(600) });
    QVERIFY(store);
    // A visitor's cart: 10 minutes in Redis and in the browser.
    Session session = store->newSession("s");
    session.setValue(QStringLiteral("cart"), 1);
    SessionSaveResult saved = save(*store, session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    QVERIFY(saved.setCookie.contains("Max-Age=600"));
    qint64 ttl = m_server.command({ "TTL", store->keyFor(session.id()) }).toLongLong();
    QVERIFY2(ttl > 590 && ttl <= 600, qPrintable(QString::number(ttl)));

    // Logged in: the full MaxAge from this save on.
    session.setValue(QStringLiteral("user"), QStringLiteral("alice"));
    saved = save(*store, session);
    QVERIFY(saved.ok());
    QVERIFY(saved.setCookie.contains("Max-Age=2592000"));
    ttl = m_server.command({ "TTL", store->keyFor(session.id()) }).toLongLong();
    QVERIFY2(ttl > 2591000, qPrintable(QString::number(ttl)));

    // Logged out but kept (the user removed): short again.
    session.remove(QStringLiteral("user"));
    QVERIFY(save(*store, session).ok());
    ttl = m_server.command({ "TTL", store->keyFor(session.id()) }).toLongLong();
    QVERIFY2(ttl > 590 && ttl <= 600, qPrintable(QString::number(ttl)));

    // A browser-session cookie (MaxAge 0) stays one; the data lives at most 120 s.
    auto browserOnly = makeStore(
        m_server,
        { withUserIndex(QStringLiteral("user")), withAnonymousMaxAge(120), withMaxAge(0) });
    Session visitor = browserOnly->newSession("s");
    visitor.setValue(QStringLiteral("cart"), 2);
    saved = save(*browserOnly, visitor);
    QVERIFY(saved.ok());
    QVERIFY(!saved.setCookie.contains("Max-Age"));
    ttl = m_server.command({ "TTL", browserOnly->keyFor(visitor.id()) }).toLongLong();
    QVERIFY2(ttl > 110 && ttl <= 120, qPrintable(QString::number(ttl)));

    // Without the index the option has no user to look for: refused.
    auto refused = RedisStore::create(
        KeyRing::keys({ hashKey }),
        { withAddress(QStringLiteral("tcp"), QStringLiteral("127.0.0.1:%1").arg(m_server.port())),
          withAnonymousMaxAge(600) });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), SessionError::Code::ConflictingOptions);
    refused
        = RedisStore::create(KeyRing::keys({ hashKey }),
                             { withUrl(QStringLiteral("redis://127.0.0.1:1")),
                               withUserIndex(QStringLiteral("user")), withAnonymousMaxAge(-1) });
    QCOMPARE(refused.error().code(), SessionError::Code::InvalidOption);
    // Not longer than the refresh threshold: an active guest's session would run out.
    refused
        = RedisStore::create(KeyRing::keys({ hashKey }),
                             { withUrl(QStringLiteral("redis://127.0.0.1:1")),
                               withUserIndex(QStringLiteral("user")), withAnonymousMaxAge(60) });
    QCOMPARE(refused.error().code(), SessionError::Code::ConflictingOptions);
}

Session tst_UserIndex::loggedIn(RedisStore &store, const QString &user)
{
    Session session = store.newSession("s");
    session.setValue(QStringLiteral("user"), user);
    const SessionSaveResult saved = save(store, session);
    if (!saved.ok())
        qWarning("%s", qPrintable(saved.error.message()));
    return session;
}

void tst_UserIndex::sessionsOfAUserAreListed()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    const Session a1 = loggedIn(*store, QStringLiteral("alice"));
    const Session a2 = loggedIn(*store, QStringLiteral("alice"));
    const Session b1 = loggedIn(*store, QStringLiteral("bob"));
    Session anonymous = store->newSession("s");
    anonymous.setValue(QStringLiteral("cart"), 1);
    QVERIFY(save(*store, anonymous).ok());

    const auto alice = waitFor(store->sessionsOfUser(QStringLiteral("alice")));
    QVERIFY(alice && alice->ok());
    QStringList ids = alice->ids();
    ids.sort();
    QStringList expected { a1.id(), a2.id() };
    expected.sort();
    QCOMPARE(ids, expected);
    for (const UserSession &session : alice->sessions)
        QVERIFY(session.ttlMs > 2591000000 && session.ttlMs <= 2592000000); // 30 days
    const auto bob = waitFor(store->sessionsOfUser(QStringLiteral("bob")));
    QCOMPARE(bob->ids(), QStringList { b1.id() });
    const auto nobody = waitFor(store->sessionsOfUser(QStringLiteral("carol")));
    QVERIFY(nobody->ok());
    QVERIFY(nobody->sessions.isEmpty());
}

void tst_UserIndex::indexFollowsAChangeOfUserAndDestroy()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    const Session saved = loggedIn(*store, QStringLiteral("alice"));
    Session session = saved;
    session.setValue(QStringLiteral("user"), QStringLiteral("bob"));
    QVERIFY(save(*store, session).ok());
    QVERIFY(waitFor(store->sessionsOfUser(QStringLiteral("alice")))->sessions.isEmpty());
    QCOMPARE(waitFor(store->sessionsOfUser(QStringLiteral("bob")))->ids(),
             QStringList { session.id() });
    // No user: out of every index.
    session.remove(QStringLiteral("user"));
    QVERIFY(save(*store, session).ok());
    QVERIFY(waitFor(store->sessionsOfUser(QStringLiteral("bob")))->sessions.isEmpty());
    // Destroy takes it out too.
    session.setValue(QStringLiteral("user"), QStringLiteral("bob"));
    QVERIFY(save(*store, session).ok());
    QCOMPARE(waitFor(store->sessionsOfUser(QStringLiteral("bob")))->sessions.size(), 1);
    QVERIFY(waitFor(store->destroy(session))->ok());
    QVERIFY(waitFor(store->sessionsOfUser(QStringLiteral("bob")))->sessions.isEmpty());
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
}

void tst_UserIndex::regeneratedIdMovesInTheIndex()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    Session session = loggedIn(*store, QStringLiteral("alice"));
    const QString oldId = session.id();
    session.regenerateId();
    QVERIFY(save(*store, session).ok());
    QVERIFY(session.id() != oldId);
    QCOMPARE(waitFor(store->sessionsOfUser(QStringLiteral("alice")))->ids(),
             QStringList { session.id() });
}

void tst_UserIndex::indexKeysLiveOutsideThePrefixWithATtl()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    loggedIn(*store, QStringLiteral("alice"));
    const QVariantList sessions = m_server.command({ "KEYS", "session_*" }).toList();
    QCOMPARE(sessions.size(), 1); // the index is not under the session prefix
    const QByteArray index = "redistore:user:session_:alice";
    QCOMPARE(m_server.command({ "TYPE", index }).toByteArray(), QByteArray("zset"));
    const qint64 ttl = m_server.command({ "PTTL", index }).toLongLong();
    QVERIFY2(ttl > 2591000000 && ttl <= 2592001000, qPrintable(QString::number(ttl)));
}

void tst_UserIndex::revokeUserEndsEverySession()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(loggedIn(*store, QStringLiteral("alice")).id());
    const Session bob = loggedIn(*store, QStringLiteral("bob"));
    const auto revoked = waitFor(store->revokeUser(QStringLiteral("alice")));
    QVERIFY(revoked && revoked->ok());
    QCOMPARE(revoked->ended, 5);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(m_server.command({ "EXISTS", store->keyFor(id) }).toLongLong(), 0);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(bob.id()) }).toLongLong(), 1);
    QVERIFY(waitFor(store->sessionsOfUser(QStringLiteral("alice")))->sessions.isEmpty());
    QCOMPARE(waitFor(store->revokeUser(QStringLiteral("alice")))->ended, 0);
}

void tst_UserIndex::revokeUserWithSavesInFlightLeavesNothing()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    auto other = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store && other);
    QList<Session> sessions;
    for (int i = 0; i < 10; ++i)
        sessions.append(loggedIn(*store, QStringLiteral("alice")));
    // Each session is saved again, changed, while another process revokes the user.
    QList<QFuture<SessionSaveResult>> saves;
    for (int i = 0; i < sessions.size(); ++i) {
        sessions[i].setValue(QStringLiteral("visits"), i);
        saves.append(store->save(sessions[i]));
    }
    auto revoked = other->revokeUser(QStringLiteral("alice"));
    for (const auto &pending : std::as_const(saves))
        QVERIFY(waitFor(pending));
    QVERIFY(waitFor(revoked)->ok());
    // Another round of saves after the revocation: all find their session gone.
    for (Session &session : sessions) {
        if (session.isNew())
            continue; // already found gone
        session.setValue(QStringLiteral("late"), true);
        QCOMPARE(save(*store, session).error.code(), SessionError::Code::SessionGone);
    }
    QCOMPARE(m_server.command({ "KEYS", "session_*" }).toList().size(), 0);
    QVERIFY(waitFor(store->sessionsOfUser(QStringLiteral("alice")))->sessions.isEmpty());
}

void tst_UserIndex::regeneratingARevokedSessionBringsNothingBack()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    auto other = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store && other);
    Session session = loggedIn(*store, QStringLiteral("alice"));
    const QByteArray cookie = cookieFrom(save(*store,
                                              [&] {
                                                  session.setValue(QStringLiteral("n"), 1);
                                                  return session;
                                              }())
                                             .setCookie);
    Session loaded = load(*store, "s", { cookie }).session;
    QVERIFY(!loaded.isNew());
    // Revoked by another process between this request's load and its save with a new ID.
    QCOMPARE(waitFor(other->revokeUser(QStringLiteral("alice")))->ended, 1);
    loaded.regenerateId();
    loaded.setValue(QStringLiteral("n"), 2);
    QCOMPARE(save(*store, loaded).error.code(), SessionError::Code::SessionGone);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
    // And the race the other way: the index moved to the new ID before the revocation took it.
    Session again = loggedIn(*store, QStringLiteral("alice"));
    again.regenerateId();
    QVERIFY(save(*store, again).ok());
    QCOMPARE(waitFor(other->revokeUser(QStringLiteral("alice")))->ended, 1);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
}

void tst_UserIndex::goneSessionsLeaveTheIndexWhenRead()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    const Session kept = loggedIn(*store, QStringLiteral("alice"));
    const Session dropped = loggedIn(*store, QStringLiteral("alice"));
    m_server.command({ "DEL", store->keyFor(dropped.id()) }); // e.g. deleted by an operator
    QCOMPARE(waitFor(store->sessionsOfUser(QStringLiteral("alice")))->ids(),
             QStringList { kept.id() });
    // A round trip after the read: the pruning ZREM went before it.
    QVERIFY(waitFor(store->ping()));
    QCOMPARE(m_server.command({ "ZCARD", "redistore:user:session_:alice" }).toLongLong(), 1);
}

void tst_UserIndex::withoutTheOptionTheCallsAreRefused()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    auto listed = store->sessionsOfUser(QStringLiteral("alice"));
    QVERIFY(!listed.isFinished()); // delivered later, like every result
    QCOMPARE(waitFor(listed)->error.code(), SessionError::Code::InvalidOption);
    QCOMPARE(waitFor(store->revokeUser(QStringLiteral("alice")))->error.code(),
             SessionError::Code::InvalidOption);
}

void tst_UserIndex::sessionAdminListsAndRevokesByUser()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    const Session one = loggedIn(*store, QStringLiteral("erin"));
    const Session two = loggedIn(*store, QStringLiteral("erin"));
    SessionAdmin admin(RedisConfig::fromUrl(m_server.url()).value());
    admin.setReadOnly(true);
    const auto listed = waitFor(admin.sessionsOfUser(QStringLiteral("erin")));
    QVERIFY(listed && listed->ok());
    QStringList ids = listed->ids();
    ids.sort();
    QStringList expected { one.id(), two.id() };
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(waitFor(admin.revokeUser(QStringLiteral("erin")))->error.code(),
             SessionError::Code::ReadOnly);
    admin.setReadOnly(false);
    const auto revoked = waitFor(admin.revokeUser(QStringLiteral("erin")));
    QVERIFY(revoked && revoked->ok());
    QCOMPARE(revoked->ended, 2);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
}

void tst_UserIndex::readOnlyListingWritesNothing()
{
    auto store = makeStore(m_server, { withUserIndex(QStringLiteral("user")) });
    QVERIFY(store);
    const Session live = loggedIn(*store, QStringLiteral("gina"));
    const Session gone = loggedIn(*store, QStringLiteral("gina"));
    m_server.command({ "DEL", store->keyFor(gone.id()) });
    const QByteArray index = "redistore:user:session_:gina";
    QCOMPARE(m_server.command({ "ZCARD", index }).toLongLong(), 2);

    // A read-only admin lists the live session and leaves the index as it is.
    SessionAdmin admin(RedisConfig::fromUrl(m_server.url()).value());
    admin.setReadOnly(true);
    auto listed = waitFor(admin.sessionsOfUser(QStringLiteral("gina")));
    QVERIFY(listed && listed->ok());
    QCOMPARE(listed->ids(), QStringList { live.id() });
    QCOMPARE(m_server.command({ "ZCARD", index }).toLongLong(), 2);

    // So does an admin whose Redis user may only read (its script is refused: NOPERM).
    m_server.command(
        { "ACL", "SETUSER", "reader", "on", ">reader-pw", "~*", "+@read", "+@connection" });
    auto config = RedisConfig::fromUrl(
        QStringLiteral("redis://reader:reader-pw@127.0.0.1:%1/0").arg(m_server.port()));
    QVERIFY(config.ok());
    SessionAdmin reader(config.value());
    listed = waitFor(reader.sessionsOfUser(QStringLiteral("gina")));
    QVERIFY(listed);
    QVERIFY2(listed->ok(), qPrintable(listed->error.message()));
    QCOMPARE(listed->ids(), QStringList { live.id() });
    QCOMPARE(m_server.command({ "ZCARD", index }).toLongLong(), 2);
    QCOMPARE(waitFor(reader.revokeUser(QStringLiteral("gina")))->error.code(),
             SessionError::Code::RedisCommandFailed);
    m_server.command({ "ACL", "DELUSER", "reader" });

    // A writer prunes the gone entry on the way.
    admin.setReadOnly(false);
    listed = waitFor(admin.sessionsOfUser(QStringLiteral("gina")));
    QCOMPARE(listed->ids(), QStringList { live.id() });
    QCOMPARE(m_server.command({ "ZCARD", index }).toLongLong(), 1);
}

void tst_UserIndex::indexKeysNeverListedAsSessions()
{
    // A prefix that the index namespace starts with: the listing still shows sessions only.
    auto store = makeStore(
        m_server,
        { withUserIndex(QStringLiteral("user")), withKeyPrefix(QStringLiteral("redistore:")) });
    QVERIFY(store);
    const Session session = loggedIn(*store, QStringLiteral("frank"));
    SessionAdmin admin(RedisConfig::fromUrl(m_server.url()).value(), QStringLiteral("redistore:"));
    const auto page = waitFor(admin.scan(QByteArrayLiteral("0"), 1000));
    QVERIFY(page && page->ok());
    QCOMPARE(page->sessions.size(), 1);
    QCOMPARE(page->sessions.first().id, session.id());
    QCOMPARE(waitFor(admin.count())->count, 1);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 2);
}

QTEST_GUILESS_MAIN(tst_UserIndex)
#include "tst_userindex.moc"
