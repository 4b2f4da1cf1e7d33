// CookieInspector and its dialog: good cookies name their session and key pair; bad ones say
// exactly why (MAC, no key of the ring, wrong name, expired, not a cookie, not a session ID);
// the dialog tells whether the session still exists in Redis.

#include "guitestsupport.h"
#include "inspector/cookieinspector.h"
#include "inspector/cookieinspectordialog.h"
#include "testdata.h"
#include "translationloader.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QJsonArray>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QPushButton>

using namespace RediStore;
using namespace RediStore::Admin;
using Verdict = CookieInspector::Verdict;

namespace {
const QByteArray hashKey = QByteArray(32, 'h');
const QByteArray blockKey = QByteArray(32, 'b');
const QByteArray oldHash = QByteArray(32, 'o');
const QString sessionId = QStringLiteral("ND5QS72U2FN3E7IZK5QGSEMFKUG6DCL6S6DB5AWI6XX5653P4Z2Q");

QByteArray cookieFor(const KeyRing &keys, const QByteArray &name, const QVariant &value)
{
    return SecureCookie(keys).encode(name, value).value();
}
} // namespace

class tst_CookieInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parsesEveryForm_data();
    void parsesEveryForm();
    void goodCookieNamesSessionAndKey();
    void rotatedKeyIsReported();
    void noKeyOfTheRingMatches();
    void wrongCookieName();
    void expiredCookie();
    void notACookie();
    void notASessionId();
    void goWrittenCookieDecodes();
    void dialogLooksTheSessionUpInRedis();

private:
    KeyRing m_ring { { hashKey, blockKey } };
};

void tst_CookieInspector::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
}

void tst_CookieInspector::parsesEveryForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArrayList>("names");
    QTest::addColumn<QByteArrayList>("values");
    QTest::newRow("bare value with padding")
        << "MTc1MDAw==" << QByteArrayList { "" } << QByteArrayList { "MTc1MDAw==" };
    QTest::newRow("quoted value") << "\"abc\"" << QByteArrayList { "" } << QByteArrayList { "abc" };
    QTest::newRow("name=value") << "session=abc=" << QByteArrayList { "session" }
                                << QByteArrayList { "abc=" };
    QTest::newRow("Cookie header") << "Cookie: _ga=GA1.2.3; session=abc==; theme=dark"
                                   << QByteArrayList { "_ga", "session", "theme" }
                                   << QByteArrayList { "GA1.2.3", "abc==", "dark" };
    QTest::newRow("Set-Cookie header")
        << "set-cookie: session=abc==; Path=/; Expires=Sun, 27 Dec 2026 05:29:32 GMT; "
           "Max-Age=2592000; HttpOnly"
        << QByteArrayList { "session" } << QByteArrayList { "abc==" };
    QTest::newRow("two lines") << "Cookie: a=1\nSet-Cookie: b=2; Path=/"
                               << QByteArrayList { "a", "b" } << QByteArrayList { "1", "2" };
}

void tst_CookieInspector::parsesEveryForm()
{
    QFETCH(QString, text);
    QFETCH(QByteArrayList, names);
    QFETCH(QByteArrayList, values);
    const QList<CookieInspector::Candidate> found = CookieInspector::parse(text);
    QCOMPARE(found.size(), names.size());
    for (qsizetype i = 0; i < found.size(); ++i) {
        QCOMPARE(found.at(i).name, names.at(i));
        QCOMPARE(found.at(i).value, values.at(i));
    }
}

void tst_CookieInspector::goodCookieNamesSessionAndKey()
{
    const QByteArray cookie = cookieFor(m_ring, "session", sessionId);
    CookieInspector inspector(m_ring, "session");
    const QString value = QString::fromLatin1(cookie);
    const QStringList texts = { value, QStringLiteral("session=") + value,
                                QStringLiteral("Cookie: _ga=1; session=") + value,
                                QStringLiteral("Set-Cookie: session=") + value
                                    + QStringLiteral("; Path=/; HttpOnly; SameSite=Lax") };
    for (const QString &text : texts) {
        const QList<CookieInspector::Finding> findings = inspector.inspectText(text);
        QVERIFY(!findings.isEmpty());
        const CookieInspector::Finding &f = findings.first();
        QCOMPARE(f.verdict, Verdict::Valid);
        QCOMPARE(f.sessionId, sessionId);
        QCOMPARE(f.keyIndex, 0);
        QCOMPARE(f.summary,
                 QStringLiteral(
                     "Valid: signed with key pair 1 of 1 for the cookie \u201csession\u201d."));
        QVERIFY(qAbs(f.signedAt.secsTo(QDateTime::currentDateTime())) < 60);
    }
}

