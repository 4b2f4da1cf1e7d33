#include "clusterrouter_p.h"

#include <QtCore/QLoggingCategory>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

using namespace ClusterSlots;

namespace {

RedisReply failure(RedisError::Code code, const QString &message)
{
    return RedisReply::failure(RedisError(code, message));
}

// The command was never sent: trying it elsewhere is always safe.
bool neverSent(RedisError::Code code)
{
    switch (code) {
    case RedisError::Code::NotConnected:
    case RedisError::Code::ConnectionRefused:
    case RedisError::Code::HostNotFound:
    case RedisError::Code::ConnectTimeout:
    case RedisError::Code::QueueFull:
    case RedisError::Code::SocketError:
    case RedisError::Code::TlsHandshakeFailed:
        return true;
    default:
        return false;
    }
}

// The connection went away (or stopped answering) with the command in flight.
bool mayHaveRun(RedisError::Code code)
{
    return code == RedisError::Code::Disconnected || code == RedisError::Code::CommandTimeout;
}

QString commandName(const QByteArrayList &args)
{
    return args.isEmpty() ? QString() : QString::fromLatin1(args.first()).toUpper();
}

QByteArrayList waitCommand(const ReplicaAcks &acks)
{
    return { QByteArrayLiteral("WAIT"), QByteArray::number(acks.replicas),
             QByteArray::number(acks.timeoutMs) };
}

RedisReply checkAcks(const RedisReply &reply, const RedisReply &ack, const ReplicaAcks &acks)
{
    if (ack.isError()) {
        return failure(RedisError::Code::ReplicaAckTimeout,
                       QStringLiteral("the write was made on the master, but WAIT failed: %1")
                           .arg(ack.error().message()));
    }
    if (ack.toInteger() < acks.replicas) {
        return failure(RedisError::Code::ReplicaAckTimeout,
                       QStringLiteral("the write was made on the master, but %1 of %2 replicas "
                                      "confirmed it within %3 ms")
                           .arg(ack.toInteger())
                           .arg(acks.replicas)
                           .arg(acks.timeoutMs));
    }
    return reply;
}

} // namespace

void executeOnClient(RedisClient *client, const QByteArrayList &args, const ReplicaAcks &acks,
                     const QObject *context, RedisClient::Callback callback)
{
    if (acks.replicas <= 0 || !isWrite(args)) {
        client->execute(args, context, std::move(callback));
        return;
    }
    const QPointer<RedisClient> same(client);
    client->execute(args, context, [same, acks, context, callback](const RedisReply &reply) {
        if (reply.isError() || !same) {
            callback(reply);
            return;
        }
        // On the same connection: WAIT counts the replicas that have this connection's writes.
        same->execute(waitCommand(acks), context, [reply, acks, callback](const RedisReply &ack) {
            callback(checkAcks(reply, ack, acks));
        });
    });
}

void transactionOnClient(RedisClient *client, const QList<QByteArrayList> &commands,
                         const ReplicaAcks &acks, const QObject *context,
                         RedisClient::Callback callback)
{
    if (acks.replicas <= 0) {
        client->transaction(commands, context, std::move(callback));
        return;
    }
    const QPointer<RedisClient> same(client);
    client->transaction(commands, context,
                        [same, acks, context, callback](const RedisReply &reply) {
                            if (reply.isError() || !same) {
                                callback(reply);
                                return;
                            }
                            same->execute(waitCommand(acks), context,
                                          [reply, acks, callback](const RedisReply &ack) {
                                              callback(checkAcks(reply, ack, acks));
                                          });
                        });
}

struct ClusterRouter::Command
{
    QByteArrayList args;
    QList<QByteArrayList> transaction;
    bool isTransaction = false;
    std::optional<RedisNodeAddress> fixedNode; // executeOn: no routing, no redirects
    std::optional<RedisNodeAddress> ask; // the next try goes there, after ASKING
    QPointer<const QObject> context;
    RedisClient::Callback callback;
    int tries = 0;
    bool done = false;

