#ifndef REDISTORE_SECURECOOKIEHMAC_P_H
#define REDISTORE_SECURECOOKIEHMAC_P_H

#include <QtCore/QByteArrayView>

#include <memory>

namespace RediStore {

// HMAC-SHA256 with one key, set up once: the key's inner and outer SHA-256 states are kept
// and copied for each MAC, so a MAC costs four SHA-256 blocks for a cookie-sized message and
// no key setup. Const and safe to use from several threads at once (each MAC works on its
// own copy of the states).
class SecureCookieHmac
{
public:
    static constexpr int MacSize = 32;

    SecureCookieHmac();
    ~SecureCookieHmac();
    SecureCookieHmac(const SecureCookieHmac &) = delete;
    SecureCookieHmac &operator=(const SecureCookieHmac &) = delete;

    // False if OpenSSL fails (no SHA-256 available).
    bool setKey(QByteArrayView key);

    // HMAC(key, a || b || c) into out[MacSize]; false if OpenSSL fails.
    bool mac(QByteArrayView a, QByteArrayView b, QByteArrayView c, uchar *out) const;

private:
    struct States; // the precomputed inner and outer states (securecookiehmac.cpp)
    struct StatesDeleter
    {
        void operator()(States *states) const;
    };
    std::unique_ptr<States, StatesDeleter> m_states;
};

} // namespace RediStore

#endif // REDISTORE_SECURECOOKIEHMAC_P_H
