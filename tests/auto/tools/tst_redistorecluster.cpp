// "redistore sessions ..." against a private Redis Cluster (3 masters, a replica each), run as
// an operator runs it with a redis+cluster:// URL: every subcommand reaches the sessions on
// every master, and a listing prints each session once.

#include <rediscluster.h>

#include "clitesthelpers.h"

#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSet>
#include <QtTest/QtTest>

using RediStore::SessionSerializer;
using RediStore::Test::RedisCluster;

using namespace CliTest;

class tst_RedistoreCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void helpNamesTheUrlForms();
    void listAndCountCoverEveryMaster();
    void showSetExpirePersistOnEveryMaster();
    void deleteAcrossMasters();
    void sessionsOfAUserAcrossMasters();
    void oneSeedIsEnough();
    void exportAndImportAcrossMasters();

private:
    Run sessions(const QStringList &arguments, const QString &url = QString()) const
    {
        return redistore(
            QStringList { QStringLiteral("sessions") } + arguments
            + QStringList { QStringLiteral("--url"), url.isEmpty() ? m_cluster.url() : url });
    }
    static QByteArray key(const QString &id) { return "session_" + id.toUtf8(); }
    quint16 masterOf(const QByteArray &key) const
    {
        return m_cluster.masterOfSlot(RedisCluster::keySlot(key));
    }
    QVariant onMaster(const QByteArray &key, const QByteArrayList &args) const
    {
        return m_cluster.command(masterOf(key), args);
    }
    // count gob sessions (as Go's redistore stores them), an hour to live; at least one on
    // each master.
    QStringList put(int count)
    {
        QStringList ids;
        QSet<quint16> masters;
        for (int i = 0; i < count; ++i) {
            // 52 base32 characters, like the store's IDs.
            QString id = QStringLiteral("ID%1").arg(i, 4, 10, QLatin1Char('0'));
            id += QString(QLatin1Char('A')).repeated(52 - id.size());
            const QByteArray bytes
                = SessionSerializer::byName(QStringLiteral("gob"))
                      ->serialize({ { QStringLiteral("user"), QStringLiteral("user%1").arg(i) } })
                      .value();
            if (onMaster(key(id), { "SET", key(id), bytes, "EX", "3600" }).toByteArray() != "OK")
                return {};
            masters.insert(masterOf(key(id)));
            ids << id;
        }
        return masters.size() == 3 ? ids : QStringList();
    }
    // One ID a master.
    QHash<quint16, QString> onePerMaster(const QStringList &ids) const
    {
        QHash<quint16, QString> chosen;
        for (const QString &id : ids)
            chosen.insert(masterOf(key(id)), id);
        return chosen;
    }

    RedisCluster m_cluster;
};

void tst_RedistoreCluster::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(REDISTORE_CLI)), REDISTORE_CLI);
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void tst_RedistoreCluster::init()
{
    for (const quint16 master : m_cluster.masterPorts())
        m_cluster.command(master, { "FLUSHALL" });
}

