#include <libredistore/codec/securecookie.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/redisstore.h>

#include "storetesthelpers.h"

#include <libredistore/utcdatetime_p.h>

#include <QtCore/QDataStream>
#include <QtCore/QDateTime>
#include <QtCore/QUrl>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

// A user type, as the Go test's FlashMessage: stored through QDataStream.
struct FlashMessage
{
    int type = 0;
    QString message;
    friend bool operator==(const FlashMessage &a, const FlashMessage &b)
    {
        return a.type == b.type && a.message == b.message;
    }
};
QDataStream &operator<<(QDataStream &out, const FlashMessage &m)
{
    return out << m.type << m.message;
}
QDataStream &operator>>(QDataStream &in, FlashMessage &m)
{
    return in >> m.type >> m.message;
}
Q_DECLARE_METATYPE(FlashMessage)

namespace {

// A save through a store whose credentials Redis refuses: RedisUnavailable, for a wrong
// password as for a missing one.
void checkCredentialsRefused(RedisStore &store, const QByteArray &name)
{
    auto loaded = load(store, name);
    loaded.session.setValue(QStringLiteral("k"), 1);
    const auto refused = save(store, loaded.session);
    QCOMPARE(refused.error.code(), SessionError::Code::RedisUnavailable);
    QCOMPARE(refused.error.redisError().code(), RedisError::Code::AuthenticationFailed);
}

} // namespace

// The cases of Go redistore's own tests, then what Go's tests never check.
class tst_RedisStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultsFollowGo();
    void flashes();
    void customTypes();
    void deleteWithNegativeMaxAge();
    void maxLength();
    void databaseSelection();
    void jsonSerializerRoundTrip();
    void gobSerializerRoundTrip();
    void pingGoodAndBadPort();
    void urlConnection();
    void overTls();
    void maxAgeZeroIsBrowserSessionWithDefaultTtl();
    void idFormatAndKey();
    void keyPrefixChangedBetweenLoadAndSave();
    void optionsAreValidated_data();
    void optionsAreValidated();
    void settingsStructIsValidated_data();
    void settingsStructIsValidated();
    void settingsStructAndUnixSocket();
    void poolOptionsReachThePool();
    void passwordAuthentication();
    void sessionOptionsAndPath();
    void noPingPerRequest();
    void aclAuthentication();
    void withPoolUsesThatPool();
    void regenerateIdKeepsDataAndRemovesOldKey();
    void lazySaveWritesNothingUnchanged();
    void slidingExpiryRewritesAnOldCookie();
    void concurrentSavesOfOneSession();
    void destroy();

private:
    RedisServer m_server;
};

