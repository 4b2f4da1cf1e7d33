#include "qmlcookiecodec.h"

#include "qmljs_p.h"

#include <QtQml/QJSEngine>

namespace RediStore {

QmlCookieCodec::QmlCookieCodec(QObject *parent)
    : QObject(parent)
{ }

QmlCookieCodec::~QmlCookieCodec() = default;

void QmlCookieCodec::setKeys(const QStringList &keys)
{
    if (m_keys == keys)
        return;
    m_keys = keys;
    rebuild();
    Q_EMIT keysChanged();
}

void QmlCookieCodec::rebuild()
{
    const bool wasValid = isValid();
    SecureCookie codec;
    QString keyError;
    if (m_keys.isEmpty()) {
        keyError = QStringLiteral("CookieCodec: no keys");
    } else {
        const auto ring = KeyRing::keysFromStrings(m_keys);
        if (!ring.ok()) {
            keyError = QStringLiteral("CookieCodec: ") + ring.error().message();
        } else {
            codec = SecureCookie(ring.value());
            if (!codec.isValid())
                keyError = QStringLiteral("CookieCodec: ") + codec.keyError().message();
        }
    }
    codec.setMaxAge(m_codec.maxAge());
    codec.setMaxLength(m_codec.maxLength());
    codec.setEncoding(m_codec.encoding());
    m_codec = codec;
    m_keyError = keyError;
    setError(keyError);
    if (wasValid != isValid())
        Q_EMIT validChanged();
}

void QmlCookieCodec::setMaxAge(double seconds)
{
    if (seconds < 0 || qint64(seconds) == m_codec.maxAge())
        return;
    m_codec.setMaxAge(qint64(seconds));
    Q_EMIT maxAgeChanged();
}

void QmlCookieCodec::setMaxLength(int length)
{
    if (length < 0 || length == m_codec.maxLength())
        return;
    m_codec.setMaxLength(length);
    Q_EMIT maxLengthChanged();
}

QString QmlCookieCodec::encoding() const
{
    return m_codec.encoding() == SecureCookie::Encoding::Json ? QStringLiteral("json")
                                                              : QStringLiteral("gob");
}

void QmlCookieCodec::setEncoding(const QString &encoding)
{
    SecureCookie::Encoding wanted;
    if (encoding == QLatin1String("gob")) {
        wanted = SecureCookie::Encoding::Gob;
    } else if (encoding == QLatin1String("json")) {
        wanted = SecureCookie::Encoding::Json;
    } else {
        QmlJs::throwError(this, QJSValue::RangeError, "CookieCodec.encoding",
                          QStringLiteral("must be \"gob\" or \"json\", not \"%1\"").arg(encoding));
        return;
    }
    if (wanted == m_codec.encoding())
        return;
    m_codec.setEncoding(wanted);
    Q_EMIT encodingChanged();
}

void QmlCookieCodec::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

bool QmlCookieCodec::checkReady(const char *)
{
    if (isValid())
        return true;
    setError(m_keyError);
    return false;
}

QJSValue QmlCookieCodec::decode(const QJSValue &nameValue, const QJSValue &cookieValue)
{
    static constexpr const char method[] = "CookieCodec.decode";
    QString name;
    QString cookie;
    if (!QmlJs::requireString(this, method, "name", nameValue, &name)
        || !QmlJs::requireString(this, method, "cookie", cookieValue, &cookie)) {
        return QJSValue();
    }
    if (!checkReady(method))
        return QJSValue(QJSValue::NullValue);
    const auto decoded = m_codec.decode(name.toUtf8(), cookie.toUtf8());
    if (!decoded.ok()) {
        setError(decoded.error().message());
        return QJSValue(QJSValue::NullValue);
    }
    setError(QString());
    QJSEngine *engine = qjsEngine(this);
    return engine ? engine->toScriptValue(decoded.value()) : QJSValue();
}

QJSValue QmlCookieCodec::encode(const QJSValue &nameValue, const QJSValue &value)
{
    static constexpr const char method[] = "CookieCodec.encode";
    QString name;
    if (!QmlJs::requireString(this, method, "name", nameValue, &name))
        return QJSValue();
    if (value.isUndefined() || value.isCallable()) {
        QmlJs::throwError(this, QJSValue::TypeError, method,
                          QStringLiteral("value must be a string, number, boolean, array or "
                                         "object, got ")
                              + QmlJs::describe(value));
        return QJSValue();
    }
    if (!checkReady(method))
        return QJSValue(QJSValue::NullValue);
    const auto encoded = m_codec.encode(name.toUtf8(), QmlJs::toStorable(value));
    if (!encoded.ok()) {
        setError(encoded.error().message());
        return QJSValue(QJSValue::NullValue);
    }
    setError(QString());
    return QJSValue(QString::fromLatin1(encoded.value()));
}

QJSValue QmlCookieCodec::inspect(const QJSValue &nameValue, const QJSValue &cookieValue)
{
    static constexpr const char method[] = "CookieCodec.inspect";
    QString name;
    QString cookie;
    if (!QmlJs::requireString(this, method, "name", nameValue, &name)
        || !QmlJs::requireString(this, method, "cookie", cookieValue, &cookie)) {
        return QJSValue();
    }
    QJSEngine *engine = qjsEngine(this);
    if (!engine)
        return QJSValue();
    QVariantMap result;
    if (!checkReady(method)) {
        result.insert(QStringLiteral("ok"), false);
        result.insert(QStringLiteral("error"), m_keyError);
        return engine->toScriptValue(result);
    }
    const SecureCookie::Inspection inspection = m_codec.inspect(name.toUtf8(), cookie.toUtf8());
    result.insert(QStringLiteral("ok"), inspection.ok());
    result.insert(QStringLiteral("value"), inspection.value);
    result.insert(QStringLiteral("keyIndex"), inspection.keyIndex);
    result.insert(QStringLiteral("timestamp"), inspection.timestamp);
    result.insert(QStringLiteral("error"),
                  inspection.ok() ? QString() : inspection.error.message());
    QVariantList keyErrors;
    for (const CodecError &error : inspection.keyErrors)
        keyErrors.append(error.message());
    result.insert(QStringLiteral("keyErrors"), keyErrors);
    setError(inspection.ok() ? QString() : inspection.error.message());
    return engine->toScriptValue(result);
}

} // namespace RediStore
