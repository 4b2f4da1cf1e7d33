#include "redisconfig.h"

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

namespace RediStore {

namespace {

// Which fields were set explicitly (by a setter or a URL): those are the ones a URL may not
// silently override.
enum ExplicitField : unsigned {
    AddressField = 1u << 0,
    UsernameField = 1u << 1,
    PasswordField = 1u << 2,
    DatabaseField = 1u << 3,
};

constexpr int defaultPort = 6379;

RedisError configError(RedisError::Code code, const QString &message)
{
    return RedisError(code, message);
}

} // namespace

class RedisConfigData : public QSharedData
{
public:
    RedisConfig::Transport transport = RedisConfig::Transport::Tcp;
    QString host = QStringLiteral("127.0.0.1");
    int port = defaultPort;
    QString unixSocket;
    QString username;
    QString password;
    int database = 0;
    int connectTimeoutMs = 5000;
    int commandTimeoutMs = 5000;
    QString clientName;
    bool autoReconnect = true;
    int reconnectMinDelayMs = 100;
    int reconnectMaxDelayMs = 5000;
    RedisConfig::OfflinePolicy offlinePolicy = RedisConfig::OfflinePolicy::Queue;
    int offlineQueueLimit = 10000;
    unsigned explicitFields = 0;
};

RedisConfig::RedisConfig()
    : d(new RedisConfigData)
{ }
RedisConfig::RedisConfig(const RedisConfig &other) = default;
RedisConfig::RedisConfig(RedisConfig &&other) noexcept = default;
RedisConfig &RedisConfig::operator=(const RedisConfig &other) = default;
RedisConfig &RedisConfig::operator=(RedisConfig &&other) noexcept = default;
RedisConfig::~RedisConfig() = default;

Result<RedisConfig, RedisError> RedisConfig::fromUrl(const QString &url)
{
    return RedisConfig().applyUrl(url);
}

Result<RedisConfig, RedisError> RedisConfig::applyUrl(const QString &text) const
{
    const QUrl url(text, QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return configError(RedisError::Code::InvalidUrl, QStringLiteral("the Redis URL is empty"));
    if (!url.isValid()) {
        return configError(
            RedisError::Code::InvalidUrl,
            QStringLiteral("'%1' is not a valid Redis URL: %2").arg(text, url.errorString()));
    }

    RedisConfig result = *this;
    RedisConfigData &r = *result.d;
    const unsigned wasExplicit = d->explicitFields;
    auto conflict
        = [&](const QString &field, const QString &fromUrl, const QString &explicitValue) {
              return configError(
                  RedisError::Code::ConflictingSettings,
                  QStringLiteral("%1: the URL says %2 but %3 was set explicitly; set it in "
                                 "one place only")
                      .arg(field, fromUrl, explicitValue));
          };

    const QString scheme = url.scheme().toLower();
    Transport transport;
    QString host;
    int port = defaultPort;
    QString socketPath;
    int database = -1;
    if (scheme == QLatin1String("redis")) {
        transport = Transport::Tcp;
        host = url.host();
        if (host.isEmpty()) {
            return configError(RedisError::Code::InvalidHost,
                               QStringLiteral("'%1' names no host: use redis://host[:port][/db]")
                                   .arg(url.toDisplayString()));
        }
        port = url.port(defaultPort);
        const QString path = url.path();
        if (!path.isEmpty() && path != QLatin1String("/")) {
            bool ok = false;
            database = path.mid(1).toInt(&ok);
            if (!ok || database < 0) {
                return configError(RedisError::Code::InvalidDatabase,
                                   QStringLiteral("the URL path '%1' must be a database number "
                                                  "such as /0")
                                       .arg(path));
            }
        }
    } else if (scheme == QLatin1String("unix")) {
        transport = Transport::Unix;
        socketPath = url.path();
        if (socketPath.isEmpty() || !url.host().isEmpty()) {
            return configError(RedisError::Code::InvalidUrl,
                               QStringLiteral("'%1' must name a socket path: "
                                              "unix:///path/to.sock[?db=N]")
                                   .arg(url.toDisplayString()));
        }
    } else if (scheme == QLatin1String("rediss")) {
        return configError(RedisError::Code::InvalidUrl,
                           QStringLiteral("rediss:// (TLS) is not supported: use redis:// or "
                                          "unix://, or a TLS tunnel"));
    } else {
        return configError(RedisError::Code::InvalidUrl,
                           QStringLiteral("unsupported URL scheme '%1': use redis:// or unix://")
                               .arg(url.scheme()));
    }

    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key != QLatin1String("db")) {
            return configError(
                RedisError::Code::InvalidUrl,
                QStringLiteral("unknown URL parameter '%1': only db is understood").arg(key));
        }
        bool ok = false;
        const int db = value.toInt(&ok);
        if (!ok || db < 0) {
            return configError(
                RedisError::Code::InvalidDatabase,
                QStringLiteral("db=%1 in the URL is not a database number").arg(value));
        }
        if (database >= 0 && database != db) {
            return configError(RedisError::Code::ConflictingSettings,
                               QStringLiteral("database: the URL path says %1 but its query says "
                                              "db=%2")
                                   .arg(database)
                                   .arg(db));
        }
        database = db;
    }

