// libFuzzer target: SecureCookie::decode on arbitrary cookies, with a fixed key ring, with and
// without AES, gob and JSON payloads.
//
// The first input byte picks a mode; the rest is the data:
//   mode % 4 == 0: the data is a cookie as a client would send it (mostly stops at the MAC);
//   mode % 4 == 1: the data is "timestamp|value", signed here with the hash-only key, so the
//                  timestamp parser, the inner base64 decoder and gob/JSON see arbitrary bytes;
//   mode % 4 == 2: the same signed with the AES-128 pair (decryption, then the payload);
//   mode % 4 == 3: round trip: the data as a payload must come back unchanged.
// Bit 2 of the mode selects JSON instead of gob, bit 3 lifts maxLength.

#include "fuzzsupport.h"

#include <libredistore/codec/securecookie.h>

#include <QtCore/QByteArray>
#include <QtCore/QMessageAuthenticationCode>

#include <cstdint>

using namespace RediStore;

namespace {

const QByteArray cookieName("session-name");
const QByteArray hashKey
    = QByteArray::fromHex("63f5bc1fa8d07612eb2b1b11f7414f544ef04fd9d833d9aa8cf7a4f643774be7");
const QByteArray hashKey2 = QByteArray::fromHex(
    "724bb1b2fb1a688db5de90fd7e1d0c0701424bb296065a6b1e324a239fca8c2b73f8ff7f2661788175fdf47f"
    "3374907e220a9e9e744144e1270086ac49795eab");
const QByteArray blockKey = QByteArray::fromHex("382805d6d0fc3d001af026bd3735192e");
const QByteArray blockKey32
    = QByteArray::fromHex("ff50be026442cf1114e13ede08f4802c6c138c98c40ed3303718b294e80896f6");

constexpr qint64 fixedNow = 1750000060;

SecureCookie makeCodec(const KeyRing &ring)
{
    SecureCookie codec(ring);
    codec.setClock([] { return fixedNow; });
    if (!codec.isValid())
        Fuzz::invariantBroken("the fuzzer's key ring is valid");
    return codec;
}

// Signs "timestamp|value" as securecookie does, so decoding gets past the MAC.
QByteArray signedCookie(const QByteArray &key, const QByteArray &signedPart)
{
    const QByteArray message = cookieName + '|' + signedPart;
    const QByteArray mac
        = QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
    return QByteArray(signedPart + '|' + mac).toBase64(QByteArray::Base64UrlEncoding);
}

void decodeAll(const SecureCookie &codec, const QByteArray &cookie)
{
    const auto value = codec.decode(cookieName, cookie);
    const SecureCookie::Inspection found = codec.inspect(cookieName, cookie);
    if (value.ok() != found.ok())
        Fuzz::invariantBroken("decode() and inspect() agree");
    if (!found.ok() && found.keyErrors.size() != codec.keys().size())
        Fuzz::invariantBroken("a failed decode has one error per key pair");
    if (found.ok()
        && (found.keyIndex >= codec.keys().size() || found.keyErrors.size() != found.keyIndex))
        Fuzz::invariantBroken("the matching key pair comes after the failed ones");
    if (!value.ok()
        && (value.error().message().isEmpty()
            || value.error().errorClass() != CodecError::Class::Decode))
        Fuzz::invariantBroken("a cookie that does not decode is a decode error with a message");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const SecureCookie hashOnly = makeCodec(KeyRing { { hashKey, {} } });
    static const SecureCookie aes = makeCodec(KeyRing { { hashKey, blockKey } });
    // Rotation: an AES-256 pair that never matches, then the AES-128 one, then hash-only.
    static const SecureCookie ring
        = makeCodec(KeyRing { { hashKey2, blockKey32 }, { hashKey, blockKey }, { hashKey, {} } });

    if (size == 0)
        return 0;
    const uint8_t mode = data[0];
    const QByteArray input = Fuzz::bytes(data + 1, size - 1);

    auto configured = [mode](SecureCookie codec) {
        if (mode & 4)
            codec.setEncoding(SecureCookie::Encoding::Json);
        if (mode & 8)
            codec.setMaxLength(0);
        return codec;
    };

    switch (mode % 4) {
    case 0:
        decodeAll(configured(hashOnly), input);
        decodeAll(configured(aes), input);
        decodeAll(configured(ring), input);
        break;
    case 1:
        decodeAll(configured(hashOnly), signedCookie(hashKey, input));
        decodeAll(configured(ring), signedCookie(hashKey, input));
        break;
    case 2:
        decodeAll(configured(aes), signedCookie(hashKey, input));
        break;
    case 3: {
        const SecureCookie codec = configured(ring);
        const auto cookie = codec.encodePayload(cookieName, input);
        if (!cookie.ok())
            break; // longer than maxLength
        int keyIndex = -1;
        const auto back = codec.decodePayload(cookieName, cookie.value(), &keyIndex);
        // An empty payload under AES is just the IV, which securecookie refuses to decrypt.
        if (input.isEmpty())
            break;
        if (!back.ok() || back.value() != input || keyIndex != 0)
            Fuzz::invariantBroken("encodePayload() then decodePayload() gives the payload back");
        break;
    }
    }
    return 0;
}
