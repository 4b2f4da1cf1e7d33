#ifndef REDISTORE_ADMIN_CONNECTIONPROBE_H
#define REDISTORE_ADMIN_CONNECTIONPROBE_H

#include <libredistore/redis/redisconfig.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QObject>

#include <memory>

namespace RediStore::Admin {

// Tries a configuration once (connect, authenticate, select the database, ping, read the
// server's name) through a SessionAdmin of its own that does not retry, so that a refused
// connection, a wrong password or a timeout is reported as such, at once. Never blocks.
class ConnectionProbe : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;

    void start(const RedisConfig &config);
    void cancel();
    bool isRunning() const { return m_admin != nullptr; }

Q_SIGNALS:
    // serverSoftware: "Redis 7.0.15", "Valkey 8.1.1", or empty when INFO is not allowed.
    void succeeded(const QString &serverSoftware);
    void failed(const RediStore::RedisError &error);

private:
    void finish();

    std::unique_ptr<SessionAdmin> m_admin;
    quint64 m_token = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_CONNECTIONPROBE_H
