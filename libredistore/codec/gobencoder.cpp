#include "gobencoder_p.h"

#include "gobwire_p.h"
#include "utf8_p.h"

#include <QtCore/QtEndian>

#include <algorithm>
#include <cstring>
#include <utility>

namespace RediStore {

using namespace GobWire;

namespace {

thread_local QByteArray t_reusable; // see GobEncoder::outputBuffer()
constexpr qsizetype reusedFrom = 512;
constexpr qsizetype reusedUpTo = 64 * 1024;

template<qsizetype N> inline QByteArrayView literal(const char (&text)[N])
{
    return QByteArrayView(text, N - 1);
}

QByteArrayView goName(GobEncoder::Kind kind)
{
    switch (kind) {
    case GobEncoder::Kind::Bool:
        return literal(BoolName);
    case GobEncoder::Kind::Int:
        return literal(IntName);
    case GobEncoder::Kind::Uint:
        return literal(UintName);
    case GobEncoder::Kind::Float:
        return literal(Float64Name);
    case GobEncoder::Kind::String:
        return literal(StringName);
    case GobEncoder::Kind::Bytes:
        return literal(BytesName);
    case GobEncoder::Kind::List:
        return literal(SliceOfInterfaceName);
    case GobEncoder::Kind::Map:
        return literal(MapStringInterfaceName);
    case GobEncoder::Kind::TopMap:
        return literal(MapInterfaceInterfaceName);
    default:
        return {};
    }
}

QString unsupportedMessage(const QVariant &value)
{
    return QStringLiteral("gob: cannot encode a value of Qt type %1: it has no Go counterpart "
                          "registered with gob")
        .arg(QString::fromLatin1(value.metaType().name()));
}

} // namespace

GobEncoder::Kind GobEncoder::kindOf(const QVariant &value, bool topLevel)
{
    switch (value.metaType().id()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return Kind::Nil;
    case QMetaType::Bool:
        return Kind::Bool;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::SChar:
    case QMetaType::Char:
        return Kind::Int;
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::ULong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return Kind::Uint;
    case QMetaType::Double:
    case QMetaType::Float:
        return Kind::Float;
    case QMetaType::QString:
        return Kind::String;
    case QMetaType::QByteArray:
        return Kind::Bytes;
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return Kind::List;
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
        return topLevel ? Kind::TopMap : Kind::Map;
    default:
        return Kind::Unsupported;
    }
}

bool GobEncoder::fail(CodecError::Code code, const QString &message)
{
    if (!m_error.isError())
        m_error = CodecError(code, message);
    return false;
}

// The output is a buffer larger than what is written so far (m_size bytes): small writes are
// a memcpy, not a QByteArray call each.
void GobEncoder::enlarge(qsizetype needed)
{
    m_out.resize(qMax(needed, 2 * m_out.size()));
}

void GobEncoder::writeUint(quint64 x)
{
    char buffer[9];
    const int length = encodeUint(x, buffer);
    std::memcpy(grow(length), buffer, size_t(length));
}

void GobEncoder::writeBytes(const char *data, qsizetype size)
{
    writeUint(quint64(size));
    if (size > 0)
        std::memcpy(grow(size), data, size_t(size));
}

void GobEncoder::writeString(QStringView text)
{
    // The UTF-8 bytes go straight into the output, behind room for their length, which for
    // ASCII text (the usual case) is known beforehand: no temporary, and no move.
    const int guessed = uintSize(quint64(text.size()));
    char *at = grow(guessed + text.size() * 3);
    char *begin = at + guessed;
    const qsizetype length = writeUtf8(begin, text) - begin;
    char prefix[9];
    const int needed = encodeUint(quint64(length), prefix);
    if (needed != guessed)
        std::memmove(at + needed, begin, size_t(length));
    std::memcpy(at, prefix, size_t(needed));
    m_size = (at - m_out.data()) + needed + length;
}

// A guess at the encoded size, so that the output is allocated once for the usual session.
qsizetype GobEncoder::estimatedSize(const QVariant &value)
{
    qsizetype size = 128;
    if (value.metaType().id() == QMetaType::QVariantMap) {
        const auto *map = static_cast<const QVariantMap *>(value.constData());
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            size += 3 * it.key().size() + 24;
            if (it.value().metaType().id() == QMetaType::QString) // UTF-8's worst case
                size += 3 * static_cast<const QString *>(it.value().constData())->size();
            else if (it.value().metaType().id() == QMetaType::QByteArray)
                size += static_cast<const QByteArray *>(it.value().constData())->size();
        }
    }
    return size;
}

