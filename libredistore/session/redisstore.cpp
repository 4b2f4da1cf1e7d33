#include "redisstore.h"
#include "redisstore_p.h"
#include "savejob_p.h"
#include "session_p.h"
#include "userindex_p.h"

#include <libredistore/codec/cookieheader.h>
#include <libredistore/codec/utf8_p.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QPromise>

#include <openssl/rand.h>

#include <algorithm>
#include <cstring>

namespace RediStore {

Q_LOGGING_CATEGORY(lcSession, "redistore.session")

namespace {

SessionError storeGone()
{
    return SessionError(SessionError::Code::InvalidSession,
                        QStringLiteral("the session store was deleted before Redis answered"));
}

// Delivers a result later on the context's event loop: callers never see their callback run
// inside the call that started the work.
template<typename Callback, typename Result>
void postResult(const QObject *context, Callback callback, const Result &result)
{
    QMetaObject::invokeMethod(
        const_cast<QObject *>(context),
        [callback = std::move(callback), result]() { callback(result); }, Qt::QueuedConnection);
}

} // namespace

// A settings struct gets the checks of the options that set its fields, so that a bad field
// is named by its option, as in "withPoolSize: 0 is not a pool size (1 or more)".
SessionError RedisStorePrivate::checkSettings(const RedisStoreSettings &settings)
{
    QList<RedisStoreOption> checks
        = { withPoolSize(settings.poolSize),
            withIdleTimeout(settings.idleTimeoutSeconds),
            withMaxLength(settings.maxLength),
            withDefaultMaxAge(settings.defaultMaxAge),
            withRefreshThreshold(settings.refreshThreshold),
            withCommandTimeout(settings.commandTimeoutMs),
            withConcurrency(settings.concurrency, settings.maxAttempts),
            withAnonymousMaxAge(settings.anonymousMaxAge),
            withReplicaAcks(settings.replicaAcks, settings.replicaAckTimeoutMs) };
    if (settings.anonymousMaxAge > 0 && settings.lazySave
        && settings.anonymousMaxAge <= settings.refreshThreshold) {
        // A guest who keeps clicking would not refresh the TTL before it runs out.
        return SessionError(SessionError::Code::ConflictingOptions,
                            QStringLiteral("withAnonymousMaxAge: %1 s is not longer than the "
                                           "refresh threshold (%2 s, withRefreshThreshold), so "
                                           "an active guest's session would expire")
                                .arg(settings.anonymousMaxAge)
                                .arg(settings.refreshThreshold));
    }
    if (settings.anonymousMaxAge > 0 && settings.userIndexKey.isEmpty()) {
        return SessionError(SessionError::Code::ConflictingOptions,
                            QStringLiteral("withAnonymousMaxAge needs withUserIndex, which names "
                                           "the value that makes a session a user's"));
    }
    if (!settings.network.isEmpty() || !settings.address.isEmpty())
        checks.append(withAddress(settings.network, settings.address));
    if (settings.database)
        checks.append(withDbNum(*settings.database));
    if (!settings.username.isEmpty())
        checks.append(withAuth(settings.username, settings.password));
    RedisStoreSettings scratch;
    for (const RedisStoreOption &check : std::as_const(checks)) {
        if (SessionError error = check.apply(scratch); error.isError())
            return error;
    }
    return {};
}

Result<RedisConfig, SessionError>
RedisStorePrivate::connectionConfig(const RedisStoreSettings &settings)
{
    const int chosen = (settings.pool ? 1 : 0) + (settings.network.isEmpty() ? 0 : 1)
        + (settings.url.isEmpty() ? 0 : 1) + (settings.clusterNodes.isEmpty() ? 0 : 1)
        + (settings.sentinels.isEmpty() ? 0 : 1);
    if (chosen == 0) {
        return SessionError(SessionError::Code::NoConnection,
                            QStringLiteral("no connection option: give one of withPool, "
                                           "withAddress, withUrl, withCluster or withSentinel"));
    }
    if (chosen > 1) {
        return SessionError(SessionError::Code::ConflictingOptions,
                            QStringLiteral("withPool, withAddress, withUrl, withCluster and "
                                           "withSentinel exclude each other: give exactly one"));
    }
    if (settings.pool) {
        if (!settings.password.isEmpty() || settings.database || settings.tls) {
            return SessionError(SessionError::Code::ConflictingOptions,
                                QStringLiteral("withAuth/withPassword/withDb/withTls do not "
                                               "apply to withPool: set them in the pool's "
                                               "RedisConfig"));
        }
        return settings.pool->config();
    }

    RedisConfig config;
    if (!settings.username.isEmpty())
        config.setUsername(settings.username);
    if (!settings.password.isEmpty())
        config.setPassword(settings.password);
    if (settings.database)
        config.setDatabase(*settings.database);
    config.setCommandTimeoutMs(settings.commandTimeoutMs);
    config.setOfflineWaitMs(settings.offlineWaitMs);
    if (settings.tls)
        config.setTlsOptions(*settings.tls);

    if (!settings.url.isEmpty()) {
        auto merged = config.applyUrl(settings.url);
        if (!merged.ok()) {
            const auto code = merged.error().code() == RedisError::Code::ConflictingSettings
                ? SessionError::Code::ConflictingOptions
                : SessionError::Code::InvalidOption;
            return SessionError(code, QStringLiteral("withUrl: ") + merged.error().message());
        }
        return merged.value();
    }
    if (!settings.clusterNodes.isEmpty()) {
        config.setCluster(settings.clusterNodes);
    } else if (!settings.sentinels.isEmpty()) {
        config.setSentinel(settings.sentinels, settings.sentinelMaster);
    } else if (settings.network == QLatin1String("unix")) {
        config.setUnixSocket(settings.address);
    } else {
        // "host:port", ":port" (localhost) or "[v6]:port".
        const QString address = settings.address;
        const int colon = int(address.lastIndexOf(QLatin1Char(':')));
        QString host = colon >= 0 ? address.left(colon) : address;
        bool ok = true;
        const int port = colon >= 0 ? address.mid(colon + 1).toInt(&ok) : 6379;
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (host.isEmpty())
            host = QStringLiteral("127.0.0.1");
        if (!ok || port < 1 || port > 65535) {
            return SessionError(SessionError::Code::InvalidOption,
                                QStringLiteral("withAddress: '%1' is not host:port").arg(address));
        }
        config.setHost(host);
        config.setPort(port);
    }
    if (auto valid = config.validate(); !valid)
        return SessionError(SessionError::Code::InvalidOption, valid.error().message());
    return config;
}

void RedisStorePrivate::updateCodecMaxAge()
{
    const qint64 maxAge = settings.sessionOptions.maxAge();
    codec.setMaxAge(maxAge > 0 ? maxAge : settings.defaultMaxAge);
}

qint64 RedisStorePrivate::ttlFor(const SessionOptions &options) const
{
    return options.maxAge() > 0 ? options.maxAge() : settings.defaultMaxAge;
}

qint64 RedisStorePrivate::ttlOf(const SessionData &data) const
{
    const qint64 ttl = ttlFor(data.options);
    if (settings.anonymousMaxAge > 0 && userOf(data).isEmpty())
        return qMin(ttl, settings.anonymousMaxAge);
    return ttl;
}

SessionOptions RedisStorePrivate::cookieOptionsOf(const SessionData &data) const
{
    SessionOptions options = data.options;
    if (options.maxAge() > 0)
        options.setMaxAge(ttlOf(data)); // the cookie lives as long as its data
    return options;
}

SessionError RedisStorePrivate::checkKeyStrength(const KeyRing &keys, bool strict)
{
    constexpr qsizetype minimum = 32;
    QStringList weak;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const qsizetype size = keys.at(i).hashKey.size();
        if (size < minimum)
            weak.append(
                QStringLiteral("key pair %1: the hash key is %2 bytes").arg(i + 1).arg(size));
    }
    if (weak.isEmpty())
        return {};
    const QString risk
        = QStringLiteral("%1; a hash key shorter than %2 bytes can be guessed or brute-forced, and "
                         "whoever has the hash key can forge any session (use 32 or 64 random "
                         "bytes, e.g. openssl rand -hex 32 given as \"hex:...\")")
              .arg(weak.join(QLatin1String("; ")))
              .arg(minimum);
    if (strict) {
        return SessionError(SessionError::Code::InvalidKeys,
                            QStringLiteral("withStrictKeys: ") + risk);
    }
    qCWarning(lcSession, "weak session keys: %s (withStrictKeys refuses them)", qPrintable(risk));
    return {};
}

