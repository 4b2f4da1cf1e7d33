// ReplyBuilder: hiredis's reader building RedisReply objects as it parses, leaves inside arrays
// straight into their array's list. Every shape a RESP2 server sends, fed whole and byte by
// byte, and a protocol error in the middle of an array (the partial reply is freed: the
// sanitizer build sees a leak or a bad free).

#include <libredistore/redis/replybuilder_p.h>

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <QtTest/QTest>

using namespace RediStore;

class tst_ReplyBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data();
    void shapes();
    void protocolErrorInsideAnArray();
    void repliesInARow();
};

namespace {

RedisReply str(const char *text)
{
    return RedisReply::string(QByteArray(text));
}

RedisReply arr(QList<RedisReply> elements)
{
    return RedisReply::array(std::move(elements));
}

// Feeds bytes in pieces of step bytes and returns the one reply they make.
RedisReply parse(const QByteArray &bytes, qsizetype step, bool *ok)
{
    redisReader *reader = redisReaderCreate();
    ReplyBuilder::install(reader);
    void *object = nullptr;
    *ok = true;
    for (qsizetype at = 0; at < bytes.size() && *ok && !object; at += step) {
        const QByteArray piece = bytes.mid(at, step);
        *ok = redisReaderFeed(reader, piece.constData(), size_t(piece.size())) == REDIS_OK
            && redisReaderGetReply(reader, &object) == REDIS_OK;
    }
    RedisReply reply;
    if (object) {
        reply = ReplyBuilder::toReply(object);
        ReplyBuilder::release(object);
    } else {
        *ok = false;
    }
    redisReaderFree(reader);
    return reply;
}

} // namespace

void tst_ReplyBuilder::shapes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<RedisReply>("expected");

    QTest::newRow("string") << QByteArray("$5\r\nhello\r\n") << str("hello");
    QTest::newRow("status OK") << QByteArray("+OK\r\n") << RedisReply::status("OK");
    QTest::newRow("error") << QByteArray("-ERR no\r\n") << RedisReply::serverError("ERR no");
    QTest::newRow("integer") << QByteArray(":-42\r\n") << RedisReply::integer(-42);
    QTest::newRow("nil") << QByteArray("$-1\r\n") << RedisReply::nil();
    QTest::newRow("empty array") << QByteArray("*0\r\n") << arr({});
    QTest::newRow("nil array") << QByteArray("*-1\r\n") << RedisReply::nil();
    QTest::newRow("leaves") << QByteArray("*4\r\n$1\r\na\r\n:7\r\n$-1\r\n+OK\r\n")
                            << arr({ str("a"), RedisReply::integer(7), RedisReply::nil(),
                                     RedisReply::status("OK") });
    // A SCAN reply: a leaf, then a nested array.
    QTest::newRow("scan") << QByteArray("*2\r\n$1\r\n0\r\n*2\r\n$2\r\nk1\r\n$2\r\nk2\r\n")
                          << arr({ str("0"), arr({ str("k1"), str("k2") }) });
    // Nested arrays first, between leaves, nested twice, and last.
    QTest::newRow("mixed") << QByteArray(
        "*6\r\n*1\r\n$1\r\na\r\n$1\r\nb\r\n*2\r\n$1\r\nc\r\n*1\r\n:4\r\n"
        "*-1\r\n-ERR x\r\n*0\r\n")
                           << arr({ arr({ str("a") }), str("b"),
                                    arr({ str("c"), arr({ RedisReply::integer(4) }) }),
                                    RedisReply::nil(), RedisReply::serverError("ERR x"), arr({}) });
}

void tst_ReplyBuilder::shapes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(RedisReply, expected);
    for (const qsizetype step : { bytes.size(), qsizetype(1), qsizetype(3) }) {
        bool ok = false;
        const RedisReply reply = parse(bytes, step, &ok);
        QVERIFY2(ok, qPrintable(QString::number(step)));
        QVERIFY2(reply == expected,
                 qPrintable(reply.toDisplayString() + QStringLiteral(" != ")
                            + expected.toDisplayString()));
        QCOMPARE(reply.type(), expected.type());
        QCOMPARE(reply.size(), expected.size());
    }
}

void tst_ReplyBuilder::protocolErrorInsideAnArray()
{
    // Leaves built into the array, a nested array, then a byte that starts no reply.
    for (const QByteArray &bytes : { QByteArray("*3\r\n:1\r\n?bad\r\n"),
                                     QByteArray("*4\r\n$1\r\na\r\n*2\r\n:1\r\n:2\r\n!x\r\n") }) {
        bool ok = true;
        const RedisReply reply = parse(bytes, bytes.size(), &ok);
        QVERIFY(!ok);
        QVERIFY(reply.isNil());
    }
}

void tst_ReplyBuilder::repliesInARow()
{
    // Several replies in one feed, each taken in turn: none shares anything with the next.
    redisReader *reader = redisReaderCreate();
    ReplyBuilder::install(reader);
    const QByteArray bytes("*2\r\n:1\r\n$1\r\nx\r\n+OK\r\n*1\r\n$1\r\ny\r\n");
    QCOMPARE(redisReaderFeed(reader, bytes.constData(), size_t(bytes.size())), REDIS_OK);
    QList<RedisReply> replies;
    for (;;) {
        void *object = nullptr;
        QCOMPARE(redisReaderGetReply(reader, &object), REDIS_OK);
        if (!object)
            break;
        replies.append(ReplyBuilder::toReply(object));
        ReplyBuilder::release(object);
    }
    redisReaderFree(reader);
    QCOMPARE(replies.size(), 3);
    QVERIFY(replies.at(0) == arr({ RedisReply::integer(1), str("x") }));
    QVERIFY(replies.at(1) == RedisReply::status("OK"));
    QVERIFY(replies.at(2) == arr({ str("y") }));
}

QTEST_GUILESS_MAIN(tst_ReplyBuilder)
#include "tst_replybuilder.moc"
