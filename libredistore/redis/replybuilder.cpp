#include "replybuilder_p.h"

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>

namespace RediStore::ReplyBuilder {

namespace {

struct BuiltReply
{
    redisReply base; // first: hiredis sees a redisReply *
    RedisReply reply; // a top-level leaf's; an array's is assembled by toReply()
    // An array's elements. A leaf (string, integer, nil) is built right here, and its place in
    // base.element holds the shared nil, a stand-in: no object of its own to allocate and free, a
    // few million times for a big listing. A nested array has its own object in base.element,
    // and its place here is filled in by toReply().
    QList<RedisReply> elements;
};
static_assert(std::is_standard_layout_v<BuiltReply> && offsetof(BuiltReply, base) == 0,
              "a BuiltReply must be usable as the redisReply it starts with");

BuiltReply *built(void *object)
{
    return reinterpret_cast<BuiltReply *>(object);
}

// "+OK" answers most writes and nil every GET of a missing key: one shared object each,
// never freed (not even at exit, when other threads may still be parsing). The nil one also
// stands in, in an array's element table, for every leaf built into the array's list.
BuiltReply *sharedOk()
{
    static BuiltReply *const ok = [] {
        auto *r = new BuiltReply {};
        r->base.type = REDIS_REPLY_STATUS;
        r->base.str = const_cast<char *>("OK");
        r->base.len = 2;
        r->reply = RedisReply::status(QByteArrayLiteral("OK"));
        return r;
    }();
    return ok;
}

BuiltReply *sharedNil()
{
    static BuiltReply *const nil = [] {
        auto *r = new BuiltReply {};
        r->base.type = REDIS_REPLY_NIL;
        return r;
    }();
    return nil;
}

bool isShared(const BuiltReply *r)
{
    return r == sharedOk() || r == sharedNil();
}

BuiltReply *parentOf(const redisReadTask *task)
{
    return task->parent ? built(task->parent->obj) : nullptr;
}

void *attach(const redisReadTask *task, BuiltReply *r)
{
    if (BuiltReply *parent = parentOf(task))
        parent->base.element[task->idx] = &r->base;
    return &r->base;
}

// A leaf inside an array: built into the array's elements (which grow as they come: a
// length the server announces is not taken on trust; toReply() pads the end).
void *attachLeaf(const redisReadTask *task, BuiltReply *parent, RedisReply reply)
{
    const qsizetype at = qsizetype(task->idx);
    if (at == parent->elements.size()) {
        parent->elements.append(std::move(reply));
    } else {
        if (at > parent->elements.size())
            parent->elements.resize(at + 1); // nested arrays before it: filled by toReply()
        parent->elements[at] = std::move(reply);
    }
    parent->base.element[task->idx] = &sharedNil()->base;
    return &sharedNil()->base;
}

RedisReply leafOf(int type, const QByteArray &bytes)
{
    switch (type) {
    case REDIS_REPLY_STATUS:
        return RedisReply::status(bytes);
    case REDIS_REPLY_ERROR:
        return RedisReply::serverError(bytes);
    default:
        return RedisReply::string(bytes);
    }
}

// Out of memory is hiredis's reader error (nullptr), never an exception through its C code.
void *createString(const redisReadTask *task, char *str, size_t len)
{
    const bool ok = task->type == REDIS_REPLY_STATUS && len == 2 && str[0] == 'O' && str[1] == 'K';
    if (BuiltReply *parent = parentOf(task)) {
        try {
            return attachLeaf(task, parent,
                              ok ? sharedOk()->reply
                                 : leafOf(task->type, QByteArray(str, qsizetype(len))));
        } catch (const std::bad_alloc &) {
            return nullptr;
        }
    }
    if (ok)
        return attach(task, sharedOk());
    auto *r = new (std::nothrow) BuiltReply {};
    if (!r)
        return nullptr;
    try {
        const QByteArray bytes(str, qsizetype(len));
        r->reply = leafOf(task->type, bytes);
        // The RedisReply holds these bytes (implicitly shared, never written): str stays
        // valid and NUL-terminated for as long as the object lives.
        r->base.str = const_cast<char *>(bytes.constData());
    } catch (const std::bad_alloc &) {
        delete r;
        return nullptr;
    }
    r->base.type = task->type;
    r->base.len = len;
    return attach(task, r);
}

void *createArray(const redisReadTask *task, size_t elements)
{
    auto *r = new (std::nothrow) BuiltReply {};
    if (!r)
        return nullptr;
    r->base.type = REDIS_REPLY_ARRAY;
    if (elements > 0) {
        r->base.element = static_cast<redisReply **>(std::calloc(elements, sizeof(redisReply *)));
        if (!r->base.element) {
            delete r;
            return nullptr;
        }
        r->base.elements = elements;
        try {
            r->elements.reserve(qsizetype(qMin(elements, size_t(4096))));
        } catch (const std::bad_alloc &) {
            std::free(r->base.element);
            delete r;
            return nullptr;
        }
    }
    return attach(task, r);
}

void *createInteger(const redisReadTask *task, long long value)
{
    if (BuiltReply *parent = parentOf(task)) {
        try {
            return attachLeaf(task, parent, RedisReply::integer(value));
        } catch (const std::bad_alloc &) {
            return nullptr;
        }
    }
    auto *r = new (std::nothrow) BuiltReply {};
    if (!r)
        return nullptr;
    r->base.type = REDIS_REPLY_INTEGER;
    r->base.integer = value;
    try {
        r->reply = RedisReply::integer(value);
    } catch (const std::bad_alloc &) {
        delete r;
        return nullptr;
    }
    return attach(task, r);
}

void *createNil(const redisReadTask *task)
{
    if (BuiltReply *parent = parentOf(task))
        return attachLeaf(task, parent, RedisReply::nil());
    return attach(task, sharedNil());
}

void freeObject(void *object)
{
    BuiltReply *r = built(object);
    if (!r || isShared(r))
        return;
    if (r->base.type == REDIS_REPLY_ARRAY && r->base.element) {
        for (size_t i = 0; i < r->base.elements; ++i)
            freeObject(r->base.element[i]);
        std::free(r->base.element);
    }
    delete r;
}

// The one place where hiredis's versions differ for us: the reader's function table. 1.x
// counts array elements in size_t and adds RESP3's doubles and booleans (a RESP2 connection
// never sees them; they are built as the string and integer they stand for).
#if HIREDIS_MAJOR >= 1
void *createDouble(const redisReadTask *task, double value, char *str, size_t len)
{
    void *object = createString(task, str, len);
    if (object && !isShared(built(object)))
        static_cast<redisReply *>(object)->dval = value;
    return object;
}

void *createBool(const redisReadTask *task, int value)
{
    return createInteger(task, value ? 1 : 0);
}

redisReplyObjectFunctions functions
    = { createString, createArray, createInteger, createDouble, createNil, createBool, freeObject };
#else
void *createArrayOfInt(const redisReadTask *task, int elements)
{
    return createArray(task, elements > 0 ? size_t(elements) : 0);
}

redisReplyObjectFunctions functions
    = { createString, createArrayOfInt, createInteger, createNil, freeObject };
#endif

} // namespace

void install(redisReader *reader)
{
    reader->fn = &functions;
}

RedisReply toReply(const redisReply *reply)
{
    BuiltReply *r = built(const_cast<redisReply *>(reply));
    if (reply->type != REDIS_REPLY_ARRAY)
        return r->reply;
    // The leaves are in place (shared with r, which is released next); nested arrays are not,
    // nor is anything after the last leaf.
    QList<RedisReply> elements = r->elements;
    if (elements.size() != qsizetype(reply->elements))
        elements.resize(qsizetype(reply->elements));
    for (size_t i = 0; i < reply->elements; ++i) {
        const BuiltReply *element = reply->element[i] ? built(reply->element[i]) : nullptr;
        if (element && !isShared(element))
            elements[qsizetype(i)] = toReply(reply->element[i]);
    }
    return RedisReply::array(std::move(elements));
}

RedisReply toReply(const void *object)
{
    return toReply(static_cast<const redisReply *>(object));
}

void release(void *object)
{
    freeObject(object);
}

} // namespace RediStore::ReplyBuilder
