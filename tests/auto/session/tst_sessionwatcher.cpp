// SessionWatcher against a real redis-server: what each keyspace event means, listening when
// the server sends notifications, polling when it does not or CONFIG is refused, and turning
// notifications on only when asked.

#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionwatcher.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace RediStore;
using namespace RediStore::Test;

using Event = SessionWatcher::Event;
using Seen = QList<QPair<QString, Event>>;

// Every event a watcher reports, in order.
class Recorder
{
public:
    explicit Recorder(SessionWatcher *watcher)
    {
        QObject::connect(watcher, &SessionWatcher::sessionChanged, watcher,
                         [this](const QString &id, Event event) {
                             seen.append({ id, event });
                         });
    }
    // Runs the event loop until (id, event) has been reported.
    bool waitFor(const QString &id, Event event, int timeoutMs = 8000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!seen.contains({ id, event })) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(5);
        }
        return true;
    }
    Seen seen;
};

class tst_SessionWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void eventMeanings_data();
    void eventMeanings();
    void flagsSuffice_data();
    void flagsSuffice();
    void listensWhenNotificationsAreOn_data();
    void listensWhenNotificationsAreOn();
    void listeningSkipsOtherKeysAndTheIndex();
    void evictionIsReported();
    void pollsWhenNotificationsAreOff();
    void pollingSkipsOtherKeysAndTheIndex();
    void pollsWhenConfigIsRefused();
    void enablesNotificationsOnlyWhenAsked();
    void recheckSwitchesModes();
    void stopsWhenTheAdminIsDeleted();

private:
    RedisConfig config() const
    {
        RedisConfig config;
        config.setPort(m_server.port());
        return config;
    }
    QByteArray serverFlags() const
    {
        return m_server.command({ "CONFIG", "GET", "notify-keyspace-events" })
            .toList()
            .value(1)
            .toByteArray();
    }
    RedisServer m_server;
};

void tst_SessionWatcher::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionWatcher::init()
{
    m_server.command({ "FLUSHALL" });
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "" });
}

void tst_SessionWatcher::cleanup()
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "" });
    m_server.command({ "CONFIG", "SET", "maxmemory", "0" });
}

void tst_SessionWatcher::eventMeanings_data()
{
    QTest::addColumn<QByteArray>("notification");
    QTest::addColumn<int>("event"); // -1: none
    const QList<QPair<const char *, int>> rows {
        { "set", int(Event::Written) },
        { "setrange", int(Event::Written) },
        { "append", int(Event::Written) },
        { "incrby", int(Event::Written) },
        { "incrbyfloat", int(Event::Written) },
        { "restore", int(Event::Written) },
        { "rename_to", int(Event::Written) },
        { "move_to", int(Event::Written) },
        { "copy_to", int(Event::Written) },
        { "hset", int(Event::Written) },
        { "expire", int(Event::TtlChanged) },
        { "persist", int(Event::TtlChanged) },
        { "del", int(Event::Deleted) },
        { "unlink", int(Event::Deleted) },
        { "rename_from", int(Event::Deleted) },
        { "move_from", int(Event::Deleted) },
        { "expired", int(Event::Expired) },
        { "evicted", int(Event::Evicted) },
        { "new", -1 },
        { "keymiss", -1 },
    };
    for (const auto &[name, event] : rows)
        QTest::newRow(name) << QByteArray(name) << event;
}

void tst_SessionWatcher::eventMeanings()
{
    QFETCH(QByteArray, notification);
    QFETCH(int, event);
    const auto meaning = SessionWatcher::eventFor(notification);
    QCOMPARE(meaning.has_value(), event >= 0);
    if (meaning) {
        QCOMPARE(int(*meaning), event);
        QCOMPARE(SessionWatcher::isRemoval(*meaning),
                 *meaning == Event::Deleted || *meaning == Event::Expired
                     || *meaning == Event::Evicted);
    }
}

void tst_SessionWatcher::flagsSuffice_data()
{
    QTest::addColumn<QString>("flags");
    QTest::addColumn<bool>("suffice");
    QTest::addColumn<QString>("enabled");
    QTest::newRow("off") << "" << false << "Kg$xe";
    QTest::newRow("keyevent only") << "Ex" << false << "ExKg$e";
    QTest::newRow("all keyspace") << "AK" << true << "AK";
    QTest::newRow("all keyevent") << "AE" << false << "AEK";
    QTest::newRow("exactly enough") << "Kg$x" << true << "Kg$xe";
}

void tst_SessionWatcher::flagsSuffice()
{
    QFETCH(QString, flags);
    QFETCH(bool, suffice);
    QFETCH(QString, enabled);
    QCOMPARE(SessionWatcher::flagsSuffice(flags), suffice);
    QCOMPARE(SessionWatcher::flagsWithKeyspace(flags), enabled);
    QVERIFY(SessionWatcher::flagsSuffice(SessionWatcher::flagsWithKeyspace(flags)));
}

