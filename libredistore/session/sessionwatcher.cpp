#include "sessionwatcher.h"

#include "sessionadmin_p.h"

#include <libredistore/async.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/redis/redissubscriber.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcSession)

namespace {

// Polling compares expiry times computed from PTTL replies that took a moment to arrive.
constexpr qint64 ttlToleranceMs = 1000;
constexpr int pollPageSize = 1000;

} // namespace

class SessionWatcherPrivate
{
public:
    struct Known
    {
        qint64 deadline = -1; // on clock; -1: no expiry
        qint64 size = 0;
    };

    explicit SessionWatcherPrivate(SessionWatcher *watcher)
        : q(watcher)
    { }

    void setMode(SessionWatcher::Mode newMode);
    void readSetting();
    void applySetting(const RedisReply &reply);
    void listen();
    void subscribeTo(const RedisConfig &config);
    void dropSubscriber();
    void goPolling();
    void startPoll();
    void pollStep(const QByteArray &cursor, quint64 token);
    void finishPoll();
    void schedulePoll();
    void onMessage(const QByteArray &pattern, const QByteArray &channel, const QByteArray &event);

    SessionWatcher *q;
    QPointer<SessionAdmin> admin;
    QByteArray prefix;
    QByteArray pattern; // "__keyspace@0__:session_*", the prefix escaped
    QByteArray channelPrefix; // "__keyspace@0__:"
    SessionWatcher::Mode mode = SessionWatcher::Mode::Off;
    SessionWatcher::Notifications notifications = SessionWatcher::Notifications::Unknown;
    QString flags;
    // One per master: keyspace events are each node's own. Empty while not listening.
    std::vector<std::unique_ptr<RedisSubscriber>> subscribers;
    bool listening = false;
    QMetaObject::Connection topologyConnection;
    quint64 checkToken = 0;

    int pollInterval = 2000;
    QTimer pollTimer;
    QElapsedTimer clock;
    quint64 pollToken = 0;
    bool pollRunning = false;
    bool haveBaseline = false;
    QHash<QString, Known> known;
    QHash<QString, Known> fresh;
};

// --- what the events mean ---

std::optional<SessionWatcher::Event> SessionWatcher::eventFor(const QByteArray &notification)
{
    static const QHash<QByteArray, Event> events {
        { "set", Event::Written },         { "setrange", Event::Written },
        { "append", Event::Written },      { "incrby", Event::Written },
        { "incrbyfloat", Event::Written }, { "restore", Event::Written },
        { "rename_to", Event::Written },   { "move_to", Event::Written },
        { "copy_to", Event::Written },     { "expire", Event::TtlChanged },
        { "persist", Event::TtlChanged },  { "del", Event::Deleted },
        { "unlink", Event::Deleted },      { "rename_from", Event::Deleted },
        { "move_from", Event::Deleted },   { "expired", Event::Expired },
        { "evicted", Event::Evicted },
    };
    if (notification == "new" || notification == "keymiss")
        return std::nullopt;
    return events.value(notification, Event::Written);
}

bool SessionWatcher::isRemoval(Event event)
{
    return event == Event::Deleted || event == Event::Expired || event == Event::Evicted;
}

bool SessionWatcher::flagsSuffice(const QString &flags)
{
    if (!flags.contains(QLatin1Char('K')))
        return false;
    if (flags.contains(QLatin1Char('A')))
        return true;
    // generic (del, expire, persist, rename), string (set), expired.
    return flags.contains(QLatin1Char('g')) && flags.contains(QLatin1Char('$'))
        && flags.contains(QLatin1Char('x'));
}

QString SessionWatcher::flagsWithKeyspace(const QString &flags)
{
    QString result = flags;
    for (const QChar c : QStringLiteral("Kg$xe")) {
        if (!result.contains(c) && !(result.contains(QLatin1Char('A')) && c != QLatin1Char('K')))
            result += c;
    }
    return result;
}

// --- SessionWatcherPrivate ---

void SessionWatcherPrivate::setMode(SessionWatcher::Mode newMode)
{
    if (mode == newMode)
        return;
    mode = newMode;
    Q_EMIT q->modeChanged(newMode);
}

