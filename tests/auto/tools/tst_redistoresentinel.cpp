// "redistore sessions ..." against a private Sentinel setup (a master, a replica, three
// sentinels, passwords on the data nodes and on the sentinels), run as an operator runs it with
// a redis+sentinel:// URL: every subcommand reaches the master the sentinels name, also after a
// failover, and the URL with its two passwords can come from a file.

#include <redissentinel.h>
#include <testdata.h>

#include "clitesthelpers.h"

#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QDateTime>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using RediStore::SessionSerializer;
using RediStore::Test::RedisSentinelSetup;

using namespace CliTest;

class tst_RedistoreSentinel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void everySubcommandReachesTheMaster();
    void urlWithItsPasswordsFromAFile();
    void wrongSentinelPasswordIsSaid();
    // Last: the master changes.
    void followsAFailover();

private:
    Run sessions(const QStringList &arguments) const
    {
        return redistore(QStringList { QStringLiteral("sessions") } + arguments
                         + QStringList { QStringLiteral("--url"), m_setup.url() });
    }
    static QByteArray key(const QString &id) { return "session_" + id.toUtf8(); }
    QVariant onMaster(const QByteArrayList &args) const
    {
        return m_setup.command(m_setup.masterPort(), args);
    }
    bool put(const QString &id, const QString &user)
    {
        const QByteArray bytes = SessionSerializer::byName(QStringLiteral("gob"))
                                     ->serialize({ { QStringLiteral("user"), user } })
                                     .value();
        return onMaster({ "SET", key(id), bytes, "EX", "3600" }).toByteArray() == "OK";
    }

    RedisSentinelSetup m_setup { RedisSentinelSetup::Options { "data-pa55", "sentinel-pa55" } };
    QTemporaryDir m_dir;
};

void tst_RedistoreSentinel::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(REDISTORE_CLI)), REDISTORE_CLI);
    QVERIFY2(m_setup.start(), qPrintable(m_setup.errorString()));
    QVERIFY(m_setup.url().contains(QLatin1String("sentinel_password=")));
}

void tst_RedistoreSentinel::init()
{
    onMaster({ "FLUSHALL" });
}

void tst_RedistoreSentinel::everySubcommandReachesTheMaster()
{
    for (int i = 0; i < 12; ++i)
        QVERIFY(put(QStringLiteral("ID%1").arg(i),
                    i < 3 ? QStringLiteral("alice") : QStringLiteral("bob")));
    Run run = sessions({ QStringLiteral("list") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out.count('\n'), 12);
    run = sessions({ QStringLiteral("count") });
    QCOMPARE(run.out, QByteArray("12\n"));
    run = sessions({ QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("ID1") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("{\"user\":\"alice\"}\n"));
    run = sessions(
        { QStringLiteral("set"), QStringLiteral("ID1"), QStringLiteral("n"), QStringLiteral("7") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    run = sessions({ QStringLiteral("expire"), QStringLiteral("ID1"), QStringLiteral("100") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    const qint64 ttl = onMaster({ "TTL", key(QStringLiteral("ID1")) }).toLongLong();
    QVERIFY2(ttl > 90 && ttl <= 100, qPrintable(QString::number(ttl)));
    run = sessions({ QStringLiteral("persist"), QStringLiteral("ID1") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(onMaster({ "TTL", key(QStringLiteral("ID1")) }).toLongLong(), -1);
    run = sessions({ QStringLiteral("delete"), QStringLiteral("ID10"), QStringLiteral("ID11") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("2\n"));

    const QByteArray index = "redistore:user:session_:alice";
    const QByteArray expiry = QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 3600000);
    for (const char *id : { "ID0", "ID1", "ID2" })
        onMaster({ "ZADD", index, expiry, id });
    run = sessions({ QStringLiteral("user"), QStringLiteral("alice") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out.count('\n'), 3);
    run = sessions({ QStringLiteral("revoke-user"), QStringLiteral("alice") });
    QCOMPARE(run.out, QByteArray("3\n"));
    run = sessions({ QStringLiteral("count") });
    QCOMPARE(run.out, QByteArray("7\n"));
}

void tst_RedistoreSentinel::urlWithItsPasswordsFromAFile()
{
    QVERIFY(put(QStringLiteral("A"), QStringLiteral("alice")));
    const QString file
        = RediStore::Test::writeFile(m_dir, QStringLiteral("url"), m_setup.url().toUtf8() + '\n');
    const Run run = redistore({ QStringLiteral("sessions"), QStringLiteral("count"),
                                QStringLiteral("--url-file"), file });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("1\n"));
}

void tst_RedistoreSentinel::wrongSentinelPasswordIsSaid()
{
    QString url = m_setup.url();
    url.replace(QLatin1String("sentinel_password=sentinel-pa55"),
                QLatin1String("sentinel_password=wrong"));
    const Run run = redistore(
        { QStringLiteral("sessions"), QStringLiteral("count"), QStringLiteral("--url"), url });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.err.isEmpty(), qPrintable(dump(run)));
    QVERIFY2(!run.err.contains("wrong") && !run.err.contains("pa55"), run.err.constData());
}

void tst_RedistoreSentinel::followsAFailover()
{
    QVERIFY(put(QStringLiteral("BEFORE"), QStringLiteral("alice")));
    QVERIFY(m_setup.waitUntilSynced());
    const quint16 before = m_setup.masterPort();
    QVERIFY(m_setup.failover());
    const quint16 after = m_setup.waitForNewMaster(before);
    QVERIFY(after != 0 && after != before);
    QVERIFY(m_setup.waitUntilSynced());

    Run run
        = sessions({ QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("BEFORE") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    run = sessions({ QStringLiteral("delete"), QStringLiteral("BEFORE") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(m_setup.command(after, { "EXISTS", key(QStringLiteral("BEFORE")) }).toLongLong(), 0);
}

QTEST_MAIN(tst_RedistoreSentinel)
#include "tst_redistoresentinel.moc"
