#ifndef REDISTORE_REDISSTORE_P_H
#define REDISTORE_REDISSTORE_P_H

#include "redisstore.h"

#include <libredistore/codec/securecookie.h>
#include <libredistore/redis/redisconfig.h>

#include <QtCore/QLoggingCategory>

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QPointer>

#include <memory>
#include <unordered_set>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcSession)

class SessionData;
class SessionSerializer;
class SaveJob;

// A save, update or destroy in flight. It ends exactly once: with its result, or with an error
// when the store is deleted first. The result goes to callback in context's thread, unless
// context is gone by then.
struct PendingWrite
{
    QPointer<const QObject> context;
    bool hasContext = false;
    SessionStore::SaveCallback callback;
    bool finished = false;
};

class RedisStorePrivate
{
public:
    // Checks each field as the option that sets it does; an error names that option.
    static SessionError checkSettings(const RedisStoreSettings &settings);
    // Builds the connection settings; an error names the option at fault.
    static Result<RedisConfig, SessionError> connectionConfig(const RedisStoreSettings &settings);
    // The cookie codec's max age: the session MaxAge, or DefaultMaxAge for browser-session
    // cookies (MaxAge 0), so that a signed cookie never outlives the data it points to.
    void updateCodecMaxAge();
    qint64 ttlFor(const SessionOptions &options) const;
    // The TTL a save gives this session: ttlFor(), or at most withAnonymousMaxAge while the
    // session holds no user.
    qint64 ttlOf(const SessionData &data) const;
    // The options of the session's Set-Cookie: a Max-Age follows ttlOf().
    SessionOptions cookieOptionsOf(const SessionData &data) const;
    // Hash keys under 32 bytes: a warning in the log, or InvalidKeys with withStrictKeys.
    static SessionError checkKeyStrength(const KeyRing &keys, bool strict);
    // The TTL as SETEX's argument; the text of the last one is kept (it rarely changes).
    QByteArray ttlText(qint64 seconds);
    // The Redis key of id: the one made when the session was loaded or saved, if it is still
    // for this ID and prefix, else a new one.
    QByteArray keyOf(const SessionData &data, const QString &id) const;

    // Delivers result later from the event loop (refusals never complete inside the call).
    void post(const QObject *context, SessionStore::SaveCallback callback,
              const SessionSaveResult &result);
    std::shared_ptr<PendingWrite> begin(const QObject *context,
                                        SessionStore::SaveCallback callback);
    // Ends write with result (posted when later is true); only the first call counts.
    void finish(const std::shared_ptr<PendingWrite> &write, const SessionSaveResult &result,
                bool later);

    // Writes of one session in this process run one after another, in order: a job starts
    // when the one before it on key has finished (call next(key) when a job ends).
    void enqueue(const QByteArray &key, std::function<void()> job);
    void next(const QByteArray &key);
    // The queue of a session: its Redis key once stored (every handle of it), its handle while
    // new; none with LastWriteWins.
    QByteArray queueKeyOf(const SessionData &data) const;
    // Deletes the session's key and index entry, clears the handle; done gets the expired
    // cookie, always later, from the event loop.
    void destroyNow(const Session &session, std::function<void(const SessionSaveResult &)> done);

    // The session's problems that stop any write: null, another store's.
    SessionError checkOwner(const SessionData *data) const;
    // sessionsOfUser/revokeUser need the index and a user.
    SessionError checkIndex(const QString &user) const;
    void startJob(const Session &session, SessionStore::UpdateFunction change,
                  const std::shared_ptr<PendingWrite> &write);
    // The values of bytes read from Redis: StoredValueTooLarge, before any decoding, when they are
    // longer than maxLength (a hostile or foreign writer cannot make us decode megabytes);
    // CorruptData when the serializer refuses them.
    Result<QVariantMap, SessionError> decodeStored(const QString &id,
                                                   const QByteArray &bytes) const;
    // A failed index update after a save that succeeded: logged at most once a minute, with a
    // count of the others (an ACL without the index keys fails on every login).
    void warnIndexFailure(const SessionError &error);
    // The user the index files the session under ("" when none, or no index).
    QString userOf(const SessionData &data) const;

    RedisStore *q = nullptr;
    KeyRing keys;
    RedisStoreSettings settings;
    QByteArray keyPrefix; // settings.keyPrefix in UTF-8
    QElapsedTimer indexWarned; // the last warnIndexFailure() line
    qint64 indexFailuresUnlogged = 0;
    SecureCookie codec;
    RedisPool *pool = nullptr;
    std::shared_ptr<const SessionSerializer> serializer;
    qint64 lastTtl = -1;
    QByteArray lastTtlText;

    std::unordered_set<std::shared_ptr<PendingWrite>> pending;
    // What ends the store's futures in flight if the store is deleted first.
    QHash<quint64, std::function<void()>> aborts;
    quint64 nextAbort = 0;
    QHash<QByteArray, QList<std::function<void()>>> queues; // key: jobs waiting their turn
    bool destroying = false;
};

} // namespace RediStore

#endif // REDISTORE_REDISSTORE_P_H