    // Merge, refusing to drop an explicit setting that disagrees.
    if (wasExplicit & AddressField) {
        const bool same = transport == d->transport
            && (transport == Transport::Tcp ? (host == d->host && port == d->port)
                                            : socketPath == d->unixSocket);
        if (!same) {
            const QString fromUrl = transport == Transport::Tcp
                ? QStringLiteral("%1:%2").arg(host).arg(port)
                : QStringLiteral("unix:%1").arg(socketPath);
            return conflict(QStringLiteral("address"), fromUrl, endpoint());
        }
    }
    r.transport = transport;
    r.host = transport == Transport::Tcp ? host : d->host;
    r.port = transport == Transport::Tcp ? port : d->port;
    r.unixSocket = socketPath;
    r.explicitFields |= AddressField;

    const QString user = url.userName(QUrl::FullyDecoded);
    if (!user.isEmpty()) {
        if ((wasExplicit & UsernameField) && d->username != user)
            return conflict(QStringLiteral("username"), user, d->username);
        r.username = user;
        r.explicitFields |= UsernameField;
    }
    const QString password = url.password(QUrl::FullyDecoded);
    if (!password.isEmpty()) {
        if ((wasExplicit & PasswordField) && d->password != password) {
            return conflict(QStringLiteral("password"), QStringLiteral("one password"),
                            QStringLiteral("another"));
        }
        r.password = password;
        r.explicitFields |= PasswordField;
    }
    if (database >= 0) {
        if ((wasExplicit & DatabaseField) && d->database != database)
            return conflict(QStringLiteral("database"), QString::number(database),
                            QString::number(d->database));
        r.database = database;
        r.explicitFields |= DatabaseField;
    }
    if (auto valid = result.validate(); !valid)
        return valid.error();
    return result;
}

Result<void, RedisError> RedisConfig::validate() const
{
    if (d->transport == Transport::Tcp) {
        if (d->host.trimmed().isEmpty())
            return configError(RedisError::Code::InvalidHost, QStringLiteral("the host is empty"));
        if (d->port < 1 || d->port > 65535) {
            return configError(RedisError::Code::InvalidPort,
                               QStringLiteral("port %1 is out of range (1 to 65535)").arg(d->port));
        }
    } else if (d->unixSocket.isEmpty()) {
        return configError(RedisError::Code::InvalidUrl,
                           QStringLiteral("the Unix socket path is empty"));
    }
    if (d->database < 0) {
        return configError(RedisError::Code::InvalidDatabase,
                           QStringLiteral("database %1 is negative").arg(d->database));
    }
    if (d->connectTimeoutMs < 0 || d->commandTimeoutMs < 0) {
        return configError(RedisError::Code::InvalidTimeout,
                           QStringLiteral("timeouts must be 0 (none) or a positive number of "
                                          "milliseconds"));
    }
    if (d->reconnectMinDelayMs < 1 || d->reconnectMaxDelayMs < d->reconnectMinDelayMs) {
        return configError(RedisError::Code::InvalidTimeout,
                           QStringLiteral("reconnect delays must satisfy 1 <= min <= max (ms)"));
    }
    if (d->offlineQueueLimit < 0) {
        return configError(RedisError::Code::InvalidOption,
                           QStringLiteral("the offline queue limit must be 0 or more"));
    }
    for (const QChar c : d->clientName) {
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e) {
            return configError(RedisError::Code::InvalidClientName,
                               QStringLiteral("client name '%1' may hold only printable ASCII "
                                              "without spaces")
                                   .arg(d->clientName));
        }
    }
    return {};
}

