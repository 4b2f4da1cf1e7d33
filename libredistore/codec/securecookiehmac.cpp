#include "securecookiehmac_p.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>

namespace RediStore {

namespace {

constexpr int BlockSize = 64; // SHA-256 block size

// Fetched once: an implicit fetch per call (EVP_sha256()) costs more than the hashing.
const EVP_MD *sha256()
{
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

// The per-thread working state that the precomputed states are copied into.
struct WorkContext
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~WorkContext() { EVP_MD_CTX_free(ctx); }
};

EVP_MD_CTX *workContext()
{
    thread_local WorkContext work;
    return work.ctx;
}

} // namespace

void SecureCookieHmac::CtxDeleter::operator()(EVP_MD_CTX *ctx) const
{
    EVP_MD_CTX_free(ctx);
}

SecureCookieHmac::SecureCookieHmac() = default;
SecureCookieHmac::~SecureCookieHmac() = default;

bool SecureCookieHmac::setKey(QByteArrayView key)
{
    const EVP_MD *md = sha256();
    if (!md)
        return false;

    // RFC 2104: keys longer than a block are hashed first, shorter ones are zero-padded.
    uchar block[BlockSize] = {};
    if (key.size() > BlockSize) {
        unsigned int len = 0;
        if (!EVP_Digest(key.data(), size_t(key.size()), block, &len, md, nullptr))
            return false;
    } else if (!key.isEmpty()) {
        std::memcpy(block, key.data(), size_t(key.size()));
    }

    uchar pad[BlockSize];
    m_inner.reset(EVP_MD_CTX_new());
    m_outer.reset(EVP_MD_CTX_new());
    bool ok = m_inner && m_outer;
    for (int i = 0; ok && i < BlockSize; ++i)
        pad[i] = block[i] ^ 0x36;
    ok = ok && EVP_DigestInit_ex2(m_inner.get(), md, nullptr)
        && EVP_DigestUpdate(m_inner.get(), pad, BlockSize);
    for (int i = 0; ok && i < BlockSize; ++i)
        pad[i] = block[i] ^ 0x5c;
    ok = ok && EVP_DigestInit_ex2(m_outer.get(), md, nullptr)
        && EVP_DigestUpdate(m_outer.get(), pad, BlockSize);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    if (!ok) {
        m_inner.reset();
        m_outer.reset();
    }
    return ok;
}

bool SecureCookieHmac::mac(QByteArrayView a, QByteArrayView b, QByteArrayView c, uchar *out) const
{
    EVP_MD_CTX *ctx = workContext();
    if (!ctx || !m_inner)
        return false;
    uchar innerHash[MacSize];
    unsigned int len = 0;
    const bool ok = EVP_MD_CTX_copy_ex(ctx, m_inner.get())
        && EVP_DigestUpdate(ctx, a.data(), size_t(a.size()))
        && EVP_DigestUpdate(ctx, b.data(), size_t(b.size()))
        && EVP_DigestUpdate(ctx, c.data(), size_t(c.size()))
        && EVP_DigestFinal_ex(ctx, innerHash, &len) && EVP_MD_CTX_copy_ex(ctx, m_outer.get())
        && EVP_DigestUpdate(ctx, innerHash, MacSize) && EVP_DigestFinal_ex(ctx, out, &len);
    return ok;
}

} // namespace RediStore
