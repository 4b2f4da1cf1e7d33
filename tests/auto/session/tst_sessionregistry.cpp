#include <libredistore/session/sessionregistry.h>

#include "storetesthelpers.h"

#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

class tst_SessionRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameNameGivesSameSessionAndError();
    void severalNamedSessions();
    void saveAllGivesOneSetCookieEach();

private:
    RedisServer m_server;
};

void tst_SessionRegistry::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionRegistry::sameNameGivesSameSessionAndError()
{
    auto store = makeStore(m_server);
    SessionRegistry registry({ "s=forged-value" });
    // Two gets before the first load finished, one after: one load, one session, one error.
    auto a = registry.get(store.get(), "s");
    auto b = registry.get(store.get(), "s");
    auto first = waitFor(a);
    const auto second = waitFor(b);
    const auto third = waitFor(registry.get(store.get(), "s"));
    QVERIFY(first && second && third);
    QVERIFY(first->session == second->session);
    QVERIFY(first->session == third->session);
    QCOMPARE(first->error.code(), SessionError::Code::CookieInvalid);
    QCOMPARE(third->error.message(), first->error.message());
    first->session.setValue(QStringLiteral("k"), 1);
    QCOMPARE(third->session.value(QStringLiteral("k")).toInt(), 1);
}

void tst_SessionRegistry::severalNamedSessions()
{
    auto store = makeStore(m_server);
    SessionRegistry registry({});
    auto cart = waitFor(registry.get(store.get(), "cart"));
    auto prefs = waitFor(registry.get(store.get(), "prefs"));
    QVERIFY(cart->session != prefs->session);
    QCOMPARE(cart->session.name(), QByteArray("cart"));
    QCOMPARE(prefs->session.name(), QByteArray("prefs"));
}

void tst_SessionRegistry::saveAllGivesOneSetCookieEach()
{
    auto store = makeStore(m_server);
    SessionRegistry registry({});
    auto cart = waitFor(registry.get(store.get(), "cart"));
    auto prefs = waitFor(registry.get(store.get(), "prefs"));
    cart->session.setValue(QStringLiteral("items"), 2);
    prefs->session.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
    QVERIFY(waitFor(registry.save(cart->session))->ok()); // saved twice: one header still
    const auto all = waitFor(registry.saveAll());
    QVERIFY2(all->ok(), qPrintable(all->error.message()));
    const QByteArrayList headers = registry.setCookieHeaders();
    QCOMPARE(headers.size(), 2);
    QVERIFY(headers.at(0).startsWith("cart="));
    QVERIFY(headers.at(1).startsWith("prefs="));

    // The next request reads both back.
    SessionRegistry next({ cookieFrom(headers.at(0)) + "; " + cookieFrom(headers.at(1)) });
    QCOMPARE(waitFor(next.get(store.get(), "cart"))->session.value(QStringLiteral("items")).toInt(),
             2);
    QCOMPARE(
        waitFor(next.get(store.get(), "prefs"))->session.value(QStringLiteral("theme")).toString(),
        QStringLiteral("dark"));
}

QTEST_GUILESS_MAIN(tst_SessionRegistry)
#include "tst_sessionregistry.moc"