RedisConfig::Transport RedisConfig::transport() const
{
    return d->transport;
}
QString RedisConfig::host() const
{
    return d->host;
}
void RedisConfig::setHost(const QString &host)
{
    d->host = host;
    d->transport = Transport::Tcp;
    d->explicitFields |= AddressField;
}
quint16 RedisConfig::port() const
{
    return quint16(d->port);
}
void RedisConfig::setPort(int port)
{
    d->port = port;
    d->transport = Transport::Tcp;
    d->explicitFields |= AddressField;
}
QString RedisConfig::unixSocket() const
{
    return d->unixSocket;
}
void RedisConfig::setUnixSocket(const QString &path)
{
    d->unixSocket = path;
    d->transport = Transport::Unix;
    d->explicitFields |= AddressField;
}
QString RedisConfig::username() const
{
    return d->username;
}
void RedisConfig::setUsername(const QString &username)
{
    d->username = username;
    d->explicitFields |= UsernameField;
}
QString RedisConfig::password() const
{
    return d->password;
}
void RedisConfig::setPassword(const QString &password)
{
    d->password = password;
    d->explicitFields |= PasswordField;
}
int RedisConfig::database() const
{
    return d->database;
}
void RedisConfig::setDatabase(int database)
{
    d->database = database;
    d->explicitFields |= DatabaseField;
}
int RedisConfig::connectTimeoutMs() const
{
    return d->connectTimeoutMs;
}
void RedisConfig::setConnectTimeoutMs(int ms)
{
    d->connectTimeoutMs = ms;
}
int RedisConfig::commandTimeoutMs() const
{
    return d->commandTimeoutMs;
}
void RedisConfig::setCommandTimeoutMs(int ms)
{
    d->commandTimeoutMs = ms;
}
QString RedisConfig::clientName() const
{
    return d->clientName;
}
void RedisConfig::setClientName(const QString &name)
{
    d->clientName = name;
}
bool RedisConfig::autoReconnect() const
{
    return d->autoReconnect;
}
void RedisConfig::setAutoReconnect(bool enabled)
{
    d->autoReconnect = enabled;
}
int RedisConfig::reconnectMinDelayMs() const
{
    return d->reconnectMinDelayMs;
}
int RedisConfig::reconnectMaxDelayMs() const
{
    return d->reconnectMaxDelayMs;
}
void RedisConfig::setReconnectDelays(int minMs, int maxMs)
{
    d->reconnectMinDelayMs = minMs;
    d->reconnectMaxDelayMs = maxMs;
}
RedisConfig::OfflinePolicy RedisConfig::offlinePolicy() const
{
    return d->offlinePolicy;
}
void RedisConfig::setOfflinePolicy(OfflinePolicy policy)
{
    d->offlinePolicy = policy;
}
int RedisConfig::offlineQueueLimit() const
{
    return d->offlineQueueLimit;
}
void RedisConfig::setOfflineQueueLimit(int limit)
{
    d->offlineQueueLimit = limit;
}

QString RedisConfig::endpoint() const
{
    if (d->transport == Transport::Unix)
        return QStringLiteral("unix:") + d->unixSocket;
    return QStringLiteral("%1:%2").arg(d->host).arg(d->port);
}

QString RedisConfig::toDisplayUrl() const
{
    QUrl url;
    if (d->transport == Transport::Unix) {
        url.setScheme(QStringLiteral("unix"));
        url.setPath(d->unixSocket);
        if (d->database != 0)
            url.setQuery(QStringLiteral("db=%1").arg(d->database));
    } else {
        url.setScheme(QStringLiteral("redis"));
        url.setHost(d->host);
        url.setPort(d->port);
        url.setPath(QStringLiteral("/%1").arg(d->database));
    }
    if (!d->username.isEmpty())
        url.setUserName(d->username);
    return url.toString();
}

bool operator==(const RedisConfig &a, const RedisConfig &b)
{
    const RedisConfigData &x = *a.d;
    const RedisConfigData &y = *b.d;
    return x.transport == y.transport && x.host == y.host && x.port == y.port
        && x.unixSocket == y.unixSocket && x.username == y.username && x.password == y.password
        && x.database == y.database && x.connectTimeoutMs == y.connectTimeoutMs
        && x.commandTimeoutMs == y.commandTimeoutMs && x.clientName == y.clientName
        && x.autoReconnect == y.autoReconnect && x.reconnectMinDelayMs == y.reconnectMinDelayMs
        && x.reconnectMaxDelayMs == y.reconnectMaxDelayMs && x.offlinePolicy == y.offlinePolicy
        && x.offlineQueueLimit == y.offlineQueueLimit;
}

} // namespace RediStore