void tst_CookieInspector::rotatedKeyIsReported()
{
    const QByteArray cookie = cookieFor(KeyRing { { oldHash, {} } }, "session", sessionId);
    CookieInspector inspector(KeyRing { { hashKey, blockKey }, { oldHash, {} } }, "session");
    const CookieInspector::Finding f = inspector.inspect({ "session", cookie });
    QCOMPARE(f.verdict, Verdict::Valid);
    QCOMPARE(f.keyIndex, 1);
    QVERIFY(f.summary.contains(QStringLiteral("key pair 2 of 2")));
}

void tst_CookieInspector::noKeyOfTheRingMatches()
{
    const QByteArray cookie = cookieFor(m_ring, "session", sessionId);
    CookieInspector inspector(
        KeyRing { { QByteArray(32, 'x'), {} }, { QByteArray(32, 'y'), blockKey } }, "session");
    const CookieInspector::Finding f = inspector.inspect({ "", cookie });
    QCOMPARE(f.verdict, Verdict::MacInvalid);
    QVERIFY(f.sessionId.isEmpty());
    QVERIFY(f.summary.startsWith(QStringLiteral(
        "No key of the ring matches: the signature (MAC) is wrong under all 2 key pairs.")));
    QCOMPARE(f.details.size(), 2);
    QVERIFY(f.details.first().startsWith(QStringLiteral("Key pair 1: ")));

    // One key, tampered value: the MAC.
    QByteArray tampered = cookie;
    tampered[20] = tampered.at(20) == 'A' ? 'B' : 'A';
    const CookieInspector::Finding t = CookieInspector(m_ring, "session").inspect({ "", tampered });
    QCOMPARE(t.verdict, Verdict::MacInvalid);
    QVERIFY(t.summary.startsWith(QStringLiteral("The signature (MAC) does not match")));
}

void tst_CookieInspector::wrongCookieName()
{
    const QByteArray cookie = cookieFor(m_ring, "app-session", sessionId);
    CookieInspector inspector(m_ring, "session");
    const QList<CookieInspector::Finding> findings = inspector.inspectText(
        QStringLiteral("Set-Cookie: app-session=") + QString::fromLatin1(cookie));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().verdict, Verdict::WrongName);
    QVERIFY(findings.first().summary.contains(QStringLiteral("\u201capp-session\u201d")));
    QVERIFY(findings.first().summary.contains(QStringLiteral("check the session name")));
    // Pasted bare, it simply does not match under the store's name.
    QCOMPARE(inspector.inspect({ "", cookie }).verdict, Verdict::MacInvalid);
}

void tst_CookieInspector::expiredCookie()
{
    const QByteArray cookie = cookieFor(m_ring, "session", sessionId);
    CookieInspector inspector(m_ring, "session", 86400);
    inspector.setClock([]() { return QDateTime::currentSecsSinceEpoch() + 2 * 86400; });
    const CookieInspector::Finding f = inspector.inspect({ "session", cookie });
    QCOMPARE(f.verdict, Verdict::Expired);
    QVERIFY(f.summary.startsWith(QStringLiteral("Expired: the cookie was signed on")));
    QVERIFY(f.summary.contains(QStringLiteral("more than 1 day ago")));
    QCOMPARE(f.keyIndex, 0); // the key matched; the age did not
}

void tst_CookieInspector::notACookie()
{
    CookieInspector inspector(m_ring, "session");
    const CookieInspector::Finding f = inspector.inspect({ "", "%%% not base64 %%%" });
    QCOMPARE(f.verdict, Verdict::NotACookie);
    QVERIFY(f.summary.startsWith(QStringLiteral("This is not a session cookie value")));
    QCOMPARE(CookieInspector(KeyRing(), "session").inspect({ "", "abc" }).verdict, Verdict::NoKeys);
}

void tst_CookieInspector::notASessionId()
{
    const QByteArray cookie = cookieFor(m_ring, "session", qint64(42));
    const CookieInspector::Finding f = CookieInspector(m_ring, "session").inspect({ "", cookie });
    QCOMPARE(f.verdict, Verdict::NotASessionId);
    QVERIFY(f.summary.contains(QStringLiteral("not a session ID")));
}

