#include "securecookie.h"
#include "securecookie_p.h"
#include "securecookiebase64_p.h"

#include <libredistore/coarseclock_p.h>
#include <libredistore/codec/gob.h>
#include <libredistore/codec/gojson.h>
#include <libredistore/utcdatetime_p.h>

#include <QtCore/QDateTime>
#include <QtCore/QVarLengthArray>

#include <openssl/crypto.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

namespace RediStore {

namespace {

using Code = CodecError::Code;
namespace B64 = SecureCookieBase64;

constexpr int MacSize = SecureCookieHmac::MacSize;
constexpr int IvSize = SecureCookieAes::IvSize;

// Go's cookieError text for a (de)serializer error, wrapped twice as securecookie does.
const QString wrappedCause = QStringLiteral("securecookie: error - caused by: "
                                            "securecookie: error - caused by: ");

QString utcText(qint64 seconds)
{
    return utcDateTime(seconds).toString(Qt::ISODate);
}

CodecError base64Error(qsizetype offset, const QString &what)
{
    return CodecError(Code::Base64DecodeFailed,
                      QStringLiteral("securecookie: base64 decode failed - caused by: illegal "
                                     "base64 data at input byte %1 (%2)")
                          .arg(offset)
                          .arg(what));
}

CodecError macError()
{
    return CodecError(Code::MacInvalid,
                      QStringLiteral("securecookie: the value is not valid (wrong hash key, wrong "
                                     "cookie name, or the value was changed)"));
}

CodecError internalError(const char *what)
{
    return CodecError(Code::Internal,
                      QStringLiteral("securecookie: OpenSSL failed to ") + QLatin1String(what));
}

// strconv.ParseInt(text, 10, 64): an optional sign, then one or more decimal digits, in range.
bool parseTimestamp(QByteArrayView text, qint64 *value)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    bool negative = false;
    if (begin != end && (*begin == '+' || *begin == '-')) {
        negative = *begin == '-';
        ++begin;
    }
    if (begin == end)
        return false;
    quint64 magnitude = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, magnitude);
    if (ec != std::errc() || ptr != end)
        return false;
    const quint64 limit = quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (magnitude > limit)
        return false;
    *value = negative ? qint64(0 - magnitude) : qint64(magnitude);
    return true;
}

// Go's MultiError text.
CodecError multiError(const QList<CodecError> &errors)
{
    if (errors.size() <= 1)
        return errors.value(0);
    const qsizetype others = errors.size() - 1;
    const CodecError &first = errors.first();
    return CodecError(first.code(),
                      first.message()
                          + (others == 1 ? QStringLiteral(" (and 1 other error)")
                                         : QStringLiteral(" (and %1 other errors)").arg(others)));
}

} // namespace

SecureCookieKeys::SecureCookieKeys(const KeyRing &keyRing)
    : ring(keyRing)
{
    if (auto valid = ring.validate(); !valid) {
        error = valid.error();
        return;
    }
    for (const KeyRing::Pair &pair : ring.pairs()) {
        auto key = std::make_unique<Key>();
        if (!key->hmac.setKey(pair.hashKey)) {
            error = internalError("set up HMAC-SHA256");
            return;
        }
        if (!pair.blockKey.isEmpty() && !key->aes.setKey(pair.blockKey)) {
            error = internalError("set up AES-CTR");
            return;
        }
        keys.push_back(std::move(key));
    }
}

// The work of encode() and decode() on payload bytes.
class SecureCookieCodec
{
public:
    explicit SecureCookieCodec(const SecureCookieData &data)
        : d(data)
    { }

    Result<QByteArray, CodecError> encode(const QByteArray &name, const QByteArray &payload,
                                          qint64 timestamp, const uchar *fixedIv) const;

    struct Decoded
    {
        QVariant value;
        QByteArray payload;
        int keyIndex = -1;
        qint64 timestamp = 0;
        QList<CodecError> keyErrors;
    };
    // deserialize(payload, &decoded) returns an error or NoError.
    template<typename Deserialize>
    void decode(const QByteArray &name, const QByteArray &cookie, Decoded *out,
                Deserialize deserialize) const;

private:
    CodecError decodeWithKey(const SecureCookieKeys::Key &key, const QByteArray &name,
                             QByteArrayView signedPart, QByteArrayView mac, QByteArray *payload,
                             qint64 *timestamp) const;

    const SecureCookieData &d;
};

