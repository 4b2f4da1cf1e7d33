#include <libredistore/codec/securecookie.h>
#include <libredistore/serializer/jsonserializer.h>
#include <libredistore/session/redisstore.h>

#include "storetesthelpers.h"

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

// What a client can send and what can go wrong in Redis: every case gives a new session and
// a typed error the handler can log, never the data of another session.
class tst_RedisStoreSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tamperedCookie();
    void otherNameCookie();
    void cookieOlderThanMaxAge();
    void codecMaxAgeFollowsMaxAge();
    void missingKeyGetsNewId();
    void oldKeyPairStillDecodes();
    void severalCookiesOfOneName();
    void corruptDataInRedis();
    void oversizedDataInRedis();
    void emptyNewSessionIsNotWritten();
    void shortHashKeyWarnsOnce();
    void strictKeysRefuseShortHashKeys();
    void slowRedisTimesOut();
    void deadRedis();

private:
    QByteArray savedCookie(RedisStore &store, const QByteArray &name, QString *id = nullptr);
    RedisServer m_server;
};

void tst_RedisStoreSecurity::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

QByteArray tst_RedisStoreSecurity::savedCookie(RedisStore &store, const QByteArray &name,
                                               QString *id)
{
    auto loaded = load(store, name);
    loaded.session.setValue(QStringLiteral("user"), QStringLiteral("alice"));
    const auto saved = save(store, loaded.session);
    if (id)
        *id = loaded.session.id();
    return cookieFrom(saved.setCookie);
}

void tst_RedisStoreSecurity::tamperedCookie()
{
    auto store = makeStore(m_server);
    const QByteArray cookie = savedCookie(*store, "s");
    const qsizetype eq = cookie.indexOf('=');
    for (qsizetype i = eq + 1; i < cookie.size(); i += 7) {
        QByteArray tampered = cookie;
        tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
        auto result = load(*store, "s", { tampered });
        QVERIFY(result.session.isNew());
        QVERIFY(result.session.values().isEmpty());
        QCOMPARE(result.error.code(), SessionError::Code::CookieInvalid);
    }
}

void tst_RedisStoreSecurity::otherNameCookie()
{
    auto store = makeStore(m_server);
    const QByteArray cookie = savedCookie(*store, "first");
    // The same value presented under another name: the MAC covers the name.
    QByteArray renamed = cookie;
    renamed.replace(0, 5, "other");
    auto result = load(*store, "other", { renamed });
    QVERIFY(result.session.isNew());
    QCOMPARE(result.error.code(), SessionError::Code::CookieInvalid);
    QCOMPARE(result.error.codecError().code(), CodecError::Code::MacInvalid);
}

void tst_RedisStoreSecurity::cookieOlderThanMaxAge()
{
    auto store = makeStore(m_server);
    QString id;
    savedCookie(*store, "aged", &id);
    // The same ID, signed 31 days ago with the store's key.
    SecureCookie codec(KeyRing::keys({ hashKey }));
    const qint64 old = QDateTime::currentSecsSinceEpoch() - 31 * 86400;
    const auto cookie = codec.encodeForTesting("aged", id, old, QByteArray());
    QVERIFY(cookie.ok());
    auto result = load(*store, "aged", { "aged=" + cookie.value() });
    QVERIFY(result.session.isNew());
    QCOMPARE(result.error.codecError().code(), CodecError::Code::Expired);
}

