#include "keyring.h"

namespace RediStore {

namespace {

bool decodeHex(QStringView text, QByteArray *out)
{
    if (text.size() % 2 != 0)
        return false;
    QByteArray bytes(text.size() / 2, Qt::Uninitialized);
    auto nibble = [](QChar c) -> int {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return u - u'0';
        if (u >= u'a' && u <= u'f')
            return u - u'a' + 10;
        if (u >= u'A' && u <= u'F')
            return u - u'A' + 10;
        return -1;
    };
    for (qsizetype i = 0; i < text.size(); i += 2) {
        const int hi = nibble(text[i]);
        const int lo = nibble(text[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        bytes[i / 2] = char((hi << 4) | lo);
    }
    *out = bytes;
    return true;
}

bool decodeBase64(QStringView text, QByteArray *out)
{
    QByteArray latin1 = text.toLatin1();
    if (latin1.contains('-') || latin1.contains('_')) {
        if (latin1.contains('+') || latin1.contains('/'))
            return false;
        latin1.replace('-', '+').replace('_', '/');
    }
    // Qt accepts text without its '=' padding, and also a dangling sixth bit: refuse that.
    if (latin1.size() % 4 == 1)
        return false;
    auto decoded = QByteArray::fromBase64Encoding(
        latin1, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = decoded.decoded;
    return true;
}

QString pairPrefix(qsizetype index)
{
    return QStringLiteral("key pair %1: ").arg(index + 1);
}

} // namespace

KeyRing KeyRing::keys(const QList<QByteArray> &hashAndBlockKeys)
{
    KeyRing ring;
    for (qsizetype i = 0; i < hashAndBlockKeys.size(); i += 2) {
        ring.append(hashAndBlockKeys.at(i),
                    i + 1 < hashAndBlockKeys.size() ? hashAndBlockKeys.at(i + 1) : QByteArray());
    }
    return ring;
}

bool KeyRing::keyFromString(const QString &text, QByteArray *key)
{
    const QLatin1String hexPrefix("hex:");
    const QLatin1String base64Prefix("base64:");
    if (text.startsWith(hexPrefix))
        return decodeHex(QStringView(text).mid(hexPrefix.size()), key);
    if (text.startsWith(base64Prefix))
        return decodeBase64(QStringView(text).mid(base64Prefix.size()), key);
    *key = text.toUtf8();
    return true;
}

Result<KeyRing, CodecError> KeyRing::keysFromStrings(const QStringList &hashAndBlockKeys)
{
    QList<QByteArray> decodedKeys;
    decodedKeys.reserve(hashAndBlockKeys.size());
    for (qsizetype i = 0; i < hashAndBlockKeys.size(); ++i) {
        const QString &text = hashAndBlockKeys.at(i);
        QByteArray key;
        if (!keyFromString(text, &key)) {
            const bool isHash = i % 2 == 0;
            const QString encoding = text.startsWith(QLatin1String("hex:"))
                ? QStringLiteral("hex")
                : QStringLiteral("base64");
            // Say which key, never the secret itself.
            return CodecError(
                isHash ? CodecError::Code::HashKeyNotSet : CodecError::Code::InvalidBlockKey,
                pairPrefix(i / 2)
                    + (isHash ? QStringLiteral("hash key") : QStringLiteral("block key"))
                    + QStringLiteral(" is not valid ") + encoding
                    + QStringLiteral(" (write it as \"hex:<even number of hex "
                                     "digits>\", \"base64:<base64>\" or plain "
                                     "text)"));
        }
        decodedKeys.append(key);
    }
    return keys(decodedKeys);
}

Result<void, CodecError> KeyRing::validate() const
{
    if (m_pairs.isEmpty()) {
        return CodecError(CodecError::Code::NoKeys,
                          QStringLiteral("securecookie: no codecs provided (configure at least "
                                         "one hash key)"));
    }
    for (qsizetype i = 0; i < m_pairs.size(); ++i) {
        const Pair &pair = m_pairs.at(i);
        if (pair.hashKey.isEmpty()) {
            return CodecError(CodecError::Code::HashKeyNotSet,
                              pairPrefix(i)
                                  + QStringLiteral("hash key is empty; HMAC-SHA256 needs a "
                                                   "secret key, 32 or 64 random bytes "
                                                   "(securecookie: hash key is not set)"));
        }
        const qsizetype blockSize = pair.blockKey.size();
        if (blockSize != 0 && blockSize != 16 && blockSize != 24 && blockSize != 32) {
            return CodecError(CodecError::Code::InvalidBlockKey,
                              pairPrefix(i)
                                  + QStringLiteral("block key is %1 bytes; AES needs 16, 24 "
                                                   "or 32 (or leave it empty to sign "
                                                   "without encrypting)")
                                        .arg(blockSize));
        }
    }
    return {};
}

} // namespace RediStore
