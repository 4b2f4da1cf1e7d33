#include "redisclient.h"
#include "redisclient_p.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>

namespace RediStore {

// Debug lines (each reconnect attempt) only when asked:
// QT_LOGGING_RULES="redistore.redis.debug=true".
Q_LOGGING_CATEGORY(lcRedis, "redistore.redis", QtInfoMsg)

namespace {

bool isSubscriptionCommand(const QByteArray &name)
{
    static const QByteArrayList reserved
        = { "subscribe",    "psubscribe",   "ssubscribe", "unsubscribe",
            "punsubscribe", "sunsubscribe", "monitor" };
    for (const QByteArray &word : reserved) {
        if (name.size() == word.size() && name.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

RedisError destroyedError()
{
    return RedisError(RedisError::Code::ClientDestroyed,
                      QStringLiteral("the Redis client was deleted before the reply came"));
}

} // namespace

// --- PendingResult ---

void PendingResult::complete(const RedisReply &reply)
{
    if (promise) {
        promise->addResult(reply);
        promise->finish();
    } else if (callback && context) {
        callback(reply);
    }
}

void PendingResult::completeQueued(const RedisReply &reply)
{
    if (promise) {
        promise->addResult(reply);
        promise->finish();
    } else if (callback && context) {
        QMetaObject::invokeMethod(
            const_cast<QObject *>(context.data()),
            [callback = std::move(callback), reply]() { callback(reply); }, Qt::QueuedConnection);
    }
}

// --- RedisClientPrivate ---

RedisClientPrivate::RedisClientPrivate(RedisClient *client, const RedisConfig &configuration)
    : q(client)
    , config(configuration)
    , link(configuration, this, client)
{
    clock.start();
    timeoutTimer.setParent(q); // moves with the client to another thread
    timeoutTimer.setSingleShot(true);
    QObject::connect(&timeoutTimer, &QTimer::timeout, q, [this]() { onTimeoutTimer(); });
}

RedisClientPrivate::~RedisClientPrivate()
{
    destroying = true;
    timeoutTimer.stop();
    link.close(); // no more calls from the connection
    const RedisError gone = destroyedError();
    failInFlight(gone); // into ready: nothing is posted while destroying
    failQueue(gone);
    for (Completion &completion : ready)
        completion.result.completeQueued(completion.reply);
}

bool RedisClientPrivate::checkThread() const
{
    if (QThread::currentThread() == q->thread())
        return true;
    qCCritical(lcRedis,
               "RedisClient used from a thread it does not belong to; create one "
               "client per thread");
    Q_ASSERT_X(false, "RedisClient", "used from a thread it does not belong to");
    return false;
}

void RedisClientPrivate::linkStateChanged(RedisClient::State newState)
{
    if (destroying)
        return;
    QMetaObject::invokeMethod(
        q,
        [client = q, newState]() {
            Q_EMIT client->stateChanged(newState);
            if (newState == RedisClient::State::Connected)
                Q_EMIT client->connected();
        },
        Qt::QueuedConnection);
}

void RedisClientPrivate::linkReady()
{
    while (!offline.empty() && link.isReady()) {
        Queued queued = std::move(offline.front());
        offline.pop_front();
        send(queued.args, std::move(queued.command));
    }
}

void RedisClientPrivate::linkDown(const RedisError &error, bool wasReady, bool willRetry)
{
    if (destroying)
        return;
    readingReplies = false;
    failInFlight(RedisError(RedisError::Code::Disconnected,
                            QStringLiteral("%1 before the reply; the command may or may not "
                                           "have run")
                                .arg(error.message())));
    if (wasReady) {
        QMetaObject::invokeMethod(
            q, [client = q]() { Q_EMIT client->disconnected(); }, Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        q, [client = q, error]() { Q_EMIT client->errorOccurred(error); }, Qt::QueuedConnection);
    if (!willRetry)
        failQueue(error);
    if (!ready.empty())
        postDelivery();
}

void RedisClientPrivate::linkReply(const RedisReply &reply)
{
    if (inFlight.empty()) {
        qCWarning(lcRedis, "a reply arrived for no command; dropped");
        return;
    }
    readingReplies = true;
    InFlight command = std::move(inFlight.front());
    inFlight.pop_front();
    if (!command.timedOut)
        finish(std::move(command.result), reply);
}

void RedisClientPrivate::linkReadDone()
{
    // The replies of one read are delivered as soon as it is done: no posted event and no
    // extra trip through the event loop for the common case.
    readingReplies = false;
    if (draining)
        closeIfDrained();
    if (!ready.empty())
        deliver(); // may delete this client
}

void RedisClientPrivate::closeIfDrained()
{
    if (!draining || !inFlight.empty())
        return;
    draining = false;
    link.close();
    failQueue(RedisError(RedisError::Code::NotConnected,
                         QStringLiteral("the connection was closed by the client")));
}

void RedisClientPrivate::submit(const QByteArrayList &args, PendingResult &&result)
{
    if (!checkThread()) {
        // Not our thread: deliver the failure on the context's thread.
        result.completeQueued(RedisReply::failure(
            RedisError(RedisError::Code::WrongThread,
                       QStringLiteral("RedisClient used from a thread it does not belong to"))));
        return;
    }
    if (args.isEmpty() || args.first().isEmpty()) {
        finish(std::move(result),
               RedisReply::failure(RedisError(RedisError::Code::InvalidCommand,
                                              QStringLiteral("the command is empty"))));
        return;
    }
    if (isSubscriptionCommand(args.first())) {
        finish(std::move(result),
               RedisReply::failure(RedisError(
                   RedisError::Code::InvalidCommand,
                   QStringLiteral("%1: pub/sub goes through RedisSubscriber, on a connection of "
                                  "its own")
                       .arg(QString::fromUtf8(args.first())))));
        return;
    }
    if (draining) {
        finish(std::move(result),
               RedisReply::failure(RedisError(
                   RedisError::Code::NotConnected,
                   QStringLiteral("the connection to %1 is closing").arg(config.endpoint()))));
        return;
    }
    if (link.isReady()) {
        const int timeout = config.commandTimeoutMs();
        send(args, InFlight { std::move(result), timeout > 0 ? clock.elapsed() + timeout : 0 });
        return;
    }
    if (config.offlinePolicy() == RedisConfig::OfflinePolicy::FailFast
        && link.state() == RedisClient::State::Disconnected && link.lastError().isError()) {
        finish(std::move(result),
               RedisReply::failure(
                   RedisError(RedisError::Code::NotConnected,
                              QStringLiteral("not connected to Redis at %1: %2")
                                  .arg(config.endpoint(), link.lastError().message()))));
        return;
    }
    if (int(offline.size()) >= config.offlineQueueLimit()) {
        finish(std::move(result),
               RedisReply::failure(RedisError(
                   RedisError::Code::QueueFull,
                   QStringLiteral("%1 commands are already waiting for the connection to %2")
                       .arg(offline.size())
                       .arg(config.endpoint()))));
        return;
    }
    // Waits at most the offline wait (and never longer than the command timeout).
    int wait = config.offlineWaitMs();
    if (config.commandTimeoutMs() > 0 && (wait == 0 || config.commandTimeoutMs() < wait))
        wait = config.commandTimeoutMs();
    const qint64 deadline = wait > 0 ? clock.elapsed() + wait : 0;
    offline.push_back({ args, InFlight { std::move(result), deadline } });
    if (deadline)
        armTimeoutTimer(deadline);
    if (link.state() == RedisClient::State::Disconnected)
        link.nudge();
}

void RedisClientPrivate::send(const QByteArrayList &args, InFlight &&command)
{
    link.send(args);
    const qint64 deadline = command.deadline;
    inFlight.push_back(std::move(command));
    if (deadline)
        armTimeoutTimer(deadline);
}

void RedisClientPrivate::finish(PendingResult &&result, const RedisReply &reply)
{
    if (!result.wanted())
        return; // a part of a transaction whose reply nobody waits for
    ready.push_back({ std::move(result), reply });
    if (!readingReplies)
        postDelivery();
}

void RedisClientPrivate::failQueue(const RedisError &error)
{
    for (Queued &queued : offline)
        finish(std::move(queued.command.result), RedisReply::failure(error));
    offline.clear();
}

void RedisClientPrivate::failInFlight(const RedisError &error)
{
    for (InFlight &command : inFlight) {
        if (!command.timedOut)
            finish(std::move(command.result), RedisReply::failure(error));
    }
    inFlight.clear();
}

void RedisClientPrivate::armTimeoutTimer(qint64 deadline)
{
    // Each queue's deadlines only grow; the timer runs for the earliest of both queues' heads.
    // Its due time is kept here: asking the timer costs a clock read and a walk of its list.
    if (timeoutTimer.isActive() && timerDue <= deadline)
        return;
    const qint64 now = clock.elapsed();
    timerDue = qMax(now, deadline);
    timeoutTimer.start(int(timerDue - now));
}

void RedisClientPrivate::onTimeoutTimer()
{
    const qint64 now = clock.elapsed();
    while (!offline.empty() && offline.front().command.deadline
           && offline.front().command.deadline <= now) {
        Queued queued = std::move(offline.front());
        offline.pop_front();
        const RedisError why = link.lastError();
        finish(std::move(queued.command.result),
               RedisReply::failure(RedisError(
                   RedisError::Code::NotConnected,
                   QStringLiteral("no connection to Redis at %1 within %2 ms: %3")
                       .arg(config.endpoint())
                       .arg(config.offlineWaitMs() > 0
                                ? qMin(config.offlineWaitMs(),
                                       config.commandTimeoutMs() > 0 ? config.commandTimeoutMs()
                                                                     : config.offlineWaitMs())
                                : config.commandTimeoutMs())
                       .arg(why.isError() ? why.message() : QStringLiteral("still connecting")))));
    }
    qint64 next = offline.empty() ? 0 : offline.front().command.deadline;
    for (InFlight &command : inFlight) {
        if (command.timedOut)
            continue;
        if (!command.deadline || command.deadline > now) {
            if (command.deadline && (!next || command.deadline < next))
                next = command.deadline;
            break;
        }
        command.timedOut = true;
        finish(std::move(command.result),
               RedisReply::failure(RedisError(
                   RedisError::Code::CommandTimeout,
                   QStringLiteral("Redis at %1 did not answer within %2 ms (server busy or "
                                  "blocked?)")
                       .arg(link.endpoint())
                       .arg(config.commandTimeoutMs()))));
    }
    if (next) {
        timerDue = qMax(now, next);
        timeoutTimer.start(int(timerDue - now));
    }
}

void RedisClientPrivate::postDelivery()
{
    if (deliveryPosted || destroying || readingReplies)
        return;
    deliveryPosted = true;
    QMetaObject::invokeMethod(
        q, [this]() { deliver(); }, Qt::QueuedConnection);
}

void RedisClientPrivate::deliver()
{
    deliveryPosted = false;
    std::vector<Completion> batch;
    batch.swap(ready);
    // User code below may delete the client: after that, touch only the local batch.
    const QPointer<RedisClient> guard(q);
    for (Completion &completion : batch)
        completion.result.complete(completion.reply);
    if (guard && ready.empty()) {
        batch.clear();
        ready.swap(batch); // the next batch reuses this one's memory
    }
}

// --- RedisClient ---

RedisClient::RedisClient(const RedisConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<RedisClientPrivate>(this, config))
{
    qRegisterMetaType<RedisReply>();
    qRegisterMetaType<RedisError>();
}

RedisClient::~RedisClient()
{
    d.reset();
}

RedisConfig RedisClient::config() const
{
    return d->config;
}
RedisClient::State RedisClient::state() const
{
    return d->link.state();
}
RedisError RedisClient::lastError() const
{
    return d->link.lastError();
}
QString RedisClient::errorString() const
{
    return d->link.lastError().message();
}

void RedisClient::connectToServer()
{
    if (d->checkThread())
        d->link.open();
}

void RedisClient::disconnectFromServer()
{
    if (!d->checkThread())
        return;
    d->draining = true;
    d->closeIfDrained();
}

QFuture<RedisReply> RedisClient::execute(const QByteArrayList &args)
{
    PendingResult result;
    result.promise.emplace();
    result.promise->start();
    QFuture<RedisReply> future = result.promise->future();
    d->submit(args, std::move(result));
    return future;
}

void RedisClient::execute(const QByteArrayList &args, const QObject *context, Callback callback)
{
    Q_ASSERT_X(context, "RedisClient::execute", "a callback needs a context object");
    PendingResult result;
    result.context = context;
    result.callback = std::move(callback);
    d->submit(args, std::move(result));
}

namespace {
void submitTransaction(RedisClientPrivate *d, const QList<QByteArrayList> &commands,
                       PendingResult &&result)
{
    if (commands.isEmpty()) {
        d->finish(std::move(result),
                  RedisReply::failure(RedisError(RedisError::Code::InvalidCommand,
                                                 QStringLiteral("the transaction is empty"))));
        return;
    }
    d->submit({ "MULTI" }, PendingResult {});
    for (const QByteArrayList &command : commands)
        d->submit(command, PendingResult {});
    d->submit({ "EXEC" }, std::move(result));
}
} // namespace

QFuture<RedisReply> RedisClient::transaction(const QList<QByteArrayList> &commands)
{
    PendingResult result;
    result.promise.emplace();
    result.promise->start();
    QFuture<RedisReply> future = result.promise->future();
    submitTransaction(d.get(), commands, std::move(result));
    return future;
}

void RedisClient::transaction(const QList<QByteArrayList> &commands, const QObject *context,
                              Callback callback)
{
    PendingResult result;
    result.context = context;
    result.callback = std::move(callback);
    submitTransaction(d.get(), commands, std::move(result));
}

int RedisClient::pendingCount() const
{
    return int(d->inFlight.size() + d->offline.size());
}

} // namespace RediStore
