#ifndef REDISTORE_REDISCLIENT_P_H
#define REDISTORE_REDISCLIENT_P_H

#include "redisclient.h"
#include "redislink_p.h"

#include <libredistore/coarseclock_p.h>

#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QTimer>

#include <deque>
#include <optional>
#include <vector>

namespace RediStore {

// Where one command's result goes: a promise, a callback on a context, or nowhere (the
// MULTI and queued parts of a transaction).
struct PendingResult
{
    std::optional<QPromise<RedisReply>> promise;
    QPointer<const QObject> context;
    RedisClient::Callback callback;

    bool wanted() const { return promise || callback; }
    // Runs user code: call only from the event loop.
    void complete(const RedisReply &reply);
    // Completes later on the context's own event loop (used when the client is going away).
    void completeQueued(const RedisReply &reply);
};

struct InFlight
{
    PendingResult result;
    qint64 deadline = 0; // ms on the client's clock; 0 = none
    bool timedOut = false;
};

struct Queued
{
    QByteArrayList args;
    InFlight command;
};

struct Completion
{
    PendingResult result;
    RedisReply reply;
};

class RedisClientPrivate final : public RedisLinkListener
{
public:
    RedisClientPrivate(RedisClient *q, const RedisConfig &config);
    ~RedisClientPrivate() override;

    bool checkThread() const;

    // RedisLinkListener
    void linkReady() override;
    void linkReply(const RedisReply &reply) override;
    void linkReadDone() override;
    void linkDown(const RedisError &error, bool wasReady, bool willRetry) override;
    bool linkHasWaiters() const override { return !offline.empty(); }
    void linkStateChanged(RedisClient::State state) override;

    void submit(const QByteArrayList &args, PendingResult &&result);
    void send(const QByteArrayList &args, InFlight &&command);
    void finish(PendingResult &&result, const RedisReply &reply);
    void failQueue(const RedisError &error);
    void failInFlight(const RedisError &error);
    void onTimeoutTimer();
    void armTimeoutTimer(qint64 deadline);
    void closeIfDrained();

    void postDelivery();
    void deliver();

    RedisClient *q;
    RedisConfig config;
    RedisLink link;
    bool draining = false; // disconnectFromServer(): close once the replies are in
    bool destroying = false;

    std::deque<InFlight> inFlight; // sent, in order; timed-out entries stay until their reply
    std::deque<Queued> offline; // waiting for the connection
    std::vector<Completion> ready;
    bool deliveryPosted = false;
    bool readingReplies = false; // inside a read: delivered when it is done

    CoarseElapsedTimer clock; // deadlines need no better than a few ms
    QTimer timeoutTimer;
    qint64 timerDue = 0; // when timeoutTimer fires, on clock
};

} // namespace RediStore

#endif // REDISTORE_REDISCLIENT_P_H
