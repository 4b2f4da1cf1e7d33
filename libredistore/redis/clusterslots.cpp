#include "clusterslots_p.h"

#include <QtCore/QSet>

namespace RediStore::ClusterSlots {

namespace {

bool is(const QByteArray &name, const char *word)
{
    return name.compare(word, Qt::CaseInsensitive) == 0;
}

bool isAnyOf(const QByteArray &name, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (is(name, word))
            return true;
    }
    return false;
}

} // namespace

quint16 crc16(const char *data, qsizetype length)
{
    quint16 crc = 0;
    for (qsizetype i = 0; i < length; ++i) {
        crc ^= quint16(quint8(data[i])) << 8;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

int slotOf(const QByteArray &key)
{
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.indexOf('}', open + 1);
        if (close > open + 1)
            return crc16(key.constData() + open + 1, close - open - 1) % slotCount;
    }
    return crc16(key.constData(), key.size()) % slotCount;
}

QByteArrayList keysOf(const QByteArrayList &args)
{
    if (args.isEmpty())
        return {};
    const QByteArray &name = args.first();
    if (isAnyOf(name, { "EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO" })) {
        if (args.size() < 3)
            return {};
        bool ok = false;
        const int count = args.at(2).toInt(&ok);
        if (!ok || count <= 0)
            return {};
        return args.mid(3, qMin<qsizetype>(count, args.size() - 3));
    }
    if (isAnyOf(name, { "DEL", "UNLINK", "EXISTS", "MGET", "TOUCH", "WATCH" }))
        return args.mid(1);
    if (is(name, "MSET")) {
        QByteArrayList keys;
        for (qsizetype i = 1; i < args.size(); i += 2)
            keys << args.at(i);
        return keys;
    }
    if (isAnyOf(name,
                { "PING",   "ECHO",     "SCAN",      "INFO",    "CONFIG",   "DBSIZE",  "WAIT",
                  "SCRIPT", "CLUSTER",  "CLIENT",    "COMMAND", "MULTI",    "EXEC",    "DISCARD",
                  "ASKING", "READONLY", "READWRITE", "FLUSHDB", "FLUSHALL", "KEYS",    "RANDOMKEY",
                  "TIME",   "ROLE",     "HELLO",     "AUTH",    "SELECT",   "PUBLISH", "FUNCTION",
                  "MEMORY", "LATENCY",  "SLOWLOG",   "DEBUG",   "ACL",      "LASTSAVE" })) {
        if (is(name, "MEMORY") && args.size() >= 3 && is(args.at(1), "USAGE"))
            return { args.at(2) };
        if (is(name, "CLUSTER") && args.size() >= 3
            && isAnyOf(args.at(1), { "KEYSLOT", "COUNTKEYSINSLOT" }))
            return {};
        return {};
    }
    if (is(name, "OBJECT") && args.size() >= 3)
        return { args.at(2) };
    if (args.size() < 2)
        return {};
    return { args.at(1) }; // GET, SET, SETEX, EXPIRE, PTTL, STRLEN, ZADD, ZRANGE, ...
}

bool isSafeToResend(const QByteArrayList &args)
{
    if (args.isEmpty())
        return false;
    return isAnyOf(args.first(),
                   { "GET",      "MGET",   "EXISTS",        "PTTL",    "TTL",    "STRLEN", "TYPE",
                     "GETRANGE", "ZRANGE", "ZRANGEBYSCORE", "ZCARD",   "ZSCORE", "ZCOUNT", "SCAN",
                     "PING",     "INFO",   "DBSIZE",        "CLUSTER", "ROLE",   "MEMORY", "OBJECT",
                     "SCRIPT",   "EXPIRE", "PEXPIRE",       "PERSIST", "DEL",    "UNLINK", "SETEX",
                     "PSETEX",   "ZREM",   "TIME",          "CONFIG" });
}

bool isWrite(const QByteArrayList &args)
{
    if (args.isEmpty())
        return false;
    return isAnyOf(args.first(),
                   { "SET",       "SETEX",   "PSETEX", "SETNX",   "GETSET",           "GETDEL",
                     "GETEX",     "DEL",     "UNLINK", "EXPIRE",  "PEXPIRE",          "EXPIREAT",
                     "PEXPIREAT", "PERSIST", "ZADD",   "ZREM",    "ZREMRANGEBYSCORE", "ZINCRBY",
                     "EVAL",      "EVALSHA", "FCALL",  "RESTORE", "RENAME",           "HSET",
                     "HDEL",      "INCR",    "INCRBY", "DECR",    "APPEND",           "EXEC" });
}

Redirect redirectOf(const RedisReply &reply, const RedisNodeAddress &asked)
{
    if (!reply.isError() || reply.error().code() != RedisError::Code::ServerError)
        return {};
    const QByteArray text = reply.data();
    const QList<QByteArray> words = text.split(' ');
    if (words.size() < 3)
        return {};
    Redirect redirect;
    if (words.first() == "MOVED")
        redirect.kind = Redirect::Kind::Moved;
    else if (words.first() == "ASK")
        redirect.kind = Redirect::Kind::Ask;
    else
        return {};
    bool ok = false;
    redirect.slot = words.at(1).toInt(&ok);
    if (!ok || redirect.slot < 0 || redirect.slot >= slotCount)
        return {};
    const QString endpoint = QString::fromUtf8(words.at(2));
    if (endpoint.startsWith(QLatin1Char(':'))) {
        // An empty host: the node that answered, at the port it gives.
        redirect.address = RedisNodeAddress::parse(QStringLiteral("x") + endpoint);
        redirect.address.host = asked.host;
    } else {
        redirect.address = RedisNodeAddress::parse(endpoint);
    }
    if (!redirect.address.isValid())
        return {};
    return redirect;
}

bool isServerError(const RedisReply &reply, const char *word)
{
    if (!reply.isError() || reply.error().code() != RedisError::Code::ServerError)
        return false;
    const QByteArray text = reply.data();
    const qsizetype length = qsizetype(qstrlen(word));
    return text.startsWith(word) && (text.size() == length || text.at(length) == ' ');
}

Result<QList<SlotRange>, RedisError> parseSlots(const RedisReply &reply,
                                                const RedisNodeAddress &asked)
{
    auto bad = [&](const QString &why) {
        return RedisError(RedisError::Code::UnexpectedReply,
                          QStringLiteral("CLUSTER SLOTS from %1: %2").arg(asked.toString(), why));
    };
    if (reply.isError())
        return reply.error();
    if (!reply.isArray())
        return bad(QStringLiteral("not an array but %1").arg(reply.toDisplayString()));
    auto nodeOf = [&](const RedisReply &node) -> RedisNodeAddress {
        if (!node.isArray() || node.size() < 2 || !node.at(1).isInteger())
            return {};
        const QByteArray host = node.at(0).data();
        if (host == "?")
            return {};
        const qint64 port = node.at(1).toInteger();
        if (port <= 0 || port > 65535)
            return {};
        return { host.isEmpty() ? asked.host : QString::fromUtf8(host), quint16(port) };
    };
    QList<SlotRange> ranges;
    const QList<RedisReply> entries = reply.elements();
    for (const RedisReply &entry : entries) {
        if (!entry.isArray() || entry.size() < 3 || !entry.at(0).isInteger()
            || !entry.at(1).isInteger())
            return bad(QStringLiteral("an entry is not [first, last, master, replicas...]"));
        SlotRange range;
        range.first = int(entry.at(0).toInteger());
        range.last = int(entry.at(1).toInteger());
        if (range.first < 0 || range.last >= slotCount || range.first > range.last)
            return bad(
                QStringLiteral("slots %1-%2 are out of range").arg(range.first).arg(range.last));
        range.master = nodeOf(entry.at(2));
        if (!range.master.isValid())
            continue; // a master whose endpoint is unknown: its slots stay unserved here
        for (qsizetype i = 3; i < entry.size(); ++i) {
            const RedisNodeAddress replica = nodeOf(entry.at(i));
            if (replica.isValid())
                range.replicas << replica;
        }
        ranges << range;
    }
    return ranges;
}

} // namespace RediStore::ClusterSlots
