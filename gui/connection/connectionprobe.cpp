#include "connection/connectionprobe.h"

#include <libredistore/async.h>

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
    m_admin = std::make_unique<SessionAdmin>(once);
    const quint64 token = ++m_token;
    whenFinished(m_admin->ping(), this, [this, token](const SessionPing &ping) {
        if (token != m_token || ping.ok())
            return;
        const RedisError error = ping.error.redisError();
        ++m_token; // the server info fails too: no second verdict
        finish();
        Q_EMIT failed(error);
    });
    // Empty when INFO is not allowed: still a success.
    whenFinished(m_admin->serverInfo(), this, [this, token](const SessionServerInfo &info) {
        if (token != m_token)
            return;
        ++m_token;
        finish();
        Q_EMIT succeeded(info.software);
    });
}

void ConnectionProbe::cancel()
{
    ++m_token;
    finish();
}

void ConnectionProbe::finish()
{
    // Its pending calls finish with an error that the token turns away.
    if (m_admin)
        m_admin.release()->deleteLater();
}

} // namespace RediStore::Admin