void SessionWatcherPrivate::readSetting()
{
    if (!admin)
        return;
    const quint64 token = ++checkToken;
    QPointer<SessionWatcher> watcher(q);
    SessionAdminPrivate::get(admin)->execute({ "CONFIG", "GET", "notify-keyspace-events" },
                                             [this, watcher, token](const RedisReply &reply) {
                                                 if (watcher && token == checkToken
                                                     && mode != SessionWatcher::Mode::Off)
                                                     applySetting(reply);
                                             });
}

void SessionWatcherPrivate::applySetting(const RedisReply &reply)
{
    if (reply.isError() || reply.size() < 2) {
        // No permission, or CONFIG renamed away (managed Redis).
        qCDebug(lcSession, "notify-keyspace-events cannot be read: %s",
                qPrintable(reply.toDisplayString()));
        notifications = SessionWatcher::Notifications::Unreadable;
        flags.clear();
        goPolling();
        return;
    }
    flags = QString::fromLatin1(reply.at(1).data());
    if (!SessionWatcher::flagsSuffice(flags)) {
        notifications = SessionWatcher::Notifications::Disabled;
        goPolling();
        return;
    }
    notifications = SessionWatcher::Notifications::Enabled;
    listen();
}

void SessionWatcherPrivate::listen()
{
    if (listening || !admin)
        return; // subscribed, or on its way
    SessionAdminPrivate *gateway = SessionAdminPrivate::get(admin);
    const RedisConfig config = gateway->config;
    channelPrefix = "__keyspace@" + QByteArray::number(config.database()) + "__:";
    pattern = channelPrefix + globEscape(prefix) + '*';
    listening = true;
    RedisPool *pool = gateway->pool;
    if (!pool || pool->topology() != RedisConfig::Topology::Cluster) {
        subscribeTo(config);
        return;
    }
    // A cluster: every master's events, and again on the new masters after a failover.
    if (!topologyConnection) {
        topologyConnection = QObject::connect(pool, &RedisPool::topologyChanged, q, [this]() {
            if (!listening)
                return;
            dropSubscriber();
            listen();
        });
    }
    const QPointer<RedisPool> cluster(pool);
    pool->whenTopologyKnown(q, [this, cluster](const RedisError &error) {
        if (!cluster || !listening || !subscribers.empty())
            return;
        if (error.isError()) {
            Q_EMIT q->errorOccurred(SessionError::fromRedis(error, QStringLiteral("PSUBSCRIBE")));
            goPolling();
            return;
        }
        const QList<RedisConfig> masters = cluster->masters();
        for (const RedisConfig &master : masters)
            subscribeTo(master);
    });
}

void SessionWatcherPrivate::subscribeTo(const RedisConfig &config)
{
    subscribers.push_back(std::make_unique<RedisSubscriber>(config));
    RedisSubscriber *subscriber = subscribers.back().get();
    QObject::connect(subscriber, &RedisSubscriber::patternMessageReceived, q,
                     [this](const QByteArray &subscribed, const QByteArray &channel,
                            const QByteArray &event) { onMessage(subscribed, channel, event); });
    QObject::connect(subscriber, &RedisSubscriber::subscribed, q,
                     [this](const QByteArray &confirmed) {
                         if (confirmed != pattern)
                             return;
                         // Confirmed again after a reconnect: events may have been lost.
                         pollTimer.stop();
                         ++pollToken;
                         pollRunning = false;
                         haveBaseline = false;
                         known.clear();
                         setMode(SessionWatcher::Mode::Listening);
                         Q_EMIT q->resyncNeeded();
                     });
    QObject::connect(
        subscriber, &RedisSubscriber::errorOccurred, q, [this](const RedisError &error) {
            if (error.code() != RedisError::Code::ServerError)
                return; // the subscriber reconnects by itself
            // PSUBSCRIBE refused (an ACL without pub/sub): poll instead.
            Q_EMIT q->errorOccurred(SessionError::fromRedis(error, QStringLiteral("PSUBSCRIBE")));
            goPolling();
        });
    subscriber->psubscribe({ pattern });
}

