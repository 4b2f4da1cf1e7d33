#include <libredistore/redis/redisclient.h>
#include <libredistore/version.h>

#include <cstdio>

int main()
{
    const auto config = RediStore::RedisConfig::fromUrl(QStringLiteral("redis://127.0.0.1:6379/2"));
    if (!config.ok())
        return 1;
    RediStore::RedisClient client(config.value());
    std::printf("RediStore %s: %s\n", qPrintable(RediStore::versionString()),
                qPrintable(config.value().toDisplayUrl()));
    return client.state() == RediStore::RedisClient::State::Disconnected ? 0 : 1;
}
