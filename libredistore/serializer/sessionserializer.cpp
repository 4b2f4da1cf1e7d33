#include <libredistore/serializer/sessionserializer.h>

#include <libredistore/serializer/datastreamserializer.h>
#include <libredistore/serializer/gobserializer.h>
#include <libredistore/serializer/jsonserializer.h>

namespace RediStore {

SessionSerializer::~SessionSerializer() = default;

namespace {

const std::shared_ptr<const SessionSerializer> &dataStreamInstance()
{
    static const std::shared_ptr<const SessionSerializer> instance
        = std::make_shared<const DataStreamSerializer>();
    return instance;
}

const std::shared_ptr<const SessionSerializer> &jsonInstance()
{
    static const std::shared_ptr<const SessionSerializer> instance
        = std::make_shared<const JsonSerializer>();
    return instance;
}

const std::shared_ptr<const SessionSerializer> &gobInstance()
{
    static const std::shared_ptr<const SessionSerializer> instance
        = std::make_shared<const GobSerializer>();
    return instance;
}

// A gob unsigned integer at *at: one byte below 0x80, else the negated byte count (1 to 8) and
// that many big-endian bytes. False when the bytes end first or the count is out of range.
bool readGobUint(QByteArrayView bytes, qsizetype *at, quint64 *value)
{
    if (*at >= bytes.size())
        return false;
    const quint8 first = quint8(bytes[*at]);
    ++*at;
    if (first < 0x80) {
        *value = first;
        return true;
    }
    const int count = 256 - first;
    if (count > 8 || *at + count > bytes.size())
        return false;
    *value = 0;
    for (int i = 0; i < count; ++i)
        *value = (*value << 8) | quint8(bytes[(*at)++]);
    return true;
}

} // namespace

std::shared_ptr<const SessionSerializer> SessionSerializer::byName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QStringLiteral("datastream"))
        return dataStreamInstance();
    if (key == QStringLiteral("json"))
        return jsonInstance();
    if (key == QStringLiteral("gob"))
        return gobInstance();
    return nullptr;
}

QStringList SessionSerializer::names()
{
    return { QStringLiteral("datastream"), QStringLiteral("json"), QStringLiteral("gob") };
}

std::shared_ptr<const SessionSerializer> SessionSerializer::defaultSerializer()
{
    return dataStreamInstance();
}

Result<SessionSerializer::Detection, SerializerError>
SessionSerializer::detect(const QByteArray &bytes)
{
    QStringList reasons;
    for (const auto *instance : { &dataStreamInstance(), &gobInstance(), &jsonInstance() }) {
        auto result = (*instance)->deserialize(bytes);
        if (result.ok())
            return Detection { *instance, std::move(result).value() };
        reasons.append((*instance)->name() + QStringLiteral(": ") + result.error().message());
    }
    return SerializerError(SerializerError::Code::UnknownFormat,
                           QStringLiteral("the value is not in a known session format (%1)")
                               .arg(reasons.join(QStringLiteral("; "))));
}

QString SessionSerializer::guessFromPrefix(QByteArrayView bytes)
{
    // DataStream: its header's magic bytes 00 'R' 'S' 'D'.
    if (bytes.size() >= 4 && bytes[0] == '\0' && bytes[1] == 'R' && bytes[2] == 'S'
        && bytes[3] == 'D')
        return QStringLiteral("datastream");
    // JSON: an object ({"key"... or {}), maybe with white space.
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    qsizetype at = 0;
    while (at < bytes.size() && isSpace(bytes[at]))
        ++at;
    if (at < bytes.size() && bytes[at] == '{') {
        ++at;
        while (at < bytes.size() && isSpace(bytes[at]))
            ++at;
        if (at == bytes.size() || bytes[at] == '"' || bytes[at] == '}')
            return QStringLiteral("json");
    }
    // Gob: a message length, then a negative type ID of a user type (64 and up): a session's
    // map type is defined before its value is sent (Go writes 0e ff 81: 14 bytes, type -65).
    at = 0;
    quint64 length = 0;
    quint64 typeId = 0; // zig-zag: odd is negative, -(typeId >> 1) - 1
    if (readGobUint(bytes, &at, &length) && length > 0 && readGobUint(bytes, &at, &typeId)
        && (typeId & 1) != 0 && (typeId >> 1) + 1 >= 64)
        return QStringLiteral("gob");
    return QString();
}

} // namespace RediStore
