#include "sessionerror.h"

#include <QtCore/QMetaEnum>

namespace RediStore {

SessionError SessionError::fromCodec(Code code, const CodecError &error, const QString &context)
{
    SessionError result(code,
                        context.isEmpty() ? error.message()
                                          : context + QStringLiteral(": ") + error.message());
    result.m_codecError = error;
    return result;
}

SessionError SessionError::fromRedis(const RedisError &error, const QString &context)
{
    const Code code = error.code() == RedisError::Code::ServerError ? Code::RedisCommandFailed
                                                                    : Code::RedisUnavailable;
    SessionError result(code,
                        context.isEmpty() ? error.message()
                                          : context + QStringLiteral(": ") + error.message());
    result.m_redisError = error;
    return result;
}

QString SessionError::codeName() const
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(int(m_code)));
}

} // namespace RediStore
