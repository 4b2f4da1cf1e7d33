#ifndef REDISTORE_LUASCRIPT_P_H
#define REDISTORE_LUASCRIPT_P_H

#include <libredistore/redis/redisreply.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayList>

#include <functional>

namespace RediStore {

class RedisConfig;
class RedisPool;

// A server-side script on one key, sent by its SHA1 (EVALSHA) and by its text only when the
// server does not know it yet (NOSCRIPT, after a restart or a SCRIPT FLUSH).
class LuaScript
{
public:
    // ReadOnly scripts go out as EVALSHA_RO and EVAL_RO (Redis 7, Valkey): the server refuses
    // any write in them, and no replica acknowledgement (WAIT) follows them on a cluster.
    enum class Access { MayWrite, ReadOnly };

    explicit LuaScript(QByteArray source, Access access = Access::MayWrite);

    QByteArray source() const { return m_source; }
    QByteArray sha1() const { return m_sha1; }

    // Runs the script with KEYS[1] = key and ARGV = args; callback gets the reply.
    void run(RedisPool *pool, const QByteArray &key, const QByteArrayList &args,
             const QObject *context, std::function<void(const RedisReply &)> callback) const;
    // Runs the script with no KEYS and ARGV = args on master (one of pool->masters()), or on
    // the pool's server when master is null: for scripts whose keys the SCAN of that node gave.
    void runOn(RedisPool *pool, const RedisConfig *master, const QByteArrayList &args,
               const QObject *context, std::function<void(const RedisReply &)> callback) const;

private:
    QByteArray m_source;
    QByteArray m_sha1;
    QByteArray m_evalSha; // EVALSHA or EVALSHA_RO
    QByteArray m_eval; // EVAL or EVAL_RO
};

} // namespace RediStore

#endif // REDISTORE_LUASCRIPT_P_H