void tst_RedisStore::initTestCase()
{
    qRegisterMetaType<FlashMessage>();
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_RedisStore::defaultsFollowGo()
{
    auto store = makeStore(m_server);
    QVERIFY(store);
    const RedisStoreSettings settings = store->settings();
    QCOMPARE(settings.keyPrefix, QStringLiteral("session_"));
    QCOMPARE(settings.maxLength, 4096);
    QCOMPARE(settings.defaultMaxAge, 1200);
    QCOMPARE(settings.poolSize, 10);
    QCOMPARE(settings.idleTimeoutSeconds, 240);
    QCOMPARE(store->sessionOptions().path(), QStringLiteral("/"));
    QCOMPARE(store->sessionOptions().maxAge(), 86400 * 30);
    // Secure defaults Go lacks.
    QVERIFY(store->sessionOptions().httpOnly());
    QCOMPARE(store->sessionOptions().sameSite(), QNetworkCookie::SameSite::Lax);
}

void tst_RedisStore::flashes()
{
    auto store = makeStore(m_server);
    // Round 1: a new session gets flashes and is saved.
    auto first = load(*store, "session-key");
    QVERIFY(!first.error.isError());
    QVERIFY(first.session.isNew());
    QVERIFY(first.session.flashes().isEmpty());
    first.session.addFlash(QStringLiteral("foo"));
    first.session.addFlash(QStringLiteral("bar"));
    first.session.addFlash(QStringLiteral("baz"), QStringLiteral("custom_key"));
    const auto saved = save(*store, first.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    QVERIFY(saved.setCookie.startsWith("session-key="));

    // Round 2: the flashes come back once.
    const QByteArrayList cookies = { cookieFrom(saved.setCookie) };
    auto second = load(*store, "session-key", cookies);
    QVERIFY(!second.session.isNew());
    QCOMPARE(second.session.flashes(),
             (QVariantList { QStringLiteral("foo"), QStringLiteral("bar") }));
    QVERIFY(second.session.flashes().isEmpty());
    QCOMPARE(second.session.flashes(QStringLiteral("custom_key")),
             QVariantList { QStringLiteral("baz") });
    QVERIFY(save(*store, second.session).ok());

    // Round 3: gone.
    auto third = load(*store, "session-key", cookies);
    QVERIFY(third.session.flashes().isEmpty());
    QVERIFY(third.session.flashes(QStringLiteral("custom_key")).isEmpty());
}

void tst_RedisStore::customTypes()
{
    auto store = makeStore(m_server);
    auto loaded = load(*store, "custom");
    const QDateTime when = RediStore::utcDateTime(1750000000);
    loaded.session.addFlash(QVariant::fromValue(FlashMessage { 42, QStringLiteral("foo") }));
    loaded.session.setValue(QStringLiteral("when"), when);
    loaded.session.setValue(QStringLiteral("url"), QUrl(QStringLiteral("https://example.com/a")));
    loaded.session.setValue(
        QStringLiteral("nested"),
        QVariantMap { { QStringLiteral("list"), QVariantList { 1, 2.5, true } } });
    const auto saved = save(*store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));

    auto again = load(*store, "custom", { cookieFrom(saved.setCookie) });
    const QVariantList flashes = again.session.flashes();
    QCOMPARE(flashes.size(), 1);
    QCOMPARE(flashes.first().value<FlashMessage>(), (FlashMessage { 42, QStringLiteral("foo") }));
    QCOMPARE(again.session.value(QStringLiteral("when")).toDateTime(), when);
    QCOMPARE(again.session.value(QStringLiteral("url")).toUrl(),
             QUrl(QStringLiteral("https://example.com/a")));
    QCOMPARE(again.session.value(QStringLiteral("nested")).toMap().value(QStringLiteral("list")),
             (QVariant(QVariantList { 1, 2.5, true })));
}

void tst_RedisStore::deleteWithNegativeMaxAge()
{
    auto store = makeStore(m_server);
    auto loaded = load(*store, "del");
    loaded.session.setValue(QStringLiteral("k"), 1);
    const auto saved = save(*store, loaded.session);
    QVERIFY(saved.ok());
    const QByteArray key = store->keyFor(loaded.session.id());
    QCOMPARE(m_server.command({ "EXISTS", key }).toLongLong(), 1);

    loaded.session.setMaxAge(-1);
    const auto deleted = save(*store, loaded.session);
    QVERIFY(deleted.ok());
    QCOMPARE(m_server.command({ "EXISTS", key }).toLongLong(), 0);
    QVERIFY2(deleted.setCookie.contains("Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0"),
             deleted.setCookie.constData());
    QVERIFY(deleted.setCookie.startsWith("del=;"));
}

void tst_RedisStore::maxLength()
{
    auto store = makeStore(m_server);
    const qint64 keysBefore = m_server.command({ "DBSIZE" }).toLongLong();
    auto loaded = load(*store, "big");
    loaded.session.setValue(QStringLiteral("big"), QByteArray(5000, 'x'));
    const auto refused = save(*store, loaded.session);
    QCOMPARE(refused.error.code(), SessionError::Code::ValueTooLarge);
    QVERIFY(refused.error.message().contains(QStringLiteral("4096")));
    QVERIFY(refused.setCookie.isEmpty());
    QVERIFY(loaded.session.id().isEmpty()); // nothing was written, no ID handed out
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), keysBefore);

    // Exactly at the limit passes; one byte more fails.
    const auto serializer = SessionSerializer::byName(QStringLiteral("datastream"));
    QVariantMap probe { { QStringLiteral("big"), QByteArray() } };
    const qsizetype overhead = serializer->serialize(probe).value().size();
    loaded.session.setValue(QStringLiteral("big"), QByteArray(4096 - overhead, 'x'));
    QVERIFY(save(*store, loaded.session).ok());
    const QByteArray key = store->keyFor(loaded.session.id());
    const QByteArray stored = m_server.command({ "GET", key }).toByteArray();
    m_server.command({ "EXPIRE", key, "500" });
    loaded.session.setValue(QStringLiteral("big"), QByteArray(4097 - overhead, 'x'));
    QCOMPARE(save(*store, loaded.session).error.code(), SessionError::Code::ValueTooLarge);
    // The refused save of a stored session leaves what Redis has as it was, TTL included.
    QCOMPARE(m_server.command({ "GET", key }).toByteArray(), stored);
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() <= 500);

    // Raising the limit lets it through.
    store->setMaxLength(4096 * 3);
    loaded.session.setValue(QStringLiteral("big"), QByteArray(5000, 'x'));
    QVERIFY(save(*store, loaded.session).ok());
    QCOMPARE(m_server.command({ "STRLEN", store->keyFor(loaded.session.id()) }).toLongLong(),
             5000 + overhead);
}

void tst_RedisStore::databaseSelection()
{
    auto store = makeStore(m_server, { withDbNum(5) });
    auto loaded = load(*store, "db");
    loaded.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store, loaded.session).ok());
    const QByteArray key = store->keyFor(loaded.session.id());
    QCOMPARE(m_server.command({ "EXISTS", key }).toLongLong(), 0); // not in db 0
    RedisClient probe([this] {
        RedisConfig config;
        config.setPort(m_server.port());
        config.setDatabase(5);
        return config;
    }());
    QCOMPARE(waitFor(probe.execute({ "EXISTS", key }))->toInteger(), 1);

    // withDb takes the number as text, as Go's WithDB.
    auto textual = makeStore(m_server, { withDb(QStringLiteral("5")) });
    QVERIFY(textual);
    QVERIFY(!makeStore(m_server, { withDb(QStringLiteral("five")) }));
}

