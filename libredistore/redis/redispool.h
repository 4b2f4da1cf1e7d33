#ifndef REDISTORE_REDISPOOL_H
#define REDISTORE_REDISPOOL_H

#include <libredistore/redis/redisclient.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QObject>

#include <functional>
#include <memory>

namespace RediStore {

class RedisPoolPrivate;

// A few connections to one Redis, opened on demand: a command goes to the first connection
// with fewer than pipelineDepth commands waiting, a new one is opened (up to maxConnections)
// when every open one has that many, and at the limit the least busy one takes it. Connections idle
// for idleTimeout are closed and re-opened when needed again. Like RedisClient, it lives in one
// thread.
//
// Defaults follow Go redistore's pool: 10 connections, 240 s idle timeout. Unlike redigo's
// pool, it does not PING on every borrow: a dead connection is noticed by the client itself.
//
// The pool is the one command interface for every topology of RedisConfig:
// - one server: as above;
// - Sentinel: the connections find the master through the sentinels, on every (re)connect;
// - Cluster: a pool like this one per master; each command goes to the master of its key's
//   slot, following MOVED and ASK, retrying TRYAGAIN and CLUSTERDOWN, and reading the slot map
//   again after a redirection or a failed node. A transaction's keys must share one slot
//   (CrossSlot otherwise). Commands without a key go to any master; masters() and
//   executeOn() reach each of them (SCAN, INFO, CONFIG...).
// With setReplicaAcks(n, ms), each write that succeeds is followed by WAIT n ms on its own
// connection, and completes with ReplicaAckTimeout when fewer replicas confirm it.
class REDISTORE_EXPORT RedisPool : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultMaxConnections = 10;
    static constexpr int defaultIdleTimeoutMs = 240 * 1000;

    explicit RedisPool(const RedisConfig &config, QObject *parent = nullptr);
    ~RedisPool() override;

    RedisConfig config() const;

    int maxConnections() const;
    void setMaxConnections(int count); // at least 1
    int idleTimeoutMs() const;
    void setIdleTimeoutMs(int ms); // 0: never close idle connections
    int pipelineDepth() const;
    void setPipelineDepth(int depth); // at least 1; default 32

    // Connections currently open (or opening).
    int connectionCount() const;

    QFuture<RedisReply> execute(const QByteArrayList &args);
    void execute(const QByteArrayList &args, const QObject *context,
                 RedisClient::Callback callback);
    QFuture<RedisReply> transaction(const QList<QByteArrayList> &commands);
    void transaction(const QList<QByteArrayList> &commands, const QObject *context,
                     RedisClient::Callback callback);

    // The connection the next command would use. Commands issued on it back to back, within
    // one turn of the event loop, are not interleaved with others. In a cluster, a connection
    // to one master (commands on it are not routed): use execute() for keys.
    RedisClient *acquire();

    RedisConfig::Topology topology() const;
    // The masters that hold the data: this pool's own configuration for one server or Sentinel;
    // for a cluster, one configuration per master, as of the last slot map (empty before the
    // first; see whenTopologyKnown()).
    QList<RedisConfig> masters() const;
    // Counts changes of masters() (a failover, a node added or removed).
    int topologyEpoch() const;
    // Calls back, on context's thread, once masters() is known (at once but queued, unless the
    // pool is a cluster whose slot map is still being read), with the error that kept it from
    // being known otherwise.
    void whenTopologyKnown(const QObject *context,
                           std::function<void(const RediStore::RedisError &)> callback);
    // A command on one of masters(), by its endpoint(); neither routed nor redirected.
    void executeOn(const RedisConfig &master, const QByteArrayList &args, const QObject *context,
                   RedisClient::Callback callback);
    QFuture<RedisReply> executeOn(const RedisConfig &master, const QByteArrayList &args);
    // Reads the cluster's slot map again now (nothing for other topologies).
    void refreshTopology();

    // Every write that succeeds waits for `replicas` replicas to confirm it (WAIT), at most
    // timeoutMs; 0 replicas turns this off (the default).
    void setReplicaAcks(int replicas, int timeoutMs);
    int replicaAcks() const;
    int replicaAckTimeoutMs() const;

    // Closes every connection that has been idle for idleTimeoutMs. Also run by a timer.
    void closeIdleConnections();

Q_SIGNALS:
    void errorOccurred(const RediStore::RedisError &error);
    // masters() changed.
    void topologyChanged();

private:
    std::unique_ptr<RedisPoolPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_REDISPOOL_H
