#ifndef REDISTORE_ADMIN_SESSIONCONNECTION_H
#define REDISTORE_ADMIN_SESSIONCONNECTION_H

#include "connection/connectionprofile.h"

#include <libredistore/redis/redisconfig.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace RediStore {
class RedisPool;
}

namespace RediStore::Admin {

class ConnectionProbe;

// The app's link to one Redis: checks the profile once (so that errors are reported plainly),
// then holds the SessionAdmin everything else uses, and watches the connection: a lost
// connection is reported and retried (the clients reconnect on their own), and its return is
// announced so that the views can catch up.
class SessionConnection : public QObject
{
    Q_OBJECT

public:
    enum class State { Closed, Connecting, Connected, Lost, Failed };
    Q_ENUM(State)

    explicit SessionConnection(QObject *parent = nullptr);
    ~SessionConnection() override;

    void open(const ConnectionProfile &profile);
    void close();
    // Opens the last profile again (after a failure).
    void reopen();

    State state() const { return m_state; }
    ConnectionProfile profile() const { return m_profile; }
    RedisConfig config() const { return m_config; }
    QString endpoint() const { return m_config.endpoint(); }
    // The masters that hold the sessions, as last known: each master of a cluster (none before
    // its slot map is read), else the one configuration (see RedisPool::masters()).
    QList<RedisConfig> masters() const;
    SessionAdmin *admin() const { return m_admin; }
    // "Redis 7.0.15", "Valkey 8.1.1", or empty when the server does not say.
    QString serverSoftware() const { return m_serverSoftware; }
    QString errorText() const { return m_errorText; }
    bool isReadOnly() const { return m_profile.readOnly; }

    // How often the connection is checked (a ping) while connected.
    void setHeartbeatInterval(int ms) { m_heartbeat.setInterval(ms); }

Q_SIGNALS:
    void stateChanged(RediStore::Admin::SessionConnection::State state);
    void opened(); // admin() is ready
    void failed(const QString &message); // could not open
    void lost(const QString &message); // was open, lost; retrying
    void restored();
    void aboutToClose();
    // masters() changed: a cluster's slot map was read or changed (a failover, a node added).
    void topologyChanged();

private:
    void setState(State state);
    void onProbeSucceeded(const QString &version);
    void onProbeFailed(const RedisError &error);
    void heartbeat();
    void markLost(const RedisError &error);

    ConnectionProfile m_profile;
    RedisConfig m_config;
    ConnectionProbe *m_probe;
    QPointer<RedisPool> m_pool; // the admin's connections
    QPointer<SessionAdmin> m_admin;
    QPointer<SessionAdmin> m_monitor; // a connection of its own, for the heartbeat
    QTimer m_heartbeat;
    State m_state = State::Closed;
    QString m_serverSoftware;
    QString m_errorText;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONCONNECTION_H
