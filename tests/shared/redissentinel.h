#ifndef REDISTORE_TEST_REDISSENTINEL_H
#define REDISTORE_TEST_REDISSENTINEL_H

#include "privatenodes.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QElapsedTimer>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>

namespace RediStore::Test {

// A private Redis Sentinel setup for one test, made by scripts/private-sentinel.sh: a master,
// one replica and three sentinels (quorum 2) that watch it as "mymaster", on free loopback
// ports, no persistence; down-after-milliseconds 1000, failover-timeout 3000, so a killed
// master's replica takes over in about 2.5 s. The server is $REDISTORE_REDIS_SERVER, else
// redis-server, as for RedisServer; master and replica have the ACL user alice
// (RedisServer::aclUser, aclPassword).
// After a failover the sentinels make the old master a replica of the new one about 8 s after
// they see it as master again (their own pace): waitUntilSynced() waits for that, or does it
// at once.
// The nodes stop with stop() or the destructor; should the test process crash instead, the
// script's watcher stops them within a second.
class RedisSentinelSetup
{
public:
    struct Options
    {
        // requirepass and masterauth on master and replica, sentinel auth-pass on the
        // sentinels; url() has it as default:PASSWORD@.
        QByteArray password;
        // requirepass on the sentinels; url() has it as ?sentinel_password=.
        QByteArray sentinelPassword;
    };

    RedisSentinelSetup();
    explicit RedisSentinelSetup(Options options);
    ~RedisSentinelSetup();
    RedisSentinelSetup(const RedisSentinelSetup &) = delete;
    RedisSentinelSetup &operator=(const RedisSentinelSetup &) = delete;

    // Starts the five nodes and waits until every sentinel knows the master, the replica and
    // the two other sentinels (about 2.5 s). On failure, errorString() says why.
    bool start();
    void stop();
    QString errorString() const { return m_nodes.errorString(); }

    // redis+sentinel://127.0.0.1:S1,127.0.0.1:S2,127.0.0.1:S3/mymaster/DB, with
    // default:PASSWORD@ and ?sentinel_password=SENTINELPASSWORD when the setup has them.
    QString url(int db = 0) const;
    // The same with these credentials for master and replica (none when both are empty).
    QString url(int db, const QString &user, const QString &password) const;
    QString masterName() const { return QStringLiteral("mymaster"); }

    // The master now, from SENTINEL GET-MASTER-ADDR-BY-NAME of the first sentinel that
    // answers; 0 when none does.
    quint16 masterPort() const;
    // The other of the two data nodes.
    quint16 replicaPort() const;
    // Master and replica as they started.
    QList<quint16> dataPorts() const { return m_dataPorts; }
    QList<quint16> sentinelPorts() const { return m_sentinelPorts; }
    QList<quint16> ports() const { return m_dataPorts + m_sentinelPorts; }

    // A blocking command to one node, as RedisServer::command; without a password given, with
    // the setup's password for that node (the sentinel password for a sentinel).
    QVariant command(quint16 port, const QByteArrayList &args, const QByteArray &user = {},
                     const QByteArray &password = {}) const;

    // SIGKILL to one node (it is gone when this returns).
    void kill(quint16 port);
    // Starts a stopped or killed node again with its conf (a sentinel's as it rewrote it); a
    // data node comes back empty. Waits until it answers.
    bool restart(quint16 port);
    bool isRunning(quint16 port) const { return PrivateNodes::isListening(port); }

    // SENTINEL FAILOVER mymaster on a sentinel; true when it took it (OK).
    bool failover();
    // Waits until every running sentinel names the same master, not oldMaster, and that
    // node's ROLE says master. Returns its port, 0 on timeout. After a failover() that shows
    // no promotion 8 s later (a sentinel aborts one whose replica does not report itself master
    // within failover-timeout, which a loaded machine can make it miss), asks once more.
    quint16 waitForNewMaster(quint16 oldMaster, int timeoutMs = 20000);
    // That second ask, for a test that watches the promotion itself; true when it asked.
    bool askFailoverAgainIfStalled();
    // Waits until every running sentinel names the same master, sees it without a down flag,
    // with one replica and two other sentinels, and the other data node (when it runs) is
    // that master's replica with its link up, and a replica that is not down for every
    // sentinel. With repointOldMaster, a data node that still says it is master (the old
    // master after a failover, or a restarted one) is made the replica at once (REPLICAOF,
    // CONFIG REWRITE), as the sentinels do themselves some 8 s after they see it.
    bool waitUntilSynced(int timeoutMs = 20000, bool repointOldMaster = true);

    // The end of a node's log, for a failure message.
    QString logTail(quint16 port) const { return m_nodes.logTail(port); }

private:
    quint16 askedMaster(quint16 sentinel) const;

    Options m_options;
    PrivateNodes m_nodes;
    QList<quint16> m_dataPorts;
    QList<quint16> m_sentinelPorts;
    QElapsedTimer m_failoverAsked;
};

} // namespace RediStore::Test

#endif // REDISTORE_TEST_REDISSENTINEL_H