    QString name() const
    {
        return isTransaction ? QStringLiteral("MULTI/EXEC") : commandName(args);
    }
};

ClusterRouter::ClusterRouter(const RedisConfig &config, RedisPool *owner)
    : QObject(owner)
    , m_config(config)
{
    m_slots.fill(-1);
    m_clock.start();
    m_refreshTimer.setParent(this);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this]() { refresh(); });
    m_periodicTimer.setParent(this);
    connect(&m_periodicTimer, &QTimer::timeout, this, [this]() { refresh(); });
    m_periodicTimer.start(periodicRefreshMs);
}

ClusterRouter::~ClusterRouter()
{
    const RedisReply gone = failure(RedisError::Code::ClientDestroyed,
                                    QStringLiteral("the Redis pool was deleted before the reply "
                                                   "came"));
    const auto pending = m_pending;
    for (const CommandPtr &command : pending) {
        command->done = true;
        if (!command->callback || !command->context)
            continue;
        if (command->context == this) {
            command->callback(gone); // a future's promise: finished here
        } else {
            QMetaObject::invokeMethod(
                const_cast<QObject *>(command->context.data()),
                [callback = command->callback, gone]() { callback(gone); }, Qt::QueuedConnection);
        }
    }
    m_pending.clear();
    for (const auto &[context, callback] : m_mapWaiters) {
        if (context && context != this) {
            QMetaObject::invokeMethod(
                const_cast<QObject *>(context.data()),
                [callback]() {
                    callback(RedisError(RedisError::Code::ClientDestroyed,
                                        QStringLiteral("the Redis pool was deleted")));
                },
                Qt::QueuedConnection);
        }
    }
}

void ClusterRouter::setPoolLimits(int maxConnections, int idleTimeoutMs, int pipelineDepth)
{
    m_maxConnections = maxConnections;
    m_idleTimeoutMs = idleTimeoutMs;
    m_pipelineDepth = pipelineDepth;
    for (RedisPool *pool : std::as_const(m_pools)) {
        pool->setMaxConnections(maxConnections);
        pool->setIdleTimeoutMs(idleTimeoutMs);
        pool->setPipelineDepth(pipelineDepth);
    }
}

int ClusterRouter::connectionCount() const
{
    int count = 0;
    for (const RedisPool *pool : std::as_const(m_pools))
        count += pool->connectionCount();
    return count;
}

RedisPool *ClusterRouter::poolFor(const RedisNodeAddress &node)
{
    const QString key = node.toString();
    if (RedisPool *pool = m_pools.value(key))
        return pool;
    auto *pool = new RedisPool(m_config.forNode(node), this);
    pool->setMaxConnections(m_maxConnections);
    pool->setIdleTimeoutMs(m_idleTimeoutMs);
    pool->setPipelineDepth(m_pipelineDepth);
    connect(pool, &RedisPool::errorOccurred, this, &ClusterRouter::errorOccurred);
    m_pools.insert(key, pool);
    return pool;
}

RedisClient *ClusterRouter::acquire(const RedisNodeAddress &node)
{
    return poolFor(node)->acquire();
}

RedisClient *ClusterRouter::acquireAny()
{
    return acquire(m_masters.isEmpty() ? m_config.seeds().value(0) : m_masters.first());
}

void ClusterRouter::execute(const QByteArrayList &args, const QObject *context,
                            RedisClient::Callback callback)
{
    auto command = std::make_shared<Command>();
    command->args = args;
    command->context = context;
    command->callback = std::move(callback);
    m_pending.insert(command.get(), command);
    dispatch(command);
}

void ClusterRouter::transaction(const QList<QByteArrayList> &commands, const QObject *context,
                                RedisClient::Callback callback)
{
    auto command = std::make_shared<Command>();
    command->transaction = commands;
    command->isTransaction = true;
    command->context = context;
    command->callback = std::move(callback);
    m_pending.insert(command.get(), command);
    dispatch(command);
}