// A region starts with room for its length: as many bytes as the expected length takes, so
// that the usual region is written once and never moved.
void GobEncoder::openRegion(qsizetype expectedLength)
{
    const int room = uintSize(quint64(qMax<qsizetype>(0, expectedLength)));
    m_regions.push_back({ m_size, room });
    grow(room);
}

// Go's writeMessage(writer, buffer): the region gets its length in front, which makes it a
// message in whatever encloses it; with reopen the buffer starts again empty (Go's Reset),
// with the same room for the next length.
void GobEncoder::finishRegion(bool reopen)
{
    const Region region = m_regions.back();
    const qsizetype length = m_size - region.start - region.room;
    char prefix[9];
    const int needed = encodeUint(quint64(length), prefix);
    if (needed != region.room) {
        if (needed > region.room)
            grow(needed - region.room);
        else
            m_size -= region.room - needed;
        char *content = m_out.data() + region.start;
        std::memmove(content + needed, content + region.room, size_t(length));
    }
    std::memcpy(m_out.data() + region.start, prefix, size_t(needed));
    if (reopen) {
        m_regions.back().start = m_size;
        grow(region.room);
    } else {
        m_regions.pop_back();
    }
}

GobEncoder::TypeSlot *GobEncoder::slotFor(Kind kind)
{
    switch (kind) {
    case Kind::TopMap:
        return &m_topMap;
    case Kind::List:
        return &m_list;
    case Kind::Map:
        return &m_map;
    default:
        return nullptr;
    }
}

qint64 GobEncoder::typeIdOf(Kind kind)
{
    switch (kind) {
    case Kind::Bool:
        return BoolId;
    case Kind::Int:
        return IntId;
    case Kind::Uint:
        return UintId;
    case Kind::Float:
        return FloatId;
    case Kind::String:
        return StringId;
    case Kind::Bytes:
        return BytesId;
    default:
        break;
    }
    TypeSlot *slot = slotFor(kind);
    if (slot->id == 0)
        slot->id = ++m_lastId; // Go's setTypeId: ids are handed out on first use
    return slot->id;
}

// sendTypeDescriptor/sendActualType: the first time a composite type is used, "-id wireType"
// is appended to the current buffer, which is then flushed as a message to its writer.
void GobEncoder::sendTypeDescriptor(Kind kind)
{
    TypeSlot *slot = slotFor(kind);
    if (!slot || slot->sent)
        return;
    const qint64 id = typeIdOf(kind);
    writeInt(-id);
    // wireType{SliceT|MapT: &{CommonType{Name: "", Id: id}, [Key,] Elem}}: field deltas, the
    // empty name omitted, each struct ended by a zero delta.
    writeUint(kind == Kind::List ? SliceField + 1 : MapField + 1);
    writeUint(1); // CommonType
    writeUint(2); // CommonType.Id (field 1; Name, field 0, is empty)
    writeInt(id);
    writeUint(0);
    if (kind != Kind::List) {
        writeUint(1); // Key
        writeInt(kind == Kind::Map ? StringId : InterfaceId);
    }
    writeUint(1); // Elem
    writeInt(InterfaceId);
    writeUint(0);
    writeUint(0);
    finishRegion(true);
    slot->sent = true;
}

Result<QByteArray, CodecError> GobEncoder::encode(const QVariant &value)
{
    const Kind kind = kindOf(value, true);
    if (kind == Kind::Nil)
        return CodecError(CodecError::Code::GobUnsupportedType,
                          QStringLiteral("gob: cannot encode nil value"));
    if (kind == Kind::Unsupported)
        return CodecError(CodecError::Code::GobUnsupportedType, unsupportedMessage(value));
    const qsizetype estimate = estimatedSize(value);
    m_out = outputBuffer(estimate);
    m_size = 0;
    openRegion(estimate); // the value's message
    sendTypeDescriptor(kind);
    writeInt(typeIdOf(kind));
    writeUint(0); // singleton field delta
    if (!encodeValue(kind, value, 1))
        return m_error;
    finishRegion(false);
    m_out.truncate(m_size);
    if (m_out.capacity() >= reusedFrom && m_out.capacity() <= reusedUpTo)
        t_reusable = m_out; // shared with the caller until it lets go
    return std::move(m_out);
}

