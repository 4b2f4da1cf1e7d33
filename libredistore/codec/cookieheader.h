#ifndef REDISTORE_COOKIEHEADER_H
#define REDISTORE_COOKIEHEADER_H

#include <libredistore/codec/cookieoptions.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayList>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QVarLengthArray>
#include <QtNetwork/QNetworkCookie>

namespace RediStore {

// The two cookie headers of HTTP, as Go's net/http and gorilla/sessions read and write them.
//
// Request side: a tolerant parser for "Cookie:" (RFC 6265 section 4.2 syntax, which
// QNetworkCookie::parseCookies does not read: it parses Set-Cookie). Pairs are split on ';',
// trimmed of blanks (space, tab, CR, LF), also around '='; one pair of double quotes around a
// value is removed. Every cookie is kept, in order, including repeated names (a browser sends
// one per matching path/domain). A pair whose name is not an RFC 7230 token, or whose value has
// bytes Go refuses (controls, non-ASCII, '"', ';', '\\'), is skipped without affecting the
// others; a part without '=' is a cookie with an empty value, as in Go.
//
// Response side: Set-Cookie lines in Go's order and format (net/http Cookie.String, with
// gorilla/sessions' NewCookie for Expires):
//   name=value; Path=P; Domain=D; Expires=<RFC 1123 GMT>; Max-Age=N; HttpOnly; Secure;
//   SameSite=X; Partitioned
class REDISTORE_EXPORT CookieHeader
{
public:
    // Parses one Cookie header value (name/value pairs only: attributes are empty).
    static QList<QNetworkCookie> parse(QByteArrayView header);
    // Parses every Cookie header of a request, in order.
    static QList<QNetworkCookie> parse(const QByteArrayList &headers);
    // The values of every cookie called name, in order.
    static QByteArrayList values(const QByteArrayList &headers, QByteArrayView name);
    // The same without copies: views into headers, valid while headers are unchanged.
    using ValueViews = QVarLengthArray<QByteArrayView, 4>;
    static ValueViews valueViews(const QByteArrayList &headers, QByteArrayView name);

    // The cookie gorilla/sessions' NewCookie builds from options at time now: Expires is
    // now + maxAge for maxAge > 0 (at most 9999-12-31 23:59:59 UTC), 1970-01-01 00:00:01 UTC
    // for maxAge < 0, unset for 0.
    // (QNetworkCookie has no Max-Age or Partitioned; setCookie() writes them from options.)
    static QNetworkCookie networkCookie(const QByteArray &name, const QByteArray &value,
                                        const CookieOptions &options, const QDateTime &now);

    // The Set-Cookie header value for a cookie with options, at time now. Like Go, a name that
    // is not a token gives an empty line, bytes not allowed in a value or path are dropped, a
    // value with a space or comma is quoted, and an invalid domain is left out (host-only).
    static QByteArray setCookie(const QByteArray &name, const QByteArray &value,
                                const CookieOptions &options, const QDateTime &now);
    // The same at a time given in seconds since the epoch (UTC).
    static QByteArray setCookie(const QByteArray &name, const QByteArray &value,
                                const CookieOptions &options, qint64 nowSecsSinceEpoch);
    static QByteArray setCookie(const QByteArray &name, const QByteArray &value,
                                const CookieOptions &options)
    {
        return setCookie(name, value, options, QDateTime::currentDateTimeUtc());
    }
    // The same from a QNetworkCookie, adding what it cannot hold: Max-Age (0: none) and
    // Partitioned.
    static QByteArray setCookie(const QNetworkCookie &cookie, qint64 maxAge = 0,
                                bool partitioned = false);

    // An RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~): what a cookie name, and any
    // header name, must be.
    static bool isToken(QByteArrayView text);

    // Go's http.TimeFormat: "Sun, 06 Nov 1994 08:49:37 GMT" (years 1 to 9999).
    static QByteArray httpDate(const QDateTime &time);
    static QByteArray httpDate(qint64 secsSinceEpoch);
};

} // namespace RediStore

#endif // REDISTORE_COOKIEHEADER_H
