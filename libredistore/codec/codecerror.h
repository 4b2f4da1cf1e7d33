#ifndef REDISTORE_CODECERROR_H
#define REDISTORE_CODECERROR_H

#include <libredistore/redistore_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace RediStore {

// The errors of the codec layer: securecookie, Go's gob and Go's JSON. Codes are grouped in
// numbered bands as QNetworkReply does; errorClass() maps a code to securecookie's classes.
class REDISTORE_EXPORT CodecError
{
    Q_GADGET

public:
    enum class Code {
        NoError = 0,

        // 100: securecookie usage errors (bad keys, values that cannot be encoded)
        NoKeys = 100, // securecookie: no codecs provided
        HashKeyNotSet, // securecookie: hash key is not set
        InvalidBlockKey, // AES key not 16, 24 or 32 bytes
        ValueTooLong, // encoded cookie longer than maxLength
        CannotSerialize, // the value has a type the payload encoding cannot write

        // 200: securecookie decode errors (what a client sent is not a valid cookie)
        CookieTooLong = 200, // raw cookie longer than maxLength
        Base64DecodeFailed,
        MacInvalid, // the value is not valid: wrong key, wrong name or tampered
        InvalidTimestamp,
        Expired,
        TooNew,
        DecryptFailed, // the value could not be decrypted
        CannotDeserialize, // the payload does not decode as the expected encoding

        // 300: gob format errors
        GobTruncated = 300,
        GobCorrupt,
        GobUnsupportedType, // a Go type this codec does not read or write (named in message)
        GobLimitExceeded, // a length, count or depth above the bounds

        // 400: Go JSON format errors
        JsonSyntax = 400,
        JsonUnsupportedValue, // NaN, infinities, non-string keys, types JSON cannot hold
        JsonLimitExceeded,

        // 900: internal errors (OpenSSL failures)
        Internal = 900,
    };
    Q_ENUM(Code)

    // gorilla/securecookie's error classes: IsUsage(), IsDecode(), IsInternal().
    enum class Class { None, Usage, Decode, Internal };

    CodecError() = default;
    CodecError(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }

    Code code() const noexcept { return m_code; }
    Class errorClass() const noexcept;
    // A message a user can act on, e.g. "securecookie: the value is not valid (wrong key,
    // wrong cookie name or tampered value)".
    QString message() const { return m_message; }
    // The code's name, e.g. "MacInvalid", for logs and the command-line tool.
    QString codeName() const;
    bool isError() const noexcept { return m_code != Code::NoError; }

private:
    Code m_code = Code::NoError;
    QString m_message;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::CodecError)

#endif // REDISTORE_CODECERROR_H
