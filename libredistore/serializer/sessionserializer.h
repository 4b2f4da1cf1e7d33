#ifndef REDISTORE_SESSIONSERIALIZER_H
#define REDISTORE_SESSIONSERIALIZER_H

#include <libredistore/redistore_export.h>
#include <libredistore/result.h>
#include <libredistore/serializer/serializererror.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <memory>

namespace RediStore {

// Turns a session's values into the bytes stored in Redis and back. Implementations are
// immutable and thread-safe: one instance may be shared by every store and thread.
//
//   "datastream"  DataStreamSerializer  Qt's QDataStream with a header (the default)
//   "json"        JsonSerializer        byte-compatible with Go redistore's JSONSerializer
//   "gob"         GobSerializer         byte-compatible with Go redistore's GobSerializer
class REDISTORE_EXPORT SessionSerializer
{
public:
    virtual ~SessionSerializer();

    // The name byName() knows this serializer by ("datastream", "json", "gob").
    virtual QString name() const = 0;
    virtual Result<QByteArray, SerializerError> serialize(const QVariantMap &values) const = 0;
    virtual Result<QVariantMap, SerializerError> deserialize(const QByteArray &bytes) const = 0;

    // A shared instance by name (case-insensitive), with default limits; nullptr for a name
    // that is not in names().
    static std::shared_ptr<const SessionSerializer> byName(const QString &name);
    // "datastream", "json", "gob".
    static QStringList names();
    // The serializer a store uses unless told otherwise: "datastream".
    static std::shared_ptr<const SessionSerializer> defaultSerializer();

    struct Detection
    {
        std::shared_ptr<const SessionSerializer> serializer; // the one that decoded the bytes
        QVariantMap values;
    };
    // For bytes of unknown origin (redistore-admin's serializer "auto"): tries datastream,
    // gob, then json, and returns the first that decodes them. UnknownFormat if none does;
    // its message lists each format's reason.
    static Result<Detection, SerializerError> detect(const QByteArray &bytes);
    // The format the first bytes of a stored value suggest, without decoding it ("datastream",
    // "gob", "json"; "" when none fits): for counting many sessions from a listing's
    // SessionInfo::head (16 bytes are plenty). A guess: the bytes after it may still be corrupt.
    static QString guessFromPrefix(QByteArrayView bytes);

protected:
    SessionSerializer() = default;
    SessionSerializer(const SessionSerializer &) = default;
    SessionSerializer &operator=(const SessionSerializer &) = default;
};

} // namespace RediStore

#endif // REDISTORE_SESSIONSERIALIZER_H
