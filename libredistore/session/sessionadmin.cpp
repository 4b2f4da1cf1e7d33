#include "sessionadmin.h"
#include "sessionadmin_p.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>

#include <algorithm>

namespace RediStore {

QByteArray globEscape(const QByteArray &text)
{
    QByteArray escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

SessionError adminDeletedError()
{
    return SessionError::fromRedis(
        RedisError(RedisError::Code::ClientDestroyed,
                   QStringLiteral("the session admin was deleted before Redis answered")),
        QString());
}

namespace {

SessionError poolGoneError()
{
    return SessionError::fromRedis(
        RedisError(RedisError::Code::ClientDestroyed,
                   QStringLiteral("the Redis pool of the session admin was deleted")),
        QString());
}

// Ends a change of several IDs; for one ID, a missing session is the error SessionGone.
void finishChange(const std::shared_ptr<SessionCall<SessionChange>> &call, SessionChange change,
                  bool single)
{
    if (single && !change.error.isError() && !change.missing.isEmpty()) {
        change.error
            = SessionError(SessionError::Code::SessionGone,
                           QStringLiteral("session %1 does not exist").arg(change.missing.first()));
    }
    call->finish(change);
}

SessionError badArgument(const QString &message)
{
    return SessionError(SessionError::Code::InvalidOption, message);
}

} // namespace

// --- SessionAdminPrivate ---

void SessionAdminPrivate::track(const std::shared_ptr<SessionCallBase> &call)
{
    if (m_calls.size() >= m_pruneAt) {
        m_calls.erase(std::remove_if(m_calls.begin(), m_calls.end(),
                                     [](const std::weak_ptr<SessionCallBase> &weak) {
                                         const auto call = weak.lock();
                                         return !call || call->isFinished();
                                     }),
                      m_calls.end());
        m_pruneAt = m_calls.size() * 2 + 64;
    }
    m_calls.push_back(call);
}

void SessionAdminPrivate::execute(const QByteArrayList &args, ReplyHandler handler)
{
    if (!pool) {
        const RedisReply gone = RedisReply::failure(poolGoneError().redisError());
        QMetaObject::invokeMethod(
            q, [handler = std::move(handler), gone]() { handler(gone); }, Qt::QueuedConnection);
        return;
    }
    pool->execute(args, q, std::move(handler));
}

void SessionAdminPrivate::pipeline(const QList<QByteArrayList> &commands, RepliesHandler handler)
{
    struct Batch
    {
        QList<RedisReply> replies;
        qsizetype remaining = 0;
        RepliesHandler handler;
    };
    if (commands.isEmpty() || !pool) {
        QList<RedisReply> replies(commands.size(),
                                  RedisReply::failure(poolGoneError().redisError()));
        QMetaObject::invokeMethod(
            q, [handler = std::move(handler), replies]() { handler(replies); },
            Qt::QueuedConnection);
        return;
    }
    auto batch = std::make_shared<Batch>();
    batch->replies.resize(commands.size());
    batch->remaining = commands.size();
    batch->handler = std::move(handler);
    // One connection: the commands go out together and are not interleaved with others. In a
    // cluster, each goes to its key's master.
    RedisClient *client
        = pool->topology() == RedisConfig::Topology::Cluster ? nullptr : pool->acquire();
    for (qsizetype i = 0; i < commands.size(); ++i) {
        auto onReply = [batch, i](const RedisReply &reply) {
            batch->replies[i] = reply;
            if (--batch->remaining == 0)
                batch->handler(batch->replies);
        };
        if (client)
            client->execute(commands.at(i), q, std::move(onReply));
        else
            pool->execute(commands.at(i), q, std::move(onReply));
    }
}

void SessionAdminPrivate::scanNodes(const QByteArray &cursor, const QByteArrayList &options,
                                    ScanHandler handler)
{
    if (!pool || pool->topology() != RedisConfig::Topology::Cluster) {
        execute(QByteArrayList { "SCAN", cursor.isEmpty() ? QByteArray("0") : cursor } + options,
                [handler = std::move(handler)](const RedisReply &reply) {
                    handler(reply, false, nullptr);
                });
        return;
    }
    QPointer<RedisPool> cluster = pool;
    cluster->whenTopologyKnown(
        q, [this, cluster, cursor, options, handler = std::move(handler)](const RedisError &error) {
            if (!cluster || error.isError()) {
                handler(RedisReply::failure(error.isError() ? error : poolGoneError().redisError()),
                        false, nullptr);
                return;
            }
            const QList<RedisConfig> masters = cluster->masters();
            const int epoch = cluster->topologyEpoch();
            int node = 0;
            QByteArray nodeCursor = "0";
            bool restarted = false;
            if (!cursor.isEmpty() && cursor != "0") {
                const QList<QByteArray> parts = cursor.split('-');
                bool epochOk = false;
                bool nodeOk = false;
                const int cursorEpoch = parts.value(0).toInt(&epochOk);
                node = parts.value(1).toInt(&nodeOk);
                if (parts.size() != 3 || !epochOk || !nodeOk) {
                    handler(RedisReply::failure(RedisError(
                                RedisError::Code::InvalidCommand,
                                QStringLiteral("'%1' is not a scan cursor of this cluster")
                                    .arg(QString::fromLatin1(cursor)))),
                            false, nullptr);
                    return;
                }
                nodeCursor = parts.at(2);
                if (cursorEpoch != epoch || node < 0 || node >= masters.size()) {
                    restarted = true;
                    node = 0;
                    nodeCursor = "0";
                }
            }
            if (masters.isEmpty()) {
                handler(RedisReply::array({ RedisReply::string("0"), RedisReply::array({}) }),
                        restarted, nullptr);
                return;
            }
            const qsizetype count = masters.size();
            const RedisConfig master = masters.at(node);
            cluster->executeOn(
                master, QByteArrayList { "SCAN", nodeCursor } + options, q,
                [handler, epoch, node, count, restarted, master](const RedisReply &reply) {
                    if (reply.isError() || reply.size() != 2) {
                        handler(reply, restarted, &master);
                        return;
                    }
                    const QByteArray next = reply.at(0).data();
                    QByteArray ours = "0";
                    if (next != "0")
                        ours = QByteArray::number(epoch) + '-' + QByteArray::number(node) + '-'
                            + next;
                    else if (node + 1 < count)
                        ours
                            = QByteArray::number(epoch) + '-' + QByteArray::number(node + 1) + "-0";
                    handler(RedisReply::array({ RedisReply::string(ours), reply.at(1) }), restarted,
                            &master);
                });
        });
}

void SessionAdminPrivate::onEveryMaster(const QByteArrayList &args, RepliesHandler handler)
{
    if (!pool || pool->topology() != RedisConfig::Topology::Cluster) {
        execute(args,
                [handler = std::move(handler)](const RedisReply &reply) { handler({ reply }); });
        return;
    }
    QPointer<RedisPool> cluster = pool;
    cluster->whenTopologyKnown(
        q, [this, cluster, args, handler = std::move(handler)](const RedisError &error) {
            if (!cluster || error.isError()) {
                handler({ RedisReply::failure(error.isError() ? error
                                                              : poolGoneError().redisError()) });
                return;
            }
            struct Batch
            {
                QList<RedisReply> replies;
                qsizetype remaining = 0;
                RepliesHandler handler;
            };
            const QList<RedisConfig> masters = cluster->masters();
            auto batch = std::make_shared<Batch>();
            batch->replies.resize(masters.size());
            batch->remaining = masters.size();
            batch->handler = handler;
            if (masters.isEmpty()) {
                handler({});
                return;
            }
            for (qsizetype i = 0; i < masters.size(); ++i) {
                cluster->executeOn(masters.at(i), args, q, [batch, i](const RedisReply &reply) {
                    batch->replies[i] = reply;
                    if (--batch->remaining == 0)
                        batch->handler(batch->replies);
                });
            }
        });
}

SessionError SessionAdminPrivate::readOnlyError() const
{
    return SessionError(SessionError::Code::ReadOnly,
                        QStringLiteral("read-only mode: nothing is written to Redis"));
}

void SessionAdminPrivate::decode(SessionContent &content, bool remember)
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
    if (!remember)
        return;
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

void SessionAdminPrivate::loadContent(const QString &id,
                                      std::function<void(const SessionContent &)> done)
{
    const QByteArray key = q->keyFor(id);
    pipeline({ { "PTTL", key }, { "GET", key } },
             [this, id, done = std::move(done)](const QList<RedisReply> &replies) {
                 SessionContent content;
                 content.id = id;
                 content.ttlMs = replies.at(0).toInteger();
                 const RedisReply &value = replies.at(1);
                 if (value.isError()) {
                     content.error = SessionError::fromRedis(value.error(), QStringLiteral("GET"));
                 } else if (value.isNil()) {
                     content.ttlMs = -2;
                     content.error = SessionError(
                         SessionError::Code::SessionGone,
                         QStringLiteral("session %1 does not exist (expired or deleted)").arg(id));
                 } else {
                     content.exists = true;
                     content.raw = value.data();
                     decode(content, true);
                 }
                 done(content);
             });
}

void SessionAdminPrivate::writeValues(const QString &id, const QVariantMap &values,
                                      const QString &serializerName,
                                      std::function<void(const SessionChange &)> done)
{
    const auto chosen = serializerFor(id, serializerName);
    SessionChange refused;
    if (!chosen) {
        refused.error = SessionError(SessionError::Code::UnknownSerializer,
                                     QStringLiteral("unknown serializer '%1'").arg(serializerName));
        QMetaObject::invokeMethod(
            q, [done, refused]() { done(refused); }, Qt::QueuedConnection);
        return;
    }
    auto bytes = chosen->serialize(values);
    if (!bytes.ok()) {
        refused.error = SessionError(SessionError::Code::SerializeFailed,
                                     QStringLiteral("cannot serialize with %1: %2")
                                         .arg(chosen->name(), bytes.error().message()));
        QMetaObject::invokeMethod(
            q, [done, refused]() { done(refused); }, Qt::QueuedConnection);
        return;
    }
    // XX: never re-create a session that expired meanwhile; KEEPTTL: keep its expiry.
    execute({ "SET", q->keyFor(id), bytes.value(), "XX", "KEEPTTL" },
            [id, done = std::move(done)](const RedisReply &reply) {
                SessionChange change;
                if (reply.isError()) {
                    change.error = SessionError::fromRedis(reply.error(), QStringLiteral("SET"));
                } else if (reply.isNil()) {
                    change.missing = QStringList { id };
                    change.error = SessionError(
                        SessionError::Code::SessionGone,
                        QStringLiteral("session %1 no longer exists; not re-created").arg(id));
                } else {
                    change.affected = 1;
                }
                done(change);
            });
}

// --- SessionAdmin ---

SessionAdmin::SessionAdmin(const RedisConfig &config, const QString &keyPrefix,
                           std::shared_ptr<const SessionSerializer> serializer, QObject *parent)
    : SessionAdmin(nullptr, keyPrefix, std::move(serializer), parent)
{
    d->config = config;
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
    if (pool)
        d->config = pool->config();
    d->keyPrefix = keyPrefix;
    d->keyPrefixUtf8 = keyPrefix.toUtf8();
    d->serializer = std::move(serializer);
}

SessionAdmin::~SessionAdmin()
{
    // Replies that come later are dropped with this context: finish every call now.
    std::vector<std::weak_ptr<SessionCallBase>> calls;
    calls.swap(d->m_calls);
    const SessionError gone = adminDeletedError();
    for (const auto &weak : calls) {
        if (const auto call = weak.lock())
            call->abandon(gone);
    }
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
    return d->keyPrefixUtf8 + id.toUtf8();
}

QString SessionAdmin::idFromKey(const QByteArray &key) const
{
    return QString::fromUtf8(key.startsWith(d->keyPrefixUtf8) ? key.mid(d->keyPrefixUtf8.size())
                                                              : key);
}

QFuture<SessionContent> SessionAdmin::load(const QString &id)
{
    auto call = d->newCall<SessionContent>();
    d->loadContent(id, [call](const SessionContent &content) { call->finish(content); });
    return call->future();
}

QFuture<SessionContentList> SessionAdmin::loadMany(const QStringList &ids)
{
    return d->loadMany(ids, true, SessionAdminPrivate::Ttl::NotRead);
}

QFuture<SessionContentList> SessionAdmin::loadManyRaw(const QStringList &ids)
{
    return d->loadMany(ids, false, SessionAdminPrivate::Ttl::NotRead);
}

QFuture<SessionContentList> SessionAdminPrivate::loadMany(const QStringList &ids, bool decoded,
                                                          Ttl ttl)
{
    auto call = newCall<SessionContentList>();
    if (ids.isEmpty())
        return finishLater(call, SessionContentList());
    const qsizetype perId = ttl == Ttl::Read ? 2 : 1;
    QList<QByteArrayList> commands;
    commands.reserve(ids.size() * perId);
    for (const QString &id : ids) {
        const QByteArray key = q->keyFor(id);
        if (ttl == Ttl::Read)
            commands.append({ "PTTL", key });
        commands.append({ "GET", key });
    }
    pipeline(commands, [this, call, ids, decoded, perId](const QList<RedisReply> &replies) {
        SessionContentList list;
        list.sessions.reserve(ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            SessionContent content;
            content.id = ids.at(i);
            content.ttlMs = SessionContent::TtlNotRead;
            static const RedisReply notAsked;
            const RedisReply &ttl = perId == 2 ? replies.at(2 * i) : notAsked;
            const RedisReply &value = replies.at(perId * i + perId - 1);
            const RedisReply &failed = ttl.isError() ? ttl : value;
            if (failed.isError()) {
                content.error = SessionError::fromRedis(
                    failed.error(), QLatin1String(ttl.isError() ? "PTTL" : "GET"));
                // A refused key (WRONGTYPE) is its own; a lost connection fails the call.
                if (!list.error.isError() && failed.error().code() != RedisError::Code::ServerError)
                    list.error = content.error;
            } else if (value.isNil() || (perId == 2 && ttl.toInteger() == -2)) {
                content.ttlMs = -2;
                content.error
                    = SessionError(SessionError::Code::SessionGone,
                                   QStringLiteral("session %1 does not exist (expired or deleted)")
                                       .arg(ids.at(i)));
            } else {
                content.exists = true;
                if (perId == 2)
                    content.ttlMs = ttl.toInteger();
                content.raw = value.data();
                if (decoded)
                    decode(content, false);
            }
            list.sessions.append(content);
        }
        call->finish(list);
    });
    return call->future();
}

QFuture<SessionChange> SessionAdmin::write(const QString &id, const QVariantMap &values,
                                           const QString &serializerName)
{
    if (d->readOnly)
        return d->refuse<SessionChange>(d->readOnlyError());
    auto call = d->newCall<SessionChange>();
    d->writeValues(id, values, serializerName,
                   [call](const SessionChange &change) { call->finish(change); });
    return call->future();
}

QFuture<SessionChange> SessionAdmin::setValue(const QString &id, const QString &key,
                                              const QVariant &value)
{
    if (d->readOnly)
        return d->refuse<SessionChange>(d->readOnlyError());
    auto call = d->newCall<SessionChange>();
    d->loadContent(id, [this, call, id, key, value](const SessionContent &content) {
        if (content.error.isError()) {
            SessionChange change;
            change.error = content.error;
            if (content.error.code() == SessionError::Code::SessionGone)
                change.missing = QStringList { id };
            call->finish(change);
            return;
        }
        QVariantMap values = content.values;
        values.insert(key, value);
        d->writeValues(id, values, content.serializer,
                       [call](const SessionChange &change) { call->finish(change); });
    });
    return call->future();
}

void SessionAdminPrivate::expireKeys(const QStringList &ids, const QByteArrayList &command,
                                     bool single,
                                     const std::shared_ptr<SessionCall<SessionChange>> &call)
{
    QList<QByteArrayList> commands;
    commands.reserve(ids.size());
    for (const QString &id : ids) {
        QByteArrayList args = command;
        args.insert(1, q->keyFor(id));
        commands.append(args);
    }
    const QString name = QString::fromLatin1(command.first());
    pipeline(commands, [call, ids, single, name](const QList<RedisReply> &replies) {
        SessionChange change;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const RedisReply &reply = replies.at(i);
            if (reply.isError()) {
                if (!change.error.isError())
                    change.error = SessionError::fromRedis(reply.error(), name);
            } else if (reply.toInteger() == 1) {
                ++change.affected;
            } else {
                change.missing.append(ids.at(i));
            }
        }
        finishChange(call, change, single);
    });
}

QFuture<SessionChange> SessionAdmin::expire(const QStringList &ids, qint64 seconds)
{
    if (d->readOnly)
        return d->refuse<SessionChange>(d->readOnlyError());
    if (seconds < 0) {
        return d->refuse<SessionChange>(
            badArgument(QStringLiteral("expire: seconds must be 0 or more, not %1").arg(seconds)));
    }
    auto call = d->newCall<SessionChange>();
    if (ids.isEmpty())
        return d->finishLater(call, SessionChange());
    d->expireKeys(ids, { "EXPIRE", QByteArray::number(seconds) }, false, call);
    return call->future();
}

QFuture<SessionChange> SessionAdmin::expire(const QString &id, qint64 seconds)
{
    if (d->readOnly)
        return d->refuse<SessionChange>(d->readOnlyError());
    if (seconds < 0) {
        return d->refuse<SessionChange>(
            badArgument(QStringLiteral("expire: seconds must be 0 or more, not %1").arg(seconds)));
    }
    auto call = d->newCall<SessionChange>();
    d->expireKeys({ id }, { "EXPIRE", QByteArray::number(seconds) }, true, call);
    return call->future();
}

QFuture<SessionChange> SessionAdmin::expireAt(const QString &id, const QDateTime &when)
{
    if (d->readOnly)
        return d->refuse<SessionChange>(d->readOnlyError());
    if (!when.isValid()) {
        return d->refuse<SessionChange>(
            badArgument(QStringLiteral("expireAt: the point in time is not valid")));
    }
    auto call = d->newCall<SessionChange>();
    // PEXPIREAT with a time already past removes the session, as EXPIRE 0 does.
    d->expireKeys({ id },
                  { "PEXPIREAT", QByteArray::number(qMax(qint64(1), when.toMSecsSinceEpoch())) },
                  true, call);
    return call->future();
}

void SessionAdminPrivate::persistKeys(const QStringList &ids, bool single,
                                      const std::shared_ptr<SessionCall<SessionChange>> &call)
{
    // PERSIST answers 0 both for a missing key and for one without TTL: EXISTS tells them apart.
    QList<QByteArrayList> commands;
    commands.reserve(ids.size() * 2);
    for (const QString &id : ids) {
        const QByteArray key = q->keyFor(id);
        commands.append({ "EXISTS", key });
        commands.append({ "PERSIST", key });
    }
    pipeline(commands, [call, ids, single](const QList<RedisReply> &replies) {
        SessionChange change;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const RedisReply &exists = replies.at(2 * i);
            const RedisReply &persisted = replies.at(2 * i + 1);
            const RedisReply &failed = exists.isError() ? exists : persisted;
            if (failed.isError()) {
                if (!change.error.isError()) {
                    change.error = SessionError::fromRedis(
                        failed.error(), QLatin1String(exists.isError() ? "EXISTS" : "PERSIST"));
                }
            } else if (exists.toInteger() == 1) {
                ++change.affected;
            } else {
                change.missing.append(ids.at(i));
            }
        }
        finishChange(call, change, single);
    });
}

