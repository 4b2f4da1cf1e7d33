#include "connection/sessionconnection.h"

#include "common/errormessages.h"
#include "connection/connectionprobe.h"

#include <libredistore/async.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>

namespace RediStore::Admin {

SessionConnection::SessionConnection(QObject *parent)
    : QObject(parent)
    , m_probe(new ConnectionProbe(this))
{
    connect(m_probe, &ConnectionProbe::succeeded, this, &SessionConnection::onProbeSucceeded);
    connect(m_probe, &ConnectionProbe::failed, this, &SessionConnection::onProbeFailed);
    m_heartbeat.setInterval(3000);
    connect(&m_heartbeat, &QTimer::timeout, this, &SessionConnection::heartbeat);
}

SessionConnection::~SessionConnection()
{
    m_probe->cancel();
    delete m_admin;
    delete m_monitor;
    delete m_pool;
}

void SessionConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SessionConnection::open(const ConnectionProfile &profile)
{
    close();
    m_profile = profile;
    m_errorText.clear();
    auto config = profile.toRedisConfig();
    if (!config.ok()) {
        m_errorText = ErrorMessages::forRedis(config.error(), profile.endpointText());
        setState(State::Failed);
        Q_EMIT failed(m_errorText);
        return;
    }
    m_config = config.value();
    if (profile.serializer != QLatin1String("auto")
        && !SessionSerializer::byName(profile.serializer)) {
        m_errorText = tr("Unknown serializer \u201c%1\u201d. Choose datastream, gob, json or "
                         "auto.")
                          .arg(profile.serializer);
        setState(State::Failed);
        Q_EMIT failed(m_errorText);
        return;
    }
    setState(State::Connecting);
    m_probe->start(m_config);
}

void SessionConnection::reopen()
{
    open(m_profile);
}

void SessionConnection::close()
{
    m_probe->cancel();
    m_heartbeat.stop();
    if (m_admin || m_pool)
        Q_EMIT aboutToClose();
    // Others may still hold replies in their queues: delete when the event loop is back.
    if (m_admin)
        m_admin->deleteLater();
    if (m_monitor)
        m_monitor->deleteLater();
    if (m_pool)
        m_pool->deleteLater();
    m_admin = nullptr;
    m_monitor = nullptr;
    m_pool = nullptr;
    m_serverSoftware.clear();
    setState(State::Closed);
}

void SessionConnection::onProbeSucceeded(const QString &software)
{
    m_serverSoftware = software;
    m_pool = new RedisPool(m_config, this);
    m_pool->setMaxConnections(3);
    connect(m_pool, &RedisPool::topologyChanged, this, &SessionConnection::topologyChanged);
    std::shared_ptr<const SessionSerializer> serializer;
    if (m_profile.serializer != QLatin1String("auto"))
        serializer = SessionSerializer::byName(m_profile.serializer);
    m_admin = new SessionAdmin(m_pool, m_profile.keyPrefix, serializer, this);
    m_admin->setReadOnly(m_profile.readOnly);

    // A connection of its own to notice a loss and a return, whatever the pool is doing: a
    // ping that fails at once while Redis is away.
    RedisConfig monitorConfig = m_config;
    monitorConfig.setOfflinePolicy(RedisConfig::OfflinePolicy::FailFast);
    m_monitor = new SessionAdmin(monitorConfig, m_profile.keyPrefix, nullptr, this);
    m_heartbeat.start();
    heartbeat();
    setState(State::Connected);
    Q_EMIT opened();
}

QList<RedisConfig> SessionConnection::masters() const
{
    return m_pool ? m_pool->masters() : QList<RedisConfig>();
}

void SessionConnection::onProbeFailed(const RedisError &error)
{
    m_errorText = ErrorMessages::forRedis(error, m_config.endpoint());
    setState(State::Failed);
    Q_EMIT failed(m_errorText);
}

void SessionConnection::heartbeat()
{
    if (!m_monitor)
        return;
    whenFinished(m_monitor->ping(), this, [this](const SessionPing &ping) {
        const RedisError error = ping.error.redisError();
        if (!ping.ok() && error.isTransient()) {
            if (m_state == State::Connected)
                markLost(error);
        } else if (ping.ok() && m_state == State::Lost) {
            setState(State::Connected);
            Q_EMIT restored();
        }
    });
}

void SessionConnection::markLost(const RedisError &error)
{
    m_errorText = ErrorMessages::forRedis(
        error.isError() ? error : RedisError(RedisError::Code::Disconnected, QString()),
        m_config.endpoint());
    setState(State::Lost);
    Q_EMIT lost(m_errorText);
}

} // namespace RediStore::Admin
