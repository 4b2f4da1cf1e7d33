#ifndef REDISTORE_ADMIN_LIVEUPDATES_H
#define REDISTORE_ADMIN_LIVEUPDATES_H

#include "live/keyspacewatcher.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace RediStore::Admin {

class SessionConnection;
class SessionTableModel;

// Keeps the session browser current: keyspace notifications when the server sends them, a
// periodic rescan when it does not (spaced by how long a scan takes, so a big database is not
// rescanned back to back). Offers, never forces, turning the notifications on.
class LiveUpdates : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Off, Checking, Live, Polling };
    Q_ENUM(Mode)

    LiveUpdates(SessionTableModel *model, QObject *parent = nullptr);

    void start(SessionConnection *connection);
    void stop();
    // After a lost connection came back: catch up.
    void catchUp();

    Mode mode() const { return m_mode; }
    KeyspaceWatcher *watcher() const { return m_watcher; }
    // Notifications are off, the server lets us read the setting, and writes are allowed.
    bool canEnable() const;
    void enableNotifications();
    QString statusText() const;

    void setMinimumPollInterval(int ms) { m_minPollMs = ms; }
    int pollInterval() const { return m_poll.interval(); }

Q_SIGNALS:
    void modeChanged(RediStore::Admin::LiveUpdates::Mode mode);
    // The server does not send keyspace events; the user may turn them on.
    void enableOffered();
    void enableFailed(const QString &message);
    // Forwarded keyspace events (already applied to the model).
    void sessionsChanged(const QStringList &ids);
    void sessionsRemoved(const QStringList &ids);

private:
    void onStatus(KeyspaceWatcher::Status status);
    void setMode(Mode mode);
    void poll();

    SessionTableModel *m_model;
    KeyspaceWatcher *m_watcher;
    QPointer<SessionConnection> m_connection;
    QTimer m_poll;
    QElapsedTimer m_scanClock;
    int m_minPollMs = 15000;
    Mode m_mode = Mode::Off;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_LIVEUPDATES_H