QFuture<SessionChange> SessionAdmin::persist(const QStringList &ids)
{
    if (d->readOnly)
        return d->refuse<SessionChange>(d->readOnlyError());
    auto call = d->newCall<SessionChange>();
    if (ids.isEmpty())
        return d->finishLater(call, SessionChange());
    d->persistKeys(ids, false, call);
    return call->future();
}

QFuture<SessionChange> SessionAdmin::persist(const QString &id)
{
    if (d->readOnly)
        return d->refuse<SessionChange>(d->readOnlyError());
    auto call = d->newCall<SessionChange>();
    d->persistKeys({ id }, true, call);
    return call->future();
}

QFuture<SessionDeletion> SessionAdmin::remove(const QStringList &ids)
{
    if (d->readOnly)
        return d->refuse<SessionDeletion>(d->readOnlyError());
    auto call = d->newCall<SessionDeletion>();
    if (ids.isEmpty())
        return d->finishLater(call, SessionDeletion());
    if (d->pool && d->pool->topology() == RedisConfig::Topology::Cluster) {
        // The keys live in different slots: one DEL each, routed to its master.
        QList<QByteArrayList> commands;
        for (const QString &id : ids)
            commands.append({ "DEL", keyFor(id) });
        d->pipeline(commands, [call](const QList<RedisReply> &replies) {
            SessionDeletion deletion;
            for (const RedisReply &reply : replies) {
                if (reply.isError() && !deletion.error.isError())
                    deletion.error = SessionError::fromRedis(reply.error(), QStringLiteral("DEL"));
                else
                    deletion.deleted += reply.toInteger();
            }
            call->finish(deletion);
        });
        return call->future();
    }
    QByteArrayList args = { "DEL" };
    for (const QString &id : ids)
        args << keyFor(id);
    d->execute(args, [call](const RedisReply &reply) {
        SessionDeletion deletion;
        if (reply.isError())
            deletion.error = SessionError::fromRedis(reply.error(), QStringLiteral("DEL"));
        else
            deletion.deleted = reply.toInteger();
        call->finish(deletion);
    });
    return call->future();
}