void tst_RedisStore::jsonSerializerRoundTrip()
{
    auto store = makeStore(m_server,
                           { withSerializer(SessionSerializer::byName(QStringLiteral("json"))) });
    auto loaded = load(*store, "json");
    loaded.session.setValue(QStringLiteral("user"), QStringLiteral("john_doe"));
    loaded.session.setValue(QStringLiteral("n"), 42);
    loaded.session.setValue(QStringLiteral("html"), QStringLiteral("a<b>&c"));
    const auto saved = save(*store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    // Exactly what Go's JSONSerializer writes: sorted, compact, HTML-escaped.
    QCOMPARE(m_server.command({ "GET", store->keyFor(loaded.session.id()) }).toByteArray(),
             QByteArray(R"({"html":"a\u003cb\u003e\u0026c","n":42,"user":"john_doe"})"));
    auto again = load(*store, "json", { cookieFrom(saved.setCookie) });
    QCOMPARE(again.session.value(QStringLiteral("user")).toString(), QStringLiteral("john_doe"));
    QCOMPARE(again.session.value(QStringLiteral("n")).toDouble(), 42.0); // JSON numbers
}

void tst_RedisStore::gobSerializerRoundTrip()
{
    auto store
        = makeStore(m_server, { withSerializer(SessionSerializer::byName(QStringLiteral("gob"))) });
    auto loaded = load(*store, "gob");
    loaded.session.setValue(QStringLiteral("user"), QStringLiteral("john_doe"));
    loaded.session.setValue(QStringLiteral("authenticated"), true);
    const auto saved = save(*store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    auto again = load(*store, "gob", { cookieFrom(saved.setCookie) });
    QCOMPARE(again.session.value(QStringLiteral("user")).toString(), QStringLiteral("john_doe"));
    QCOMPARE(again.session.value(QStringLiteral("authenticated")).toBool(), true);
}

void tst_RedisStore::pingGoodAndBadPort()
{
    auto good = makeStore(m_server);
    QSignalSpy checked(good.get(), &RedisStore::reachabilityChecked);
    QTRY_COMPARE(checked.size(), 1);
    QVERIFY(!checked.first().first().value<SessionError>().isError());
    const auto pong = waitFor(good->ping());
    QVERIFY(pong && pong->ok());
    QVERIFY(pong->roundTripMs >= 0);

    auto bad = RedisStore::create(
        KeyRing::keys({ hashKey }),
        { withAddress(QStringLiteral("tcp"),
                      QStringLiteral("127.0.0.1:%1").arg(RedisServer::freePort())),
          withCommandTimeout(500) });
    QVERIFY(bad.ok()); // construction never blocks on the network
    const auto ping = waitFor(bad.value()->ping());
    QVERIFY(ping.has_value());
    QCOMPARE(ping->error.code(), SessionError::Code::RedisUnavailable);
    QVERIFY(ping->error.message().contains(QStringLiteral("127.0.0.1")));
}

void tst_RedisStore::urlConnection()
{
    auto store = RedisStore::create(
        KeyRing::keys({ hashKey }),
        { withUrl(QStringLiteral("redis://127.0.0.1:%1/3").arg(m_server.port())) });
    QVERIFY(store.ok());
    auto loaded = load(*store.value(), "url");
    loaded.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store.value(), loaded.session).ok());
    QCOMPARE(store.value()->pool()->config().database(), 3);

    // URL and explicit DB that disagree: an error, not a silent choice (Go drops one).
    auto conflict = RedisStore::create(
        KeyRing::keys({ hashKey }),
        { withUrl(QStringLiteral("redis://127.0.0.1:%1/3").arg(m_server.port())), withDbNum(4) });
    QVERIFY(!conflict.ok());
    QCOMPARE(conflict.error().code(), SessionError::Code::ConflictingOptions);
    QVERIFY(conflict.error().message().contains(QStringLiteral("database")));
}

