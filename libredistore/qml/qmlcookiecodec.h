#ifndef REDISTORE_QMLCOOKIECODEC_H
#define REDISTORE_QMLCOOKIECODEC_H

#include <libredistore/codec/securecookie.h>

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtQml/QJSValue>
#include <QtQml/qqmlregistration.h>

namespace RediStore {

// gorilla/securecookie cookies in QML: the cookie a Go or Qt service sets, decoded or made.
//
//   CookieCodec {
//       id: codec
//       keys: ["hex:6a1f...", "base64:q83v..."] // hash key, block key, [older pairs...]
//   }
//   var id = codec.decode("session", cookieValue) // null if it does not decode; see error
//
// Keys are strings as KeyRing::keysFromStrings() reads them: "hex:...", "base64:..." or the
// UTF-8 bytes of the text, taken two at a time as (hash key, block key) pairs.
class QmlCookieCodec : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(CookieCodec)

    Q_PROPERTY(QStringList keys READ keys WRITE setKeys NOTIFY keysChanged)
    // Seconds a cookie stays valid after it was signed (default 30 days; 0: no limit).
    Q_PROPERTY(double maxAge READ maxAge WRITE setMaxAge NOTIFY maxAgeChanged)
    // The longest cookie accepted or made, in characters (default 4096; 0: no limit).
    Q_PROPERTY(int maxLength READ maxLength WRITE setMaxLength NOTIFY maxLengthChanged)
    // How the value sits in the cookie: "gob" (securecookie's default) or "json".
    Q_PROPERTY(QString encoding READ encoding WRITE setEncoding NOTIFY encodingChanged)
    // The keys decode and have valid sizes; otherwise error says which key is wrong.
    Q_PROPERTY(bool valid READ isValid NOTIFY validChanged)
    // The key error, or why the last encode() or decode() failed; empty after a success.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit QmlCookieCodec(QObject *parent = nullptr);
    ~QmlCookieCodec() override;

    QStringList keys() const { return m_keys; }
    void setKeys(const QStringList &keys);
    double maxAge() const { return double(m_codec.maxAge()); }
    void setMaxAge(double seconds);
    int maxLength() const { return int(m_codec.maxLength()); }
    void setMaxLength(int length);
    QString encoding() const;
    void setEncoding(const QString &encoding);
    bool isValid() const { return m_keyError.isEmpty(); }
    QString error() const { return m_error; }

    // decode(name, cookie): the value (for a session cookie: the session ID), or null.
    Q_INVOKABLE QJSValue decode(const QJSValue &name = QJSValue(),
                                const QJSValue &cookie = QJSValue());
    // encode(name, value): the cookie value, or null.
    Q_INVOKABLE QJSValue encode(const QJSValue &name = QJSValue(),
                                const QJSValue &value = QJSValue());
    // inspect(name, cookie): {ok, value, keyIndex, timestamp, error, keyErrors: [...]}
    Q_INVOKABLE QJSValue inspect(const QJSValue &name = QJSValue(),
                                 const QJSValue &cookie = QJSValue());

Q_SIGNALS:
    void keysChanged();
    void maxAgeChanged();
    void maxLengthChanged();
    void encodingChanged();
    void validChanged();
    void errorChanged();

private:
    void rebuild();
    void setError(const QString &error);
    bool checkReady(const char *method);

    QStringList m_keys;
    QString m_keyError = QStringLiteral("CookieCodec: no keys");
    QString m_error = m_keyError;
    SecureCookie m_codec;
};

} // namespace RediStore

#endif // REDISTORE_QMLCOOKIECODEC_H