void ClusterRouter::executeOn(const RedisNodeAddress &node, const QByteArrayList &args,
                              const QObject *context, RedisClient::Callback callback)
{
    auto command = std::make_shared<Command>();
    command->args = args;
    command->fixedNode = node;
    command->context = context;
    command->callback = std::move(callback);
    m_pending.insert(command.get(), command);
    dispatch(command);
}

void ClusterRouter::whenMapKnown(const QObject *context,
                                 std::function<void(const RedisError &)> callback)
{
    if (m_mapKnown) {
        QMetaObject::invokeMethod(
            const_cast<QObject *>(context), [callback]() { callback(RedisError()); },
            Qt::QueuedConnection);
        return;
    }
    m_mapWaiters.emplace_back(context, std::move(callback));
    if (!m_refreshing)
        startRefresh();
}

int ClusterRouter::commandSlot(const CommandPtr &command, RedisError *error) const
{
    QByteArrayList keys;
    if (command->isTransaction) {
        for (const QByteArrayList &part : std::as_const(command->transaction))
            keys << keysOf(part);
    } else {
        keys = keysOf(command->args);
    }
    int slot = -1;
    for (const QByteArray &key : std::as_const(keys)) {
        const int keySlot = slotOf(key);
        if (slot >= 0 && keySlot != slot) {
            *error = RedisError(RedisError::Code::CrossSlot,
                                QStringLiteral("%1 touches keys in different slots of the "
                                               "cluster (%2 and %3); use a {hash tag} to keep "
                                               "them together")
                                    .arg(command->name())
                                    .arg(slot)
                                    .arg(keySlot));
            return -1;
        }
        slot = keySlot;
    }
    return slot;
}

void ClusterRouter::dispatch(const CommandPtr &command)
{
    if (command->done)
        return;
    if (command->fixedNode) {
        send(command, *command->fixedNode);
        return;
    }
    if (!m_mapKnown) {
        m_afterRefresh.push_back(command);
        if (!m_refreshing)
            startRefresh();
        return;
    }
    if (command->ask) {
        send(command, *command->ask);
        return;
    }
    RedisError error;
    const int slot = commandSlot(command, &error);
    if (error.isError()) {
        finishQueued(command, RedisReply::failure(error));
        return;
    }
    if (slot < 0) {
        // No key: any master will do.
        send(command, m_masters.isEmpty() ? m_config.seeds().value(0) : m_masters.first());
        return;
    }
    const int node = m_slots[slot];
    if (node < 0) {
        if (command->tries == 0) {
            ++command->tries;
            retryAfterRefresh(command);
            return;
        }
        finishQueued(command,
                     failure(RedisError::Code::ClusterSlotUnserved,
                             QStringLiteral("no node of the cluster serves slot %1 (%2); is "
                                            "the cluster missing a master?")
                                 .arg(slot)
                                 .arg(command->name())));
        return;
    }
    send(command, m_nodes[size_t(node)]);
}

void ClusterRouter::send(const CommandPtr &command, const RedisNodeAddress &node)
{
    RedisClient *client = acquire(node);
    auto onReply
        = [this, command, node](const RedisReply &reply) { handleReply(command, node, reply); };
    if (command->isTransaction) {
        transactionOnClient(client, command->transaction, m_acks, this, std::move(onReply));
        return;
    }
    if (command->ask) {
        // Back to back on one connection: ASKING holds for the next command only.
        client->execute({ QByteArrayLiteral("ASKING") }, this, [](const RedisReply &) {});
    }
    executeOnClient(client, command->args, m_acks, this, std::move(onReply));
}

