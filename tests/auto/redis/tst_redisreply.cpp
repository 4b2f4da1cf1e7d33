#include <libredistore/redis/redisreply.h>

#include <QtTest/QTest>

using namespace RediStore;

class tst_RedisReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void types();
    void nestedArray();
    void failures();
    void sharing();
};

void tst_RedisReply::types()
{
    QVERIFY(RedisReply().isNil());
    QVERIFY(RedisReply::status("OK").isOk());
    QVERIFY(!RedisReply::status("QUEUED").isOk());
    QCOMPARE(RedisReply::integer(-42).toInteger(), -42);
    const QByteArray binary("a\0b\0c", 5);
    QCOMPARE(RedisReply::string(binary).data(), binary);
    QCOMPARE(RedisReply::string(binary).data().size(), 5);
    const RedisReply error = RedisReply::serverError("WRONGTYPE Operation against a key");
    QVERIFY(error.isError());
    QCOMPARE(error.error().code(), RedisError::Code::ServerError);
    QVERIFY(error.error().message().startsWith(QStringLiteral("WRONGTYPE")));
    QCOMPARE(RedisReply::integer(3).toDisplayString(), QStringLiteral("(integer) 3"));
    QCOMPARE(RedisReply().toDisplayString(), QStringLiteral("(nil)"));
}

void tst_RedisReply::nestedArray()
{
    const RedisReply inner = RedisReply::array({ RedisReply::integer(2), RedisReply::string("x") });
    const RedisReply outer = RedisReply::array({ RedisReply::integer(1), inner, RedisReply() });
    QCOMPARE(outer.size(), 3);
    QVERIFY(outer.at(1).isArray());
    QCOMPARE(outer.at(1).at(1).data(), QByteArray("x"));
    QVERIFY(outer.at(2).isNil());
    QVERIFY(outer.at(99).isNil()); // out of range is nil, not a crash
    QCOMPARE(outer, RedisReply::array({ RedisReply::integer(1), inner, RedisReply() }));
}

void tst_RedisReply::failures()
{
    const RedisReply timeout = RedisReply::failure(
        RedisError(RedisError::Code::CommandTimeout, QStringLiteral("no reply in 5 ms")));
    QVERIFY(timeout.isError());
    QCOMPARE(timeout.error().code(), RedisError::Code::CommandTimeout);
    QVERIFY(timeout.error().isTransient());
    QCOMPARE(timeout.error().codeName(), QStringLiteral("CommandTimeout"));
}

void tst_RedisReply::sharing()
{
    RedisReply a = RedisReply::string("value");
    RedisReply b = a;
    a = RedisReply::integer(1);
    QCOMPARE(b.data(), QByteArray("value"));
    QVERIFY(a.isInteger());
}

QTEST_APPLESS_MAIN(tst_RedisReply)
#include "tst_redisreply.moc"
