#include "httpheadererror.h"

#include <QtCore/QMetaEnum>

#include <algorithm>
#include <cstring>

namespace RediStore {

bool HttpHeaderError::isToken(QByteArrayView name)
{
    static constexpr char extra[] = "!#$%&'*+-.^_`|~";
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || (c != 0 && std::strchr(extra, c));
    });
}

bool HttpHeaderError::isFieldValue(QByteArrayView value)
{
    return std::none_of(value.cbegin(), value.cend(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

HttpHeaderError HttpHeaderError::check(QByteArrayView name, QByteArrayView value)
{
    if (!isToken(name)) {
        return HttpHeaderError(Code::InvalidName,
                               QStringLiteral("a header name of %1 bytes is not an HTTP token "
                                              "(letters, digits and !#$%&'*+-.^_`|~ only)")
                                   .arg(name.size()));
    }
    if (!isFieldValue(value)) {
        return HttpHeaderError(Code::InvalidValue,
                               QStringLiteral("the value of header %1 holds CR, LF or NUL, which "
                                              "could add headers of a client's choosing")
                                   .arg(QString::fromLatin1(name.first(qMin(name.size(), 64)))));
    }
    return {};
}

QString HttpHeaderError::codeName() const
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(int(m_code)));
}

} // namespace RediStore