// A session's bytes are usually written to Redis and dropped before the next session is
// encoded: the buffer of the last one is then reused, instead of allocating and freeing a few
// KiB for every save (with glibc, large allocations also make it consolidate its small free
// chunks each time). Small outputs, such as a cookie's session ID, come cheaply from malloc.
QByteArray GobEncoder::outputBuffer(qsizetype estimate)
{
    if (estimate >= reusedFrom && estimate <= reusedUpTo) {
        QByteArray buffer = std::exchange(t_reusable, QByteArray());
        if (buffer.isDetached() && buffer.capacity() >= estimate) {
            buffer.resize(estimate);
            return buffer;
        }
    }
    return QByteArray(estimate, Qt::Uninitialized);
}

// encodeInterface: name, [type definition], type id, then the value as a delimited message.
bool GobEncoder::encodeInterface(const QVariant &value, int depth)
{
    const Kind kind = kindOf(value, false);
    if (kind == Kind::Nil) {
        writeUint(0);
        return true;
    }
    const QByteArrayView name = goName(kind);
    if (name.isEmpty()) {
        return fail(CodecError::Code::GobUnsupportedType, unsupportedMessage(value));
    }
    writeBytes(name.data(), name.size());
    sendTypeDescriptor(kind);
    writeInt(typeIdOf(kind));
    qsizetype expected = 0; // the singleton delta, then the value
    if (kind == Kind::String) {
        const qsizetype size = static_cast<const QString *>(value.constData())->size();
        expected = 1 + uintSize(quint64(size)) + size;
    } else if (kind == Kind::Bytes) {
        const qsizetype size = static_cast<const QByteArray *>(value.constData())->size();
        expected = 1 + uintSize(quint64(size)) + size;
    }
    openRegion(expected);
    writeUint(0); // singleton field delta
    if (!encodeValue(kind, value, depth))
        return false;
    finishRegion(false);
    return true;
}

bool GobEncoder::encodeValue(Kind kind, const QVariant &value, int depth)
{
    switch (kind) {
    case Kind::Bool:
        writeUint(value.toBool() ? 1 : 0);
        return true;
    case Kind::Int:
        writeInt(value.toLongLong());
        return true;
    case Kind::Uint:
        writeUint(value.toULongLong());
        return true;
    case Kind::Float: {
        const double d = value.toDouble();
        quint64 bits;
        std::memcpy(&bits, &d, sizeof bits);
        writeUint(qbswap(bits));
        return true;
    }
    case Kind::String:
        writeString(*static_cast<const QString *>(value.constData()));
        return true;
    case Kind::Bytes: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        writeBytes(bytes->constData(), bytes->size());
        return true;
    }
    default:
        break;
    }

    if (depth > Gob::Limits {}.maxDepth) {
        return fail(
            CodecError::Code::GobLimitExceeded,
            QStringLiteral("gob: values nested deeper than %1").arg(Gob::Limits {}.maxDepth));
    }
    switch (value.metaType().id()) {
    case QMetaType::QVariantList: {
        const auto *list = static_cast<const QVariantList *>(value.constData());
        writeUint(quint64(list->size()));
        for (const QVariant &item : *list) {
            if (!encodeInterface(item, depth + 1))
                return false;
        }
        return true;
    }
    case QMetaType::QStringList: {
        const auto *list = static_cast<const QStringList *>(value.constData());
        writeUint(quint64(list->size()));
        for (const QString &item : *list) {
            if (!encodeInterface(QVariant(item), depth + 1))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantMap:
        return encodeMap(*static_cast<const QVariantMap *>(value.constData()), kind == Kind::TopMap,
                         depth);
    case QMetaType::QVariantHash:
        return encodeMap(*static_cast<const QVariantHash *>(value.constData()),
                         kind == Kind::TopMap, depth);
    default:
        return fail(CodecError::Code::GobUnsupportedType, unsupportedMessage(value));
    }
}

// Go writes map entries in its random iteration order; here they are sorted by key, so the
// bytes are one of the orders Go may produce (and the same for every run).
template<typename Map> bool GobEncoder::encodeMap(const Map &map, bool interfaceKeys, int depth)
{
    writeUint(quint64(map.size()));
    auto writeEntry = [&](const QString &key, const QVariant &item) {
        if (interfaceKeys) {
            // The key as an interface holding a string: name, type id, delimited value.
            writeBytes(StringName, qsizetype(sizeof StringName - 1));
            writeInt(StringId);
            openRegion();
            writeUint(0);
            writeString(key);
            finishRegion(false);
        } else {
            writeString(key);
        }
        return encodeInterface(item, depth + 1);
    };
    if constexpr (std::is_same_v<Map, QVariantHash>) {
        QStringList keys = map.keys();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            if (!writeEntry(key, map.value(key)))
                return false;
        }
    } else {
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!writeEntry(it.key(), it.value()))
                return false;
        }
    }
    return true;
}

} // namespace RediStore
