#include "securecookieaes_p.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace RediStore {

namespace {

// Fetched once: an implicit fetch per init (EVP_aes_128_ctr()) costs more than the cipher.
const EVP_CIPHER *cipher(int variant)
{
    static EVP_CIPHER *const ciphers[3] = {
        EVP_CIPHER_fetch(nullptr, "AES-128-CTR", nullptr),
        EVP_CIPHER_fetch(nullptr, "AES-192-CTR", nullptr),
        EVP_CIPHER_fetch(nullptr, "AES-256-CTR", nullptr),
    };
    return ciphers[variant];
}

// One context per AES variant and thread. After the first init, a context is re-keyed without
// naming the cipher, which OpenSSL does without freeing and reallocating its state.
struct WorkContexts
{
    EVP_CIPHER_CTX *ctx[3] = { nullptr, nullptr, nullptr };
    ~WorkContexts()
    {
        for (EVP_CIPHER_CTX *c : ctx)
            EVP_CIPHER_CTX_free(c);
    }
};

} // namespace

SecureCookieAes::~SecureCookieAes()
{
    if (!m_key.isEmpty())
        OPENSSL_cleanse(m_key.data(), size_t(m_key.size()));
}

bool SecureCookieAes::setKey(QByteArrayView key)
{
    int variant = -1;
    switch (key.size()) {
    case 16:
        variant = 0;
        break;
    case 24:
        variant = 1;
        break;
    case 32:
        variant = 2;
        break;
    default:
        return false;
    }
    if (!cipher(variant))
        return false;
    m_key = key.toByteArray();
    m_variant = variant;
    return true;
}

bool SecureCookieAes::apply(const uchar *iv, uchar *data, qsizetype size) const
{
    if (m_variant < 0)
        return false;
    thread_local WorkContexts work;
    EVP_CIPHER_CTX *&ctx = work.ctx[m_variant];
    const auto *key = reinterpret_cast<const uchar *>(m_key.constData());
    if (!ctx) {
        ctx = EVP_CIPHER_CTX_new();
        if (!ctx || !EVP_EncryptInit_ex2(ctx, cipher(m_variant), key, iv, nullptr)) {
            EVP_CIPHER_CTX_free(ctx);
            ctx = nullptr;
            return false;
        }
    } else if (!EVP_EncryptInit_ex2(ctx, nullptr, key, iv, nullptr)) {
        return false;
    }
    int outLen = 0;
    // CTR is a stream mode: in place, no padding, out length == in length.
    return size == 0 || EVP_EncryptUpdate(ctx, data, &outLen, data, int(size));
}

bool SecureCookieAes::randomIv(uchar *iv)
{
    return RAND_bytes(iv, IvSize) == 1;
}

} // namespace RediStore
