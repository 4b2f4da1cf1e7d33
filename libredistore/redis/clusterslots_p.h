#ifndef REDISTORE_CLUSTERSLOTS_P_H
#define REDISTORE_CLUSTERSLOTS_P_H

#include "redisconfig.h"
#include "redisreply.h"

#include <libredistore/result.h>

#include <QtCore/QByteArrayList>

#include <optional>

// The pure parts of Redis Cluster routing: key slots, which argument is a command's key,
// redirections, and the slot map that CLUSTER SLOTS reports.
namespace RediStore::ClusterSlots {

constexpr int slotCount = 16384;

// CRC16-XMODEM, as the cluster specification defines it.
quint16 crc16(const char *data, qsizetype length);
// The key's slot: the hash tag's when the key has a non-empty {tag}, else the whole key's.
int slotOf(const QByteArray &key);

// The keys a command touches, for the commands this library and its users send; empty for
// commands without keys (PING, SCAN, INFO, WAIT, SCRIPT ...).
QByteArrayList keysOf(const QByteArrayList &args);
// True when sending the command a second time does no harm even if the first one ran:
// reads, and writes that set a value to what it already is for the caller.
bool isSafeToResend(const QByteArrayList &args);
// True for commands that write (and so wait for replicas when asked).
bool isWrite(const QByteArrayList &args);

struct Redirect
{
    enum class Kind { None, Moved, Ask };
    Kind kind = Kind::None;
    int slot = -1;
    RedisNodeAddress address;
};
// MOVED or ASK in an error reply; an empty host means the node that was asked.
Redirect redirectOf(const RedisReply &reply, const RedisNodeAddress &asked);
// The error reply starts with this word (TRYAGAIN, CLUSTERDOWN, READONLY, EXECABORT...).
bool isServerError(const RedisReply &reply, const char *word);

struct SlotRange
{
    int first = 0;
    int last = 0;
    RedisNodeAddress master;
    QList<RedisNodeAddress> replicas;
};
// CLUSTER SLOTS' reply, read leniently (extra fields of newer servers are ignored); an empty
// endpoint names the node that was asked, "?" an endpoint it does not know (skipped).
Result<QList<SlotRange>, RedisError> parseSlots(const RedisReply &reply,
                                                const RedisNodeAddress &asked);

} // namespace RediStore::ClusterSlots

#endif // REDISTORE_CLUSTERSLOTS_P_H
