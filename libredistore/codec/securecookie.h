#ifndef REDISTORE_SECURECOOKIE_H
#define REDISTORE_SECURECOOKIE_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/codec/keyring.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QVariant>

#include <functional>

namespace RediStore {

class SecureCookieData;

// Signed and optionally encrypted cookie values, byte-compatible with Go's
// gorilla/securecookie (what Go's redistore and gorilla/sessions put in their cookies):
//
//   cookie = base64url(timestamp "|" base64url([IV] payload') "|" HMAC-SHA256(name "|" ...))
//
// where payload is the value in gob (default) or JSON, and payload' is payload encrypted with
// AES-CTR under a random IV when the key pair has a block key. The cookie name is signed but
// not stored, so a value only decodes under the name it was encoded for.
//
// Keys come as a KeyRing: the first pair encodes, decoding tries each pair in order (key
// rotation). Keys are checked on construction; with bad keys every call returns the key
// error (see keyError()).
//
// An implicitly shared value class. Copies share the key material; const calls are safe from
// several threads at once.
class REDISTORE_EXPORT SecureCookie
{
public:
    // How the value is written inside the cookie.
    enum class Encoding {
        Gob, // Go's encoding/gob, securecookie's default (GobEncoder)
        Json, // Go's json.Encoder output with its trailing newline (JSONEncoder)
    };

    static constexpr qint64 DefaultMaxAge = 86400 * 30; // seconds
    static constexpr qsizetype DefaultMaxLength = 4096; // characters

    // Seconds since the Unix epoch; replaces the system clock (tests, tools).
    using Clock = std::function<qint64()>;

    // What inspect() found out about a cookie.
    struct Inspection
    {
        QVariant value; // the decoded value, if ok()
        int keyIndex = -1; // the key pair (0-based) that decoded it, or -1
        qint64 timestamp = 0; // the signed time of the pair that decoded it
        CodecError error; // why it did not decode (Go's DecodeMulti error)
        QList<CodecError> keyErrors; // for each key pair tried in order, why it failed

        bool ok() const noexcept { return keyIndex >= 0; }
    };

    // No keys: every call fails with CodecError::NoKeys.
    SecureCookie();
    explicit SecureCookie(const KeyRing &keys);
    // One key pair; an empty block key signs without encrypting.
    explicit SecureCookie(const QByteArray &hashKey, const QByteArray &blockKey = QByteArray());
    SecureCookie(const SecureCookie &other);
    SecureCookie(SecureCookie &&other) noexcept;
    SecureCookie &operator=(const SecureCookie &other);
    SecureCookie &operator=(SecureCookie &&other) noexcept;
    ~SecureCookie();

    void swap(SecureCookie &other) noexcept { d.swap(other.d); }

    // True if the keys passed validation; otherwise keyError() says which pair is wrong.
    bool isValid() const;
    CodecError keyError() const;
    KeyRing keys() const;

    // Cookies signed more than maxAge seconds ago are rejected (0: no limit).
    // Default DefaultMaxAge (30 days). Negative values are ignored.
    qint64 maxAge() const;
    void setMaxAge(qint64 seconds);

    // Cookies signed less than minAge seconds ago are rejected (0: no limit, the default).
    // Negative values are ignored.
    qint64 minAge() const;
    void setMinAge(qint64 seconds);

    // The longest cookie encode() produces and decode() accepts, in characters (0: no
    // limit). Default DefaultMaxLength (4096), a common browser limit for a whole cookie.
    // Negative values are ignored.
    qsizetype maxLength() const;
    void setMaxLength(qsizetype length);

    Encoding encoding() const;
    void setEncoding(Encoding encoding);

    // A null clock (the default) is the system clock.
    void setClock(Clock clock);
    // The clock's current time, in seconds since the Unix epoch.
    qint64 now() const;

    // Encodes value for the cookie called name, with the first key pair. See Gob and GoJson for
    // the QVariant types each encoding can write (for gob: QString, integers, double, bool,
    // QByteArray, QVariantList, QVariantMap).
    Result<QByteArray, CodecError> encode(const QByteArray &name, const QVariant &value) const;

    // Decodes a cookie encoded for name, trying each key pair in order; *keyIndex (if given)
    // receives the pair that matched. On failure the error is Go's DecodeMulti error: the
    // first pair's error, plus " (and N other error(s))" when several pairs were tried.
    Result<QVariant, CodecError> decode(const QByteArray &name, const QByteArray &cookie,
                                        int *keyIndex = nullptr) const;

    // decode() with the details an operator wants: which pair matched, the signed time, and
    // why each pair failed.
    Inspection inspect(const QByteArray &name, const QByteArray &cookie) const;

    // The same without the payload encoding: the payload bytes are signed (and encrypted) as
    // they are, for callers with their own serialization.
    Result<QByteArray, CodecError> encodePayload(const QByteArray &name,
                                                 const QByteArray &payload) const;
    Result<QByteArray, CodecError> decodePayload(const QByteArray &name, const QByteArray &cookie,
                                                 int *keyIndex = nullptr) const;

    // FOR KNOWN-ANSWER TESTS ONLY: encode with a given timestamp and, for an encrypting key
    // pair, a given 16-byte IV instead of the clock and the CSPRNG. Never use a fixed IV for
    // real cookies: AES-CTR with a repeated IV gives the plaintext away.
    Result<QByteArray, CodecError> encodeForTesting(const QByteArray &name, const QVariant &value,
                                                    qint64 timestamp, const QByteArray &iv) const;
    // The same for payload bytes (see encodePayload()).
    Result<QByteArray, CodecError> encodePayloadForTesting(const QByteArray &name,
                                                           const QByteArray &payload,
                                                           qint64 timestamp,
                                                           const QByteArray &iv) const;

private:
    QSharedDataPointer<SecureCookieData> d;
};

} // namespace RediStore

Q_DECLARE_SHARED(RediStore::SecureCookie)
Q_DECLARE_METATYPE(RediStore::SecureCookie)

#endif // REDISTORE_SECURECOOKIE_H
