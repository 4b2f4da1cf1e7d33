#include "redisclient.h"
#include "redisclient_p.h"
#include "replybuilder_p.h"
#include "socketnotifieradapter_p.h"

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QHostInfo>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <cstring>

namespace RediStore {

Q_LOGGING_CATEGORY(lcRedis, "redistore.redis")

namespace {

RedisClientPrivate *owner(const redisAsyncContext *context)
{
    return static_cast<RedisClientPrivate *>(context->data);
}

void replyCallback(redisAsyncContext *context, void *reply, void *)
{
    owner(context)->onReply(static_cast<redisReply *>(reply));
}

void handshakeCallback(redisAsyncContext *context, void *reply, void *)
{
    owner(context)->onHandshakeReply(static_cast<redisReply *>(reply));
}

void subscriptionCallback(redisAsyncContext *context, void *reply, void *)
{
    owner(context)->onSubscriptionReply(static_cast<redisReply *>(reply));
}

void connectCallback(const redisAsyncContext *context, int status)
{
    if (status == REDIS_OK)
        owner(context)->onConnected();
    else
        owner(context)->onConnectFailed();
}

bool isSubscriptionCommand(const QByteArray &name)
{
    static const QByteArrayList reserved
        = { "subscribe", "psubscribe", "unsubscribe", "punsubscribe", "monitor" };
    for (const QByteArray &word : reserved) {
        if (name.size() == word.size() && name.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
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
{
    clock.start();
    timeoutTimer.setSingleShot(true);
    connectTimer.setSingleShot(true);
    reconnectTimer.setSingleShot(true);
    QObject::connect(&timeoutTimer, &QTimer::timeout, q, [this]() { onTimeoutTimer(); });
    QObject::connect(&connectTimer, &QTimer::timeout, q, [this]() {
        failConnection(RedisError(RedisError::Code::ConnectTimeout,
                                  QStringLiteral("could not connect to Redis at %1 within %2 ms")
                                      .arg(config.endpoint())
                                      .arg(config.connectTimeoutMs())));
    });
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this]() { connectNow(); });
}

RedisClientPrivate::~RedisClientPrivate()
{
    destroying = true;
    timeoutTimer.stop();
    connectTimer.stop();
    reconnectTimer.stop();
    if (hostLookupId >= 0)
        QHostInfo::abortHostLookup(hostLookupId);
    // hiredis runs every pending callback with a NULL reply, then the cleanup hook.
    if (context)
        redisAsyncFree(context);
    const RedisError gone(RedisError::Code::ClientDestroyed,
                          QStringLiteral("the Redis client was deleted before the reply came"));
    failInFlight(gone); // into ready: nothing is posted while destroying
    for (Queued &queued : offline)
        ready.push_back({ std::move(queued.command.result), RedisReply::failure(gone) });
    offline.clear();
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

void RedisClientPrivate::setState(RedisClient::State newState)
{
    if (state == newState)
        return;
    state = newState;
    QMetaObject::invokeMethod(
        q,
        [client = q, newState]() {
            Q_EMIT client->stateChanged(newState);
            if (newState == RedisClient::State::Connected)
                Q_EMIT client->connected();
        },
        Qt::QueuedConnection);
}

void RedisClientPrivate::setError(const RedisError &error)
{
    lastError = error;
    qCWarning(lcRedis, "%s: %s", qPrintable(error.codeName()), qPrintable(error.message()));
    QMetaObject::invokeMethod(
        q, [client = q, error]() { Q_EMIT client->errorOccurred(error); }, Qt::QueuedConnection);
}

void RedisClientPrivate::connectNow()
{
    if (!checkThread() || destroying || state != RedisClient::State::Disconnected)
        return;
    userDisconnect = false;
    handshakeFailed = false;
    pendingFailure = {};
    reconnectTimer.stop();
    if (auto valid = config.validate(); !valid) {
        setError(valid.error());
        failQueue(offline, valid.error());
        return;
    }
    setState(RedisClient::State::Connecting);
    if (config.connectTimeoutMs() > 0)
        connectTimer.start(config.connectTimeoutMs());
    if (config.transport() == RedisConfig::Transport::Unix) {
        startConnect(QString());
        return;
    }
    const QString host = config.host();
    if (QHostAddress address; address.setAddress(host)) {
        startConnect(address.toString());
        return;
    }
    // hiredis resolves names with a blocking getaddrinfo(): resolve them here instead.
    hostLookupId = QHostInfo::lookupHost(host, q, [this, host](const QHostInfo &info) {
        hostLookupId = -1;
        const QList<QHostAddress> addresses = info.addresses();
        if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
            failConnection(RedisError(RedisError::Code::HostNotFound,
                                      QStringLiteral("cannot resolve the Redis host '%1': %2")
                                          .arg(host, info.errorString())));
            return;
        }
        QHostAddress chosen = addresses.first();
        for (const QHostAddress &address : addresses) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                chosen = address;
                break;
            }
        }
        startConnect(chosen.toString());
    });
}

void RedisClientPrivate::startConnect(const QString &ip)
{
    // A new connection must not get the replies of the old one's commands: none is left
    // normally (hiredis failed each), but never let one wait for a reply on the new socket.
    failInFlight(RedisError(RedisError::Code::Disconnected,
                            QStringLiteral("lost the connection to Redis at %1 before the reply; "
                                           "the command may or may not have run")
                                .arg(config.endpoint())));
    lostReason.clear();
    redisAsyncContext *ac = nullptr;
    if (config.transport() == RedisConfig::Transport::Unix)
        ac = redisAsyncConnectUnix(QFile::encodeName(config.unixSocket()).constData());
    else
        ac = redisAsyncConnect(ip.toLatin1().constData(), config.port());
    if (!ac) {
        failConnection(RedisError(RedisError::Code::SocketError,
                                  QStringLiteral("cannot allocate a Redis connection")));
        return;
    }
    if (ac->err) {
        const QString reason = QString::fromLocal8Bit(ac->errstr);
        redisAsyncFree(ac);
        const bool refused = reason.contains(QLatin1String("refused"), Qt::CaseInsensitive)
            || reason.contains(QLatin1String("No such file"), Qt::CaseInsensitive);
        failConnection(RedisError(
            refused ? RedisError::Code::ConnectionRefused : RedisError::Code::SocketError,
            QStringLiteral("cannot connect to Redis at %1: %2").arg(config.endpoint(), reason)));
        return;
    }
    ReplyBuilder::install(ac->c.reader);
    ac->data = this;
    context = ac;
    adapter = new SocketNotifierAdapter(
        ac, [this]() { onContextGone(); },
        [this](bool reading) {
            // The replies of one read are delivered as soon as hiredis has returned: no
            // posted event and no extra trip through the event loop for the common case. The
            // adapter writes the commands sent from them when this returns.
            readingReplies = reading;
            if (!reading && (!ready.empty() || !messages.empty()))
                deliver(); // may delete this client
        },
        q);
    redisAsyncSetConnectCallback(ac, &connectCallback);
}

void RedisClientPrivate::onConnectFailed()
{
    const QString reason = QString::fromLocal8Bit(context->errstr);
    const bool refused = reason.contains(QLatin1String("refused"), Qt::CaseInsensitive);
    pendingFailure = RedisError(
        refused ? RedisError::Code::ConnectionRefused : RedisError::Code::SocketError,
        QStringLiteral("cannot connect to Redis at %1: %2%3")
            .arg(config.endpoint(), reason,
                 refused ? QStringLiteral(" (is redis-server running there?)") : QString()));
    // hiredis frees the context next; onContextGone() reports pendingFailure.
}

void RedisClientPrivate::onConnected()
{
    QList<QByteArrayList> steps;
    if (!config.password().isEmpty()) {
        QByteArrayList auth = { "AUTH" };
        if (!config.username().isEmpty())
            auth << config.username().toUtf8();
        auth << config.password().toUtf8();
        steps << auth;
    }
    if (config.database() != 0)
        steps << QByteArrayList { "SELECT", QByteArray::number(config.database()) };
    if (!config.clientName().isEmpty())
        steps << QByteArrayList { "CLIENT", "SETNAME", config.clientName().toUtf8() };
    if (steps.isEmpty()) {
        becomeReady();
        return;
    }
    handshakeRemaining = int(steps.size());
    handshakeError = {};
    for (const QByteArrayList &step : std::as_const(steps))
        sendRaw(step, &handshakeCallback, nullptr);
}

void RedisClientPrivate::onHandshakeReply(redisReply *reply)
{
    if (!reply)
        return; // the context is going away; onContextGone() reports why
    --handshakeRemaining;
    if (reply->type == REDIS_REPLY_ERROR && !handshakeError.isError()) {
        const QString text = QString::fromUtf8(reply->str, qsizetype(reply->len));
        if (text.startsWith(QLatin1String("WRONGPASS")) || text.startsWith(QLatin1String("NOAUTH"))
            || text.contains(QLatin1String("AUTH"), Qt::CaseInsensitive)) {
            handshakeError = RedisError(
                RedisError::Code::AuthenticationFailed,
                QStringLiteral("Redis at %1 refused the credentials%2: %3. Check the user "
                               "name and password.")
                    .arg(config.endpoint(),
                         config.username().isEmpty()
                             ? QString()
                             : QStringLiteral(" of user '%1'").arg(config.username()),
                         text));
        } else if (text.contains(QLatin1String("DB index"), Qt::CaseInsensitive)) {
            handshakeError = RedisError(RedisError::Code::SelectFailed,
                                        QStringLiteral("Redis at %1 has no database %2: %3")
                                            .arg(config.endpoint())
                                            .arg(config.database())
                                            .arg(text));
        } else {
            handshakeError = RedisError(RedisError::Code::ServerError,
                                        QStringLiteral("Redis at %1 refused the connection "
                                                       "setup: %2")
                                            .arg(config.endpoint(), text));
        }
    }
    if (handshakeRemaining > 0)
        return;
    if (handshakeError.isError()) {
        pendingFailure = handshakeError;
        handshakeFailed = true;
        redisAsyncDisconnect(context);
        return;
    }
    becomeReady();
}

void RedisClientPrivate::becomeReady()
{
    connectTimer.stop();
    reconnectAttempt = 0;
    lastError = {};
    setState(RedisClient::State::Connected);
    if (!channelSet.isEmpty())
        sendSubscriptions("SUBSCRIBE", channelSet);
    if (!patternSet.isEmpty())
        sendSubscriptions("PSUBSCRIBE", patternSet);
    while (!offline.empty() && context) {
        Queued queued = std::move(offline.front());
        offline.pop_front();
        send(queued.args, std::move(queued.command));
    }
}

void RedisClientPrivate::failConnection(const RedisError &error)
{
    if (hostLookupId >= 0) {
        QHostInfo::abortHostLookup(hostLookupId);
        hostLookupId = -1;
    }
    if (context) {
        // Tear the context down; onContextGone() finishes the job with this error.
        pendingFailure = error;
        redisAsyncFree(context);
        return;
    }
    connectTimer.stop();
    setState(RedisClient::State::Disconnected);
    setError(error);
    if (config.autoReconnect() && !userDisconnect)
        scheduleReconnect();
    else
        failQueue(offline, error);
}

void RedisClientPrivate::onContextGone()
{
    const bool wasConnected = state == RedisClient::State::Connected;
    RedisError why = pendingFailure;
    if (!why.isError() && context && context->err) {
        why = RedisError(RedisError::Code::Disconnected,
                         QStringLiteral("lost the connection to Redis at %1: %2")
                             .arg(config.endpoint(), QString::fromLocal8Bit(context->errstr)));
    }
    lostReason = context && context->err ? QString::fromLocal8Bit(context->errstr) : QString();
    context = nullptr;
    adapter = nullptr;
    pendingFailure = {};
    if (destroying)
        return;
    connectTimer.stop();
    // Each command still in flight gets its NULL reply from hiredis (onReply), which fails it:
    // hiredis 0.14 runs those callbacks before this hook, 1.x (on a lost connection) after it.
    setState(RedisClient::State::Disconnected);
    if (wasConnected) {
        QMetaObject::invokeMethod(
            q, [client = q]() { Q_EMIT client->disconnected(); }, Qt::QueuedConnection);
    }
    if (!why.isError() && !userDisconnect) {
        why = RedisError(
            RedisError::Code::Disconnected,
            QStringLiteral("Redis at %1 closed the connection").arg(config.endpoint()));
    }
    if (why.isError())
        setError(why);
    if (userDisconnect) {
        failQueue(offline,
                  RedisError(RedisError::Code::NotConnected,
                             QStringLiteral("the connection was closed by the client")));
    } else if (handshakeFailed || !config.autoReconnect()) {
        failQueue(offline, why);
    } else {
        scheduleReconnect();
    }
}

void RedisClientPrivate::scheduleReconnect()
{
    const int shift = qMin(reconnectAttempt, 16);
    ++reconnectAttempt;
    qint64 delay = qint64(config.reconnectMinDelayMs()) << shift;
    delay = qMin<qint64>(delay, config.reconnectMaxDelayMs());
    // Up to 20% jitter, so that many clients do not reconnect in lockstep.
    delay += QRandomGenerator::global()->bounded(int(delay / 5) + 1);
    qCDebug(lcRedis, "reconnecting to %s in %lld ms", qPrintable(config.endpoint()), delay);
    reconnectTimer.start(int(delay));
}

qint64 RedisClientPrivate::deadlineForNewCommand() const
{
    const int timeout = config.commandTimeoutMs();
    return timeout > 0 ? clock.elapsed() + timeout : 0;
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
    if (isSubscriptionCommand(args.first()) || !channelSet.isEmpty() || !patternSet.isEmpty()) {
        finish(std::move(result),
               RedisReply::failure(RedisError(
                   RedisError::Code::InvalidCommand,
                   QStringLiteral("%1: pub/sub goes through subscribe() and psubscribe(), "
                                  "on a client that runs no other commands")
                       .arg(QString::fromUtf8(args.first())))));
        return;
    }
    InFlight command { std::move(result), deadlineForNewCommand(), false };
    if (state == RedisClient::State::Connected && context) {
        send(args, std::move(command));
        return;
    }
    if (config.offlinePolicy() == RedisConfig::OfflinePolicy::FailFast) {
        const QString reason
            = lastError.isError() ? lastError.message() : QStringLiteral("not connected yet");
        finish(std::move(command.result),
               RedisReply::failure(RedisError(RedisError::Code::NotConnected,
                                              QStringLiteral("not connected to Redis at %1: %2")
                                                  .arg(config.endpoint(), reason))));
    } else if (int(offline.size()) >= config.offlineQueueLimit()) {
        finish(std::move(command.result),
               RedisReply::failure(RedisError(
                   RedisError::Code::QueueFull,
                   QStringLiteral("%1 commands are already waiting for the connection to %2")
                       .arg(offline.size())
                       .arg(config.endpoint()))));
    } else {
        const qint64 deadline = command.deadline;
        offline.push_back({ args, std::move(command) });
        if (deadline)
            armTimeoutTimer(deadline);
    }
    if (state == RedisClient::State::Disconnected && !reconnectTimer.isActive())
        connectNow();
}

namespace {

char *appendDecimal(char *out, size_t value)
{
    char digits[20];
    int n = 0;
    do {
        digits[n++] = char('0' + value % 10);
        value /= 10;
    } while (value);
    while (n)
        *out++ = digits[--n];
    return out;
}

// The most bytes formatCommand() writes for args.
qsizetype formattedSize(const QByteArrayList &args)
{
    qsizetype size = 1 + 20 + 2 + 1;
    for (const QByteArray &arg : args)
        size += 1 + 20 + 2 + arg.size() + 2;
    return size;
}

// The command in RESP: "*argc\r\n", then "$len\r\narg\r\n" for each argument, then a NUL
// that is not part of it (hiredis scans the arguments of (p)subscribe commands with strchr).
// Returns the length of the command.
qsizetype formatCommand(const QByteArrayList &args, char *begin)
{
    char *out = begin;
    *out++ = '*';
    out = appendDecimal(out, size_t(args.size()));
    *out++ = '\r';
    *out++ = '\n';
    for (const QByteArray &arg : args) {
        *out++ = '$';
        out = appendDecimal(out, size_t(arg.size()));
        *out++ = '\r';
        *out++ = '\n';
        if (!arg.isEmpty())
            std::memcpy(out, arg.constData(), size_t(arg.size()));
        out += arg.size();
        *out++ = '\r';
        *out++ = '\n';
    }
    *out = '\0';
    return out - begin;
}

} // namespace

bool RedisClientPrivate::sendRaw(const QByteArrayList &args,
                                 void (*callback)(redisAsyncContext *, void *, void *),
                                 void *privdata)
{
    // Formatted here, into a buffer reused for commands up to 64 KiB: hiredis copies it into
    // its output buffer.
    thread_local QByteArray reused;
    QByteArray large;
    const qsizetype size = formattedSize(args);
    QByteArray &buffer = size <= 64 * 1024 ? reused : large;
    if (buffer.size() < size)
        buffer.resize(size);
    const qsizetype length = formatCommand(args, buffer.data());
    return redisAsyncFormattedCommand(context, callback, privdata, buffer.constData(),
                                      size_t(length))
        == REDIS_OK;
}

bool RedisClientPrivate::send(const QByteArrayList &args, InFlight &&command)
{
    if (!sendRaw(args, &replyCallback, nullptr)) {
        finish(std::move(command.result),
               RedisReply::failure(RedisError(
                   RedisError::Code::Disconnected,
                   QStringLiteral("the connection to %1 is closing").arg(config.endpoint()))));
        return false;
    }
    const qint64 deadline = command.deadline;
    inFlight.push_back(std::move(command));
    if (deadline)
        armTimeoutTimer(deadline);
    return true;
}

void RedisClientPrivate::onReply(redisReply *reply)
{
    if (inFlight.empty()) {
        qCWarning(lcRedis, "a reply arrived for no command; dropped");
        return;
    }
    InFlight command = std::move(inFlight.front());
    inFlight.pop_front();
    if (command.timedOut)
        return; // its caller already has a CommandTimeout
    if (reply) {
        finish(std::move(command.result), ReplyBuilder::toReply(reply));
        return;
    }
    RedisError error;
    if (destroying) {
        error = RedisError(RedisError::Code::ClientDestroyed,
                           QStringLiteral("the Redis client was deleted before the reply came"));
    } else {
        QString reason
            = context && context->err ? QString::fromLocal8Bit(context->errstr) : lostReason;
        if (reason.isEmpty())
            reason = QStringLiteral("connection closed");
        error = RedisError(RedisError::Code::Disconnected,
                           QStringLiteral("lost the connection to Redis at %1 before the reply "
                                          "(%2); the command may or may not have run")
                               .arg(config.endpoint(), reason));
    }
    finish(std::move(command.result), RedisReply::failure(error));
}

void RedisClientPrivate::finish(PendingResult &&result, const RedisReply &reply)
{
    if (!result.promise && !result.callback)
        return; // a part of a transaction whose reply nobody waits for
    ready.push_back({ std::move(result), reply });
    if (!readingReplies)
        postDelivery();
}

void RedisClientPrivate::failQueue(std::deque<Queued> &queue, const RedisError &error)
{
    for (Queued &queued : queue)
        finish(std::move(queued.command.result), RedisReply::failure(error));
    queue.clear();
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
    // Deadlines only grow (one timeout for all commands), so an active timer already fires
    // early enough; onTimeoutTimer() re-arms it for the next one.
    if (!timeoutTimer.isActive())
        timeoutTimer.start(int(qMax<qint64>(0, deadline - clock.elapsed())));
}

void RedisClientPrivate::onTimeoutTimer()
{
    const qint64 now = clock.elapsed();
    const int timeout = config.commandTimeoutMs();
    while (!offline.empty() && offline.front().command.deadline
           && offline.front().command.deadline <= now) {
        Queued queued = std::move(offline.front());
        offline.pop_front();
        finish(std::move(queued.command.result),
               RedisReply::failure(
                   RedisError(RedisError::Code::CommandTimeout,
                              QStringLiteral("no connection to Redis at %1 within %2 ms: %3")
                                  .arg(config.endpoint())
                                  .arg(timeout)
                                  .arg(lastError.isError() ? lastError.message()
                                                           : QStringLiteral("still connecting")))));
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
                       .arg(config.endpoint())
                       .arg(timeout))));
    }
    if (next)
        timeoutTimer.start(int(qMax<qint64>(0, next - now)));
}

