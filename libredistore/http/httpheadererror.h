#ifndef REDISTORE_HTTPHEADERERROR_H
#define REDISTORE_HTTPHEADERERROR_H

#include <libredistore/http/redistore_http_export.h>

#include <QtCore/QByteArrayView>
#include <QtCore/QObject>
#include <QtCore/QString>

namespace RediStore {

// Why a header of an answer was refused. The value is never part of the message, as it may
// hold what a client sent; the name is, only when it is a valid token (its first 64 bytes).
class REDISTORE_HTTP_EXPORT HttpHeaderError
{
    Q_GADGET

public:
    enum class Code {
        NoError = 0,
        InvalidName, // empty, or a character outside RFC 9110's token characters
        InvalidValue, // CR, LF or NUL, which could end the header and start another
    };
    Q_ENUM(Code)

    HttpHeaderError() = default;
    HttpHeaderError(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }

    // The check every header the library writes goes through.
    static HttpHeaderError check(QByteArrayView name, QByteArrayView value);
    static bool isFieldValue(QByteArrayView value);

    Code code() const noexcept { return m_code; }
    QString message() const { return m_message; }
    QString codeName() const;
    bool isError() const noexcept { return m_code != Code::NoError; }

private:
    Code m_code = Code::NoError;
    QString m_message;
};

} // namespace RediStore

#endif // REDISTORE_HTTPHEADERERROR_H
