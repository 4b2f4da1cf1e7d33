// SessionAdmin: the server (PING, INFO, DBSIZE) and the listings (SCAN, count, probe).

#include "sessionadmin.h"
#include "sessionadmin_p.h"

#include "luascript_p.h"

#include <QtCore/QElapsedTimer>

namespace RediStore {

namespace {

bool isWrongType(const RedisReply &reply)
{
    return reply.isError() && reply.error().code() == RedisError::Code::ServerError
        && reply.error().message().startsWith(QLatin1String("WRONGTYPE"));
}

SessionError unexpected(const RedisReply &reply, const QString &command)
{
    return SessionError::fromRedis(
        reply.isError() ? reply.error()
                        : RedisError(RedisError::Code::UnexpectedReply, reply.toDisplayString()),
        command);
}

// The server's name and version from an INFO reply. Valkey reports the Redis version it is
// compatible with as redis_version, and its own as valkey_version.
void parseServerInfo(const QByteArray &info, SessionServerInfo *out)
{
    QString redis;
    QString valkey;
    const QList<QByteArray> lines = info.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("redis_version:"))
            redis = QString::fromLatin1(line.mid(14).trimmed());
        else if (line.startsWith("valkey_version:"))
            valkey = QString::fromLatin1(line.mid(15).trimmed());
    }
    if (!valkey.isEmpty()) {
        out->name = QStringLiteral("Valkey");
        out->version = valkey;
    } else if (!redis.isEmpty()) {
        out->name = QStringLiteral("Redis");
        out->version = redis;
    }
    if (!out->name.isEmpty())
        out->software = out->name + QLatin1Char(' ') + out->version;
}

} // namespace

QFuture<SessionPing> SessionAdmin::ping()
{
    auto call = d->newCall<SessionPing>();
    QElapsedTimer clock;
    clock.start();
    d->execute({ "PING" }, [call, clock](const RedisReply &reply) {
        SessionPing ping;
        if (reply.isError())
            ping.error = SessionError::fromRedis(reply.error(), QStringLiteral("PING"));
        else
            ping.roundTripMs = clock.elapsed();
        call->finish(ping);
    });
    return call->future();
}

QFuture<SessionServerInfo> SessionAdmin::serverInfo()
{
    auto call = d->newCall<SessionServerInfo>();
    d->execute({ "INFO", "server" }, [call](const RedisReply &reply) {
        SessionServerInfo info;
        if (reply.isError())
            info.error = SessionError::fromRedis(reply.error(), QStringLiteral("INFO"));
        else
            parseServerInfo(reply.data(), &info);
        call->finish(info);
    });
    return call->future();
}

QFuture<SessionCount> SessionAdmin::databaseSize()
{
    auto call = d->newCall<SessionCount>();
    d->onEveryMaster({ "DBSIZE" }, [call](const QList<RedisReply> &replies) {
        SessionCount count;
        for (const RedisReply &reply : replies) {
            if (reply.isInteger())
                count.count += reply.toInteger();
            else if (!count.error.isError())
                count.error = unexpected(reply, QStringLiteral("DBSIZE"));
        }
        call->finish(count);
    });
    return call->future();
}

QFuture<SessionPage> SessionAdmin::scan(const QByteArray &cursor, int countHint,
                                        const QString &idPattern)
{
    auto call = d->newCall<SessionPage>();
    const QByteArray pattern = globEscape(d->keyPrefixUtf8)
        + (idPattern.isEmpty() ? QByteArray("*") : idPattern.toUtf8());
    d->scanNodes(cursor, { "MATCH", pattern, "COUNT", QByteArray::number(qMax(1, countHint)) },
                 [this, call](const RedisReply &reply, bool restarted, const RedisConfig *master) {
                     SessionPage page;
                     page.restarted = restarted;
                     if (reply.isError() || reply.size() != 2) {
                         page.error = unexpected(reply, QStringLiteral("SCAN"));
                         call->finish(page);
                         return;
                     }
                     page.nextCursor = reply.at(0).data();
                     page.finished = page.nextCursor == "0";
                     QByteArrayList keys;
                     for (const RedisReply &key : reply.at(1).elements()) {
                         if (d->isSessionKey(key.data()))
                             keys.append(key.data());
                     }
                     if (keys.isEmpty()) {
                         call->finish(page);
                         return;
                     }
                     d->describeKeys(keys, master, [call, page](const SessionPage &described) {
                         SessionPage result = page;
                         result.sessions = described.sessions;
                         result.skipped = described.skipped;
                         result.error = described.error;
                         call->finish(result);
                     });
                 });
    return call->future();
}

