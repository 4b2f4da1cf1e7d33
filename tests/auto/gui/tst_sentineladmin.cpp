// The admin app through Redis Sentinel (a master, a replica and three sentinels; passwords on
// the data nodes and on the sentinels): the dialog's sentinel form connects, the window lists the
// master's sessions and the status bar names the master and sentinels; after a failover a
// refresh lists the new master's sessions.

#include "connection/profilestore.h"
#include "connection/sessionconnection.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "sessions/sessiontablemodel.h"
#include "statuspanel.h"
#include "translationloader.h"

#include <redissentinel.h>

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisSentinelSetup;

class tst_SentinelAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void wrongSentinelPasswordIsSaid();
    void sentinelFormListsTheMastersSessions();

private:
    bool put(const QString &id) const
    {
        const QByteArray bytes = SessionSerializer::byName(QStringLiteral("gob"))
                                     ->serialize({ { QStringLiteral("user"), id } })
                                     .value();
        return m_setup.command(m_setup.masterPort(), { "SET", "session_" + id.toUtf8(), bytes })
                   .toByteArray()
            == "OK";
    }
    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.transport = ConnectionProfile::Transport::Sentinel;
        QStringList nodes;
        for (const quint16 port : m_setup.sentinelPorts())
            nodes << QStringLiteral("127.0.0.1:%1").arg(port);
        p.nodes = nodes.join(QStringLiteral(", "));
        p.masterName = m_setup.masterName();
        p.password = QStringLiteral("data-pa55");
        p.sentinelPassword = QStringLiteral("sentinel-pa55");
        return p;
    }
    void openWindow(const ConnectionProfile &p)
    {
        m_window = std::make_unique<MainWindow>(m_store.get());
        m_window->resize(1280, 800);
        m_window->show();
        m_window->openProfile(p);
    }

    RedisSentinelSetup m_setup { RedisSentinelSetup::Options { "data-pa55", "sentinel-pa55" } };
    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void tst_SentinelAdmin::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
    QVERIFY2(m_setup.start(), qPrintable(m_setup.errorString()));
    m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
}

void tst_SentinelAdmin::cleanup()
{
    m_window.reset();
}

void tst_SentinelAdmin::wrongSentinelPasswordIsSaid()
{
    ConnectionProfile p = profile();
    p.sentinelPassword = QStringLiteral("wrong");
    openWindow(p);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connection()->state(), SessionConnection::State::Failed,
                              15000);
    const QString message = m_window->connection()->errorText();
    QVERIFY2(message.contains(QLatin1String("sentinel")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("wrong")), qPrintable(message));
}

void tst_SentinelAdmin::sentinelFormListsTheMastersSessions()
{
    m_setup.command(m_setup.masterPort(), { "FLUSHALL" });
    for (int i = 0; i < 10; ++i)
        QVERIFY(put(QStringLiteral("ID%1").arg(i)));
    openWindow(profile());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connection()->state(), SessionConnection::State::Connected,
                              15000);
    SessionTableModel *model = m_window->sessionModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->isScanComplete() && model->rowCount() == 10, 10000);
    QTRY_VERIFY(m_window->statusPanel()->text().startsWith(QLatin1String("Sentinel mymaster ")));
    QVERIFY2(m_window->statusPanel()->text().contains(
                 QStringLiteral("127.0.0.1:%1").arg(m_setup.sentinelPorts().first())),
             qPrintable(m_window->statusPanel()->text()));

    // A failover: the sessions are on the new master, and a new one written there is listed.
    QVERIFY(m_setup.waitUntilSynced());
    const quint16 before = m_setup.masterPort();
    QVERIFY(m_setup.failover());
    QVERIFY(m_setup.waitForNewMaster(before) != 0);
    QVERIFY(m_setup.waitUntilSynced());
    QVERIFY(put(QStringLiteral("AFTER")));
    // The connections notice the failover as they are used: refresh until the listing is
    // the new master's (a scan that failed on the way is retried by the refresh too).
    QTRY_VERIFY2_WITH_TIMEOUT(
        [&]() {
            if (model->rowOf(QStringLiteral("AFTER")) >= 0 && model->isScanComplete())
                return true;
            if (!model->isScanning())
                m_window->refresh();
            return false;
        }(),
        qPrintable(m_window->statusPanel()->text() + QLatin1Char(' ')
                   + m_window->connection()->errorText()),
        20000);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 11, 10000);
}

QTEST_MAIN(tst_SentinelAdmin)
#include "tst_sentineladmin.moc"
