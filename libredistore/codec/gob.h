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
// Qt -> Go on encode: QString string, bool bool, int/qint64 (and the other signed Qt integer
// types) int, uint/quint64 (and the other unsigned ones) uint, double and float float64,
// QByteArray []byte, QVariantList and QStringList []interface{}, a nested QVariantMap or
// QVariantHash map[string]interface{}, an invalid QVariant a nil interface; a top-level
// QVariantMap/QVariantHash is map[interface{}]interface{} with string keys (redistore's session
// Values). Map entries are written in key order (Go's order is random, so only single-entry
// maps are byte-comparable); type ids are those a fresh Go process assigns (65, 66, ... in
// first-use order), with definitions cut into the value exactly where Go puts them. Anything
// else is CodecError::GobUnsupportedType naming the Qt type; nesting deeper than
// Limits::maxDepth is GobLimitExceeded (what the decoder would refuse).
// Go -> Qt on decode: the reverse; every Go int width gives qint64, every uint width
// quint64, float32/float64 double, []uint8 QByteArray, slices and arrays QVariantList, maps with
// string or interface{}-holding-string keys QVariantMap, nil an invalid QVariant. In-stream
// type definitions are honoured whatever ids they carry, including those emitted in the middle
// of a value. Structs, complex numbers, named types (main.T, time.Time ...) and maps with other
// keys are GobUnsupportedType naming the Go type; malformed input GobCorrupt, cut input
// GobTruncated, input beyond the Limits GobLimitExceeded. Data after the value is ignored, as
// gob.Decoder.Decode leaves it for a next call.
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
