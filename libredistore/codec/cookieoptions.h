#ifndef REDISTORE_COOKIEOPTIONS_H
#define REDISTORE_COOKIEOPTIONS_H

#include <libredistore/redistore_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>
#include <QtNetwork/QNetworkCookie>

namespace RediStore {

class CookieOptionsData;

// The attributes of a session cookie, as gorilla/sessions' Options: what CookieHeader writes
// into Set-Cookie. The defaults are Go redistore's (Path "/", MaxAge 30 days) plus the secure
// defaults Go lacks: HttpOnly and SameSite=Lax. Secure stays off by default so that plain-HTTP
// development works; turn it on behind HTTPS.
//
// An implicitly shared value class.
class REDISTORE_EXPORT CookieOptions
{
public:
    static constexpr qint64 DefaultMaxAge = 86400 * 30; // seconds

    CookieOptions();
    CookieOptions(const CookieOptions &other);
    CookieOptions(CookieOptions &&other) noexcept;
    CookieOptions &operator=(const CookieOptions &other);
    CookieOptions &operator=(CookieOptions &&other) noexcept;
    ~CookieOptions();

    void swap(CookieOptions &other) noexcept { d.swap(other.d); }

    // Path attribute; empty: none. Default "/".
    QString path() const;
    void setPath(const QString &path);

    // Domain attribute; empty (the default): a host-only cookie. One leading '.' is dropped
    // when writing, as browsers ignore it.
    QString domain() const;
    void setDomain(const QString &domain);

    // Seconds until the cookie expires: > 0 writes Expires=now+maxAge and Max-Age=maxAge;
    // 0 writes neither (a browser-session cookie); < 0 deletes the cookie (Expires in 1970 and
    // Max-Age=0). Default DefaultMaxAge (30 days).
    qint64 maxAge() const;
    void setMaxAge(qint64 seconds);

    // Secure attribute: sent over HTTPS only. Default false.
    bool secure() const;
    void setSecure(bool secure);

    // HttpOnly attribute: hidden from JavaScript. Default true.
    bool httpOnly() const;
    void setHttpOnly(bool httpOnly);

    // SameSite attribute; QNetworkCookie::SameSite::Default writes none. Default Lax.
    QNetworkCookie::SameSite sameSite() const;
    void setSameSite(QNetworkCookie::SameSite sameSite);

    // Partitioned attribute (CHIPS). Default false.
    bool partitioned() const;
    void setPartitioned(bool partitioned);

    friend REDISTORE_EXPORT bool operator==(const CookieOptions &a, const CookieOptions &b);
    friend bool operator!=(const CookieOptions &a, const CookieOptions &b) { return !(a == b); }

private:
    QSharedDataPointer<CookieOptionsData> d;
};

} // namespace RediStore

Q_DECLARE_SHARED(RediStore::CookieOptions)
Q_DECLARE_METATYPE(RediStore::CookieOptions)

#endif // REDISTORE_COOKIEOPTIONS_H
