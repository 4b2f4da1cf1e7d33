#include <libredistore/codec/gojson.h>

#include "gojsonreader_p.h"
#include "gojsonwriter_p.h"

namespace RediStore {

Result<QByteArray, CodecError> GoJson::marshal(const QVariant &value)
{
    GoJsonWriter writer;
    return writer.marshal(value);
}

Result<QByteArray, CodecError> GoJson::encode(const QVariant &value)
{
    GoJsonWriter writer;
    auto result = writer.marshal(value);
    if (result.ok())
        result.value().append('\n');
    return result;
}

Result<QVariant, CodecError> GoJson::unmarshal(const QByteArray &json, const Limits &limits)
{
    GoJsonReader reader(limits);
    return reader.unmarshal(json);
}

} // namespace RediStore
