#include "luascript_p.h"

#include <libredistore/redis/redispool.h>

#include <QtCore/QCryptographicHash>

#include <optional>

namespace RediStore {

LuaScript::LuaScript(QByteArray source, Access access)
    : m_source(std::move(source))
    , m_sha1(QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex())
    , m_evalSha(access == Access::ReadOnly ? QByteArrayLiteral("EVALSHA_RO")
                                           : QByteArrayLiteral("EVALSHA"))
    , m_eval(access == Access::ReadOnly ? QByteArrayLiteral("EVAL_RO") : QByteArrayLiteral("EVAL"))
{ }

void LuaScript::run(RedisPool *pool, const QByteArray &key, const QByteArrayList &args,
                    const QObject *context, std::function<void(const RedisReply &)> callback) const
{
    QByteArrayList command { m_evalSha, m_sha1, QByteArrayLiteral("1"), key };
    command += args;
    // The script's text goes only to a server that does not know it yet.
    pool->execute(command, context,
                  [pool, context, command, source = m_source, eval = m_eval,
                   callback = std::move(callback)](const RedisReply &reply) mutable {
                      if (reply.isError() && reply.data().startsWith("NOSCRIPT")) {
                          command[0] = eval;
                          command[1] = source;
                          pool->execute(command, context, std::move(callback));
                          return;
                      }
                      callback(reply);
                  });
}

void LuaScript::runOn(RedisPool *pool, const RedisConfig *master, const QByteArrayList &args,
                      const QObject *context,
                      std::function<void(const RedisReply &)> callback) const
{
    QByteArrayList command { m_evalSha, m_sha1, QByteArrayLiteral("0") };
    command += args;
    std::optional<RedisConfig> node;
    if (master)
        node = *master;
    auto send = [pool, node, context](const QByteArrayList &args,
                                      std::function<void(const RedisReply &)> done) {
        if (node)
            pool->executeOn(*node, args, context, std::move(done));
        else
            pool->execute(args, context, std::move(done));
    };
    send(command,
         [send, command, source = m_source, eval = m_eval,
          callback = std::move(callback)](const RedisReply &reply) mutable {
             if (reply.isError() && reply.data().startsWith("NOSCRIPT")) {
                 command[0] = eval;
                 command[1] = source;
                 send(command, std::move(callback));
                 return;
             }
             callback(reply);
         });
}

} // namespace RediStore
