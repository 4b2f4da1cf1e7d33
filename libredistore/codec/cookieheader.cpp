#include "cookieheader.h"

#include <libredistore/utcdatetime_p.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <optional>

#include <QtCore/QLoggingCategory>
#include <QtCore/QtNumeric>
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
        if (!CookieHeader::isToken(name) || !parseValue(rawValue, &value))
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

constexpr int HttpDateSize = 29;
constexpr qint64 FirstHttpDate = -62135596800LL; // 0001-01-01 00:00:00 UTC
constexpr qint64 LastHttpDate = 253402300799LL; // 9999-12-31 23:59:59 UTC

// Go's http.TimeFormat into buffer, which takes HttpDateSize bytes.
void writeHttpDate(qint64 secsSinceEpoch, char *buffer)
{
    static const char days[7][4] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
    static const char months[12][4]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm), without QDateTime:
    // this runs for every cookie written.
    const qint64 secs = qBound<qint64>(FirstHttpDate, secsSinceEpoch, LastHttpDate);
    qint64 daysSinceEpoch = secs / 86400;
    qint64 secondOfDay = secs % 86400;
    if (secondOfDay < 0) {
        secondOfDay += 86400;
        --daysSinceEpoch;
    }
    const qint64 z = daysSinceEpoch + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    const int weekday = int(((daysSinceEpoch % 7) + 7) % 7);

    // "Mon, 02 Jan 2006 15:04:05 GMT"
    auto put2 = [](char *at, int n) {
        at[0] = char('0' + n / 10 % 10);
        at[1] = char('0' + n % 10);
    };
    std::memcpy(buffer, days[weekday], 3);
    std::memcpy(buffer + 3, ", ", 2);
    put2(buffer + 5, day);
    buffer[7] = ' ';
    std::memcpy(buffer + 8, months[month - 1], 3);
    buffer[11] = ' ';
    put2(buffer + 12, year / 100);
    put2(buffer + 14, year % 100);
    buffer[16] = ' ';
    put2(buffer + 17, int(secondOfDay / 3600));
    buffer[19] = ':';
    put2(buffer + 20, int(secondOfDay / 60 % 60));
    buffer[22] = ':';
    put2(buffer + 23, int(secondOfDay % 60));
    std::memcpy(buffer + 25, " GMT", 4);
}

// A Set-Cookie line written into a buffer sized up front: no growth and no QByteArray call per
// attribute (this runs for every session saved).
class LineWriter
{
public:
    explicit LineWriter(qsizetype capacity)
        : m_line(capacity, Qt::Uninitialized)
        , m_at(m_line.data())
        , m_end(m_at + capacity)
    { }

    void put(QByteArrayView text)
    {
        if (text.isEmpty())
            return; // an empty view may have no data pointer, which memcpy must not get
        Q_ASSERT(text.size() <= m_end - m_at);
        std::memcpy(m_at, text.data(), size_t(text.size()));
        m_at += text.size();
    }
    void put(char c)
    {
        Q_ASSERT(m_at < m_end);
        *m_at++ = c;
    }
    QByteArray take()
    {
        m_line.truncate(m_at - m_line.constData());
        return std::move(m_line);
    }

private:
    QByteArray m_line;
    char *m_at;
    char *m_end;
};

// Go's sanitizeCookieValue: drop invalid bytes, quote a value with a space or comma. Writes at
// most value.size() + 2 bytes.
void putValue(LineWriter &line, QByteArrayView value)
{
    // The common case (a securecookie value) needs neither a copy nor quotes.
    if (std::all_of(value.cbegin(), value.cend(), isValueByte)) {
        const bool quote = value.contains(' ') || value.contains(',');
        if (quote)
            line.put('"');
        line.put(value);
        if (quote)
            line.put('"');
        return;
    }
    QByteArray kept;
    kept.reserve(value.size());
    for (char c : value) {
        if (isValueByte(c))
            kept.append(c);
    }
    qCWarning(lcCookieHeader, "cookie value has bytes not allowed in a cookie; dropped them");
    putValue(line, kept);
}

// Go's sanitizeCookiePath: printable ASCII except ';'. Writes at most path.size() bytes.
void putPath(LineWriter &line, const QString &path)
{
    for (const QChar c : path) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7f && u != ';')
            line.put(char(u));
    }
}

// gorilla/sessions' NewCookie: Expires is now + maxAge for maxAge > 0 (at most the last second
// of year 9999, the end of what an HTTP date can say), 1970-01-01 00:00:01 UTC for maxAge < 0,
// unset for 0.
std::optional<qint64> expiresFor(qint64 maxAge, qint64 now)
{
    if (maxAge > 0) {
        qint64 expires = 0;
        if (qAddOverflow(now, maxAge, &expires) || expires > LastHttpDate)
            return LastHttpDate;
        return expires;
    }
    if (maxAge < 0)
        return 1;
    return std::nullopt;
}

struct SetCookieFields
{
    QByteArrayView name;
    QByteArrayView value;
    QString path;
    QString domain;
    std::optional<qint64> expires; // seconds since the epoch
    qint64 maxAge;
    bool httpOnly;
    bool secure;
    QNetworkCookie::SameSite sameSite;
    bool partitioned;
};

