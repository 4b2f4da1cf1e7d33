#ifndef REDISTORE_ADMIN_KEYSPACEWATCHER_H
#define REDISTORE_ADMIN_KEYSPACEWATCHER_H

#include <libredistore/session/sessionwatcher.h>

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace RediStore::Admin {

// Follows the sessions live for the session browser through a SessionWatcher, and hands its
// events on as batches of changed and removed session IDs. Whether the server sends keyspace
// events is the watcher's to find out; turning them on (CONFIG SET) happens only when the user
// asks. The watcher does not poll here: without notifications the browser rescans its own
// listing (LiveUpdates), which holds every session already.
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

    // endpoint names the server in messages.
    void start(SessionAdmin *admin, const QString &endpoint);
    void stop();
    // Reads the server's setting again.
    void recheck();

    Status status() const { return m_status; }
    // notify-keyspace-events as last read.
    QString flags() const;
    // Adds the flags SessionWatcher needs to the server's notify-keyspace-events.
    void enableNotifications();

    // How long events are gathered before they are reported together.
    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }

Q_SIGNALS:
    void statusChanged(RediStore::Admin::KeyspaceWatcher::Status status);
    void enableFailed(const QString &message);
    void sessionsChanged(const QStringList &ids);
    void sessionsRemoved(const QStringList &ids);

private:
    void updateStatus();
    void onSessionChanged(const QString &id, SessionWatcher::Event event);
    void flush();

    QPointer<SessionWatcher> m_watcher;
    QString m_endpoint;
    Status m_status = Status::Off;
    QHash<QString, bool> m_events; // id -> removed
    QTimer m_batchTimer;
    quint64 m_token = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_KEYSPACEWATCHER_H
