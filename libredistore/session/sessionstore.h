#ifndef REDISTORE_SESSIONSTORE_H
#define REDISTORE_SESSIONSTORE_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/session.h>
#include <libredistore/session/sessionerror.h>

#include <QtCore/QByteArrayList>
#include <QtCore/QFuture>
#include <QtCore/QObject>

#include <functional>

namespace RediStore {

// What loading a session gives: always a usable session, and, when the request's cookie was
// bad or Redis failed, the reason (the session is then a new one). As Go's Store.New.
struct SessionLoadResult
{
    Session session;
    SessionError error;
};

// What saving gives: the Set-Cookie header value to send (empty when nothing needs sending,
// e.g. a lazy save that wrote nothing), or the reason nothing was saved.
struct SessionSaveResult
{
    SessionError error;
    QByteArray setCookie;
    bool ok() const { return !error.isError(); }
};

// A place sessions live, as gorilla/sessions' Store. Every call completes exactly once,
// asynchronously, on the caller's thread, with a result that carries its own error; nothing
// blocks. Each call has two forms: a QFuture (continue with RediStore::whenFinished, see
// libredistore/async.h), and, for the hot path, a callback run on context's thread (not at all
// once context is gone).
//
// The public calls are not virtual; a store implements the protected virtuals below them.
class REDISTORE_EXPORT SessionStore
{
public:
    using LoadCallback = std::function<void(const SessionLoadResult &)>;
    using SaveCallback = std::function<void(const SessionSaveResult &)>;
    // Changes a session; update() may run it more than once, each time on fresh values.
    using UpdateFunction = std::function<void(Session &session)>;

    virtual ~SessionStore();

    // A new, empty session called name with the store's default options.
    Session newSession(const QByteArray &name) const;

    // The session called name for a request whose Cookie header values are cookieHeaders.
    void load(const QByteArray &name, const QByteArrayList &cookieHeaders, const QObject *context,
              LoadCallback callback);
    QFuture<SessionLoadResult> load(const QByteArray &name, const QByteArrayList &cookieHeaders);

    // Writes the session (or deletes it when its MaxAge is negative) and gives its cookie.
    // Never loses another writer's change and never re-creates a session that is gone
    // (SessionGone) unless the store says otherwise (RedisStore's withConcurrency).
    void save(const Session &session, const QObject *context, SaveCallback callback);
    QFuture<SessionSaveResult> save(const Session &session);

    // Read-modify-write without loss: runs change on the session and saves it; when another
    // writer changed the session meanwhile, runs change again on the fresh values, a bounded
    // number of times, then fails with Conflict. Updates of one session in one process wait for
    // each other.
    void update(const Session &session, UpdateFunction change, const QObject *context,
                SaveCallback callback);
    QFuture<SessionSaveResult> update(const Session &session, UpdateFunction change);

    // Deletes the session's data and gives an expired cookie; the session is cleared.
    void destroy(const Session &session, const QObject *context, SaveCallback callback);
    QFuture<SessionSaveResult> destroy(const Session &session);

protected:
    virtual Session createSession(const QByteArray &name) const = 0;
    virtual void loadSession(const QByteArray &name, const QByteArrayList &cookieHeaders,
                             const QObject *context, LoadCallback callback)
        = 0;
    virtual void saveSession(const Session &session, const QObject *context, SaveCallback callback)
        = 0;
    virtual void updateSession(const Session &session, UpdateFunction change,
                               const QObject *context, SaveCallback callback)
        = 0;
    virtual void destroySession(const Session &session, const QObject *context,
                                SaveCallback callback)
        = 0;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SessionLoadResult)
Q_DECLARE_METATYPE(RediStore::SessionSaveResult)

#endif // REDISTORE_SESSIONSTORE_H