void tst_SessionWatcher::listensWhenNotificationsAreOn_data()
{
    QTest::addColumn<QByteArray>("flags");
    QTest::newRow("KA") << QByteArray("KA");
    QTest::newRow("Kg$x") << QByteArray("Kg$x");
}

void tst_SessionWatcher::listensWhenNotificationsAreOn()
{
    QFETCH(QByteArray, flags);
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", flags });
    m_server.command({ "SET", "session_a", "alice" });
    SessionAdmin admin(config());
    SessionWatcher watcher(&admin);
    Recorder recorder(&watcher);
    QSignalSpy resync(&watcher, &SessionWatcher::resyncNeeded);
    QSignalSpy modes(&watcher, &SessionWatcher::modeChanged);
    watcher.start();
    QCOMPARE(watcher.mode(), SessionWatcher::Mode::Checking);
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Listening);
    QCOMPARE(watcher.notifications(), SessionWatcher::Notifications::Enabled);
    QCOMPARE(watcher.notificationFlags(), QString::fromLatin1(serverFlags()));
    QCOMPARE(resync.count(), 1);
    QCOMPARE(modes.count(), 2); // Checking, Listening

    const QList<QByteArrayList> commands {
        { "SET", "session_n", "v" },
        { "SETRANGE", "session_n", "0", "w" },
        { "APPEND", "session_n", "x" },
        { "INCRBY", "session_i", "5" },
        { "EXPIRE", "session_n", "100" },
        { "PERSIST", "session_n" },
        { "DEL", "session_n" },
        { "SET", "session_u", "v" },
        { "UNLINK", "session_u" },
        { "SET", "session_r", "v" },
        { "RENAME", "session_r", "session_r2" },
        { "MOVE", "session_r2", "1" },
        { "COPY", "session_a", "session_c" },
    };
    for (const QByteArrayList &command : commands)
        m_server.command(command);
    const QByteArray dump = m_server.command({ "DUMP", "session_c" }).toByteArray();
    m_server.command({ "RESTORE", "session_d", "0", dump });
    m_server.command({ "PEXPIRE", "session_a", "50" });
    QVERIFY(recorder.waitFor(QStringLiteral("a"), Event::Expired));
    // Keys that are not sessions of this prefix, then a session as the sentinel: events arrive
    // in order, so once it is here, any event of the others would be too.
    m_server.command({ "SET", "other_x", "1" });
    m_server.command({ "SET", "session", "1" });
    m_server.command({ "ZADD", "redistore:user:session_:alice", "1", "a" });
    m_server.command({ "SET", "session_z", "1" });
    QVERIFY(recorder.waitFor(QStringLiteral("z"), Event::Written));

    const auto n = QStringLiteral("n");
    const Seen expected {
        { n, Event::Written },
        { n, Event::Written },
        { n, Event::Written },
        { QStringLiteral("i"), Event::Written },
        { n, Event::TtlChanged },
        { n, Event::TtlChanged },
        { n, Event::Deleted },
        { QStringLiteral("u"), Event::Written },
        { QStringLiteral("u"), Event::Deleted },
        { QStringLiteral("r"), Event::Written },
        { QStringLiteral("r"), Event::Deleted },
        { QStringLiteral("r2"), Event::Written },
        { QStringLiteral("r2"), Event::Deleted },
        { QStringLiteral("c"), Event::Written },
        { QStringLiteral("d"), Event::Written },
        { QStringLiteral("a"), Event::TtlChanged },
        { QStringLiteral("a"), Event::Expired },
        { QStringLiteral("z"), Event::Written },
    };
    QCOMPARE(recorder.seen, expected);
    QCOMPARE(resync.count(), 1);
}

void tst_SessionWatcher::listeningSkipsOtherKeysAndTheIndex()
{
    // An empty prefix covers every key, the per-user index's too: those are never sessions.
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
    SessionAdmin admin(config(), QString());
    SessionWatcher watcher(&admin);
    Recorder recorder(&watcher);
    watcher.start();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Listening);
    m_server.command({ "ZADD", "redistore:user:session_:alice", "1", "a" });
    m_server.command({ "SET", "redistore:user:x", "1" });
    m_server.command({ "DEL", "redistore:user:x" });
    m_server.command({ "SET", "plain", "1" });
    QVERIFY(recorder.waitFor(QStringLiteral("plain"), Event::Written));
    QCOMPARE(recorder.seen, (Seen { { QStringLiteral("plain"), Event::Written } }));

    // A prefix with glob characters: only its own keys.
    SessionAdmin globby(config(), QStringLiteral("app[1]*_"));
    SessionWatcher globWatcher(&globby);
    Recorder globRecorder(&globWatcher);
    globWatcher.start();
    QTRY_COMPARE(globWatcher.mode(), SessionWatcher::Mode::Listening);
    m_server.command({ "SET", "app1x_no", "1" });
    m_server.command({ "SET", "app[1]*_yes", "1" });
    QVERIFY(globRecorder.waitFor(QStringLiteral("yes"), Event::Written));
    QCOMPARE(globRecorder.seen, (Seen { { QStringLiteral("yes"), Event::Written } }));
}

