#ifndef REDISTORE_ADMIN_KEYSPACEWATCHER_H
#define REDISTORE_ADMIN_KEYSPACEWATCHER_H

#include <libredistore/redis/redispool.h>
#include <libredistore/redis/redissubscriber.h>

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace RediStore::Admin {

// Follows the sessions live through Redis keyspace notifications: a separate connection
// subscribes to __keyspace@<db>__:<prefix>*, and the events arrive as batches of changed and
// removed session IDs. Whether the server sends the events (notify-keyspace-events) is
// checked with CONFIG GET; turning them on (CONFIG SET) happens only when the user asks.
class KeyspaceWatcher : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Off, // not started
        Checking, // reading the server's setting
        Disabled, // the server does not send the events we need; enableNotifications() may help
        Unavailable, // the setting cannot be read (no permission); a periodic refresh is needed
        Live, // subscribed and the server sends what we need
    };
    Q_ENUM(Status)

    explicit KeyspaceWatcher(QObject *parent = nullptr);
    ~KeyspaceWatcher() override;

    // Subscribes on a connection of its own; pool runs CONFIG GET/SET.
    void start(const RedisConfig &config, RedisPool *pool, const QString &keyPrefix);
    void stop();
    // Reads the server's setting again.
    void recheck();

    Status status() const { return m_status; }
    QString flags() const { return m_flags; }
    // CONFIG SET notify-keyspace-events with the flags we need added to the current ones.
    void enableNotifications();

    // True when flags send keyspace events for sets, expiries, deletions and evictions.
    static bool flagsSuffice(const QString &flags);
    // flags with what the watcher needs added.
    static QString flagsWithKeyspace(const QString &flags);
    static QByteArray channelPattern(int database, const QString &keyPrefix);
    // "expired", "del", ...: the events that mean the key is gone.
    static bool isRemoval(const QByteArray &event);

    // How long events are gathered before they are reported together.
    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }

Q_SIGNALS:
    void statusChanged(RediStore::Admin::KeyspaceWatcher::Status status);
    void enableFailed(const QString &message);
    void sessionsChanged(const QStringList &ids);
    void sessionsRemoved(const QStringList &ids);

private:
    void setStatus(Status status);
    void onMessage(const QByteArray &pattern, const QByteArray &channel, const QByteArray &event);
    void flush();

    QPointer<RedisPool> m_pool;
    RedisSubscriber *m_subscriber = nullptr;
    RedisConfig m_config;
    QByteArray m_pattern;
    QByteArray m_channelPrefix; // "__keyspace@0__:session_"
    QString m_flags;
    Status m_status = Status::Off;
    bool m_subscribed = false;
    QHash<QString, bool> m_events; // id -> removed
    QTimer m_batchTimer;
    quint64 m_token = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_KEYSPACEWATCHER_H
