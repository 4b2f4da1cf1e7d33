#ifndef REDISTORE_GOB_H
#define REDISTORE_GOB_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QVariant>

namespace RediStore {

// Go's encoding/gob for the values Go's redistore and securecookie store: one self-contained
// stream per value, as a fresh gob.Encoder writes it (type definitions, then the value).
//
// Qt -> Go on encode: QString string, bool bool, int/qint64 int, uint/quint64 uint, double
// float64, QByteArray []byte, QVariantList []interface{}, a nested QVariantMap
// map[string]interface{}; a top-level QVariantMap is map[interface{}]interface{} with string
// keys (redistore's session Values). Anything else is CodecError::GobUnsupportedType.
// Go -> Qt on decode: the reverse; int and int64 give qint64, uint quint64, nil an invalid
// QVariant. In-stream type definitions are honoured whatever ids they carry, including those
// emitted in the middle of a value.
class REDISTORE_EXPORT Gob
{
public:
    // Bounds that keep hostile input from costing memory or time.
    struct Limits
    {
        qsizetype maxInputSize = 16 * 1024 * 1024;
        qsizetype maxElements = 1024 * 1024; // map entries + list items in one value
        int maxDepth = 64;
    };

    static Result<QByteArray, CodecError> encode(const QVariant &value);
    static Result<QVariant, CodecError> decode(const QByteArray &stream, const Limits &limits);
    static Result<QVariant, CodecError> decode(const QByteArray &stream)
    {
        return decode(stream, Limits {});
    }
};

} // namespace RediStore

#endif // REDISTORE_GOB_H
