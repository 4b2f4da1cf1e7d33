#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>

#include "storetesthelpers.h"

#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

class tst_SessionAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void scanPagesWithTtlAndSize();
    void countMatchesOnlyThePrefix();
    void loadDetectsEachSerializer_data();
    void loadDetectsEachSerializer();
    void corruptValueShowsRaw();
    void writeKeepsTtlAndSerializer();
    void writeNeverRecreatesAGoneSession();
    void setValue();
    void expirePersistDelete();
    void readOnlyWritesNothing();

private:
    RedisConfig config() const
    {
        RedisConfig config;
        config.setPort(m_server.port());
        return config;
    }
    void put(const QString &id, const QString &serializer, const QVariantMap &values, int ttl = 0)
    {
        const QByteArray bytes = SessionSerializer::byName(serializer)->serialize(values).value();
        if (ttl > 0)
            m_server.command({ "SETEX", "session_" + id.toUtf8(), QByteArray::number(ttl), bytes });
        else
            m_server.command({ "SET", "session_" + id.toUtf8(), bytes });
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
        QVERIFY2(!page->error.isError(), qPrintable(page->error.message()));
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
    QVERIFY2(!content->error.isError(), qPrintable(content->error.message()));
    QVERIFY(content->exists);
    QCOMPARE(content->serializer, serializer);
    QCOMPARE(content->values.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
    QVERIFY(content->ttlMs > 590000);

    const auto missing = waitFor(admin.load(QStringLiteral("nope")));
    QCOMPARE(missing->error.code(), SessionError::Code::SessionGone);
    QVERIFY(!missing->exists);
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
    QVERIFY(!waitFor(admin.write(QStringLiteral("g"), values))->isError());
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
    const auto error = waitFor(admin.write(QStringLiteral("gone"), { { QStringLiteral("a"), 1 } }));
    QCOMPARE(error->code(), SessionError::Code::SessionGone);
    QCOMPARE(m_server.command({ "EXISTS", "session_gone" }).toLongLong(), 0);
}

void tst_SessionAdmin::setValue()
{
    put(QStringLiteral("s"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 100);
    SessionAdmin admin(config());
    QVERIFY(!waitFor(admin.setValue(QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("x")))
                 ->isError());
    QCOMPARE(m_server.command({ "GET", "session_s" }).toByteArray(),
             QByteArray(R"({"a":1,"b":"x"})"));
}

void tst_SessionAdmin::expirePersistDelete()
{
    put(QStringLiteral("e1"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    put(QStringLiteral("e2"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 100);
    put(QStringLiteral("e3"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    SessionAdmin admin(config());
    QVERIFY(!waitFor(admin.expire(QStringLiteral("e1"), 30))->isError());
    QCOMPARE(m_server.command({ "TTL", "session_e1" }).toLongLong(), 30);
    QVERIFY(!waitFor(admin.persist(QStringLiteral("e2")))->isError());
    QCOMPARE(m_server.command({ "TTL", "session_e2" }).toLongLong(), -1);
    QCOMPARE(waitFor(admin.persist(QStringLiteral("nope")))->code(),
             SessionError::Code::SessionGone);
    QCOMPARE(waitFor(admin.expire(QStringLiteral("nope"), 5))->code(),
             SessionError::Code::SessionGone);
    const auto deleted = waitFor(
        admin.remove({ QStringLiteral("e1"), QStringLiteral("e3"), QStringLiteral("x") }));
    QCOMPARE(deleted->deleted, 2);
    QCOMPARE(m_server.command({ "EXISTS", "session_e1", "session_e2", "session_e3" }).toLongLong(),
             1);
}

void tst_SessionAdmin::readOnlyWritesNothing()
{
    put(QStringLiteral("r"), QStringLiteral("json"), { { QStringLiteral("a"), 1 } }, 100);
    SessionAdmin admin(config());
    admin.setReadOnly(true);
    QCOMPARE(waitFor(admin.write(QStringLiteral("r"), {}))->code(), SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.setValue(QStringLiteral("r"), QStringLiteral("a"), 2))->code(),
             SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.expire(QStringLiteral("r"), 1))->code(), SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.persist(QStringLiteral("r")))->code(), SessionError::Code::ReadOnly);
    QCOMPARE(waitFor(admin.remove({ QStringLiteral("r") }))->error.code(),
             SessionError::Code::ReadOnly);
    QCOMPARE(m_server.command({ "GET", "session_r" }).toByteArray(), QByteArray(R"({"a":1})"));
    const qint64 ttl = m_server.command({ "TTL", "session_r" }).toLongLong();
    QVERIFY(ttl > 90);
    // Reading still works.
    QVERIFY(!waitFor(admin.load(QStringLiteral("r")))->error.isError());
}

QTEST_GUILESS_MAIN(tst_SessionAdmin)
#include "tst_sessionadmin.moc"