QFuture<UserSessions> SessionAdmin::sessionsOfUser(const QString &user)
{
    auto call = d->newCall<UserSessions>();
    SessionError refused = UserIndex::checkUser(user);
    if (!refused.isError() && !d->pool)
        refused = poolGoneError();
    if (refused.isError())
        return d->finishLater(call, UserSessions { user, {}, refused });
    UserIndex::sessionsOf(d->pool, d->keyPrefixUtf8, user,
                          d->readOnly ? UserIndex::Pruning::ReadOnly : UserIndex::Pruning::Prune,
                          this, [call](const UserSessions &found) { call->finish(found); });
    return call->future();
}

QFuture<UserRevocation> SessionAdmin::revokeUser(const QString &user)
{
    if (d->readOnly)
        return d->refuse<UserRevocation>(d->readOnlyError());
    auto call = d->newCall<UserRevocation>();
    SessionError refused = UserIndex::checkUser(user);
    if (!refused.isError() && !d->pool)
        refused = poolGoneError();
    if (refused.isError())
        return d->finishLater(call, UserRevocation { user, 0, refused });
    UserIndex::revoke(d->pool, d->keyPrefixUtf8, user, this,
                      [call](const UserRevocation &revoked) { call->finish(revoked); });
    return call->future();
}

} // namespace RediStore
