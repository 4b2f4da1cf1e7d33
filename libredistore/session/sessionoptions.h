#ifndef REDISTORE_SESSIONOPTIONS_H
#define REDISTORE_SESSIONOPTIONS_H

#include <libredistore/codec/cookieoptions.h>

namespace RediStore {

// The options of a session's cookie (gorilla/sessions' Options): Path, Domain, MaxAge, Secure,
// HttpOnly, SameSite, Partitioned. MaxAge also sets the Redis TTL: > 0 that many seconds, 0 a
// browser-session cookie kept DefaultMaxAge seconds in Redis, < 0 deletes the session.
using SessionOptions = CookieOptions;

} // namespace RediStore

#endif // REDISTORE_SESSIONOPTIONS_H
