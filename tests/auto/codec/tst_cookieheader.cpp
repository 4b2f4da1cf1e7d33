#include <libredistore/codec/cookieheader.h>

#include <testdata.h>

#include <libredistore/utcdatetime_p.h>

#include <QtCore/QJsonArray>
#include <QtCore/QLocale>
#include <QtTest/QtTest>

#include <limits>

using namespace RediStore;

using Pairs = QList<QPair<QByteArray, QByteArray>>;

namespace {

Pairs pairsOf(const QList<QNetworkCookie> &cookies)
{
    Pairs pairs;
    for (const QNetworkCookie &cookie : cookies)
        pairs.append({ cookie.name(), cookie.value() });
    return pairs;
}

QDateTime utc(qint64 seconds)
{
    return RediStore::utcDateTime(seconds);
}

// Go's http.SameSite numbering in the vectors: 0 unset, 1 default mode, 2 Lax, 3 Strict, 4 None.
QNetworkCookie::SameSite sameSiteOf(int go)
{
    switch (go) {
    case 2:
        return QNetworkCookie::SameSite::Lax;
    case 3:
        return QNetworkCookie::SameSite::Strict;
    case 4:
        return QNetworkCookie::SameSite::None;
    default:
        return QNetworkCookie::SameSite::Default;
    }
}

} // namespace

class tst_CookieHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseSeveralHeaders();
    void values();
    void goSetCookieVectors_data();
    void goSetCookieVectors();
    void setCookie_data();
    void setCookie();
    void setCookieFromNetworkCookie();
    void networkCookie();
    void httpDate_data();
    void httpDate();
    void httpDateAgreesWithQDateTime();
};

void tst_CookieHeader::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<Pairs>("cookies");

    QTest::newRow("empty") << QByteArray() << Pairs {};
    QTest::newRow("blank") << QByteArray(" \t ") << Pairs {};
    QTest::newRow("one") << QByteArray("session=abc") << Pairs { { "session", "abc" } };
    QTest::newRow("several") << QByteArray("a=1; b=2; c=3")
                             << Pairs { { "a", "1" }, { "b", "2" }, { "c", "3" } };
    QTest::newRow("repeated names keep all, in order")
        << QByteArray("s=new; other=x; s=old")
        << Pairs { { "s", "new" }, { "other", "x" }, { "s", "old" } };
    QTest::newRow("no space after ';'")
        << QByteArray("a=1;b=2") << Pairs { { "a", "1" }, { "b", "2" } };
    QTest::newRow("odd whitespace") << QByteArray(" \t a=1 \t;\r\n  b=2  ;c=3\t")
                                    << Pairs { { "a", "1" }, { "b", "2" }, { "c", "3" } };
    QTest::newRow("blanks around '='")
        << QByteArray("a = 1; b= 2; c =3") << Pairs { { "a", "1" }, { "b", "2" }, { "c", "3" } };
    QTest::newRow("quoted value") << QByteArray("a=\"quoted\"; b=\"\"")
                                  << Pairs { { "a", "quoted" }, { "b", "" } };
    QTest::newRow("lone quote refused") << QByteArray("a=\"") << Pairs {};
    QTest::newRow("empty value") << QByteArray("a=; b=2") << Pairs { { "a", "" }, { "b", "2" } };
    QTest::newRow("'=' inside the value (base64 padding)")
        << QByteArray("s=MTc1MDAw==; t=a=b") << Pairs { { "s", "MTc1MDAw==" }, { "t", "a=b" } };
    QTest::newRow("empty parts") << QByteArray(";;a=1;; ;b=2;")
                                 << Pairs { { "a", "1" }, { "b", "2" } };
    QTest::newRow("junk between cookies")
        << QByteArray("a=1; =nameless; (bad name)=x; b=2; c\"d=3; e=f\\g; h=\x01; i=4")
        << Pairs { { "a", "1" }, { "b", "2" }, { "i", "4" } };
    QTest::newRow("part without '=' is a cookie with no value, as in Go")
        << QByteArray("flag; a=1") << Pairs { { "flag", "" }, { "a", "1" } };
    QTest::newRow("space inside a value")
        << QByteArray("a=b c; d=e") << Pairs { { "a", "b c" }, { "d", "e" } };
    QTest::newRow("non-ASCII value dropped")
        << QByteArray("a=\xc3\xa9; b=2") << Pairs { { "b", "2" } };
    QTest::newRow("token punctuation in names")
        << QByteArray("__Host-s.id!#$%&'*+^`|~=v") << Pairs { { "__Host-s.id!#$%&'*+^`|~", "v" } };
    QTest::newRow("real session cookie")
        << QByteArray("_ga=GA1.1.2; "
                      "session-name="
                      "MTc1MDAwMDAwMHxOd3dBTkRVeVdsQlpORnBYTTFKR1NVTk1WVUphVUZkRFNGZEdUbEpPV0VwSlVW"
                      "SlNTMGxTUWpSYVRsZEpNa3hETWtsUE5rcFRVRUU9fBVq2p4f1p7x2VghTNK_x7U7B-"
                      "n3JHqcsM4SBanTTW5C; theme=dark")
        << Pairs { { "_ga", "GA1.1.2" },
                   { "session-name",
                     "MTc1MDAwMDAwMHxOd3dBTkRVeVdsQlpORnBYTTFKR1NVTk1WVUphVUZkRFNGZEdUbEpPV0VwSlVWS"
                     "lNTMGxTUWpSYVRsZEpNa3hETWtsUE5rcFRVRUU9fBVq2p4f1p7x2VghTNK_x7U7B-"
                     "n3JHqcsM4SBanTTW5C" },
                   { "theme", "dark" } };
}

