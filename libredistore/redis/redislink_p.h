#ifndef REDISTORE_REDISLINK_P_H
#define REDISTORE_REDISLINK_P_H

#include "redisclient.h"
#include "redisconnection_p.h"
#include "sentinelresolver_p.h"

#include <libredistore/coarseclock_p.h>

#include <QtCore/QTimer>

namespace RediStore {

class RedisLinkListener
{
public:
    virtual ~RedisLinkListener() = default;
    virtual void linkReady() = 0; // connected, and AUTH, SELECT, CLIENT SETNAME done
    virtual void linkReply(const RedisReply &reply) = 0;
    virtual void linkReadDone() = 0; // may delete the owner
    // No connection (any more): the attempt failed or the connection was lost. The link
    // reconnects on its own unless the owner closed it, reconnecting is off, or the server
    // refused the credentials or the database.
    virtual void linkDown(const RedisError &error, bool wasReady, bool willRetry) = 0;
    // Commands wait for the connection: reconnect attempts come quickly.
    virtual bool linkHasWaiters() const = 0;
    virtual void linkStateChanged(RedisClient::State state) = 0;
};

// The life of one logical connection to Redis, shared by RedisClient and RedisSubscriber:
// a RedisConnection per attempt, the setup commands (AUTH, SELECT, CLIENT SETNAME) before any
// other, and reconnecting. While commands wait, attempts come quickly (the first within 50 ms,
// then every 200 to 250 ms); when idle, the delay starts at reconnectMinDelayMs and doubles up
// to reconnectMaxDelayMs, with jitter. An outage is logged once when it starts and once when
// it ends, however many attempts and commands it fails and however many connections of the
// process (a pool's) go to that server.
//
// With a Sentinel configuration, each attempt first asks the sentinels where the master is
// (SentinelResolver), connects there, and after the setup checks with ROLE that the node is the
// master (NotMaster otherwise, and a new attempt soon). A READONLY reply (the node was demoted)
// or the sentinels' +switch-master to another address drops the connection, and the next
// attempt asks again. Failing to ask (NoSentinelReachable, SentinelUnknownMaster) is an attempt
// that failed, like a refused connection.
class RedisLink final : public RedisConnectionListener
{
public:
    RedisLink(const RedisConfig &config, RedisLinkListener *listener, QObject *owner);
    ~RedisLink() override;

    const RedisConfig &config() const { return m_config; }
    RedisClient::State state() const { return m_state; }
    bool isReady() const { return m_state == RedisClient::State::Connected; }
    RedisError lastError() const { return m_lastError; }
    bool isClosedByOwner() const { return m_closedByOwner; }
    // The server for messages: the configuration's endpoint(), or for Sentinel the master's name
    // and address ("mymaster at 10.0.0.5:6379 (sentinel)") once it is known.
    QString endpoint() const { return m_endpoint; }

    // Connects now unless connecting or connected.
    void open();
    // A command waits: connects within 50 ms unless an attempt was made less than 200 ms ago.
    void nudge();
    // Closes the connection at once; no reconnect until open() or nudge().
    void close();
    // Sends a command (only when ready).
    void send(const QByteArrayList &args)
    {
        if (m_connection)
            m_connection->send(args);
    }

private:
    void connectionOpened() override;
    void connectionReply(const RedisReply &reply) override;
    void connectionReadDone() override;
    void connectionClosed(const RedisError &error) override;

    void connectTo(const RedisConfig &nodeConfig);
    bool isSentinel() const { return m_config.topology() == RedisConfig::Topology::Sentinel; }
    void resolved(const SentinelResolver::Answer &answer, const RedisError &error);
    void followSentinels();
    void masterSwitched(const RedisNodeAddress &master);
    RedisError roleError(const RedisReply &reply) const;
    void handshakeReply(const RedisReply &reply);
    void becomeReady();
    void down(const RedisError &error);
    void scheduleReconnect();
    void dropConnection();
    void leaveOutage();
    void setState(RedisClient::State state);

    RedisConfig m_config;
    QString m_endpoint;
    RedisLinkListener *m_listener;
    QObject *m_owner;
    RedisClient::State m_state = RedisClient::State::Disconnected;
    RedisError m_lastError;
    RedisConnection *m_connection = nullptr; // disposes of itself
    QTimer m_reconnectTimer;
    CoarseElapsedTimer m_clock;
    int m_handshakeRemaining = 0;
    bool m_roleCheck = false; // the last setup reply is ROLE's
    RedisError m_handshakeError;
    // Sentinel: this thread's group of the sentinels, the question to them, and the master's
    // address of the current attempt.
    std::shared_ptr<SentinelGroup> m_sentinels;
    std::unique_ptr<SentinelResolver> m_resolver;
    QMetaObject::Connection m_switchConnection;
    RedisNodeAddress m_master;
    bool m_demoted = false; // a READONLY reply in the current read
    bool m_closedByOwner = false;
    bool m_refused = false; // credentials or database refused: no retry on its own
    int m_idleAttempt = 0; // backoff step while idle
    qint64 m_lastAttemptAt = -1'000'000;
    qint64 m_outageSince = -1; // when the current outage began, or -1
    int m_outageFailures = 0;
};

} // namespace RediStore

#endif // REDISTORE_REDISLINK_P_H
