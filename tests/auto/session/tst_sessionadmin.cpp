// SessionAdmin against a real redis-server: every call, the keys it never lists, refusals that
// arrive from the event loop, and futures that finish when the admin is deleted mid-call.

#include <libredistore/async.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace RediStore;
using namespace RediStore::Test;

class tst_SessionAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void scanPagesWithTtlAndSize();
    void scanByIdPattern();
    void scanSkipsKeysOfOtherTypes();
    void countMatchesOnlyThePrefix();
    void indexKeysAreNeverListed_data();
    void indexKeysAreNeverListed();
    void probeInOrder();
    void serverCalls();
    void loadDetectsEachSerializer_data();
    void loadDetectsEachSerializer();
    void loadManyInOrder();
    void corruptValueShowsRaw();
    void writeKeepsTtlAndSerializer();
    void writeNeverRecreatesAGoneSession();
    void setValue();
    void expirePersistDelete();
    void bulkExpireAndPersist();
    void expireAt();
    void readOnlyWritesNothing();
    void refusalsArriveFromTheEventLoop();
    void deletedAdminFinishesEveryCall_data();
    void deletedAdminFinishesEveryCall();
    void deletedPoolFailsLaterCalls();

private:
    RedisConfig config() const
    {
        RedisConfig config;
        config.setPort(m_server.port());
        return config;
    }
    void put(const QString &id, const QString &serializer, const QVariantMap &values, int ttl = 0,
             const QByteArray &prefix = "session_")
    {
        const QByteArray bytes = SessionSerializer::byName(serializer)->serialize(values).value();
        if (ttl > 0)
            m_server.command({ "SETEX", prefix + id.toUtf8(), QByteArray::number(ttl), bytes });
        else
            m_server.command({ "SET", prefix + id.toUtf8(), bytes });
    }
    RedisServer m_server;
};

void tst_SessionAdmin::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionAdmin::init()
{
    m_server.command({ "FLUSHALL" });
}

void tst_SessionAdmin::scanPagesWithTtlAndSize()
{
    for (int i = 0; i < 250; ++i)
        put(QStringLiteral("id%1").arg(i), QStringLiteral("datastream"),
            { { QStringLiteral("n"), i } }, i % 2 ? 1000 : 0);
    m_server.command({ "SET", "unrelated", "x" });
    SessionAdmin admin(config());
    QSet<QString> seen;
    QByteArray cursor = "0";
    int pages = 0;
    do {
        const auto page = waitFor(admin.scan(cursor, 50));
        QVERIFY(page.has_value());
        QVERIFY2(page->ok(), qPrintable(page->error.message()));
        for (const SessionInfo &info : page->sessions) {
            QVERIFY(info.id.startsWith(QStringLiteral("id")));
            QVERIFY(info.key.startsWith("session_"));
            QVERIFY(info.size > 0);
            const int n = info.id.mid(2).toInt();
            if (n % 2)
                QVERIFY(info.ttlMs > 990000 && info.ttlMs <= 1000000);
            else
                QCOMPARE(info.ttlMs, -1);
            seen.insert(info.id);
        }
        cursor = page->nextCursor;
        ++pages;
        QCOMPARE(page->finished, cursor == "0");
    } while (cursor != "0");
    QCOMPARE(seen.size(), 250);
    QVERIFY(pages > 1);
}

// Scans to the end and returns the IDs found.
static QStringList scanAll(SessionAdmin &admin, const QString &idPattern = QStringLiteral("*"))
{
    QStringList ids;
    QByteArray cursor = "0";
    do {
        const auto page = waitFor(admin.scan(cursor, 100, idPattern));
        if (!page || !page->ok())
            return { QStringLiteral("(scan failed)") };
        for (const SessionInfo &info : page->sessions)
            ids.append(info.id);
        cursor = page->nextCursor;
    } while (cursor != "0");
    ids.sort();
    ids.removeDuplicates();
    return ids;
}

