#ifndef REDISTORE_SESSIONADMIN_H
#define REDISTORE_SESSIONADMIN_H

#include <libredistore/redis/redisconfig.h>
#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionerror.h>
#include <libredistore/session/sessionping.h>
#include <libredistore/session/usersessions.h>

#include <QtCore/QDateTime>
#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

#include <memory>

namespace RediStore {

class RedisPool;
class SessionAdminPrivate;
class SessionSerializer;

// One stored session as a listing shows it.
struct SessionInfo
{
    QString id; // the key without the prefix
    QByteArray key; // the Redis key
    qint64 ttlMs = -1; // milliseconds left; -1: no expiry; -2: gone (or not a session)
    qint64 size = 0; // bytes of the stored value
    // The first bytes of the stored value, up to 16, for telling serializers apart (listings
    // only; empty from probe()).
    QByteArray head;
};

// A key under the prefix that holds no session (a hash, a list, ...), left out of a listing.
struct SessionSkippedKey
{
    QByteArray key;
    QByteArray type; // as Redis's TYPE names it: "hash", "list", "set", "zset", "stream"
};

// One page of a SCAN over the sessions.
struct SessionPage
{
    QList<SessionInfo> sessions;
    QList<SessionSkippedKey> skipped;
    QByteArray nextCursor; // pass to scan() for the next page; "0" when the scan is complete
    bool finished = false;
    // The cluster's masters changed (a failover) since the cursor was made: the scan began
    // again from the start, so drop what the earlier pages gave, or skip IDs already seen.
    bool restarted = false;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

// The TTL and size of chosen sessions, in the order they were asked for.
struct SessionProbe
{
    QList<SessionInfo> sessions;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

// One session, loaded and decoded.
struct SessionContent
{
    static constexpr qint64 TtlNotRead = -3; // loadMany() reads values only

    QString id;
    bool exists = false;
    QVariantMap values; // when it decoded
    QByteArray raw; // the stored bytes, always
    QString serializer; // the serializer that decoded it ("datastream", "gob", "json")
    qint64 ttlMs = -1; // -1: no expiry; -2: gone; TtlNotRead
    SessionError error; // SessionGone, CorruptData (raw kept), UnknownSerializer, Redis errors
    bool ok() const { return !error.isError(); }
};

// Several sessions, in the order they were asked for; each carries its own error too.
struct SessionContentList
{
    QList<SessionContent> sessions;
    SessionError error; // Redis failed (or refused) for the whole call
    bool ok() const { return !error.isError(); }
};

// What putMany() did with one session.
struct SessionPutOutcome
{
    QString id;
    bool written = false;
    bool existed = false; // left alone: a session with this ID was there (no overwrite)
    SessionError error;
};

// putMany()'s outcomes, in the order the sessions were given.
struct SessionPutList
{
    QList<SessionPutOutcome> sessions;
    SessionError error; // Redis failed (or refused) for the whole call
    bool ok() const { return !error.isError(); }
};

struct SessionCount
{
    qint64 count = 0;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

struct SessionDeletion
{
    qint64 deleted = 0;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

// The outcome of a write, an expiry or a persist.
struct SessionChange
{
    qint64 affected = 0; // sessions changed
    QStringList missing; // IDs with no session (expired or deleted meanwhile); never re-created
    SessionError error; // for one ID, a missing session is SessionGone
    bool ok() const { return !error.isError(); }
};

// What the server says it is (INFO server).
struct SessionServerInfo
{
    QString software; // "Redis 7.0.15", "Valkey 8.1.1"; empty when the server does not say
    QString name; // "Redis", "Valkey"
    QString version; // "7.0.15"
    SessionError error; // e.g. INFO refused by an ACL
    bool ok() const { return !error.isError(); }
};

// What operators do with stored sessions: list, count, probe, inspect, edit, expire, persist
// and delete them. The one way the command-line tool, the admin app and the QML module reach
// stored sessions: the key layout and the Redis commands for sessions live here and in
// SessionWatcher.
//
// Every call returns a future that always finishes with exactly one result, never cancelled:
// refusals (read-only mode, bad arguments) arrive from the event loop like any other result,
// and calls pending when the admin is deleted finish at once with RedisUnavailable (whose
// redisError() is ClientDestroyed). Nothing blocks. Continue with RediStore::whenFinished()
// (libredistore/async.h). In read-only mode every write fails with ReadOnly and sends nothing
// to Redis.
//
// Keys of the per-user index ("redistore:user:...") are never sessions: listings, counts and
// probes leave them out whatever the prefix.
//
// With no serializer given, each session is decoded by trying DataStream, gob and JSON in
// turn ("auto"), and written back with the serializer that read it.
class REDISTORE_EXPORT SessionAdmin : public QObject
{
    Q_OBJECT

public:
    // Opens a pool of its own (two connections at most).
    explicit SessionAdmin(const RedisConfig &config,
                          const QString &keyPrefix = QStringLiteral("session_"),
                          std::shared_ptr<const SessionSerializer> serializer = nullptr,
                          QObject *parent = nullptr);
    // Uses pool, which must outlive the calls made (calls after it is gone fail).
    SessionAdmin(RedisPool *pool, const QString &keyPrefix,
                 std::shared_ptr<const SessionSerializer> serializer, QObject *parent = nullptr);
    // Pending calls finish with an error.
    ~SessionAdmin() override;

