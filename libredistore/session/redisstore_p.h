#ifndef REDISTORE_REDISSTORE_P_H
#define REDISTORE_REDISSTORE_P_H

#include "redisstore.h"

#include <libredistore/codec/securecookie.h>
#include <libredistore/redis/redisconfig.h>

namespace RediStore {

class SessionData;
class SessionSerializer;

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
    // The TTL as SETEX's argument; the text of the last one is kept (it rarely changes).
    QByteArray ttlText(qint64 seconds);
    // The Redis key of id: the one made when the session was loaded or saved, if it is still
    // for this ID and prefix, else a new one.
    QByteArray keyOf(const SessionData &data, const QString &id) const;

    RedisStore *q = nullptr;
    KeyRing keys;
    RedisStoreSettings settings;
    QByteArray keyPrefix; // settings.keyPrefix in UTF-8
    SecureCookie codec;
    RedisPool *pool = nullptr;
    std::shared_ptr<const SessionSerializer> serializer;
    qint64 lastTtl = -1;
    QByteArray lastTtlText;
};

} // namespace RediStore

#endif // REDISTORE_REDISSTORE_P_H
