#ifndef REDISTORE_KEYRING_H
#define REDISTORE_KEYRING_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QStringList>

#include <initializer_list>

namespace RediStore {

// The secret keys of a SecureCookie: an ordered list of (hash key, block key) pairs, as
// gorilla/securecookie's CodecsFromPairs builds them. The first pair signs (and encrypts) new
// cookies; decoding tries every pair in order, so appending the previous pair after a new one
// rotates keys without logging users out.
//
// A hash key signs with HMAC-SHA256 (any non-empty length; 32 or 64 random bytes are usual).
// A block key encrypts with AES-CTR and must be 16, 24 or 32 bytes (AES-128/192/256); an empty
// block key means the cookie is signed only.
class REDISTORE_EXPORT KeyRing
{
public:
    struct Pair
    {
        QByteArray hashKey;
        QByteArray blockKey; // empty: no encryption

        friend bool operator==(const Pair &a, const Pair &b)
        {
            return a.hashKey == b.hashKey && a.blockKey == b.blockKey;
        }
        friend bool operator!=(const Pair &a, const Pair &b) { return !(a == b); }
    };

    KeyRing() = default;
    KeyRing(std::initializer_list<Pair> pairs)
        : m_pairs(pairs)
    { }
    explicit KeyRing(const QList<Pair> &pairs)
        : m_pairs(pairs)
    { }

    // securecookie.CodecsFromPairs: keys taken two at a time as (hash key, block key); an odd
    // count leaves the last pair signed only, and an empty block key also means signed only.
    //   KeyRing::keys({newHash, newBlock, oldHash, oldBlock})
    static KeyRing keys(const QList<QByteArray> &hashAndBlockKeys);

    // The same from text, for keys kept in settings files, environment variables or on the
    // command line. Each string is one key:
    //   "hex:6a1f..."    hexadecimal (upper or lower case),
    //   "base64:ah8..."  base64, standard or URL alphabet, padding optional,
    //   anything else    the UTF-8 bytes of the string, like Go's []byte("secret-key").
    // An empty string is an empty key (an empty block key means signed only). Text that does
    // not decode is an error naming the key, e.g. "key pair 2: block key: 'hex:zz' is not valid
    // hex". The result is not validated yet; see validate().
    static Result<KeyRing, CodecError> keysFromStrings(const QStringList &hashAndBlockKeys);

    // Decodes one key written as described for keysFromStrings(); false if it does not decode.
    static bool keyFromString(const QString &text, QByteArray *key);

    void append(const QByteArray &hashKey, const QByteArray &blockKey = QByteArray())
    {
        m_pairs.append(Pair { hashKey, blockKey });
    }
    void append(const Pair &pair) { m_pairs.append(pair); }

    qsizetype size() const noexcept { return m_pairs.size(); }
    bool isEmpty() const noexcept { return m_pairs.isEmpty(); }
    const Pair &at(qsizetype index) const { return m_pairs.at(index); }
    const QList<Pair> &pairs() const noexcept { return m_pairs; }

    // Checks every pair: the ring is not empty (CodecError::NoKeys), each hash key is not empty
    // (HashKeyNotSet) and each block key is empty or 16, 24 or 32 bytes (InvalidBlockKey). The
    // message names the pair, counting from 1: "key pair 2: block key is 20 bytes; AES needs
    // 16, 24 or 32".
    Result<void, CodecError> validate() const;

    friend bool operator==(const KeyRing &a, const KeyRing &b) { return a.m_pairs == b.m_pairs; }
    friend bool operator!=(const KeyRing &a, const KeyRing &b) { return !(a == b); }

private:
    QList<Pair> m_pairs;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::KeyRing)

#endif // REDISTORE_KEYRING_H
