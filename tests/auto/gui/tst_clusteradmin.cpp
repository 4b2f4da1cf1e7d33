// The admin app on a private Redis Cluster (3 masters, a replica each): a profile with a cluster
// URL, or the dialog's cluster form with one seed node, connects; the window lists the sessions
// of every master and the status bar names the masters; a listing that begins again because the
// masters changed (a failover) keeps each session once and drops those gone meanwhile.

#include "connection/connectiondialog.h"
#include "connection/profilestore.h"
#include "connection/sessionconnection.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "sessions/sessiontablemodel.h"
#include "statuspanel.h"
#include "translationloader.h"

#include <rediscluster.h>

#include <libredistore/async.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QRadioButton>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisCluster;

class tst_ClusterAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void nodesInTheStatusBar();
    void windowListsTheSessionsOfEveryMaster_data();
    void windowListsTheSessionsOfEveryMaster();
    void dialogConnectsWithTheClusterForm();
    // Last: it fails a master over.
    void listingThatBeginsAgainKeepsEachSessionOnce();

private:
    // count sessions, stored on the master of their key's slot; returns their IDs.
    QStringList putSessions(int count);
    QByteArray key(const QString &id) const { return "session_" + id.toUtf8(); }

    QTemporaryDir m_dir;
    RedisCluster m_cluster;
    QHash<quint16, int> m_perMaster; // sessions stored on each master
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void tst_ClusterAdmin::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void tst_ClusterAdmin::init()
{
    for (const quint16 master : m_cluster.masterPorts())
        m_cluster.command(master, { "FLUSHALL" });
    m_perMaster.clear();
    m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
}

void tst_ClusterAdmin::cleanup()
{
    m_window.reset();
    m_store.reset();
}

QStringList tst_ClusterAdmin::putSessions(int count)
{
    QRandomGenerator random(7);
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = Test::SessionFiller::randomId(random);
        const QByteArray bytes
            = SessionSerializer::byName(QStringLiteral("gob"))
                  ->serialize({ { QStringLiteral("user"), QStringLiteral("user%1").arg(i) } })
                  .value();
        const quint16 master = m_cluster.masterOfSlot(RedisCluster::keySlot(key(id)));
        if (m_cluster.command(master, { "SET", key(id), bytes, "EX", "3600" }).toByteArray()
            != "OK")
            return {};
        ++m_perMaster[master];
        ids << id;
    }
    return ids;
}

void tst_ClusterAdmin::nodesInTheStatusBar()
{
    RedisConfig cluster;
    cluster.setCluster(
        { { QStringLiteral("10.0.0.1"), 7000 }, { QStringLiteral("10.0.0.2"), 7000 } });
    QCOMPARE(StatusPanel::nodesText(cluster, {}),
             QStringLiteral("Cluster (seeds 10.0.0.1:7000, 10.0.0.2:7000)"));
    QList<RedisConfig> masters;
    for (int port = 7000; port < 7004; ++port)
        masters << cluster.forNode({ QStringLiteral("10.0.0.9"), quint16(port) });
    QCOMPARE(StatusPanel::nodesText(cluster, masters.mid(0, 1)),
             QStringLiteral("Cluster: 1 master (10.0.0.9:7000)"));
    // Three at most; the tooltip has them all.
    QCOMPARE(StatusPanel::nodesText(cluster, masters),
             QStringLiteral("Cluster: 4 masters (10.0.0.9:7000, 10.0.0.9:7001, 10.0.0.9:7002, "
                            "\u2026)"));
    QVERIFY(StatusPanel::nodesToolTip(cluster, masters).endsWith(QLatin1String("10.0.0.9:7003")));

    RedisConfig sentinel;
    sentinel.setSentinel({ { QStringLiteral("10.0.0.1"), 26379 } }, QStringLiteral("mymaster"));
    QCOMPARE(StatusPanel::nodesText(sentinel, { sentinel }),
             QStringLiteral("Sentinel mymaster (sentinels 10.0.0.1:26379)"));
    QCOMPARE(StatusPanel::nodesText(sentinel,
                                    { sentinel.forNode({ QStringLiteral("10.0.0.5"), 6379 }) }),
             QStringLiteral("Sentinel mymaster \u2192 10.0.0.5:6379"));

    RedisConfig one;
    one.setHost(QStringLiteral("10.0.0.5"));
    QCOMPARE(StatusPanel::nodesText(one, { one }), QStringLiteral("10.0.0.5:6379"));
}

void tst_ClusterAdmin::windowListsTheSessionsOfEveryMaster_data()
{
    QTest::addColumn<bool>("fromUrl");
    QTest::newRow("redis+cluster:// URL") << true;
    QTest::newRow("cluster form, one seed") << false;
}