namespace {

// For each key of ARGV: PTTL, STRLEN (or the name of the key's type when it holds no string)
// and the value's first 16 bytes. The keys are those one node's SCAN gave, so they are all on
// the node it runs on, in any slots (numkeys 0 and allow-cross-slot-keys, for a cluster node);
// a page of keys costs one round trip and one call instead of three commands per key. GETRANGE's
// bounds are strings: a Lua number would be formatted with sprintf for every key. Read-only
// (EVALSHA_RO): on a cluster with replica acknowledgements, no WAIT follows it.
const LuaScript &describeScript()
{
    static const LuaScript script(
        QByteArrayLiteral("#!lua flags=no-writes,allow-cross-slot-keys\n"
                          "local out, n = {}, 0\n"
                          "for i = 1, #ARGV do\n"
                          "  local key = ARGV[i]\n"
                          "  local ttl = redis.call('PTTL', key)\n"
                          "  local size = redis.pcall('STRLEN', key)\n"
                          "  local head = ''\n"
                          "  if type(size) == 'table' then\n"
                          "    size = redis.call('TYPE', key)['ok']\n"
                          "  elseif size > 0 then\n"
                          "    head = redis.call('GETRANGE', key, '0', '15')\n"
                          "  end\n"
                          "  out[n + 1], out[n + 2], out[n + 3] = ttl, size, head\n"
                          "  n = n + 3\n"
                          "end\n"
                          "return out\n"),
        LuaScript::Access::ReadOnly);
    return script;
}

} // namespace

void SessionAdminPrivate::describeKeys(const QByteArrayList &keys, const RedisConfig *master,
                                       std::function<void(const SessionPage &)> done)
{
    if (!pool || keys.isEmpty()) {
        describeKeysOneByOne(keys, std::move(done));
        return;
    }
    describeScript().runOn(pool, master, keys, q, [this, keys, done](const RedisReply &reply) {
        if (reply.isError() || reply.size() != 3 * keys.size()) {
            // Refused (an ACL without scripting, a slot being migrated): key by key, each
            // command routed to its key's node.
            describeKeysOneByOne(keys, done);
            return;
        }
        SessionPage page;
        page.sessions.reserve(keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RedisReply &ttl = reply.at(3 * i);
            const RedisReply &size = reply.at(3 * i + 1);
            if (!size.isInteger()) {
                const QByteArray type = size.data();
                if (type != "none")
                    page.skipped.append({ keys.at(i), type });
                continue;
            }
            SessionInfo info;
            info.key = keys.at(i);
            info.id = q->idFromKey(info.key);
            info.ttlMs = ttl.isInteger() ? ttl.toInteger() : -2;
            info.size = size.toInteger();
            info.head = reply.at(3 * i + 2).data();
            page.sessions.append(info);
        }
        done(page);
    });
}

void SessionAdminPrivate::describeKeysOneByOne(const QByteArrayList &keys,
                                               std::function<void(const SessionPage &)> done)
{
    if (keys.isEmpty()) {
        QMetaObject::invokeMethod(
            q, [done = std::move(done)]() { done(SessionPage()); }, Qt::QueuedConnection);
        return;
    }
    QList<QByteArrayList> commands;
    commands.reserve(keys.size() * 3);
    for (const QByteArray &key : keys) {
        commands.append({ "PTTL", key });
        commands.append({ "STRLEN", key });
        commands.append({ "GETRANGE", key, "0", "15" });
    }
    pipeline(commands, [this, done, keys](const QList<RedisReply> &replies) {
        SessionPage result;
        QByteArrayList otherTypes;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const RedisReply &ttl = replies.at(3 * i);
            const RedisReply &size = replies.at(3 * i + 1);
            if (isWrongType(size)) {
                otherTypes.append(keys.at(i));
                continue;
            }
            SessionInfo info;
            info.key = keys.at(i);
            info.id = q->idFromKey(info.key);
            info.ttlMs = ttl.isInteger() ? ttl.toInteger() : -2;
            info.size = size.toInteger();
            const RedisReply &head = replies.at(3 * i + 2);
            if (!head.isError())
                info.head = head.data();
            const RedisReply &failed = ttl.isError() ? ttl : size;
            if (failed.isError() && !result.error.isError()) {
                result.error = SessionError::fromRedis(
                    failed.error(), QLatin1String(ttl.isError() ? "PTTL" : "STRLEN"));
            }
            result.sessions.append(info);
        }
        if (otherTypes.isEmpty()) {
            done(result);
            return;
        }
        // Named, so that a listing can say what it left out.
        QList<QByteArrayList> typeCommands;
        for (const QByteArray &key : std::as_const(otherTypes))
            typeCommands.append({ "TYPE", key });
        pipeline(typeCommands, [done, result, otherTypes](const QList<RedisReply> &types) {
            SessionPage last = result;
            for (qsizetype i = 0; i < otherTypes.size(); ++i) {
                const RedisReply &type = types.at(i);
                if (type.isError()) {
                    if (!last.error.isError())
                        last.error = SessionError::fromRedis(type.error(), QStringLiteral("TYPE"));
                } else if (type.data() != "none") {
                    last.skipped.append({ otherTypes.at(i), type.data() });
                }
            }
            done(last);
        });
    });
}

