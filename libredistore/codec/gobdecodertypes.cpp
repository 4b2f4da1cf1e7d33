#include "gobdecoder_p.h"
#include "gobwire_p.h"

#include <cstring>

// How the decoder knows Go types by name: the names gob.Register gives unnamed types
// ("[]interface {}", "map[string]interface {}", "[3]int"), parsed and checked against the wire
// types the stream defines.

namespace RediStore {

using namespace GobWire;

namespace {

const GoType BoolType { GoType::Bool };
const GoType StringType { GoType::String };
const GoType IntType { GoType::Int, 64 };
const GoType UintType { GoType::Uint, 64 };
const GoType Float64Type { GoType::Float, 64 };
const GoType BytesType { GoType::Bytes };
const GoType InterfaceType { GoType::Interface };
const GoType SliceOfInterfaceType { GoType::Slice, 64, nullptr, &InterfaceType };
const GoType MapStringInterfaceType { GoType::Map, 64, &StringType, &InterfaceType };
const GoType MapInterfaceInterfaceType { GoType::Map, 64, &InterfaceType, &InterfaceType };

struct BasicName
{
    const char *name;
    GoType type;
};

// Go's predeclared types as reflect.Type.String() spells them (byte and rune are aliases).
const BasicName BasicNames[] = {
    { "bool", { GoType::Bool } },          { "string", { GoType::String } },
    { "int", { GoType::Int, 64 } },        { "int8", { GoType::Int, 8 } },
    { "int16", { GoType::Int, 16 } },      { "int32", { GoType::Int, 32 } },
    { "int64", { GoType::Int, 64 } },      { "uint", { GoType::Uint, 64 } },
    { "uint8", { GoType::Uint, 8 } },      { "uint16", { GoType::Uint, 16 } },
    { "uint32", { GoType::Uint, 32 } },    { "uint64", { GoType::Uint, 64 } },
    { "uintptr", { GoType::Uint, 64 } },   { "float32", { GoType::Float, 32 } },
    { "float64", { GoType::Float, 64 } },  { "complex64", { GoType::Complex } },
    { "complex128", { GoType::Complex } },
};

inline bool equals(QByteArrayView view, const char *literal, qsizetype length)
{
    return view.size() == length && std::memcmp(view.data(), literal, size_t(length)) == 0;
}

template<qsizetype N> inline bool equals(QByteArrayView view, const char (&literal)[N])
{
    return equals(view, literal, N - 1);
}

} // namespace

const GoType *GobDecoder::resolveName(QByteArrayView name)
{
    if (equals(name, StringName))
        return &StringType;
    if (equals(name, IntName))
        return &IntType;
    if (equals(name, BoolName))
        return &BoolType;
    if (equals(name, Float64Name))
        return &Float64Type;
    if (equals(name, UintName))
        return &UintType;
    if (equals(name, BytesName))
        return &BytesType;
    if (equals(name, SliceOfInterfaceName))
        return &SliceOfInterfaceType;
    if (equals(name, MapStringInterfaceName))
        return &MapStringInterfaceType;
    if (equals(name, MapInterfaceInterfaceName))
        return &MapInterfaceInterfaceType;

    const QByteArray key = name.toByteArray();
    const auto cached = m_nameCache.constFind(key);
    if (cached != m_nameCache.cend())
        return *cached;
    qsizetype pos = 0;
    const GoType *type = parseName(name, pos, 0);
    if (pos != name.size())
        type = nullptr;
    m_nameCache.insert(key, type);
    return type;
}

// Parses the unnamed Go types gob registers by their reflect string: predeclared types,
// []T, [N]T, map[K]V and interface {}. Named types (pkg.T), structs, complex numbers and maps
// keyed by anything but strings give nullptr.
const GoType *GobDecoder::parseName(QByteArrayView name, qsizetype &pos, int depth)
{
    auto keep = [this](const GoType &type) {
        return m_parsedTypes.emplace_back(std::make_unique<GoType>(type)).get();
    };
    if (depth > 64 || pos >= name.size())
        return nullptr;
    const QByteArrayView rest = name.sliced(pos);
    if (rest.startsWith("[]")) {
        pos += 2;
        const GoType *elem = parseName(name, pos, depth + 1);
        if (!elem)
            return nullptr;
        if (elem->kind == GoType::Uint && elem->bits == 8)
            return &BytesType; // []uint8 is gob's predefined []byte
        return keep(GoType { GoType::Slice, 64, nullptr, elem });
    }
    if (rest.startsWith('[')) {
        ++pos;
        qint64 length = 0;
        const qsizetype digitsStart = pos;
        while (pos < name.size() && name.at(pos) >= '0' && name.at(pos) <= '9') {
            if (length > (qint64(1) << 40))
                return nullptr;
            length = length * 10 + (name.at(pos++) - '0');
        }
        if (pos == digitsStart || pos >= name.size() || name.at(pos) != ']')
            return nullptr;
        ++pos;
        const GoType *elem = parseName(name, pos, depth + 1);
        if (!elem)
            return nullptr;
        return keep(GoType { GoType::Array, 64, nullptr, elem, length });
    }
    if (rest.startsWith("map[")) {
        pos += 4;
        const GoType *key = parseName(name, pos, depth + 1);
        if (!key || pos >= name.size() || name.at(pos) != ']')
            return nullptr;
        ++pos;
        const GoType *elem = parseName(name, pos, depth + 1);
        if (!elem || (key->kind != GoType::String && key->kind != GoType::Interface))
            return nullptr;
        return keep(GoType { GoType::Map, 64, key, elem });
    }
    if (rest.startsWith("interface {}")) {
        pos += 12;
        return &InterfaceType;
    }
    qsizetype end = pos;
    while (end < name.size()
           && ((name.at(end) >= 'a' && name.at(end) <= 'z')
               || (name.at(end) >= '0' && name.at(end) <= '9')))
        ++end;
    const QByteArrayView identifier = name.sliced(pos, end - pos);
    for (const BasicName &basic : BasicNames) {
        if (equals(identifier, basic.name, qsizetype(std::strlen(basic.name)))) {
            if (basic.type.kind == GoType::Complex)
                return nullptr;
            pos = end;
            return &basic.type;
        }
    }
    return nullptr;
}

bool GobDecoder::compatible(const GoType *goType, qint64 id, int depth) const
{
    switch (goType->kind) {
    case GoType::Bool:
        return id == BoolId;
    case GoType::Int:
        return id == IntId;
    case GoType::Uint:
        return id == UintId;
    case GoType::Float:
        return id == FloatId;
    case GoType::String:
        return id == StringId;
    case GoType::Bytes:
        return id == BytesId;
    case GoType::Interface:
        return id == InterfaceId;
    case GoType::Complex:
        return false;
    default:
        break;
    }
    if (depth > 64)
        return false;
    const GobWireType *found = findType(id);
    if (!found)
        return false;
    switch (goType->kind) {
    case GoType::Slice:
        return found->kind == GobWireType::Slice
            && compatible(goType->elem, found->elem, depth + 1);
    case GoType::Array:
        return found->kind == GobWireType::Array && found->length == goType->length
            && compatible(goType->elem, found->elem, depth + 1);
    case GoType::Map:
        return found->kind == GobWireType::Map && compatible(goType->key, found->key, depth + 1)
            && compatible(goType->elem, found->elem, depth + 1);
    default:
        return false;
    }
}

// The Go spelling of a wire type, for messages.
QString GobDecoder::wireTypeName(qint64 id, int depth) const
{
    switch (id) {
    case BoolId:
        return QStringLiteral("bool");
    case IntId:
        return QStringLiteral("int");
    case UintId:
        return QStringLiteral("uint");
    case FloatId:
        return QStringLiteral("float64");
    case BytesId:
        return QStringLiteral("[]uint8");
    case StringId:
        return QStringLiteral("string");
    case ComplexId:
        return QStringLiteral("complex128");
    case InterfaceId:
        return QStringLiteral("interface {}");
    default:
        break;
    }
    const GobWireType *found = findType(id);
    if (!found)
        return QStringLiteral("<type id %1>").arg(id);
    if (!found->name.isEmpty())
        return gobPrintableName(found->name);
    if (depth > 4)
        return QStringLiteral("...");
    switch (found->kind) {
    case GobWireType::Slice:
        return QStringLiteral("[]") + wireTypeName(found->elem, depth + 1);
    case GobWireType::Array:
        return QStringLiteral("[%1]").arg(found->length) + wireTypeName(found->elem, depth + 1);
    case GobWireType::Map:
        return QStringLiteral("map[") + wireTypeName(found->key, depth + 1) + QLatin1Char(']')
            + wireTypeName(found->elem, depth + 1);
    case GobWireType::Struct:
        return QStringLiteral("struct");
    default:
        return QStringLiteral("<type id %1>").arg(id);
    }
}

} // namespace RediStore
