// KeyspaceWatcher and LiveUpdates against a real redis-server: notifications off are found and
// turned on only on request, rows follow sessions created, changed, expired and deleted, and
// without notifications a periodic rescan does the same. (What the flags and each event mean
// is SessionWatcher's, tested in tst_sessionwatcher.)

#include "connection/sessionconnection.h"
#include "guitestsupport.h"
#include "live/keyspacewatcher.h"
#include "live/liveupdates.h"
#include "sessions/sessiontablemodel.h"

#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionwatcher.h>

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_LiveUpdates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void offersToEnableAndEnablesOnlyWhenAsked();
    void notificationsAddChangeAndRemoveRows();
    void pollsWhenNotificationsAreOff();
    void readOnlyNeverOffersConfigSet();

private:
    bool open(SessionConnection &connection, bool readOnly = false);

    RedisServer m_server;
};

void tst_LiveUpdates::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_LiveUpdates::init()
{
    m_server.command({ "FLUSHALL" });
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "" });
}

void tst_LiveUpdates::cleanup()
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "" });
}

bool tst_LiveUpdates::open(SessionConnection &connection, bool readOnly)
{
    ConnectionProfile profile = ConnectionProfile::fromUrl(m_server.url());
    profile.readOnly = readOnly;
    QSignalSpy opened(&connection, &SessionConnection::opened);
    connection.open(profile);
    return opened.wait(5000);
}

void tst_LiveUpdates::offersToEnableAndEnablesOnlyWhenAsked()
{
    SessionConnection connection;
    QVERIFY(open(connection));
    SessionTableModel model;
    model.setAdmin(connection.admin());
    LiveUpdates live(&model);
    QSignalSpy offered(&live, &LiveUpdates::enableOffered);
    live.start(&connection);
    QVERIFY(offered.wait(5000));
    QCOMPARE(live.mode(), LiveUpdates::Mode::Polling);
    QVERIFY(live.canEnable());
    // Nothing changed on the server by itself.
    QCOMPARE(m_server.command({ "CONFIG", "GET", "notify-keyspace-events" })
                 .toList()
                 .value(1)
                 .toByteArray(),
             QByteArray());
    live.enableNotifications();
    QTRY_COMPARE(live.mode(), LiveUpdates::Mode::Live);
    const QByteArray flags = m_server.command({ "CONFIG", "GET", "notify-keyspace-events" })
                                 .toList()
                                 .value(1)
                                 .toByteArray();
    QVERIFY2(SessionWatcher::flagsSuffice(QString::fromLatin1(flags)), flags.constData());
}

void tst_LiveUpdates::notificationsAddChangeAndRemoveRows()
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
    Test::fillSessions(m_server, 50);
    SessionConnection connection;
    QVERIFY(open(connection));
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAdmin(connection.admin());
    model.fetchMore(QModelIndex());
    LiveUpdates live(&model);
    live.start(&connection);
    QTRY_COMPARE(live.mode(), LiveUpdates::Mode::Live);
    QTRY_VERIFY(model.isScanComplete());
    QCOMPARE(model.rowCount(), 50);

    // Created
    Test::storeSession(m_server, QStringLiteral("session_LIVE1"), { { QStringLiteral("a"), 1 } },
                       QStringLiteral("json"), 300);
    QTRY_VERIFY(model.rowOf(QStringLiteral("LIVE1")) >= 0);
    QCOMPARE(model.rowCount(), 51);
    // Changed (TTL)
    QSignalSpy touched(&model, &SessionTableModel::sessionsTouched);
    m_server.command({ "EXPIRE", "session_LIVE1", "9000" });
    QTRY_VERIFY(model.ttlMs(model.rowOf(QStringLiteral("LIVE1"))) > 8000 * 1000);
    QVERIFY(!touched.isEmpty());
    // Deleted
    m_server.command({ "DEL", "session_LIVE1" });
    QTRY_COMPARE(model.rowOf(QStringLiteral("LIVE1")), -1);
    QCOMPARE(model.rowCount(), 50);
    // Expired
    Test::storeSession(m_server, QStringLiteral("session_LIVE2"), { { QStringLiteral("a"), 2 } },
                       QStringLiteral("json"), 0);
    QTRY_VERIFY(model.rowOf(QStringLiteral("LIVE2")) >= 0);
    m_server.command({ "PEXPIRE", "session_LIVE2", "200" });
    QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(QStringLiteral("LIVE2")), -1, 10000);
    // Many at once
    const QStringList more = Test::fillSessions(
        m_server, 300, { QStringLiteral("session_"), QStringLiteral("json"), 60, 120, 0, 0, 7 });
    QTRY_COMPARE(model.rowCount(), 350);
    QByteArrayList del { "DEL" };
    for (const QString &id : more)
        del << "session_" + id.toUtf8();
    m_server.command(del);
    QTRY_COMPARE(model.rowCount(), 50);
    // Keys of another prefix do not show. A session stored after it is the round trip: its
    // notification comes after the other key's, so once its row is there, the other key's
    // notification has been handled too.
    m_server.command({ "SET", "cache_x", "1" });
    Test::storeSession(m_server, QStringLiteral("session_MARK"), { { QStringLiteral("a"), 3 } },
                       QStringLiteral("json"), 300);
    QTRY_VERIFY(model.rowOf(QStringLiteral("MARK")) >= 0);
    QCOMPARE(model.rowCount(), 51);
    QCOMPARE(model.rowOf(QStringLiteral("cache_x")), -1);
}

void tst_LiveUpdates::pollsWhenNotificationsAreOff()
{
    Test::fillSessions(m_server, 10);
    SessionConnection connection;
    QVERIFY(open(connection));
    SessionTableModel model;
    model.setAdmin(connection.admin());
    model.fetchMore(QModelIndex());
    LiveUpdates live(&model);
    live.setMinimumPollInterval(200);
    live.start(&connection);
    QTRY_COMPARE(live.mode(), LiveUpdates::Mode::Polling);
    QTRY_COMPARE(model.rowCount(), 10);
    Test::storeSession(m_server, QStringLiteral("session_POLLED"), { { QStringLiteral("a"), 1 } },
                       QStringLiteral("gob"), 300);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(QStringLiteral("POLLED")) >= 0, 10000);
    m_server.command({ "DEL", "session_POLLED" });
    QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(QStringLiteral("POLLED")), -1, 10000);
    QVERIFY(live.statusText().startsWith(QStringLiteral("Refreshing every")));
}

void tst_LiveUpdates::readOnlyNeverOffersConfigSet()
{
    SessionConnection connection;
    QVERIFY(open(connection, true));
    SessionTableModel model;
    model.setAdmin(connection.admin());
    LiveUpdates live(&model);
    QSignalSpy offered(&live, &LiveUpdates::enableOffered);
    m_server.command({ "CONFIG", "RESETSTAT" });
    live.start(&connection);
    QTRY_COMPARE(live.mode(), LiveUpdates::Mode::Polling);
    QVERIFY(!live.canEnable());
    live.enableNotifications();
    // A read through the same admin, answered: anything sent before it has reached Redis.
    const QFuture<SessionContent> read = connection.admin()->load(QStringLiteral("none"));
    QTRY_VERIFY(read.isFinished());
    QCOMPARE(offered.count(), 0);
    QCOMPARE(Test::writeCommands(Test::commandStats(m_server)), QStringList());
}

QTEST_MAIN(tst_LiveUpdates)
#include "tst_liveupdates.moc"
