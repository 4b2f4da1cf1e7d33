#include <libredistore/codec/gob.h>

#include "gobdecoder_p.h"
#include "gobencoder_p.h"
#include "gobwire_p.h"
#include "utf8_p.h"

#include <cstring>
#include <optional>

namespace RediStore {

namespace {

// A top-level Go string is one message: its length, the type id of string (6, sent as 12),
// the singleton delta 0, then the string's length and bytes. Session cookies hold exactly
// that (the session ID), so both directions take a short way for it; any other stream goes
// through the full coder, which gives the same result for this one.
constexpr uchar StringTypeId = uchar(GobWire::StringId << 1); // a type id is sent as a signed int

QByteArray encodeString(const QString &text)
{
    // Room for the worst case, the UTF-8 written in place, then the two lengths in front.
    const qsizetype worst = 3 * text.size();
    QByteArray stream(9 + 2 + 9 + worst, Qt::Uninitialized);
    char *utf8 = stream.data() + 9 + 2 + 9;
    const qsizetype size = writeUtf8(utf8, text) - utf8;
    char lengthBytes[9];
    const int lengthSize = GobWire::encodeUint(quint64(size), lengthBytes);
    const quint64 messageSize = 2 + quint64(lengthSize) + quint64(size);
    char messageBytes[9];
    const int messageSizeSize = GobWire::encodeUint(messageSize, messageBytes);
    char *begin = utf8 - lengthSize - 2 - messageSizeSize;
    char *out = begin;
    std::memcpy(out, messageBytes, size_t(messageSizeSize));
    out += messageSizeSize;
    *out++ = char(StringTypeId);
    *out++ = 0;
    std::memcpy(out, lengthBytes, size_t(lengthSize));
    // Drop the unused room in front (O(1) in Qt 6) and behind.
    stream.truncate(utf8 - stream.constData() + size);
    stream.remove(0, begin - stream.constData());
    return stream;
}

std::optional<QString> decodeString(const QByteArray &stream)
{
    const auto *pos = reinterpret_cast<const uchar *>(stream.constData());
    const uchar *end = pos + stream.size();
    int length = 0;
    quint64 messageSize = 0;
    if (GobWire::decodeUint(pos, end, messageSize, &length) != GobWire::UintRead::Ok
        || messageSize != quint64(end - pos))
        return std::nullopt;
    if (end - pos < 2 || pos[0] != StringTypeId || pos[1] != 0)
        return std::nullopt;
    pos += 2;
    quint64 size = 0;
    if (GobWire::decodeUint(pos, end, size, &length) != GobWire::UintRead::Ok
        || size != quint64(end - pos))
        return std::nullopt;
    return QString::fromUtf8(reinterpret_cast<const char *>(pos), qsizetype(size));
}

} // namespace

Result<QByteArray, CodecError> Gob::encode(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QString)
        return encodeString(*static_cast<const QString *>(value.constData()));
    GobEncoder encoder;
    return encoder.encode(value);
}

Result<QVariant, CodecError> Gob::decode(const QByteArray &stream, const Limits &limits)
{
    if (stream.size() <= limits.maxInputSize) {
        if (std::optional<QString> text = decodeString(stream))
            return QVariant(std::move(*text));
    }
    GobDecoder decoder(limits);
    return decoder.decode(stream);
}

} // namespace RediStore