void tst_CookieHeader::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(Pairs, cookies);
    QCOMPARE(pairsOf(CookieHeader::parse(header)), cookies);
}

void tst_CookieHeader::parseSeveralHeaders()
{
    // HTTP/2 clients may send one Cookie header per cookie.
    const QByteArrayList headers { "a=1; s=first", "", "s=second", "  b=2  " };
    QCOMPARE(pairsOf(CookieHeader::parse(headers)),
             (Pairs { { "a", "1" }, { "s", "first" }, { "s", "second" }, { "b", "2" } }));
}

void tst_CookieHeader::values()
{
    const QByteArrayList headers { "s=one; t=x; s=\"two\"", "S=no; s=three", "ss=no" };
    QCOMPARE(CookieHeader::values(headers, "s"), (QByteArrayList { "one", "two", "three" }));
    QCOMPARE(CookieHeader::values(headers, "t"), QByteArrayList { "x" });
    QVERIFY(CookieHeader::values(headers, "missing").isEmpty());
    QVERIFY(CookieHeader::values({}, "s").isEmpty());

    // valueViews() finds the same without copies: views into the headers, also beyond its
    // inline capacity.
    const CookieHeader::ValueViews views = CookieHeader::valueViews(headers, "s");
    QCOMPARE(views.size(), 3);
    QCOMPARE(views[1], QByteArrayView("two"));
    const QByteArray &first = headers.first();
    QVERIFY(views[1].data() > first.constData()
            && views[1].data() + views[1].size() < first.constData() + first.size());
    const QByteArrayList many { "s=1; s=2; s=3", "s=4; s=5; s=6" };
    const CookieHeader::ValueViews six = CookieHeader::valueViews(many, "s");
    QCOMPARE(six.size(), 6);
    QCOMPARE(six.last(), QByteArrayView("6"));
}

