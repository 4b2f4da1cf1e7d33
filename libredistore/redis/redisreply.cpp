#include "redisreply.h"

namespace RediStore {

class RedisReplyData : public QSharedData
{
public:
    RedisReply::Type type = RedisReply::Type::Nil;
    qint64 integer = 0;
    QByteArray bytes;
    QList<RedisReply> elements;
    RedisError error;
};

namespace {

// Nil replies are common (GET of a missing key): share one instance.
RedisReplyData *sharedNil()
{
    static const QExplicitlySharedDataPointer<RedisReplyData> nil(new RedisReplyData);
    return nil.data();
}

} // namespace

RedisReply::RedisReply()
    : d(sharedNil())
{ }
RedisReply::RedisReply(RedisReplyData *data)
    : d(data)
{ }
RedisReply::RedisReply(const RedisReply &other) = default;
RedisReply::RedisReply(RedisReply &&other) noexcept = default;
RedisReply &RedisReply::operator=(const RedisReply &other) = default;
RedisReply &RedisReply::operator=(RedisReply &&other) noexcept = default;
RedisReply::~RedisReply() = default;

RedisReply RedisReply::nil()
{
    return RedisReply();
}

RedisReply RedisReply::status(const QByteArray &text)
{
    auto *data = new RedisReplyData;
    data->type = Type::Status;
    data->bytes = text;
    return RedisReply(data);
}

RedisReply RedisReply::integer(qint64 value)
{
    auto *data = new RedisReplyData;
    data->type = Type::Integer;
    data->integer = value;
    return RedisReply(data);
}

RedisReply RedisReply::string(const QByteArray &bytes)
{
    auto *data = new RedisReplyData;
    data->type = Type::String;
    data->bytes = bytes;
    return RedisReply(data);
}

RedisReply RedisReply::array(QList<RedisReply> elements)
{
    auto *data = new RedisReplyData;
    data->type = Type::Array;
    data->elements = std::move(elements);
    return RedisReply(data);
}

RedisReply RedisReply::serverError(const QByteArray &text)
{
    auto *data = new RedisReplyData;
    data->type = Type::Error;
    data->bytes = text;
    // NOAUTH: the server wants credentials the connection never gave. That is a setting to fix,
    // as a wrong password is, not a failed command.
    data->error = text.startsWith("NOAUTH")
        ? RedisError(RedisError::Code::AuthenticationFailed,
                     QString::fromUtf8(text)
                         + QStringLiteral(" (Redis requires a password: give it, and the user "
                                          "name if any, in the configuration or the URL)"))
        : RedisError(RedisError::Code::ServerError, QString::fromUtf8(text));
    return RedisReply(data);
}

RedisReply RedisReply::failure(const RedisError &error)
{
    auto *data = new RedisReplyData;
    data->type = Type::Error;
    data->bytes = error.message().toUtf8();
    data->error = error;
    return RedisReply(data);
}

RedisReply::Type RedisReply::type() const
{
    return d->type;
}
bool RedisReply::isOk() const
{
    return d->type == Type::Status && d->bytes == "OK";
}
QByteArray RedisReply::data() const
{
    return d->bytes;
}
qint64 RedisReply::toInteger() const
{
    return d->type == Type::Integer ? d->integer : 0;
}
QList<RedisReply> RedisReply::elements() const
{
    return d->elements;
}
qsizetype RedisReply::size() const
{
    return d->elements.size();
}

RedisReply RedisReply::at(qsizetype index) const
{
    return index >= 0 && index < d->elements.size() ? d->elements.at(index) : RedisReply();
}

RedisError RedisReply::error() const
{
    return d->error;
}

QString RedisReply::toDisplayString() const
{
    switch (d->type) {
    case Type::Nil:
        return QStringLiteral("(nil)");
    case Type::Status:
        return QString::fromUtf8(d->bytes);
    case Type::Error:
        return QStringLiteral("(error) ") + QString::fromUtf8(d->bytes);
    case Type::Integer:
        return QStringLiteral("(integer) %1").arg(d->integer);
    case Type::String: {
        QString text = QString::fromUtf8(d->bytes.left(200));
        if (d->bytes.size() > 200)
            text += QStringLiteral("... (%1 bytes)").arg(d->bytes.size());
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    case Type::Array:
        return QStringLiteral("[%1 elements]").arg(d->elements.size());
    }
    return {};
}

bool operator==(const RedisReply &a, const RedisReply &b)
{
    if (a.d == b.d)
        return true;
    return a.d->type == b.d->type && a.d->integer == b.d->integer && a.d->bytes == b.d->bytes
        && a.d->elements == b.d->elements && a.d->error.code() == b.d->error.code();
}

} // namespace RediStore