void ClusterRouter::handleReply(const CommandPtr &command, const RedisNodeAddress &node,
                                const RedisReply &reply)
{
    if (command->done)
        return;
    if (!reply.isError() || command->fixedNode) {
        m_suspects.remove(node.toString());
        finish(command, reply);
        return;
    }
    command->ask.reset();
    const auto giveUp = [&](const QString &why) {
        finish(command,
               failure(RedisError::Code::ClusterRedirectLimit,
                       QStringLiteral("%1 gave up after %2 tries: %3")
                           .arg(command->name())
                           .arg(command->tries)
                           .arg(why)));
    };
    const Redirect redirect = redirectOf(reply, node);
    if (redirect.kind != Redirect::Kind::None) {
        if (++command->tries >= retryBudget) {
            giveUp(QString::fromUtf8(reply.data()));
            return;
        }
        if (redirect.kind == Redirect::Kind::Moved) {
            // The slot lives elsewhere now: patch it at once, and read the whole map again.
            qCDebug(lcRedis, "slot %d moved to %s", redirect.slot,
                    qPrintable(redirect.address.toString()));
            auto found = std::find(m_nodes.begin(), m_nodes.end(), redirect.address);
            if (found == m_nodes.end()) {
                m_nodes.push_back(redirect.address);
                found = m_nodes.end() - 1;
            }
            m_slots[redirect.slot] = qint16(found - m_nodes.begin());
            refresh();
            dispatch(command);
        } else if (command->isTransaction) {
            retryLater(command, 20 * command->tries);
        } else {
            command->ask = redirect.address; // this command only; the map stays
            dispatch(command);
        }
        return;
    }
    if (isServerError(reply, "CLUSTERDOWN") && reply.data().contains("not served")) {
        // "Hash slot not served": this node no longer has the slot (CLUSTER DELSLOTS, a slot
        // that moved while the map was read). Waiting does not help, the map does: the slot
        // has another master, or none (ClusterSlotUnserved).
        if (++command->tries >= retryBudget) {
            giveUp(QString::fromUtf8(reply.data()));
            return;
        }
        retryAfterRefresh(command);
        return;
    }
    if (isServerError(reply, "TRYAGAIN") || isServerError(reply, "CLUSTERDOWN")) {
        if (++command->tries >= retryBudget) {
            giveUp(QString::fromUtf8(reply.data()));
            return;
        }
        retryLater(command, qMin(50 << (command->tries - 1), 500));
        return;
    }
    if (isServerError(reply, "READONLY") || isServerError(reply, "EXECABORT")
        || isServerError(reply, "MASTERDOWN")) {
        // A demoted node, or a transaction refused (its commands were redirected).
        if (++command->tries >= retryBudget) {
            giveUp(QString::fromUtf8(reply.data()));
            return;
        }
        retryAfterRefresh(command);
        return;
    }
    const RedisError::Code code = reply.error().code();
    const bool resend = neverSent(code)
        || (mayHaveRun(code) && !command->isTransaction && isSafeToResend(command->args));
    if (neverSent(code) || mayHaveRun(code)) {
        // The node may have failed over: read the map from another node.
        m_suspects.insert(node.toString());
        refresh();
    }
    if (resend && ++command->tries < retryBudget) {
        retryAfterRefresh(command);
        return;
    }
    finish(command, reply);
}

void ClusterRouter::retryLater(const CommandPtr &command, int delayMs)
{
    QTimer::singleShot(delayMs, this, [this, command]() { dispatch(command); });
}

void ClusterRouter::retryAfterRefresh(const CommandPtr &command)
{
    m_afterRefresh.push_back(command);
    refresh();
}

void ClusterRouter::finish(const CommandPtr &command, const RedisReply &reply)
{
    if (command->done)
        return;
    command->done = true;
    m_pending.remove(command.get());
    if (command->callback && command->context)
        command->callback(reply);
}

void ClusterRouter::finishQueued(const CommandPtr &command, const RedisReply &reply)
{
    QMetaObject::invokeMethod(
        this, [this, command, reply]() { finish(command, reply); }, Qt::QueuedConnection);
}

void ClusterRouter::refresh()
{
    if (m_refreshing) {
        m_refreshWanted = true;
        return;
    }
    const qint64 since = m_clock.elapsed() - m_lastRefreshAt;
    if (since < minRefreshGapMs) {
        if (!m_refreshTimer.isActive())
            m_refreshTimer.start(int(minRefreshGapMs - since));
        return;
    }
    startRefresh();
}

