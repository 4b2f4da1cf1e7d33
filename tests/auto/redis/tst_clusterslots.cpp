// The pure parts of cluster routing: CRC16 and hash tags (the cluster specification's own
// examples), which argument is a command's key, redirections and CLUSTER SLOTS replies.
#include <libredistore/redis/clusterslots_p.h>

#include <QtTest/QtTest>

using namespace RediStore;
using namespace RediStore::ClusterSlots;

class tst_ClusterSlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crc16OfTheSpecification();
    void slots_data();
    void slots();
    void keys_data();
    void keys();
    void resendAndWrite();
    void redirects();
    void slotMap();
    void slotMapRefusesGarbage();
};

void tst_ClusterSlots::crc16OfTheSpecification()
{
    // "The CRC16 ... of the string 123456789 is 0x31C3" (Redis cluster specification).
    QCOMPARE(crc16("123456789", 9), quint16(0x31C3));
    QCOMPARE(crc16("", 0), quint16(0));
}

void tst_ClusterSlots::slots_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("sameAs");
    // Values checked against CLUSTER KEYSLOT.
    QTest::newRow("foo") << QByteArray("foo") << QByteArray();
    QTest::newRow("tag") << QByteArray("{user1000}.following") << QByteArray("user1000");
    QTest::newRow("tag 2") << QByteArray("{user1000}.followers") << QByteArray("user1000");
    QTest::newRow("empty tag: whole key") << QByteArray("foo{}{bar}") << QByteArray("foo{}{bar}");
    QTest::newRow("first brace pair") << QByteArray("foo{{bar}}zap") << QByteArray("{bar");
    QTest::newRow("first tag only") << QByteArray("foo{bar}{zap}") << QByteArray("bar");
    QTest::newRow("unclosed") << QByteArray("{a") << QByteArray("{a");
    QTest::newRow("session key") << QByteArray("session_ABC") << QByteArray("session_ABC");
}

void tst_ClusterSlots::slots()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, sameAs);
    const int slot = slotOf(key);
    QVERIFY(slot >= 0 && slot < slotCount);
    if (!sameAs.isEmpty())
        QCOMPARE(slot, crc16(sameAs.constData(), sameAs.size()) % slotCount);
    if (key == "foo")
        QCOMPARE(slot, 12182);
}

void tst_ClusterSlots::keys_data()
{
    QTest::addColumn<QByteArrayList>("command");
    QTest::addColumn<QByteArrayList>("keys");
    QTest::newRow("GET") << QByteArrayList { "GET", "k" } << QByteArrayList { "k" };
    QTest::newRow("SETEX") << QByteArrayList { "setex", "k", "10", "v" } << QByteArrayList { "k" };
    QTest::newRow("EVALSHA 1 key")
        << QByteArrayList { "EVALSHA", "abc", "1", "k", "a1", "a2" } << QByteArrayList { "k" };
    QTest::newRow("EVAL 2 keys") << QByteArrayList { "EVAL", "s", "2", "k1", "k2", "a" }
                                 << QByteArrayList { "k1", "k2" };
    QTest::newRow("EVAL 0 keys") << QByteArrayList { "EVAL", "s", "0", "a" } << QByteArrayList {};
    QTest::newRow("DEL") << QByteArrayList { "DEL", "a", "b" } << QByteArrayList { "a", "b" };
    QTest::newRow("MSET") << QByteArrayList { "MSET", "a", "1", "b", "2" }
                          << QByteArrayList { "a", "b" };
    QTest::newRow("PING") << QByteArrayList { "PING" } << QByteArrayList {};
    QTest::newRow("SCAN") << QByteArrayList { "SCAN", "0", "MATCH", "x*" } << QByteArrayList {};
    QTest::newRow("WAIT") << QByteArrayList { "WAIT", "1", "100" } << QByteArrayList {};
    QTest::newRow("MEMORY USAGE") << QByteArrayList { "MEMORY", "USAGE", "k" }
                                  << QByteArrayList { "k" };
}

void tst_ClusterSlots::keys()
{
    QFETCH(QByteArrayList, command);
    QFETCH(QByteArrayList, keys);
    QCOMPARE(keysOf(command), keys);
}

