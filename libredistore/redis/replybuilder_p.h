#ifndef REDISTORE_REPLYBUILDER_P_H
#define REDISTORE_REPLYBUILDER_P_H

#include <libredistore/redis/redisreply.h>

struct redisReader;
struct redisReply;

namespace RediStore {

// hiredis reader functions that build every reply as a RedisReply while it is parsed, instead
// of hiredis's own objects that the client would then copy: a bulk string is copied once, into
// the QByteArray that the caller gets, and "+OK" and nil replies cost no allocation.
//
// Each object hiredis gets starts with a redisReply (an array's with its element table), and a
// top-level leaf's str points into the RedisReply's bytes. A leaf inside an array is built
// straight into its array's list: its place in the element table holds the shared nil object.
namespace ReplyBuilder {

// Makes the reader build replies with these functions. Call it before the first reply.
void install(redisReader *reader);

// The RedisReply of a reply that an installed reader built. Arrays are assembled here from
// their elements (hiredis fills them in after the array object is made).
RedisReply toReply(const redisReply *reply);
RedisReply toReply(const void *object);
// Frees a reply object that the reader handed out.
void release(void *object);

} // namespace ReplyBuilder
} // namespace RediStore

#endif // REDISTORE_REPLYBUILDER_P_H