QByteArray RedisStorePrivate::ttlText(qint64 seconds)
{
    if (seconds != lastTtl) {
        lastTtl = seconds;
        lastTtlText = QByteArray::number(seconds);
    }
    return lastTtlText;
}

QByteArray RedisStorePrivate::keyOf(const SessionData &data, const QString &id) const
{
    if (!data.key.isEmpty() && data.id == id && data.keyPrefix == keyPrefix)
        return data.key;
    return q->keyFor(id);
}

Result<std::unique_ptr<RedisStore>, SessionError>
RedisStore::create(const KeyRing &keys, const QList<RedisStoreOption> &options)
{
    RedisStoreSettings settings;
    for (const RedisStoreOption &option : options) {
        if (const SessionError error = option.apply(settings); error.isError())
            return error;
    }
    return create(keys, settings);
}

Result<std::unique_ptr<RedisStore>, SessionError>
RedisStore::create(const KeyRing &keys, const RedisStoreSettings &settings)
{
    if (auto valid = keys.validate(); !valid) {
        return SessionError::fromCodec(SessionError::Code::InvalidKeys, valid.error(),
                                       QStringLiteral("keys"));
    }
    if (SessionError error = RedisStorePrivate::checkSettings(settings); error.isError())
        return error;
    if (SessionError error = RedisStorePrivate::checkKeyStrength(keys, settings.strictKeys);
        error.isError()) {
        return error;
    }
    auto config = RedisStorePrivate::connectionConfig(settings);
    if (!config.ok())
        return config.error();
    std::unique_ptr<RedisStore> store(new RedisStore(keys, settings));
    if (!settings.pool) {
        auto *pool = new RedisPool(config.value(), store.get());
        pool->setMaxConnections(settings.poolSize);
        pool->setIdleTimeoutMs(settings.idleTimeoutSeconds * 1000);
        store->d->pool = pool;
    }
    if (settings.replicaAcks > 0)
        store->d->pool->setReplicaAcks(settings.replicaAcks, settings.replicaAckTimeoutMs);
    // Reachability, as Go's constructor checks it, but without blocking: logged and signalled.
    QPointer<RedisStore> self(store.get());
    store->d->pool->execute({ "PING" }, store.get(), [self](const RedisReply &reply) {
        SessionError error;
        if (reply.isError()) {
            error
                = SessionError::fromRedis(reply.error(), QStringLiteral("Redis is not reachable"));
            qCWarning(lcSession, "%s", qPrintable(error.message()));
        }
        if (self)
            Q_EMIT self->reachabilityChecked(error);
    });
    return store;
}

