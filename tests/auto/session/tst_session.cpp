#include <libredistore/session/session.h>

#include <QtTest/QTest>

using namespace RediStore;

class tst_Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nullSession();
    void valuesMarkModified();
    void flashesAreReadOnce();
    void copiesShareOneSession();
    void maxAgeAndRegenerate();
};

void tst_Session::nullSession()
{
    Session session;
    QVERIFY(session.isNull());
    QVERIFY(session.isNew());
    session.setValue(QStringLiteral("k"), 1); // harmless
    QVERIFY(session.values().isEmpty());
}

void tst_Session::valuesMarkModified()
{
    Session session(nullptr, "s", SessionOptions());
    QVERIFY(!session.isModified());
    QVERIFY(session.id().isEmpty());
    session.setValue(QStringLiteral("user"), QStringLiteral("john_doe"));
    QVERIFY(session.isModified());
    QCOMPARE(session.value(QStringLiteral("user")).toString(), QStringLiteral("john_doe"));
    QCOMPARE(session.value(QStringLiteral("missing"), 7).toInt(), 7);
    session.remove(QStringLiteral("user"));
    QVERIFY(!session.contains(QStringLiteral("user")));
}

void tst_Session::flashesAreReadOnce()
{
    Session session(nullptr, "s", SessionOptions());
    session.addFlash(QStringLiteral("saved"));
    session.addFlash(QStringLiteral("again"));
    session.addFlash(QStringLiteral("custom"), QStringLiteral("notice"));
    QCOMPARE(session.flashes(),
             (QVariantList { QStringLiteral("saved"), QStringLiteral("again") }));
    QVERIFY(session.flashes().isEmpty());
    QCOMPARE(session.flashes(QStringLiteral("notice")), QVariantList { QStringLiteral("custom") });
}

void tst_Session::copiesShareOneSession()
{
    Session a(nullptr, "s", SessionOptions());
    Session b = a;
    b.setValue(QStringLiteral("k"), 42);
    QCOMPARE(a.value(QStringLiteral("k")).toInt(), 42);
    QVERIFY(a == b);
    QVERIFY(a != Session(nullptr, "s", SessionOptions()));
}

void tst_Session::maxAgeAndRegenerate()
{
    Session session(nullptr, "s", SessionOptions());
    QCOMPARE(session.options().maxAge(), 86400 * 30);
    QVERIFY(session.options().httpOnly()); // secure defaults
    QCOMPARE(session.options().sameSite(), QNetworkCookie::SameSite::Lax);
    session.setMaxAge(-1);
    QCOMPARE(session.options().maxAge(), -1);
    Session fresh(nullptr, "s", SessionOptions());
    fresh.regenerateId();
    QVERIFY(fresh.isModified());
}

QTEST_APPLESS_MAIN(tst_Session)
#include "tst_session.moc"