void tst_SessionAdmin::scanByIdPattern()
{
    for (const char *id : { "alice-1", "alice-2", "bob-1", "a*ce" })
        put(QString::fromLatin1(id), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    SessionAdmin admin(config());
    QCOMPARE(scanAll(admin, QStringLiteral("alice-*")),
             (QStringList { QStringLiteral("alice-1"), QStringLiteral("alice-2") }));
    QCOMPARE(scanAll(admin, QStringLiteral("*-1")),
             (QStringList { QStringLiteral("alice-1"), QStringLiteral("bob-1") }));
    // The ID pattern is a glob; an escaped star matches a star only.
    QCOMPARE(scanAll(admin, QStringLiteral("a\\*ce")), QStringList { QStringLiteral("a*ce") });
    QCOMPARE(scanAll(admin, QString()).size(), 4);

    // The prefix's own glob characters match themselves only.
    put(QStringLiteral("1"), QStringLiteral("json"), {}, 0, "app[1]*_");
    put(QStringLiteral("2"), QStringLiteral("json"), {}, 0, "app1x_");
    SessionAdmin globby(config(), QStringLiteral("app[1]*_"));
    QCOMPARE(scanAll(globby), QStringList { QStringLiteral("1") });
}

void tst_SessionAdmin::scanSkipsKeysOfOtherTypes()
{
    put(QStringLiteral("ok"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    m_server.command({ "HSET", "session_hash", "f", "v" });
    m_server.command({ "RPUSH", "session_list", "x" });
    SessionAdmin admin(config());
    const auto page = waitFor(admin.scan("0", 1000));
    QVERIFY2(page->ok(), qPrintable(page->error.message()));
    QCOMPARE(page->sessions.size(), 1);
    QCOMPARE(page->sessions.first().id, QStringLiteral("ok"));
    QCOMPARE(page->skipped.size(), 2);
    QMap<QByteArray, QByteArray> skipped;
    for (const SessionSkippedKey &key : page->skipped)
        skipped.insert(key.key, key.type);
    QCOMPARE(skipped.value("session_hash"), QByteArray("hash"));
    QCOMPARE(skipped.value("session_list"), QByteArray("list"));
    // Nor are they counted.
    QCOMPARE(waitFor(admin.count())->count, 1);
    // A probe finds no session there either.
    const auto probe = waitFor(admin.probe({ QStringLiteral("hash") }));
    QVERIFY(probe->ok());
    QCOMPARE(probe->sessions.first().ttlMs, -2);
}

void tst_SessionAdmin::countMatchesOnlyThePrefix()
{
    for (int i = 0; i < 30; ++i)
        put(QString::number(i), QStringLiteral("json"), { { QStringLiteral("n"), i } });
    m_server.command({ "SET", "other_1", "x" });
    // A prefix with glob characters matches itself only.
    m_server.command({ "SET", "a*b_1", "x" });
    m_server.command({ "SET", "axb_1", "x" });
    SessionAdmin admin(config());
    QCOMPARE(waitFor(admin.count())->count, 30);
    SessionAdmin globby(config(), QStringLiteral("a*b_"));
    QCOMPARE(waitFor(globby.count())->count, 1);
}

void tst_SessionAdmin::indexKeysAreNeverListed_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("empty prefix") << QString();
    QTest::newRow("redistore:") << QStringLiteral("redistore:");
    QTest::newRow("redistore:u") << QStringLiteral("redistore:u");
}

void tst_SessionAdmin::indexKeysAreNeverListed()
{
    QFETCH(QString, prefix);
    const QByteArray prefixUtf8 = prefix.toUtf8();
    put(QStringLiteral("s1"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 600,
        prefixUtf8);
    put(QStringLiteral("s2"), QStringLiteral("json"), { { QStringLiteral("a"), 2 } }, 0,
        prefixUtf8);
    // The per-user index: sorted sets under "redistore:user:", and a string there too.
    m_server.command({ "ZADD", "redistore:user:session_:alice", "1", "s1" });
    m_server.command({ "ZADD", "redistore:user:" + prefixUtf8 + ":bob", "1", "s2" });
    m_server.command({ "SET", "redistore:user:stray", "x" });
    for (int i = 0; i < 40; ++i)
        m_server.command({ "ZADD", "redistore:user:x:" + QByteArray::number(i), "1", "s" });

    SessionAdmin admin(config(), prefix);
    const QStringList listed = scanAll(admin);
    QCOMPARE(listed.size(), 2);
    for (const QString &id : listed)
        QVERIFY2(id.endsWith(QStringLiteral("s1")) || id.endsWith(QStringLiteral("s2")),
                 qPrintable(id));
    QCOMPARE(waitFor(admin.count())->count, 2);

    const QString stray = QString::fromUtf8(QByteArray("redistore:user:stray").mid(prefix.size()));
    const auto probe = waitFor(admin.probe({ stray, QStringLiteral("s1") }));
    QVERIFY(probe->ok());
    QCOMPARE(probe->sessions.size(), 2);
    QCOMPARE(probe->sessions.at(0).ttlMs, -2);
    QCOMPARE(probe->sessions.at(0).size, 0);
    QVERIFY(probe->sessions.at(1).ttlMs > 590000);
}

void tst_SessionAdmin::probeInOrder()
{
    put(QStringLiteral("p1"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 300);
    put(QStringLiteral("p2"), QStringLiteral("gob"), { { QStringLiteral("abc"), 12345 } });
    SessionAdmin admin(config());
    const auto probe = waitFor(
        admin.probe({ QStringLiteral("p2"), QStringLiteral("gone"), QStringLiteral("p1") }));
    QVERIFY2(probe->ok(), qPrintable(probe->error.message()));
    QCOMPARE(probe->sessions.size(), 3);
    QCOMPARE(probe->sessions.at(0).id, QStringLiteral("p2"));
    QCOMPARE(probe->sessions.at(0).key, QByteArray("session_p2"));
    QCOMPARE(probe->sessions.at(0).ttlMs, -1);
    QCOMPARE(probe->sessions.at(0).size, m_server.command({ "STRLEN", "session_p2" }).toLongLong());
    QCOMPARE(probe->sessions.at(1).ttlMs, -2);
    QCOMPARE(probe->sessions.at(1).size, 0);
    QVERIFY(probe->sessions.at(2).ttlMs > 290000 && probe->sessions.at(2).ttlMs <= 300000);
    QCOMPARE(probe->sessions.at(2).size, 7); // {"a":1}

    const auto empty = waitFor(admin.probe({}));
    QVERIFY(empty->ok());
    QVERIFY(empty->sessions.isEmpty());
}

void tst_SessionAdmin::serverCalls()
{
    m_server.command({ "SET", "a", "1" });
    m_server.command({ "SET", "b", "2" });
    SessionAdmin admin(config());
    const auto ping = waitFor(admin.ping());
    QVERIFY2(ping->ok(), qPrintable(ping->error.message()));
    QVERIFY(ping->roundTripMs >= 0);
    const auto info = waitFor(admin.serverInfo());
    QVERIFY(info->ok());
    QCOMPARE(info->software, m_server.software());
    QVERIFY(!info->version.isEmpty());
    QVERIFY(info->name == QLatin1String("Redis") || info->name == QLatin1String("Valkey"));
    QCOMPARE(waitFor(admin.databaseSize())->count, 2);

    // A server that refuses the connection: errors, not silence.
    RedisConfig refused;
    refused.setPort(RedisServer::freePort());
    refused.setAutoReconnect(false);
    SessionAdmin down(refused);
    const auto failed = waitFor(down.ping());
    QCOMPARE(failed->error.code(), SessionError::Code::RedisUnavailable);
}

void tst_SessionAdmin::loadDetectsEachSerializer_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::newRow("datastream") << QStringLiteral("datastream");
    QTest::newRow("gob") << QStringLiteral("gob");
    QTest::newRow("json") << QStringLiteral("json");
}

void tst_SessionAdmin::loadDetectsEachSerializer()
{
    QFETCH(QString, serializer);
    put(QStringLiteral("abc"), serializer, { { QStringLiteral("user"), QStringLiteral("alice") } },
        600);
    SessionAdmin admin(config());
    const auto content = waitFor(admin.load(QStringLiteral("abc")));
    QVERIFY2(content->ok(), qPrintable(content->error.message()));
    QVERIFY(content->exists);
    QCOMPARE(content->serializer, serializer);
    QCOMPARE(content->values.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
    QVERIFY(content->ttlMs > 590000);

    const auto missing = waitFor(admin.load(QStringLiteral("nope")));
    QCOMPARE(missing->error.code(), SessionError::Code::SessionGone);
    QVERIFY(!missing->ok());
    QVERIFY(!missing->exists);
}

void tst_SessionAdmin::loadManyInOrder()
{
    put(QStringLiteral("m1"), QStringLiteral("gob"), { { QStringLiteral("user"), 1 } }, 100);
    put(QStringLiteral("m2"), QStringLiteral("json"), { { QStringLiteral("user"), 2 } });
    m_server.command({ "SET", "session_bad", "\x01garbage" });
    m_server.command({ "HSET", "session_hash", "f", "v" });
    SessionAdmin admin(config());
    const auto many = waitFor(
        admin.loadMany({ QStringLiteral("m2"), QStringLiteral("nope"), QStringLiteral("bad"),
                         QStringLiteral("m1"), QStringLiteral("hash") }));
    QVERIFY2(many->ok(), qPrintable(many->error.message()));
    QCOMPARE(many->sessions.size(), 5);
    const SessionContent &m2 = many->sessions.at(0);
    QCOMPARE(m2.id, QStringLiteral("m2"));
    QVERIFY(m2.ok() && m2.exists);
    QCOMPARE(m2.serializer, QStringLiteral("json"));
    QCOMPARE(m2.values.value(QStringLiteral("user")).toInt(), 2);
    QCOMPARE(m2.ttlMs, SessionContent::TtlNotRead);
    QCOMPARE(many->sessions.at(1).error.code(), SessionError::Code::SessionGone);
    QVERIFY(!many->sessions.at(1).exists);
    QCOMPARE(many->sessions.at(2).error.code(), SessionError::Code::UnknownSerializer);
    QCOMPARE(many->sessions.at(2).raw, QByteArray("\x01garbage"));
    QCOMPARE(many->sessions.at(3).serializer, QStringLiteral("gob"));
    QCOMPARE(many->sessions.at(4).error.code(), SessionError::Code::RedisCommandFailed);

    const auto none = waitFor(admin.loadMany({}));
    QVERIFY(none->ok());
    QVERIFY(none->sessions.isEmpty());
}

void tst_SessionAdmin::corruptValueShowsRaw()
{
    m_server.command({ "SET", "session_bad", QByteArray("\x01\x02not a session", 15) });
    SessionAdmin admin(config());
    const auto content = waitFor(admin.load(QStringLiteral("bad")));
    QCOMPARE(content->error.code(), SessionError::Code::UnknownSerializer);
    QCOMPARE(content->raw, QByteArray("\x01\x02not a session", 15));
    QVERIFY(content->error.message().contains(QStringLiteral("gob")));
}

void tst_SessionAdmin::writeKeepsTtlAndSerializer()
{
    put(QStringLiteral("g"), QStringLiteral("gob"), { { QStringLiteral("n"), 1 } }, 500);
    SessionAdmin admin(config());
    const auto content = waitFor(admin.load(QStringLiteral("g")));
    QVariantMap values = content->values;
    values.insert(QStringLiteral("n"), 2);
    const auto written = waitFor(admin.write(QStringLiteral("g"), values));
    QVERIFY2(written->ok(), qPrintable(written->error.message()));
    QCOMPARE(written->affected, 1);
    const QByteArray stored = m_server.command({ "GET", "session_g" }).toByteArray();
    // Still gob, as Go services expect it.
    const auto decoded = SessionSerializer::byName(QStringLiteral("gob"))->deserialize(stored);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().value(QStringLiteral("n")).toLongLong(), 2);
    const qint64 ttl = m_server.command({ "TTL", "session_g" }).toLongLong();
    QVERIFY(ttl > 490 && ttl <= 500);
}

void tst_SessionAdmin::writeNeverRecreatesAGoneSession()
{
    SessionAdmin admin(config());
    const auto change
        = waitFor(admin.write(QStringLiteral("gone"), { { QStringLiteral("a"), 1 } }));
    QCOMPARE(change->error.code(), SessionError::Code::SessionGone);
    QCOMPARE(change->missing, QStringList { QStringLiteral("gone") });
    QCOMPARE(change->affected, 0);
    QCOMPARE(m_server.command({ "EXISTS", "session_gone" }).toLongLong(), 0);
    const auto unknown = waitFor(admin.write(QStringLiteral("gone"), {}, QStringLiteral("xml")));
    QCOMPARE(unknown->error.code(), SessionError::Code::UnknownSerializer);
}

void tst_SessionAdmin::setValue()
{
    put(QStringLiteral("s"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 100);
    SessionAdmin admin(config());
    QVERIFY(waitFor(admin.setValue(QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("x")))
                ->ok());
    QCOMPARE(m_server.command({ "GET", "session_s" }).toByteArray(),
             QByteArray(R"({"a":1,"b":"x"})"));
    const auto gone = waitFor(admin.setValue(QStringLiteral("nope"), QStringLiteral("b"), 1));
    QCOMPARE(gone->error.code(), SessionError::Code::SessionGone);
    QCOMPARE(gone->missing, QStringList { QStringLiteral("nope") });
}

void tst_SessionAdmin::expirePersistDelete()
{
    put(QStringLiteral("e1"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    put(QStringLiteral("e2"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 100);
    put(QStringLiteral("e3"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    SessionAdmin admin(config());
    const auto expired = waitFor(admin.expire(QStringLiteral("e1"), 30));
    QVERIFY(expired->ok());
    QCOMPARE(expired->affected, 1);
    QCOMPARE(m_server.command({ "TTL", "session_e1" }).toLongLong(), 30);
    QVERIFY(waitFor(admin.persist(QStringLiteral("e2")))->ok());
    QCOMPARE(m_server.command({ "TTL", "session_e2" }).toLongLong(), -1);
    // A session without expiry persists fine.
    QCOMPARE(waitFor(admin.persist(QStringLiteral("e2")))->affected, 1);
    QCOMPARE(waitFor(admin.persist(QStringLiteral("nope")))->error.code(),
             SessionError::Code::SessionGone);
    QCOMPARE(waitFor(admin.expire(QStringLiteral("nope"), 5))->error.code(),
             SessionError::Code::SessionGone);
    const auto deleted = waitFor(
        admin.remove({ QStringLiteral("e1"), QStringLiteral("e3"), QStringLiteral("x") }));
    QVERIFY(deleted->ok());
    QCOMPARE(deleted->deleted, 2);
    QCOMPARE(m_server.command({ "EXISTS", "session_e1", "session_e2", "session_e3" }).toLongLong(),
             1);
    QCOMPARE(waitFor(admin.remove({}))->deleted, 0);
}

void tst_SessionAdmin::bulkExpireAndPersist()
{
    QStringList ids;
    for (int i = 0; i < 20; ++i) {
        ids << QStringLiteral("b%1").arg(i);
        put(ids.last(), QStringLiteral("json"), { { QStringLiteral("i"), i } }, i % 2 ? 0 : 900);
    }
    SessionAdmin admin(config());
    const QStringList asked = ids + QStringList { QStringLiteral("x1"), QStringLiteral("x2") };
    const auto expired = waitFor(admin.expire(asked, 60));
    QVERIFY2(expired->ok(), qPrintable(expired->error.message()));
    QCOMPARE(expired->affected, 20);
    QCOMPARE(expired->missing, (QStringList { QStringLiteral("x1"), QStringLiteral("x2") }));
    for (const QString &id : ids)
        QCOMPARE(m_server.command({ "TTL", "session_" + id.toUtf8() }).toLongLong(), 60);

    const auto persisted = waitFor(admin.persist(asked));
    QVERIFY(persisted->ok());
    QCOMPARE(persisted->affected, 20);
    QCOMPARE(persisted->missing.size(), 2);
    for (const QString &id : ids)
        QCOMPARE(m_server.command({ "TTL", "session_" + id.toUtf8() }).toLongLong(), -1);

    // 0 seconds: gone at once.
    const auto now = waitFor(admin.expire(ids.mid(0, 5), 0));
    QCOMPARE(now->affected, 5);
    QCOMPARE(waitFor(admin.count())->count, 15);
    QCOMPARE(waitFor(admin.expire(QStringList(), 5))->affected, 0);
    QCOMPARE(waitFor(admin.persist(QStringList()))->affected, 0);
}

void tst_SessionAdmin::expireAt()
{
    put(QStringLiteral("at"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    SessionAdmin admin(config());
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(3600);
    const auto change = waitFor(admin.expireAt(QStringLiteral("at"), when));
    QVERIFY2(change->ok(), qPrintable(change->error.message()));
    QCOMPARE(change->affected, 1);
    const qint64 at = m_server.command({ "PEXPIRETIME", "session_at" }).toLongLong();
    QCOMPARE(at, when.toMSecsSinceEpoch());
    QCOMPARE(waitFor(admin.expireAt(QStringLiteral("nope"), when))->error.code(),
             SessionError::Code::SessionGone);
    // A time already past removes the session.
    QVERIFY(waitFor(admin.expireAt(QStringLiteral("at"), when.addDays(-2)))->ok());
    QCOMPARE(m_server.command({ "EXISTS", "session_at" }).toLongLong(), 0);
    QCOMPARE(waitFor(admin.expireAt(QStringLiteral("at"), QDateTime()))->error.code(),
             SessionError::Code::InvalidOption);
}

void tst_SessionAdmin::readOnlyWritesNothing()
{
    put(QStringLiteral("r"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 100);
    SessionAdmin admin(config());
    admin.setReadOnly(true);
    m_server.command({ "CONFIG", "RESETSTAT" });
    const QStringList ids { QStringLiteral("r") };
    QCOMPARE(waitFor(admin.write(QStringLiteral("r"), {}))->error.code(),
             SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.setValue(QStringLiteral("r"), QStringLiteral("a"), 2))->error.code(),
             SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.expire(QStringLiteral("r"), 1))->error.code(),
             SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.expire(ids, 1))->error.code(), SessionError::Code::ReadOnly);
    QCOMPARE(
        waitFor(admin.expireAt(QStringLiteral("r"), QDateTime::currentDateTimeUtc()))->error.code(),
        SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.persist(QStringLiteral("r")))->error.code(),
             SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.persist(ids))->error.code(), SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.remove(ids))->error.code(), SessionError::Code::ReadOnly);
    // Nothing was sent: the server saw no command of the admin's at all.
    const QString stats = m_server.command({ "INFO", "commandstats" }).toString();
    for (const char *command :
         { "cmdstat_set:", "cmdstat_get:", "cmdstat_expire:", "cmdstat_pexpireat:",
           "cmdstat_persist:", "cmdstat_del:", "cmdstat_exists:" })
        QVERIFY2(!stats.contains(QLatin1String(command)), command);
    QCOMPARE(m_server.command({ "GET", "session_r" }).toByteArray(), QByteArray(R"({"a":1})"));
    const qint64 ttl = m_server.command({ "TTL", "session_r" }).toLongLong();
    QVERIFY(ttl > 90);
    // Reading still works.
    QVERIFY(waitFor(admin.load(QStringLiteral("r")))->ok());
}

void tst_SessionAdmin::refusalsArriveFromTheEventLoop()
{
    SessionAdmin admin(config());
    admin.setReadOnly(true);
    QList<QFuture<SessionChange>> refused {
        admin.write(QStringLiteral("r"), {}),
        admin.expire(QStringLiteral("r"), 5),
        admin.persist(QStringList { QStringLiteral("r") }),
    };
    admin.setReadOnly(false);
    refused.append(admin.expire(QStringLiteral("r"), -1));
    refused.append(admin.expireAt(QStringLiteral("r"), QDateTime()));
    refused.append(admin.write(QStringLiteral("r"), {}, QStringLiteral("xml")));
    for (const auto &future : std::as_const(refused))
        QVERIFY(!future.isFinished());
    const auto empty = admin.remove({});
    QVERIFY(!empty.isFinished());

    // whenFinished runs the handler from the event loop, once each.
    int handled = 0;
    QList<SessionError::Code> codes;
    for (const auto &future : std::as_const(refused)) {
        whenFinished(future, this, [&](const SessionChange &change) {
            ++handled;
            codes.append(change.error.code());
        });
    }
    QCOMPARE(handled, 0);
    QTRY_COMPARE(handled, int(refused.size()));
    QCOMPARE(codes,
             (QList<SessionError::Code> {
                 SessionError::Code::ReadOnly, SessionError::Code::ReadOnly,
                 SessionError::Code::ReadOnly, SessionError::Code::InvalidOption,
                 SessionError::Code::InvalidOption, SessionError::Code::UnknownSerializer }));
    QVERIFY(waitFor(empty)->ok());
}

void tst_SessionAdmin::deletedAdminFinishesEveryCall_data()
{
    QTest::addColumn<bool>("ownPool");
    QTest::newRow("own pool") << true;
    QTest::newRow("shared pool") << false;
}

void tst_SessionAdmin::deletedAdminFinishesEveryCall()
{
    QFETCH(bool, ownPool);
    m_server.command({ "DEBUG", "POPULATE", "20000", "session_c" });
    put(QStringLiteral("s"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    RedisPool pool(config());
    auto admin = ownPool
        ? std::make_unique<SessionAdmin>(config())
        : std::make_unique<SessionAdmin>(&pool, QStringLiteral("session_"), nullptr);
    // The count takes several SCAN steps: let it start, then hold Redis still.
    auto count = admin->count();
    QVERIFY(waitFor(admin->ping()).has_value());
    QCOMPARE(m_server.command({ "CLIENT", "PAUSE", "1000", "ALL" }).toByteArray(),
             QByteArray("OK"));
    auto scan = admin->scan();
    auto probe = admin->probe({ QStringLiteral("s") });
    auto load = admin->load(QStringLiteral("s"));
    auto many = admin->loadMany({ QStringLiteral("s"), QStringLiteral("t") });
    auto write = admin->write(QStringLiteral("s"), { { QStringLiteral("a"), 2 } });
    auto set = admin->setValue(QStringLiteral("s"), QStringLiteral("b"), 3);
    auto expire = admin->expire(QStringList { QStringLiteral("s") }, 100);
    auto persist = admin->persist(QStringLiteral("s"));
    auto removed = admin->remove({ QStringLiteral("nope") });
    auto size = admin->databaseSize();
    auto info = admin->serverInfo();
    admin->setReadOnly(true);
    auto refused = admin->expire(QStringLiteral("s"), 5); // its refusal is still on its way
    // Nothing finishes from inside a call; let the commands go out to the paused server.
    QVERIFY(!scan.isFinished());
    QCoreApplication::processEvents();

    admin.reset();
    // Every future has finished by now: with its result, or with a typed error.
    auto check = [](const auto &future, const char *name) {
        QVERIFY2(future.isFinished(), name);
        QVERIFY2(!future.isCanceled(), name);
        QCOMPARE(future.resultCount(), 1);
        const auto result = future.result();
        if (!result.ok()) {
            QCOMPARE(result.error.code(), SessionError::Code::RedisUnavailable);
            QCOMPARE(result.error.redisError().code(), RedisError::Code::ClientDestroyed);
            QVERIFY2(result.error.message().contains(QStringLiteral("deleted")), name);
        }
    };
    check(count, "count");
    check(scan, "scan");
    check(probe, "probe");
    check(load, "load");
    check(many, "loadMany");
    check(write, "write");
    check(set, "setValue");
    check(expire, "expire");
    check(persist, "persist");
    check(removed, "remove");
    check(size, "databaseSize");
    check(info, "serverInfo");
    QVERIFY(count.result().error.isError()); // it had steps to go
    QVERIFY(scan.result().error.isError());
    QVERIFY(refused.isFinished());
    QCOMPARE(refused.result().error.code(), SessionError::Code::ReadOnly);

    // The late replies find no admin: nothing happens, and the shared pool works on.
    if (!ownPool) {
        const auto after = waitFor(pool.execute({ "GET", "session_s" }));
        QVERIFY(after.has_value());
        QVERIFY(!after->isError());
    }
    // Wait out the pause for the next test.
    m_server.command({ "PING" });
}

void tst_SessionAdmin::deletedPoolFailsLaterCalls()
{
    auto pool = std::make_unique<RedisPool>(config());
    SessionAdmin admin(pool.get(), QStringLiteral("session_"), nullptr);
    QVERIFY(waitFor(admin.ping())->ok());
    pool.reset();
    const auto ping = admin.ping();
    QVERIFY(!ping.isFinished());
    const auto result = waitFor(ping);
    QVERIFY(result.has_value());
    QCOMPARE(result->error.code(), SessionError::Code::RedisUnavailable);
    const auto probe = waitFor(admin.probe({ QStringLiteral("a") }));
    QVERIFY(probe.has_value());
    QCOMPARE(probe->error.code(), SessionError::Code::RedisUnavailable);
}

QTEST_GUILESS_MAIN(tst_SessionAdmin)
#include "tst_sessionadmin.moc"
