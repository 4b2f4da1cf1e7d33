#ifndef REDISTORE_GOBSERIALIZER_H
#define REDISTORE_GOBSERIALIZER_H

#include <libredistore/codec/gob.h>
#include <libredistore/serializer/sessionserializer.h>

namespace RediStore {

// Go redistore's GobSerializer (its default): the values as a gob map[interface{}]interface{}
// with string keys, written as a fresh gob.Encoder writes it, so Go reads what Qt stores and
// the other way round. The Qt <-> Go types are Gob's (see gob.h): QString string, bool bool,
// int/qint64 int, uint/quint64 uint, double float64, QByteArray []byte, QVariantList
// []interface{}, nested QVariantMap map[string]interface{}; other types are UnsupportedType.
// Go ints come back as qint64 and uints as quint64.
class REDISTORE_EXPORT GobSerializer final : public SessionSerializer
{
public:
    GobSerializer() = default;
    explicit GobSerializer(const Gob::Limits &limits)
        : m_limits(limits)
    { }

    QString name() const override;
    Result<QByteArray, SerializerError> serialize(const QVariantMap &values) const override;
    Result<QVariantMap, SerializerError> deserialize(const QByteArray &bytes) const override;

private:
    Gob::Limits m_limits;
};

} // namespace RediStore

#endif // REDISTORE_GOBSERIALIZER_H