// Sessions over TLS, said by a rediss:// URL or by withTls(); refused with an unrelated CA.
void tst_RedisStore::overTls()
{
    RedisServer::Options options;
    options.tls = true;
    RedisServer server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    auto byUrl = RedisStore::create(KeyRing::keys({ hashKey }), { withUrl(server.tlsUrl(2)) });
    QVERIFY(byUrl.ok());
    auto loaded = load(*byUrl.value(), "tls");
    loaded.session.setValue(QStringLiteral("k"), QStringLiteral("over TLS"));
    const auto saved = save(*byUrl.value(), loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    const auto again = load(*byUrl.value(), "tls", { cookieFrom(saved.setCookie) });
    QCOMPARE(again.session.value(QStringLiteral("k")).toString(), QStringLiteral("over TLS"));
    QVERIFY(byUrl.value()->pool()->config().tlsEnabled());
    QCOMPARE(byUrl.value()->pool()->config().database(), 2);

    RedisTlsOptions tls;
    tls.caFile = RedisServer::certificates().caFile;
    auto byOption = RedisStore::create(
        KeyRing::keys({ hashKey }),
        { withAddress(QStringLiteral("tcp"), QStringLiteral("localhost:%1").arg(server.tlsPort())),
          withTls(tls) });
    QVERIFY(byOption.ok());
    const auto fromOption
        = load(*byOption.value(), "tls", { cookieFrom(saved.setCookie) }); // db 0: not there
    QVERIFY(fromOption.session.isNew());
    QVERIFY(save(*byOption.value(), fromOption.session).error.code()
            != SessionError::Code::RedisUnavailable);

    tls.caFile = RedisServer::certificates().otherCaFile;
    auto untrusted = RedisStore::create(
        KeyRing::keys({ hashKey }),
        { withAddress(QStringLiteral("tcp"), QStringLiteral("localhost:%1").arg(server.tlsPort())),
          withTls(tls), withOfflineWait(200) });
    QVERIFY(untrusted.ok());
    auto refused = load(*untrusted.value(), "tls");
    refused.session.setValue(QStringLiteral("k"), 1);
    const auto failed = save(*untrusted.value(), refused.session);
    QCOMPARE(failed.error.code(), SessionError::Code::RedisUnavailable);
    QVERIFY2(failed.error.message().contains(QStringLiteral("certificate")),
             qPrintable(failed.error.message()));

    // A key without its certificate is refused, naming the option.
    RedisTlsOptions keyOnly;
    keyOnly.keyFile = QStringLiteral("/k.pem");
    auto badKey = RedisStore::create(KeyRing::keys({ hashKey }),
                                     { withUrl(server.tlsUrl()), withTls(keyOnly) });
    QVERIFY(!badKey.ok());
    QVERIFY(badKey.error().message().contains(QStringLiteral("withTls")));
}

void tst_RedisStore::maxAgeZeroIsBrowserSessionWithDefaultTtl()
{
    // Go v2.0.1's regression test: MaxAge 0 is a browser-session cookie, the data gets
    // DefaultMaxAge, and the session reloads as not new.
    auto store = makeStore(m_server, { withMaxAge(0) });
    auto loaded = load(*store, "browser");
    loaded.session.setValue(QStringLiteral("k"), QStringLiteral("v"));
    const auto saved = save(*store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    QVERIFY(!saved.setCookie.contains("Expires="));
    QVERIFY(!saved.setCookie.contains("Max-Age="));
    const qint64 ttl = m_server.command({ "TTL", store->keyFor(loaded.session.id()) }).toLongLong();
    QVERIFY2(ttl >= 1190 && ttl <= 1200, qPrintable(QString::number(ttl)));
    auto again = load(*store, "browser", { cookieFrom(saved.setCookie) });
    QVERIFY(!again.session.isNew());
    QCOMPARE(again.session.value(QStringLiteral("k")).toString(), QStringLiteral("v"));
}

void tst_RedisStore::idFormatAndKey()
{
    const QString id = RedisStore::generateId();
    QCOMPARE(id.size(), 52);
    for (const QChar c : id)
        QVERIFY((c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                || (c >= QLatin1Char('2') && c <= QLatin1Char('7')));
    QVERIFY(id.endsWith(QLatin1Char('A')) || id.endsWith(QLatin1Char('Q')));
    QVERIFY(RedisStore::generateId() != id);

    auto store = makeStore(m_server, { withKeyPrefix(QStringLiteral("app:")) });
    auto loaded = load(*store, "prefix");
    loaded.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store, loaded.session).ok());
    QCOMPARE(m_server.command({ "EXISTS", "app:" + loaded.session.id().toLatin1() }).toLongLong(),
             1);
    // The default TTL is the cookie's MaxAge: 30 days.
    const qint64 ttl = m_server.command({ "TTL", store->keyFor(loaded.session.id()) }).toLongLong();
    QVERIFY(ttl > 86400 * 30 - 10 && ttl <= 86400 * 30);
}

void tst_RedisStore::keyPrefixChangedBetweenLoadAndSave()
{
    // A loaded session keeps its Redis key for the save, but only under the same prefix. With
    // Go's plain SETEX the save writes under the new prefix; a compare-and-set save finds no
    // session there and re-creates nothing (checked at the end).
    auto store = makeStore(m_server,
                           { withKeyPrefix(QStringLiteral("before:")),
                             withConcurrency(SessionConcurrency::LastWriteWins) });
    auto created = load(*store, "moved");
    created.session.setValue(QStringLiteral("k"), 1);
    const auto first = save(*store, created.session);
    QVERIFY(first.ok());
    auto loaded = load(*store, "moved", { cookieFrom(first.setCookie) });
    QVERIFY(!loaded.session.isNew());
    const QByteArray id = loaded.session.id().toLatin1();

    store->setKeyPrefix(QStringLiteral("after:"));
    loaded.session.setValue(QStringLiteral("k"), 2);
    QVERIFY(save(*store, loaded.session).ok());
    QCOMPARE(m_server.command({ "EXISTS", "after:" + id }).toLongLong(), 1);
    auto reloaded = load(*store, "moved", { cookieFrom(first.setCookie) });
    QCOMPARE(reloaded.session.value(QStringLiteral("k")).toInt(), 2);

    // Deleting goes to the new prefix too; the old key is left as it was.
    const auto destroyed = waitFor(store->destroy(reloaded.session));
    QVERIFY(destroyed && destroyed->ok());
    QCOMPARE(m_server.command({ "EXISTS", "after:" + id }).toLongLong(), 0);
    QCOMPARE(m_server.command({ "EXISTS", "before:" + id }).toLongLong(), 1);

    auto careful = makeStore(m_server, { withKeyPrefix(QStringLiteral("before:")) });
    auto again = load(*careful, "moved", { cookieFrom(first.setCookie) });
    QVERIFY(!again.session.isNew());
    careful->setKeyPrefix(QStringLiteral("after:"));
    again.session.setValue(QStringLiteral("k"), 3);
    QCOMPARE(save(*careful, again.session).error.code(), SessionError::Code::SessionGone);
    QCOMPARE(m_server.command({ "EXISTS", "after:" + id }).toLongLong(), 0);
}

void tst_RedisStore::optionsAreValidated_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<SessionError::Code>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no connection") << 0 << SessionError::Code::NoConnection << "withAddress";
    QTest::newRow("two connections")
        << 1 << SessionError::Code::ConflictingOptions << "exactly one";
    QTest::newRow("pool size") << 2 << SessionError::Code::InvalidOption << "withPoolSize";
    QTest::newRow("network") << 3 << SessionError::Code::InvalidOption << "withAddress";
    QTest::newRow("bad url") << 4 << SessionError::Code::InvalidOption << "withUrl";
    QTest::newRow("max length") << 5 << SessionError::Code::InvalidOption << "withMaxLength";
    QTest::newRow("block key size") << 6 << SessionError::Code::InvalidKeys << "key pair 1";
    QTest::newRow("empty hash key") << 7 << SessionError::Code::InvalidKeys << "key pair 2";
    QTest::newRow("no keys") << 8 << SessionError::Code::InvalidKeys << "keys";
}

