#include "securecookieaes_p.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <pthread.h>

#include <atomic>
#include <cstring>

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

// IVs are public (they travel in the cookie) but must never repeat under one key. RAND_bytes
// costs about as much per call for 16 bytes as for 1 KiB, so each thread draws IVs from a
// buffer. A fork would hand the child the parent's unused IVs: the child drops its buffer.
std::atomic<unsigned> forkGeneration { 0 };

void afterForkInChild()
{
    forkGeneration.fetch_add(1, std::memory_order_relaxed);
}

struct IvBuffer
{
    static constexpr int Size = 64 * SecureCookieAes::IvSize;
    uchar bytes[Size];
    int used = Size;
    unsigned generation = 0;

    ~IvBuffer() { OPENSSL_cleanse(bytes, sizeof bytes); }
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
    static const bool registered = pthread_atfork(nullptr, nullptr, afterForkInChild) == 0;
    thread_local IvBuffer buffer;
    const unsigned generation = forkGeneration.load(std::memory_order_relaxed);
    if (!registered || buffer.generation != generation) {
        buffer.used = IvBuffer::Size;
        buffer.generation = generation;
    }
    if (buffer.used + IvSize > IvBuffer::Size) {
        if (RAND_bytes(buffer.bytes, IvBuffer::Size) != 1)
            return false;
        buffer.used = 0;
    }
    std::memcpy(iv, buffer.bytes + buffer.used, IvSize);
    // Handed out once: wipe it from the buffer.
    std::memset(buffer.bytes + buffer.used, 0, IvSize);
    buffer.used += IvSize;
    return true;
}

} // namespace RediStore
