#ifndef REDISTORE_GOBENCODER_P_H
#define REDISTORE_GOBENCODER_P_H

#include <libredistore/codec/gob.h>

#include <QtCore/QVarLengthArray>

namespace RediStore {

// Writes a value as a fresh gob.Encoder in a fresh Go process does: composite types get ids
// from 65 in first-use order, a type is defined in the stream right before its first value,
// and a definition needed inside an interface value cuts the message being built (Go's
// encodeInterface -> sendTypeDescriptor -> writeMessage), exactly as Go's bytes show.
//
// Go's encoder keeps a stack of buffers, each with room for its length in front; here they
// are regions of one output array, each starting with a one-byte length placeholder that
// grows in place when the region is closed.
class GobEncoder
{
public:
    Result<QByteArray, CodecError> encode(const QVariant &value);

    // The Go types a Qt value is written as.
    enum class Kind { Nil, Bool, Int, Uint, Float, String, Bytes, List, Map, TopMap, Unsupported };
    static Kind kindOf(const QVariant &value, bool topLevel);

private:
    struct TypeSlot
    {
        qint64 id = 0;
        bool sent = false;
    };

    bool fail(CodecError::Code code, const QString &message);

    // Room for count more bytes at the end of the output: inline, as it runs for every field.
    char *grow(qsizetype count)
    {
        if (m_size + count > m_out.size())
            enlarge(m_size + count);
        char *at = m_out.data() + m_size;
        m_size += count;
        return at;
    }
    void enlarge(qsizetype needed);
    static QByteArray outputBuffer(qsizetype estimate);
    void writeUint(quint64 x);
    void writeInt(qint64 i) { writeUint(i < 0 ? (quint64(~i) << 1) | 1 : quint64(i) << 1); }
    void writeBytes(const char *data, qsizetype size);
    void writeString(QStringView text);
    static qsizetype estimatedSize(const QVariant &value);
    void openRegion(qsizetype expectedLength = 0);
    void finishRegion(bool reopen);

    TypeSlot *slotFor(Kind kind);
    qint64 typeIdOf(Kind kind);
    void sendTypeDescriptor(Kind kind);
    bool encodeInterface(const QVariant &value, int depth);
    bool encodeValue(Kind kind, const QVariant &value, int depth);
    template<typename Map> bool encodeMap(const Map &map, bool interfaceKeys, int depth);

    QByteArray m_out; // m_size bytes written, the rest room to grow into
    qsizetype m_size = 0;
    struct Region
    {
        qsizetype start; // where the length goes
        int room; // bytes kept for it
    };
    QVarLengthArray<Region, 8> m_regions; // nested regions; deeper values spill to the heap
    qint64 m_lastId = 64; // Go's nextId after init: firstUserId
    TypeSlot m_topMap;
    TypeSlot m_list;
    TypeSlot m_map;
    CodecError m_error;
};

} // namespace RediStore

#endif // REDISTORE_GOBENCODER_P_H
