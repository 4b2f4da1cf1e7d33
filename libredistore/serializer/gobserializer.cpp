#include <libredistore/serializer/gobserializer.h>

namespace RediStore {

QString GobSerializer::name() const
{
    return QStringLiteral("gob");
}

Result<QByteArray, SerializerError> GobSerializer::serialize(const QVariantMap &values) const
{
    auto gob = Gob::encode(values);
    if (!gob.ok())
        return SerializerError::fromCodecError(QStringLiteral("GobSerializer"), gob.error());
    if (gob.value().size() > m_limits.maxInputSize) {
        return SerializerError(
            SerializerError::Code::ValueTooLarge,
            QStringLiteral("GobSerializer: the values take %1 bytes, more than the %2 "
                           "this serializer reads back")
                .arg(gob.value().size())
                .arg(m_limits.maxInputSize));
    }
    return std::move(gob).value();
}

Result<QVariantMap, SerializerError> GobSerializer::deserialize(const QByteArray &bytes) const
{
    auto value = Gob::decode(bytes, m_limits);
    if (!value.ok())
        return SerializerError::fromCodecError(QStringLiteral("GobSerializer"), value.error());
    if (value.value().metaType().id() != QMetaType::QVariantMap) {
        return SerializerError(SerializerError::Code::NotAMap,
                               QStringLiteral("GobSerializer: the stream holds a %1, not a map of "
                                              "session values")
                                   .arg(value.value().isValid()
                                            ? QString::fromLatin1(value.value().metaType().name())
                                            : QStringLiteral("nil")));
    }
    return std::move(*static_cast<QVariantMap *>(value.value().data()));
}

} // namespace RediStore
