#ifndef REDISTORE_REDISCLIENT_H
#define REDISTORE_REDISCLIENT_H

#include <libredistore/redis/redisconfig.h>
#include <libredistore/redis/rediserror.h>
#include <libredistore/redis/redisreply.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QByteArrayList>
#include <QtCore/QFuture>
#include <QtCore/QObject>

#include <functional>
#include <memory>

namespace RediStore {

class RedisClientPrivate;

// One connection to Redis, driven by the event loop of the thread it lives in; nothing blocks.
// TCP (IPv4 or IPv6), a Unix socket, or TLS (rediss://), as the configuration says.
//
// Commands are binary-safe argument lists. Each one always completes exactly once, with the
// server's reply or with an Error reply that says why there is none (CommandTimeout,
// Disconnected, NotConnected, QueueFull, ClientDestroyed). Completion is delivered from the
// event loop, never from inside the call that issued the command. Many commands may be in
// flight at once; their replies arrive in order.
//
// After connecting, AUTH, SELECT and CLIENT SETNAME run before any user command. A lost
// connection is re-opened on its own (RedisConfig::autoReconnect): quickly while commands wait,
// with a growing delay while idle. Commands issued meanwhile wait up to the offline wait
// (RedisConfig::offlineWaitMs) and then fail with NotConnected, or fail at once
// (RedisConfig::offlinePolicy). Commands in flight when the connection drops fail with
// Disconnected: they are never sent twice.
//
// With a Sentinel configuration (redis+sentinel://), each connect asks the sentinels where the
// master is and checks with ROLE that it is one; a failover (the connection closed by the
// sentinels, a READONLY reply, their +switch-master) makes it ask again and reconnect. While
// the sentinels cannot say, lastError() is NoSentinelReachable or SentinelUnknownMaster, and
// commands wait or fail as for one server that is down. A command that got READONLY fails with
// that server error; it did not run.
//
// Pub/sub needs a connection of its own: RedisSubscriber. Here, SUBSCRIBE and the like are
// refused.
class REDISTORE_EXPORT RedisClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)

public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    using Callback = std::function<void(const RedisReply &)>;

    explicit RedisClient(const RedisConfig &config, QObject *parent = nullptr);
    // Commands still pending complete with ClientDestroyed. Safe inside a completion handler.
    ~RedisClient() override;

    RedisConfig config() const;
    State state() const;
    bool isConnected() const { return state() == State::Connected; }
    // The last connection error (NoError after a successful connect).
    RedisError lastError() const;
    QString errorString() const;

    // Opens the connection (also done by the first command). Does nothing when connecting or
    // connected.
    void connectToServer();
    // Closes the connection once the commands in flight have their replies; no reconnect.
    void disconnectFromServer();

    // Sends a command; the future always finishes with exactly one result.
    QFuture<RedisReply> execute(const QByteArrayList &args);
    // Sends a command; callback runs later in context's thread, unless context is gone by then.
    void execute(const QByteArrayList &args, const QObject *context, Callback callback);
    // MULTI, the commands, EXEC, sent back to back; the result is EXEC's reply (an array with
    // one reply per command, or an error when the transaction was refused).
    QFuture<RedisReply> transaction(const QList<QByteArrayList> &commands);
    void transaction(const QList<QByteArrayList> &commands, const QObject *context,
                     Callback callback);

    // Commands sent and waiting for their reply, plus those queued while offline.
    int pendingCount() const;

Q_SIGNALS:
    void stateChanged(RediStore::RedisClient::State state);
    void connected();
    void disconnected();
    void errorOccurred(const RediStore::RedisError &error);

private:
    friend class RedisClientPrivate;
    std::unique_ptr<RedisClientPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_REDISCLIENT_H
