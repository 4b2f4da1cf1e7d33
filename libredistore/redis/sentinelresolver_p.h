#ifndef REDISTORE_SENTINELRESOLVER_P_H
#define REDISTORE_SENTINELRESOLVER_P_H

#include "redisconfig.h"
#include "redisconnection_p.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <functional>
#include <memory>

namespace RediStore {

class RedisSubscriber;

// What the connections of one Sentinel configuration share in one thread: the sentinels in the
// order to ask them (the last one that answered first, as Redis's Sentinel client guidelines
// say), and one subscription to a sentinel's +switch-master, so that connections to a master
// the sentinels replaced drop and ask again. The subscription is only a hint: without it, a
// connection finds the new master when the old one refuses or closes it. It is made on the
// sentinel that last answered, and moves on to the next one (once a second at most) while its
// own is down.
// Thread-affine: its order and subscription change only in the thread that made it; links moved
// to another thread take that thread's group at their next connect.
class SentinelGroup final : public QObject
{
    Q_OBJECT

public:
    // The group of this thread for the sentinels, master name, sentinel credentials and TLS
    // options of config (made on first use, gone with the last link that holds it).
    static std::shared_ptr<SentinelGroup> forConfig(const RedisConfig &config);
    ~SentinelGroup() override;

    QString masterName() const { return m_config.sentinelMasterName(); }
    QList<RedisNodeAddress> sentinels() const { return m_sentinels; }
    // A sentinel answered: it goes to the front, and the +switch-master subscription moves to it.
    void answered(const RedisNodeAddress &sentinel);

Q_SIGNALS:
    // The sentinels announced that this master is now at host:port.
    void masterSwitched(const QString &host, int port);

private:
    explicit SentinelGroup(const RedisConfig &config);
    bool sameSentinels(const RedisConfig &config) const;
    void watch(const RedisNodeAddress &sentinel);
    void watchNext();
    void onSwitchMessage(const QByteArray &payload);

    RedisConfig m_config;
    QList<RedisNodeAddress> m_sentinels;
    RedisNodeAddress m_watched;
    QPointer<RedisSubscriber> m_watch;
    QTimer m_rewatchTimer;
};

// One question to the sentinels: SENTINEL GET-MASTER-ADDR-BY-NAME, asked of each sentinel in the
// group's order until one knows the master. Each sentinel gets min(connect timeout, 1 s) to
// connect, authenticate (sentinel credentials) and answer. The answer comes from the event
// loop, never from inside start(); after done() runs the resolver may be started again.
class SentinelResolver final : public RedisConnectionListener
{
public:
    struct Answer
    {
        RedisNodeAddress master;
        RedisNodeAddress sentinel; // the one that answered
    };
    using Done = std::function<void(const Answer &answer, const RedisError &error)>;

    // owner: the QObject that the sentinel connections and the timer belong to (they move to
    // another thread with it).
    SentinelResolver(const RedisConfig &config, QObject *owner, Done done);
    ~SentinelResolver() override;

    void start(const std::shared_ptr<SentinelGroup> &group);
    void cancel();
    bool isRunning() const { return m_running; }

    // How long one sentinel has to answer.
    static int sentinelBudgetMs(const RedisConfig &config);

private:
    void askNext();
    void failed(const QString &why);
    void finish(const Answer &answer, const RedisError &error);
    void dropConnection();

    void connectionOpened() override;
    void connectionReply(const RedisReply &reply) override;
    void connectionReadDone() override { }
    void connectionClosed(const RedisError &error) override;

    RedisConfig m_config;
    QObject *m_owner;
    Done m_done;
    std::shared_ptr<SentinelGroup> m_group;
    QTimer m_timer;
    RedisConnection *m_connection = nullptr; // disposes of itself
    QList<RedisNodeAddress> m_order;
    int m_index = -1;
    int m_repliesBeforeAnswer = 0; // AUTH's
    bool m_running = false;

    // What the sentinels asked so far said.
    QStringList m_answeredUnknown; // answered, but do not know the master
    RedisError m_refused; // refused the credentials
    QString m_lastError;
};

} // namespace RediStore

#endif // REDISTORE_SENTINELRESOLVER_P_H