Result<QByteArray, CodecError> SecureCookieCodec::encode(const QByteArray &name,
                                                         const QByteArray &payload,
                                                         qint64 timestamp,
                                                         const uchar *fixedIv) const
{
    const SecureCookieKeys &keys = *d.keys;
    if (keys.error.isError())
        return keys.error;
    const SecureCookieKeys::Key &key = *keys.keys.front();

    // [IV] + payload, encrypted in place.
    const bool encrypt = key.aes.isSet();
    const qsizetype rawSize = payload.size() + (encrypt ? IvSize : 0);
    QVarLengthArray<uchar, 512> raw(rawSize);
    uchar *body = raw.data() + (encrypt ? IvSize : 0);
    // Copied element by element: GCC 14 takes a memcpy() from constData() for a read of
    // QByteArray's shared empty array (-Warray-bounds), whatever guards the call.
    std::copy_n(payload.cbegin(), payload.size(), body);
    if (encrypt) {
        if (fixedIv)
            std::memcpy(raw.data(), fixedIv, IvSize);
        else if (!SecureCookieAes::randomIv(raw.data()))
            return internalError("generate a random IV");
        if (!key.aes.apply(raw.data(), body, payload.size()))
            return internalError("encrypt with AES-CTR");
    }

    // timestamp "|" base64url(raw) "|" mac
    char tsText[24];
    const auto tsEnd = std::to_chars(tsText, tsText + sizeof tsText, timestamp).ptr;
    const qsizetype tsSize = tsEnd - tsText;
    const qsizetype innerSize = B64::encodedSize(rawSize);
    const qsizetype signedSize = tsSize + 1 + innerSize;
    const qsizetype outerSize = signedSize + 1 + MacSize;
    const qsizetype cookieSize = B64::encodedSize(outerSize);
    if (d.maxLength != 0 && cookieSize > d.maxLength) {
        return CodecError(Code::ValueTooLong,
                          QStringLiteral("securecookie: the value is too long (the cookie would "
                                         "be %1 characters, maxLength is %2; store less in it "
                                         "or raise maxLength)")
                              .arg(cookieSize)
                              .arg(d.maxLength));
    }
    QVarLengthArray<char, 1024> outer(outerSize);
    std::memcpy(outer.data(), tsText, size_t(tsSize));
    outer[tsSize] = '|';
    B64::encode(raw.constData(), rawSize, outer.data() + tsSize + 1);
    outer[signedSize] = '|';
    auto *mac = reinterpret_cast<uchar *>(outer.data() + signedSize + 1);
    if (!key.hmac.mac(name, "|", QByteArrayView(outer.constData(), signedSize), mac))
        return internalError("compute HMAC-SHA256");

    QByteArray cookie(cookieSize, Qt::Uninitialized);
    B64::encode(reinterpret_cast<const uchar *>(outer.constData()), outerSize, cookie.data());
    return cookie;
}

template<typename Deserialize>
void SecureCookieCodec::decode(const QByteArray &name, const QByteArray &cookie, Decoded *out,
                               Deserialize deserialize) const
{
    const SecureCookieKeys &keys = *d.keys;
    if (keys.error.isError()) {
        out->keyErrors.append(keys.error);
        return;
    }
    const int keyCount = int(keys.keys.size());
    // Checks that do not depend on the key fail the same way for every pair, as in Go.
    auto failAll = [&](const CodecError &error) {
        for (int i = 0; i < keyCount; ++i)
            out->keyErrors.append(error);
    };

    if (d.maxLength != 0 && cookie.size() > d.maxLength) {
        failAll(CodecError(Code::CookieTooLong,
                           QStringLiteral("securecookie: the value is too long (%1 characters, "
                                          "maxLength is %2)")
                               .arg(cookie.size())
                               .arg(d.maxLength)));
        return;
    }

    QVarLengthArray<char, 1024> outer(B64::maxDecodedSize(cookie.size()));
    qsizetype errorOffset = 0;
    const qsizetype outerSize = B64::decode(cookie.constData(), cookie.size(),
                                            reinterpret_cast<uchar *>(outer.data()), &errorOffset);
    if (outerSize < 0) {
        failAll(base64Error(errorOffset, QStringLiteral("the cookie is not base64url")));
        return;
    }

    // "timestamp|value|mac", split on the first two '|' only: the raw MAC may contain '|'.
    const QByteArrayView all(outer.constData(), outerSize);
    const qsizetype bar1 = all.indexOf('|');
    const qsizetype bar2 = bar1 < 0 ? -1 : all.indexOf('|', bar1 + 1);
    if (bar2 < 0) {
        failAll(macError());
        return;
    }
    const QByteArrayView signedPart = all.first(bar2);
    const QByteArrayView mac = all.sliced(bar2 + 1);

    for (int i = 0; i < keyCount; ++i) {
        QByteArray payload;
        qint64 timestamp = 0;
        CodecError error
            = decodeWithKey(*keys.keys[size_t(i)], name, signedPart, mac, &payload, &timestamp);
        if (!error.isError())
            error = deserialize(payload, out);
        if (!error.isError()) {
            out->payload = payload;
            out->keyIndex = i;
            out->timestamp = timestamp;
            return;
        }
        out->keyErrors.append(error);
    }
}