void RedisClientPrivate::sendSubscriptions(const char *command, const QSet<QByteArray> &names)
{
    if (!context || names.isEmpty())
        return;
    QByteArrayList args = { command };
    for (const QByteArray &name : names)
        args << name;
    sendRaw(args, &subscriptionCallback, nullptr);
}

void RedisClientPrivate::onSubscriptionReply(redisReply *reply)
{
    if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements < 3)
        return;
    auto text = [reply](size_t i) {
        const redisReply *element = reply->element[i];
        return element->type == REDIS_REPLY_STRING
            ? QByteArray(element->str, qsizetype(element->len))
            : QByteArray();
    };
    PubSubMessage message;
    message.kind = text(0);
    if (message.kind == "message") {
        message.channel = text(1);
        message.payload = text(2);
    } else if (message.kind == "pmessage" && reply->elements >= 4) {
        message.pattern = text(1);
        message.channel = text(2);
        message.payload = text(3);
    } else if (message.kind == "subscribe" || message.kind == "psubscribe") {
        message.channel = text(1);
    } else {
        return;
    }
    messages.push_back(std::move(message));
    postDelivery();
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
    std::vector<PubSubMessage> events;
    events.swap(messages);
    // User code below may delete the client: after that, touch only the local batch.
    const QPointer<RedisClient> guard(q);
    RedisClient *client = q;
    for (Completion &completion : batch)
        completion.result.complete(completion.reply);
    for (const PubSubMessage &event : events) {
        if (!guard)
            break;
        if (event.kind == "message")
            Q_EMIT client->messageReceived(event.channel, event.payload);
        else if (event.kind == "pmessage")
            Q_EMIT client->patternMessageReceived(event.pattern, event.channel, event.payload);
        else
            Q_EMIT client->subscribed(event.channel);
    }
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
    return d->state;
}
RedisError RedisClient::lastError() const
{
    return d->lastError;
}
QString RedisClient::errorString() const
{
    return d->lastError.message();
}