void tst_CookieInspector::goWrittenCookieDecodes()
{
    const QJsonObject vectors = Test::goVectors();
    QJsonObject basic;
    for (const QJsonValue &v : vectors.value(QStringLiteral("redistore"))
                                   .toObject()
                                   .value(QStringLiteral("vectors"))
                                   .toArray()) {
        if (v.toObject().value(QStringLiteral("id")).toString()
            == QLatin1String("rs-gob-basic-hashonly"))
            basic = v.toObject();
    }
    QVERIFY(!basic.isEmpty());
    const QByteArray key = QByteArray::fromHex(basic.value(QStringLiteral("store_keys"))
                                                   .toArray()
                                                   .first()
                                                   .toObject()
                                                   .value(QStringLiteral("hash_key_hex"))
                                                   .toString()
                                                   .toLatin1());
    const QString setCookie
        = basic.value(QStringLiteral("set_cookie")).toArray().first().toString();
    CookieInspector inspector(KeyRing { { key, {} } },
                              basic.value(QStringLiteral("session_name")).toString().toUtf8());
    const qint64 signedAt = basic.value(QStringLiteral("cookie_timestamp")).toInteger();
    inspector.setClock([signedAt]() { return signedAt + 60; });
    const QList<CookieInspector::Finding> findings
        = inspector.inspectText(QStringLiteral("Set-Cookie: ") + setCookie);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().verdict, Verdict::Valid);
    QCOMPARE(findings.first().sessionId, basic.value(QStringLiteral("session_id")).toString());
    QCOMPARE(findings.first().signedAt.toSecsSinceEpoch(), signedAt);
    // With today's clock the 30-day limit has passed: the inspector says so.
    CookieInspector today(KeyRing { { key, {} } },
                          basic.value(QStringLiteral("session_name")).toString().toUtf8());
    if (QDateTime::currentSecsSinceEpoch() > signedAt + SecureCookie::DefaultMaxAge)
        QCOMPARE(today.inspectText(QStringLiteral("Set-Cookie: ") + setCookie).first().verdict,
                 Verdict::Expired);
}

void tst_CookieInspector::dialogLooksTheSessionUpInRedis()
{
    Test::RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RedisPool pool(RedisConfig::fromUrl(server.url()).value());
    SessionAdmin admin(&pool, QStringLiteral("session_"), nullptr);
    QVERIFY(Test::storeSession(server, QStringLiteral("session_") + sessionId,
                               { { QStringLiteral("name"), QStringLiteral("alice") } },
                               QStringLiteral("gob"), 600));

    ConnectionProfile profile;
    profile.cookieKeys = { QStringLiteral("hex:") + QString::fromLatin1(hashKey.toHex()),
                           QStringLiteral("base64:") + QString::fromLatin1(blockKey.toBase64()) };
    CookieInspectorDialog dialog(profile, &admin);
    QSignalSpy inspected(&dialog, &CookieInspectorDialog::inspected);
    QSignalSpy open(&dialog, &CookieInspectorDialog::openSessionRequested);

    dialog.setInput(QStringLiteral("Cookie: session=")
                    + QString::fromLatin1(cookieFor(m_ring, "session", sessionId)));
    dialog.inspect();
    QVERIFY(inspected.wait(5000));
    QVERIFY2(dialog.resultText().contains(QStringLiteral("The session exists in Redis: 1 value")),
             qPrintable(dialog.resultText()));
    QVERIFY(dialog.resultText().contains(sessionId));
    QPushButton *openButton = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Open session"))
            openButton = button;
    }
    QVERIFY(openButton && openButton->isEnabled());
    openButton->click();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), sessionId);

    // A valid cookie whose session is gone: the user is logged out.
    server.command({ "DEL", "session_" + sessionId.toUtf8() });
    inspected.clear();
    dialog.inspect();
    QVERIFY(inspected.wait(5000));
    QVERIFY(dialog.resultText().contains(QStringLiteral("The session is missing in Redis")));
    QVERIFY(!openButton->isEnabled());

    // A forged one: no lookup, the reason.
    inspected.clear();
    dialog.setInput(QString::fromLatin1(
        cookieFor(KeyRing { { QByteArray(32, 'z'), {} } }, "session", sessionId)));
    dialog.inspect();
    QTRY_COMPARE(inspected.count(), 1);
    QVERIFY(dialog.resultText().contains(QStringLiteral("The signature (MAC) does not match")));
}

QTEST_MAIN(tst_CookieInspector)
#include "tst_cookieinspector.moc"
