#include <libredistore/codec/codecerror.h>

#include <QtCore/QMetaEnum>

namespace RediStore {

CodecError::Class CodecError::errorClass() const noexcept
{
    const int value = static_cast<int>(m_code);
    if (value == 0)
        return Class::None;
    if (value >= 100 && value < 200)
        return Class::Usage;
    if (value >= 900)
        return Class::Internal;
    // Everything a peer sent that does not decode (cookies, gob, JSON) is a decode error, as
    // securecookie reports a failing Deserialize through IsDecode().
    return Class::Decode;
}

QString CodecError::codeName() const
{
    const QMetaEnum meta = QMetaEnum::fromType<Code>();
    const char *key = meta.valueToKey(static_cast<int>(m_code));
    return key ? QString::fromLatin1(key) : QString::number(static_cast<int>(m_code));
}

} // namespace RediStore
