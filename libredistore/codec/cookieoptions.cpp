#include "cookieoptions.h"

namespace RediStore {

class CookieOptionsData : public QSharedData
{
public:
    QString path = QStringLiteral("/");
    QString domain;
    qint64 maxAge = CookieOptions::DefaultMaxAge;
    bool secure = false;
    bool httpOnly = true;
    bool partitioned = false;
    QNetworkCookie::SameSite sameSite = QNetworkCookie::SameSite::Lax;
};

CookieOptions::CookieOptions()
    : d(new CookieOptionsData)
{ }
CookieOptions::CookieOptions(const CookieOptions &other) = default;
CookieOptions::CookieOptions(CookieOptions &&other) noexcept = default;
CookieOptions &CookieOptions::operator=(const CookieOptions &other) = default;
CookieOptions &CookieOptions::operator=(CookieOptions &&other) noexcept = default;
CookieOptions::~CookieOptions() = default;

QString CookieOptions::path() const
{
    return d->path;
}

void CookieOptions::setPath(const QString &path)
{
    d->path = path;
}

QString CookieOptions::domain() const
{
    return d->domain;
}

void CookieOptions::setDomain(const QString &domain)
{
    d->domain = domain;
}

qint64 CookieOptions::maxAge() const
{
    return d->maxAge;
}

void CookieOptions::setMaxAge(qint64 seconds)
{
    d->maxAge = seconds;
}

bool CookieOptions::secure() const
{
    return d->secure;
}

void CookieOptions::setSecure(bool secure)
{
    d->secure = secure;
}

bool CookieOptions::httpOnly() const
{
    return d->httpOnly;
}

void CookieOptions::setHttpOnly(bool httpOnly)
{
    d->httpOnly = httpOnly;
}

QNetworkCookie::SameSite CookieOptions::sameSite() const
{
    return d->sameSite;
}

void CookieOptions::setSameSite(QNetworkCookie::SameSite sameSite)
{
    d->sameSite = sameSite;
}

bool CookieOptions::partitioned() const
{
    return d->partitioned;
}

void CookieOptions::setPartitioned(bool partitioned)
{
    d->partitioned = partitioned;
}

bool operator==(const CookieOptions &a, const CookieOptions &b)
{
    return a.d == b.d
        || (a.d->path == b.d->path && a.d->domain == b.d->domain && a.d->maxAge == b.d->maxAge
            && a.d->secure == b.d->secure && a.d->httpOnly == b.d->httpOnly
            && a.d->partitioned == b.d->partitioned && a.d->sameSite == b.d->sameSite);
}

} // namespace RediStore
