#ifndef REDISTORE_REDISPOOL_H
#define REDISTORE_REDISPOOL_H

#include <libredistore/redis/redisclient.h>
#include <libredistore/redistore_export.h>

#include <QtCore/QObject>

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
    // one turn of the event loop, are not interleaved with others.
    RedisClient *acquire();

    // Closes every connection that has been idle for idleTimeoutMs. Also run by a timer.
    void closeIdleConnections();

Q_SIGNALS:
    void errorOccurred(const RediStore::RedisError &error);

private:
    std::unique_ptr<RedisPoolPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_REDISPOOL_H