void tst_RedisStore::optionsAreValidated()
{
    QFETCH(int, which);
    QFETCH(SessionError::Code, code);
    QFETCH(QString, mentions);
    const auto address = withAddress(QStringLiteral("tcp"), QStringLiteral(":6379"));
    KeyRing keys = KeyRing::keys({ hashKey });
    QList<RedisStoreOption> options;
    switch (which) {
    case 0:
        break;
    case 1:
        options = { address, withUrl(QStringLiteral("redis://localhost")) };
        break;
    case 2:
        options = { address, withPoolSize(0) };
        break;
    case 3:
        options = { withAddress(QStringLiteral("udp"), QStringLiteral(":1")) };
        break;
    case 4:
        options = { withUrl(QStringLiteral("http://x")) };
        break;
    case 5:
        options = { address, withMaxLength(-1) };
        break;
    case 6:
        options = { address };
        keys = KeyRing::keys({ hashKey, QByteArray(20, 'b') }); // AES needs 16, 24 or 32
        break;
    case 7:
        options = { address };
        keys = KeyRing::keys({ hashKey, blockKey, QByteArray(), blockKey });
        break;
    case 8:
        options = { address };
        keys = KeyRing();
        break;
    }
    const auto store = RedisStore::create(keys, options);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code(), code);
    QVERIFY2(store.error().message().contains(mentions), qPrintable(store.error().message()));
}

void tst_RedisStore::settingsStructIsValidated_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<SessionError::Code>("code");
    QTest::addColumn<QString>("mentions");
    const auto invalid = SessionError::Code::InvalidOption;
    QTest::newRow("poolSize") << 0 << invalid << "withPoolSize: 0 is not a pool size";
    QTest::newRow("idleTimeoutSeconds") << 1 << invalid << "withIdleTimeout: -1 s is negative";
    QTest::newRow("maxLength") << 2 << invalid << "withMaxLength: -1 is negative";
    QTest::newRow("defaultMaxAge") << 3 << invalid << "withDefaultMaxAge: 0 s is not a TTL";
    QTest::newRow("refreshThreshold") << 4 << invalid << "withRefreshThreshold: -1 s";
    QTest::newRow("commandTimeoutMs") << 5 << invalid << "withCommandTimeout: -1 ms";
    QTest::newRow("network") << 6 << invalid << "withAddress: network 'udp'";
    QTest::newRow("address without network") << 7 << invalid << "withAddress: network ''";
    QTest::newRow("empty address") << 8 << invalid << "withAddress: the address is empty";
    QTest::newRow("database") << 9 << invalid << "withDbNum: -1 is not a database";
    QTest::newRow("username without password") << 10 << invalid << "withAuth: the password";
    QTest::newRow("url and address")
        << 11 << SessionError::Code::ConflictingOptions << "exactly one";
    QTest::newRow("no connection") << 12 << SessionError::Code::NoConnection << "withUrl";
}

