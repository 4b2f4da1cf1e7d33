#include "keyspacewatcher.h"

#include "errormessages.h"

#include <libredistore/redis/redispool.h>

namespace RediStore::Admin {

KeyspaceWatcher::KeyspaceWatcher(QObject *parent)
    : QObject(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(100);
    connect(&m_batchTimer, &QTimer::timeout, this, &KeyspaceWatcher::flush);
}

KeyspaceWatcher::~KeyspaceWatcher()
{
    delete m_subscriber;
}

QByteArray KeyspaceWatcher::channelPattern(int database, const QString &keyPrefix)
{
    QByteArray escaped;
    for (const char c : keyPrefix.toUtf8()) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return "__keyspace@" + QByteArray::number(database) + "__:" + escaped + '*';
}

bool KeyspaceWatcher::flagsSuffice(const QString &flags)
{
    if (!flags.contains(QLatin1Char('K')))
        return false;
    if (flags.contains(QLatin1Char('A')))
        return true;
    // generic (del, expire, persist), string (set), expired.
    return flags.contains(QLatin1Char('g')) && flags.contains(QLatin1Char('$'))
        && flags.contains(QLatin1Char('x'));
}

QString KeyspaceWatcher::flagsWithKeyspace(const QString &flags)
{
    QString result = flags;
    for (const QChar c : QStringLiteral("Kg$xe")) {
        if (!result.contains(c) && !(result.contains(QLatin1Char('A')) && c != QLatin1Char('K')))
            result += c;
    }
    return result;
}

bool KeyspaceWatcher::isRemoval(const QByteArray &event)
{
    return event == "del" || event == "expired" || event == "evicted" || event == "rename_from"
        || event == "move_from" || event == "unlink";
}

void KeyspaceWatcher::start(const RedisConfig &config, RedisPool *pool, const QString &keyPrefix)
{
    stop();
    m_config = config;
    m_pool = pool;
    m_pattern = channelPattern(config.database(), keyPrefix);
    m_channelPrefix
        = "__keyspace@" + QByteArray::number(config.database()) + "__:" + keyPrefix.toUtf8();
    m_subscriber = new RedisSubscriber(config);
    connect(m_subscriber, &RedisSubscriber::patternMessageReceived, this,
            &KeyspaceWatcher::onMessage);
    connect(m_subscriber, &RedisSubscriber::subscribed, this, [this](const QByteArray &pattern) {
        if (pattern != m_pattern)
            return;
        m_subscribed = true;
        if (m_status == Status::Checking && flagsSuffice(m_flags))
            setStatus(Status::Live);
    });
    m_subscriber->psubscribe({ m_pattern });
    recheck();
}

void KeyspaceWatcher::stop()
{
    ++m_token;
    if (m_subscriber) {
        m_subscriber->disconnect(this);
        m_subscriber->deleteLater();
        m_subscriber = nullptr;
    }
    m_pool = nullptr;
    m_subscribed = false;
    m_events.clear();
    m_batchTimer.stop();
    m_flags.clear();
    setStatus(Status::Off);
}

void KeyspaceWatcher::recheck()
{
    if (!m_pool)
        return;
    setStatus(Status::Checking);
    const quint64 token = m_token;
    m_pool->execute({ QByteArrayLiteral("CONFIG"), QByteArrayLiteral("GET"),
                      QByteArrayLiteral("notify-keyspace-events") },
                    this, [this, token](const RedisReply &reply) {
                        if (token != m_token)
                            return;
                        if (reply.isError() || reply.size() < 2) {
                            // No permission, or CONFIG renamed away (managed Redis).
                            setStatus(Status::Unavailable);
                            return;
                        }
                        m_flags = QString::fromLatin1(reply.at(1).data());
                        if (!flagsSuffice(m_flags))
                            setStatus(Status::Disabled);
                        else if (m_subscribed)
                            setStatus(Status::Live);
                        // else Live once the subscription is confirmed
                    });
}

void KeyspaceWatcher::enableNotifications()
{
    if (!m_pool)
        return;
    const quint64 token = m_token;
    const QString wanted = flagsWithKeyspace(m_flags);
    m_pool->execute({ QByteArrayLiteral("CONFIG"), QByteArrayLiteral("SET"),
                      QByteArrayLiteral("notify-keyspace-events"), wanted.toLatin1() },
                    this, [this, token](const RedisReply &reply) {
                        if (token != m_token)
                            return;
                        if (reply.isError()) {
                            Q_EMIT enableFailed(
                                ErrorMessages::forRedis(reply.error(), m_config.endpoint()));
                            return;
                        }
                        recheck();
                    });
}

void KeyspaceWatcher::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void KeyspaceWatcher::onMessage(const QByteArray &pattern, const QByteArray &channel,
                                const QByteArray &event)
{
    if (pattern != m_pattern || !channel.startsWith(m_channelPrefix))
        return;
    const QString id = QString::fromUtf8(channel.mid(m_channelPrefix.size()));
    m_events.insert(id, isRemoval(event));
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void KeyspaceWatcher::flush()
{
    QStringList changed, removed;
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it)
        (it.value() ? removed : changed) << it.key();
    m_events.clear();
    if (!removed.isEmpty())
        Q_EMIT sessionsRemoved(removed);
    if (!changed.isEmpty())
        Q_EMIT sessionsChanged(changed);
}

} // namespace RediStore::Admin
