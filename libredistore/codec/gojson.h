#ifndef REDISTORE_GOJSON_H
#define REDISTORE_GOJSON_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QVariant>

namespace RediStore {

// JSON exactly as Go's encoding/json writes it: json.Marshal (sorted keys in UTF-8 byte order,
// compact, HTML-safe escaping of < > & U+2028 U+2029, shortest float formatting with Go's
// exponent rules, integers exact) and json.Unmarshal into interface{} (numbers become double,
// objects QVariantMap, arrays QVariantList, null an invalid QVariant).
//
// Qt -> JSON on marshal: invalid QVariant/nullptr null, bool, all Qt integer types exact,
// double (float with float32's shortest digits), QString/QChar strings (a lone surrogate is
// written as the escape of U+FFFD, as Go writes invalid UTF-8), QByteArray standard base64 with
// padding (Go's []byte), QVariantList/QStringList arrays, QVariantMap/QVariantHash objects,
// QDateTime RFC 3339 as Go's time.Time (fraction trimmed, "Z" for UTC, year 0-9999), QUrl its
// encoded form, QUuid without braces, QJsonValue/Object/Array/Document the JSON they hold.
// NaN, infinities, invalid dates and other types are CodecError::JsonUnsupportedValue; nesting
// deeper than Limits::maxDepth is JsonLimitExceeded (what the reader would refuse).
// JSON -> Qt on unmarshal: syntax errors are JsonSyntax with Go's message and byte offset
// ("invalid character 'x' after array element (at byte offset 7)"); a number beyond float64 is
// JsonUnsupportedValue, as Go's UnmarshalTypeError; invalid UTF-8 and lone surrogate escapes
// become U+FFFD as in Go; nesting beyond Limits::maxDepth, or more object members and array
// items in all than Limits::maxElements, is JsonLimitExceeded (a 16 MB "[0,0,...]" is refused
// after its first million items instead of growing to ~16 bytes of QVariant per input byte).
class REDISTORE_EXPORT GoJson
{
public:
    struct Limits
    {
        qsizetype maxInputSize = 16 * 1024 * 1024;
        int maxDepth = 64;
        qsizetype maxElements = 1024 * 1024; // object members + array items in one value, as gob
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