void tst_RedisStoreSecurity::codecMaxAgeFollowsMaxAge()
{
    // Go's WithMaxAge leaves the cookie codec at 30 days; ours follows it.
    auto store = makeStore(m_server, { withMaxAge(60) });
    QString id;
    savedCookie(*store, "short", &id);
    SecureCookie codec(KeyRing::keys({ hashKey }));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto fresh = codec.encodeForTesting("short", id, now - 30, QByteArray());
    QVERIFY(!load(*store, "short", { "short=" + fresh.value() }).session.isNew());
    const auto stale = codec.encodeForTesting("short", id, now - 120, QByteArray());
    auto result = load(*store, "short", { "short=" + stale.value() });
    QVERIFY(result.session.isNew());
    QCOMPARE(result.error.codecError().code(), CodecError::Code::Expired);

    // And later changes move it too.
    store->setMaxAge(3600);
    QVERIFY(!load(*store, "short", { "short=" + stale.value() }).session.isNew());

    // The same through withSessionOptions and setSessionOptions.
    SessionOptions options;
    options.setMaxAge(60);
    auto byOptions = makeStore(m_server, { withSessionOptions(options) });
    result = load(*byOptions, "short", { "short=" + stale.value() });
    QVERIFY(result.session.isNew());
    QCOMPARE(result.error.codecError().code(), CodecError::Code::Expired);
    QVERIFY(!load(*byOptions, "short", { "short=" + fresh.value() }).session.isNew());
    options.setMaxAge(3600);
    byOptions->setSessionOptions(options);
    QVERIFY(!load(*byOptions, "short", { "short=" + stale.value() }).session.isNew());
    // MaxAge 0 (a browser-session cookie): the codec takes the key's TTL, DefaultMaxAge.
    options.setMaxAge(0);
    byOptions->setSessionOptions(options);
    const auto beyondTtl = codec.encodeForTesting("short", id, now - 1300, QByteArray());
    QCOMPARE(load(*byOptions, "short", { "short=" + beyondTtl.value() }).error.codecError().code(),
             CodecError::Code::Expired);
}

void tst_RedisStoreSecurity::missingKeyGetsNewId()
{
    auto store = makeStore(m_server);
    QString id;
    const QByteArray cookie = savedCookie(*store, "fix", &id);
    m_server.command({ "DEL", store->keyFor(id) });
    // A valid signature for data that is gone: Go keeps the client's ID (session fixation);
    // we hand out a new one.
    auto result = load(*store, "fix", { cookie });
    QVERIFY(!result.error.isError());
    QVERIFY(result.session.isNew());
    result.session.setValue(QStringLiteral("k"), 1);
    QVERIFY(save(*store, result.session).ok());
    QVERIFY(result.session.id() != id);
    QCOMPARE(m_server.command({ "EXISTS", store->keyFor(id) }).toLongLong(), 0);
}

