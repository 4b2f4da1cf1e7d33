#ifndef REDISTORE_GOBWIRE_P_H
#define REDISTORE_GOBWIRE_P_H

#include <QtCore/QtGlobal>

// Constants of Go's encoding/gob wire format (Go 1.19 encoding/gob, type.go and doc.go).
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

} // namespace RediStore::GobWire

#endif // REDISTORE_GOBWIRE_P_H