RedisStore::RedisStore(const KeyRing &keys, const RedisStoreSettings &settings)
    : d(std::make_unique<RedisStorePrivate>())
{
    d->q = this;
    d->keys = keys;
    d->settings = settings;
    d->keyPrefix = settings.keyPrefix.toUtf8();
    d->codec = SecureCookie(keys);
    d->pool = settings.pool;
    d->serializer = settings.serializer ? settings.serializer
                                        : SessionSerializer::byName(QStringLiteral("datastream"));
    d->updateCodecMaxAge();
    qRegisterMetaType<SessionError>();
}

RedisStore::~RedisStore()
{
    // Every call in flight ends now, with an error; the pool's answers to this store are
    // dropped with it.
    d->destroying = true;
    const auto pending = std::exchange(d->pending, {});
    for (const auto &write : pending)
        d->finish(write, SessionSaveResult { storeGone(), {} }, true);
    const auto aborts = std::exchange(d->aborts, {});
    for (const auto &abort : aborts)
        abort();
    d->queues.clear();
}

RedisStoreSettings RedisStore::settings() const
{
    return d->settings;
}
RedisPool *RedisStore::pool() const
{
    return d->pool;
}

namespace {

// A promise that ends exactly once: with its result, or with fallback when the store goes.
template<typename T> struct StorePromise
{
    QPromise<T> promise;
    bool finished = false;
    void finish(const T &result)
    {
        if (std::exchange(finished, true))
            return;
        promise.addResult(result);
        promise.finish();
    }
};

template<typename T>
std::shared_ptr<StorePromise<T>> storePromise(RedisStorePrivate *d, T fallback, quint64 *ticket)
{
    auto promise = std::make_shared<StorePromise<T>>();
    promise->promise.start();
    *ticket = ++d->nextAbort;
    d->aborts.insert(*ticket, [promise, fallback]() { promise->finish(fallback); });
    return promise;
}

} // namespace