void ClusterRouter::startRefresh()
{
    m_refreshing = true;
    m_refreshWanted = false;
    m_lastRefreshAt = m_clock.elapsed();
    m_refreshError = RedisError();
    // The masters as last seen (the most recently answering first), the other nodes, then the
    // seeds: a refused or lost node is asked last of all.
    m_sources.clear();
    auto add = [this](const RedisNodeAddress &node) {
        if (node.isValid() && !m_sources.contains(node))
            m_sources << node;
    };
    for (const RedisNodeAddress &master : std::as_const(m_masters)) {
        if (!m_suspects.contains(master.toString()))
            add(master);
    }
    for (const RedisNodeAddress &seed : m_config.seeds())
        add(seed);
    for (const RedisNodeAddress &node : m_nodes)
        add(node);
    for (const RedisNodeAddress &master : std::as_const(m_masters))
        add(master);
    askNextSource();
}

void ClusterRouter::askNextSource()
{
    if (m_sources.isEmpty()) {
        refreshDone(m_refreshError.isError()
                        ? RedisError(m_refreshError.code(),
                                     QStringLiteral("no node of the cluster gave its slot map: %1")
                                         .arg(m_refreshError.message()))
                        : RedisError(RedisError::Code::NotConnected,
                                     QStringLiteral("no node of the cluster to ask")));
        return;
    }
    const RedisNodeAddress source = m_sources.takeFirst();
    poolFor(source)->execute(
        { QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("SLOTS") }, this,
        [this, source](const RedisReply &reply) {
            auto ranges = parseSlots(reply, source);
            if (reply.isError() && reply.error().code() != RedisError::Code::ServerError)
                m_suspects.insert(source.toString());
            if (!ranges || ranges.value().isEmpty()) {
                m_refreshError = ranges
                    ? RedisError(RedisError::Code::ClusterSlotUnserved,
                                 QStringLiteral("%1 serves no slot").arg(source.toString()))
                    : ranges.error();
                askNextSource();
                return;
            }
            applyMap(ranges.value());
            refreshDone(RedisError());
        });
}

void ClusterRouter::applyMap(const QList<SlotRange> &ranges)
{
    m_slots.fill(-1);
    QList<RedisNodeAddress> masters;
    for (const SlotRange &range : ranges) {
        auto found = std::find(m_nodes.begin(), m_nodes.end(), range.master);
        if (found == m_nodes.end()) {
            m_nodes.push_back(range.master);
            found = m_nodes.end() - 1;
        }
        const auto node = qint16(found - m_nodes.begin());
        for (int slot = range.first; slot <= range.last; ++slot)
            m_slots[slot] = node;
        if (!masters.contains(range.master))
            masters << range.master;
    }
    std::sort(masters.begin(), masters.end(), [](const auto &a, const auto &b) {
        return a.host != b.host ? a.host < b.host : a.port < b.port;
    });
    m_mapKnown = true;
    if (masters != m_masters) {
        m_masters = masters;
        ++m_epoch;
        Q_EMIT topologyChanged();
    }
}

void ClusterRouter::refreshDone(const RedisError &error)
{
    m_refreshing = false;
    if (error.isError()) {
        qCDebug(lcRedis, "cluster map not read: %s", qPrintable(error.message()));
        Q_EMIT errorOccurred(error);
    }
    auto waiters = std::move(m_mapWaiters);
    m_mapWaiters.clear();
    for (const auto &[context, callback] : waiters) {
        if (context)
            callback(m_mapKnown ? RedisError() : error);
    }
    auto commands = std::move(m_afterRefresh);
    m_afterRefresh.clear();
    for (const CommandPtr &command : commands) {
        if (m_mapKnown || command->fixedNode)
            dispatch(command);
        else
            finish(command, RedisReply::failure(error));
    }
    if (m_refreshWanted)
        refresh();
}

} // namespace RediStore
