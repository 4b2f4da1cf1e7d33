#include <libredistore/serializer/serializererror.h>

#include <QtCore/QMetaEnum>

namespace RediStore {

SerializerError SerializerError::fromCodecError(const QString &context, const CodecError &error)
{
    Code code = Code::Corrupt;
    switch (error.code()) {
    case CodecError::Code::GobUnsupportedType:
    case CodecError::Code::CannotSerialize:
        code = Code::UnsupportedType;
        break;
    case CodecError::Code::JsonUnsupportedValue:
        code = Code::UnsupportedValue;
        break;
    case CodecError::Code::GobLimitExceeded:
    case CodecError::Code::JsonLimitExceeded:
        code = Code::LimitExceeded;
        break;
    case CodecError::Code::GobTruncated:
        code = Code::Truncated;
        break;
    case CodecError::Code::Internal:
        code = Code::Internal;
        break;
    default:
        break;
    }
    return SerializerError(code, context + QStringLiteral(": ") + error.message(), error);
}

QString SerializerError::codeName() const
{
    const QMetaEnum meta = QMetaEnum::fromType<Code>();
    const char *key = meta.valueToKey(static_cast<int>(m_code));
    return key ? QString::fromLatin1(key) : QString::number(static_cast<int>(m_code));
}

} // namespace RediStore