void SessionWatcherPrivate::dropSubscriber()
{
    listening = false;
    for (auto &subscriber : subscribers) {
        subscriber->disconnect(q);
        // It may be the one calling us: delete it when the event loop is back.
        subscriber.release()->deleteLater();
    }
    subscribers.clear();
}

void SessionWatcherPrivate::goPolling()
{
    dropSubscriber();
    const bool wasPolling = mode == SessionWatcher::Mode::Polling;
    setMode(SessionWatcher::Mode::Polling);
    if (!wasPolling || (!pollRunning && !pollTimer.isActive()))
        startPoll();
}

void SessionWatcherPrivate::startPoll()
{
    pollTimer.stop();
    if (pollInterval <= 0 || !admin || pollRunning || mode != SessionWatcher::Mode::Polling)
        return;
    pollRunning = true;
    fresh.clear();
    pollStep(QByteArrayLiteral("0"), ++pollToken);
}

void SessionWatcherPrivate::pollStep(const QByteArray &cursor, quint64 token)
{
    if (!admin) {
        pollRunning = false;
        return;
    }
    whenFinished(admin->scan(cursor, pollPageSize), q, [this, token](const SessionPage &page) {
        if (token != pollToken)
            return;
        if (!page.ok()) {
            pollRunning = false;
            fresh.clear();
            Q_EMIT q->errorOccurred(page.error);
            if (token == pollToken)
                schedulePoll();
            return;
        }
        if (page.restarted)
            fresh.clear(); // the cluster's masters changed: this pass began again
        const qint64 now = clock.elapsed();
        for (const SessionInfo &info : page.sessions) {
            if (info.ttlMs == -2)
                continue; // gone between SCAN and PTTL
            fresh.insert(info.id, { info.ttlMs >= 0 ? now + info.ttlMs : -1, info.size });
        }
        if (page.finished)
            finishPoll();
        else
            pollStep(page.nextCursor, token);
    });
}

void SessionWatcherPrivate::finishPoll()
{
    const quint64 token = pollToken;
    pollRunning = false;
    QHash<QString, Known> previous = std::move(known);
    known = std::move(fresh);
    fresh.clear();
    const bool first = !haveBaseline;
    haveBaseline = true;
    if (first) {
        Q_EMIT q->resyncNeeded();
    } else {
        const qint64 now = clock.elapsed();
        for (auto it = known.cbegin(); it != known.cend() && token == pollToken; ++it) {
            const auto before = previous.constFind(it.key());
            if (before == previous.cend() || before->size != it->size) {
                Q_EMIT q->sessionChanged(it.key(), SessionWatcher::Event::Written);
            } else if ((before->deadline < 0) != (it->deadline < 0)
                       || qAbs(before->deadline - it->deadline) > ttlToleranceMs) {
                Q_EMIT q->sessionChanged(it.key(), SessionWatcher::Event::TtlChanged);
            }
        }
        for (auto it = previous.cbegin(); it != previous.cend() && token == pollToken; ++it) {
            if (known.contains(it.key()))
                continue;
            const bool expired = it->deadline >= 0 && it->deadline <= now + ttlToleranceMs;
            Q_EMIT q->sessionChanged(it.key(),
                                     expired ? SessionWatcher::Event::Expired
                                             : SessionWatcher::Event::Deleted);
        }
    }
    if (token != pollToken)
        return; // stopped or switched meanwhile
    Q_EMIT q->polled();
    if (token == pollToken)
        schedulePoll();
}

void SessionWatcherPrivate::schedulePoll()
{
    if (mode == SessionWatcher::Mode::Polling && pollInterval > 0)
        pollTimer.start(pollInterval);
}

void SessionWatcherPrivate::onMessage(const QByteArray &subscribed, const QByteArray &channel,
                                      const QByteArray &event)
{
    if (subscribed != pattern || !channel.startsWith(channelPrefix))
        return;
    const QByteArray key = channel.mid(channelPrefix.size());
    if (!isSessionKey(key, prefix))
        return;
    const auto kind = SessionWatcher::eventFor(event);
    if (kind)
        Q_EMIT q->sessionChanged(QString::fromUtf8(key.mid(prefix.size())), *kind);
}

// --- SessionWatcher ---

