#include "luascript_p.h"

#include <libredistore/redis/redispool.h>

#include <QtCore/QCryptographicHash>

namespace RediStore {

LuaScript::LuaScript(QByteArray source)
    : m_source(std::move(source))
    , m_sha1(QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex())
{ }

void LuaScript::run(RedisPool *pool, const QByteArray &key, const QByteArrayList &args,
                    const QObject *context, std::function<void(const RedisReply &)> callback) const
{
    QByteArrayList command { QByteArrayLiteral("EVALSHA"), m_sha1, QByteArrayLiteral("1"), key };
    command += args;
    QByteArrayList fallback = command;
    fallback[0] = QByteArrayLiteral("EVAL");
    fallback[1] = m_source;
    pool->execute(command, context,
                  [pool, context, fallback = std::move(fallback),
                   callback = std::move(callback)](const RedisReply &reply) mutable {
                      if (reply.isError() && reply.data().startsWith("NOSCRIPT")) {
                          pool->execute(fallback, context, std::move(callback));
                          return;
                      }
                      callback(reply);
                  });
}

} // namespace RediStore