void tst_ClusterAdmin::windowListsTheSessionsOfEveryMaster()
{
    QFETCH(bool, fromUrl);
    const QStringList ids = putSessions(60);
    QCOMPARE(ids.size(), 60);
    const QList<quint16> masters = m_cluster.masterPorts();
    QCOMPARE(m_perMaster.size(), 3); // every master holds some

    ConnectionProfile profile;
    if (fromUrl) {
        profile = ConnectionProfile::fromUrl(m_cluster.url());
    } else {
        profile.transport = ConnectionProfile::Transport::Cluster;
        profile.nodes = QStringLiteral("127.0.0.1:%1").arg(masters.first());
    }
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->resize(1280, 800);
    m_window->show();
    m_window->openProfile(profile);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connection()->state(), SessionConnection::State::Connected,
                              10000);
    SessionTableModel *model = m_window->sessionModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->isScanComplete(), 10000);
    QCOMPARE(model->rowCount(), 60);
    for (const QString &id : ids)
        QVERIFY2(model->rowOf(id) >= 0, qPrintable(id));

    // The status bar names the three masters, whatever seed it started from.
    QTRY_VERIFY(m_window->statusPanel()->text().contains(QLatin1String("Cluster: 3 masters ("))
                && m_window->statusPanel()->text().contains(QLatin1String("| 60 sessions")));
    const QString status = m_window->statusPanel()->text();
    for (const quint16 master : masters)
        QVERIFY2(status.contains(QStringLiteral("127.0.0.1:%1").arg(master)), qPrintable(status));
    QVERIFY2(!status.contains(QLatin1String("database")), qPrintable(status));

    // A session on each master opens in the detail, and deleting sessions reaches every master.
    QHash<quint16, QString> onMaster;
    for (const QString &id : ids)
        onMaster.insert(m_cluster.masterOfSlot(RedisCluster::keySlot(key(id))), id);
    QCOMPARE(onMaster.size(), 3);
    const QStringList doomed = onMaster.values();
    SessionDeletion deletion;
    bool deleted = false;
    whenFinished(m_window->connection()->admin()->remove(doomed), this,
                 [&](const SessionDeletion &result) {
                     deletion = result;
                     deleted = true;
                 });
    QTRY_VERIFY(deleted);
    QVERIFY2(deletion.ok(), qPrintable(deletion.error.message()));
    QCOMPARE(deletion.deleted, 3);
    for (auto it = onMaster.cbegin(); it != onMaster.cend(); ++it)
        QCOMPARE(m_cluster.command(it.key(), { "EXISTS", key(it.value()) }).toLongLong(), 0);
}

void tst_ClusterAdmin::dialogConnectsWithTheClusterForm()
{
    putSessions(5);
    ConnectionDialog dialog(m_store.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QRadioButton *cluster = nullptr;
    for (QRadioButton *button : dialog.findChildren<QRadioButton *>()) {
        if (button->text() == QLatin1String("Cluster"))
            cluster = button;
    }
    QVERIFY(cluster);
    cluster->click();
    QLineEdit *nodes = nullptr;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (edit->isEnabled() && edit->placeholderText().contains(QLatin1String(":7000")))
            nodes = edit;
    }
    QVERIFY(nodes);
    QTest::keyClicks(nodes, QStringLiteral("127.0.0.1:%1").arg(m_cluster.masterPorts().last()));
    const ConnectionProfile profile = dialog.profile();
    QCOMPARE(profile.transport, ConnectionProfile::Transport::Cluster);
    QCOMPARE(profile.database, 0);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.tryConnect();
    QVERIFY2(accepted.wait(10000) || accepted.count() == 1, qPrintable(dialog.statusText()));
}

// The table asks one page (one master's sessions), a session it listed is deleted and a master
// fails over; the listing then begins again, and ends with each session once, the deleted one
// gone.
void tst_ClusterAdmin::listingThatBeginsAgainKeepsEachSessionOnce()
{
    QStringList ids = putSessions(45);
    QCOMPARE(ids.size(), 45);
    RedisConfig config = RedisConfig::fromUrl(m_cluster.url()).value();
    RedisPool pool(config);
    SessionAdmin admin(&pool, QStringLiteral("session_"), nullptr);
    SessionTableModel model;
    model.setScanToEnd(false);
    model.setAdmin(&admin);
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isScanning() && model.rowCount() > 0, 10000);
    QVERIFY(!model.isScanComplete());
    QVERIFY(model.rowCount() < 45);
    const QString gone = model.sessionId(0);
    const quint16 goneMaster = m_cluster.masterOfSlot(RedisCluster::keySlot(key(gone)));
    QCOMPARE(m_cluster.command(goneMaster, { "DEL", key(gone) }).toLongLong(), 1);
    ids.removeOne(gone);

    QSignalSpy changed(&pool, &RedisPool::topologyChanged);
    const quint16 victim = m_cluster.masterPorts().last();
    m_cluster.kill(victim);
    QVERIFY(m_cluster.waitForFailover(victim) != 0);
    pool.refreshTopology();
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() > 0, 10000);

    model.setScanToEnd(true);
    model.fetchMore(QModelIndex());
    QTRY_VERIFY_WITH_TIMEOUT(model.isScanComplete(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 44, 10000);
    QCOMPARE(model.rowOf(gone), -1);
    QSet<QString> listed;
    for (int row = 0; row < model.rowCount(); ++row)
        listed.insert(model.sessionId(row));
    QCOMPARE(listed.size(), 44);
    QCOMPARE(listed, QSet<QString>(ids.cbegin(), ids.cend()));

    QVERIFY(m_cluster.restart(victim));
    QVERIFY(m_cluster.waitUntilOk());
}

QTEST_MAIN(tst_ClusterAdmin)
#include "tst_clusteradmin.moc"
