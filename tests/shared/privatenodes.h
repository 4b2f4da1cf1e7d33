#ifndef REDISTORE_TEST_PRIVATENODES_H
#define REDISTORE_TEST_PRIVATENODES_H

#include <QtCore/QByteArrayList>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QTemporaryDir>

#include <memory>

namespace RediStore::Test {

// The part that RedisCluster and RedisSentinelSetup share: one of scripts/private-cluster.sh or
// scripts/private-sentinel.sh run on a temporary folder ("start DIR ... --owner PID", "stop
// DIR", "kill DIR PORT", "restart DIR PORT"). The nodes are daemons of the script's; stop(),
// also in the destructor, ends them, and should this process end without it (a crash), the
// script's watcher ends them within a second and removes the folder.
class PrivateNodes
{
public:
    explicit PrivateNodes(const QString &scriptName);
    ~PrivateNodes();
    PrivateNodes(const PrivateNodes &) = delete;
    PrivateNodes &operator=(const PrivateNodes &) = delete;

    // Runs "start DIR options..."; the KEY=VALUE lines it prints are value(KEY) then.
    bool start(const QStringList &options);
    void stop();
    bool isStarted() const { return m_dir != nullptr; }
    QString errorString() const { return m_error; }

    QString value(const QString &key) const { return m_values.value(key); }
    // A line of ports ("PORTS=1 2 3").
    QList<quint16> ports(const QString &key) const;

    // SIGKILL, and the node is gone when it returns.
    void kill(quint16 port);
    // Starts it again with its conf (the sentinels' as they rewrote it) and waits until it
    // answers.
    bool restart(quint16 port);
    // Whether something accepts connections on the port.
    static bool isListening(quint16 port);
    // The end of the node's log, for a failure message.
    QString logTail(quint16 port, int bytes = 3000) const;

private:
    bool run(const QStringList &arguments, int timeoutMs, QByteArray *out = nullptr);

    QString m_script;
    std::unique_ptr<QTemporaryDir> m_dir;
    QHash<QString, QString> m_values;
    QString m_error;
};

// Fields of a reply that is lines of "key:value" (INFO, CLUSTER INFO).
QByteArray infoField(const QByteArray &info, const QByteArray &key);

// "user:password@", percent-encoded, for a URL; empty when both are.
QString urlCredentials(const QString &user, const QString &password);

// "127.0.0.1:P1,127.0.0.1:P2,..." for a redis+cluster:// or redis+sentinel:// URL.
QString hostList(const QList<quint16> &ports);

// The first element of ROLE's reply: "master", "slave", "sentinel", or empty.
QByteArray roleOf(const QVariant &roleReply);

} // namespace RediStore::Test

#endif // REDISTORE_TEST_PRIVATENODES_H
