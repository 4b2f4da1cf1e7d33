#include "sessionadmin.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QHash>
#include <QtCore/QPromise>

namespace RediStore {

namespace {

// A promise that lambdas can share; the future always finishes once.
template<typename T> class Completer
{
public:
    Completer()
        : m_promise(std::make_shared<QPromise<T>>())
    {
        m_promise->start();
    }
    QFuture<T> future() const { return m_promise->future(); }
    void finish(const T &value) const
    {
        m_promise->addResult(value);
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<T>> m_promise;
};

// SCAN's MATCH is a glob: the prefix must match itself only.
QByteArray globEscape(const QByteArray &text)
{
    QByteArray escaped;
    for (const char c : text) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

} // namespace

class SessionAdminPrivate
{
public:
    SessionError readOnlyError() const
    {
        return SessionError(SessionError::Code::ReadOnly,
                            QStringLiteral("read-only mode: nothing is written to Redis"));
    }
    // Decodes stored bytes with the configured serializer, or by trying each one in turn.
    void decode(SessionContent &content);
    void loadContent(const QString &id, std::function<void(const SessionContent &)> callback);
    void writeValues(const QString &id, const QVariantMap &values, const QString &serializerName,
                     std::function<void(const SessionError &)> callback);
    std::shared_ptr<const SessionSerializer> serializerFor(const QString &id,
                                                           const QString &name) const;

    SessionAdmin *q = nullptr;
    RedisPool *pool = nullptr;
    QString keyPrefix;
    std::shared_ptr<const SessionSerializer> serializer;
    bool readOnly = false;
    QHash<QString, QString> lastSerializer; // id -> serializer that last read it (auto mode)
};

void SessionAdminPrivate::decode(SessionContent &content)
{
    if (serializer) {
        auto values = serializer->deserialize(content.raw);
        if (values.ok()) {
            content.values = std::move(values).value();
            content.serializer = serializer->name();
        } else {
            content.error
                = SessionError(SessionError::Code::CorruptData,
                               QStringLiteral("session %1 does not decode with %2: %3")
                                   .arg(content.id, serializer->name(), values.error().message()));
        }
        return;
    }
    auto detected = SessionSerializer::detect(content.raw);
    if (!detected.ok()) {
        content.error = SessionError(SessionError::Code::UnknownSerializer,
                                     QStringLiteral("session %1 decodes with no serializer: %2")
                                         .arg(content.id, detected.error().message()));
        return;
    }
    content.values = std::move(detected.value().values);
    content.serializer = detected.value().serializer->name();
    // Remembered for write() in auto mode; bounded, so a scan of millions stays small.
    if (lastSerializer.size() >= 4096)
        lastSerializer.clear();
    lastSerializer.insert(content.id, content.serializer);
}

std::shared_ptr<const SessionSerializer>
SessionAdminPrivate::serializerFor(const QString &id, const QString &name) const
{
    if (!name.isEmpty())
        return SessionSerializer::byName(name);
    if (serializer)
        return serializer;
    return SessionSerializer::byName(lastSerializer.value(id, QStringLiteral("datastream")));
}

SessionAdmin::SessionAdmin(const RedisConfig &config, const QString &keyPrefix,
                           std::shared_ptr<const SessionSerializer> serializer, QObject *parent)
    : SessionAdmin(nullptr, keyPrefix, std::move(serializer), parent)
{
    d->pool = new RedisPool(config, this);
    d->pool->setMaxConnections(2);
}

SessionAdmin::SessionAdmin(RedisPool *pool, const QString &keyPrefix,
                           std::shared_ptr<const SessionSerializer> serializer, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionAdminPrivate>())
{
    d->q = this;
    d->pool = pool;
    d->keyPrefix = keyPrefix;
    d->serializer = std::move(serializer);
}

SessionAdmin::~SessionAdmin() = default;

RedisPool *SessionAdmin::pool() const
{
    return d->pool;
}
QString SessionAdmin::keyPrefix() const
{
    return d->keyPrefix;
}
std::shared_ptr<const SessionSerializer> SessionAdmin::serializer() const
{
    return d->serializer;
}
bool SessionAdmin::isReadOnly() const
{
    return d->readOnly;
}
void SessionAdmin::setReadOnly(bool readOnly)
{
    d->readOnly = readOnly;
}

QByteArray SessionAdmin::keyFor(const QString &id) const
{
    return d->keyPrefix.toUtf8() + id.toUtf8();
}

QString SessionAdmin::idFromKey(const QByteArray &key) const
{
    const QByteArray prefix = d->keyPrefix.toUtf8();
    return QString::fromUtf8(key.startsWith(prefix) ? key.mid(prefix.size()) : key);
}

QFuture<SessionPage> SessionAdmin::scan(const QByteArray &cursor, int countHint)
{
    Completer<SessionPage> done;
    const QByteArray pattern = globEscape(d->keyPrefix.toUtf8()) + '*';
    d->pool->execute(
        { "SCAN", cursor.isEmpty() ? QByteArray("0") : cursor, "MATCH", pattern, "COUNT",
          QByteArray::number(qMax(1, countHint)) },
        this, [this, done](const RedisReply &reply) {
            SessionPage page;
            if (reply.isError() || reply.size() != 2) {
                page.error = SessionError::fromRedis(
                    reply.isError()
                        ? reply.error()
                        : RedisError(RedisError::Code::UnexpectedReply, reply.toDisplayString()),
                    QStringLiteral("SCAN"));
                done.finish(page);
                return;
            }
            page.nextCursor = reply.at(0).data();
            page.finished = page.nextCursor == "0";
            const QList<RedisReply> keys = reply.at(1).elements();
            if (keys.isEmpty()) {
                done.finish(page);
                return;
            }
            // TTL and size of every key, pipelined on one connection.
            RedisClient *client = d->pool->acquire();
            auto state = std::make_shared<SessionPage>(page);
            auto remaining = std::make_shared<int>(int(keys.size()) * 2);
            for (const RedisReply &key : keys) {
                SessionInfo info;
                info.key = key.data();
                info.id = idFromKey(info.key);
                state->sessions.append(info);
            }
            for (qsizetype i = 0; i < keys.size(); ++i) {
                const QByteArray key = keys.at(i).data();
                auto finishOne = [state, remaining, done]() {
                    if (--*remaining == 0)
                        done.finish(*state);
                };
                client->execute({ "PTTL", key }, this, [state, i, finishOne](const RedisReply &r) {
                    state->sessions[i].ttlMs = r.isInteger() ? r.toInteger() : -2;
                    finishOne();
                });
                client->execute(
                    { "STRLEN", key }, this, [state, i, finishOne](const RedisReply &r) {
                        state->sessions[i].size = r.toInteger();
                        if (r.isError() && !state->error.isError()) {
                            state->error
                                = SessionError::fromRedis(r.error(), QStringLiteral("STRLEN"));
                        }
                        finishOne();
                    });
            }
        });
    return done.future();
}

QFuture<SessionCount> SessionAdmin::count()
{
    Completer<SessionCount> done;
    auto total = std::make_shared<qint64>(0);
    auto step = std::make_shared<std::function<void(const QByteArray &)>>();
    const QByteArray pattern = globEscape(d->keyPrefix.toUtf8()) + '*';
    *step = [this, done, total, step, pattern](const QByteArray &cursor) {
        d->pool->execute(
            { "SCAN", cursor, "MATCH", pattern, "COUNT", "1000" }, this,
            [done, total, step](const RedisReply &reply) {
                if (reply.isError() || reply.size() != 2) {
                    done.finish(
                        { *total, SessionError::fromRedis(reply.error(), QStringLiteral("SCAN")) });
                    *step = nullptr; // break the cycle
                    return;
                }
                *total += reply.at(1).size();
                const QByteArray next = reply.at(0).data();
                if (next == "0") {
                    done.finish({ *total, {} });
                    *step = nullptr;
                    return;
                }
                (*step)(next);
            });
    };
    (*step)("0");
    return done.future();
}

void SessionAdminPrivate::loadContent(const QString &id,
                                      std::function<void(const SessionContent &)> callback)
{
    RedisClient *client = pool->acquire();
    const QByteArray key = q->keyFor(id);
    auto content = std::make_shared<SessionContent>();
    content->id = id;
    // Both on one connection, so the GET reply comes after the PTTL reply.
    client->execute({ "PTTL", key }, q,
                    [content](const RedisReply &reply) { content->ttlMs = reply.toInteger(); });
    client->execute({ "GET", key }, q,
                    [this, content, callback = std::move(callback)](const RedisReply &reply) {
                        if (reply.isError()) {
                            content->error
                                = SessionError::fromRedis(reply.error(), QStringLiteral("GET"));
                        } else if (reply.isNil()) {
                            content->ttlMs = -2;
                            content->error = SessionError(
                                SessionError::Code::SessionGone,
                                QStringLiteral("session %1 does not exist (expired or "
                                               "deleted)")
                                    .arg(content->id));
                        } else {
                            content->exists = true;
                            content->raw = reply.data();
                            decode(*content);
                        }
                        callback(*content);
                    });
}

QFuture<SessionContent> SessionAdmin::load(const QString &id)
{
    Completer<SessionContent> done;
    d->loadContent(id, [done](const SessionContent &content) { done.finish(content); });
    return done.future();
}

void SessionAdminPrivate::writeValues(const QString &id, const QVariantMap &values,
                                      const QString &serializerName,
                                      std::function<void(const SessionError &)> callback)
{
    if (readOnly) {
        callback(readOnlyError());
        return;
    }
    const auto chosen = serializerFor(id, serializerName);
    if (!chosen) {
        callback(SessionError(SessionError::Code::UnknownSerializer,
                              QStringLiteral("unknown serializer '%1'").arg(serializerName)));
        return;
    }
    auto bytes = chosen->serialize(values);
    if (!bytes.ok()) {
        callback(SessionError(SessionError::Code::SerializeFailed,
                              QStringLiteral("cannot serialize with %1: %2")
                                  .arg(chosen->name(), bytes.error().message())));
        return;
    }
    // XX: never re-create a session that expired meanwhile; KEEPTTL: keep its expiry.
    pool->execute({ "SET", q->keyFor(id), bytes.value(), "XX", "KEEPTTL" }, q,
                  [id, callback = std::move(callback)](const RedisReply &reply) {
                      if (reply.isError()) {
                          callback(SessionError::fromRedis(reply.error(), QStringLiteral("SET")));
                      } else if (reply.isNil()) {
                          callback(SessionError(SessionError::Code::SessionGone,
                                                QStringLiteral("session %1 no longer exists; "
                                                               "not re-created")
                                                    .arg(id)));
                      } else {
                          callback(SessionError());
                      }
                  });
}

QFuture<SessionError> SessionAdmin::write(const QString &id, const QVariantMap &values,
                                          const QString &serializerName)
{
    Completer<SessionError> done;
    d->writeValues(id, values, serializerName,
                   [done](const SessionError &error) { done.finish(error); });
    return done.future();
}

QFuture<SessionError> SessionAdmin::setValue(const QString &id, const QString &key,
                                             const QVariant &value)
{
    Completer<SessionError> done;
    if (d->readOnly) {
        done.finish(d->readOnlyError());
        return done.future();
    }
    d->loadContent(id, [this, id, key, value, done](const SessionContent &content) {
        if (content.error.isError()) {
            done.finish(content.error);
            return;
        }
        QVariantMap values = content.values;
        values.insert(key, value);
        d->writeValues(id, values, content.serializer,
                       [done](const SessionError &error) { done.finish(error); });
    });
    return done.future();
}

QFuture<SessionError> SessionAdmin::expire(const QString &id, qint64 seconds)
{
    Completer<SessionError> done;
    if (d->readOnly) {
        done.finish(d->readOnlyError());
        return done.future();
    }
    d->pool->execute(
        { "EXPIRE", keyFor(id), QByteArray::number(seconds) }, this,
        [id, done](const RedisReply &reply) {
            if (reply.isError()) {
                done.finish(SessionError::fromRedis(reply.error(), QStringLiteral("EXPIRE")));
            } else if (reply.toInteger() == 0) {
                done.finish(SessionError(SessionError::Code::SessionGone,
                                         QStringLiteral("session %1 does not exist").arg(id)));
            } else {
                done.finish(SessionError());
            }
        });
    return done.future();
}

QFuture<SessionError> SessionAdmin::persist(const QString &id)
{
    Completer<SessionError> done;
    if (d->readOnly) {
        done.finish(d->readOnlyError());
        return done.future();
    }
    // PERSIST answers 0 both for a missing key and for one without TTL: EXISTS tells them apart.
    RedisClient *client = d->pool->acquire();
    auto exists = std::make_shared<bool>(false);
    client->execute({ "EXISTS", keyFor(id) }, this,
                    [exists](const RedisReply &reply) { *exists = reply.toInteger() == 1; });
    client->execute({ "PERSIST", keyFor(id) }, this, [id, exists, done](const RedisReply &reply) {
        if (reply.isError())
            done.finish(SessionError::fromRedis(reply.error(), QStringLiteral("PERSIST")));
        else if (!*exists)
            done.finish(SessionError(SessionError::Code::SessionGone,
                                     QStringLiteral("session %1 does not exist").arg(id)));
        else
            done.finish(SessionError());
    });
    return done.future();
}

QFuture<SessionDeletion> SessionAdmin::remove(const QStringList &ids)
{
    Completer<SessionDeletion> done;
    if (d->readOnly) {
        done.finish({ 0, d->readOnlyError() });
        return done.future();
    }
    if (ids.isEmpty()) {
        done.finish({ 0, {} });
        return done.future();
    }
    QByteArrayList args = { "DEL" };
    for (const QString &id : ids)
        args << keyFor(id);
    d->pool->execute(args, this, [done](const RedisReply &reply) {
        if (reply.isError())
            done.finish({ 0, SessionError::fromRedis(reply.error(), QStringLiteral("DEL")) });
        else
            done.finish({ reply.toInteger(), {} });
    });
    return done.future();
}

} // namespace RediStore
