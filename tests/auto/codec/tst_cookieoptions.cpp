#include <libredistore/codec/cookieoptions.h>

#include <QtTest/QtTest>

using namespace RediStore;

class tst_CookieOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void setters();
    void copiesAreIndependent();
};

void tst_CookieOptions::defaults()
{
    const CookieOptions options;
    QCOMPARE(options.path(), QStringLiteral("/"));
    QCOMPARE(options.domain(), QString());
    QCOMPARE(options.maxAge(), qint64(86400 * 30));
    QCOMPARE(options.secure(), false);
    QCOMPARE(options.httpOnly(), true);
    QCOMPARE(options.sameSite(), QNetworkCookie::SameSite::Lax);
    QCOMPARE(options.partitioned(), false);
}

void tst_CookieOptions::setters()
{
    CookieOptions options;
    options.setPath(QStringLiteral("/app"));
    options.setDomain(QStringLiteral("example.com"));
    options.setMaxAge(-1);
    options.setSecure(true);
    options.setHttpOnly(false);
    options.setSameSite(QNetworkCookie::SameSite::Strict);
    options.setPartitioned(true);
    QCOMPARE(options.path(), QStringLiteral("/app"));
    QCOMPARE(options.domain(), QStringLiteral("example.com"));
    QCOMPARE(options.maxAge(), qint64(-1));
    QCOMPARE(options.secure(), true);
    QCOMPARE(options.httpOnly(), false);
    QCOMPARE(options.sameSite(), QNetworkCookie::SameSite::Strict);
    QCOMPARE(options.partitioned(), true);
    QVERIFY(options != CookieOptions());
}

void tst_CookieOptions::copiesAreIndependent()
{
    CookieOptions a;
    CookieOptions b = a;
    QVERIFY(a == b);
    b.setSecure(true);
    QVERIFY(a != b);
    QCOMPARE(a.secure(), false);
    b.setSecure(false);
    QVERIFY(a == b);
    const QVariant v = QVariant::fromValue(b);
    QVERIFY(v.value<CookieOptions>() == a);
}

QTEST_GUILESS_MAIN(tst_CookieOptions)
#include "tst_cookieoptions.moc"