CodecError SecureCookieCodec::decodeWithKey(const SecureCookieKeys::Key &key,
                                            const QByteArray &name, QByteArrayView signedPart,
                                            QByteArrayView mac, QByteArray *payload,
                                            qint64 *timestamp) const
{
    // The MAC first: nothing else is looked at before it is known to be ours.
    uchar expected[MacSize];
    if (!key.hmac.mac(name, "|", signedPart, expected))
        return internalError("compute HMAC-SHA256");
    if (mac.size() != MacSize || CRYPTO_memcmp(expected, mac.data(), MacSize) != 0)
        return macError();

    const qsizetype bar = signedPart.indexOf('|');
    if (!parseTimestamp(signedPart.first(bar), timestamp)) {
        return CodecError(Code::InvalidTimestamp,
                          QStringLiteral("securecookie: invalid timestamp (the signed time is "
                                         "not a decimal integer)"));
    }
    const qint64 now = d.clock ? d.clock() : coarseSecondsSinceEpoch();
    if (d.minAge != 0 && *timestamp > now - d.minAge) {
        return CodecError(Code::TooNew,
                          QStringLiteral("securecookie: timestamp is too new (signed at %1, "
                                         "less than minAge %2 s before now, %3)")
                              .arg(utcText(*timestamp))
                              .arg(d.minAge)
                              .arg(utcText(now)));
    }
    if (d.maxAge != 0 && *timestamp < now - d.maxAge) {
        return CodecError(Code::Expired,
                          QStringLiteral("securecookie: expired timestamp (signed at %1, more "
                                         "than maxAge %2 s before now, %3)")
                              .arg(utcText(*timestamp))
                              .arg(d.maxAge)
                              .arg(utcText(now)));
    }

    const QByteArrayView inner = signedPart.sliced(bar + 1);
    QByteArray raw(B64::maxDecodedSize(inner.size()), Qt::Uninitialized);
    qsizetype errorOffset = 0;
    const qsizetype rawSize = B64::decode(inner.data(), inner.size(),
                                          reinterpret_cast<uchar *>(raw.data()), &errorOffset);
    if (rawSize < 0)
        return base64Error(errorOffset, QStringLiteral("in the signed value"));
    raw.truncate(rawSize);

    if (key.aes.isSet()) {
        if (rawSize <= IvSize) {
            return CodecError(Code::DecryptFailed,
                              QStringLiteral("securecookie: the value could not be decrypted "
                                             "(it is too short to hold an IV; was it encoded "
                                             "without a block key?)"));
        }
        auto *bytes = reinterpret_cast<uchar *>(raw.data());
        if (!key.aes.apply(bytes, bytes + IvSize, rawSize - IvSize))
            return internalError("decrypt with AES-CTR");
        raw.remove(0, IvSize);
    }
    *payload = std::move(raw);
    return {};
}

// --- SecureCookie ---

SecureCookie::SecureCookie()
    : SecureCookie(KeyRing())
{ }

SecureCookie::SecureCookie(const KeyRing &keys)
    : d(new SecureCookieData)
{
    d->keys = std::make_shared<const SecureCookieKeys>(keys);
}

SecureCookie::SecureCookie(const QByteArray &hashKey, const QByteArray &blockKey)
    : SecureCookie(KeyRing { KeyRing::Pair { hashKey, blockKey } })
{ }

SecureCookie::SecureCookie(const SecureCookie &other) = default;
SecureCookie::SecureCookie(SecureCookie &&other) noexcept = default;
SecureCookie &SecureCookie::operator=(const SecureCookie &other) = default;
SecureCookie &SecureCookie::operator=(SecureCookie &&other) noexcept = default;
SecureCookie::~SecureCookie() = default;

bool SecureCookie::isValid() const
{
    return !d->keys->error.isError();
}

CodecError SecureCookie::keyError() const
{
    return d->keys->error;
}

KeyRing SecureCookie::keys() const
{
    return d->keys->ring;
}

qint64 SecureCookie::maxAge() const
{
    return d->maxAge;
}

void SecureCookie::setMaxAge(qint64 seconds)
{
    if (seconds >= 0)
        d->maxAge = seconds;
}

qint64 SecureCookie::minAge() const
{
    return d->minAge;
}

void SecureCookie::setMinAge(qint64 seconds)
{
    if (seconds >= 0)
        d->minAge = seconds;
}

qsizetype SecureCookie::maxLength() const
{
    return d->maxLength;
}

void SecureCookie::setMaxLength(qsizetype length)
{
    if (length >= 0)
        d->maxLength = length;
}

SecureCookie::Encoding SecureCookie::encoding() const
{
    return d->encoding;
}

