#ifndef REDISTORE_ADMIN_COOKIEINSPECTOR_H
#define REDISTORE_ADMIN_COOKIEINSPECTOR_H

#include <libredistore/codec/securecookie.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

namespace RediStore::Admin {

// Reads a session cookie the way the store does (securecookie over a gob string holding the
// session ID) and says, in words, what it found: which key pair signed it and when, the
// session ID, or exactly why it does not decode (MAC, expired, wrong cookie name, no key of
// the ring matches, not base64, ...). Accepts a bare cookie value, "name=value", or a whole
// Cookie: or Set-Cookie: header.
class CookieInspector
{
    Q_DECLARE_TR_FUNCTIONS(CookieInspector)

public:
    struct Candidate
    {
        QByteArray name; // empty for a bare value
        QByteArray value;
    };

    enum class Verdict {
        Valid,
        WrongName, // decodes, but under another cookie name than the store's
        MacInvalid, // no key of the ring matches (or the name or value was changed)
        Expired,
        TooNew,
        NotACookie, // not base64, or not "timestamp|value|mac"
        DecryptFailed,
        NotASessionId, // decodes, but holds something else than a session ID
        NoKeys,
        TooLong,
    };

    struct Finding
    {
        Candidate cookie;
        Verdict verdict = Verdict::NotACookie;
        QString sessionId; // when valid
        int keyIndex = -1; // the key pair (0-based) that matched
        QDateTime signedAt; // from the cookie's timestamp, when it has one
        QString summary; // one sentence
        QStringList details; // per key pair, why it failed
    };

    CookieInspector(const KeyRing &keys, const QByteArray &cookieName,
                    qint64 maxAge = SecureCookie::DefaultMaxAge);

    // Takes a clock for tests (seconds since the epoch); default the system clock.
    void setClock(SecureCookie::Clock clock);

    // The cookies in text: a bare value, name=value, or a Cookie:/Set-Cookie: header.
    static QList<Candidate> parse(const QString &text);
    Finding inspect(const Candidate &candidate) const;
    // parse() and inspect() in one; cookies named like the store's come first.
    QList<Finding> inspectText(const QString &text) const;

    // The signed time inside a cookie value (readable without the keys), if any.
    static QDateTime timestampOf(const QByteArray &cookie);

private:
    Finding fromInspection(const Candidate &candidate, const SecureCookie::Inspection &inspection,
                           const QByteArray &name) const;

    KeyRing m_keys;
    QByteArray m_name;
    SecureCookie m_codec;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_COOKIEINSPECTOR_H