// The Set-Cookie lines Go's redistore wrote. Expires came from Go's own clock, so "now" is
// Expires - MaxAge.
void tst_CookieHeader::goSetCookieVectors_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<CookieOptions>("options");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QByteArray>("expected");

    const QJsonArray vectors = Test::goVectors()
                                   .value(QLatin1String("redistore"))
                                   .toObject()
                                   .value(QLatin1String("vectors"))
                                   .toArray();
    QVERIFY(!vectors.isEmpty());
    for (const QJsonValue &entry : vectors) {
        const QJsonObject v = entry.toObject();
        const QJsonObject o = v.value(QLatin1String("session_options")).toObject();
        CookieOptions options;
        options.setPath(o.value(QLatin1String("Path")).toString());
        options.setDomain(o.value(QLatin1String("Domain")).toString());
        options.setMaxAge(o.value(QLatin1String("MaxAge")).toInteger());
        options.setHttpOnly(o.value(QLatin1String("HttpOnly")).toBool());
        options.setSecure(o.value(QLatin1String("Secure")).toBool());
        options.setSameSite(sameSiteOf(o.value(QLatin1String("SameSite")).toInt()));

        const QByteArray line
            = v.value(QLatin1String("set_cookie")).toArray().first().toString().toLatin1();
        const QByteArray name = v.value(QLatin1String("session_name")).toString().toLatin1();
        const QByteArray value = line.mid(name.size() + 1, line.indexOf(';') - name.size() - 1);
        QDateTime now = utc(1750000000);
        const qsizetype expires = line.indexOf("Expires=");
        if (expires >= 0 && options.maxAge() > 0) {
            const QByteArray date = line.mid(expires + 8, 29);
            now = QLocale::c()
                      .toDateTime(QString::fromLatin1(date),
                                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                      .addSecs(-options.maxAge());
            now = RediStore::utcDateTime(now.date(), now.time());
            QVERIFY2(now.isValid(), date.constData());
        }
        QTest::newRow(qPrintable(v.value(QLatin1String("id")).toString()))
            << name << value << options << now << line;
    }

    // FORMATS.md's rs-cookie-attributes: every attribute Go writes, in its order.
    CookieOptions all;
    all.setPath(QStringLiteral("/"));
    all.setDomain(QStringLiteral(".example.com"));
    all.setMaxAge(2592000);
    all.setHttpOnly(true);
    all.setSecure(true);
    all.setSameSite(QNetworkCookie::SameSite::Lax);
    const QByteArray cookie(
        "MTc1MDAwMDAwMHxOd3dBTkRVeVdsQlpORnBYTTFKR1NVTk1WVUphVUZkRFNGZEdUbEpPV0VwSlVWSlNTMGxTUWpSYV"
        "RsZEpNa3hETWtsUE5rcFRVRUU9fBVq2p4f1p7x2VghTNK_x7U7B-n3JHqcsM4SBanTTW5C");
    QTest::newRow("rs-cookie-attributes")
        << QByteArray("name") << cookie << all
        << RediStore::utcDateTime(QDate(2026, 12, 27), QTime(5, 1, 51)).addSecs(-2592000)
        << QByteArray("name=" + cookie
                      + "; Path=/; Domain=example.com; Expires=Sun, 27 Dec 2026 05:01:51 GMT; "
                        "Max-Age=2592000; HttpOnly; Secure; SameSite=Lax");
}

void tst_CookieHeader::goSetCookieVectors()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(CookieOptions, options);
    QFETCH(QDateTime, now);
    QFETCH(QByteArray, expected);
    QCOMPARE(CookieHeader::setCookie(name, value, options, now), expected);
}

