#ifndef REDISTORE_SESSIONWATCHER_H
#define REDISTORE_SESSIONWATCHER_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>

#include <memory>
#include <optional>

namespace RediStore {

class SessionWatcherPrivate;

// Follows the sessions of a SessionAdmin as they are written, expire and go: by Redis keyspace
// notifications when the server sends them, else by polling (a SCAN with every session's TTL
// and size, compared with the previous one, every pollInterval milliseconds).
//
// It changes nothing on the server by itself: start() reads notify-keyspace-events (CONFIG
// GET); when the flags send what it needs, it subscribes on a connection of its own and
// listens; when they do not, or CONFIG is refused (managed Redis, ACLs), it polls.
// enableNotifications() turns them on, when the user asks for it.
//
//   auto *watcher = new SessionWatcher(admin, this);
//   connect(watcher, &SessionWatcher::sessionChanged, this,
//           [](const QString &id, SessionWatcher::Event event) { ... });
//   watcher->start();
//
// Keys of the per-user index ("redistore:user:...") are never reported.
class REDISTORE_EXPORT SessionWatcher : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Mode mode READ mode NOTIFY modeChanged)

public:
    enum class Mode {
        Off, // not started, or the admin is gone
        Checking, // reading the server's setting, or subscribing
        Listening, // keyspace notifications arrive
        Polling, // no notifications: a SCAN every pollInterval (none when it is 0)
    };
    Q_ENUM(Mode)

    // What happened to a session. Notifications name more than polling can see: polling
    // reports Written when the size changed, TtlChanged when the expiry moved by more than a
    // second, and Expired for a session gone after its expiry time (Deleted before it).
    enum class Event {
        Written, // set, setrange, append, incrby, restore, rename_to, move_to, copy_to, ...
        TtlChanged, // expire (EXPIRE, PEXPIRE, EXPIREAT, SET ... EX), persist
        Deleted, // del (DEL, UNLINK, GETDEL), rename_from, move_from
        Expired, // expired: Redis removed it at its expiry time
        Evicted, // evicted: Redis removed it to free memory (maxmemory)
    };
    Q_ENUM(Event)

    // The server's notify-keyspace-events, as last read.
    enum class Notifications {
        Unknown, // not read yet
        Enabled, // the flags send what the watcher needs
        Disabled, // they do not; enableNotifications() can change that
        Unreadable, // CONFIG GET refused or failed
    };
    Q_ENUM(Notifications)

    explicit SessionWatcher(SessionAdmin *admin, QObject *parent = nullptr);
    ~SessionWatcher() override;

    SessionAdmin *admin() const;

    // Reads the server's setting, then listens or polls. Does nothing without an admin.
    void start();
    void stop();
    // Reads the setting again (after a reconnect, or after someone changed it) and switches
    // between listening and polling accordingly.
    void recheck();

    Mode mode() const;
    Notifications notifications() const;
    QString notificationFlags() const; // as last read; empty when unknown

    // Adds the flags the watcher needs to notify-keyspace-events (CONFIG SET), then rechecks.
    // Refused (ReadOnly) when the admin is read-only.
    QFuture<SessionChange> enableNotifications();

    // Milliseconds between polls (default 2000); 0: no polling of its own (an owner that keeps
    // a full listing anyway rescans it when mode() is Polling).
    int pollInterval() const;
    void setPollInterval(int ms);

    // What a keyspace notification means for the session it names; nothing for the ones that
    // mean no change ("new", which comes with a write, and "keymiss"). Unknown names (a hash
    // or list command on a key under the prefix) count as Written.
    static std::optional<Event> eventFor(const QByteArray &notification);
    // Deleted, Expired and Evicted: the session is gone.
    static bool isRemoval(Event event);
    // True when flags (notify-keyspace-events) send keyspace events for writes, expiries and
    // deletions: K with A, or with g, $ and x.
    static bool flagsSuffice(const QString &flags);
    // flags with what the watcher needs added (K, g, $, x, e).
    static QString flagsWithKeyspace(const QString &flags);

Q_SIGNALS:
    void modeChanged(RediStore::SessionWatcher::Mode mode);
    void sessionChanged(const QString &id, RediStore::SessionWatcher::Event event);
    // From now on every change is reported; before, some may have been missed (the
    // subscription was just confirmed, also again after a lost connection, or the first poll
    // is done). An owner that keeps a listing reloads it.
    void resyncNeeded();
    // A poll finished (its events already reported).
    void polled();
    void errorOccurred(const RediStore::SessionError &error);

private:
    std::unique_ptr<SessionWatcherPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_SESSIONWATCHER_H
