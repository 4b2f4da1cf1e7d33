#ifndef REDISTORE_REDISCLIENT_P_H
#define REDISTORE_REDISCLIENT_P_H

#include "redisclient.h"

#include <libredistore/coarseclock_p.h>

#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <deque>
#include <optional>
#include <vector>

struct redisAsyncContext;
struct redisReply;

namespace RediStore {

class SocketNotifierAdapter;

// Where one command's result goes: a promise, a callback on a context, or nowhere (the
// MULTI and queued parts of a transaction).
struct PendingResult
{
    std::optional<QPromise<RedisReply>> promise;
    QPointer<const QObject> context;
    RedisClient::Callback callback;

    // Runs user code: call only from the event loop, outside hiredis.
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

struct PubSubMessage
{
    QByteArray kind; // "message", "pmessage", "subscribe", "psubscribe"
    QByteArray pattern;
    QByteArray channel;
    QByteArray payload;
};

class RedisClientPrivate
{
public:
    RedisClientPrivate(RedisClient *q, const RedisConfig &config);
    ~RedisClientPrivate();

    bool checkThread() const;

    // Connection
    void connectNow();
    void startConnect(const QString &hostOrIp);
    void onConnected(); // hiredis connect callback, status OK
    void onConnectFailed(); // hiredis connect callback, status ERR
    void onHandshakeReply(redisReply *reply);
    void becomeReady();
    void onContextGone(); // hiredis cleanup hook
    void failConnection(const RedisError &error); // while connecting
    void scheduleReconnect();
    void setState(RedisClient::State state);
    void setError(const RedisError &error);

    // Commands
    void submit(const QByteArrayList &args, PendingResult &&result);
    bool send(const QByteArrayList &args, InFlight &&command);
    bool sendRaw(const QByteArrayList &args, void (*callback)(redisAsyncContext *, void *, void *),
                 void *privdata);
    void onReply(redisReply *reply);
    void finish(PendingResult &&result, const RedisReply &reply);
    void failQueue(std::deque<Queued> &queue, const RedisError &error);
    void failInFlight(const RedisError &error);
    void onTimeoutTimer();
    void armTimeoutTimer(qint64 deadline);
    qint64 deadlineForNewCommand() const;

    // Pub/sub
    void sendSubscriptions(const char *command, const QSet<QByteArray> &names);
    void onSubscriptionReply(redisReply *reply);

    // Delivery
    void postDelivery();
    void deliver();

    RedisClient *q;
    RedisConfig config;
    RedisClient::State state = RedisClient::State::Disconnected;
    RedisError lastError;

    redisAsyncContext *context = nullptr;
    QPointer<SocketNotifierAdapter> adapter;
    int hostLookupId = -1;
    bool userDisconnect = false; // disconnectFromServer() called: no reconnect
    bool destroying = false;
    bool handshakeFailed = false;
    RedisError pendingFailure; // why the current context is being torn down
    QString lostReason; // hiredis's words for the last lost connection, for its NULL replies
    int handshakeRemaining = 0;
    RedisError handshakeError;
    int reconnectAttempt = 0;

    std::deque<InFlight> inFlight; // sent, in order; timed-out entries stay until their reply
    std::deque<Queued> offline; // waiting for the connection
    QSet<QByteArray> channelSet;
    QSet<QByteArray> patternSet;

    std::vector<Completion> ready;
    std::vector<PubSubMessage> messages;
    bool deliveryPosted = false;
    bool readingReplies = false; // inside the adapter's read: it delivers when hiredis returns

    CoarseElapsedTimer clock; // deadlines need no better than a few ms
    QTimer timeoutTimer;
    QTimer connectTimer;
    QTimer reconnectTimer;
};

} // namespace RediStore

#endif // REDISTORE_REDISCLIENT_P_H
