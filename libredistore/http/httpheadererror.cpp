#include "httpheadererror.h"

#include <libredistore/codec/cookieheader.h>

#include <QtCore/QMetaEnum>

#include <algorithm>

namespace RediStore {

bool HttpHeaderError::isFieldValue(QByteArrayView value)
{
    return std::none_of(value.cbegin(), value.cend(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

HttpHeaderError HttpHeaderError::check(QByteArrayView name, QByteArrayView value)
{
    if (!CookieHeader::isToken(name)) {
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