void tst_RedisStore::settingsStructIsValidated()
{
    QFETCH(int, which);
    QFETCH(SessionError::Code, code);
    QFETCH(QString, mentions);
    RedisStoreSettings settings;
    settings.url = m_server.url();
    switch (which) {
    case 0:
        settings.poolSize = 0;
        break;
    case 1:
        settings.idleTimeoutSeconds = -1;
        break;
    case 2:
        settings.maxLength = -1;
        break;
    case 3:
        settings.defaultMaxAge = 0;
        break;
    case 4:
        settings.refreshThreshold = -1;
        break;
    case 5:
        settings.commandTimeoutMs = -1;
        break;
    case 6:
        settings.url.clear();
        settings.network = QStringLiteral("udp");
        settings.address = QStringLiteral(":6379");
        break;
    case 7:
        settings.url.clear();
        settings.address = QStringLiteral(":6379");
        break;
    case 8:
        settings.url.clear();
        settings.network = QStringLiteral("tcp");
        break;
    case 9:
        settings.database = -1;
        break;
    case 10:
        settings.username = QStringLiteral("alice");
        break;
    case 11:
        settings.network = QStringLiteral("tcp");
        settings.address = QStringLiteral(":6379");
        break;
    case 12:
        settings.url.clear();
        break;
    }
    const auto store = RedisStore::create(KeyRing::keys({ hashKey }), settings);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code(), code);
    QVERIFY2(store.error().message().contains(mentions), qPrintable(store.error().message()));
}

void tst_RedisStore::settingsStructAndUnixSocket()
{
    // The struct, as code that reads its configuration from a file builds it.
    RedisStoreSettings settings;
    settings.network = QStringLiteral("unix");
    settings.address = m_server.unixSocket();
    settings.database = 3;
    settings.keyPrefix = QStringLiteral("struct_");
    settings.maxLength = 100;
    settings.serializer = SessionSerializer::byName(QStringLiteral("json"));
    auto created = RedisStore::create(KeyRing::keys({ hashKey }), settings);
    QVERIFY(created.ok());
    auto &store = *created.value();
    QCOMPARE(store.pool()->config().unixSocket(), m_server.unixSocket());
    auto loaded = load(store, "s");
    loaded.session.setValue(QStringLiteral("k"), QStringLiteral("v"));
    const auto saved = save(store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    const QByteArray key = "struct_" + loaded.session.id().toLatin1();
    QCOMPARE(m_server.command({ "SELECT", "3" }).toByteArray(), QByteArray("OK")); // no effect
    QCOMPARE(m_server.command({ "EXISTS", key }).toLongLong(), 0); // not in database 0
    const QVariant inDb3 = m_server.command({ "EVAL",
                                              "redis.call('SELECT', 3) "
                                              "return redis.call('GET', KEYS[1])",
                                              "1", key });
    QCOMPARE(inDb3.toByteArray(), QByteArray(R"({"k":"v"})"));
    loaded.session.setValue(QStringLiteral("k"), QString(200, QLatin1Char('x')));
    QCOMPARE(save(store, loaded.session).error.code(), SessionError::Code::ValueTooLarge);

    // The same socket through the option.
    auto byOption = RedisStore::create(
        KeyRing::keys({ hashKey }), { withAddress(QStringLiteral("unix"), m_server.unixSocket()) });
    QVERIFY(byOption.ok());
    auto again = load(*byOption.value(), "s");
    again.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*byOption.value(), again.session).ok());
    QCOMPARE(
        m_server.command({ "EXISTS", byOption.value()->keyFor(again.session.id()) }).toLongLong(),
        1);
}

void tst_RedisStore::poolOptionsReachThePool()
{
    auto store = makeStore(m_server, { withPoolSize(3), withIdleTimeout(7) });
    QVERIFY(store);
    QCOMPARE(store->pool()->maxConnections(), 3);
    QCOMPARE(store->pool()->idleTimeoutMs(), 7000);
    // 0 keeps idle connections open, as Go's IdleTimeout 0.
    auto keep = makeStore(m_server, { withIdleTimeout(0) });
    QVERIFY(keep);
    QCOMPARE(keep->pool()->idleTimeoutMs(), 0);
    // Go's defaults: 10 connections, closed after 240 s idle.
    auto defaults = makeStore(m_server);
    QCOMPARE(defaults->pool()->maxConnections(), 10);
    QCOMPARE(defaults->pool()->idleTimeoutMs(), 240 * 1000);
}

