// SessionActions against a real redis-server: expire, persist and delete, one and many, with
// confirmations that say how many; declined means nothing is sent; read-only sends nothing.

#include "guitestsupport.h"
#include "sessions/sessionactions.h"
#include "translationloader.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QWidget>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_SessionActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void expireOneAndMany_data();
    void expireOneAndMany();
    void persistManyAsksWithTheCount();
    void deleteManyAsksWithTheCountAndDeletes();
    void declinedConfirmationSendsNothing();
    void goneSessionsAreReported();
    void readOnlySendsNothing();

private:
    QStringList fill(int count);
    QString finishedText(QSignalSpy &spy);
    bool roundTrip();

    RedisServer m_server;
    std::unique_ptr<RedisPool> m_pool;
    std::unique_ptr<SessionAdmin> m_admin;
    QWidget m_window;
    std::unique_ptr<SessionActions> m_actions;
    QList<SessionActions::Question> m_questions;
    bool m_answer = true;
    int m_expireAsked = 0;
    qint64 m_expireSeconds = 0;
};

void tst_SessionActions::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionActions::init()
{
    m_server.command({ "FLUSHALL" });
    m_pool = std::make_unique<RedisPool>(RedisConfig::fromUrl(m_server.url()).value());
    m_admin = std::make_unique<SessionAdmin>(m_pool.get(), QStringLiteral("session_"), nullptr);
    m_actions = std::make_unique<SessionActions>(&m_window);
    m_actions->setAdmin(m_admin.get(), QStringLiteral("test"), false);
    m_questions.clear();
    m_answer = true;
    m_expireAsked = 0;
    m_actions->setAsker(
        [this](const SessionActions::Question &question, std::function<void(bool)> answer) {
            m_questions << question;
            answer(m_answer);
        });
    m_actions->setExpireAsker([this](int count, qint64, std::function<void(qint64)> accept) {
        m_expireAsked = count;
        if (m_answer)
            accept(m_expireSeconds);
    });
}

void tst_SessionActions::cleanup()
{
    m_actions.reset();
    m_admin.reset();
    m_pool.reset();
}

QStringList tst_SessionActions::fill(int count)
{
    return Test::fillSessions(m_server, count);
}

QString tst_SessionActions::finishedText(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return QString();
    return spy.last().first().toString();
}

// A PING through the admin's pool, answered. With the pool held to one connection, whatever
// the actions sent before it has been handled by Redis by then.
bool tst_SessionActions::roundTrip()
{
    const QFuture<RedisReply> ping = m_pool->execute({ "PING" });
    return QTest::qWaitFor([&ping] { return ping.isFinished(); }, 5000)
        && ping.result().data() == "PONG";
}

void tst_SessionActions::expireOneAndMany_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("many") << 1200; // more than are sent at once
}

void tst_SessionActions::expireOneAndMany()
{
    QFETCH(int, count);
    const QStringList ids = fill(count + 10);
    const QStringList chosen = ids.mid(0, count);
    m_expireSeconds = 4321;
    QSignalSpy finished(m_actions.get(), &SessionActions::finished);
    QSignalSpy changed(m_actions.get(), &SessionActions::sessionsChanged);
    m_actions->expire(chosen);
    QCOMPARE(m_expireAsked, count);
    QCOMPARE(finishedText(finished),
             count == 1 ? QStringLiteral("1 session now expires in 1 hour 12 minutes.")
                        : QStringLiteral("1,200 sessions now expire in 1 hour 12 minutes."));
    QCOMPARE(finished.last().at(1).toBool(), true);
    QCOMPARE(changed.last().first().toStringList().size(), count);
    for (const QString &id : chosen) {
        const qint64 ttl = m_server.command({ "TTL", "session_" + id.toUtf8() }).toLongLong();
        QVERIFY2(ttl > 4300 && ttl <= 4321, qPrintable(QString::number(ttl)));
    }
    // The others are untouched.
    const qint64 other = m_server.command({ "TTL", "session_" + ids.last().toUtf8() }).toLongLong();
    QVERIFY(other != 4321);
}

