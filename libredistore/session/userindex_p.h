#ifndef REDISTORE_USERINDEX_P_H
#define REDISTORE_USERINDEX_P_H

#include <libredistore/session/sessionerror.h>
#include <libredistore/session/usersessions.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <functional>

namespace RediStore {

class RedisPool;

// The per-user index of sessions: for each user, a sorted set of that user's session IDs scored
// by their expiry (milliseconds since the epoch), expiring with its last session. Each command
// touches one key (no script spans two), so the index works the same on Redis Cluster. Index
// keys live outside the session prefix, "redistore:user:<session prefix>:<user ID>", so that
// neither a Go service nor a listing of sessions sees them.
namespace UserIndex {

inline constexpr char keyNamespace[] = "redistore:user:";

QByteArray keyFor(const QByteArray &sessionPrefix, const QString &user);
bool isIndexKey(const QByteArray &key);
// The user ID a session value holds ("" when there is none): text as it is, numbers in decimal.
QString userOf(const QVariant &value);

using AddCallback = std::function<void(const SessionError &)>;
using MoveCallback = std::function<void(bool moved, const SessionError &)>;
using ListCallback = std::function<void(const UserSessions &)>;
using RevokeCallback = std::function<void(const UserRevocation &)>;

// Why user cannot be looked up ("" is no user), or no error.
SessionError checkUser(const QString &user);

// Adds (or moves) id under user with its expiry, prunes expired entries and sets the index's TTL.
void add(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user, const QString &id,
         qint64 expiresAtMs, const QObject *context, AddCallback callback);
// Replaces oldId by newId in user's index, in one step that fails (moved false) when oldId is
// not there any more: revokeUser() took the index, or the session was logged out.
void move(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
          const QString &oldId, const QString &newId, qint64 expiresAtMs, const QObject *context,
          MoveCallback callback);
void remove(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
            const QString &id, const QObject *context, AddCallback callback);
// The live sessions of user, oldest expiry first; with Prune, entries whose session is gone
// are dropped from the index on the way (and, refused that by an ACL, the list is read as with
// ReadOnly: read commands only, nothing dropped).
enum class Pruning { Prune, ReadOnly };
void sessionsOf(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
                Pruning pruning, const QObject *context, ListCallback callback);
void sessionsOf(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
                const QObject *context, ListCallback callback);
// Ends every session of user: takes the index (atomically, so that it starts empty), then
// deletes each session key. A compare-and-set save in flight finds its key gone and does not
// bring it back.
void revoke(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
            const QObject *context, RevokeCallback callback);

} // namespace UserIndex

} // namespace RediStore

#endif // REDISTORE_USERINDEX_P_H
