#include "redisconfig.h"
#include "redisconfig_p.h"

namespace RediStore {

RedisConfig::RedisConfig()
    : d(new RedisConfigData)
{ }
RedisConfig::RedisConfig(const RedisConfig &other) = default;
RedisConfig::RedisConfig(RedisConfig &&other) noexcept = default;
RedisConfig &RedisConfig::operator=(const RedisConfig &other) = default;
RedisConfig &RedisConfig::operator=(RedisConfig &&other) noexcept = default;
RedisConfig::~RedisConfig() = default;

Result<void, RedisError> RedisConfig::validate() const
{
    if (d->topology != Topology::Standalone) {
        const QString kind = d->topology == Topology::Cluster ? QStringLiteral("cluster")
                                                              : QStringLiteral("sentinel");
        if (d->seeds.isEmpty()) {
            return RedisError(
                RedisError::Code::InvalidHost,
                QStringLiteral("a %1 configuration needs at least one node").arg(kind));
        }
        for (const RedisNodeAddress &seed : d->seeds) {
            if (!seed.isValid()) {
                return RedisError(
                    RedisError::Code::InvalidHost,
                    QStringLiteral("'%1' is not a node address (host:port)").arg(seed.toString()));
            }
        }
        if (d->topology == Topology::Cluster && d->database != 0) {
            return RedisError(
                RedisError::Code::InvalidDatabase,
                QStringLiteral("Redis Cluster has database 0 only, not %1").arg(d->database));
        }
        if (d->topology == Topology::Sentinel && d->sentinelMasterName.trimmed().isEmpty()) {
            return RedisError(RedisError::Code::InvalidUrl,
                              QStringLiteral("a sentinel configuration needs the master's name: "
                                             "redis+sentinel://host:port/MASTERNAME"));
        }
    }
    if (d->transport == Transport::Tcp) {
        if (d->host.trimmed().isEmpty())
            return RedisError(RedisError::Code::InvalidHost, QStringLiteral("the host is empty"));
        if (d->port < 1 || d->port > 65535) {
            return RedisError(RedisError::Code::InvalidPort,
                              QStringLiteral("port %1 is out of range (1 to 65535)").arg(d->port));
        }
    } else if (d->unixSocket.isEmpty()) {
        return RedisError(RedisError::Code::InvalidUrl,
                          QStringLiteral("the Unix socket path is empty"));
    }
    if (d->database < 0) {
        return RedisError(RedisError::Code::InvalidDatabase,
                          QStringLiteral("database %1 is negative").arg(d->database));
    }
    if (d->connectTimeoutMs < 0 || d->commandTimeoutMs < 0) {
        return RedisError(RedisError::Code::InvalidTimeout,
                          QStringLiteral("timeouts must be 0 (none) or a positive number of "
                                         "milliseconds"));
    }
    if (d->reconnectMinDelayMs < 1 || d->reconnectMaxDelayMs < d->reconnectMinDelayMs) {
        return RedisError(RedisError::Code::InvalidTimeout,
                          QStringLiteral("reconnect delays must satisfy 1 <= min <= max (ms)"));
    }
    if (d->offlineWaitMs < 0) {
        return RedisError(RedisError::Code::InvalidTimeout,
                          QStringLiteral("the offline wait must be 0 (the command timeout) or "
                                         "a positive number of milliseconds"));
    }
    if (d->tls && d->transport == Transport::Unix) {
        return RedisError(RedisError::Code::InvalidOption,
                          QStringLiteral("TLS over a Unix socket is not supported: use "
                                         "rediss://host:port"));
    }
    if (d->tls && !d->tlsOptions.keyFile.isEmpty() && d->tlsOptions.certFile.isEmpty()) {
        return RedisError(RedisError::Code::InvalidOption,
                          QStringLiteral("a TLS key (tls_key) needs its certificate (tls_cert)"));
    }
    if (d->offlineQueueLimit < 0) {
        return RedisError(RedisError::Code::InvalidOption,
                          QStringLiteral("the offline queue limit must be 0 or more"));
    }
    for (const QChar c : d->clientName) {
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e) {
            return RedisError(RedisError::Code::InvalidClientName,
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
bool RedisConfig::tlsEnabled() const
{
    return d->tls;
}
void RedisConfig::setTlsEnabled(bool enabled)
{
    d->tls = enabled;
    d->explicitFields |= TlsField;
}
RedisTlsOptions RedisConfig::tlsOptions() const
{
    return d->tlsOptions;
}
void RedisConfig::setTlsOptions(const RedisTlsOptions &options)
{
    d->tls = true;
    d->tlsOptions = options;
    d->explicitFields |= TlsField;
}
int RedisConfig::offlineWaitMs() const
{
    return d->offlineWaitMs;
}
void RedisConfig::setOfflineWaitMs(int ms)
{
    d->offlineWaitMs = ms;
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
    if (d->topology != Topology::Standalone) {
        QStringList nodes;
        for (const RedisNodeAddress &seed : d->seeds)
            nodes << seed.toString();
        const QString tls = d->tls ? QStringLiteral("tls:") : QString();
        if (d->topology == Topology::Cluster)
            return QStringLiteral("%1cluster:%2").arg(tls, nodes.join(QLatin1Char(',')));
        return QStringLiteral("%1sentinel:%2@%3")
            .arg(tls, d->sentinelMasterName, nodes.join(QLatin1Char(',')));
    }
    if (d->transport == Transport::Unix)
        return QStringLiteral("unix:") + d->unixSocket;
    const QString host
        = d->host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(d->host) : d->host;
    return QStringLiteral("%1%2:%3")
        .arg(d->tls ? QStringLiteral("tls:") : QString(), host)
        .arg(d->port);
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
        && x.offlineQueueLimit == y.offlineQueueLimit && x.offlineWaitMs == y.offlineWaitMs
        && x.tls == y.tls && x.tlsOptions == y.tlsOptions && x.topology == y.topology
        && x.seeds == y.seeds && x.sentinelMasterName == y.sentinelMasterName
        && x.sentinelUsername == y.sentinelUsername && x.sentinelPassword == y.sentinelPassword;
}

} // namespace RediStore
