#ifndef REDISTORE_REDISREPLY_H
#define REDISTORE_REDISREPLY_H

#include <libredistore/redis/rediserror.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>

namespace RediStore {

class RedisReplyData;

// One reply from Redis, or the reason there is none. A value type (implicitly shared).
//
// Server replies are Status ("+OK"), Error ("-ERR ..."), Integer, String (binary-safe bulk
// string), Array (elements, possibly nested) and Nil. When the command could not complete
// (timeout, disconnect, not connected), the reply is an Error whose error().code() says why;
// error().code() is ServerError for a Redis error reply (AuthenticationFailed for NOAUTH, a
// server that wants a password the connection never gave).
class REDISTORE_EXPORT RedisReply
{
public:
    enum class Type { Nil, Status, Error, Integer, String, Array };

    RedisReply(); // Nil
    RedisReply(const RedisReply &other);
    RedisReply(RedisReply &&other) noexcept;
    RedisReply &operator=(const RedisReply &other);
    RedisReply &operator=(RedisReply &&other) noexcept;
    ~RedisReply();

    static RedisReply nil();
    static RedisReply status(const QByteArray &text);
    static RedisReply integer(qint64 value);
    static RedisReply string(const QByteArray &bytes);
    static RedisReply array(QList<RedisReply> elements);
    static RedisReply serverError(const QByteArray &text);
    static RedisReply failure(const RedisError &error);

    Type type() const;
    bool isNil() const { return type() == Type::Nil; }
    bool isError() const { return type() == Type::Error; }
    bool isStatus() const { return type() == Type::Status; }
    bool isInteger() const { return type() == Type::Integer; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    // A status whose text is "OK".
    bool isOk() const;

    // The bytes of a String, or the text of a Status or Error; empty otherwise.
    QByteArray data() const;
    qint64 toInteger() const; // 0 unless Integer
    QList<RedisReply> elements() const;
    qsizetype size() const; // number of elements of an Array
    RedisReply at(qsizetype index) const;
    // NoError unless isError().
    RedisError error() const;

    // A short human form for logs and messages: "OK", "(integer) 3", "\"bytes\"", "(nil)",
    // "(error) ERR ...", "[2 elements]".
    QString toDisplayString() const;

    friend REDISTORE_EXPORT bool operator==(const RedisReply &a, const RedisReply &b);
    friend bool operator!=(const RedisReply &a, const RedisReply &b) { return !(a == b); }

private:
    explicit RedisReply(RedisReplyData *data);
    QExplicitlySharedDataPointer<RedisReplyData> d;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::RedisReply)

#endif // REDISTORE_REDISREPLY_H
