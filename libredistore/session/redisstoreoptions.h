#ifndef REDISTORE_REDISSTOREOPTIONS_H
#define REDISTORE_REDISSTOREOPTIONS_H

#include <libredistore/redis/redisconfig.h>
#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionerror.h>
#include <libredistore/session/sessionoptions.h>

#include <QtCore/QString>

#include <functional>
#include <memory>
#include <optional>

namespace RediStore {

class RedisPool;
class SessionSerializer;

// How saves meet other writers of the same session (withConcurrency).
enum class SessionConcurrency {
    // The default: a save writes only if the session in Redis is still the one this request
    // loaded (checked and written by one server-side script on that key); on a conflict the
    // keys this request set or removed win and the others' changes stay. A save never
    // re-creates a session that is gone (logged out, revoked, expired).
    CompareAndSet,
    // Go's redistore: a plain SETEX, the last write wins (and may re-create a gone session).
    LastWriteWins,
};

// Every setting of a RedisStore, as a plain struct for code that builds its configuration
// from settings files. The defaults are Go redistore's; the fields after "beyond Go" are ours.
// RedisStore::create() checks each field as the option that sets it checks its value, and names
// that option in its error ("withPoolSize: 0 is not a pool size (1 or more)").
struct REDISTORE_EXPORT RedisStoreSettings
{
    // Connection: exactly one of pool, address, url, clusterNodes or sentinels.
    RedisPool *pool = nullptr; // withPool: an existing pool (not owned)
    QString network; // withAddress: "tcp" or "unix"
    QString address; // withAddress: "host:port" or a socket path
    QString url; // withUrl: redis://..., unix://..., redis+cluster://..., redis+sentinel://...
    QList<RedisNodeAddress> clusterNodes; // withCluster: seed nodes of a Redis Cluster
    QList<RedisNodeAddress> sentinels; // withSentinel: the sentinels...
    QString sentinelMaster; // ...and the name of the master they watch
    QString username; // withAuth
    QString password; // withAuth, withPassword
    std::optional<int> database; // withDb, withDbNum
    int poolSize = 10; // withPoolSize
    int idleTimeoutSeconds = 240; // withIdleTimeout

    qsizetype maxLength = 4096; // withMaxLength (0: no limit)
    QString keyPrefix = QStringLiteral("session_"); // withKeyPrefix
    qint64 defaultMaxAge = 1200; // withDefaultMaxAge: TTL for MaxAge 0
    std::shared_ptr<const SessionSerializer> serializer; // withSerializer (null: DataStream)
    SessionOptions sessionOptions; // withSessionOptions, withPath, withMaxAge