void tst_RedistoreCluster::helpNamesTheUrlForms()
{
    checkHelp({ QStringLiteral("sessions"), QStringLiteral("--help") },
              QStringLiteral("redis+cluster://host:port,host:port"));
    if (QTest::currentTestFailed())
        return;
    checkHelp({ QStringLiteral("sessions"), QStringLiteral("--help") },
              QStringLiteral("redis+sentinel://host:port,host:port/MASTER"));
    if (QTest::currentTestFailed())
        return;
    checkHelp({ QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--help") },
              QStringLiteral("printed once"));
}

void tst_RedistoreCluster::listAndCountCoverEveryMaster()
{
    const QStringList ids = put(120);
    QCOMPARE(ids.size(), 120);

    Run run = sessions({ QStringLiteral("list") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString());
    QCOMPARE(lines.size(), 120);
    QSet<QString> listed;
    for (const QString &line : std::as_const(lines)) {
        listed.insert(line.section(QLatin1Char(' '), 0, 0));
        QVERIFY2(line.contains(QLatin1String("user=\"user")), qPrintable(line));
    }
    QCOMPARE(listed, QSet<QString>(ids.cbegin(), ids.cend()));

    run = sessions({ QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    const QJsonArray array = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(array.size(), 120);
    listed.clear();
    for (const QJsonValue &entry : array)
        listed.insert(entry.toObject().value(QLatin1String("id")).toString());
    QCOMPARE(listed.size(), 120);

    run = sessions({ QStringLiteral("count") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("120\n"));
}

void tst_RedistoreCluster::showSetExpirePersistOnEveryMaster()
{
    const QHash<quint16, QString> chosen = onePerMaster(put(30));
    QCOMPARE(chosen.size(), 3);
    for (const QString &id : chosen) {
        Run run = sessions({ QStringLiteral("show"), QStringLiteral("--json"), id });
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        QVERIFY2(run.out.startsWith("{\"user\":\"user"), run.out.constData());

        run = sessions(
            { QStringLiteral("set"), id, QStringLiteral("role"), QStringLiteral("\"admin\"") });
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        run = sessions({ QStringLiteral("show"), QStringLiteral("--json"), id });
        QVERIFY2(run.out.contains("\"role\":\"admin\""), run.out.constData());

        run = sessions({ QStringLiteral("expire"), id, QStringLiteral("100") });
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        const qint64 ttl = onMaster(key(id), { "TTL", key(id) }).toLongLong();
        QVERIFY2(ttl > 90 && ttl <= 100, qPrintable(QString::number(ttl)));

        run = sessions({ QStringLiteral("persist"), id });
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        QCOMPARE(onMaster(key(id), { "TTL", key(id) }).toLongLong(), -1);
    }
}

void tst_RedistoreCluster::deleteAcrossMasters()
{
    const QStringList ids = put(30);
    const QHash<quint16, QString> chosen = onePerMaster(ids);
    QCOMPARE(chosen.size(), 3);
    QStringList doomed = chosen.values();
    Run run = sessions(QStringList { QStringLiteral("delete") } + doomed);
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("3\n"));
    for (const QString &id : std::as_const(doomed))
        QCOMPARE(onMaster(key(id), { "EXISTS", key(id) }).toLongLong(), 0);
    run = sessions({ QStringLiteral("count") });
    QCOMPARE(run.out, QByteArray("27\n"));

    // One that is gone among others: the others go, and the exit status says so.
    doomed = { ids.at(0), ids.at(1), doomed.first() };
    doomed.removeDuplicates();
    run = sessions(QStringList { QStringLiteral("delete") } + doomed);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("did not exist"), run.err.constData());
}

void tst_RedistoreCluster::sessionsOfAUserAcrossMasters()
{
    const QHash<quint16, QString> chosen = onePerMaster(put(30));
    QCOMPARE(chosen.size(), 3);
    const QByteArray index = "redistore:user:session_:alice";
    const QByteArray expiry = QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 3600000);
    for (const QString &id : chosen)
        onMaster(index, { "ZADD", index, expiry, id.toUtf8() });

    Run run = sessions({ QStringLiteral("user"), QStringLiteral("alice") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    for (const QString &id : chosen)
        QVERIFY2(run.out.contains(id.toUtf8()), run.out.constData());
    QCOMPARE(run.out.count('\n'), 3);

    run = sessions({ QStringLiteral("revoke-user"), QStringLiteral("alice") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("3\n"));
    for (const QString &id : chosen)
        QCOMPARE(onMaster(key(id), { "EXISTS", key(id) }).toLongLong(), 0);
    run = sessions({ QStringLiteral("count") });
    QCOMPARE(run.out, QByteArray("27\n"));
}

// The other masters are found from any one node, a replica too.
void tst_RedistoreCluster::oneSeedIsEnough()
{
    put(30);
    const quint16 replica = m_cluster.replicaPorts(m_cluster.masterPorts().first()).value(0);
    QVERIFY(replica != 0);
    const Run run = sessions({ QStringLiteral("count") },
                             QStringLiteral("redis+cluster://127.0.0.1:%1").arg(replica));
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("30\n"));
}

// export reads every master; import writes each session to its slot's master, as it was.
void tst_RedistoreCluster::exportAndImportAcrossMasters()
{
    const QStringList ids = put(40);
    QCOMPARE(ids.size(), 40);
    QHash<QString, QByteArray> before;
    for (const QString &id : ids)
        before.insert(id, onMaster(key(id), { "GET", key(id) }).toByteArray());
    const Run exported = sessions({ QStringLiteral("export"), QStringLiteral("-") });
    QVERIFY2(exported.exitCode == 0, qPrintable(dump(exported)));
    QCOMPARE(exported.err, QByteArray("exported 40 sessions to standard output\n"));

    for (const quint16 master : m_cluster.masterPorts())
        m_cluster.command(master, { "FLUSHALL" });
    const Run imported
        = redistore({ QStringLiteral("sessions"), QStringLiteral("import"), QStringLiteral("-"),
                      QStringLiteral("--url"), m_cluster.url() },
                    exported.out);
    QVERIFY2(imported.exitCode == 0, qPrintable(dump(imported)));
    QCOMPARE(imported.err, QByteArray("imported 40, skipped 0 existing, 0 failed\n"));
    for (const QString &id : ids) {
        QCOMPARE(onMaster(key(id), { "GET", key(id) }).toByteArray(), before.value(id));
        const qint64 ttl = onMaster(key(id), { "PTTL", key(id) }).toLongLong();
        QVERIFY2(ttl > 3590000 && ttl <= 3600000, qPrintable(QString::number(ttl)));
    }

    // Again: every session is there, on whichever master, and left alone.
    const Run again = redistore({ QStringLiteral("sessions"), QStringLiteral("import"),
                                  QStringLiteral("-"), QStringLiteral("--url"), m_cluster.url() },
                                exported.out);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("skipped 40 existing"), again.err.constData());
}

QTEST_MAIN(tst_RedistoreCluster)
#include "tst_redistorecluster.moc"
