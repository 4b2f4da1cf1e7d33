#include <libredistore/serializer/jsonserializer.h>

namespace RediStore {

QString JsonSerializer::name() const
{
    return QStringLiteral("json");
}

Result<QByteArray, SerializerError> JsonSerializer::serialize(const QVariantMap &values) const
{
    auto json = GoJson::marshal(values);
    if (!json.ok())
        return SerializerError::fromCodecError(QStringLiteral("JsonSerializer"), json.error());
    if (json.value().size() > m_limits.maxInputSize) {
        return SerializerError(
            SerializerError::Code::ValueTooLarge,
            QStringLiteral("JsonSerializer: the values take %1 bytes, more than the %2 "
                           "this serializer reads back")
                .arg(json.value().size())
                .arg(m_limits.maxInputSize));
    }
    return std::move(json).value();
}

Result<QVariantMap, SerializerError> JsonSerializer::deserialize(const QByteArray &bytes) const
{
    auto value = GoJson::unmarshal(bytes, m_limits);
    if (!value.ok()) {
        SerializerError error
            = SerializerError::fromCodecError(QStringLiteral("JsonSerializer"), value.error());
        if (error.code() == SerializerError::Code::UnsupportedValue) {
            // A number out of float64's range: the bytes are what cannot be read.
            error = SerializerError(SerializerError::Code::Corrupt, error.message(),
                                    error.codecError());
        }
        return error;
    }
    switch (value.value().metaType().id()) {
    case QMetaType::QVariantMap:
        return value.value().toMap();
    case QMetaType::UnknownType:
        return QVariantMap(); // json.Unmarshal of null into a map leaves it untouched
    default:
        return SerializerError(SerializerError::Code::NotAMap,
                               QStringLiteral("JsonSerializer: json: cannot unmarshal %1 into Go "
                                              "value of type map[string]interface {}")
                                   .arg(value.value().metaType().id() == QMetaType::QVariantList
                                            ? QStringLiteral("array")
                                            : value.value().metaType().id() == QMetaType::QString
                                            ? QStringLiteral("string")
                                            : value.value().metaType().id() == QMetaType::Bool
                                            ? QStringLiteral("bool")
                                            : QStringLiteral("number")));
    }
}

} // namespace RediStore
