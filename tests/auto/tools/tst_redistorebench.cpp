// redistore-bench, run as a user runs it: its figures are not checked (speed is for the
// benchmark to print), only that each mode runs and reports what it measured, and that what it
// writes to the user's Redis expires.

#include <redisserver.h>

#include "clitesthelpers.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtTest/QtTest>

using RediStore::Test::RedisServer;

namespace {

CliTest::Run bench(const QStringList &arguments, int timeoutMs = 60000)
{
    return CliTest::runProgram(QStringLiteral(REDISTORE_BENCH), arguments, {}, timeoutMs);
}

} // namespace

class tst_RedistoreBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void oneConfiguration_data();
    void oneConfiguration();
    void table();
    void badArguments_data();
    void badArguments();

private:
    // The keys matching pattern, each checked to expire within the benchmark's 10 minutes.
    void checkKeysExpire(const QByteArray &pattern, int expected, int keyLength);

    RedisServer m_redis;
};

void tst_RedistoreBench::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(REDISTORE_BENCH)), REDISTORE_BENCH);
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void tst_RedistoreBench::init()
{
    QCOMPARE(m_redis.command({ "FLUSHALL" }).toByteArray(), QByteArray("OK"));
}

void tst_RedistoreBench::checkKeysExpire(const QByteArray &pattern, int expected, int keyLength)
{
    // One script for every key: thousands of TTL commands would each open a connection.
    const QVariant checked = m_redis.command(
        { "EVAL",
          "local keys = redis.call('KEYS', ARGV[1]) "
          "for _, key in ipairs(keys) do "
          "  if #key ~= tonumber(ARGV[2]) then return 'length of ' .. key end "
          "  local ttl = redis.call('TTL', key) "
          "  if ttl <= 0 or ttl > 600 then return 'TTL ' .. ttl .. ' of ' .. key end "
          "end "
          "return #keys",
          "0", pattern, QByteArray::number(keyLength) });
    QVERIFY2(checked.metaType().id() == QMetaType::LongLong, checked.toByteArray().constData());
    QCOMPARE(checked.toLongLong(), expected);
}

void tst_RedistoreBench::oneConfiguration_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::newRow("gob") << QStringLiteral("gob");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("datastream") << QStringLiteral("datastream");
}

void tst_RedistoreBench::oneConfiguration()
{
    QFETCH(QString, serializer);
    const CliTest::Run run
        = bench({ QStringLiteral("store"), QStringLiteral("--redis-url"), m_redis.url(),
                  QStringLiteral("--size"), QStringLiteral("300"), QStringLiteral("--concurrency"),
                  QStringLiteral("4"), QStringLiteral("--seconds"), QStringLiteral("0.2"),
                  QStringLiteral("--serializer"), serializer, QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(CliTest::dump(run)));
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(QLatin1String("size")).toInt(), 300);
    QCOMPARE(result.value(QLatin1String("concurrency")).toInt(), 4);
    QCOMPARE(result.value(QLatin1String("serializer")).toString(), serializer);
    QCOMPARE(result.value(QLatin1String("errors")).toInt(-1), 0);
    QVERIFY(result.value(QLatin1String("sessions_per_second")).toDouble() > 0);
    QVERIFY(result.value(QLatin1String("p50_us")).toDouble() > 0);
    QVERIFY(result.value(QLatin1String("p99_us")).toDouble()
            >= result.value(QLatin1String("p50_us")).toDouble());
    QVERIFY(result.value(QLatin1String("cpu_us_per_session")).toDouble() > 0);
    // The sessions are filled up to the size, never beyond it.
    const int serialized = result.value(QLatin1String("serialized_size")).toInt();
    QVERIFY2(serialized > 250 && serialized <= 300, qPrintable(QString::number(serialized)));
    // 32 sessions per one in flight, under "session_" and an ID of 52 characters.
    checkKeysExpire("session_*", 4 * 32, 60);
}