void SessionAdminPrivate::countStep(const std::shared_ptr<SessionCall<SessionCount>> &call,
                                    const QByteArray &pattern, const QByteArray &cursor,
                                    qint64 total)
{
    // Each step captures the call, never itself: a dropped reply leaves no cycle behind. TYPE
    // string: keys of other types under the prefix are no sessions (scan() skips them too).
    scanNodes(
        cursor, { "MATCH", pattern, "COUNT", "1000", "TYPE", "string" },
        [this, call, pattern, total](const RedisReply &reply, bool restarted, const RedisConfig *) {
            if (reply.isError() || reply.size() != 2) {
                SessionCount count;
                count.count = total;
                count.error = unexpected(reply, QStringLiteral("SCAN"));
                call->finish(count);
                return;
            }
            qint64 sum = restarted ? 0 : total;
            for (const RedisReply &key : reply.at(1).elements()) {
                if (isSessionKey(key.data()))
                    ++sum;
            }
            const QByteArray next = reply.at(0).data();
            if (next == "0") {
                SessionCount count;
                count.count = sum;
                call->finish(count);
                return;
            }
            countStep(call, pattern, next, sum);
        });
}

QFuture<SessionCount> SessionAdmin::count()
{
    auto call = d->newCall<SessionCount>();
    d->countStep(call, globEscape(d->keyPrefixUtf8) + '*', "0", 0);
    return call->future();
}

QFuture<SessionProbe> SessionAdmin::probe(const QStringList &ids)
{
    auto call = d->newCall<SessionProbe>();
    SessionProbe probe;
    QList<QByteArrayList> commands;
    QList<qsizetype> asked; // index into probe.sessions of each PTTL/STRLEN pair
    for (const QString &id : ids) {
        SessionInfo info;
        info.id = id;
        info.key = keyFor(id);
        info.ttlMs = -2;
        if (d->isSessionKey(info.key)) {
            asked.append(probe.sessions.size());
            commands.append({ "PTTL", info.key });
            commands.append({ "STRLEN", info.key });
        }
        probe.sessions.append(info);
    }
    if (commands.isEmpty())
        return d->finishLater(call, probe);
    d->pipeline(commands, [call, probe, asked](const QList<RedisReply> &replies) {
        SessionProbe result = probe;
        for (qsizetype i = 0; i < asked.size(); ++i) {
            SessionInfo &info = result.sessions[asked.at(i)];
            const RedisReply &ttl = replies.at(2 * i);
            const RedisReply &size = replies.at(2 * i + 1);
            if (isWrongType(size))
                continue; // not a session: as good as gone
            const RedisReply &failed = ttl.isError() ? ttl : size;
            if (failed.isError()) {
                if (!result.error.isError()) {
                    result.error = SessionError::fromRedis(
                        failed.error(), QLatin1String(ttl.isError() ? "PTTL" : "STRLEN"));
                }
                continue;
            }
            info.ttlMs = ttl.toInteger();
            info.size = info.ttlMs == -2 ? 0 : size.toInteger();
        }
        call->finish(result);
    });
    return call->future();
}

} // namespace RediStore