void tst_SessionActions::persistManyAsksWithTheCount()
{
    const QStringList ids = fill(30);
    QSignalSpy finished(m_actions.get(), &SessionActions::finished);
    m_actions->persist(ids.mid(0, 25));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().text.contains(QStringLiteral("25 sessions")));
    QCOMPARE(m_questions.first().acceptText, QStringLiteral("Persist 25 sessions"));
    QCOMPARE(finishedText(finished), QStringLiteral("25 sessions no longer expire."));
    for (const QString &id : ids.mid(0, 25))
        QCOMPARE(m_server.command({ "TTL", "session_" + id.toUtf8() }).toLongLong(), -1);

    // One session: no question.
    m_questions.clear();
    m_server.command({ "EXPIRE", "session_" + ids.last().toUtf8(), "100" });
    m_actions->persist({ ids.last() });
    QTRY_COMPARE(m_server.command({ "TTL", "session_" + ids.last().toUtf8() }).toLongLong(), -1);
    QVERIFY(m_questions.isEmpty());
}

void tst_SessionActions::deleteManyAsksWithTheCountAndDeletes()
{
    const QStringList ids = fill(1500);
    QSignalSpy finished(m_actions.get(), &SessionActions::finished);
    QSignalSpy removed(m_actions.get(), &SessionActions::sessionsRemoved);
    m_actions->remove(ids.mid(0, 1234));
    QCOMPARE(m_questions.size(), 1);
    QCOMPARE(m_questions.first().acceptText, QStringLiteral("Delete 1,234 sessions"));
    QVERIFY(m_questions.first().text.startsWith(QStringLiteral("Delete 1,234 sessions now?")));
    QCOMPARE(finishedText(finished), QStringLiteral("Deleted 1,234 sessions."));
    QCOMPARE(removed.last().first().toStringList().size(), 1234);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 1500 - 1234);

    m_questions.clear();
    m_actions->remove({ ids.last() });
    QCOMPARE(m_questions.size(), 1); // deleting even one asks
    QVERIFY(m_questions.first().text.contains(ids.last()));
    QTRY_COMPARE(m_server.command({ "EXISTS", "session_" + ids.last().toUtf8() }).toLongLong(), 0);
}

void tst_SessionActions::declinedConfirmationSendsNothing()
{
    const QStringList ids = fill(10);
    m_pool->setMaxConnections(1); // for roundTrip()
    m_server.command({ "CONFIG", "RESETSTAT" });
    m_answer = false;
    QSignalSpy finished(m_actions.get(), &SessionActions::finished);
    m_actions->remove(ids);
    m_actions->persist(ids);
    m_actions->expire(ids);
    QVERIFY(roundTrip());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(Test::writeCommands(Test::commandStats(m_server)), QStringList());
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 10);
}

void tst_SessionActions::goneSessionsAreReported()
{
    const QStringList ids = fill(5);
    m_server.command({ "DEL", "session_" + ids.at(1).toUtf8(), "session_" + ids.at(3).toUtf8() });
    m_expireSeconds = 60;
    QSignalSpy finished(m_actions.get(), &SessionActions::finished);
    QSignalSpy removed(m_actions.get(), &SessionActions::sessionsRemoved);
    m_actions->expire(ids);
    QCOMPARE(finishedText(finished),
             QStringLiteral("3 sessions now expire in 1 minute. 2 no longer existed."));
    QCOMPARE(removed.last().first().toStringList().size(), 2);
    // Expiring a session that is gone never re-creates it.
    QCOMPARE(m_server.command({ "EXISTS", "session_" + ids.at(1).toUtf8() }).toLongLong(), 0);
}

void tst_SessionActions::readOnlySendsNothing()
{
    const QStringList ids = fill(10);
    m_pool->setMaxConnections(1); // for roundTrip()
    m_admin->setReadOnly(true);
    m_actions->setAdmin(m_admin.get(), QStringLiteral("test"), true);
    m_server.command({ "CONFIG", "RESETSTAT" });
    QSignalSpy finished(m_actions.get(), &SessionActions::finished);
    m_actions->expire(ids);
    m_actions->persist(ids);
    m_actions->remove(ids);
    m_actions->applyExpire(ids, 5);
    m_actions->applyPersist(ids);
    m_actions->applyRemove(ids);
    // Refusals arrive from the event loop too; then nothing more may reach Redis.
    QTRY_COMPARE(finished.count(), 6);
    QVERIFY(roundTrip());
    QCOMPARE(finished.count(), 6);
    for (const QList<QVariant> &call : std::as_const(finished)) {
        QCOMPARE(call.at(0).toString(),
                 QStringLiteral("Read-only mode: nothing was written to Redis."));
        QCOMPARE(call.at(1).toBool(), false);
    }
    QVERIFY(m_questions.isEmpty());
    QCOMPARE(m_expireAsked, 0);
    QCOMPARE(Test::writeCommands(Test::commandStats(m_server)), QStringList());
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 10);
}

QTEST_MAIN(tst_SessionActions)
#include "tst_sessionactions.moc"
