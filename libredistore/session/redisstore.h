#ifndef REDISTORE_REDISSTORE_H
#define REDISTORE_REDISSTORE_H

#include <libredistore/codec/keyring.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>
#include <libredistore/session/redisstoreoptions.h>
#include <libredistore/session/sessionping.h>
#include <libredistore/session/sessionstore.h>
#include <libredistore/session/usersessions.h>

#include <QtCore/QList>
#include <QtCore/QObject>

#include <memory>

namespace RediStore {

class RedisStorePrivate;
class RedisPool;

// Sessions in Redis, as Go's boj/redistore v2 keeps them, so that Go and Qt services share
// one Redis and one cookie: the cookie holds securecookie(gob(ID)), the data lives under
// keyPrefix + ID with a TTL, the ID is base32 of 32 random bytes without padding.
//
//   auto store = RedisStore::create(KeyRing::keys({hashKey}),
//                                   {withAddress("tcp", "127.0.0.1:6379")});
//   if (!store.ok()) qFatal("%s", qPrintable(store.error().message()));
//
// Fixed where Go's library is broken: keys are validated, the cookie's max age follows
// MaxAge, URL and explicit auth/DB merge (conflicts are errors), a signed cookie whose data is
// gone gets a new ID (no session fixation), no PING per request, cookies default to HttpOnly
// and SameSite=Lax, and concurrent requests lose no update: a save writes only if the session
// is still the one it loaded (else the keys it changed are merged into the fresh one), a new
// session is created only if its ID is free, and a session that is gone (logged out, revoked)
// is never re-created (withConcurrency). Beyond Go: update() for read-modify-write,
// Session::regenerateId(), lazy saves with sliding expiry, destroy(), a per-user index with
// "log out everywhere" (withUserIndex), a per-request SessionRegistry.
//
// The store lives in one thread; for a multi-threaded server create one store per thread
// from the same settings. Nothing blocks the event loop.
class REDISTORE_EXPORT RedisStore : public QObject, public SessionStore
{
    Q_OBJECT

public:
    // The caller owns the store it returns.
    static Result<std::unique_ptr<RedisStore>, SessionError>
    create(const KeyRing &keys, const QList<RedisStoreOption> &options);
    static Result<std::unique_ptr<RedisStore>, SessionError>
    create(const KeyRing &keys, const RedisStoreSettings &settings);
    ~RedisStore() override;

    RedisStoreSettings settings() const;
    RedisPool *pool() const;

    // Checks that Redis answers (PING). create() starts one check and logs its result.
    QFuture<SessionPing> ping();

    // Later changes, as Go's SetMaxAge/SetMaxLength/SetKeyPrefix/SetSerializer. setMaxAge
    // also moves the cookie's max age.
    void setMaxAge(qint64 seconds);
    void setMaxLength(qsizetype length);
    void setKeyPrefix(const QString &prefix);
    void setSerializer(std::shared_ptr<const SessionSerializer> serializer);
    void setSessionOptions(const SessionOptions &options);
    SessionOptions sessionOptions() const;

    // A fresh session ID: 52 characters of base32 from 32 CSPRNG bytes.
    static QString generateId();
    QByteArray keyFor(const QString &id) const;

    // The per-user index (withUserIndex; without it both fail with InvalidOption).
    // sessionsOfUser: the user's live sessions. revokeUser: ends every one of them ("log out
    // everywhere"); a save in flight for one of them finds it gone and does not bring it back.
    QFuture<UserSessions> sessionsOfUser(const QString &user);
    QFuture<UserRevocation> revokeUser(const QString &user);

protected:
    Session createSession(const QByteArray &name) const override;
    void loadSession(const QByteArray &name, const QByteArrayList &cookieHeaders,
                     const QObject *context, LoadCallback callback) override;
    void saveSession(const Session &session, const QObject *context,
                     SaveCallback callback) override;
    void updateSession(const Session &session, UpdateFunction change, const QObject *context,
                       SaveCallback callback) override;
    void destroySession(const Session &session, const QObject *context,
                        SaveCallback callback) override;

Q_SIGNALS:
    void reachabilityChecked(const RediStore::SessionError &error);

private:
    RedisStore(const KeyRing &keys, const RedisStoreSettings &settings);
    friend class RedisStorePrivate;
    std::unique_ptr<RedisStorePrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_REDISSTORE_H
