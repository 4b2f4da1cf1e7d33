#include "connectionprobe.h"

#include <QtCore/QTimer>

namespace RediStore::Admin {

ConnectionProbe::ConnectionProbe(QObject *parent)
    : QObject(parent)
{ }

ConnectionProbe::~ConnectionProbe() = default;

void ConnectionProbe::start(const RedisConfig &config)
{
    cancel();
    RedisConfig once = config;
    once.setAutoReconnect(false); // report the first failure instead of retrying
    once.setOfflinePolicy(RedisConfig::OfflinePolicy::Queue);
    m_client = std::make_unique<RedisClient>(once);
    const quint64 token = ++m_token;
    m_client->execute({ QByteArrayLiteral("PING") }, this, [this, token](const RedisReply &reply) {
        if (token != m_token || !reply.isError())
            return;
        const RedisError error = reply.error();
        ++m_token; // INFO fails too: no second verdict
        finish();
        Q_EMIT failed(error);
    });
    m_client->execute({ QByteArrayLiteral("INFO"), QByteArrayLiteral("server") }, this,
                      [this, token](const RedisReply &reply) {
                          if (token != m_token)
                              return;
                          ++m_token;
                          const QString software = serverSoftware(reply.data());
                          finish();
                          Q_EMIT succeeded(software);
                      });
}

QString ConnectionProbe::serverSoftware(const QByteArray &info)
{
    // Valkey reports the Redis version it is compatible with as redis_version, and its own as
    // valkey_version.
    QString redis;
    QString valkey;
    const QList<QByteArray> lines = info.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("redis_version:"))
            redis = QString::fromLatin1(line.mid(14).trimmed());
        else if (line.startsWith("valkey_version:"))
            valkey = QString::fromLatin1(line.mid(15).trimmed());
    }
    if (!valkey.isEmpty())
        return QStringLiteral("Valkey ") + valkey;
    return redis.isEmpty() ? QString() : QStringLiteral("Redis ") + redis;
}

void ConnectionProbe::cancel()
{
    ++m_token;
    finish();
}

void ConnectionProbe::finish()
{
    // The client may be the one calling us: let it return first.
    if (m_client)
        m_client.release()->deleteLater();
}

} // namespace RediStore::Admin
