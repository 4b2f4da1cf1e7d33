// SessionExporter and SessionImporter on a private Redis Cluster (three masters with a replica
// each): an export reads the sessions of every master, and an import writes each session to its
// slot's master, byte-identical with its TTL, never overwriting unless asked; a file moves
// sessions between a cluster and a single server both ways.

#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionexporter.h>
#include <libredistore/session/sessionimporter.h>

#include "asyncwait.h"
#include "rediscluster.h"
#include "redisserver.h"

#include <QtCore/QBuffer>
#include <QtCore/QElapsedTimer>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

class tst_SessionTransferCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void clusterToClusterAndBack();
    void clusterToServerAndBack();

private:
    RedisConfig clusterConfig() const { return RedisConfig::fromUrl(m_cluster.url()).value(); }
    RedisConfig serverConfig() const
    {
        RedisConfig config;
        config.setPort(m_server.port());
        return config;
    }
    quint16 masterOf(const QByteArray &key) const
    {
        return m_cluster.masterOfSlot(RedisCluster::keySlot(key));
    }
    // The sessions, spread over every master by their keys' slots.
    void fillCluster(int count)
    {
        const QStringList serializers = SessionSerializer::names();
        for (int i = 0; i < count; ++i) {
            const QByteArray key = "session_c" + QByteArray::number(i);
            const QByteArray bytes = SessionSerializer::byName(serializers.at(i % 3))
                                         ->serialize({ { QStringLiteral("n"), i } })
                                         .value();
            QByteArrayList args { "SET", key, bytes };
            if (i % 4 != 0)
                args << "EX" << QByteArray::number(600 + i);
            QCOMPARE(m_cluster.command(masterOf(key), args), QVariant(QByteArray("OK")));
        }
    }
    QByteArray exportFrom(const RedisConfig &config, SessionExportResult *result)
    {
        SessionAdmin admin(config);
        SessionExporter exporter(&admin);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto done = waitFor(exporter.start(&buffer), 30000);
        if (done)
            *result = *done;
        return buffer.data();
    }
    SessionImportResult importInto(const RedisConfig &config, const QByteArray &file,
                                   bool overwrite = false)
    {
        SessionAdmin admin(config);
        SessionImporter importer(&admin);
        importer.setOverwrite(overwrite);
        QBuffer buffer;
        buffer.setData(file);
        buffer.open(QIODevice::ReadOnly);
        const auto done = waitFor(importer.start(&buffer), 30000);
        return done ? *done : SessionImportResult();
    }
    void flushCluster()
    {
        for (const quint16 port : m_cluster.masterPorts())
            QCOMPARE(m_cluster.command(port, { "FLUSHALL" }), QVariant(QByteArray("OK")));
    }

    RedisCluster m_cluster;
    RedisServer m_server;
};

void tst_SessionTransferCluster::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionTransferCluster::init()
{
    flushCluster();
    m_server.command({ "FLUSHALL" });
}

void tst_SessionTransferCluster::clusterToClusterAndBack()
{
    const int count = 150;
    fillCluster(count);
    QHash<QByteArray, QByteArray> before;
    QHash<QByteArray, qint64> ttls;
    QHash<QByteArray, qint64> readAt; // when each TTL was read, on clock
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "session_c" + QByteArray::number(i);
        before.insert(key, m_cluster.command(masterOf(key), { "GET", key }).toByteArray());
        ttls.insert(key, m_cluster.command(masterOf(key), { "PTTL", key }).toLongLong());
        readAt.insert(key, clock.elapsed());
    }
    SessionExportResult exported;
    const QByteArray file = exportFrom(clusterConfig(), &exported);
    QVERIFY2(exported.ok(), qPrintable(exported.error.message()));
    QCOMPARE(exported.exported, count);

    flushCluster();
    const SessionImportResult imported = importInto(clusterConfig(), file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message()));
    QCOMPARE(imported.imported, count);
    // Each on its slot's master (a SET sent elsewhere would have been MOVED), byte-identical.
    qint64 total = 0;
    for (const quint16 port : m_cluster.masterPorts()) {
        const qint64 size = m_cluster.command(port, { "DBSIZE" }).toLongLong();
        QVERIFY(size > 0);
        total += size;
    }
    QCOMPARE(total, count);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        QCOMPARE(m_cluster.command(masterOf(it.key()), { "GET", it.key() }).toByteArray(),
                 it.value());
        const qint64 ttl = m_cluster.command(masterOf(it.key()), { "PTTL", it.key() }).toLongLong();
        if (ttls.value(it.key()) == -1)
            QCOMPARE(ttl, -1);
        else {
            // What was left when read, less the time since, within a second (a loaded machine
            // may take seconds for the round trip through the file).
            const qint64 passed = clock.elapsed() - readAt.value(it.key());
            const qint64 expected = ttls.value(it.key()) - passed;
            QVERIFY2(ttl < ttls.value(it.key()) + 1000 && ttl > expected - 1000,
                     qPrintable(QStringLiteral("TTL %1 ms, %2 ms when read, %3 ms ago")
                                    .arg(ttl)
                                    .arg(ttls.value(it.key()))
                                    .arg(passed)));
        }
    }

    // Again: every session is there, and left alone.
    const SessionImportResult again = importInto(clusterConfig(), file);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.existing, count);
}

void tst_SessionTransferCluster::clusterToServerAndBack()
{
    const int count = 60;
    fillCluster(count);
    SessionExportResult exported;
    const QByteArray file = exportFrom(clusterConfig(), &exported);
    QCOMPARE(exported.exported, count);
    const SessionImportResult toServer = importInto(serverConfig(), file);
    QVERIFY2(toServer.ok(), qPrintable(toServer.error.message()));
    QCOMPARE(toServer.imported, count);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), count);

    // From the single server back into the emptied cluster.
    const QByteArray back = exportFrom(serverConfig(), &exported);
    QCOMPARE(exported.exported, count);
    flushCluster();
    const SessionImportResult toCluster = importInto(clusterConfig(), back, true);
    QVERIFY2(toCluster.ok(), qPrintable(toCluster.error.message()));
    QCOMPARE(toCluster.imported, count);
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "session_c" + QByteArray::number(i);
        QCOMPARE(m_cluster.command(masterOf(key), { "GET", key }).toByteArray(),
                 m_server.command({ "GET", key }).toByteArray());
    }
}

QTEST_GUILESS_MAIN(tst_SessionTransferCluster)
#include "tst_sessiontransfercluster.moc"
