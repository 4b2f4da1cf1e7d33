#ifndef REDISTORE_SERIALIZERERROR_H
#define REDISTORE_SERIALIZERERROR_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace RediStore {

// The errors of the serializer layer (SessionSerializer and its formats), in numbered bands.
// When a codec (gob, Go JSON) failed underneath, codecError() carries its code and text.
class REDISTORE_EXPORT SerializerError
{
    Q_GADGET

public:
    enum class Code {
        NoError = 0,

        // 100: session values the format cannot hold
        UnsupportedType = 100, // a Qt type the format has no encoding for (named in message)
        UnsupportedValue, // a value of a supported type it cannot write (NaN in JSON, ...)

        // 200: bounds that keep hostile input from costing memory or time
        LimitExceeded = 200, // input size, nesting depth or element count above the limits
        ValueTooLarge, // serialized values larger than the serializer would read back

        // 300: bytes that are not a valid serialization of session values
        Corrupt = 300, // malformed for the format
        Truncated, // ends before the values do
        BadMagic, // not this format's header (DataStreamSerializer)
        UnsupportedVersion, // this format's header, but a version this build cannot read
        NotAMap, // a valid serialization whose top-level value is not a map of values

        // 400: format detection
        UnknownFormat = 400, // no serializer recognised the bytes (SessionSerializer::detect)

        // 900: internal errors
        Internal = 900,
    };
    Q_ENUM(Code)

    SerializerError() = default;
    SerializerError(Code code, QString message, CodecError codecError = {})
        : m_code(code)
        , m_message(std::move(message))
        , m_codecError(std::move(codecError))
    { }

    // A serializer error for a codec failure: the code's band is kept (unsupported type,
    // limits, corrupt/truncated) and the message is `context: codec message`.
    static SerializerError fromCodecError(const QString &context, const CodecError &error);

    Code code() const noexcept { return m_code; }
    // A message a user can act on, e.g. "gob: cannot encode a value of Qt type QRect ...".
    QString message() const { return m_message; }
    // The code's name, e.g. "Truncated", for logs and the command-line tool.
    QString codeName() const;
    bool isError() const noexcept { return m_code != Code::NoError; }
    // The codec error underneath, if any (code NoError otherwise).
    CodecError codecError() const { return m_codecError; }

private:
    Code m_code = Code::NoError;
    QString m_message;
    CodecError m_codecError;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SerializerError)

#endif // REDISTORE_SERIALIZERERROR_H
