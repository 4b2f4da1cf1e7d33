#include "redispool.h"

#include <libredistore/coarseclock_p.h>

#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <vector>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

class RedisPoolPrivate
{
public:
    struct Connection
    {
        RedisClient *client;
        qint64 lastUsed;
    };

    RedisConfig config;
    int maxConnections = RedisPool::defaultMaxConnections;
    int idleTimeoutMs = RedisPool::defaultIdleTimeoutMs;
    int pipelineDepth = 32;
    std::vector<Connection> connections;
    CoarseElapsedTimer clock;
    QTimer idleTimer;

    void armIdleTimer()
    {
        if (idleTimeoutMs <= 0) {
            idleTimer.stop();
            return;
        }
        idleTimer.start(qBound(100, idleTimeoutMs / 4, 60 * 1000));
    }
};

RedisPool::RedisPool(const RedisConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<RedisPoolPrivate>())
{
    d->config = config;
    d->clock.start();
    connect(&d->idleTimer, &QTimer::timeout, this, &RedisPool::closeIdleConnections);
    d->armIdleTimer();
}

RedisPool::~RedisPool()
{
    // The clients are children: deleting them completes their pending commands.
    for (const auto &connection : d->connections)
        delete connection.client;
}

RedisConfig RedisPool::config() const
{
    return d->config;
}
int RedisPool::maxConnections() const
{
    return d->maxConnections;
}
void RedisPool::setMaxConnections(int count)
{
    d->maxConnections = qMax(1, count);
}
int RedisPool::idleTimeoutMs() const
{
    return d->idleTimeoutMs;
}
void RedisPool::setIdleTimeoutMs(int ms)
{
    d->idleTimeoutMs = qMax(0, ms);
    d->armIdleTimer();
}
int RedisPool::pipelineDepth() const
{
    return d->pipelineDepth;
}
void RedisPool::setPipelineDepth(int depth)
{
    d->pipelineDepth = qMax(1, depth);
}
int RedisPool::connectionCount() const
{
    return int(d->connections.size());
}

RedisClient *RedisPool::acquire()
{
    // Fill the connections in order: a batch of commands then goes out in fewer writes and
    // comes back in fewer reads, and connections beyond the load fall idle and close.
    RedisPoolPrivate::Connection *best = nullptr;
    int bestPending = 0;
    for (auto &connection : d->connections) {
        const int pending = connection.client->pendingCount();
        if (pending < d->pipelineDepth) {
            best = &connection;
            bestPending = pending;
            break;
        }
        if (!best || pending < bestPending) {
            best = &connection;
            bestPending = pending;
        }
    }
    if (!best
        || (bestPending >= d->pipelineDepth && int(d->connections.size()) < d->maxConnections)) {
        auto *client = new RedisClient(d->config, this);
        connect(client, &RedisClient::errorOccurred, this, &RedisPool::errorOccurred);
        client->connectToServer();
        d->connections.push_back({ client, 0 });
        best = &d->connections.back();
    }
    best->lastUsed = d->clock.elapsed();
    return best->client;
}

QFuture<RedisReply> RedisPool::execute(const QByteArrayList &args)
{
    return acquire()->execute(args);
}

void RedisPool::execute(const QByteArrayList &args, const QObject *context,
                        RedisClient::Callback callback)
{
    acquire()->execute(args, context, std::move(callback));
}

QFuture<RedisReply> RedisPool::transaction(const QList<QByteArrayList> &commands)
{
    return acquire()->transaction(commands);
}

void RedisPool::transaction(const QList<QByteArrayList> &commands, const QObject *context,
                            RedisClient::Callback callback)
{
    acquire()->transaction(commands, context, std::move(callback));
}

void RedisPool::closeIdleConnections()
{
    if (d->idleTimeoutMs <= 0)
        return;
    const qint64 now = d->clock.elapsed();
    auto &connections = d->connections;
    for (auto it = connections.begin(); it != connections.end();) {
        if (it->client->pendingCount() == 0 && now - it->lastUsed >= d->idleTimeoutMs) {
            qCDebug(lcRedis, "closing a connection idle for %lld ms", now - it->lastUsed);
            it->client->disconnectFromServer();
            it->client->deleteLater();
            it = connections.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace RediStore
