#ifndef REDISTORE_REDISCONFIG_H
#define REDISTORE_REDISCONFIG_H

#include <libredistore/redis/rediserror.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>

#include <QtCore/QList>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

namespace RediStore {

class RedisConfigData;

// TLS to Redis (rediss://). Verification is on unless verifyPeer is false: the server's
// certificate must chain to caFile (or the system's CAs when empty) and name the host, or
// serverName when set (its DNS name or IP address). certFile and keyFile are the client's
// certificate and key, for a server with tls-auth-clients; keyFile empty means certFile holds
// both. Files are PEM.
struct RedisTlsOptions
{
    QString caFile;
    QString certFile;
    QString keyFile;
    QString serverName;
    bool verifyPeer = true;

    friend bool operator==(const RedisTlsOptions &a, const RedisTlsOptions &b)
    {
        return a.caFile == b.caFile && a.certFile == b.certFile && a.keyFile == b.keyFile
            && a.serverName == b.serverName && a.verifyPeer == b.verifyPeer;
    }
    friend bool operator!=(const RedisTlsOptions &a, const RedisTlsOptions &b) { return !(a == b); }
};

// One node's address: a host name or IP address (IPv6 without brackets) and a TCP port.
struct REDISTORE_EXPORT RedisNodeAddress
{
    QString host;
    quint16 port = 0;

    // "host:port", "[::1]:port" for IPv6.
    QString toString() const;
    // "host:port" or "[v6]:port" (the port is required); nullopt-like empty host on failure.
    static RedisNodeAddress parse(const QString &text);
    bool isValid() const { return !host.isEmpty() && port != 0; }

    friend bool operator==(const RedisNodeAddress &a, const RedisNodeAddress &b)
    {
        return a.host == b.host && a.port == b.port;
    }
    friend bool operator!=(const RedisNodeAddress &a, const RedisNodeAddress &b)
    {
        return !(a == b);
    }
};

// Where and how to reach Redis: TCP host and port or a Unix socket, ACL user and password,
// database, timeouts, client name, reconnect and offline behaviour. A value type.
//
// A URL fills the same fields: redis://[user:password@]host[:port][/db][?db=N],
// rediss://[user:password@]host[:port][/db][?tls_ca=FILE&tls_cert=FILE&tls_key=FILE
// &tls_server_name=NAME&tls_verify=none] (TLS), or unix://[user:password@]/path/to.sock[?db=N].
//
// Two more topologies have URLs of their own, with the same user, password and tls_* parts:
// - Redis Cluster: redis+cluster://[user:password@]host:port[,host:port...] (seed nodes; the
//   cluster's other nodes are found from them), rediss+cluster:// with TLS. Database 0 only.
// - Sentinel: redis+sentinel://[user:password@]host:port[,host:port...]/MASTERNAME[/db]
//   [?sentinel_password=...&sentinel_username=...] (the sentinels, in the order to try them;
//   user and password are the data nodes'), rediss+sentinel:// with TLS to the sentinels and
//   the data nodes alike.
// A port left out is 6379 for a cluster seed and 26379 for a sentinel.
// Settings made explicitly and the parts of a URL merge; when both name the same field with
// different values, applyUrl() fails with ConflictingSettings naming the field, instead of silently
// dropping one of them.
class REDISTORE_EXPORT RedisConfig
{
public:
    enum class Transport { Tcp, Unix };
    // One server; a Redis Cluster reached from seed nodes; a master found through Sentinel.
    enum class Topology { Standalone, Cluster, Sentinel };
    // What happens to commands issued while the connection is down.
    enum class OfflinePolicy {
        Queue, // wait (bounded by offlineQueueLimit and the command timeout) for the reconnect
        FailFast // fail at once with NotConnected
    };

    RedisConfig(); // 127.0.0.1:6379, database 0
    RedisConfig(const RedisConfig &other);
    RedisConfig(RedisConfig &&other) noexcept;
    RedisConfig &operator=(const RedisConfig &other);
    RedisConfig &operator=(RedisConfig &&other) noexcept;
    ~RedisConfig();