QFuture<SessionPing> RedisStore::ping()
{
    quint64 ticket = 0;
    auto promise = storePromise<SessionPing>(d.get(), SessionPing { -1, storeGone() }, &ticket);
    QElapsedTimer clock;
    clock.start();
    d->pool->execute({ "PING" }, this, [this, promise, ticket, clock](const RedisReply &reply) {
        d->aborts.remove(ticket);
        if (reply.isError())
            promise->finish({ -1, SessionError::fromRedis(reply.error(), QStringLiteral("PING")) });
        else
            promise->finish({ clock.elapsed(), {} });
    });
    return promise->promise.future();
}

QFuture<UserSessions> RedisStore::sessionsOfUser(const QString &user)
{
    quint64 ticket = 0;
    auto promise
        = storePromise<UserSessions>(d.get(), UserSessions { user, {}, storeGone() }, &ticket);
    if (SessionError refused = d->checkIndex(user); refused.isError()) {
        d->aborts.remove(ticket);
        QMetaObject::invokeMethod(
            this,
            [promise, user, refused]() {
                promise->finish({ user, {}, refused });
            },
            Qt::QueuedConnection);
        return promise->promise.future();
    }
    UserIndex::sessionsOf(d->pool, d->keyPrefix, user, this,
                          [this, promise, ticket](const UserSessions &found) {
                              d->aborts.remove(ticket);
                              promise->finish(found);
                          });
    return promise->promise.future();
}

QFuture<UserRevocation> RedisStore::revokeUser(const QString &user)
{
    quint64 ticket = 0;
    auto promise
        = storePromise<UserRevocation>(d.get(), UserRevocation { user, 0, storeGone() }, &ticket);
    if (SessionError refused = d->checkIndex(user); refused.isError()) {
        d->aborts.remove(ticket);
        QMetaObject::invokeMethod(
            this,
            [promise, user, refused]() {
                promise->finish({ user, 0, refused });
            },
            Qt::QueuedConnection);
        return promise->promise.future();
    }
    UserIndex::revoke(d->pool, d->keyPrefix, user, this,
                      [this, promise, ticket](const UserRevocation &revoked) {
                          d->aborts.remove(ticket);
                          if (revoked.ok())
                              qCInfo(lcSession, "ended %lld sessions of a user", revoked.ended);
                          promise->finish(revoked);
                      });
    return promise->promise.future();
}

void RedisStore::setMaxAge(qint64 seconds)
{
    d->settings.sessionOptions.setMaxAge(seconds);
    d->updateCodecMaxAge();
}

void RedisStore::setMaxLength(qsizetype length)
{
    if (length >= 0) // Go ignores negative values
        d->settings.maxLength = length;
}

void RedisStore::setKeyPrefix(const QString &prefix)
{
    d->settings.keyPrefix = prefix;
    d->keyPrefix = prefix.toUtf8();
}

void RedisStore::setSerializer(std::shared_ptr<const SessionSerializer> serializer)
{
    if (serializer)
        d->serializer = std::move(serializer);
}

void RedisStore::setSessionOptions(const SessionOptions &options)
{
    d->settings.sessionOptions = options;
    d->updateCodecMaxAge();
}

SessionOptions RedisStore::sessionOptions() const
{
    return d->settings.sessionOptions;
}

