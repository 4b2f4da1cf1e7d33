#include "cookieheader.h"

#include <algorithm>
#include <array>
#include <cstring>

#include <QtCore/QLoggingCategory>
#include <QtNetwork/QHostAddress>

namespace RediStore {

namespace {

Q_LOGGING_CATEGORY(lcCookieHeader, "redistore.codec")

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    return text;
}

// RFC 7230 tchar
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Go's validCookieValueByte, as a table: every cookie of every request goes through it.
constexpr std::array<bool, 256> valueByteTable()
{
    std::array<bool, 256> table {};
    for (int b = 0x20; b < 0x7f; ++b)
        table[size_t(b)] = b != '"' && b != ';' && b != '\\';
    return table;
}
constexpr std::array<bool, 256> valueBytes = valueByteTable();

inline bool isValueByte(char c)
{
    return valueBytes[uchar(c)];
}

// Go's parseCookieValue(raw, allowDoubleQuote=true)
bool parseValue(QByteArrayView raw, QByteArrayView *value)
{
    if (raw.size() > 1 && raw.front() == '"' && raw.back() == '"')
        raw = raw.sliced(1, raw.size() - 2);
    for (char c : raw) {
        if (!isValueByte(c))
            return false;
    }
    *value = raw;
    return true;
}

template<typename Sink> void parseHeader(QByteArrayView header, Sink sink)
{
    while (!header.isEmpty()) {
        qsizetype semicolon = header.indexOf(';');
        if (semicolon < 0)
            semicolon = header.size();
        const QByteArrayView part = trimmed(header.first(semicolon));
        header = header.sliced(qMin(semicolon + 1, header.size()));
        if (part.isEmpty())
            continue;
        QByteArrayView name = part;
        QByteArrayView rawValue;
        if (const qsizetype eq = part.indexOf('='); eq >= 0) {
            name = trimmed(part.first(eq));
            rawValue = trimmed(part.sliced(eq + 1));
        }
        QByteArrayView value;
        if (!isToken(name) || !parseValue(rawValue, &value))
            continue;
        sink(name, value);
    }
}

// Go's isCookieDomainName
bool isCookieDomainName(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 255)
        return false;
    if (s.front() == '.')
        s = s.sliced(1);
    char last = '.';
    bool sawLetter = false;
    int partLength = 0;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            sawLetter = true;
            ++partLength;
        } else if (c >= '0' && c <= '9') {
            ++partLength;
        } else if (c == '-') {
            if (last == '.')
                return false;
            ++partLength;
        } else if (c == '.') {
            if (last == '.' || last == '-' || partLength > 63 || partLength == 0)
                return false;
            partLength = 0;
        } else {
            return false;
        }
        last = c;
    }
    return last != '-' && partLength <= 63 && sawLetter;
}

// Go's validCookieDomain: a domain name or an IPv4 address.
bool isValidDomain(const QString &domain)
{
    const QByteArray latin1 = domain.toLatin1();
    if (QString::fromLatin1(latin1) != domain)
        return false;
    if (isCookieDomainName(latin1))
        return true;
    QHostAddress address;
    return !domain.contains(QLatin1Char(':')) && address.setAddress(domain);
}

// Go's sanitizeCookieValue: drop invalid bytes, quote a value with a space or comma.
QByteArray sanitizedValue(const QByteArray &value)
{
    // The common case (a securecookie value) needs neither a copy nor quotes.
    const bool allValid = std::all_of(value.cbegin(), value.cend(), isValueByte);
    QByteArray out = value;
    if (!allValid) {
        out.clear();
        out.reserve(value.size());
        for (char c : value) {
            if (isValueByte(c))
                out.append(c);
        }
        qCWarning(lcCookieHeader, "cookie value has bytes not allowed in a cookie; dropped them");
    }
    if (out.contains(' ') || out.contains(','))
        return '"' + out + '"';
    return out;
}

// Go's sanitizeCookiePath: printable ASCII except ';'.
QByteArray sanitizedPath(const QString &path)
{
    const QByteArray utf8 = path.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (char c : utf8) {
        const auto b = uchar(c);
        if (b >= 0x20 && b < 0x7f && c != ';')
            out.append(c);
    }
    return out;
}

} // namespace

QList<QNetworkCookie> CookieHeader::parse(QByteArrayView header)
{
    QList<QNetworkCookie> cookies;
    parseHeader(header, [&cookies](QByteArrayView name, QByteArrayView value) {
        cookies.append(QNetworkCookie(name.toByteArray(), value.toByteArray()));
    });
    return cookies;
}

QList<QNetworkCookie> CookieHeader::parse(const QByteArrayList &headers)
{
    QList<QNetworkCookie> cookies;
    for (const QByteArray &header : headers)
        cookies.append(parse(header));
    return cookies;
}