    // A configuration from a URL alone.
    static Result<RedisConfig, RedisError> fromUrl(const QString &url);
    // This configuration with the URL's parts merged in (see the class comment).
    Result<RedisConfig, RedisError> applyUrl(const QString &url) const;
    // Checks every field: port range, database >= 0, timeouts >= 0, client name without spaces.
    Result<void, RedisError> validate() const;

    Transport transport() const;
    QString host() const;
    void setHost(const QString &host); // also selects TCP
    quint16 port() const;
    void setPort(int port); // validated by validate(): 1..65535
    QString unixSocket() const;
    void setUnixSocket(const QString &path); // also selects the Unix transport

    Topology topology() const; // default Standalone
    // A cluster from its seed nodes (host() and port() become the first seed's).
    void setCluster(const QList<RedisNodeAddress> &seeds);
    // The master named masterName, found through these sentinels (tried in this order).
    void setSentinel(const QList<RedisNodeAddress> &sentinels, const QString &masterName);
    // Cluster seeds or sentinels; empty for a single server.
    QList<RedisNodeAddress> seeds() const;
    QString sentinelMasterName() const;
    // Credentials for the sentinels themselves (their requirepass / ACL), not the data nodes.
    QString sentinelUsername() const;
    QString sentinelPassword() const;
    void setSentinelCredentials(const QString &username, const QString &password);
    // This configuration for one node of its topology: a single server at that address, with
    // the same credentials, database, TLS options and timeouts.
    RedisConfig forNode(const RedisNodeAddress &address) const;
    // The configuration to reach the sentinels: each one a single server with the sentinel
    // credentials, TLS options and timeouts, database 0, no client name.
    RedisConfig forSentinel(const RedisNodeAddress &address) const;

    QString username() const; // empty: the default user (AUTH password)
    void setUsername(const QString &username);
    QString password() const; // empty: no AUTH
    void setPassword(const QString &password);
    int database() const;
    void setDatabase(int database);

    bool tlsEnabled() const; // default false; rediss:// turns it on
    void setTlsEnabled(bool enabled);
    RedisTlsOptions tlsOptions() const;
    void setTlsOptions(const RedisTlsOptions &options); // also turns TLS on

    // Bounds resolving the host, connecting and the TLS handshake together.
    int connectTimeoutMs() const; // default 5000; 0 = no timeout
    void setConnectTimeoutMs(int ms);
    int commandTimeoutMs() const; // default 5000; 0 = no timeout
    void setCommandTimeoutMs(int ms);
    QString clientName() const; // sent with CLIENT SETNAME after connecting when not empty
    void setClientName(const QString &name);

    bool autoReconnect() const; // default true
    void setAutoReconnect(bool enabled);
    int reconnectMinDelayMs() const; // default 100: the first retry's delay, doubled each time
    int reconnectMaxDelayMs() const; // default 5000
    void setReconnectDelays(int minMs, int maxMs);
    OfflinePolicy offlinePolicy() const; // default Queue
    void setOfflinePolicy(OfflinePolicy policy);
    int offlineQueueLimit() const; // default 10000 commands
    void setOfflineQueueLimit(int limit);
    // How long a command waits for a connection (Queue policy) before it fails with
    // NotConnected; never longer than the command timeout. 0: the command timeout alone.
    int offlineWaitMs() const; // default 1000
    void setOfflineWaitMs(int ms);

    // "127.0.0.1:6379", "tls:redis.example:6380" or "unix:/path/to.sock", for messages and logs;
    // "cluster:h1:7000,h2:7001" and "sentinel:mymaster@h1:26379,h2:26379" for the other
    // topologies.
    QString endpoint() const;
    // The configuration as a URL, the password left out.
    QString toDisplayUrl() const;

    friend REDISTORE_EXPORT bool operator==(const RedisConfig &a, const RedisConfig &b);
    friend bool operator!=(const RedisConfig &a, const RedisConfig &b) { return !(a == b); }

private:
    Result<RedisConfig, RedisError> applyTopologyUrl(const QString &text,
                                                     const QString &scheme) const;

    QSharedDataPointer<RedisConfigData> d;
};

} // namespace RediStore

#endif // REDISTORE_REDISCONFIG_H