void tst_RedisStore::passwordAuthentication()
{
    RedisServer locked(RedisServer::Options { true, {} });
    QVERIFY2(locked.start(), qPrintable(locked.errorString()));
    auto store = makeStore(locked, { withPassword(QLatin1String(RedisServer::defaultPassword)) });
    auto loaded = load(*store, "pw");
    loaded.session.setValue(QStringLiteral("k"), 1);
    const auto saved = save(*store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    QCOMPARE(locked
                 .command({ "EXISTS", store->keyFor(loaded.session.id()) }, "default",
                          RedisServer::defaultPassword)
                 .toLongLong(),
             1);

    checkCredentialsRefused(*makeStore(locked, { withPassword(QStringLiteral("wrong")) }), "pw");
    // No password for a server that wants one: the same kind of error as a wrong one.
    checkCredentialsRefused(*makeStore(locked), "pw");
}

void tst_RedisStore::sessionOptionsAndPath()
{
    SessionOptions options;
    options.setPath(QStringLiteral("/shop"));
    options.setDomain(QStringLiteral("example.com"));
    options.setMaxAge(600);
    options.setSecure(true);
    options.setSameSite(QNetworkCookie::SameSite::Strict);
    auto store = makeStore(m_server, { withSessionOptions(options) });
    QCOMPARE(store->sessionOptions().path(), QStringLiteral("/shop"));
    auto loaded = load(*store, "opts");
    loaded.session.setValue(QStringLiteral("k"), 1);
    const auto saved = save(*store, loaded.session);
    QVERIFY(saved.ok());
    for (const char *attribute : { "; Path=/shop", "; Domain=example.com", "; Max-Age=600",
                                   "; HttpOnly", "; Secure", "; SameSite=Strict" })
        QVERIFY2(saved.setCookie.contains(attribute), saved.setCookie.constData());
    const qint64 ttl = m_server.command({ "TTL", store->keyFor(loaded.session.id()) }).toLongLong();
    QVERIFY2(ttl > 590 && ttl <= 600, qPrintable(QString::number(ttl)));

    // withPath changes the path only; the other options keep Go's defaults.
    auto pathOnly = makeStore(m_server, { withPath(QStringLiteral("/app")) });
    QCOMPARE(pathOnly->sessionOptions().path(), QStringLiteral("/app"));
    QCOMPARE(pathOnly->sessionOptions().maxAge(), 86400 * 30);
    auto other = load(*pathOnly, "opts");
    other.session.setValue(QStringLiteral("k"), 1);
    const QByteArray line = save(*pathOnly, other.session).setCookie;
    QVERIFY2(line.contains("; Path=/app;"), line.constData());
    QVERIFY2(line.contains("; SameSite=Lax"), line.constData());
    QVERIFY2(!line.contains("Secure"), line.constData());
}

void tst_RedisStore::noPingPerRequest()
{
    auto store = makeStore(m_server);
    QSignalSpy reachable(store.get(), &RedisStore::reachabilityChecked);
    QVERIFY(reachable.wait());
    auto first = load(*store, "ping");
    first.session.setValue(QStringLiteral("n"), 0);
    const QByteArrayList cookies = { cookieFrom(save(*store, first.session).setCookie) };
    QCOMPARE(m_server.command({ "CONFIG", "RESETSTAT" }).toByteArray(), QByteArray("OK"));
    for (int i = 1; i <= 10; ++i) {
        auto loaded = load(*store, "ping", cookies);
        QVERIFY(!loaded.session.isNew());
        loaded.session.setValue(QStringLiteral("n"), i);
        QVERIFY(save(*store, loaded.session).ok());
    }
    // Go's store sends a PING before each load and save; ours only checked once, when made.
    // Each save is one compare-and-set script (its GET and SETEX count as calls too).
    const QByteArray stats = m_server.command({ "INFO", "commandstats" }).toByteArray();
    QVERIFY2(stats.contains("cmdstat_get:calls=20,"), stats.constData());
    QVERIFY2(stats.contains("cmdstat_setex:calls=10,"), stats.constData());
    QVERIFY2(stats.contains("cmdstat_evalsha:calls=10,"), stats.constData());
    QVERIFY2(!stats.contains("cmdstat_ping"), stats.constData());
}

void tst_RedisStore::aclAuthentication()
{
    auto store = makeStore(
        m_server,
        { withAuth(QLatin1String(RedisServer::aclUser), QLatin1String(RedisServer::aclPassword)) });
    auto loaded = load(*store, "acl");
    loaded.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store, loaded.session).ok());

    checkCredentialsRefused(
        *makeStore(m_server,
                   { withAuth(QLatin1String(RedisServer::aclUser), QStringLiteral("wrong")) }),
        "acl");
}

void tst_RedisStore::withPoolUsesThatPool()
{
    RedisConfig config;
    config.setPort(m_server.port());
    RedisPool pool(config);
    auto store = RedisStore::create(KeyRing::keys({ hashKey }), { withPool(&pool) });
    QVERIFY(store.ok());
    QCOMPARE(store.value()->pool(), &pool);
    auto loaded = load(*store.value(), "pool");
    loaded.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store.value(), loaded.session).ok());
    QVERIFY(pool.connectionCount() >= 1);
    // Auth for an existing pool belongs to the pool: said, not ignored.
    QVERIFY(!RedisStore::create(KeyRing::keys({ hashKey }),
                                { withPool(&pool), withPassword(QStringLiteral("x")) })
                 .ok());
}

void tst_RedisStore::regenerateIdKeepsDataAndRemovesOldKey()
{
    auto store = makeStore(m_server);
    auto loaded = load(*store, "login");
    loaded.session.setValue(QStringLiteral("cart"), 3);
    QVERIFY(save(*store, loaded.session).ok());
    const QString before = loaded.session.id();

    loaded.session.regenerateId();
    loaded.session.setValue(QStringLiteral("user"), QStringLiteral("alice"));
    const auto saved = save(*store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    const QString after = loaded.session.id();
    QVERIFY(after != before);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(before) }).toLongLong(), 0);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(after) }).toLongLong(), 1);
    auto again = load(*store, "login", { cookieFrom(saved.setCookie) });
    QCOMPARE(again.session.id(), after);
    QCOMPARE(again.session.value(QStringLiteral("cart")).toInt(), 3);
    QCOMPARE(again.session.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));

    // The same from a session loaded from its cookie: the old key goes.
    again.session.regenerateId();
    QVERIFY(save(*store, again.session).ok());
    QVERIFY(again.session.id() != after);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(after) }).toLongLong(), 0);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(again.session.id()) }).toLongLong(), 1);
}

