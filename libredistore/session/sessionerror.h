#ifndef REDISTORE_SESSIONERROR_H
#define REDISTORE_SESSIONERROR_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/redis/rediserror.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace RediStore {

// The errors of the session layer, in numbered bands: configuration (100), the request's
// cookie (200), the stored data (300), Redis (400), the session's state (500). When a lower
// layer caused it, codecError() or redisError() holds that layer's error.
class REDISTORE_EXPORT SessionError
{
    Q_GADGET

public:
    enum class Code {
        NoError = 0,

        // 100: configuration, found at construction
        InvalidOption = 100, // an option's value is out of range; the message names the option
        InvalidKeys, // the key ring is empty or a key has the wrong size
        NoConnection, // none of withPool, withAddress, withUrl was given
        ConflictingOptions, // more than one of them, or a URL that disagrees with withDb/withAuth

        // 200: the request's cookie (the handler gets a new session besides this error)
        CookieInvalid = 200, // forged, tampered, expired, signed with an unknown key, foreign

        // 300: the session's data
        ValueTooLarge = 300, // the serialized session exceeds maxLength; nothing was written
        SerializeFailed, // a value the serializer cannot write
        CorruptData, // the bytes in Redis do not deserialize
        StoredValueTooLarge, // the bytes in Redis exceed maxLength: not decoded, left untouched

        // 400: Redis
        RedisUnavailable = 400, // refused, lost, timed out, wrong password
        RedisCommandFailed, // Redis answered with an error reply

        // 500: the session's state
        SessionGone = 500, // the key no longer exists (expired, logged out, revoked meanwhile);
                           // a save never re-creates it
        InvalidSession, // a null session, or one that belongs to another store
        UnknownSerializer, // stored bytes that no serializer reads (admin "auto" detection)
        ReadOnly, // a write refused because the admin is in read-only mode
        Conflict, // other writers changed the session on every try (update(); HTTP 409)
    };
    Q_ENUM(Code)

    SessionError() = default;
    SessionError(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }
    static SessionError fromCodec(Code code, const CodecError &error, const QString &context);
    static SessionError fromRedis(const RedisError &error, const QString &context);

    Code code() const noexcept { return m_code; }
    QString message() const { return m_message; }
    QString codeName() const;
    bool isError() const noexcept { return m_code != Code::NoError; }
    CodecError codecError() const { return m_codecError; }
    RedisError redisError() const { return m_redisError; }

private:
    Code m_code = Code::NoError;
    QString m_message;
    CodecError m_codecError;
    RedisError m_redisError;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SessionError)

#endif // REDISTORE_SESSIONERROR_H
