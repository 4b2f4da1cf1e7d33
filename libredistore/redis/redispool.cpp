#include "redispool.h"

#include "clusterrouter_p.h"

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
    ClusterRouter *router = nullptr; // a cluster's: a pool per master behind it
    ReplicaAcks acks;
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
    if (config.topology() == RedisConfig::Topology::Cluster) {
        d->router = new ClusterRouter(config, this);
        connect(d->router, &ClusterRouter::errorOccurred, this, &RedisPool::errorOccurred);
        connect(d->router, &ClusterRouter::topologyChanged, this, &RedisPool::topologyChanged);
    }
    connect(&d->idleTimer, &QTimer::timeout, this, &RedisPool::closeIdleConnections);
    d->armIdleTimer();
}

RedisPool::~RedisPool()
{
    delete d->router; // completes the commands it routes
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
    if (d->router)
        d->router->setPoolLimits(d->maxConnections, d->idleTimeoutMs, d->pipelineDepth);
}
int RedisPool::idleTimeoutMs() const
{
    return d->idleTimeoutMs;
}
void RedisPool::setIdleTimeoutMs(int ms)
{
    d->idleTimeoutMs = qMax(0, ms);
    d->armIdleTimer();
    if (d->router)
        d->router->setPoolLimits(d->maxConnections, d->idleTimeoutMs, d->pipelineDepth);
}
int RedisPool::pipelineDepth() const
{
    return d->pipelineDepth;
}
void RedisPool::setPipelineDepth(int depth)
{
    d->pipelineDepth = qMax(1, depth);
    if (d->router)
        d->router->setPoolLimits(d->maxConnections, d->idleTimeoutMs, d->pipelineDepth);
}
int RedisPool::connectionCount() const
{
    if (d->router)
        return d->router->connectionCount();
    return int(d->connections.size());
}

RedisClient *RedisPool::acquire()
{
    if (d->router)
        return d->router->acquireAny();
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

namespace {

// A promise that is always kept: when the callback that holds it is dropped without being
// called (its pool went away), the future finishes with ClientDestroyed.
struct KeptPromise
{
    QPromise<RedisReply> promise;
    bool finished = false;

    void finish(const RedisReply &reply)
    {
        if (finished)
            return;
        finished = true;
        promise.addResult(reply);
        promise.finish();
    }
    ~KeptPromise()
    {
        finish(RedisReply::failure(
            RedisError(RedisError::Code::ClientDestroyed,
                       QStringLiteral("the Redis pool was deleted before the reply came"))));
    }
};

// A future completed by a callback, for the routed and acknowledged paths.
std::pair<QFuture<RedisReply>, RedisClient::Callback> futureAndCallback()
{
    auto kept = std::make_shared<KeptPromise>();
    kept->promise.start();
    QFuture<RedisReply> future = kept->promise.future();
    return { future, [kept](const RedisReply &reply) { kept->finish(reply); } };
}

} // namespace

QFuture<RedisReply> RedisPool::execute(const QByteArrayList &args)
{
    if (!d->router && d->acks.replicas <= 0)
        return acquire()->execute(args);
    auto [future, callback] = futureAndCallback();
    execute(args, this, std::move(callback));
    return future;
}

void RedisPool::execute(const QByteArrayList &args, const QObject *context,
                        RedisClient::Callback callback)
{
    if (d->router)
        d->router->execute(args, context, std::move(callback));
    else
        executeOnClient(acquire(), args, d->acks, context, std::move(callback));
}

QFuture<RedisReply> RedisPool::transaction(const QList<QByteArrayList> &commands)
{
    if (!d->router && d->acks.replicas <= 0)
        return acquire()->transaction(commands);
    auto [future, callback] = futureAndCallback();
    transaction(commands, this, std::move(callback));
    return future;
}

void RedisPool::transaction(const QList<QByteArrayList> &commands, const QObject *context,
                            RedisClient::Callback callback)
{
    if (d->router)
        d->router->transaction(commands, context, std::move(callback));
    else
        transactionOnClient(acquire(), commands, d->acks, context, std::move(callback));
}

RedisConfig::Topology RedisPool::topology() const
{
    return d->config.topology();
}

QList<RedisConfig> RedisPool::masters() const
{
    if (!d->router)
        return { d->config };
    QList<RedisConfig> masters;
    const QList<RedisNodeAddress> nodes = d->router->masters();
    for (const RedisNodeAddress &node : nodes)
        masters << d->config.forNode(node);
    return masters;
}

int RedisPool::topologyEpoch() const
{
    return d->router ? d->router->epoch() : 0;
}

void RedisPool::whenTopologyKnown(const QObject *context,
                                  std::function<void(const RedisError &)> callback)
{
    if (d->router) {
        d->router->whenMapKnown(context, std::move(callback));
        return;
    }
    QMetaObject::invokeMethod(
        const_cast<QObject *>(context), [callback]() { callback(RedisError()); },
        Qt::QueuedConnection);
}

void RedisPool::executeOn(const RedisConfig &master, const QByteArrayList &args,
                          const QObject *context, RedisClient::Callback callback)
{
    if (d->router)
        d->router->executeOn({ master.host(), master.port() }, args, context, std::move(callback));
    else
        execute(args, context, std::move(callback));
}

QFuture<RedisReply> RedisPool::executeOn(const RedisConfig &master, const QByteArrayList &args)
{
    auto [future, callback] = futureAndCallback();
    executeOn(master, args, this, std::move(callback));
    return future;
}

void RedisPool::refreshTopology()
{
    if (d->router)
        d->router->refresh();
}

void RedisPool::setReplicaAcks(int replicas, int timeoutMs)
{
    d->acks = { qMax(0, replicas), qMax(0, timeoutMs) };
    if (d->router)
        d->router->setReplicaAcks(d->acks);
}

int RedisPool::replicaAcks() const
{
    return d->acks.replicas;
}

int RedisPool::replicaAckTimeoutMs() const
{
    return d->acks.timeoutMs;
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