void tst_RedistoreBench::table()
{
    const bool withRedisBenchmark
        = !QStandardPaths::findExecutable(QStringLiteral("redis-benchmark")).isEmpty();
    const CliTest::Run run
        = bench({ QStringLiteral("store"), QStringLiteral("--redis-url"), m_redis.url(),
                  QStringLiteral("--seconds"), QStringLiteral("0.1"), QStringLiteral("--json") },
                240000);
    QVERIFY2(run.exitCode == 0, qPrintable(CliTest::dump(run)));
    const QJsonArray rows
        = QJsonDocument::fromJson(run.out).object().value(QLatin1String("store")).toArray();
    QCOMPARE(rows.size(), 9);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QString where = QStringLiteral("%1 B, %2 in flight")
                                  .arg(row.value(QLatin1String("size")).toInt())
                                  .arg(row.value(QLatin1String("concurrency")).toInt());
        QVERIFY2(row.value(QLatin1String("sessions_per_second")).toDouble() > 0, qPrintable(where));
        QVERIFY2(row.value(QLatin1String("errors")).toInt(-1) == 0, qPrintable(where));
        // Without --go-bench, the Go column is left out, and the rest still runs.
        QVERIFY2(row.value(QLatin1String("go_redistore")).toDouble() == 0, qPrintable(where));
        for (const char *reference : { "redis_benchmark_get_p1", "redis_benchmark_get_p16",
                                       "redis_benchmark_mix_p16_sessions" }) {
            const double figure = row.value(QLatin1String(reference)).toDouble();
            QVERIFY2(
                withRedisBenchmark ? figure > 0 : figure == 0,
                qPrintable(
                    QStringLiteral("%1: %2 %3").arg(where, QLatin1String(reference)).arg(figure)));
        }
    }
    // Each configuration's sessions (3 sizes, 1 + 8 + 64 in flight, 32 sessions each).
    checkKeysExpire("session_*", 3 * (1 + 8 + 64) * 32, 60);
    if (!withRedisBenchmark)
        return;
    const QByteArray firstKeyLength = "return redis.call('STRLEN', redis.call('KEYS', ARGV[1])[1])";
    // The mix: the store's SETEX and GET, one request of each per session.
    const QJsonObject last = rows.last().toObject();
    const double setex = last.value(QLatin1String("redis_benchmark_mix_p16_setex")).toDouble();
    const double get = last.value(QLatin1String("redis_benchmark_mix_p16_get")).toDouble();
    const double mix = last.value(QLatin1String("redis_benchmark_mix_p16_sessions")).toDouble();
    QVERIFY(setex > 0 && get > 0);
    QVERIFY(qAbs(mix - 1.0 / (1.0 / setex + 1.0 / get)) < 1e-6 * mix);
    // Its keys: as long as a session's key, as many as the largest configuration cycles, and
    // the last configuration's values are as big as its serialized sessions.
    checkKeysExpire("redistore-bench-mix:*", 64 * 32, 60);
    QCOMPARE(m_redis.command({ "EVAL", firstKeyLength, "0", "redistore-bench-mix:*" }).toLongLong(),
             last.value(QLatin1String("serialized_size")).toInteger());
    // The keys of its GET, filled with values of the last size (each of 10000 keys is written
    // with a probability of 1 - e^-10).
    const qint64 filled
        = m_redis.command({ "EVAL", "return #redis.call('KEYS', 'key:*')", "0" }).toLongLong();
    QVERIFY2(filled > 9990 && filled <= 10000, qPrintable(QString::number(filled)));
    checkKeysExpire("key:*", int(filled), 16);
    QCOMPARE(m_redis.command({ "EVAL", firstKeyLength, "0", "key:*" }).toLongLong(), 4096);
}

void tst_RedistoreBench::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("unknown serializer")
        << QStringList { QStringLiteral("--serializer"), QStringLiteral("xml") }
        << QByteArray("unknown serializer xml");
    QTest::newRow("size 0") << QStringList { QStringLiteral("--size"), QStringLiteral("0"),
                                             QStringLiteral("--concurrency"), QStringLiteral("4") }
                            << QByteArray("--size and --concurrency need positive numbers");
    QTest::newRow("concurrency only")
        << QStringList { QStringLiteral("--concurrency"), QStringLiteral("4") }
        << QByteArray("--size and --concurrency need positive numbers");
}

void tst_RedistoreBench::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);
    const CliTest::Run run = bench(
        QStringList { QStringLiteral("store"), QStringLiteral("--redis-url"), m_redis.url() }
        + arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(CliTest::dump(run)));
    QVERIFY2(run.err.contains(says), qPrintable(CliTest::dump(run)));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_redis.command({ "DBSIZE" }).toLongLong(), 0);
}

QTEST_GUILESS_MAIN(tst_RedistoreBench)
#include "tst_redistorebench.moc"
