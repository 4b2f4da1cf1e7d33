#include "userindex_p.h"

#include "luascript_p.h"

#include <libredistore/redis/redispool.h>

#include <QtCore/QDateTime>

#include <memory>

namespace RediStore::UserIndex {

namespace {

// After an entry is added: expired entries go, and the index expires with its last session.
#define REDISTORE_INDEX_TIDY \
    "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])\n" \
    "local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')\n" \
    "if last[2] then\n" \
    "  redis.call('PEXPIREAT', KEYS[1], string.format('%.0f', tonumber(last[2])))\n" \
    "end\n" \
    "return 1\n"

// KEYS[1] the index; ARGV: id, its expiry, now (ms).
const LuaScript &addScript()
{
    static const LuaScript script(
        QByteArrayLiteral("redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])\n" REDISTORE_INDEX_TIDY));
    return script;
}

// KEYS[1] the index; ARGV: the new ID, its expiry, now (ms), the old ID. 0 when the old ID is
// not in the index (its user's sessions were revoked, or it was logged out).
const LuaScript &moveScript()
{
    static const LuaScript script(
        QByteArrayLiteral("if not redis.call('ZSCORE', KEYS[1], ARGV[4]) then return 0 end\n"
                          "redis.call('ZREM', KEYS[1], ARGV[4])\n"
                          "redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])\n" REDISTORE_INDEX_TIDY));
    return script;
}
#undef REDISTORE_INDEX_TIDY

// KEYS[1] the index; ARGV: now (ms). The live IDs, pruned first.
const LuaScript &listScript()
{
    static const LuaScript script(
        QByteArrayLiteral("redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])\n"
                          "return redis.call('ZRANGE', KEYS[1], 0, -1)\n"));
    return script;
}

// KEYS[1] the index: its IDs, and the index is gone.
const LuaScript &takeScript()
{
    static const LuaScript script(
        QByteArrayLiteral("local ids = redis.call('ZRANGE', KEYS[1], 0, -1)\n"
                          "redis.call('DEL', KEYS[1])\n"
                          "return ids\n"));
    return script;
}

SessionError indexError(const RedisReply &reply, const char *what)
{
    return SessionError::fromRedis(reply.error(), QString::fromLatin1(what));
}

QByteArray now()
{
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch());
}

} // namespace

QByteArray keyFor(const QByteArray &sessionPrefix, const QString &user)
{
    return QByteArray(keyNamespace) + sessionPrefix + ':' + user.toUtf8();
}

SessionError checkUser(const QString &user)
{
    if (user.isEmpty())
        return SessionError(SessionError::Code::InvalidOption, QStringLiteral("no user given"));
    return {};
}

bool isIndexKey(const QByteArray &key)
{
    return key.startsWith(keyNamespace);
}

QString userOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString();
    case QMetaType::QByteArray:
        return QString::fromUtf8(value.toByteArray());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return value.toString();
    default:
        return QString();
    }
}

void add(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user, const QString &id,
         qint64 expiresAtMs, const QObject *context, AddCallback callback)
{
    addScript().run(
        pool, keyFor(sessionPrefix, user), { id.toUtf8(), QByteArray::number(expiresAtMs), now() },
        context, [callback = std::move(callback)](const RedisReply &reply) {
            callback(reply.isError() ? indexError(reply, "indexing a session by its user")
                                     : SessionError());
        });
}

void move(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
          const QString &oldId, const QString &newId, qint64 expiresAtMs, const QObject *context,
          MoveCallback callback)
{
    moveScript().run(pool, keyFor(sessionPrefix, user),
                     { newId.toUtf8(), QByteArray::number(expiresAtMs), now(), oldId.toUtf8() },
                     context, [callback = std::move(callback)](const RedisReply &reply) {
                         if (reply.isError())
                             callback(false, indexError(reply, "moving a session to its new ID"));
                         else
                             callback(reply.toInteger() == 1, {});
                     });
}

void remove(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
            const QString &id, const QObject *context, AddCallback callback)
{
    pool->execute({ QByteArrayLiteral("ZREM"), keyFor(sessionPrefix, user), id.toUtf8() }, context,
                  [callback = std::move(callback)](const RedisReply &reply) {
                      callback(reply.isError()
                                   ? indexError(reply, "removing a session from its user's index")
                                   : SessionError());
                  });
}