SessionWatcher::SessionWatcher(SessionAdmin *admin, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionWatcherPrivate>(this))
{
    d->admin = admin;
    if (admin) {
        d->prefix = admin->keyPrefix().toUtf8();
        connect(admin, &QObject::destroyed, this, &SessionWatcher::stop);
    }
    d->clock.start();
    d->pollTimer.setSingleShot(true);
    connect(&d->pollTimer, &QTimer::timeout, this, [this]() { d->startPoll(); });
}

SessionWatcher::~SessionWatcher()
{
    d->dropSubscriber();
}

SessionAdmin *SessionWatcher::admin() const
{
    return d->admin;
}

void SessionWatcher::start()
{
    stop();
    if (!d->admin)
        return;
    d->setMode(Mode::Checking);
    d->readSetting();
}

void SessionWatcher::stop()
{
    ++d->checkToken;
    ++d->pollToken;
    d->pollRunning = false;
    d->pollTimer.stop();
    d->haveBaseline = false;
    d->known.clear();
    d->fresh.clear();
    d->dropSubscriber();
    d->notifications = Notifications::Unknown;
    d->flags.clear();
    d->setMode(Mode::Off);
}

void SessionWatcher::recheck()
{
    if (d->mode != Mode::Off)
        d->readSetting();
}

SessionWatcher::Mode SessionWatcher::mode() const
{
    return d->mode;
}

SessionWatcher::Notifications SessionWatcher::notifications() const
{
    return d->notifications;
}

QString SessionWatcher::notificationFlags() const
{
    return d->flags;
}

int SessionWatcher::pollInterval() const
{
    return d->pollInterval;
}

void SessionWatcher::setPollInterval(int ms)
{
    ms = qMax(0, ms);
    if (d->pollInterval == ms)
        return;
    d->pollInterval = ms;
    if (d->mode != Mode::Polling)
        return;
    if (ms == 0)
        d->pollTimer.stop();
    else if (d->pollTimer.isActive())
        d->pollTimer.start(ms);
    else if (!d->pollRunning)
        d->startPoll();
}

QFuture<SessionChange> SessionWatcher::enableNotifications()
{
    if (!d->admin) {
        // No admin to deliver through: this watcher delivers, and should it go first, the
        // call finishes with the refusal as it is dropped.
        auto call = std::make_shared<SessionCall<SessionChange>>();
        SessionChange refused;
        refused.error = SessionError(SessionError::Code::InvalidOption,
                                     QStringLiteral("the watcher has no session admin"));
        call->setPending(refused);
        QMetaObject::invokeMethod(
            this, [call]() { call->deliverPending(); }, Qt::QueuedConnection);
        return call->future();
    }
    SessionAdminPrivate *admin = SessionAdminPrivate::get(d->admin);
    if (admin->readOnly)
        return admin->refuse<SessionChange>(admin->readOnlyError());
    auto call = admin->newCall<SessionChange>();
    QPointer<SessionWatcher> watcher(this);
    // The current flags, read again: only what is missing is added.
    admin->execute(
        { "CONFIG", "GET", "notify-keyspace-events" },
        [admin, call, watcher](const RedisReply &current) {
            if (current.isError() || current.size() < 2) {
                call->fail(SessionError::fromRedis(
                    current.isError()
                        ? current.error()
                        : RedisError(RedisError::Code::UnexpectedReply, current.toDisplayString()),
                    QStringLiteral("CONFIG GET")));
                return;
            }
            const QString wanted = flagsWithKeyspace(QString::fromLatin1(current.at(1).data()));
            // On every master of a cluster: each sends its own keyspace events.
            admin->onEveryMaster({ "CONFIG", "SET", "notify-keyspace-events", wanted.toLatin1() },
                                 [call, watcher](const QList<RedisReply> &replies) {
                                     SessionChange change;
                                     for (const RedisReply &reply : replies) {
                                         if (reply.isError() && !change.error.isError()) {
                                             change.error = SessionError::fromRedis(
                                                 reply.error(), QStringLiteral("CONFIG SET"));
                                         } else if (!reply.isError()) {
                                             ++change.affected;
                                         }
                                     }
                                     call->finish(change);
                                     if (watcher && change.ok())
                                         watcher->recheck();
                                 });
        });
    return call->future();
}

} // namespace RediStore
