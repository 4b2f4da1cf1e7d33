#ifndef REDISTORE_REDISCONFIG_P_H
#define REDISTORE_REDISCONFIG_P_H

#include "redisconfig.h"

#include <QtCore/QSharedData>

namespace RediStore {

// Which fields were set explicitly (by a setter or a URL): those are the ones a URL may not
// silently override.
enum RedisConfigField : unsigned {
    AddressField = 1u << 0,
    UsernameField = 1u << 1,
    PasswordField = 1u << 2,
    DatabaseField = 1u << 3,
    TlsField = 1u << 4,
};

constexpr int defaultRedisPort = 6379;
constexpr int defaultSentinelPort = 26379;

class RedisConfigData : public QSharedData
{
public:
    RedisConfig::Transport transport = RedisConfig::Transport::Tcp;
    QString host = QStringLiteral("127.0.0.1");
    int port = defaultRedisPort;
    QString unixSocket;
    QString username;
    QString password;
    int database = 0;
    bool tls = false;
    RedisTlsOptions tlsOptions;
    int connectTimeoutMs = 5000;
    int commandTimeoutMs = 5000;
    QString clientName;
    bool autoReconnect = true;
    int reconnectMinDelayMs = 100;
    int reconnectMaxDelayMs = 5000;
    RedisConfig::OfflinePolicy offlinePolicy = RedisConfig::OfflinePolicy::Queue;
    int offlineQueueLimit = 10000;
    int offlineWaitMs = 1000;
    RedisConfig::Topology topology = RedisConfig::Topology::Standalone;
    QList<RedisNodeAddress> seeds;
    QString sentinelMasterName;
    QString sentinelUsername;
    QString sentinelPassword;
    unsigned explicitFields = 0;
};

} // namespace RediStore

#endif // REDISTORE_REDISCONFIG_P_H