void tst_SessionWatcher::evictionIsReported()
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
    m_server.command({ "CONFIG", "SET", "maxmemory-policy", "allkeys-random" });
    for (int i = 0; i < 20; ++i)
        m_server.command({ "SET", "session_e" + QByteArray::number(i), "v" });
    SessionAdmin admin(config());
    SessionWatcher watcher(&admin);
    Recorder recorder(&watcher);
    watcher.start();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Listening);
    // Far below what Redis uses: it evicts every key it can.
    m_server.command({ "CONFIG", "SET", "maxmemory", "1" });
    m_server.command({ "SET", "other", "x" }); // refused (OOM), after evicting
    m_server.command({ "CONFIG", "SET", "maxmemory", "0" });
    m_server.command({ "CONFIG", "SET", "maxmemory-policy", "noeviction" });
    m_server.command({ "SET", "session_z", "1" });
    QVERIFY(recorder.waitFor(QStringLiteral("z"), Event::Written));
    QCOMPARE(recorder.seen.size(), 21);
    for (qsizetype i = 0; i < 20; ++i) {
        QVERIFY(recorder.seen.at(i).first.startsWith(QLatin1Char('e')));
        QCOMPARE(recorder.seen.at(i).second, Event::Evicted);
    }
}

void tst_SessionWatcher::pollsWhenNotificationsAreOff()
{
    m_server.command({ "SET", "session_a", "alice" });
    SessionAdmin admin(config());
    SessionWatcher watcher(&admin);
    watcher.setPollInterval(50);
    Recorder recorder(&watcher);
    QSignalSpy resync(&watcher, &SessionWatcher::resyncNeeded);
    QSignalSpy polled(&watcher, &SessionWatcher::polled);
    watcher.start();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Polling);
    QCOMPARE(watcher.notifications(), SessionWatcher::Notifications::Disabled);
    QTRY_COMPARE(resync.count(), 1); // the first poll is done
    QVERIFY(polled.count() >= 1);

    const auto n = QStringLiteral("n");
    m_server.command({ "SET", "session_n", "v" });
    QVERIFY(recorder.waitFor(n, Event::Written));
    m_server.command({ "SET", "session_n", "a longer value" });
    QTRY_COMPARE(recorder.seen.size(), 2);
    m_server.command({ "EXPIRE", "session_n", "100" });
    QVERIFY(recorder.waitFor(n, Event::TtlChanged));
    m_server.command({ "PERSIST", "session_n" });
    QTRY_COMPARE(recorder.seen.size(), 4);
    m_server.command({ "DEL", "session_n" });
    QVERIFY(recorder.waitFor(n, Event::Deleted));
    m_server.command({ "SET", "session_e", "v", "PX", "1500" });
    QVERIFY(recorder.waitFor(QStringLiteral("e"), Event::Written));
    QVERIFY(recorder.waitFor(QStringLiteral("e"), Event::Expired));

    const Seen expected {
        { n, Event::Written },
        { n, Event::Written },
        { n, Event::TtlChanged },
        { n, Event::TtlChanged },
        { n, Event::Deleted },
        { QStringLiteral("e"), Event::Written },
        { QStringLiteral("e"), Event::Expired },
    };
    QCOMPARE(recorder.seen, expected);
    QCOMPARE(resync.count(), 1);
    QCOMPARE(watcher.mode(), SessionWatcher::Mode::Polling);
}

void tst_SessionWatcher::pollingSkipsOtherKeysAndTheIndex()
{
    SessionAdmin admin(config(), QString());
    SessionWatcher watcher(&admin);
    watcher.setPollInterval(50);
    Recorder recorder(&watcher);
    QSignalSpy resync(&watcher, &SessionWatcher::resyncNeeded);
    watcher.start();
    QTRY_COMPARE(resync.count(), 1);
    m_server.command({ "ZADD", "redistore:user:session_:alice", "1", "a" });
    m_server.command({ "SET", "redistore:user:x", "1" });
    // One poll sees all of the above at once with the sentinel.
    m_server.command({ "SET", "plain", "1" });
    QVERIFY(recorder.waitFor(QStringLiteral("plain"), Event::Written));
    QCOMPARE(recorder.seen, (Seen { { QStringLiteral("plain"), Event::Written } }));
}