void tst_CookieHeader::setCookie_data()
{
    QTest::addColumn<CookieOptions>("options");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray expires = "; Expires=Mon, 16 Jun 2025 15:06:40 GMT"; // now + 1 day
    CookieOptions plain;
    plain.setHttpOnly(false);
    plain.setSameSite(QNetworkCookie::SameSite::Default);
    plain.setMaxAge(86400);

    QTest::newRow("defaults: Path=/, 30 days, HttpOnly, SameSite=Lax")
        << CookieOptions() << QByteArray("v")
        << QByteArray("s=v; Path=/; Expires=Tue, 15 Jul 2025 15:06:40 GMT; Max-Age=2592000; "
                      "HttpOnly; SameSite=Lax");
    QTest::newRow("plain") << plain << QByteArray("v")
                           << QByteArray("s=v; Path=/" + expires + "; Max-Age=86400");
    CookieOptions o = plain;
    o.setMaxAge(0);
    QTest::newRow("MaxAge 0: browser session, no Expires or Max-Age")
        << o << QByteArray("v") << QByteArray("s=v; Path=/");
    o.setMaxAge(-1);
    QTest::newRow("MaxAge < 0: delete")
        << o << QByteArray()
        << QByteArray("s=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0");
    o = plain;
    o.setPath(QString());
    QTest::newRow("no path") << o << QByteArray("v")
                             << QByteArray("s=v" + expires + "; Max-Age=86400");
    o.setPath(QStringLiteral("/a;b\x01/c"));
    QTest::newRow("path sanitized")
        << o << QByteArray("v") << QByteArray("s=v; Path=/ab/c" + expires + "; Max-Age=86400");
    o = plain;
    o.setDomain(QStringLiteral("example.com"));
    QTest::newRow("domain") << o << QByteArray("v")
                            << QByteArray("s=v; Path=/; Domain=example.com" + expires
                                          + "; Max-Age=86400");
    o.setDomain(QStringLiteral(".sub.example.com"));
    QTest::newRow("one leading dot stripped")
        << o << QByteArray("v")
        << QByteArray("s=v; Path=/; Domain=sub.example.com" + expires + "; Max-Age=86400");
    o.setDomain(QStringLiteral("127.0.0.1"));
    QTest::newRow("IPv4 domain") << o << QByteArray("v")
                                 << QByteArray("s=v; Path=/; Domain=127.0.0.1" + expires
                                               + "; Max-Age=86400");
    for (const char *bad :
         { "..example.com", "exa mple.com", "-a.com", "a-.com", "::1", "h\u00e9.com" }) {
        o.setDomain(QString::fromUtf8(bad));
        QTest::addRow("invalid domain %s dropped", bad)
            << o << QByteArray("v") << QByteArray("s=v; Path=/" + expires + "; Max-Age=86400");
    }
    o = plain;
    o.setHttpOnly(true);
    o.setSecure(true);
    for (auto [mode, text] : { std::pair { QNetworkCookie::SameSite::Lax, "; SameSite=Lax" },
                               std::pair { QNetworkCookie::SameSite::Strict, "; SameSite=Strict" },
                               std::pair { QNetworkCookie::SameSite::None, "; SameSite=None" },
                               std::pair { QNetworkCookie::SameSite::Default, "" } }) {
        o.setSameSite(mode);
        QTest::addRow("SameSite%s", text)
            << o << QByteArray("v")
            << QByteArray("s=v; Path=/" + expires + "; Max-Age=86400; HttpOnly; Secure" + text);
    }
    o.setSameSite(QNetworkCookie::SameSite::None);
    o.setPartitioned(true);
    QTest::newRow("Partitioned last")
        << o << QByteArray("v")
        << QByteArray("s=v; Path=/" + expires
                      + "; Max-Age=86400; HttpOnly; Secure; SameSite=None; Partitioned");
    o = plain;
    o.setMaxAge(0);
    QTest::newRow("value with a space is quoted")
        << o << QByteArray("a b") << QByteArray("s=\"a b\"; Path=/");
    QTest::newRow("value with a comma is quoted")
        << o << QByteArray("a,b") << QByteArray("s=\"a,b\"; Path=/");
    QTest::newRow("bytes not allowed in a value are dropped")
        << o << QByteArray("a\"b;c\\d\x7f\xc3\xa9") << QByteArray("s=abcd; Path=/");
    // Every attribute at its longest (the line is written into a buffer sized up front).
    o.setDomain(QStringLiteral(".example.com"));
    o.setMaxAge(std::numeric_limits<qint64>::max());
    o.setHttpOnly(true);
    o.setSecure(true);
    o.setSameSite(QNetworkCookie::SameSite::Strict);
    o.setPartitioned(true);
    QTest::newRow("longest attributes, value sanitized and quoted")
        << o << QByteArray("a b\x01;,c")
        << QByteArray("s=\"a b,c\"; Path=/; Domain=example.com; Expires=Fri, 31 Dec 9999 "
                      "23:59:59 GMT; Max-Age=9223372036854775807; HttpOnly; Secure; "
                      "SameSite=Strict; Partitioned");
}

void tst_CookieHeader::setCookie()
{
    QFETCH(CookieOptions, options);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    const QDateTime now = utc(1750000000).addMSecs(999); // sub-second parts are cut, as in Go
    QCOMPARE(CookieHeader::setCookie("s", value, options, now), expected);
    QCOMPARE(CookieHeader::setCookie("s", value, options, now.toSecsSinceEpoch()), expected);
}

