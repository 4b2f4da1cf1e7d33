#ifndef REDISTORE_SECURECOOKIEAES_P_H
#define REDISTORE_SECURECOOKIEAES_P_H

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

namespace RediStore {

// AES-CTR with one 16, 24 or 32-byte key, as Go's cipher.NewCTR(aes.NewCipher(key), iv): the
// 16-byte IV is the initial counter block, incremented as a 128-bit big-endian number.
// Const and safe to use from several threads at once (cipher contexts are per thread).
class SecureCookieAes
{
public:
    static constexpr int IvSize = 16;

    SecureCookieAes() = default;
    ~SecureCookieAes();
    SecureCookieAes(const SecureCookieAes &) = delete;
    SecureCookieAes &operator=(const SecureCookieAes &) = delete;

    // False if the key is not 16, 24 or 32 bytes, or OpenSSL has no AES-CTR.
    bool setKey(QByteArrayView key);
    bool isSet() const noexcept { return !m_key.isEmpty(); }

    // XORs the key stream for iv[IvSize] into data (encrypts and decrypts); false if OpenSSL
    // fails.
    bool apply(const uchar *iv, uchar *data, qsizetype size) const;

    // Fills iv[IvSize] from OpenSSL's CSPRNG; false if it fails.
    static bool randomIv(uchar *iv);

private:
    QByteArray m_key;
    int m_variant = -1; // 0, 1, 2: AES-128, -192, -256
};

} // namespace RediStore

#endif // REDISTORE_SECURECOOKIEAES_P_H
