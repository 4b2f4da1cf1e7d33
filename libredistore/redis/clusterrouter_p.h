#ifndef REDISTORE_CLUSTERROUTER_P_H
#define REDISTORE_CLUSTERROUTER_P_H

#include "clusterslots_p.h"
#include "redisclient.h"
#include "redispool.h"

#include <libredistore/coarseclock_p.h>

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace RediStore {

struct ReplicaAcks
{
    int replicas = 0; // 0: writes are not followed by WAIT
    int timeoutMs = 0;
};

// Sends a command on one connection and, when it is a write that succeeded and acks asks for
// it, WAIT on that same connection; the callback gets the command's reply, or
// ReplicaAckTimeout when fewer replicas confirmed it.
void executeOnClient(RedisClient *client, const QByteArrayList &args, const ReplicaAcks &acks,
                     const QObject *context, RedisClient::Callback callback);
void transactionOnClient(RedisClient *client, const QList<QByteArrayList> &commands,
                         const ReplicaAcks &acks, const QObject *context,
                         RedisClient::Callback callback);

// Redis Cluster behind RedisPool's command interface. A pool per master node; the slot map
// from CLUSTER SLOTS; MOVED patches the map and asks for one refresh (at most one in flight,
// at least 200 ms apart); ASK sends ASKING and the command back to back to the target without
// touching the map; TRYAGAIN and CLUSTERDOWN retry after a short backoff, but "CLUSTERDOWN Hash
// slot not served" reads the map again (the slot has another master, or none:
// ClusterSlotUnserved); a refused or lost node and READONLY refresh the map (from another
// node, then the seeds); a periodic refresh
// every 30 s. Each command has a budget of 5 tries. A command that may have run (the
// connection was lost or timed out with it in flight) is sent again only when that is
// harmless (ClusterSlots::isSafeToResend).
class ClusterRouter final : public QObject
{
    Q_OBJECT

public:
    static constexpr int retryBudget = 5;
    static constexpr int minRefreshGapMs = 200;
    static constexpr int periodicRefreshMs = 30 * 1000;

    ClusterRouter(const RedisConfig &config, RedisPool *owner);
    ~ClusterRouter() override;

    void execute(const QByteArrayList &args, const QObject *context,
                 RedisClient::Callback callback);
    void transaction(const QList<QByteArrayList> &commands, const QObject *context,
                     RedisClient::Callback callback);
    // A command on one node (by address), not routed and not redirected.
    void executeOn(const RedisNodeAddress &node, const QByteArrayList &args, const QObject *context,
                   RedisClient::Callback callback);
    // Calls back once a slot map is known (at once when it is), or with the error that kept
    // the map from being read.
    void whenMapKnown(const QObject *context, std::function<void(const RedisError &)> callback);

    QList<RedisNodeAddress> masters() const { return m_masters; }
    int epoch() const { return m_epoch; }
    // A connection to that node (opened when needed).
    RedisClient *acquire(const RedisNodeAddress &node);
    RedisClient *acquireAny();

    int connectionCount() const;
    void setPoolLimits(int maxConnections, int idleTimeoutMs, int pipelineDepth);
    void setReplicaAcks(const ReplicaAcks &acks) { m_acks = acks; }
    void refresh();

Q_SIGNALS:
    void topologyChanged();
    void errorOccurred(const RediStore::RedisError &error);

private:
    struct Command;
    using CommandPtr = std::shared_ptr<Command>;

    RedisPool *poolFor(const RedisNodeAddress &node);
    void dispatch(const CommandPtr &command);
    void send(const CommandPtr &command, const RedisNodeAddress &node);
    void handleReply(const CommandPtr &command, const RedisNodeAddress &node,
                     const RedisReply &reply);
    void retryLater(const CommandPtr &command, int delayMs);
    void retryAfterRefresh(const CommandPtr &command);
    void finish(const CommandPtr &command, const RedisReply &reply);
    void finishQueued(const CommandPtr &command, const RedisReply &reply);
    int commandSlot(const CommandPtr &command, RedisError *error) const;

    void startRefresh();
    void askNextSource();
    void refreshDone(const RedisError &error);
    void applyMap(const QList<ClusterSlots::SlotRange> &ranges);

    RedisConfig m_config;
    ReplicaAcks m_acks;
    int m_maxConnections = RedisPool::defaultMaxConnections;
    int m_idleTimeoutMs = RedisPool::defaultIdleTimeoutMs;
    int m_pipelineDepth = 32;

    QHash<QString, RedisPool *> m_pools; // by "host:port"; kept for the router's life
    std::vector<RedisNodeAddress> m_nodes; // index = node number in m_slots
    std::array<qint16, ClusterSlots::slotCount> m_slots; // node number, or -1
    QList<RedisNodeAddress> m_masters;
    bool m_mapKnown = false;
    int m_epoch = 0;

    bool m_refreshing = false;
    bool m_refreshWanted = false;
    qint64 m_lastRefreshAt = -1'000'000;
    QList<RedisNodeAddress> m_sources; // left to ask in the refresh in flight
    QSet<QString> m_suspects; // nodes whose last command failed on the connection
    RedisError m_refreshError;
    QTimer m_refreshTimer; // a refresh asked for within 200 ms of the last one
    QTimer m_periodicTimer;
    CoarseElapsedTimer m_clock;

    std::vector<CommandPtr> m_afterRefresh; // to dispatch when the refresh in flight is done
    std::vector<std::pair<QPointer<const QObject>, std::function<void(const RedisError &)>>>
        m_mapWaiters;
    QHash<Command *, CommandPtr> m_pending; // every command not yet finished
};

} // namespace RediStore

#endif // REDISTORE_CLUSTERROUTER_P_H