void tst_RedisStore::lazySaveWritesNothingUnchanged()
{
    auto store = makeStore(m_server);
    auto loaded = load(*store, "lazy");
    loaded.session.setValue(QStringLiteral("k"), 1);
    const auto first = save(*store, loaded.session);
    QVERIFY(first.ok());
    const QByteArray key = store->keyFor(loaded.session.id());
    m_server.command({ "EXPIRE", key, "500" });

    // Loaded and saved without a change, within the refresh threshold: nothing written.
    auto unchanged = load(*store, "lazy", { cookieFrom(first.setCookie) });
    const auto skipped = save(*store, unchanged.session);
    QVERIFY(skipped.ok());
    QVERIFY(skipped.setCookie.isEmpty());
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() <= 500);

    // A change is written, and the TTL slides.
    unchanged.session.setValue(QStringLiteral("k"), 2);
    const auto written = save(*store, unchanged.session);
    QVERIFY(!written.setCookie.isEmpty());
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() > 86400);

    // With lazy saves off, every save writes (Go's behaviour).
    auto eager = makeStore(m_server, { withLazySave(false) });
    auto reloaded = load(*eager, "lazy", { cookieFrom(written.setCookie) });
    m_server.command({ "EXPIRE", key, "500" });
    QVERIFY(!save(*eager, reloaded.session).setCookie.isEmpty());
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() > 86400);
}

void tst_RedisStore::slidingExpiryRewritesAnOldCookie()
{
    auto store = makeStore(m_server, { withRefreshThreshold(60) });
    auto loaded = load(*store, "slide");
    loaded.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store, loaded.session).ok());
    const QString id = loaded.session.id();
    const QByteArray key = store->keyFor(id);
    SecureCookie codec(KeyRing::keys({ hashKey }));
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    // Unchanged, with a cookie signed 30 s ago: within the threshold, nothing is written.
    m_server.command({ "EXPIRE", key, "500" });
    const auto recent = codec.encodeForTesting("slide", id, now - 30, QByteArray());
    auto fresh = load(*store, "slide", { "slide=" + recent.value() });
    QCOMPARE(fresh.session.id(), id);
    QVERIFY(save(*store, fresh.session).setCookie.isEmpty());
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() <= 500);

    // Unchanged, with a cookie signed 90 s ago: the key's TTL and the cookie are renewed.
    const auto old = codec.encodeForTesting("slide", id, now - 90, QByteArray());
    auto aged = load(*store, "slide", { "slide=" + old.value() });
    QCOMPARE(aged.session.id(), id);
    const auto renewed = save(*store, aged.session);
    QVERIFY2(renewed.ok(), qPrintable(renewed.error.message()));
    QVERIFY(renewed.setCookie.startsWith("slide="));
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() > 86400);
    // The new cookie is fresh: saved again unchanged, nothing is written.
    auto next = load(*store, "slide", { cookieFrom(renewed.setCookie) });
    m_server.command({ "EXPIRE", key, "500" });
    QVERIFY(save(*store, next.session).setCookie.isEmpty());
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() <= 500);
}

void tst_RedisStore::concurrentSavesOfOneSession()
{
    auto store = makeStore(m_server);
    auto loaded = load(*store, "race");
    loaded.session.setValue(QStringLiteral("n"), 0);
    const QByteArrayList cookies = { cookieFrom(save(*store, loaded.session).setCookie) };

    // Two requests load the same session and save different changes at the same time.
    auto a = load(*store, "race", cookies);
    auto b = load(*store, "race", cookies);
    a.session.setValue(QStringLiteral("n"), 1);
    b.session.setValue(QStringLiteral("n"), 2);
    auto fa = store->save(a.session);
    auto fb = store->save(b.session);
    QVERIFY(waitFor(fa)->ok());
    QVERIFY(waitFor(fb)->ok());
    // Last writer wins, whole: the value is one of the two, never a mix or a loss of the key.
    auto after = load(*store, "race", cookies);
    QCOMPARE(after.session.value(QStringLiteral("n")).toInt(), 2);
    QCOMPARE(after.session.id(), a.session.id());
}

void tst_RedisStore::destroy()
{
    auto store = makeStore(m_server);
    auto loaded = load(*store, "bye");
    loaded.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store, loaded.session).ok());
    const QByteArray key = store->keyFor(loaded.session.id());
    const auto destroyed = waitFor(store->destroy(loaded.session));
    QVERIFY(destroyed->ok());
    QVERIFY(destroyed->setCookie.contains("Max-Age=0"));
    QCOMPARE(m_server.command({ "EXISTS", key }).toLongLong(), 0);
    QVERIFY(loaded.session.values().isEmpty());
}

QTEST_GUILESS_MAIN(tst_RedisStore)
#include "tst_redisstore.moc"
