#ifndef REDISTORE_TEST_REDISCLUSTER_H
#define REDISTORE_TEST_REDISCLUSTER_H

#include "privatenodes.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>

namespace RediStore::Test {

// A private Redis Cluster for one test, made by scripts/private-cluster.sh: 3 masters (slots
// 0-5460, 5461-10922, 10923-16383) and one replica each on free loopback ports, no
// persistence, cluster-node-timeout 1000 ms (a killed master's replica takes over in about
// 2.5 s). The server is $REDISTORE_REDIS_SERVER, else redis-server, as for RedisServer. Every
// node has the ACL user alice (RedisServer::aclUser, aclPassword).
// The nodes stop with stop() or the destructor; should the test process crash instead, the
// script's watcher stops them within a second.
class RedisCluster
{
public:
    struct Options
    {
        // requirepass and masterauth on every node; command() and the helpers below use it,
        // url() has it as default:PASSWORD@.
        QByteArray password;
        int nodeTimeoutMs = 1000;
    };

    RedisCluster();
    explicit RedisCluster(Options options);
    ~RedisCluster();
    RedisCluster(const RedisCluster &) = delete;
    RedisCluster &operator=(const RedisCluster &) = delete;

    // Starts the six nodes and waits until every node sees the cluster ok and every replica
    // has synced (about 2.5 s). On failure, errorString() says why.
    bool start();
    void stop();
    QString errorString() const { return m_nodes.errorString(); }

    // redis+cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3 (the masters at start), with
    // default:PASSWORD@ when the cluster has a password.
    QString url() const;
    // The same with these credentials (none when both are empty).
    QString url(const QString &user, const QString &password) const;

    // All six, the masters at start first, then their replicas in the same order.
    QList<quint16> ports() const { return m_ports; }
    // The masters now, from CLUSTER NODES of a node that answers (one that sees the cluster
    // ok if there is one), without failed nodes, in the order of their first slot.
    QList<quint16> masterPorts() const;
    // The replicas of that master now, from the same view.
    QList<quint16> replicaPorts(quint16 master) const;
    // The master serving the slot now (0 when none does).
    quint16 masterOfSlot(int slot) const;
    // CLUSTER MYID of the node.
    QByteArray nodeId(quint16 port) const;

    // The key's hash slot: CRC16 (XMODEM) of the key, or of its hash tag (the text between
    // the first '{' and the first '}' after it, when there is some), modulo 16384.
    static int keySlot(const QByteArray &key);

    // A blocking command to one node, as RedisServer::command (with the cluster's password,
    // or the user and password given).
    QVariant command(quint16 port, const QByteArrayList &args, const QByteArray &user = {},
                     const QByteArray &password = {}) const;

    // SIGKILL to one node (it is gone when this returns); remembers a master's slots for
    // waitForFailover().
    void kill(quint16 port);
    // Starts a stopped or killed node again with its conf and nodes.conf (a former master
    // comes back as a replica of the one that took over), empty; waits until it answers.
    bool restart(quint16 port);
    bool isRunning(quint16 port) const { return PrivateNodes::isListening(port); }

    // After kill(killedMaster): waits until a node serves the killed master's slots, its ROLE
    // says master and every node still running sees the cluster ok and that node as the
    // slots' master. Returns its port, 0 on timeout.
    quint16 waitForFailover(quint16 killedMaster, int timeoutMs = 15000);

    // Slot migration, as redis-cli --cluster reshard does it:
    // CLUSTER SETSLOT IMPORTING on the target, then MIGRATING on the source.
    bool beginMigration(int slot, quint16 from, quint16 to);
    // Up to count keys of the slot from CLUSTER GETKEYSINSLOT, moved with one MIGRATE ...
    // KEYS. Returns how many moved, -1 on error.
    int migrateKeys(int slot, quint16 from, quint16 to, int count);
    // CLUSTER SETSLOT NODE on the target, then on every other master.
    bool endMigration(int slot, quint16 to);
    // All three, every key of the slot.
    bool moveSlot(int slot, quint16 from, quint16 to);

    // Until every running node reports cluster_state:ok, all of them agree on which master
    // serves which slots, none of them sees a running node as failing or as a master without
    // slots (a restarted former master is a replica in every view), and every running
    // replica's link to its master is up.
    bool waitUntilOk(int timeoutMs = 15000);

    // The end of a node's log, for a failure message.
    QString logTail(quint16 port) const { return m_nodes.logTail(port); }

private:
    struct Node;
    static QList<Node> parseNodes(const QByteArray &text);
    QList<Node> view() const;

    Options m_options;
    PrivateNodes m_nodes;
    QList<quint16> m_ports;
    QList<quint16> m_startMasters;
    QHash<quint16, QList<int>> m_killedSlots;
};

} // namespace RediStore::Test

#endif // REDISTORE_TEST_REDISCLUSTER_H