void tst_SessionWatcher::pollsWhenConfigIsRefused()
{
    m_server.command({ "ACL", "SETUSER", "noconfig", "on", ">pw", "~*", "&*", "+@all", "-config" });
    RedisConfig limited = config();
    limited.setUsername(QStringLiteral("noconfig"));
    limited.setPassword(QStringLiteral("pw"));
    SessionAdmin admin(limited);
    SessionWatcher watcher(&admin);
    watcher.setPollInterval(50);
    Recorder recorder(&watcher);
    QSignalSpy resync(&watcher, &SessionWatcher::resyncNeeded);
    watcher.start();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Polling);
    QCOMPARE(watcher.notifications(), SessionWatcher::Notifications::Unreadable);
    QTRY_COMPARE(resync.count(), 1);
    m_server.command({ "SET", "session_p", "1" });
    QVERIFY(recorder.waitFor(QStringLiteral("p"), Event::Written));
    m_server.command({ "ACL", "DELUSER", "noconfig" });
}

void tst_SessionWatcher::enablesNotificationsOnlyWhenAsked()
{
    SessionAdmin readOnly(config());
    readOnly.setReadOnly(true);
    SessionWatcher watcher(&readOnly);
    watcher.start();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Polling);
    QCOMPARE(watcher.notifications(), SessionWatcher::Notifications::Disabled);
    QCOMPARE(serverFlags(), QByteArray()); // nothing changed by itself
    m_server.command({ "CONFIG", "RESETSTAT" });
    const auto refused = watcher.enableNotifications();
    QVERIFY(!refused.isFinished());
    QCOMPARE(waitFor(refused)->error.code(), SessionError::Code::ReadOnly);
    QVERIFY(!m_server.command({ "INFO", "commandstats" })
                 .toString()
                 .contains(QStringLiteral("cmdstat_config|set")));
    QCOMPARE(serverFlags(), QByteArray());

    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "Ex" });
    SessionAdmin admin(config());
    SessionWatcher writer(&admin);
    writer.start();
    QTRY_COMPARE(writer.mode(), SessionWatcher::Mode::Polling);
    QCOMPARE(writer.notificationFlags(), QStringLiteral("xE"));
    const auto enabled = waitFor(writer.enableNotifications());
    QVERIFY2(enabled->ok(), qPrintable(enabled->error.message()));
    QTRY_COMPARE(writer.mode(), SessionWatcher::Mode::Listening);
    const QByteArray flags = serverFlags();
    QVERIFY2(SessionWatcher::flagsSuffice(QString::fromLatin1(flags)), flags.constData());
    QVERIFY2(flags.contains('E'), "the flags that were there stay");
}

void tst_SessionWatcher::recheckSwitchesModes()
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
    SessionAdmin admin(config());
    SessionWatcher watcher(&admin);
    watcher.setPollInterval(50);
    Recorder recorder(&watcher);
    QSignalSpy resync(&watcher, &SessionWatcher::resyncNeeded);
    watcher.start();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Listening);
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "" });
    watcher.recheck();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Polling);
    QTRY_COMPARE(resync.count(), 2); // subscribed, then the first poll
    m_server.command({ "SET", "session_p", "1" });
    QVERIFY(recorder.waitFor(QStringLiteral("p"), Event::Written));
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
    watcher.recheck();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Listening);
    QCOMPARE(resync.count(), 3);
    m_server.command({ "DEL", "session_p" });
    QVERIFY(recorder.waitFor(QStringLiteral("p"), Event::Deleted));
    watcher.stop();
    QCOMPARE(watcher.mode(), SessionWatcher::Mode::Off);
}

void tst_SessionWatcher::stopsWhenTheAdminIsDeleted()
{
    auto admin = std::make_unique<SessionAdmin>(config());
    SessionWatcher watcher(admin.get());
    watcher.start();
    QTRY_COMPARE(watcher.mode(), SessionWatcher::Mode::Polling);
    auto pending = watcher.enableNotifications();
    admin.reset();
    QCOMPARE(watcher.mode(), SessionWatcher::Mode::Off);
    QVERIFY(watcher.admin() == nullptr);
    QVERIFY(pending.isFinished());
    QVERIFY(!pending.isCanceled());
    QCOMPARE(pending.result().error.redisError().code(), RedisError::Code::ClientDestroyed);
    watcher.start(); // nothing to watch
    QCOMPARE(watcher.mode(), SessionWatcher::Mode::Off);
    QCOMPARE(waitFor(watcher.enableNotifications())->error.code(),
             SessionError::Code::InvalidOption);
}

QTEST_GUILESS_MAIN(tst_SessionWatcher)
#include "tst_sessionwatcher.moc"