void tst_RedisStoreSecurity::oldKeyPairStillDecodes()
{
    const QByteArray oldHash(32, 'o');
    const QByteArray oldBlock(16, 'p');
    auto before = makeStore(m_server, {}, KeyRing::keys({ oldHash, oldBlock }));
    QString id;
    const QByteArray cookie = savedCookie(*before, "rot", &id);

    // Rotated: a new pair first, the old one after it.
    auto after
        = makeStore(m_server, {},
                    KeyRing::keys({ QByteArray(32, 'n'), QByteArray(32, 'm'), oldHash, oldBlock }));
    auto result = load(*after, "rot", { cookie });
    QVERIFY2(!result.error.isError(), qPrintable(result.error.message()));
    QCOMPARE(result.session.id(), id);
    QCOMPARE(result.session.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
    // The next cookie is signed with the new pair: the old ring alone no longer reads it.
    result.session.setValue(QStringLiteral("seen"), true);
    const QByteArray renewed = cookieFrom(save(*after, result.session).setCookie);
    QCOMPARE(load(*before, "rot", { renewed }).error.code(), SessionError::Code::CookieInvalid);
}

void tst_RedisStoreSecurity::severalCookiesOfOneName()
{
    // Browsers send one cookie per matching path: a bad one does not hide the good one.
    auto store = makeStore(m_server);
    QString id;
    const QByteArray good = savedCookie(*store, "multi", &id);
    auto result = load(*store, "multi", { "other=1; multi=forged; x=y", good });
    QVERIFY(!result.error.isError());
    QCOMPARE(result.session.id(), id);
}

void tst_RedisStoreSecurity::corruptDataInRedis()
{
    auto store = makeStore(m_server);
    QString id;
    const QByteArray cookie = savedCookie(*store, "corrupt", &id);
    const QByteArray garbage("\x00\x01garbage\xff", 11);
    m_server.command({ "SET", store->keyFor(id), garbage });
    auto result = load(*store, "corrupt", { cookie });
    QCOMPARE(result.error.code(), SessionError::Code::CorruptData);
    QVERIFY(result.session.isNew());
    QVERIFY(result.session.values().isEmpty());
    // The bytes stay for an operator to look at.
    QCOMPARE(m_server.command({ "GET", store->keyFor(id) }).toByteArray(), garbage);
}

void tst_RedisStoreSecurity::oversizedDataInRedis()
{
    // Another writer (or an attacker with Redis access) stores 16 MB of "[0,0,...]" under a
    // session's key: the store refuses it by its length, before any decoding.
    auto store = makeStore(
        m_server, { withSerializer(std::make_shared<JsonSerializer>()), withMaxLength(4096) });
    QString id;
    const QByteArray cookie = savedCookie(*store, "big", &id);
    QByteArray flood(16 * 1024 * 1024, ',');
    for (qsizetype i = 1; i < flood.size(); i += 2)
        flood[i] = '0';
    flood.front() = '[';
    flood.back() = ']';
    m_server.command({ "SET", store->keyFor(id), flood });
    auto result = load(*store, "big", { cookie });
    QCOMPARE(result.error.code(), SessionError::Code::StoredValueTooLarge);
    QVERIFY2(result.error.message().contains(QLatin1String("not decoded")),
             qPrintable(result.error.message()));
    QVERIFY(result.session.isNew());
    QVERIFY(result.session.values().isEmpty());
    QCOMPARE(m_server.command({ "STRLEN", store->keyFor(id) }).toLongLong(), flood.size());

    // A store with a larger max length reads what fits in it.
    auto larger = makeStore(
        m_server, { withSerializer(std::make_shared<JsonSerializer>()), withMaxLength(0) });
    m_server.command({ "SET", larger->keyFor(id), R"({"user":"alice"})" });
    result = load(*larger, "big", { cookie });
    QVERIFY2(!result.error.isError(), qPrintable(result.error.message()));
    QCOMPARE(result.session.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
}

void tst_RedisStoreSecurity::emptyNewSessionIsNotWritten()
{
    // Anonymous requests that put nothing in their session leave nothing in Redis and get no
    // cookie, whatever the concurrency mode.
    for (const auto mode :
         { SessionConcurrency::CompareAndSet, SessionConcurrency::LastWriteWins }) {
        m_server.command({ "FLUSHALL" });
        auto store = makeStore(m_server, { withConcurrency(mode) });
        for (int i = 0; i < 20; ++i) {
            auto loaded = load(*store, "empty", { "empty=garbage" });
            const auto saved = save(*store, loaded.session);
            QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
            QVERIFY(saved.setCookie.isEmpty());
            QVERIFY(loaded.session.isNew());
            QVERIFY(loaded.session.id().isEmpty());
        }
        Session updated = store->newSession("empty");
        const auto viaUpdate = waitFor(store->update(updated, [](Session &) {}));
        QVERIFY(viaUpdate && viaUpdate->ok());
        QVERIFY(viaUpdate->setCookie.isEmpty());
        QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);

        // The first value makes it a session worth keeping.
        Session kept = store->newSession("empty");
        kept.setValue(QStringLiteral("cart"), 1);
        const auto saved = save(*store, kept);
        QVERIFY(saved.ok());
        QVERIFY(!saved.setCookie.isEmpty());
        QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 1);
        // Emptied later, it is still the client's session: kept, as Go keeps it.
        kept.clear();
        QVERIFY(save(*store, kept).ok());
        QCOMPARE(m_server.command({ "EXISTS", store->keyFor(kept.id()) }).toLongLong(), 1);
    }
}

