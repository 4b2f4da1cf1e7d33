#include "savejob_p.h"

#include "luascript_p.h"
#include "session_p.h"
#include "userindex_p.h"

#include <libredistore/codec/cookieheader.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QDateTime>
#include <QtCore/QPointer>

namespace RediStore {

namespace {

// KEYS[1] the session; ARGV: the bytes this request loaded, the new bytes, the TTL. 1: written;
// 0: the key is gone (nothing written); a string: the bytes stored now (conflict). Comparing the
// bytes themselves costs Redis less than hashing them (sha1hex), and the client nothing.
const LuaScript &compareAndSetScript()
{
    static const LuaScript script(
        QByteArrayLiteral("local stored = redis.call('GET', KEYS[1])\n"
                          "if not stored then return 0 end\n"
                          "if stored ~= ARGV[1] then return stored end\n"
                          "redis.call('SETEX', KEYS[1], ARGV[3], ARGV[2])\n"
                          "return 1\n"));
    return script;
}

// KEYS[1] the session's old key (after a new ID); ARGV: the bytes this request loaded. 1: deleted;
// 0: already gone; a string: the bytes stored now (another request changed it meanwhile).
const LuaScript &compareAndDeleteScript()
{
    static const LuaScript script(QByteArrayLiteral("local stored = redis.call('GET', KEYS[1])\n"
                                                    "if not stored then return 0 end\n"
                                                    "if stored ~= ARGV[1] then return stored end\n"
                                                    "redis.call('DEL', KEYS[1])\n"
                                                    "return 1\n"));
    return script;
}

// Both requests changed the session: theirs as stored now, with the keys this request set or
// removed as it left them.
QVariantMap merged(QVariantMap theirs, const QVariantMap &ours, const QSet<QString> &touched)
{
    for (const QString &key : touched) {
        const auto it = ours.constFind(key);
        if (it != ours.cend())
            theirs.insert(key, it.value());
        else
            theirs.remove(key);
    }
    return theirs;
}

} // namespace

SaveJob::SaveJob(RedisStorePrivate *store, Session session, SessionStore::UpdateFunction change,
                 std::shared_ptr<PendingWrite> write, QByteArray queueKey)
    : d(store)
    , m_session(std::move(session))
    , m_change(std::move(change))
    , m_write(std::move(write))
    , m_queueKey(std::move(queueKey))
{ }

void SaveJob::run()
{
    m_inCall = true;
    SessionData *data = SessionStoreAccess::data(m_session);
    m_previousId = data->id;
    if (m_change) {
        m_base = data->values;
        m_baseTouched = data->touched;
        m_baseStored = data->storedBytes;
        m_baseModified = data->modified;
        m_change(m_session);
    }
    attempt();
    m_inCall = false;
}

std::optional<QByteArray> SaveJob::serialized()
{
    const SessionData *data = SessionStoreAccess::data(m_session);
    auto bytes = d->serializer->serialize(data->values);
    if (!bytes.ok()) {
        fail(SessionError(SessionError::Code::SerializeFailed,
                          QStringLiteral("cannot serialize the session with %1: %2")
                              .arg(d->serializer->name(), bytes.error().message())));
        return std::nullopt;
    }
    const qsizetype maxLength = d->settings.maxLength;
    if (maxLength > 0 && bytes.value().size() > maxLength) {
        fail(SessionError(SessionError::Code::ValueTooLarge,
                          QStringLiteral("the session is %1 bytes, more than the limit of %2 "
                                         "(withMaxLength); nothing was written")
                              .arg(bytes.value().size())
                              .arg(maxLength)));
        return std::nullopt;
    }
    return std::move(bytes).value();
}

void SaveJob::attempt()
{
    ++m_attempts;
    SessionData *data = SessionStoreAccess::data(m_session);
    m_now = d->codec.now();
    if (data->options.maxAge() < 0) {
        // A change that logs out (MaxAge < 0): the session goes, in this job's turn.
        auto self = shared_from_this();
        d->destroyNow(m_session, [self](const SessionSaveResult &result) { self->done(result); });
        return;
    }
    if (d->settings.lazySave && !data->isNew && !data->modified && data->cookieTimestamp > 0
        && m_now - data->cookieTimestamp < d->settings.refreshThreshold) {
        done({}); // unchanged, and its TTL was refreshed recently
        return;
    }
    const bool fresh = data->id.isEmpty() || data->isNew;
    if (fresh && data->values.isEmpty()) {
        // A visitor's session that holds nothing: no key in Redis, no cookie (anonymous
        // traffic cannot fill Redis with empty sessions).
        done({});
        return;
    }
    const std::optional<QByteArray> bytes = serialized();
    if (!bytes)
        return;
    m_id = fresh || data->regenerate ? RedisStore::generateId() : data->id;
    m_key = d->keyOf(*data, m_id);
    const auto cookie = d->codec.encode(data->name, QVariant(m_id));
    if (!cookie.ok()) {
        fail(SessionError::fromCodec(SessionError::Code::SerializeFailed, cookie.error(),
                                     QStringLiteral("session cookie")));
        return;
    }
    m_cookie = cookie.value();
    const QByteArray ttl = d->ttlText(d->ttlOf(*data));
    if (d->settings.concurrency == SessionConcurrency::LastWriteWins)
        writeLastWins(*bytes, ttl);
    else if (fresh)
        writeNew(*bytes, ttl);
    else if (data->regenerate)
        writeRegenerated(*bytes, ttl);
    else
        writeLoaded(*bytes, ttl);
}

void SaveJob::writeNew(const QByteArray &bytes, const QByteArray &ttl)
{
    auto self = shared_from_this();
    createKey(bytes, ttl, "saving a new session",
              [self, bytes]() { self->written(self->m_id, self->m_key, bytes); });
}

void SaveJob::createKey(const QByteArray &bytes, const QByteArray &ttl, const char *what,
                        std::function<void()> created)
{
    auto self = shared_from_this();
    d->pool->execute({ QByteArrayLiteral("SET"), m_key, bytes, QByteArrayLiteral("EX"), ttl,
                       QByteArrayLiteral("NX") },
                     d->q, [self, what, created = std::move(created)](const RedisReply &reply) {
                         if (self->failedOn(reply, what))
                             return;
                         if (!reply.isNil()) {
                             created();
                             return;
                         }
                         // 256 random bits met a live ID: draw again.
                         if (self->m_attempts < self->d->settings.maxAttempts)
                             self->attempt();
                         else
                             self->fail(SessionError(SessionError::Code::Conflict,
                                                     QStringLiteral("no free session ID")));
                     });
}

void SaveJob::writeRegenerated(const QByteArray &bytes, const QByteArray &ttl)
{
    // The new key first, so that the session is never missing. A session its user already had
    // moves in the user's index from the old ID to the new one, in one step on the index that
    // fails once revokeUser has taken it; then the old key goes, if it still holds what this
    // request loaded (else the other request's changes are merged in and the new key rewritten).
    auto self = shared_from_this();
    createKey(bytes, ttl, "saving a session under its new ID", [self, bytes, ttl]() {
        SessionData *data = SessionStoreAccess::data(self->m_session);
        const QString user = self->d->userOf(*data);
        if (data->indexedUser.isEmpty() || data->indexedUser != user) {
            self->retireOldKey(bytes, ttl);
            return;
        }
        const qint64 expiresAt
            = QDateTime::currentMSecsSinceEpoch() + self->d->ttlFor(data->options) * 1000;
        UserIndex::move(self->d->pool, self->d->keyPrefix, user, self->m_previousId, self->m_id,
                        expiresAt, self->d->q,
                        [self, bytes, ttl](bool moved, const SessionError &error) {
                            if (error.isError()) {
                                self->discardNewKey();
                                self->fail(error);
                            } else if (!moved) {
                                self->discardNewKey(); // revoked or logged out meanwhile
                                self->gone();
                            } else {
                                self->m_movedInIndex = true;
                                self->retireOldKey(bytes, ttl);
                            }
                        });
    });
}

void SaveJob::retireOldKey(const QByteArray &bytes, const QByteArray &ttl)
{
    auto self = shared_from_this();
    SessionData *data = SessionStoreAccess::data(m_session);
    const QByteArray oldKey = d->keyOf(*data, m_previousId);
    compareAndDeleteScript().run(
        d->pool, oldKey, { data->storedBytes }, d->q, [self, bytes, ttl](const RedisReply &reply) {
            if (reply.isError()) {
                self->discardNewKey();
                self->failedOn(reply, "removing a session's old ID");
                return;
            }
            if (reply.isString()) {
                // Changed by another request since this one loaded it: merged into the new key.
                ++self->m_attempts;
                if (!self->absorb(reply.data())) {
                    self->discardNewKey();
                    return;
                }
                const std::optional<QByteArray> merged = self->serialized();
                if (!merged) {
                    self->discardNewKey();
                    return;
                }
                self->d->pool->execute(
                    { QByteArrayLiteral("SET"), self->m_key, *merged, QByteArrayLiteral("EX"), ttl,
                      QByteArrayLiteral("XX") },
                    self->d->q, [self, merged, ttl](const RedisReply &rewritten) {
                        if (self->failedOn(rewritten, "saving a session under its new ID"))
                            return;
                        if (rewritten.isNil()) // the new key is gone too (revoked)
                            self->gone();
                        else
                            self->retireOldKey(*merged, ttl);
                    });
                return;
            }
            if (reply.toInteger() == 0) {
                self->discardNewKey(); // logged out or revoked meanwhile
                self->gone();
                return;
            }
            self->written(self->m_id, self->m_key, bytes);
        });
}

void SaveJob::discardNewKey()
{
    d->pool->execute({ QByteArrayLiteral("DEL"), m_key }, d->q, [](const RedisReply &) {});
    const SessionData *data = SessionStoreAccess::data(m_session);
    if (m_movedInIndex) {
        UserIndex::remove(d->pool, d->keyPrefix, data->indexedUser, m_id, d->q,
                          [](const SessionError &) {});
    }
}

void SaveJob::writeLoaded(const QByteArray &bytes, const QByteArray &ttl)
{
    auto self = shared_from_this();
    SessionData *data = SessionStoreAccess::data(m_session);
    if (!data->modified) {
        // Unchanged: only the TTL moves (and EXPIRE never creates a key).
        d->pool->execute(
            { QByteArrayLiteral("EXPIRE"), m_key, ttl }, d->q, [self](const RedisReply &reply) {
                if (self->failedOn(reply, "refreshing a session"))
                    return;
                if (reply.toInteger() == 0)
                    self->gone();
                else
                    self->written(self->m_id, self->m_key,
                                  SessionStoreAccess::data(self->m_session)->storedBytes);
            });
        return;
    }
    compareAndSetScript().run(d->pool, m_key, { data->storedBytes, bytes, ttl }, d->q,
                              [self, bytes](const RedisReply &reply) {
                                  if (self->failedOn(reply, "saving a session"))
                                      return;
                                  if (reply.isString())
                                      self->conflict(reply.data());
                                  else if (reply.toInteger() == 0)
                                      self->gone();
                                  else
                                      self->written(self->m_id, self->m_key, bytes);
                              });
}

void SaveJob::writeLastWins(const QByteArray &bytes, const QByteArray &ttl)
{
    auto self = shared_from_this();
    auto onWritten = [self, bytes](const RedisReply &reply) {
        if (!self->failedOn(reply, "saving a session"))
            self->written(self->m_id, self->m_key, bytes);
    };
    SessionData *data = SessionStoreAccess::data(m_session);
    if (data->regenerate && !m_previousId.isEmpty() && !data->isNew
        && d->pool->topology() == RedisConfig::Topology::Cluster) {
        // The two keys live in different slots: the new one is written first, then the old one
        // goes, so that the session is never missing; the save is done (and the new cookie
        // given) only once the old ID opens nothing. Should that removal fail, the new key goes
        // too and the save fails, as the transaction does on one server.
        auto self = shared_from_this();
        const QByteArray previousKey = d->keyOf(*data, m_previousId);
        d->pool->execute({ QByteArrayLiteral("SETEX"), m_key, ttl, bytes }, d->q,
                         [self, previousKey, onWritten](const RedisReply &reply) {
                             if (reply.isError()) {
                                 onWritten(reply);
                                 return;
                             }
                             self->d->pool->execute(
                                 { QByteArrayLiteral("DEL"), previousKey }, self->d->q,
                                 [self, reply, onWritten](const RedisReply &deleted) {
                                     if (deleted.isError()) {
                                         self->discardNewKey();
                                         self->failedOn(deleted, "removing a session's old ID");
                                         return;
                                     }
                                     onWritten(reply);
                                 });
                         });
    } else if (data->regenerate && !m_previousId.isEmpty() && !data->isNew) {
        // The new key and the removal of the old one in one transaction.
        d->pool->transaction({ { QByteArrayLiteral("SETEX"), m_key, ttl, bytes },
                               { QByteArrayLiteral("DEL"), d->keyOf(*data, m_previousId) } },
                             d->q, std::move(onWritten));
    } else {
        d->pool->execute({ QByteArrayLiteral("SETEX"), m_key, ttl, bytes }, d->q,
                         std::move(onWritten));
    }
}

void SaveJob::conflict(const QByteArray &stored)
{
    if (absorb(stored))
        attempt();
}

bool SaveJob::absorb(const QByteArray &stored)
{
    if (m_attempts >= d->settings.maxAttempts) {
        fail(SessionError(SessionError::Code::Conflict,
                          QStringLiteral("session %1 changed under each of %2 writes; nothing "
                                         "was written")
                              .arg(m_id)
                              .arg(m_attempts)));
        return false;
    }
    auto theirs = d->decodeStored(m_id, stored);
    if (!theirs.ok()) {
        fail(SessionError(theirs.error().code(),
                          QStringLiteral("another writer changed the session: %1; nothing was "
                                         "written")
                              .arg(theirs.error().message())));
        return false;
    }
    SessionData *data = SessionStoreAccess::data(m_session);
    data->storedBytes = stored;
    if (m_change) {
        // Read-modify-write: the change runs again on the fresh values.
        data->values = merged(std::move(theirs).value(), m_base, m_baseTouched);
        data->touched = m_baseTouched;
        m_change(m_session);
        data->modified = true;
    } else {
        data->values = merged(std::move(theirs).value(), data->values, data->touched);
    }
    return true;
}

void SaveJob::written(const QString &id, const QByteArray &key, const QByteArray &bytes)
{
    SessionData *data = SessionStoreAccess::data(m_session);
    data->id = id;
    data->key = key;
    data->keyPrefix = d->keyPrefix;
    data->isNew = false;
    data->modified = false;
    data->regenerate = false;
    data->cookieTimestamp = m_now;
    data->storedBytes = bytes;
    data->touched.clear();
    const QByteArray setCookie
        = CookieHeader::setCookie(data->name, m_cookie, d->cookieOptionsOf(*data), m_now);

    // The per-user index follows: out of the old user's (or the old ID's) entry, into the new.
    const QString user = d->userOf(*data);
    const QString oldUser = data->indexedUser;
    data->indexedUser = user;
    const bool leave
        = !oldUser.isEmpty() && !m_previousId.isEmpty() && (oldUser != user || m_previousId != id);
    if (user.isEmpty() && !leave) {
        done({ {}, setCookie });
        return;
    }
    auto self = shared_from_this();
    auto pending = std::make_shared<int>((user.isEmpty() ? 0 : 1) + (leave ? 1 : 0));
    auto step = [self, pending, setCookie](const SessionError &error) {
        if (error.isError()) // the session is saved: its cookie must reach the client
            self->d->warnIndexFailure(error);
        if (--*pending == 0)
            self->done({ {}, setCookie });
    };
    if (leave)
        UserIndex::remove(d->pool, d->keyPrefix, oldUser, m_previousId, d->q, step);
    if (!user.isEmpty()) {
        const qint64 expiresAt
            = QDateTime::currentMSecsSinceEpoch() + d->ttlFor(data->options) * 1000;
        UserIndex::add(d->pool, d->keyPrefix, user, id, expiresAt, d->q, step);
    }
}

void SaveJob::gone()
{
    // A new visitor's session from now on: nothing of the old one may come back.
    SessionData *data = SessionStoreAccess::data(m_session);
    const QString oldId = m_previousId.isEmpty() ? data->id : m_previousId;
    if (!data->indexedUser.isEmpty() && !oldId.isEmpty()) {
        UserIndex::remove(d->pool, d->keyPrefix, data->indexedUser, oldId, d->q,
                          [](const SessionError &) {});
    }
    data->id.clear();
    data->key.clear();
    data->isNew = true;
    data->modified = false;
    data->regenerate = false;
    data->cookieTimestamp = 0;
    data->values.clear();
    data->touched.clear();
    data->storedBytes.clear();
    data->indexedUser.clear();
    // No cookie: the browser's one names nothing now, and an expired one could arrive after, and
    // delete, the cookie of a login that regenerated the ID in a parallel request.
    done({ SessionError(SessionError::Code::SessionGone,
                        QStringLiteral("session %1 is gone (logged out, revoked or expired) and "
                                       "was not re-created")
                            .arg(oldId)),
           {} });
}

void SaveJob::fail(const SessionError &error)
{
    if (m_change) {
        // A failed update leaves the session as it was before its change ran, so that a retry
        // does not apply the change twice.
        SessionData *data = SessionStoreAccess::data(m_session);
        data->values = m_base;
        data->touched = m_baseTouched;
        data->storedBytes = m_baseStored;
        data->modified = m_baseModified;
    }
    done({ error, {} });
}

bool SaveJob::failedOn(const RedisReply &reply, const char *what)
{
    if (!reply.isError())
        return false;
    fail(SessionError::fromRedis(reply.error(), QString::fromLatin1(what)));
    return true;
}

void SaveJob::done(const SessionSaveResult &result)
{
    const QPointer<RedisStore> alive(d->q);
    const QByteArray key = std::exchange(m_queueKey, QByteArray());
    d->finish(m_write, result, m_inCall);
    if (alive && !key.isEmpty()) // the callback may have deleted the store
        d->next(key);
}

} // namespace RediStore