void sessionsOf(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
                const QObject *context, ListCallback callback)
{
    sessionsOf(pool, sessionPrefix, user, Pruning::Prune, context, std::move(callback));
}

void sessionsOf(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
                Pruning pruning, const QObject *context, ListCallback callback)
{
    const QByteArray index = keyFor(sessionPrefix, user);
    const bool prune = pruning == Pruning::Prune;
    auto listed = [pool, index, sessionPrefix, context, user, prune,
                   callback = std::move(callback)](const RedisReply &reply) mutable {
        if (reply.isError() && prune
            && reply.error().message().startsWith(QLatin1String("NOPERM"))) {
            // A read-only ACL user: the same list without pruning.
            sessionsOf(pool, sessionPrefix, user, Pruning::ReadOnly, context, std::move(callback));
            return;
        }
        if (reply.isError()) {
            callback({ user, {}, indexError(reply, "reading a user's sessions") });
            return;
        }
        const QList<RedisReply> ids = reply.elements();
        if (ids.isEmpty()) {
            callback({ user, {}, {} });
            return;
        }
        // One PTTL per session, on its own key; gone ones leave the index.
        struct Gather
        {
            QList<UserSession> entries;
            qsizetype pending = 0;
            SessionError error;
            QString user;
            ListCallback callback;
        };
        auto gather = std::make_shared<Gather>();
        gather->entries.resize(ids.size());
        gather->pending = ids.size();
        gather->callback = std::move(callback);
        gather->user = user;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QByteArray id = ids.at(i).data();
            gather->entries[i].id = QString::fromUtf8(id);
            pool->execute({ QByteArrayLiteral("PTTL"), sessionPrefix + id }, context,
                          [pool, index, id, i, gather, context, prune](const RedisReply &ttl) {
                              if (ttl.isError() && !gather->error.isError())
                                  gather->error = indexError(ttl, "reading a user's sessions");
                              gather->entries[i].ttlMs = ttl.isError() ? -2 : ttl.toInteger();
                              if (prune && gather->entries[i].ttlMs == -2 && !ttl.isError()) {
                                  pool->execute({ QByteArrayLiteral("ZREM"), index, id }, context,
                                                [](const RedisReply &) {});
                              }
                              if (--gather->pending > 0)
                                  return;
                              UserSessions result { gather->user, {}, gather->error };
                              for (const UserSession &entry : std::as_const(gather->entries)) {
                                  if (entry.ttlMs != -2 && !gather->error.isError())
                                      result.sessions.append(entry);
                              }
                              gather->callback(result);
                          });
        }
    };
    if (prune) {
        listScript().run(pool, index, { now() }, context, std::move(listed));
    } else {
        // Read commands only: what a read-only admin (or ACL user) may send.
        pool->execute({ QByteArrayLiteral("ZRANGEBYSCORE"), index, QByteArrayLiteral("(") + now(),
                        QByteArrayLiteral("+inf") },
                      context, std::move(listed));
    }
}

void revoke(RedisPool *pool, const QByteArray &sessionPrefix, const QString &user,
            const QObject *context, RevokeCallback callback)
{
    takeScript().run(
        pool, keyFor(sessionPrefix, user), {}, context,
        [pool, sessionPrefix, context, user,
         callback = std::move(callback)](const RedisReply &reply) {
            if (reply.isError()) {
                callback({ user, 0, indexError(reply, "ending a user's sessions") });
                return;
            }
            const QList<RedisReply> ids = reply.elements();
            if (ids.isEmpty()) {
                callback({ user, 0, {} });
                return;
            }
            struct Tally
            {
                qint64 ended = 0;
                qsizetype pending = 0;
                SessionError error;
                QString user;
                RevokeCallback callback;
            };
            auto tally = std::make_shared<Tally>();
            tally->pending = ids.size();
            tally->callback = callback;
            tally->user = user;
            for (const RedisReply &id : ids) {
                pool->execute({ QByteArrayLiteral("DEL"), sessionPrefix + id.data() }, context,
                              [tally](const RedisReply &deleted) {
                                  if (deleted.isError() && !tally->error.isError())
                                      tally->error
                                          = indexError(deleted, "ending a user's sessions");
                                  tally->ended += deleted.toInteger();
                                  if (--tally->pending == 0)
                                      tally->callback({ tally->user, tally->ended, tally->error });
                              });
            }
        });
}

} // namespace RediStore::UserIndex
