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
                          QString version; // empty when INFO is not allowed
                          const QList<QByteArray> lines = reply.data().split('\n');
                          for (const QByteArray &line : lines) {
                              if (line.startsWith("redis_version:"))
                                  version = QString::fromLatin1(line.mid(14).trimmed());
                          }
                          finish();
                          Q_EMIT succeeded(version);
                      });
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