void RedisClient::connectToServer()
{
    d->connectNow();
}

void RedisClient::disconnectFromServer()
{
    if (!d->checkThread())
        return;
    d->userDisconnect = true;
    d->reconnectTimer.stop();
    d->connectTimer.stop();
    if (d->hostLookupId >= 0) {
        QHostInfo::abortHostLookup(d->hostLookupId);
        d->hostLookupId = -1;
    }
    if (d->context) {
        // Graceful: hiredis waits for the replies in flight, then frees the context.
        redisAsyncDisconnect(d->context);
        return;
    }
    d->setState(State::Disconnected);
    d->failQueue(d->offline,
                 RedisError(RedisError::Code::NotConnected,
                            QStringLiteral("the connection was closed by the client")));
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

QFuture<RedisReply> RedisClient::transaction(const QList<QByteArrayList> &commands)
{
    PendingResult result;
    result.promise.emplace();
    result.promise->start();
    QFuture<RedisReply> future = result.promise->future();
    if (commands.isEmpty()) {
        d->finish(std::move(result),
                  RedisReply::failure(RedisError(RedisError::Code::InvalidCommand,
                                                 QStringLiteral("the transaction is empty"))));
        return future;
    }
    d->submit({ "MULTI" }, PendingResult {});
    for (const QByteArrayList &command : commands)
        d->submit(command, PendingResult {});
    d->submit({ "EXEC" }, std::move(result));
    return future;
}

void RedisClient::transaction(const QList<QByteArrayList> &commands, const QObject *context,
                              Callback callback)
{
    PendingResult result;
    result.context = context;
    result.callback = std::move(callback);
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

int RedisClient::pendingCount() const
{
    return int(d->inFlight.size() + d->offline.size());
}

void RedisClient::subscribe(const QByteArrayList &channels)
{
    if (!d->checkThread())
        return;
    for (const QByteArray &channel : channels)
        d->channelSet.insert(channel);
    if (d->state == State::Connected)
        d->sendSubscriptions("SUBSCRIBE", QSet<QByteArray>(channels.begin(), channels.end()));
    else
        connectToServer();
}

void RedisClient::unsubscribe(const QByteArrayList &channels)
{
    if (!d->checkThread())
        return;
    for (const QByteArray &channel : channels)
        d->channelSet.remove(channel);
    if (d->state == State::Connected)
        d->sendSubscriptions("UNSUBSCRIBE", QSet<QByteArray>(channels.begin(), channels.end()));
}

void RedisClient::psubscribe(const QByteArrayList &patterns)
{
    if (!d->checkThread())
        return;
    for (const QByteArray &pattern : patterns)
        d->patternSet.insert(pattern);
    if (d->state == State::Connected)
        d->sendSubscriptions("PSUBSCRIBE", QSet<QByteArray>(patterns.begin(), patterns.end()));
    else
        connectToServer();
}

void RedisClient::punsubscribe(const QByteArrayList &patterns)
{
    if (!d->checkThread())
        return;
    for (const QByteArray &pattern : patterns)
        d->patternSet.remove(pattern);
    if (d->state == State::Connected)
        d->sendSubscriptions("PUNSUBSCRIBE", QSet<QByteArray>(patterns.begin(), patterns.end()));
}

QByteArrayList RedisClient::channels() const
{
    return QByteArrayList(d->channelSet.begin(), d->channelSet.end());
}

QByteArrayList RedisClient::patterns() const
{
    return QByteArrayList(d->patternSet.begin(), d->patternSet.end());
}

} // namespace RediStore