QByteArrayList CookieHeader::values(const QByteArrayList &headers, QByteArrayView name)
{
    QByteArrayList found;
    for (const QByteArray &header : headers) {
        parseHeader(header, [&found, name](QByteArrayView cookieName, QByteArrayView value) {
            if (cookieName == name)
                found.append(value.toByteArray());
        });
    }
    return found;
}

QNetworkCookie CookieHeader::networkCookie(const QByteArray &name, const QByteArray &value,
                                           const CookieOptions &options, const QDateTime &now)
{
    QNetworkCookie cookie(name, value);
    cookie.setPath(options.path());
    cookie.setDomain(options.domain());
    cookie.setSecure(options.secure());
    cookie.setHttpOnly(options.httpOnly());
    cookie.setSameSitePolicy(options.sameSite());
    if (options.maxAge() > 0)
        cookie.setExpirationDate(now.toUTC().addSecs(options.maxAge()));
    else if (options.maxAge() < 0)
        cookie.setExpirationDate(QDateTime::fromSecsSinceEpoch(1, Qt::UTC));
    return cookie;
}

QByteArray CookieHeader::setCookie(const QByteArray &name, const QByteArray &value,
                                   const CookieOptions &options, const QDateTime &now)
{
    return setCookie(networkCookie(name, value, options, now), options.maxAge(),
                     options.partitioned());
}

QByteArray CookieHeader::setCookie(const QNetworkCookie &cookie, qint64 maxAge, bool partitioned)
{
    if (!isToken(cookie.name())) {
        qCWarning(lcCookieHeader, "cookie name %s is not an HTTP token; no Set-Cookie written",
                  cookie.name().toPercentEncoding().constData());
        return QByteArray();
    }
    QByteArray line;
    line.reserve(cookie.name().size() + cookie.value().size() + 160);
    line += cookie.name() + '=' + sanitizedValue(cookie.value());
    if (!cookie.path().isEmpty())
        line += "; Path=" + sanitizedPath(cookie.path());
    if (const QString domain = cookie.domain(); !domain.isEmpty()) {
        if (isValidDomain(domain)) {
            line += "; Domain="
                + (domain.startsWith(QLatin1Char('.')) ? domain.mid(1) : domain).toLatin1();
        } else {
            qCWarning(lcCookieHeader, "invalid cookie domain %s; left out (host-only cookie)",
                      qUtf8Printable(domain));
        }
    }
    const QDateTime expires = cookie.expirationDate();
    if (expires.isValid() && expires.toUTC().date().year() >= 1601)
        line += "; Expires=" + httpDate(expires);
    if (maxAge > 0)
        line += "; Max-Age=" + QByteArray::number(maxAge);
    else if (maxAge < 0)
        line += "; Max-Age=0";
    if (cookie.isHttpOnly())
        line += "; HttpOnly";
    if (cookie.isSecure())
        line += "; Secure";
    switch (cookie.sameSitePolicy()) {
    case QNetworkCookie::SameSite::Default:
        break;
    case QNetworkCookie::SameSite::None:
        line += "; SameSite=None";
        break;
    case QNetworkCookie::SameSite::Lax:
        line += "; SameSite=Lax";
        break;
    case QNetworkCookie::SameSite::Strict:
        line += "; SameSite=Strict";
        break;
    }
    if (partitioned)
        line += "; Partitioned";
    return line;
}

QByteArray CookieHeader::httpDate(const QDateTime &time)
{
    static const char days[7][4] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char months[12][4]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    // "Mon, 02 Jan 2006 15:04:05 GMT", written into one buffer: this runs for every cookie.
    char buffer[32];
    auto put2 = [](char *at, int n) {
        at[0] = char('0' + n / 10 % 10);
        at[1] = char('0' + n % 10);
    };
    const int year = qBound(0, date.year(), 9999);
    std::memcpy(buffer, days[date.dayOfWeek() - 1], 3);
    std::memcpy(buffer + 3, ", ", 2);
    put2(buffer + 5, date.day());
    buffer[7] = ' ';
    std::memcpy(buffer + 8, months[date.month() - 1], 3);
    buffer[11] = ' ';
    put2(buffer + 12, year / 100);
    put2(buffer + 14, year % 100);
    buffer[16] = ' ';
    put2(buffer + 17, clock.hour());
    buffer[19] = ':';
    put2(buffer + 20, clock.minute());
    buffer[22] = ':';
    put2(buffer + 23, clock.second());
    std::memcpy(buffer + 25, " GMT", 4);
    return QByteArray(buffer, 29);
}

} // namespace RediStore
