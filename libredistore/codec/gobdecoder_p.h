#ifndef REDISTORE_GOBDECODER_P_H
#define REDISTORE_GOBDECODER_P_H

#include <libredistore/codec/gob.h>

#include <QtCore/QByteArrayView>
#include <QtCore/QHash>
#include <QtCore/QVarLengthArray>

#include <memory>
#include <vector>

namespace RediStore {

// A Go type name from the stream, cut for messages.
inline QString gobPrintableName(QByteArrayView name)
{
    return QString::fromUtf8(name.data(), qMin(name.size(), qsizetype(80)));
}

// A Go type as named in an interface value ("map[string]interface {}"): what the sender's
// concrete type was, checked against the wire type and used for range checks (int8, float32).
struct GoType
{
    enum Kind : quint8 {
        Bool,
        Int,
        Uint,
        Float,
        Complex,
        String,
        Bytes,
        Interface,
        Slice,
        Array,
        Map
    };
    Kind kind = Interface;
    quint8 bits = 64; // Int, Uint, Float: 8/16/32/64 (Go int, uint and uintptr are 64)
    const GoType *key = nullptr;
    const GoType *elem = nullptr;
    qint64 length = 0; // Array
};

// A type definition received in the stream (gob's wireType).
struct GobWireType
{
    enum Kind : quint8 { Array, Slice, Struct, Map, GobEncoder, BinaryMarshaler, TextMarshaler };
    Kind kind = Struct;
    qint64 key = 0;
    qint64 elem = 0;
    qint64 length = 0;
    QByteArray name;
};

// Decodes one value of a gob stream the way Go's gob.Decoder.Decode does: messages are read
// one at a time, and while an interface value's type is read, type definitions may arrive in
// new messages in the middle of the enclosing value (decodeTypeSequence).
class GobDecoder
{
public:
    explicit GobDecoder(const Gob::Limits &limits)
        : m_limits(limits)
    { }

    Result<QVariant, CodecError> decode(const QByteArray &stream);

private:
    bool fail(CodecError::Code code, const QString &message);
    bool corrupt(const QString &message) { return fail(CodecError::Code::GobCorrupt, message); }

    bool nextMessage();
    bool readUint(quint64 &value);
    bool readInt(qint64 &value);
    bool readLength(qsizetype &length, const char *what);

    bool decodeTypeSequence(bool isInterface, qint64 &id);
    bool receiveType(qint64 id);
    bool readCommonType(GobWireType &type);
    template<typename OnField> bool readStructFields(int lastField, OnField &&onField);

    bool decodeValue(qint64 id, const GoType *goType, QVariant &out, int depth);
    bool decodeInterface(QVariant &out, int depth);
    bool decodeList(const GobWireType &type, const GoType *goType, QVariant &out, int depth);
    bool decodeMap(const GobWireType &type, const GoType *goType, QVariant &out, int depth);
    bool countElements(quint64 count, qsizetype minBytesEach);
    const GobWireType *findType(qint64 id) const;

    const GoType *resolveName(QByteArrayView name);
    const GoType *parseName(QByteArrayView name, qsizetype &pos, int depth);
    bool compatible(const GoType *goType, qint64 id, int depth) const;
    QString wireTypeName(qint64 id, int depth = 0) const;

    Gob::Limits m_limits;
    const uchar *m_begin = nullptr;
    const uchar *m_end = nullptr;
    const uchar *m_pos = nullptr;
    const uchar *m_messageEnd = nullptr;
    qsizetype m_elements = 0;
    bool m_readingKey = false; // a map key is being decoded (see internedKey())
    // The definitions received: few in real streams, so a small array; an index by id once
    // there are more (hostile streams may carry up to MaxTypeDefinitions).
    QVarLengthArray<std::pair<qint64, GobWireType>, 4> m_types;
    QHash<qint64, qsizetype> m_typeIndex;
    std::vector<std::unique_ptr<GoType>> m_parsedTypes;
    QHash<QByteArray, const GoType *> m_nameCache;
    CodecError m_error;
};

} // namespace RediStore

#endif // REDISTORE_GOBDECODER_P_H
