#ifndef REDISTORE_REDISSUBSCRIBER_H
#define REDISTORE_REDISSUBSCRIBER_H

#include <libredistore/redis/redisclient.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QObject>

#include <memory>

namespace RediStore {

class RedisSubscriberPrivate;

// Redis pub/sub on a connection of its own (a connection that subscribes takes no other
// commands, so RedisClient and RedisPool never do). Channels and patterns are kept here and
// subscribed again after every reconnect; subscribed() says when the server has confirmed one,
// also after a reconnect. Messages arrive as signals from the event loop. Lives in one thread.
// With a Sentinel configuration it subscribes on the master and follows it to a new one after
// a failover (the sentinels' +switch-master, or a lost connection), as RedisClient does.
class REDISTORE_EXPORT RedisSubscriber : public QObject
{
    Q_OBJECT
    Q_PROPERTY(RediStore::RedisClient::State state READ state NOTIFY stateChanged)

public:
    explicit RedisSubscriber(const RedisConfig &config, QObject *parent = nullptr);
    ~RedisSubscriber() override;

    RedisConfig config() const;
    RedisClient::State state() const;
    RedisError lastError() const;

    // Each call connects when needed; names already subscribed are left alone.
    void subscribe(const QByteArrayList &channels);
    void unsubscribe(const QByteArrayList &channels);
    void psubscribe(const QByteArrayList &patterns);
    void punsubscribe(const QByteArrayList &patterns);
    QByteArrayList channels() const;
    QByteArrayList patterns() const;

    // Closes the connection; subscribe() or psubscribe() opens it again.
    void disconnectFromServer();

Q_SIGNALS:
    void stateChanged(RediStore::RedisClient::State state);
    void connected();
    void disconnected();
    void errorOccurred(const RediStore::RedisError &error);
    // The server confirmed a SUBSCRIBE or PSUBSCRIBE of this channel or pattern.
    void subscribed(const QByteArray &channelOrPattern);
    void messageReceived(const QByteArray &channel, const QByteArray &message);
    void patternMessageReceived(const QByteArray &pattern, const QByteArray &channel,
                                const QByteArray &message);

private:
    std::unique_ptr<RedisSubscriberPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_REDISSUBSCRIBER_H