    QString keyPrefix() const;
    std::shared_ptr<const SessionSerializer> serializer() const; // null: auto
    bool isReadOnly() const;
    void setReadOnly(bool readOnly);

    QByteArray keyFor(const QString &id) const;
    QString idFromKey(const QByteArray &key) const;

    // The server: PING, INFO server, and the number of keys of the database (DBSIZE; all
    // keys, not only sessions).
    QFuture<SessionPing> ping();
    QFuture<SessionServerInfo> serverInfo();
    QFuture<SessionCount> databaseSize();

    // One SCAN step with each session's TTL and size. Start with "0". idPattern is a glob
    // (*, ?, [abc]) over the ID; the prefix matches itself only. Keys of other types under
    // the prefix are left out and named in SessionPage::skipped.
    QFuture<SessionPage> scan(const QByteArray &cursor = QByteArrayLiteral("0"),
                              int countHint = 200, const QString &idPattern = QStringLiteral("*"));
    // The number of sessions (a full SCAN: it takes a while on a big database); keys of other
    // types under the prefix are not counted, as scan() leaves them out.
    QFuture<SessionCount> count();
    // The TTL and size of each session (ttlMs -2 for one that is gone), pipelined.
    QFuture<SessionProbe> probe(const QStringList &ids);

    // One session with its TTL. In auto mode, remembers which serializer read it (for write).
    QFuture<SessionContent> load(const QString &id);
    // The values of many sessions, pipelined; the TTL is not read (TtlNotRead) and nothing is
    // remembered, so that reading a million sessions stays bounded.
    QFuture<SessionContentList> loadMany(const QStringList &ids);
    // As loadMany(), without decoding: only raw (and exists) is filled in, for a caller that
    // decodes elsewhere, on a thread of its own (see serializer() and SessionSerializer).
    QFuture<SessionContentList> loadManyRaw(const QStringList &ids);

    // As loadMany(), with each session's TTL read in the same pipeline (PTTL, GET), for an
    // export. Sessions gone meanwhile have ttlMs -2 and SessionGone.
    QFuture<SessionContentList> loadManyWithTtl(const QStringList &ids);
    // Stores sessions as they are (an import): each content's raw bytes under its ID, with
    // its ttlMs (-1: no expiry; more than 0: milliseconds; anything else is InvalidOption for
    // that session). Without overwrite an existing session is left alone (SET NX: atomic, no
    // read first) and reported as existed; with it, its value and TTL are replaced. Pipelined;
    // on a cluster each SET goes to its key's master.
    QFuture<SessionPutList> putMany(const QList<SessionContent> &sessions, bool overwrite);

    // Replaces the values, keeping the TTL. serializerName: "" for the admin's serializer (or,
    // in auto mode, the one that read the session last, else DataStream). A session that no
    // longer exists is not re-created: SessionGone.
    QFuture<SessionChange> write(const QString &id, const QVariantMap &values,
                                 const QString &serializerName = QString());
    // Loads, sets one value, writes back (keeping the TTL and the serializer).
    QFuture<SessionChange> setValue(const QString &id, const QString &key, const QVariant &value);

    // Expire seconds (0 or more; 0 removes at once) from now, or at a point in time. One ID:
    // SessionGone when it does not exist; many: SessionChange::missing names those.
    QFuture<SessionChange> expire(const QString &id, qint64 seconds);
    QFuture<SessionChange> expire(const QStringList &ids, qint64 seconds);
    QFuture<SessionChange> expireAt(const QString &id, const QDateTime &when);
    // No expiry any more; affected counts the sessions that exist (now without expiry).
    QFuture<SessionChange> persist(const QString &id);
    QFuture<SessionChange> persist(const QStringList &ids);
    QFuture<SessionDeletion> remove(const QStringList &ids);

    // The per-user index that RedisStore's withUserIndex keeps under this prefix: the live
    // sessions of one user, and "log out everywhere" (every session of the user ends; saves in
    // flight cannot bring one back). revokeUser is a write: refused in read-only mode.
    QFuture<UserSessions> sessionsOfUser(const QString &user);
    QFuture<UserRevocation> revokeUser(const QString &user);
    // The users of that index whose ID matches userPattern (a glob), each with the number of
    // live sessions: a SCAN over the index keys on every master, one pipelined ZCOUNT per page.
    // Memory stays bounded: at most limit users are kept (UserList::truncated says the scan
    // stopped there). Read commands only. None found: this prefix's sessions are not indexed
    // (withUserIndex is off), or nobody is logged in.
    static constexpr int defaultUserLimit = 10000;
    QFuture<UserList> users(const QString &userPattern = QStringLiteral("*"),
                            int limit = defaultUserLimit);

private:
    friend class SessionAdminPrivate;
    std::unique_ptr<SessionAdminPrivate> d;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SessionInfo)
Q_DECLARE_METATYPE(RediStore::SessionPage)
Q_DECLARE_METATYPE(RediStore::SessionContent)

#endif // REDISTORE_SESSIONADMIN_H