namespace {

QStringList *capturedWarnings = nullptr;

void captureWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg && capturedWarnings)
        capturedWarnings->append(message);
}

} // namespace

void tst_RedisStoreSecurity::shortHashKeyWarnsOnce()
{
    QStringList warnings;
    capturedWarnings = &warnings;
    const QtMessageHandler previous = qInstallMessageHandler(captureWarnings);
    {
        auto store = makeStore(m_server, {},
                               KeyRing::keys({ QByteArray("secret-key-123"), QByteArray(),
                                               QByteArray(64, 'k'), QByteArray() }));
        QVERIFY(store);
        auto loaded = load(*store, "weak");
        loaded.session.setValue(QStringLiteral("user"), 1);
        QVERIFY(save(*store, loaded.session).ok());
        QVERIFY(save(*store, loaded.session).ok());
        // A strong ring says nothing.
        auto strong = makeStore(m_server, {}, KeyRing::keys({ QByteArray(32, 's') }));
        QVERIFY(strong);
    }
    qInstallMessageHandler(previous);
    capturedWarnings = nullptr;
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QLatin1String("key pair 1: the hash key is 14 bytes"))
                 && warnings.first().contains(QLatin1String("forge any session"))
                 && !warnings.first().contains(QLatin1String("key pair 2"))
                 && !warnings.first().contains(QLatin1String("secret-key-123")),
             qPrintable(warnings.first()));
}

void tst_RedisStoreSecurity::strictKeysRefuseShortHashKeys()
{
    const auto address
        = withAddress(QStringLiteral("tcp"), QStringLiteral("127.0.0.1:%1").arg(m_server.port()));
    auto refused = RedisStore::create(
        KeyRing::keys({ QByteArray(32, 'a'), QByteArray(), QByteArray(31, 'b'), QByteArray() }),
        { address, withStrictKeys() });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), SessionError::Code::InvalidKeys);
    QVERIFY2(refused.error().message().contains(QLatin1String("key pair 2: the hash key is 31")),
             qPrintable(refused.error().message()));
    auto accepted
        = RedisStore::create(KeyRing::keys({ QByteArray(32, 'a') }), { address, withStrictKeys() });
    QVERIFY(accepted.ok());
}

void tst_RedisStoreSecurity::slowRedisTimesOut()
{
    RedisServer slow;
    QVERIFY2(slow.start(), qPrintable(slow.errorString()));
    auto store = makeStore(slow, { withCommandTimeout(300) });
    QString id;
    const QByteArray cookie = savedCookie(*store, "slow", &id);
    slow.command({ "CLIENT", "PAUSE", "1500", "ALL" });
    QElapsedTimer clock;
    clock.start();
    auto result = load(*store, "slow", { cookie });
    QCOMPARE(result.error.code(), SessionError::Code::RedisUnavailable);
    QCOMPARE(result.error.redisError().code(), RedisError::Code::CommandTimeout);
    QVERIFY(clock.elapsed() < 1400);
    QVERIFY(!result.session.isNull()); // the handler still has a session to work with
}

void tst_RedisStoreSecurity::deadRedis()
{
    auto store = RedisStore::create(
        KeyRing::keys({ hashKey }),
        { withAddress(QStringLiteral("tcp"),
                      QStringLiteral("127.0.0.1:%1").arg(RedisServer::freePort())),
          withCommandTimeout(300) });
    QVERIFY(store.ok());
    auto loaded = load(*store.value(), "dead");
    loaded.session.setValue(QStringLiteral("k"), 1);
    const auto saved = save(*store.value(), loaded.session);
    QCOMPARE(saved.error.code(), SessionError::Code::RedisUnavailable);
    QVERIFY(saved.setCookie.isEmpty());
}

QTEST_GUILESS_MAIN(tst_RedisStoreSecurity)
#include "tst_redisstoresecurity.moc"
