#ifndef REDISTORE_JSONSERIALIZER_H
#define REDISTORE_JSONSERIALIZER_H

#include <libredistore/codec/gojson.h>
#include <libredistore/serializer/sessionserializer.h>

namespace RediStore {

// Go redistore's JSONSerializer, byte for byte: serialize is json.Marshal of the values
// (keys sorted, compact, HTML-safe escaping, Go's number format, no trailing newline);
// deserialize is json.Unmarshal into map[string]interface{}.
//
// JSON holds fewer types than a QVariant, so values change on the way back, as they do in Go:
// - every number comes back as a double (an int 2^53+1 comes back as 9007199254740992);
// - a QByteArray is written as a standard base64 string and comes back as that QString;
// - a QDateTime is written as an RFC 3339 string (as Go writes time.Time, e.g.
//   "2025-06-15T12:00:00.5Z" or "...+02:00") and comes back as that QString;
// - QUrl and QUuid are written as strings, QStringList as an array, QVariantHash as an object
//   (QVariantMap on the way back), QJsonValue/Object/Array/Document as the JSON they hold;
// - every other type (QRect, QColor, custom types ...) is refused with UnsupportedType, and
//   NaN or infinities with UnsupportedValue, as json.Marshal refuses them.
// Input "null" gives no values and no error (Unmarshal of null into a map is a no-op).
class REDISTORE_EXPORT JsonSerializer final : public SessionSerializer
{
public:
    JsonSerializer() = default;
    explicit JsonSerializer(const GoJson::Limits &limits)
        : m_limits(limits)
    { }

    QString name() const override;
    Result<QByteArray, SerializerError> serialize(const QVariantMap &values) const override;
    Result<QVariantMap, SerializerError> deserialize(const QByteArray &bytes) const override;

private:
    GoJson::Limits m_limits;
};

} // namespace RediStore

#endif // REDISTORE_JSONSERIALIZER_H