void tst_ClusterSlots::resendAndWrite()
{
    QVERIFY(isSafeToResend({ "GET", "k" }));
    QVERIFY(isSafeToResend({ "EXPIRE", "k", "10" }));
    QVERIFY(!isSafeToResend({ "EVALSHA", "abc", "1", "k" })); // a compare-and-set may have run
    QVERIFY(!isSafeToResend({ "ZADD", "k", "1", "m" }));
    QVERIFY(isWrite({ "SETEX", "k", "1", "v" }));
    QVERIFY(isWrite({ "evalsha", "abc", "1", "k" }));
    QVERIFY(!isWrite({ "GET", "k" }));
}

void tst_ClusterSlots::redirects()
{
    const RedisNodeAddress asked { QStringLiteral("10.0.0.9"), 7005 };
    Redirect moved = redirectOf(RedisReply::serverError("MOVED 3999 127.0.0.1:6381"), asked);
    QCOMPARE(int(moved.kind), int(Redirect::Kind::Moved));
    QCOMPARE(moved.slot, 3999);
    QCOMPARE(moved.address.toString(), QStringLiteral("127.0.0.1:6381"));

    Redirect ask = redirectOf(RedisReply::serverError("ASK 12 :7001"), asked);
    QCOMPARE(int(ask.kind), int(Redirect::Kind::Ask));
    QCOMPARE(ask.address.toString(), QStringLiteral("10.0.0.9:7001")); // empty host: the node asked

    Redirect v6 = redirectOf(RedisReply::serverError("MOVED 1 [::1]:7000"), asked);
    QCOMPARE(v6.address.host, QStringLiteral("::1"));

    QCOMPARE(int(redirectOf(RedisReply::serverError("ERR MOVED"), asked).kind),
             int(Redirect::Kind::None));
    QCOMPARE(int(redirectOf(RedisReply::serverError("MOVED 99999 h:1"), asked).kind),
             int(Redirect::Kind::None));
    QCOMPARE(int(redirectOf(RedisReply::string("MOVED 1 h:1"), asked).kind),
             int(Redirect::Kind::None));
    QVERIFY(isServerError(RedisReply::serverError("TRYAGAIN Multiple keys request"), "TRYAGAIN"));
    QVERIFY(isServerError(RedisReply::serverError("CLUSTERDOWN"), "CLUSTERDOWN"));
    QVERIFY(!isServerError(RedisReply::serverError("CLUSTERDOWNX"), "CLUSTERDOWN"));
}

namespace {
RedisReply node(const QByteArray &host, qint64 port)
{
    return RedisReply::array({ RedisReply::string(host), RedisReply::integer(port),
                               RedisReply::string("0123456789abcdef") });
}
} // namespace

void tst_ClusterSlots::slotMap()
{
    const RedisNodeAddress asked { QStringLiteral("192.168.1.5"), 7000 };
    const RedisReply reply = RedisReply::array({
        RedisReply::array({ RedisReply::integer(0), RedisReply::integer(5460),
                            node("127.0.0.1", 7000), node("127.0.0.1", 7003) }),
        RedisReply::array(
            { RedisReply::integer(5461), RedisReply::integer(10922), node("", 7001) }),
        RedisReply::array(
            { RedisReply::integer(10923), RedisReply::integer(16383), node("?", 7002) }),
    });
    auto ranges = parseSlots(reply, asked);
    QVERIFY(ranges.ok());
    QCOMPARE(ranges.value().size(), 2); // the unknown endpoint's range is left out
    QCOMPARE(ranges.value().at(0).master.toString(), QStringLiteral("127.0.0.1:7000"));
    QCOMPARE(ranges.value().at(0).replicas.size(), 1);
    QCOMPARE(ranges.value().at(1).master.toString(), QStringLiteral("192.168.1.5:7001"));
    QCOMPARE(ranges.value().at(1).first, 5461);
    QCOMPARE(ranges.value().at(1).last, 10922);
}

void tst_ClusterSlots::slotMapRefusesGarbage()
{
    const RedisNodeAddress asked { QStringLiteral("h"), 1 };
    QVERIFY(!parseSlots(RedisReply::string("nope"), asked).ok());
    QVERIFY(!parseSlots(RedisReply::array({ RedisReply::integer(1) }), asked).ok());
    QVERIFY(
        !parseSlots(RedisReply::array({ RedisReply::array(
                        { RedisReply::integer(5), RedisReply::integer(99999), node("h", 1) }) }),
                    asked)
             .ok());
    QCOMPARE(
        parseSlots(RedisReply::serverError("ERR This instance has cluster support disabled"), asked)
            .error()
            .code(),
        RedisError::Code::ServerError);
}

QTEST_GUILESS_MAIN(tst_ClusterSlots)
#include "tst_clusterslots.moc"