void tst_CookieHeader::setCookieFromNetworkCookie()
{
    QNetworkCookie cookie("n", "v");
    cookie.setPath(QStringLiteral("/p"));
    cookie.setExpirationDate(utc(0));
    QCOMPARE(CookieHeader::setCookie(cookie),
             QByteArray("n=v; Path=/p; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
    QCOMPARE(
        CookieHeader::setCookie(cookie, 10, true),
        QByteArray("n=v; Path=/p; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=10; Partitioned"));
    cookie.setExpirationDate(RediStore::utcDateTime(QDate(1600, 12, 31), QTime(0, 0)));
    QCOMPARE(CookieHeader::setCookie(cookie), QByteArray("n=v; Path=/p"));
    // A name that is not a token: no cookie at all, as Go writes "".
    QCOMPARE(CookieHeader::setCookie(QNetworkCookie("bad name", "v")), QByteArray());
    QCOMPARE(CookieHeader::setCookie(QNetworkCookie("", "v")), QByteArray());
}

void tst_CookieHeader::networkCookie()
{
    CookieOptions options;
    options.setDomain(QStringLiteral("example.com"));
    options.setSecure(true);
    const QDateTime now = utc(1750000000);
    const QNetworkCookie cookie = CookieHeader::networkCookie("s", "v", options, now);
    QCOMPARE(cookie.name(), QByteArray("s"));
    QCOMPARE(cookie.value(), QByteArray("v"));
    QCOMPARE(cookie.path(), QStringLiteral("/"));
    QCOMPARE(cookie.domain(), QStringLiteral("example.com"));
    QCOMPARE(cookie.expirationDate(), now.addSecs(CookieOptions::DefaultMaxAge));
    QVERIFY(cookie.isSecure());
    QVERIFY(cookie.isHttpOnly());
    QCOMPARE(cookie.sameSitePolicy(), QNetworkCookie::SameSite::Lax);
    options.setMaxAge(0);
    QVERIFY(CookieHeader::networkCookie("s", "v", options, now).isSessionCookie());
    options.setMaxAge(-5);
    QCOMPARE(CookieHeader::networkCookie("s", "v", options, now).expirationDate(), utc(1));

    // A MaxAge beyond what a date can say expires at the end of year 9999, also from a "now"
    // before 1970 (no overflow on the way).
    const QDateTime lastHttpDate = RediStore::utcDateTime(QDate(9999, 12, 31), QTime(23, 59, 59));
    options.setMaxAge(std::numeric_limits<qint64>::max());
    for (const QDateTime &when : { now, utc(-1), utc(-62135596800LL) }) {
        const QNetworkCookie forever = CookieHeader::networkCookie("s", "v", options, when);
        QVERIFY(!forever.isSessionCookie());
        QCOMPARE(forever.expirationDate(), lastHttpDate);
        QVERIFY(CookieHeader::setCookie("s", "v", options, when.toSecsSinceEpoch())
                    .contains("; Expires=Fri, 31 Dec 9999 23:59:59 GMT;"));
    }
}

void tst_CookieHeader::httpDate_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("epoch+1") << utc(1) << QByteArray("Thu, 01 Jan 1970 00:00:01 GMT");
    QTest::newRow("RFC 7231 example")
        << utc(784111777) << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
    QTest::newRow("local time is converted")
        << RediStore::offsetDateTime(QDate(2025, 6, 15), QTime(17, 6, 40), 7200)
        << QByteArray("Sun, 15 Jun 2025 15:06:40 GMT");
    QTest::newRow("leap day") << RediStore::utcDateTime(QDate(2024, 2, 29), QTime(23, 59, 59))
                              << QByteArray("Thu, 29 Feb 2024 23:59:59 GMT");
    QTest::newRow("before the epoch") << utc(-1) << QByteArray("Wed, 31 Dec 1969 23:59:59 GMT");
    QTest::newRow("2000 is a leap year") << RediStore::utcDateTime(QDate(2000, 2, 29), QTime(12, 0))
                                         << QByteArray("Tue, 29 Feb 2000 12:00:00 GMT");
    QTest::newRow("2100 is not") << RediStore::utcDateTime(QDate(2100, 3, 1), QTime(0, 0))
                                 << QByteArray("Mon, 01 Mar 2100 00:00:00 GMT");
    QTest::newRow("1601, Go's first Expires year")
        << RediStore::utcDateTime(QDate(1601, 1, 1), QTime(0, 0))
        << QByteArray("Mon, 01 Jan 1601 00:00:00 GMT");
    QTest::newRow("last second of 9999")
        << RediStore::utcDateTime(QDate(9999, 12, 31), QTime(23, 59, 59))
        << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT");
}

void tst_CookieHeader::httpDate()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, text);
    QCOMPARE(CookieHeader::httpDate(time), text);
    QCOMPARE(CookieHeader::httpDate(time.toSecsSinceEpoch()), text);
}

void tst_CookieHeader::httpDateAgreesWithQDateTime()
{
    // The calendar arithmetic against Qt's, over 1601..9999 (pseudo-random, reproducible).
    const QLocale c = QLocale::c();
    const qint64 first = RediStore::utcDateTime(QDate(1601, 1, 1), QTime(0, 0)).toSecsSinceEpoch();
    const qint64 last
        = RediStore::utcDateTime(QDate(9999, 12, 31), QTime(23, 59, 59)).toSecsSinceEpoch();
    quint64 state = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const qint64 secs = first + qint64((state >> 11) % quint64(last - first + 1));
        const QDateTime time = RediStore::utcDateTime(secs);
        const QByteArray expected
            = c.toString(time, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
        QCOMPARE(CookieHeader::httpDate(secs), expected);
    }
}

QTEST_GUILESS_MAIN(tst_CookieHeader)
#include "tst_cookieheader.moc"
