// SHA256_Init/Update/Final are deprecated in OpenSSL 3 but kept, and they are the only way in
// OpenSSL 3.0 to restart a hash from a saved state without an allocation: copying an EVP_MD_CTX
// frees and allocates the provider's state, twice per MAC. They use OpenSSL's built-in SHA-256
// whatever providers are configured: a build that must go through providers (FIPS) sets the
// CMake option REDISTORE_HMAC_EVP, and OpenSSL built without deprecated functions gets the EVP
// interface too. (The sanitizer stage of .ci/run tests that path.)
#define OPENSSL_SUPPRESS_DEPRECATED

#include "securecookiehmac_p.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstring>

#if !defined(OPENSSL_NO_DEPRECATED_3_0) && !defined(REDISTORE_HMAC_EVP_ONLY)
#define REDISTORE_HMAC_SHA256_CTX 1
#endif

namespace RediStore {

namespace {

constexpr int BlockSize = 64; // SHA-256 block size

// RFC 2104: keys longer than a block are hashed first, shorter ones are zero-padded; then
// XORed with the inner (0x36) or outer (0x5c) pad.
bool padKey(QByteArrayView key, uchar (&inner)[BlockSize], uchar (&outer)[BlockSize])
{
    uchar block[BlockSize] = {};
    if (key.size() > BlockSize) {
        if (!SHA256(reinterpret_cast<const uchar *>(key.data()), size_t(key.size()), block))
            return false;
    } else if (!key.isEmpty()) {
        std::memcpy(block, key.data(), size_t(key.size()));
    }
    for (int i = 0; i < BlockSize; ++i) {
        inner[i] = block[i] ^ 0x36;
        outer[i] = block[i] ^ 0x5c;
    }
    OPENSSL_cleanse(block, sizeof block);
    return true;
}

} // namespace

#ifdef REDISTORE_HMAC_SHA256_CTX

struct SecureCookieHmac::States
{
    SHA256_CTX inner;
    SHA256_CTX outer;

    bool start(const uchar *innerPad, const uchar *outerPad)
    {
        return SHA256_Init(&inner) && SHA256_Update(&inner, innerPad, BlockSize)
            && SHA256_Init(&outer) && SHA256_Update(&outer, outerPad, BlockSize);
    }
};

bool SecureCookieHmac::mac(QByteArrayView a, QByteArrayView b, QByteArrayView c, uchar *out) const
{
    if (!m_states)
        return false;
    SHA256_CTX ctx = m_states->inner;
    uchar innerHash[MacSize];
    bool ok = SHA256_Update(&ctx, a.data(), size_t(a.size()))
        && SHA256_Update(&ctx, b.data(), size_t(b.size()))
        && SHA256_Update(&ctx, c.data(), size_t(c.size())) && SHA256_Final(innerHash, &ctx);
    ctx = m_states->outer;
    ok = ok && SHA256_Update(&ctx, innerHash, MacSize) && SHA256_Final(out, &ctx);
    OPENSSL_cleanse(&ctx, sizeof ctx);
    OPENSSL_cleanse(innerHash, sizeof innerHash);
    return ok;
}

#else // the EVP interface

namespace {

// Fetched once: an implicit fetch per call (EVP_sha256()) costs more than the hashing.
const EVP_MD *sha256()
{
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

struct Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

// The per-thread working state that the precomputed states are copied into.
EVP_MD_CTX *workContext()
{
    thread_local Context work;
    return work.ctx;
}

} // namespace

struct SecureCookieHmac::States
{
    Context inner;
    Context outer;

    bool start(const uchar *innerPad, const uchar *outerPad)
    {
        const EVP_MD *md = sha256();
        return md && inner.ctx && outer.ctx && EVP_DigestInit_ex2(inner.ctx, md, nullptr)
            && EVP_DigestUpdate(inner.ctx, innerPad, BlockSize)
            && EVP_DigestInit_ex2(outer.ctx, md, nullptr)
            && EVP_DigestUpdate(outer.ctx, outerPad, BlockSize);
    }
};

bool SecureCookieHmac::mac(QByteArrayView a, QByteArrayView b, QByteArrayView c, uchar *out) const
{
    EVP_MD_CTX *ctx = workContext();
    if (!ctx || !m_states)
        return false;
    uchar innerHash[MacSize];
    unsigned int len = 0;
    const bool ok = EVP_MD_CTX_copy_ex(ctx, m_states->inner.ctx)
        && EVP_DigestUpdate(ctx, a.data(), size_t(a.size()))
        && EVP_DigestUpdate(ctx, b.data(), size_t(b.size()))
        && EVP_DigestUpdate(ctx, c.data(), size_t(c.size()))
        && EVP_DigestFinal_ex(ctx, innerHash, &len) && EVP_MD_CTX_copy_ex(ctx, m_states->outer.ctx)
        && EVP_DigestUpdate(ctx, innerHash, MacSize) && EVP_DigestFinal_ex(ctx, out, &len);
    OPENSSL_cleanse(innerHash, sizeof innerHash);
    return ok;
}

#endif

bool SecureCookieHmac::setKey(QByteArrayView key)
{
    m_states.reset();
    uchar inner[BlockSize];
    uchar outer[BlockSize];
    std::unique_ptr<States, StatesDeleter> states(new States);
    const bool ok = padKey(key, inner, outer) && states->start(inner, outer);
    OPENSSL_cleanse(inner, sizeof inner);
    OPENSSL_cleanse(outer, sizeof outer);
    if (ok)
        m_states = std::move(states);
    return ok;
}

void SecureCookieHmac::StatesDeleter::operator()(States *states) const
{
#ifdef REDISTORE_HMAC_SHA256_CTX
    OPENSSL_cleanse(states, sizeof *states); // they are as good as the key
#endif
    delete states;
}

SecureCookieHmac::SecureCookieHmac() = default;
SecureCookieHmac::~SecureCookieHmac() = default;

} // namespace RediStore