void SecureCookie::setEncoding(Encoding encoding)
{
    d->encoding = encoding;
}

void SecureCookie::setClock(Clock clock)
{
    d->clock = std::move(clock);
}

qint64 SecureCookie::now() const
{
    return d->clock ? d->clock() : coarseSecondsSinceEpoch();
}

namespace {

Result<QByteArray, CodecError> serialize(SecureCookie::Encoding encoding, const QVariant &value)
{
    auto bytes
        = encoding == SecureCookie::Encoding::Gob ? Gob::encode(value) : GoJson::encode(value);
    if (!bytes)
        return CodecError(Code::CannotSerialize, wrappedCause + bytes.error().message());
    return bytes;
}

CodecError deserialize(SecureCookie::Encoding encoding, const QByteArray &payload, QVariant *value)
{
    auto decoded = encoding == SecureCookie::Encoding::Gob ? Gob::decode(payload)
                                                           : GoJson::unmarshal(payload);
    if (!decoded)
        return CodecError(Code::CannotDeserialize, wrappedCause + decoded.error().message());
    *value = std::move(decoded).value();
    return {};
}

} // namespace

Result<QByteArray, CodecError> SecureCookie::encode(const QByteArray &name,
                                                    const QVariant &value) const
{
    if (!isValid())
        return keyError();
    auto payload = serialize(d->encoding, value);
    if (!payload)
        return payload.error();
    return SecureCookieCodec(*d).encode(name, payload.value(), now(), nullptr);
}

Result<QByteArray, CodecError> SecureCookie::encodeForTesting(const QByteArray &name,
                                                              const QVariant &value,
                                                              qint64 timestamp,
                                                              const QByteArray &iv) const
{
    if (!isValid())
        return keyError();
    auto payload = serialize(d->encoding, value);
    if (!payload)
        return payload.error();
    return encodePayloadForTesting(name, payload.value(), timestamp, iv);
}

Result<QByteArray, CodecError> SecureCookie::encodePayloadForTesting(const QByteArray &name,
                                                                     const QByteArray &payload,
                                                                     qint64 timestamp,
                                                                     const QByteArray &iv) const
{
    if (isValid() && d->keys->keys.front()->aes.isSet() && iv.size() != IvSize) {
        return CodecError(Code::Internal,
                          QStringLiteral("securecookie: encodeForTesting needs a 16-byte IV"));
    }
    return SecureCookieCodec(*d).encode(name, payload, timestamp,
                                        reinterpret_cast<const uchar *>(iv.constData()));
}

Result<QByteArray, CodecError> SecureCookie::encodePayload(const QByteArray &name,
                                                           const QByteArray &payload) const
{
    return SecureCookieCodec(*d).encode(name, payload, now(), nullptr);
}

Result<QVariant, CodecError> SecureCookie::decode(const QByteArray &name, const QByteArray &cookie,
                                                  int *keyIndex) const
{
    SecureCookieCodec::Decoded decoded;
    const Encoding encoding = d->encoding;
    SecureCookieCodec(*d).decode(name, cookie, &decoded,
                                 [encoding](const QByteArray &payload, auto *out) {
                                     return deserialize(encoding, payload, &out->value);
                                 });
    if (keyIndex)
        *keyIndex = decoded.keyIndex;
    if (decoded.keyIndex < 0)
        return multiError(decoded.keyErrors);
    return std::move(decoded.value);
}

Result<QByteArray, CodecError>
SecureCookie::decodePayload(const QByteArray &name, const QByteArray &cookie, int *keyIndex) const
{
    SecureCookieCodec::Decoded decoded;
    SecureCookieCodec(*d).decode(name, cookie, &decoded,
                                 [](const QByteArray &, auto *) { return CodecError(); });
    if (keyIndex)
        *keyIndex = decoded.keyIndex;
    if (decoded.keyIndex < 0)
        return multiError(decoded.keyErrors);
    return std::move(decoded.payload);
}

SecureCookie::Inspection SecureCookie::inspect(const QByteArray &name,
                                               const QByteArray &cookie) const
{
    SecureCookieCodec::Decoded decoded;
    const Encoding encoding = d->encoding;
    SecureCookieCodec(*d).decode(name, cookie, &decoded,
                                 [encoding](const QByteArray &payload, auto *out) {
                                     return deserialize(encoding, payload, &out->value);
                                 });
    Inspection inspection;
    inspection.keyIndex = decoded.keyIndex;
    inspection.keyErrors = decoded.keyErrors;
    if (decoded.keyIndex >= 0) {
        inspection.value = std::move(decoded.value);
        inspection.timestamp = decoded.timestamp;
    } else {
        inspection.error = multiError(decoded.keyErrors);
    }
    return inspection;
}

} // namespace RediStore
