#ifndef REDISTORE_GOJSON_H
#define REDISTORE_GOJSON_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QVariant>

namespace RediStore {

// JSON exactly as Go's encoding/json writes it: json.Marshal (sorted keys, compact, HTML-safe
// escaping of < > & U+2028 U+2029, shortest float formatting with Go's exponent rules,
// QByteArray as standard base64) and json.Unmarshal into interface{} (numbers become double,
// objects QVariantMap, arrays QVariantList, null an invalid QVariant).
class REDISTORE_EXPORT GoJson
{
public:
    struct Limits
    {
        qsizetype maxInputSize = 16 * 1024 * 1024;
        int maxDepth = 64;
    };

    // json.Marshal(value): no trailing newline.
    static Result<QByteArray, CodecError> marshal(const QVariant &value);
    // json.NewEncoder(w).Encode(value): marshal() plus "\n" (securecookie's JSONEncoder).
    static Result<QByteArray, CodecError> encode(const QVariant &value);
    static Result<QVariant, CodecError> unmarshal(const QByteArray &json, const Limits &limits);
    static Result<QVariant, CodecError> unmarshal(const QByteArray &json)
    {
        return unmarshal(json, Limits {});
    }
};

} // namespace RediStore

#endif // REDISTORE_GOJSON_H