QString RedisStore::generateId()
{
    unsigned char random[32];
    if (RAND_bytes(random, sizeof random) != 1)
        qFatal("OpenSSL's CSPRNG failed: refusing to make a guessable session ID");
    // Base32 (RFC 4648 alphabet) without padding: 256 bits in 52 characters.
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString id;
    id.reserve(52);
    quint64 buffer = 0;
    int bits = 0;
    for (const unsigned char byte : random) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            id.append(QLatin1Char(alphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
    }
    if (bits > 0)
        id.append(QLatin1Char(alphabet[(buffer << (5 - bits)) & 31]));
    return id;
}

QByteArray RedisStore::keyFor(const QString &id) const
{
    // One allocation of the exact size for an ASCII ID (a session keeps its key).
    const bool ascii
        = std::all_of(id.cbegin(), id.cend(), [](QChar c) { return c.unicode() < 0x80; });
    QByteArray key(d->keyPrefix.size() + (ascii ? 1 : 3) * id.size(), Qt::Uninitialized);
    std::memcpy(key.data(), d->keyPrefix.constData(), size_t(d->keyPrefix.size()));
    char *end = writeUtf8(key.data() + d->keyPrefix.size(), id);
    key.truncate(end - key.constData());
    return key;
}

Session RedisStore::createSession(const QByteArray &name) const
{
    return Session(const_cast<RedisStore *>(this), name, d->settings.sessionOptions);
}

void RedisStore::loadSession(const QByteArray &name, const QByteArrayList &cookieHeaders,
                             const QObject *context, LoadCallback callback)
{
    Session session = createSession(name);
    // Views into the request's headers: the value is not copied for decoding.
    const CookieHeader::ValueViews values = CookieHeader::valueViews(cookieHeaders, name);
    if (values.isEmpty()) {
        postResult(context, std::move(callback), SessionLoadResult { session, {} });
        return;
    }
    // A browser may send several cookies of one name (paths, domains): the first that
    // decodes wins.
    QString id;
    qint64 signedAt = 0;
    SessionError cookieError;
    for (const QByteArrayView value : values) {
        const SecureCookie::Inspection inspection
            = d->codec.inspect(name, QByteArray::fromRawData(value.data(), value.size()));
        if (inspection.ok() && inspection.value.typeId() == QMetaType::QString
            && !inspection.value.toString().isEmpty()) {
            id = inspection.value.toString();
            signedAt = inspection.timestamp;
            break;
        }
        if (!cookieError.isError()) {
            cookieError = inspection.ok()
                ? SessionError(SessionError::Code::CookieInvalid,
                               QStringLiteral("the session cookie holds no session ID"))
                : SessionError::fromCodec(
                    SessionError::Code::CookieInvalid, inspection.error,
                    QStringLiteral("session cookie '%1'").arg(QString::fromLatin1(name)));
        }
    }
    if (id.isEmpty()) {
        // Forged, tampered, expired or foreign: a new session, and the reason to log.
        postResult(context, std::move(callback), SessionLoadResult { session, cookieError });
        return;
    }
    const QPointer<RedisStore> self(this);
    const QByteArray key = keyFor(id);
    d->pool->execute(
        { QByteArrayLiteral("GET"), key }, context,
        [self, session, id, key, prefix = d->keyPrefix, signedAt,
         callback = std::move(callback)](const RedisReply &reply) {
            if (!self) {
                callback(SessionLoadResult { Session(), storeGone() });
                return;
            }
            if (reply.isError()) {
                callback(SessionLoadResult {
                    session,
                    SessionError::fromRedis(reply.error(), QStringLiteral("loading a session")) });
                return;
            }
            if (reply.isNil()) {
                // The data is gone (expired, deleted): a new session with a new ID, never
                // the ID the client sent (no session fixation).
                callback(SessionLoadResult { session, {} });
                return;
            }
            auto values = self->d->decodeStored(id, reply.data());
            if (!values.ok()) {
                // Oversized or corrupt bytes stay in Redis untouched; the client gets a new
                // session.
                callback(SessionLoadResult { session, values.error() });
                return;
            }
            SessionData *data = SessionStoreAccess::data(session);
            data->id = id;
            data->key = key;
            data->keyPrefix = prefix;
            data->isNew = false;
            data->values = std::move(values).value();
            data->cookieTimestamp = signedAt;
            data->storedBytes = reply.data();
            data->indexedUser = self->d->userOf(*data);
            callback(SessionLoadResult { session, {} });
        });
}

void RedisStore::saveSession(const Session &session, const QObject *context, SaveCallback callback)
{
    const SessionData *data = SessionStoreAccess::data(session);
    if (SessionError refused = d->checkOwner(data); refused.isError()) {
        d->post(context, std::move(callback), SessionSaveResult { refused, {} });
        return;
    }
    if (data->options.maxAge() < 0) {
        destroySession(session, context, std::move(callback));
        return;
    }
    if (d->settings.lazySave && !data->isNew && !data->modified && data->cookieTimestamp > 0
        && d->codec.now() - data->cookieTimestamp < d->settings.refreshThreshold) {
        // Nothing changed and the TTL was refreshed recently: no write, no new cookie.
        d->post(context, std::move(callback), SessionSaveResult {});
        return;
    }
    d->startJob(session, {}, d->begin(context, std::move(callback)));
}

void RedisStore::updateSession(const Session &session, UpdateFunction change,
                               const QObject *context, SaveCallback callback)
{
    const SessionData *data = SessionStoreAccess::data(session);
    SessionError refused = d->checkOwner(data);
    if (!refused.isError() && !change) {
        refused = SessionError(SessionError::Code::InvalidSession,
                               QStringLiteral("update() needs a change function"));
    }
    if (refused.isError()) {
        d->post(context, std::move(callback), SessionSaveResult { refused, {} });
        return;
    }
    d->startJob(session, std::move(change), d->begin(context, std::move(callback)));
}

void RedisStore::destroySession(const Session &session, const QObject *context,
                                SaveCallback callback)
{
    const SessionData *data = SessionStoreAccess::data(session);
    if (SessionError refused = d->checkOwner(data); refused.isError()) {
        d->post(context, std::move(callback), SessionSaveResult { refused, {} });
        return;
    }
    // In its turn: a save of the same session in flight ends first, and cannot bring it back.
    auto write = d->begin(context, std::move(callback));
    const QByteArray queueKey = d->queueKeyOf(*data);
    d->enqueue(queueKey, [this, session, write, queueKey]() {
        d->destroyNow(session, [this, write, queueKey](const SessionSaveResult &result) {
            const QPointer<RedisStore> alive(this);
            d->finish(write, result, false);
            if (alive) // the callback may have deleted the store
                d->next(queueKey);
        });
    });
}

// RedisStorePrivate: the bookkeeping of writes in flight.

void RedisStorePrivate::post(const QObject *context, SessionStore::SaveCallback callback,
                             const SessionSaveResult &result)
{
    finish(begin(context, std::move(callback)), result, true);
}

std::shared_ptr<PendingWrite> RedisStorePrivate::begin(const QObject *context,
                                                       SessionStore::SaveCallback callback)
{
    auto write = std::make_shared<PendingWrite>();
    write->context = context;
    write->hasContext = context != nullptr;
    write->callback = std::move(callback);
    pending.insert(write);
    return write;
}

void RedisStorePrivate::finish(const std::shared_ptr<PendingWrite> &write,
                               const SessionSaveResult &result, bool later)
{
    if (write->finished)
        return;
    write->finished = true;
    pending.erase(write);
    if (!write->callback || (write->hasContext && !write->context))
        return;
    if (!later) {
        write->callback(result);
        return;
    }
    QObject *target = const_cast<QObject *>(write->hasContext ? write->context.data() : q);
    if (destroying && !write->hasContext) {
        write->callback(result);
        return;
    }
    QMetaObject::invokeMethod(
        target,
        [write, result]() {
            if (!write->hasContext || write->context)
                write->callback(result);
        },
        Qt::QueuedConnection);
}

void RedisStorePrivate::enqueue(const QByteArray &key, std::function<void()> job)
{
    if (key.isEmpty()) {
        job();
        return;
    }
    const auto it = queues.find(key);
    if (it != queues.end()) {
        it->append(std::move(job));
        return;
    }
    queues.insert(key, {});
    job();
}

void RedisStorePrivate::next(const QByteArray &key)
{
    const auto it = queues.find(key);
    if (it == queues.end())
        return;
    if (it->isEmpty()) {
        queues.erase(it);
        return;
    }
    std::function<void()> job = it->takeFirst();
    job();
}

void RedisStorePrivate::destroyNow(const Session &session,
                                   std::function<void(const SessionSaveResult &)> done)
{
    SessionData *data = SessionStoreAccess::data(session);
    SessionOptions expired = data->options;
    expired.setMaxAge(-1);
    const QByteArray setCookie = CookieHeader::setCookie(data->name, QByteArray(), expired);
    const QString user = data->indexedUser.isEmpty() ? userOf(*data) : data->indexedUser;
    data->options = expired;
    data->values.clear();
    data->touched.clear();
    data->indexedUser.clear();
    data->regenerate = false;
    if (data->id.isEmpty() || data->isNew) {
        data->modified = false;
        QMetaObject::invokeMethod(
            q,
            [done = std::move(done), setCookie]() {
                done({ {}, setCookie });
            },
            Qt::QueuedConnection);
        return;
    }
    const QString id = data->id;
    auto pending = std::make_shared<int>(user.isEmpty() ? 1 : 2);
    auto failure = std::make_shared<SessionError>();
    auto step = [pending, failure, session, setCookie,
                 done = std::move(done)](const SessionError &error) {
        if (error.isError() && !failure->isError())
            *failure = error;
        if (--*pending > 0)
            return;
        if (failure->isError()) {
            done({ *failure, {} });
            return;
        }
        SessionData *data = SessionStoreAccess::data(session);
        data->modified = false;
        data->storedBytes.clear();
        done({ {}, setCookie });
    };
    pool->execute({ "DEL", keyOf(*data, id) }, q, [step](const RedisReply &reply) {
        step(reply.isError()
                 ? SessionError::fromRedis(reply.error(), QStringLiteral("deleting a session"))
                 : SessionError());
    });
    if (!user.isEmpty())
        UserIndex::remove(pool, keyPrefix, user, id, q, step);
}

QByteArray RedisStorePrivate::queueKeyOf(const SessionData &data) const
{
    if (settings.concurrency != SessionConcurrency::CompareAndSet)
        return QByteArray();
    // A stored session by its key (every handle of it); a new one by its handle.
    if (!data.isNew && !data.id.isEmpty())
        return keyOf(data, data.id);
    return QByteArrayLiteral("\0new:") + QByteArray::number(quintptr(&data), 16);
}

SessionError RedisStorePrivate::checkOwner(const SessionData *data) const
{
    if (!data || data->store != q) {
        return SessionError(SessionError::Code::InvalidSession,
                            QStringLiteral("the session is null or belongs to another store"));
    }
    return {};
}

void RedisStorePrivate::warnIndexFailure(const SessionError &error)
{
    constexpr qint64 intervalMs = 60 * 1000;
    if (indexWarned.isValid() && indexWarned.elapsed() < intervalMs) {
        ++indexFailuresUnlogged;
        return;
    }
    const qint64 others = std::exchange(indexFailuresUnlogged, 0);
    if (others > 0) {
        qCWarning(lcSession, "%s (and %lld more index failures in the last %lld s)",
                  qPrintable(error.message()), others, indexWarned.elapsed() / 1000);
    } else {
        qCWarning(lcSession, "%s", qPrintable(error.message()));
    }
    indexWarned.start();
}

Result<QVariantMap, SessionError> RedisStorePrivate::decodeStored(const QString &id,
                                                                  const QByteArray &bytes) const
{
    if (settings.maxLength > 0 && bytes.size() > settings.maxLength) {
        return SessionError(SessionError::Code::StoredValueTooLarge,
                            QStringLiteral("session %1 holds %2 bytes in Redis, more than the "
                                           "store's max length of %3 (withMaxLength); it was "
                                           "not decoded")
                                .arg(id)
                                .arg(bytes.size())
                                .arg(settings.maxLength));
    }
    auto values = serializer->deserialize(bytes);
    if (!values.ok()) {
        return SessionError(SessionError::Code::CorruptData,
                            QStringLiteral("session %1 does not deserialize with %2: %3")
                                .arg(id, serializer->name(), values.error().message()));
    }
    return std::move(values).value();
}

SessionError RedisStorePrivate::checkIndex(const QString &user) const
{
    if (settings.userIndexKey.isEmpty()) {
        return SessionError(SessionError::Code::InvalidOption,
                            QStringLiteral("sessions by user need withUserIndex"));
    }
    return UserIndex::checkUser(user);
}

void RedisStorePrivate::startJob(const Session &session, SessionStore::UpdateFunction change,
                                 const std::shared_ptr<PendingWrite> &write)
{
    const QByteArray key = queueKeyOf(*SessionStoreAccess::data(session));
    auto job = std::make_shared<SaveJob>(this, session, std::move(change), write, key);
    enqueue(key, [job]() { job->run(); });
}

QString RedisStorePrivate::userOf(const SessionData &data) const
{
    if (settings.userIndexKey.isEmpty())
        return QString();
    return UserIndex::userOf(data.values.value(settings.userIndexKey));
}

} // namespace RediStore
