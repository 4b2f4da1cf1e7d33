#ifndef REDISTORE_GOBWIRE_P_H
#define REDISTORE_GOBWIRE_P_H

#include <QtCore/QtAlgorithms>
#include <QtCore/QtGlobal>

// Constants of Go's encoding/gob wire format (Go 1.19 encoding/gob, type.go and doc.go), and
// its unsigned integers.
namespace RediStore::GobWire {

// Predefined type ids.
enum TypeId : qint64 {
    BoolId = 1,
    IntId = 2,
    UintId = 3,
    FloatId = 4,
    BytesId = 5,
    StringId = 6,
    ComplexId = 7,
    InterfaceId = 8,
    FirstUserId = 64, // a fresh Go process gives its first composite type id 65
};

// Field numbers of gob's wireType struct.
enum WireField : int {
    ArrayField = 0,
    SliceField = 1,
    StructField = 2,
    MapField = 3,
    GobEncoderField = 4,
    BinaryMarshalerField = 5,
    TextMarshalerField = 6,
};

// Go's interface{} names for the values redistore sessions hold (gob.Register names).
inline constexpr char StringName[] = "string";
inline constexpr char BoolName[] = "bool";
inline constexpr char IntName[] = "int";
inline constexpr char UintName[] = "uint";
inline constexpr char Float64Name[] = "float64";
inline constexpr char BytesName[] = "[]uint8";
inline constexpr char SliceOfInterfaceName[] = "[]interface {}";
inline constexpr char MapStringInterfaceName[] = "map[string]interface {}";
inline constexpr char MapInterfaceInterfaceName[] = "map[interface {}]interface {}";

// Go's encodeUint: one byte below 128, else the byte count negated, then big-endian bytes.
// Writes at most 9 bytes to out and returns how many.
inline int encodeUint(quint64 x, char *out)
{
    if (x <= 0x7f) {
        out[0] = char(x);
        return 1;
    }
    const int length = 8 - qCountLeadingZeroBits(x) / 8;
    out[0] = char(uchar(256 - length));
    for (int i = length; i > 0; --i, x >>= 8)
        out[i] = char(uchar(x));
    return length + 1;
}

// The bytes encodeUint() writes for x.
inline int uintSize(quint64 x)
{
    return x <= 0x7f ? 1 : 1 + (8 - qCountLeadingZeroBits(x) / 8);
}

// Go's decodeUint from [pos, end): advances pos past it.
enum class UintRead { Ok, End, OutOfRange, Truncated };
inline UintRead decodeUint(const uchar *&pos, const uchar *end, quint64 &value, int *length)
{
    if (pos >= end)
        return UintRead::End;
    const uchar first = *pos;
    if (first <= 0x7f) {
        ++pos;
        value = first;
        return UintRead::Ok;
    }
    *length = -int(qint8(first));
    if (*length > 8)
        return UintRead::OutOfRange;
    if (end - pos - 1 < *length)
        return UintRead::Truncated;
    ++pos;
    quint64 x = 0;
    for (int i = 0; i < *length; ++i)
        x = (x << 8) | pos[i];
    pos += *length;
    value = x;
    return UintRead::Ok;
}

} // namespace RediStore::GobWire

#endif // REDISTORE_GOBWIRE_P_H