    // Beyond Go.
    bool lazySave = true; // withLazySave: an unchanged session is not rewritten...
    qint64 refreshThreshold = 60; // ...unless its cookie is older than this (seconds)
    int commandTimeoutMs = 5000; // withCommandTimeout
    int offlineWaitMs = 1000; // withOfflineWait: how long a request waits for a connection
    std::optional<RedisTlsOptions> tls; // withTls (a rediss:// URL says the same)
    SessionConcurrency concurrency = SessionConcurrency::CompareAndSet; // withConcurrency
    int maxAttempts = 8; // withConcurrency: writes tried before a save gives up (Conflict)
    QString userIndexKey; // withUserIndex: the session value holding the user ID ("": none)
    qint64 anonymousMaxAge = 0; // withAnonymousMaxAge: TTL of sessions without a user (0: off)
    bool strictKeys = false; // withStrictKeys: hash keys under 32 bytes are refused
    int replicaAcks = 0; // withReplicaAcks: replicas that must confirm each write (0: none)...
    int replicaAckTimeoutMs = 0; // ...within this long
};

// One option of RedisStore::create(), as Go v2's functional options. Each carries its name,
// so that a bad value is reported as, e.g., "withPoolSize: 0 is not a pool size (1 or more)".
class REDISTORE_EXPORT RedisStoreOption
{
public:
    using Apply = std::function<SessionError(RedisStoreSettings &)>;
    RedisStoreOption(QString name, Apply apply)
        : m_name(std::move(name))
        , m_apply(std::move(apply))
    { }
    QString name() const { return m_name; }
    SessionError apply(RedisStoreSettings &settings) const { return m_apply(settings); }

private:
    QString m_name;
    Apply m_apply;
};

REDISTORE_EXPORT RedisStoreOption withPool(RedisPool *pool);
// network "tcp" with "host:port" (":6379" means 127.0.0.1:6379), or "unix" with a path.
REDISTORE_EXPORT RedisStoreOption withAddress(const QString &network, const QString &address);
REDISTORE_EXPORT RedisStoreOption withUrl(const QString &url);
// A Redis Cluster, from some of its nodes ("host:port" each; the others are found from them).
// Sessions spread over the masters by their keys' slots; the same as a redis+cluster:// URL.
REDISTORE_EXPORT RedisStoreOption withCluster(const QStringList &seedNodes);
// The master that these sentinels ("host:port" each, tried in order) know as masterName,
// found again after each failover; the same as a redis+sentinel:// URL (which also takes the
// sentinels' own password).
REDISTORE_EXPORT RedisStoreOption withSentinel(const QStringList &sentinels,
                                               const QString &masterName);
REDISTORE_EXPORT RedisStoreOption withAuth(const QString &username, const QString &password);
REDISTORE_EXPORT RedisStoreOption withPassword(const QString &password);
REDISTORE_EXPORT RedisStoreOption withDb(const QString &database);
REDISTORE_EXPORT RedisStoreOption withDbNum(int database);
REDISTORE_EXPORT RedisStoreOption withPoolSize(int size);
REDISTORE_EXPORT RedisStoreOption withIdleTimeout(int seconds);
REDISTORE_EXPORT RedisStoreOption withMaxLength(qsizetype length);
REDISTORE_EXPORT RedisStoreOption withKeyPrefix(const QString &prefix);
REDISTORE_EXPORT RedisStoreOption withDefaultMaxAge(qint64 seconds);
REDISTORE_EXPORT RedisStoreOption
withSerializer(std::shared_ptr<const SessionSerializer> serializer);
REDISTORE_EXPORT RedisStoreOption withSessionOptions(const SessionOptions &options);
REDISTORE_EXPORT RedisStoreOption withPath(const QString &path);
REDISTORE_EXPORT RedisStoreOption withMaxAge(qint64 seconds);
REDISTORE_EXPORT RedisStoreOption withLazySave(bool enabled);
REDISTORE_EXPORT RedisStoreOption withRefreshThreshold(qint64 seconds);
REDISTORE_EXPORT RedisStoreOption withCommandTimeout(int milliseconds);
// How long a request waits for a connection to Redis while there is none, before it fails with
// a transient error (HTTP 503); default 1000 ms, 0: the command timeout.
REDISTORE_EXPORT RedisStoreOption withOfflineWait(int milliseconds);
// TLS to Redis with these options (default: verified against the system's CAs). Equivalent to
// a rediss:// URL with tls_* parameters.
REDISTORE_EXPORT RedisStoreOption withTls(const RedisTlsOptions &options = {});
// How saves meet other writers of the same session; maxAttempts bounds the retries of a
// compare-and-set save or update() before it reports Conflict (1 to 100, default 8).
REDISTORE_EXPORT RedisStoreOption withConcurrency(SessionConcurrency mode, int maxAttempts = 8);
// Keeps, per user, the IDs of that user's sessions (a sorted set scored by expiry, with its own
// TTL), so that RedisStore::sessionsOfUser() and revokeUser() ("log out everywhere") work.
// valueKey names the session value holding the user ID (e.g. "user"); a session without it is
// not indexed. Sessions stay byte for byte what Go reads; the index keys live outside the
// session prefix ("redistore:user:<prefix>:<user>").
REDISTORE_EXPORT RedisStoreOption withUserIndex(const QString &valueKey);
// Sessions that hold no user yet (no value under withUserIndex's key: a visitor's cart, a login
// form's state) live at most this long in Redis, and their cookie too when it has a Max-Age;
// the first save after a user is set gives the full MaxAge. Needs withUserIndex, and more
// seconds than the refresh threshold (withRefreshThreshold, 60 s) when saves are lazy. Bounds what
// anonymous traffic leaves in Redis. (New sessions that hold no values are never written.)
REDISTORE_EXPORT RedisStoreOption withAnonymousMaxAge(qint64 seconds);
// Refuses, at create(), a hash key shorter than 32 bytes (InvalidKeys) instead of logging a
// warning: a short or guessable hash key lets anyone who finds it forge every session.
REDISTORE_EXPORT RedisStoreOption withStrictKeys(bool strict = true);
// Durability: a save is acknowledged only after `replicas` replicas confirmed it (WAIT, at most
// timeoutMs); otherwise it fails with RedisUnavailable (the RedisError is ReplicaAckTimeout:
// written on the master, not yet on enough replicas). Then a master that dies right after a
// save loses no acknowledged session when its replica takes over. Applies to every write of
// the store, on one server, Sentinel or Cluster; 1 to 16 replicas, 1 to 60000 ms.
REDISTORE_EXPORT RedisStoreOption withReplicaAcks(int replicas, int timeoutMs);

} // namespace RediStore

#endif // REDISTORE_REDISSTOREOPTIONS_H
