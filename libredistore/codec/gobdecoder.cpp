#include "gobdecoder_p.h"
#include "gobwire_p.h"

#include <QtCore/QtEndian>

#include <array>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

namespace RediStore {

using namespace GobWire;

namespace {

// Type definitions one stream may carry; Go's encoder sends a handful per value.
constexpr qsizetype MaxTypeDefinitions = 1024;
// Go's decoder refuses longer interface type names (decode.go decodeInterface).
constexpr qsizetype MaxTypeNameLength = 1024;

inline double floatFromBits(quint64 reversed)
{
    const quint64 bits = qbswap(reversed);
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// Map keys repeat from session to session ("user", "authenticated"): a small per-thread table
// hands out shared copies of the key last decoded from the same bytes, instead of a new string
// for every key of every session.
QString internedKey(const char *utf8, qsizetype size)
{
    constexpr qsizetype MaxLength = 32;
    struct Slot
    {
        char bytes[MaxLength];
        qsizetype size = -1;
        QString key;
    };
    thread_local std::array<Slot, 64> slots;
    if (size > MaxLength)
        return QString::fromUtf8(utf8, size);
    quint32 hash = 2166136261u; // FNV-1a
    for (qsizetype i = 0; i < size; ++i)
        hash = (hash ^ uchar(utf8[i])) * 16777619u;
    Slot &slot = slots[(hash ^ (hash >> 16)) % slots.size()];
    if (slot.size != size || std::memcmp(slot.bytes, utf8, size_t(size)) != 0) {
        slot.key = QString::fromUtf8(utf8, size);
        std::memcpy(slot.bytes, utf8, size_t(size));
        slot.size = size;
    }
    return slot.key;
}

} // namespace

bool GobDecoder::fail(CodecError::Code code, const QString &message)
{
    if (!m_error.isError())
        m_error = CodecError(code, message);
    return false;
}

Result<QVariant, CodecError> GobDecoder::decode(const QByteArray &stream)
{
    if (stream.size() > m_limits.maxInputSize) {
        return CodecError(CodecError::Code::GobLimitExceeded,
                          QStringLiteral("gob: stream of %1 bytes is larger than the limit of %2")
                              .arg(stream.size())
                              .arg(m_limits.maxInputSize));
    }
    if (stream.isEmpty())
        return CodecError(CodecError::Code::GobTruncated, QStringLiteral("gob: empty stream"));

    m_begin = reinterpret_cast<const uchar *>(stream.constData());
    m_end = m_begin + stream.size();
    m_pos = m_messageEnd = m_begin;

    qint64 id = 0;
    QVariant value;
    quint64 delta = 0;
    if (!decodeTypeSequence(false, id))
        return m_error;
    // A top-level value that is not a struct is sent as a singleton: field delta 0, then the value.
    if (!readUint(delta))
        return m_error;
    if (delta != 0) {
        const GobWireType *type = findType(id);
        if (type && type->kind == GobWireType::Struct) {
            fail(CodecError::Code::GobUnsupportedType,
                 QStringLiteral("gob: Go struct type %1 is not supported").arg(wireTypeName(id)));
        } else {
            corrupt(QStringLiteral("gob: corrupted data: non-zero delta for singleton"));
        }
        return m_error;
    }
    if (!decodeValue(id, nullptr, value, 1))
        return m_error;
    return value;
}

// recvMessage: the next count-delimited message becomes the current one.
bool GobDecoder::nextMessage()
{
    m_pos = m_messageEnd;
    if (m_pos >= m_end)
        return fail(CodecError::Code::GobTruncated,
                    QStringLiteral("gob: unexpected end of stream"));
    const uchar first = *m_pos++;
    quint64 length = first;
    if (first > 0x7f) {
        const int n = -int(qint8(first));
        if (n > 8)
            return corrupt(QStringLiteral("gob: invalid message length"));
        if (m_end - m_pos < n) {
            return fail(CodecError::Code::GobTruncated,
                        QStringLiteral("gob: unexpected end of stream in a message length"));
        }
        length = 0;
        for (int i = 0; i < n; ++i)
            length = (length << 8) | *m_pos++;
    }
    if (length == 0)
        return corrupt(QStringLiteral("gob: empty message"));
    if (length > quint64(m_end - m_pos)) {
        return fail(CodecError::Code::GobTruncated,
                    QStringLiteral("gob: message of %1 bytes but only %2 bytes left")
                        .arg(length)
                        .arg(m_end - m_pos));
    }
    m_messageEnd = m_pos + length;
    return true;
}

bool GobDecoder::readUint(quint64 &value)
{
    int length = 0;
    switch (decodeUint(m_pos, m_messageEnd, value, &length)) {
    case UintRead::Ok:
        return true;
    case UintRead::End:
        return corrupt(QStringLiteral("gob: value continues past the end of its message"));
    case UintRead::OutOfRange:
        return corrupt(QStringLiteral("gob: encoded unsigned integer out of range"));
    case UintRead::Truncated:
        return corrupt(QStringLiteral("gob: invalid uint data length %1: exceeds input size %2")
                           .arg(length)
                           .arg(m_messageEnd - m_pos - 1));
    }
    return false;
}

bool GobDecoder::readInt(qint64 &value)
{
    quint64 x = 0;
    if (!readUint(x))
        return false;
    const qint64 half = qint64(x >> 1);
    value = (x & 1) ? ~half : half;
    return true;
}

bool GobDecoder::readLength(qsizetype &length, const char *what)
{
    quint64 n = 0;
    if (!readUint(n))
        return false;
    if (n > quint64(m_messageEnd - m_pos)) {
        return corrupt(QStringLiteral("gob: invalid %1 length %2: exceeds input size %3")
                           .arg(QLatin1String(what))
                           .arg(n)
                           .arg(m_messageEnd - m_pos));
    }
    length = qsizetype(n);
    return true;
}

// decodeTypeSequence: type definitions (-id wireType) until a value's type id (>= 0).
bool GobDecoder::decodeTypeSequence(bool isInterface, qint64 &id)
{
    for (;;) {
        if (m_pos == m_messageEnd && !nextMessage())
            return false;
        if (!readInt(id))
            return false;
        if (id >= 0)
            return true;
        if (id == std::numeric_limits<qint64>::min())
            return corrupt(QStringLiteral("gob: invalid type id"));
        if (!receiveType(-id))
            return false;
        if (m_pos < m_messageEnd) {
            // After a definition sent in the middle of an interface value, the rest of the
            // message is a delimited value: skip its count, as Go does.
            if (!isInterface)
                return corrupt(QStringLiteral("gob: extra data in buffer"));
            quint64 count = 0;
            if (!readUint(count))
                return false;
        }
    }
}

template<typename OnField> bool GobDecoder::readStructFields(int lastField, OnField &&onField)
{
    int field = -1;
    for (;;) {
        quint64 delta = 0;
        if (!readUint(delta))
            return false;
        if (delta == 0)
            return true;
        if (delta > quint64(lastField - field))
            return corrupt(QStringLiteral("gob: bad data: field numbers out of bounds"));
        field += int(delta);
        if (!onField(field))
            return false;
    }
}

bool GobDecoder::readCommonType(GobWireType &type)
{
    return readStructFields(1, [&](int field) {
        if (field == 0) {
            qsizetype length = 0;
            if (!readLength(length, "type name"))
                return false;
            type.name = QByteArray(reinterpret_cast<const char *>(m_pos), length);
            m_pos += length;
            return true;
        }
        qint64 ignoredId = 0; // CommonType.Id repeats the id being defined
        return readInt(ignoredId);
    });
}

// recvType: a wireType struct {ArrayT, SliceT, StructT, MapT, GobEncoderT, BinaryMarshalerT,
// TextMarshalerT}, each a pointer to a struct whose first field is CommonType{Name, Id}.
bool GobDecoder::receiveType(qint64 id)
{
    if (id < FirstUserId || findType(id))
        return corrupt(QStringLiteral("gob: duplicate type received (id %1)").arg(id));
    if (m_types.size() >= MaxTypeDefinitions) {
        return fail(CodecError::Code::GobLimitExceeded,
                    QStringLiteral("gob: more than %1 type definitions").arg(MaxTypeDefinitions));
    }
    GobWireType type;
    bool defined = false;
    const bool ok = readStructFields(TextMarshalerField, [&](int field) {
        if (defined)
            return corrupt(QStringLiteral("gob: type definition with more than one kind"));
        defined = true;
        switch (field) {
        case ArrayField:
            type.kind = GobWireType::Array;
            return readStructFields(2, [&](int f) {
                if (f == 0)
                    return readCommonType(type);
                return readInt(f == 1 ? type.elem : type.length);
            });
        case SliceField:
            type.kind = GobWireType::Slice;
            return readStructFields(
                1, [&](int f) { return f == 0 ? readCommonType(type) : readInt(type.elem); });
        case StructField:
            type.kind = GobWireType::Struct;
            return readStructFields(1, [&](int f) {
                if (f == 0)
                    return readCommonType(type);
                // Field []*fieldType{Name string; Id typeId}: read to stay in sync, not kept.
                quint64 count = 0;
                if (!readUint(count))
                    return false;
                if (count > quint64(m_messageEnd - m_pos))
                    return corrupt(QStringLiteral("gob: struct field count exceeds input size"));
                for (quint64 i = 0; i < count; ++i) {
                    const bool fieldOk = readStructFields(1, [&](int g) {
                        if (g == 0) {
                            qsizetype length = 0;
                            if (!readLength(length, "field name"))
                                return false;
                            m_pos += length;
                            return true;
                        }
                        qint64 fieldId = 0;
                        return readInt(fieldId);
                    });
                    if (!fieldOk)
                        return false;
                }
                return true;
            });
        case MapField:
            type.kind = GobWireType::Map;
            return readStructFields(2, [&](int f) {
                if (f == 0)
                    return readCommonType(type);
                return readInt(f == 1 ? type.key : type.elem);
            });
        default:
            type.kind = field == GobEncoderField ? GobWireType::GobEncoder
                : field == BinaryMarshalerField  ? GobWireType::BinaryMarshaler
                                                 : GobWireType::TextMarshaler;
            return readStructFields(0, [&](int) { return readCommonType(type); });
        }
    });
    if (!ok)
        return false;
    if (!defined)
        return corrupt(QStringLiteral("gob: empty type definition"));
    m_types.append({ id, std::move(type) });
    if (!m_typeIndex.isEmpty()) {
        m_typeIndex.insert(id, m_types.size() - 1);
    } else if (m_types.size() > 8) {
        for (qsizetype i = 0; i < m_types.size(); ++i)
            m_typeIndex.insert(m_types.at(i).first, i);
    }
    return true;
}

const GobWireType *GobDecoder::findType(qint64 id) const
{
    if (!m_typeIndex.isEmpty()) {
        const auto found = m_typeIndex.constFind(id);
        return found == m_typeIndex.cend() ? nullptr : &m_types.at(*found).second;
    }
    for (const auto &entry : m_types) {
        if (entry.first == id)
            return &entry.second;
    }
    return nullptr;
}

bool GobDecoder::countElements(quint64 count, qsizetype minBytesEach)
{
    // Elements of interface type may continue in later messages, so the bound is the rest
    // of the stream, not of the message.
    if (count > quint64((m_end - m_pos) / minBytesEach))
        return corrupt(QStringLiteral("gob: element count %1 exceeds input size").arg(count));
    if (count > quint64(m_limits.maxElements - m_elements)) {
        return fail(CodecError::Code::GobLimitExceeded,
                    QStringLiteral("gob: more than %1 map entries and list items")
                        .arg(m_limits.maxElements));
    }
    m_elements += qsizetype(count);
    return true;
}

bool GobDecoder::decodeValue(qint64 id, const GoType *goType, QVariant &out, int depth)
{
    switch (id) {
    case BoolId: {
        quint64 v = 0;
        if (!readUint(v))
            return false;
        out = QVariant(v != 0);
        return true;
    }
    case IntId: {
        qint64 v = 0;
        if (!readInt(v))
            return false;
        if (goType && goType->bits < 64) {
            const qint64 limit = qint64(1) << (goType->bits - 1);
            if (v < -limit || v >= limit)
                return corrupt(
                    QStringLiteral("gob: value for int%1 out of range").arg(goType->bits));
        }
        out = QVariant(qlonglong(v));
        return true;
    }
    case UintId: {
        quint64 v = 0;
        if (!readUint(v))
            return false;
        if (goType && goType->bits < 64 && v >= (quint64(1) << goType->bits))
            return corrupt(QStringLiteral("gob: value for uint%1 out of range").arg(goType->bits));
        out = QVariant(qulonglong(v));
        return true;
    }
    case FloatId: {
        quint64 v = 0;
        if (!readUint(v))
            return false;
        double d = floatFromBits(v);
        if (goType && goType->bits == 32) {
            const double magnitude = std::fabs(d);
            if (magnitude > double(FLT_MAX) && magnitude <= DBL_MAX)
                return corrupt(QStringLiteral("gob: value for float32 out of range"));
            d = double(float(d));
        }
        out = QVariant(d);
        return true;
    }
    case BytesId: {
        qsizetype length = 0;
        if (!readLength(length, "[]uint8"))
            return false;
        out = QVariant(QByteArray(reinterpret_cast<const char *>(m_pos), length));
        m_pos += length;
        return true;
    }
    case StringId: {
        qsizetype length = 0;
        if (!readLength(length, "string"))
            return false;
        const char *utf8 = reinterpret_cast<const char *>(m_pos);
        out = QVariant(m_readingKey ? internedKey(utf8, length) : QString::fromUtf8(utf8, length));
        m_pos += length;
        return true;
    }
    case ComplexId:
        return fail(CodecError::Code::GobUnsupportedType,
                    QStringLiteral("gob: Go type complex128 is not supported"));
    case InterfaceId:
        // Not a level of its own: the concrete value inside is (an interface never holds an
        // interface, so this recursion always reaches a composite that counts its depth).
        return decodeInterface(out, depth);
    default:
        break;
    }

    const GobWireType *found = findType(id);
    if (!found)
        return corrupt(QStringLiteral("gob: unknown type id %1").arg(id));
    // The shape, copied: definitions arriving while the elements are decoded may move m_types.
    GobWireType type;
    type.kind = found->kind;
    type.key = found->key;
    type.elem = found->elem;
    type.length = found->length;
    switch (type.kind) {
    case GobWireType::Slice:
    case GobWireType::Array:
    case GobWireType::Map:
        if (depth > m_limits.maxDepth) {
            return fail(CodecError::Code::GobLimitExceeded,
                        QStringLiteral("gob: values nested deeper than %1").arg(m_limits.maxDepth));
        }
        return type.kind == GobWireType::Map ? decodeMap(type, goType, out, depth)
                                             : decodeList(type, goType, out, depth);
    case GobWireType::Struct:
        return fail(
            CodecError::Code::GobUnsupportedType,
            QStringLiteral("gob: Go struct type %1 is not supported").arg(wireTypeName(id)));
    default:
        return fail(CodecError::Code::GobUnsupportedType,
                    QStringLiteral("gob: Go type %1 (encoded by its own marshaling method) is not "
                                   "supported")
                        .arg(wireTypeName(id)));
    }
}

bool GobDecoder::decodeList(const GobWireType &type, const GoType *goType, QVariant &out, int depth)
{
    quint64 count = 0;
    if (!readUint(count))
        return false;
    if (type.kind == GobWireType::Array && count != quint64(type.length))
        return corrupt(QStringLiteral("gob: length mismatch in array"));
    if (!countElements(count, 1))
        return false;
    out = QVariant(QMetaType::fromType<QVariantList>());
    auto *list = static_cast<QVariantList *>(out.data());
    list->reserve(qsizetype(count));
    const GoType *elemType = goType ? goType->elem : nullptr;
    for (quint64 i = 0; i < count; ++i) {
        if (!decodeValue(type.elem, elemType, list->emplaceBack(), depth + 1))
            return false;
    }
    return true;
}

bool GobDecoder::decodeMap(const GobWireType &type, const GoType *goType, QVariant &out, int depth)
{
    if (type.key != StringId && type.key != InterfaceId) {
        return fail(CodecError::Code::GobUnsupportedType,
                    QStringLiteral("gob: maps with keys of Go type %1 are not supported")
                        .arg(wireTypeName(type.key)));
    }
    quint64 count = 0;
    if (!readUint(count))
        return false;
    if (!countElements(count, 2))
        return false;
    out = QVariant(QMetaType::fromType<QVariantMap>());
    auto *map = static_cast<QVariantMap *>(out.data());
    const GoType *keyType = goType ? goType->key : nullptr;
    const GoType *elemType = goType ? goType->elem : nullptr;
    QVariant key;
    for (quint64 i = 0; i < count; ++i) {
        m_readingKey = true;
        const bool keyRead = decodeValue(type.key, keyType, key, depth + 1);
        m_readingKey = false;
        if (!keyRead)
            return false;
        if (key.metaType().id() != QMetaType::QString) {
            return fail(
                CodecError::Code::GobUnsupportedType,
                QStringLiteral("gob: map keys of Go type %1 are not supported (only string)")
                    .arg(key.isValid() ? QString::fromLatin1(key.metaType().name())
                                       : QStringLiteral("nil")));
        }
        QVariant &value = (*map)[*static_cast<const QString *>(key.constData())];
        if (!decodeValue(type.elem, elemType, value, depth + 1))
            return false;
    }
    return true;
}

// decodeInterface: name, [type definitions], type id, byte count, singleton value.
bool GobDecoder::decodeInterface(QVariant &out, int depth)
{
    qsizetype nameLength = 0;
    if (!readLength(nameLength, "type name"))
        return false;
    if (nameLength == 0) {
        out = QVariant(); // nil interface
        return true;
    }
    if (nameLength > MaxTypeNameLength)
        return corrupt(QStringLiteral("gob: name too long (%1 bytes)").arg(nameLength));
    const QByteArrayView name(reinterpret_cast<const char *>(m_pos), nameLength);
    m_pos += nameLength;
    const GoType *goType = resolveName(name);
    if (goType && goType->kind == GoType::Interface)
        return corrupt(QStringLiteral("gob: interface value whose concrete type is an interface"));
    if (!goType) {
        return fail(CodecError::Code::GobUnsupportedType,
                    QStringLiteral("gob: Go type %1 is not supported").arg(gobPrintableName(name)));
    }
    qint64 id = 0;
    if (!decodeTypeSequence(true, id))
        return false;
    quint64 byteCount = 0; // there for receivers that skip the value; not needed here
    if (!readUint(byteCount))
        return false;
    if (!compatible(goType, id, 0)) {
        return corrupt(QStringLiteral("gob: interface value of Go type %1 sent as wire type %2")
                           .arg(gobPrintableName(name), wireTypeName(id)));
    }
    quint64 delta = 0;
    if (!readUint(delta))
        return false;
    if (delta != 0)
        return corrupt(QStringLiteral("gob: corrupted data: non-zero delta for singleton"));
    return decodeValue(id, goType, out, depth);
}

} // namespace RediStore
