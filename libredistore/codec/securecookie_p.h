#ifndef REDISTORE_SECURECOOKIE_P_H
#define REDISTORE_SECURECOOKIE_P_H

#include "securecookie.h"
#include "securecookieaes_p.h"
#include "securecookiehmac_p.h"

#include <QtCore/QSharedData>

#include <memory>
#include <vector>

namespace RediStore {

// The key material of a SecureCookie, set up once and never changed afterwards, so copies
// of a SecureCookie (in any thread) share it.
struct SecureCookieKeys
{
    struct Key
    {
        SecureCookieHmac hmac;
        SecureCookieAes aes; // not set: signed only
    };

    explicit SecureCookieKeys(const KeyRing &ring);

    KeyRing ring;
    std::vector<std::unique_ptr<Key>> keys;
    CodecError error; // the key validation error, if any
};

class SecureCookieData : public QSharedData
{
public:
    std::shared_ptr<const SecureCookieKeys> keys;
    qint64 maxAge = SecureCookie::DefaultMaxAge;
    qint64 minAge = 0;
    qsizetype maxLength = SecureCookie::DefaultMaxLength;
    SecureCookie::Encoding encoding = SecureCookie::Encoding::Gob;
    SecureCookie::Clock clock;
};

} // namespace RediStore

#endif // REDISTORE_SECURECOOKIE_P_H