// Go's Cookie.String, attribute by attribute.
QByteArray writeSetCookie(const SetCookieFields &cookie)
{
    if (!CookieHeader::isToken(cookie.name)) {
        qCWarning(lcCookieHeader, "cookie name %s is not an HTTP token; no Set-Cookie written",
                  cookie.name.toByteArray().toPercentEncoding().constData());
        return QByteArray();
    }
    // Every attribute at its longest, with two quotes around the value: 135 bytes.
    constexpr qsizetype attributes = 160;
    LineWriter line(cookie.name.size() + cookie.value.size() + cookie.path.size()
                    + cookie.domain.size() + attributes);
    line.put(cookie.name);
    line.put('=');
    putValue(line, cookie.value);
    if (!cookie.path.isEmpty()) {
        line.put("; Path=");
        putPath(line, cookie.path);
    }
    if (!cookie.domain.isEmpty()) {
        if (isValidDomain(cookie.domain)) {
            line.put("; Domain=");
            line.put(
                (cookie.domain.startsWith(QLatin1Char('.')) ? cookie.domain.mid(1) : cookie.domain)
                    .toLatin1());
        } else {
            qCWarning(lcCookieHeader, "invalid cookie domain %s; left out (host-only cookie)",
                      qUtf8Printable(cookie.domain));
        }
    }
    // Go writes Expires only from the year 1601 on.
    constexpr qint64 year1601 = -11644473600LL;
    if (cookie.expires && *cookie.expires >= year1601) {
        char date[HttpDateSize];
        writeHttpDate(*cookie.expires, date);
        line.put("; Expires=");
        line.put(QByteArrayView(date, HttpDateSize));
    }
    if (cookie.maxAge > 0) {
        char digits[24];
        const char *end = std::to_chars(digits, digits + sizeof digits, cookie.maxAge).ptr;
        line.put("; Max-Age=");
        line.put(QByteArrayView(digits, end - digits));
    } else if (cookie.maxAge < 0) {
        line.put("; Max-Age=0");
    }
    if (cookie.httpOnly)
        line.put("; HttpOnly");
    if (cookie.secure)
        line.put("; Secure");
    switch (cookie.sameSite) {
    case QNetworkCookie::SameSite::Default:
        break;
    case QNetworkCookie::SameSite::None:
        line.put("; SameSite=None");
        break;
    case QNetworkCookie::SameSite::Lax:
        line.put("; SameSite=Lax");
        break;
    case QNetworkCookie::SameSite::Strict:
        line.put("; SameSite=Strict");
        break;
    }
    if (cookie.partitioned)
        line.put("; Partitioned");
    return line.take();
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
    for (const QByteArrayView value : valueViews(headers, name))
        found.append(value.toByteArray());
    return found;
}

CookieHeader::ValueViews CookieHeader::valueViews(const QByteArrayList &headers,
                                                  QByteArrayView name)
{
    ValueViews found;
    for (const QByteArray &header : headers) {
        parseHeader(header, [&found, name](QByteArrayView cookieName, QByteArrayView value) {
            if (cookieName == name)
                found.append(value);
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
    if (const auto expires = expiresFor(options.maxAge(), now.toSecsSinceEpoch()))
        cookie.setExpirationDate(utcDateTime(*expires));
    return cookie;
}

QByteArray CookieHeader::setCookie(const QByteArray &name, const QByteArray &value,
                                   const CookieOptions &options, const QDateTime &now)
{
    return setCookie(name, value, options, now.toSecsSinceEpoch());
}

QByteArray CookieHeader::setCookie(const QByteArray &name, const QByteArray &value,
                                   const CookieOptions &options, qint64 nowSecsSinceEpoch)
{
    SetCookieFields fields { name,
                             value,
                             options.path(),
                             options.domain(),
                             expiresFor(options.maxAge(), nowSecsSinceEpoch),
                             options.maxAge(),
                             options.httpOnly(),
                             options.secure(),
                             options.sameSite(),
                             options.partitioned() };
    return writeSetCookie(fields);
}

QByteArray CookieHeader::setCookie(const QNetworkCookie &cookie, qint64 maxAge, bool partitioned)
{
    const QDateTime expirationDate = cookie.expirationDate();
    std::optional<qint64> expires;
    if (expirationDate.isValid())
        expires = expirationDate.toSecsSinceEpoch();
    const QByteArray name = cookie.name();
    const QByteArray value = cookie.value();
    SetCookieFields fields { name,
                             value,
                             cookie.path(),
                             cookie.domain(),
                             expires,
                             maxAge,
                             cookie.isHttpOnly(),
                             cookie.isSecure(),
                             cookie.sameSitePolicy(),
                             partitioned };
    return writeSetCookie(fields);
}

QByteArray CookieHeader::httpDate(const QDateTime &time)
{
    return httpDate(time.toSecsSinceEpoch());
}

QByteArray CookieHeader::httpDate(qint64 secsSinceEpoch)
{
    char buffer[HttpDateSize];
    writeHttpDate(secsSinceEpoch, buffer);
    return QByteArray(buffer, HttpDateSize);
}

bool CookieHeader::isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), isTokenChar);
}

} // namespace RediStore
